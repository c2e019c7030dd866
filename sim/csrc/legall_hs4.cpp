// C interface to the Verilated uhdpipe_legall_hs4 (LeGall synthesis, 2 pairs per beat; sim/src/legall_h.rs drives it).
#include "Vlegall_hs4.h"
#define LH_LANES(X) X(0) X(1)
#define LH_IN_MASK 0x3fff
#include "legall_h_ports.h"

LEGALL_H_SHIM(legall_hs4, Vlegall_hs4)
