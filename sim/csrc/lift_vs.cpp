// C interface to the Verilated uhdpipe_lift_vs (every-wavelet vertical synthesis, 1 column pair per beat; sim/src/lift_v.rs drives it).
#include "Vlift_vs.h"
#define LFV_LANES(X) X(0)
#define LFV_IN_MASK 0xfffff
#include "lift_v_ports.h"

LIFT_V_SHIM(lift_vs, Vlift_vs)
