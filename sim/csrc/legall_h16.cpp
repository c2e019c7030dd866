// C interface to the Verilated uhdpipe_legall_h16 (LeGall analysis, 8 pairs per beat; sim/src/legall_h.rs drives it).
#include "Vlegall_h16.h"
#define LH_LANES(X) X(0) X(1) X(2) X(3) X(4) X(5) X(6) X(7)
#define LH_IN_MASK 0xfff
#include "legall_h_ports.h"

LEGALL_H_SHIM(legall_h16, Vlegall_h16)
