// C interface to the Verilated uhdpipe_legall_inv4 (4 samples per clock; sim/src/legall_inv.rs drives it).
#include "Vlegall_inv4.h"
#define INV_L1(X) X(0) X(1)
#define INV_L2(X) X(0)
#define INV_L3(X) X(0)
#define INV_L4(X) X(0)
#define INV_PORT(name, k) name##___05F##k
#include "inv_ports.h"

LEGALL_INV_SHIM(legall_inv4, Vlegall_inv4)
