// C interface to the Verilated uhdpipe_lift_hs16 (every-wavelet horizontal synthesis, 8 pairs per beat; sim/src/lift_h.rs drives it).
#include "Vlift_hs16.h"
#define LFH_LANES(X) X(0) X(1) X(2) X(3) X(4) X(5) X(6) X(7)
#define LFH_IN_MASK 0xfffff
#include "lift_h_ports.h"

LIFT_H_SHIM(lift_hs16, Vlift_hs16)
