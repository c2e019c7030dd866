// C interface to the Verilated uhdpipe_lift_inv (sim/src/lift_inv.rs drives it).
#include "Vlift_inv.h"
#define INV_L1(X) X(0)
#define INV_L2(X) X(0)
#define INV_L3(X) X(0)
#define INV_PORT(name, k) name
#include "inv_ports.h"

UHDPIPE_HARNESS(lift_inv, Vlift_inv)

// Applies the inputs, settles, and reports the outputs as they are before the next edge.
extern "C" void uhdpipe_lift_inv_eval(UhdpipeHarness<Vlift_inv>* s, InvPorts* p) {
    auto* t = s->top;
    const uint64_t m = 0xfffffu;  // 20-bit band lanes
    inv_set(t, p, m, m, m, m);
    t->cfg_depth_ho = p->cfg_depth_ho & 1;
    t->inho_valid = p->in_valid[4];
    t->inho_first = p->in_first[4];
    t->inho_last = p->in_last[4];
    t->inho_sop = p->in_sop[4];
    t->inho_low = p->in_a[4][0] & m;
    t->inho_high = p->in_b[4][0] & m;
    t->inho_tag = p->in_tag[4] & 15;
    t->eval();
    inv_get(t, p);
    p->in_ready[4] = t->inho_ready;
    p->err_wavelet = t->err_wavelet;
}
