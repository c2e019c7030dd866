// C interface to the Verilated uhdpipe_lift_h (sim/src/lift_h.rs drives it).
#include "harness.h"
#include "lift_h_ports.h"
#include "Vlift_h.h"

UHDPIPE_HARNESS(lift_h, Vlift_h)

extern "C" void uhdpipe_lift_h_eval(UhdpipeHarness<Vlift_h>* s, LiftHPorts* p) {
    lift_h_eval(s->top, p, 0xfff);
}
