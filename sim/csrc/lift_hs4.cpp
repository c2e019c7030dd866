// C interface to the Verilated uhdpipe_lift_hs4 (every-wavelet horizontal synthesis, 2 pairs per beat; sim/src/lift_h.rs drives it).
#include "Vlift_hs4.h"
#define LFH_LANES(X) X(0) X(1)
#define LFH_IN_MASK 0xfffff
#include "lift_h_ports.h"

LIFT_H_SHIM(lift_hs4, Vlift_hs4)
