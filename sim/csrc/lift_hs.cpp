// C interface to the Verilated uhdpipe_lift_hs (every-wavelet horizontal synthesis, 1 pair per beat; sim/src/lift_h.rs drives it).
#include "Vlift_hs.h"
#define LFH_LANES(X) X(0)
#define LFH_IN_MASK 0xfffff
#include "lift_h_ports.h"

LIFT_H_SHIM(lift_hs, Vlift_hs)
