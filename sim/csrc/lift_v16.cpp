// C interface to the Verilated uhdpipe_lift_v16 (every-wavelet vertical analysis, 8 column pairs per beat; sim/src/lift_v.rs drives it).
#include "Vlift_v16.h"
#define LFV_LANES(X) X(0) X(1) X(2) X(3) X(4) X(5) X(6) X(7)
#define LFV_IN_MASK 0xfff
#include "lift_v_ports.h"

LIFT_V_SHIM(lift_v16, Vlift_v16)
