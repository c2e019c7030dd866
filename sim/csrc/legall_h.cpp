// C interface to the Verilated uhdpipe_legall_h (LeGall analysis, 1 pair per beat; sim/src/legall_h.rs drives it).
#include "Vlegall_h.h"
#define LH_LANES(X) X(0)
#define LH_IN_MASK 0xfff
#include "legall_h_ports.h"

LEGALL_H_SHIM(legall_h, Vlegall_h)
