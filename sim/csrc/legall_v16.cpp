// C interface to the Verilated uhdpipe_legall_v16 (LeGall vertical analysis, 8 column pairs per beat; sim/src/legall_v.rs drives it).
#include "Vlegall_v16.h"
#define LV_LANES(X) X(0) X(1) X(2) X(3) X(4) X(5) X(6) X(7)
#include "legall_v_ports.h"

LEGALL_V_SHIM(legall_v16, Vlegall_v16)
