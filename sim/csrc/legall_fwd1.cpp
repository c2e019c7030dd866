// C interface to the Verilated uhdpipe_legall_fwd1 (the forward 2-D transform at one sample
// per clock: the sample in in_even[0]; sim/src/legall_fwd.rs drives it).
#include "Vlegall_fwd1.h"
#define FWD_L1(X) X(0)
#define FWD_L2(X) X(0)
#define FWD_L3(X) X(0)
#define FWD_L4(X) X(0)
#define FWD_PORT(name, k) name##___05F##k
#define FWD_SET_INPUTS t->in_sample = p->in_even[0] & 0xfff;
#include "fwd_ports.h"

FWD_SHIM(legall_fwd1, Vlegall_fwd1)
