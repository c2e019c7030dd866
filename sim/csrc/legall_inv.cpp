// C interface to the Verilated uhdpipe_legall_inv (sim/src/legall_inv.rs drives it).
#include "harness.h"
#include "inv_ports.h"
#include "Vlegall_inv.h"

UHDPIPE_HARNESS(legall_inv, Vlegall_inv)

// Applies the inputs, settles, and reports the outputs as they are before the next edge.
extern "C" void uhdpipe_legall_inv_eval(UhdpipeHarness<Vlegall_inv>* s, InvPorts* p) {
    inv_set(s->top, p, 0x1ffffu, 0xfffffu, 0x7fffffu);
    s->top->eval();
    inv_get(s->top, p);
}
