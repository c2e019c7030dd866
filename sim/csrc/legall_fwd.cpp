// C interface to the Verilated uhdpipe_legall_fwd (sim/src/legall_fwd.rs drives it).
#include "harness.h"
#include "fwd_ports.h"
#include "Vlegall_fwd.h"

UHDPIPE_HARNESS(legall_fwd, Vlegall_fwd)

extern "C" void uhdpipe_legall_fwd_eval(UhdpipeHarness<Vlegall_fwd>* s, FwdPorts* p) {
    fwd_eval(s->top, p);
}
