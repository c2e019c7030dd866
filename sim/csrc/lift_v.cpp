// C interface to the Verilated uhdpipe_lift_v (every-wavelet vertical analysis, 1 column pair per beat; sim/src/lift_v.rs drives it).
#include "Vlift_v.h"
#define LFV_LANES(X) X(0)
#define LFV_IN_MASK 0xfff
#include "lift_v_ports.h"

LIFT_V_SHIM(lift_v, Vlift_v)
