// C interface to the Verilated uhdpipe_lift_v (sim/src/lift_v.rs drives it).
#include "harness.h"
#include "lift_v_ports.h"
#include "Vlift_v.h"

UHDPIPE_HARNESS(lift_v, Vlift_v)

extern "C" void uhdpipe_lift_v_eval(UhdpipeHarness<Vlift_v>* s, LiftVPorts* p) {
    lift_v_eval(s->top, p, 0xfff);
}
