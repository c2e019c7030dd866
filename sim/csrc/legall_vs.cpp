// C interface to the Verilated uhdpipe_legall_vs (LeGall vertical synthesis, 1 column pair per beat; sim/src/legall_v.rs drives it).
#include "Vlegall_vs.h"
#define LV_LANES(X) X(0)
#include "legall_v_ports.h"

LEGALL_V_SHIM(legall_vs, Vlegall_vs)
