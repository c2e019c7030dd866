// C interface to the Verilated uhdpipe_lift_inv1 (the every-wavelet inverse 2-D transform at
// one sample per clock; sim/src/lift_inv.rs drives it). Its band ports are lift_inv's; its
// picture stream is one sample per beat (out_sample), which INV_PORT maps to both
// out_even[0] and out_odd[0] (the driver reads out_even[0] only).
#include "Vlift_inv1.h"
#define INV_L1(X) X(0)
#define INV_L2(X) X(0)
#define INV_L3(X) X(0)
#define INV_L4(X) X(0)
#define INV_PORT(name, k) LIFT_INV1_##name
#define LIFT_INV1_in1_a in1_a
#define LIFT_INV1_in1_b in1_b
#define LIFT_INV1_in2_a in2_a
#define LIFT_INV1_in2_b in2_b
#define LIFT_INV1_in3_a in3_a
#define LIFT_INV1_in3_b in3_b
#define LIFT_INV1_in4_a in4_a
#define LIFT_INV1_in4_b in4_b
#define LIFT_INV1_inho_low inho_low
#define LIFT_INV1_inho_high inho_high
#define LIFT_INV1_out_even out_sample
#define LIFT_INV1_out_odd out_sample
#include "inv_ports.h"

LIFT_INV_SHIM(lift_inv1, Vlift_inv1)
