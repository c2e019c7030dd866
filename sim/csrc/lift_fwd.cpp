// C interface to the Verilated uhdpipe_lift_fwd (sim/src/lift_fwd.rs drives it).
#include "harness.h"
#include "fwd_ports.h"
#include "Vlift_fwd.h"

UHDPIPE_HARNESS(lift_fwd, Vlift_fwd)

extern "C" void uhdpipe_lift_fwd_eval(UhdpipeHarness<Vlift_fwd>* s, FwdPorts* p) {
    fwd_eval(s->top, p);
}
