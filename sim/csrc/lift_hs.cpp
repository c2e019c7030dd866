// C interface to the Verilated uhdpipe_lift_hs (sim/src/lift_h.rs drives it).
#include "harness.h"
#include "lift_h_ports.h"
#include "Vlift_hs.h"

UHDPIPE_HARNESS(lift_hs, Vlift_hs)

extern "C" void uhdpipe_lift_hs_eval(UhdpipeHarness<Vlift_hs>* s, LiftHPorts* p) {
    lift_h_eval(s->top, p, 0xfffff);
}
