// C interface to the Verilated uhdpipe_lift_h8 (every-wavelet horizontal analysis, 4 pairs per beat; sim/src/lift_h.rs drives it).
#include "Vlift_h8.h"
#define LFH_LANES(X) X(0) X(1) X(2) X(3)
#define LFH_IN_MASK 0xfff
#include "lift_h_ports.h"

LIFT_H_SHIM(lift_h8, Vlift_h8)
