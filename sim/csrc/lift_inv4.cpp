// C interface to the Verilated uhdpipe_lift_inv4 (every-wavelet inverse 2-D transform, 4
// samples per clock; sim/src/lift_inv.rs drives it).
#include "Vlift_inv4.h"
#define INV_L1(X) X(0) X(1)
#define INV_L2(X) X(0)
#define INV_L3(X) X(0)
#define INV_L4(X) X(0)
#define INV_PORT(name, k) name##___05F##k
#include "inv_ports.h"

LIFT_INV_SHIM(lift_inv4, Vlift_inv4)
