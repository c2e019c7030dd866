// C interface to the Verilated uhdpipe_legall_hs (LeGall synthesis, 1 pair per beat; sim/src/legall_h.rs drives it).
#include "Vlegall_hs.h"
#define LH_LANES(X) X(0)
#define LH_IN_MASK 0x3fff
#include "legall_h_ports.h"

LEGALL_H_SHIM(legall_hs, Vlegall_hs)
