// C interface to the Verilated uhdpipe_lift_h4 (every-wavelet horizontal analysis, 2 pairs per beat; sim/src/lift_h.rs drives it).
#include "Vlift_h4.h"
#define LFH_LANES(X) X(0) X(1)
#define LFH_IN_MASK 0xfff
#include "lift_h_ports.h"

LIFT_H_SHIM(lift_h4, Vlift_h4)
