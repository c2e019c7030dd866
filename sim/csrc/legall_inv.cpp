// C interface to the Verilated uhdpipe_legall_inv (sim/src/legall_inv.rs drives it).
#include "harness.h"
#include "Vlegall_inv.h"

struct LegallInvPorts {
    uint8_t in_valid[3], in_first[3], in_last[3], in_sop[3];
    uint8_t out_ready, cfg_depth, cfg_wavelet, cfg_wavelet_ho;
    uint16_t cfg_pairs, cfg_rows;
    uint8_t in_ready[3], out_valid, out_first, out_last, out_sop, err_line, err_pic, pad1[3];
    uint32_t in_a[3], in_b[3];
    uint32_t out_even, out_odd;
};

UHDPIPE_HARNESS(legall_inv, Vlegall_inv)

// Applies the inputs, settles, and reports the outputs as they are before the next edge.
extern "C" void uhdpipe_legall_inv_eval(UhdpipeHarness<Vlegall_inv>* s, LegallInvPorts* p) {
    auto* t = s->top;
#define LEVEL_IN(i, n, mask)              \
    t->in##n##_valid = p->in_valid[i];    \
    t->in##n##_first = p->in_first[i];    \
    t->in##n##_last = p->in_last[i];      \
    t->in##n##_sop = p->in_sop[i];        \
    t->in##n##_a = p->in_a[i] & (mask);   \
    t->in##n##_b = p->in_b[i] & (mask);
    LEVEL_IN(0, 1, 0x1ffffu)
    LEVEL_IN(1, 2, 0xfffffu)
    LEVEL_IN(2, 3, 0x7fffffu)
#undef LEVEL_IN
    t->out_ready = p->out_ready;
    t->cfg_depth = p->cfg_depth & 3;
    t->cfg_wavelet = p->cfg_wavelet & 7;
    t->cfg_wavelet_ho = p->cfg_wavelet_ho & 7;
    t->cfg_pairs = p->cfg_pairs & 0x1fff;
    t->cfg_rows = p->cfg_rows & 0x1fff;
    t->eval();
    p->in_ready[0] = t->in1_ready;
    p->in_ready[1] = t->in2_ready;
    p->in_ready[2] = t->in3_ready;
    p->out_valid = t->out_valid;
    p->out_first = t->out_first;
    p->out_last = t->out_last;
    p->out_sop = t->out_sop;
    p->err_line = t->err_line;
    p->err_pic = t->err_pic;
    p->out_even = t->out_even;
    p->out_odd = t->out_odd;
}
