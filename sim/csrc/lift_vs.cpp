// C interface to the Verilated uhdpipe_lift_vs (sim/src/lift_v.rs drives it).
#include "harness.h"
#include "lift_v_ports.h"
#include "Vlift_vs.h"

UHDPIPE_HARNESS(lift_vs, Vlift_vs)

extern "C" void uhdpipe_lift_vs_eval(UhdpipeHarness<Vlift_vs>* s, LiftVPorts* p) {
    lift_v_eval(s->top, p, 0xfffff);
}
