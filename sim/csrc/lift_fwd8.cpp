// C interface to the Verilated uhdpipe_lift_fwd8 (every-wavelet forward 2-D transform, 8
// samples per clock; sim/src/lift_fwd.rs drives it).
#include "Vlift_fwd8.h"
#define FWD_L1(X) X(0) X(1) X(2) X(3)
#define FWD_L2(X) X(0) X(1)
#define FWD_L3(X) X(0)
#define FWD_L4(X) X(0)
#define FWD_PORT(name, k) name##___05F##k
#include "fwd_ports.h"

FWD_SHIM(lift_fwd8, Vlift_fwd8)
