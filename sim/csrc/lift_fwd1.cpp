// C interface to the Verilated uhdpipe_lift_fwd1 (the every-wavelet forward 2-D transform at
// one sample per clock: the sample in in_even[0], plain ports; sim/src/lift_fwd.rs drives it).
#include "Vlift_fwd1.h"
#define FWD_L1(X) X(0)
#define FWD_L2(X) X(0)
#define FWD_L3(X) X(0)
#define FWD_L4(X) X(0)
#define FWD_PORT(name, k) name
#define FWD_SET_INPUTS t->in_sample = p->in_even[0] & 0xfff;
#include "fwd_ports.h"

FWD_SHIM(lift_fwd1, Vlift_fwd1)
