// C interface to the Verilated uhdpipe_lift_h (every-wavelet horizontal analysis, 1 pair per beat; sim/src/lift_h.rs drives it).
#include "Vlift_h.h"
#define LFH_LANES(X) X(0)
#define LFH_IN_MASK 0xfff
#include "lift_h_ports.h"

LIFT_H_SHIM(lift_h, Vlift_h)
