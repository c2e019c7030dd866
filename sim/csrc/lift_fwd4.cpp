// C interface to the Verilated uhdpipe_lift_fwd4 (every-wavelet forward 2-D transform, 4
// samples per clock; sim/src/lift_fwd.rs drives it).
#include "Vlift_fwd4.h"
#define FWD_L1(X) X(0) X(1)
#define FWD_L2(X) X(0)
#define FWD_L3(X) X(0)
#define FWD_L4(X) X(0)
#define FWD_PORT(name, k) name##___05F##k
#include "fwd_ports.h"

FWD_SHIM(lift_fwd4, Vlift_fwd4)
