// C interface to the Verilated uhdpipe_lift_inv8 (every-wavelet inverse 2-D transform, 8
// samples per clock; sim/src/lift_inv.rs drives it).
#include "Vlift_inv8.h"
#define INV_L1(X) X(0) X(1) X(2) X(3)
#define INV_L2(X) X(0) X(1)
#define INV_L3(X) X(0)
#define INV_L4(X) X(0)
#define INV_PORT(name, k) name##___05F##k
#include "inv_ports.h"

LIFT_INV_SHIM(lift_inv8, Vlift_inv8)
