// C interface to the Verilated uhdpipe_legall_h8 (LeGall analysis, 4 pairs per beat; sim/src/legall_h.rs drives it).
#include "Vlegall_h8.h"
#define LH_LANES(X) X(0) X(1) X(2) X(3)
#define LH_IN_MASK 0xfff
#include "legall_h_ports.h"

LEGALL_H_SHIM(legall_h8, Vlegall_h8)
