// C interface to the Verilated uhdpipe_legall_h4 (LeGall analysis, 2 pairs per beat; sim/src/legall_h.rs drives it).
#include "Vlegall_h4.h"
#define LH_LANES(X) X(0) X(1)
#define LH_IN_MASK 0xfff
#include "legall_h_ports.h"

LEGALL_H_SHIM(legall_h4, Vlegall_h4)
