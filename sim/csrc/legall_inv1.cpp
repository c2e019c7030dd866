// C interface to the Verilated uhdpipe_legall_inv1 (the inverse 2-D transform at one sample
// per clock; sim/src/legall_inv.rs drives it). Its band ports are legall_inv's; its picture
// stream is one sample per beat (out_sample), which INV_PORT maps to both out_even[0] and
// out_odd[0] (the driver reads out_even[0] only).
#include "Vlegall_inv1.h"
#define INV_L1(X) X(0)
#define INV_L2(X) X(0)
#define INV_L3(X) X(0)
#define INV_L4(X) X(0)
#define INV_PORT(name, k) INV1_##name(k)
#define INV1_in1_a(k) in1_a___05F##k
#define INV1_in1_b(k) in1_b___05F##k
#define INV1_in2_a(k) in2_a___05F##k
#define INV1_in2_b(k) in2_b___05F##k
#define INV1_in3_a(k) in3_a___05F##k
#define INV1_in3_b(k) in3_b___05F##k
#define INV1_in4_a(k) in4_a___05F##k
#define INV1_in4_b(k) in4_b___05F##k
#define INV1_out_even(k) out_sample
#define INV1_out_odd(k) out_sample
#include "inv_ports.h"

LEGALL_INV_SHIM(legall_inv1, Vlegall_inv1)
