// Ports and eval body shared by the Verilated forward 2-D transforms (legall_fwd: LeGall and
// Haar; lift_fwd: every wavelet), which have the same ports with other lane widths; each
// build's shim instantiates the eval with its model (sim/src/legall_fwd.rs `Ports`).
#pragma once
#include <cstdint>

struct FwdPorts {
    uint8_t in_valid, in_first, in_last, in_sop;
    uint8_t out_ready[3], cfg_depth;
    uint16_t in_even, in_odd, cfg_pairs, cfg_rows;
    uint8_t in_ready, err_line, err_pic;
    uint8_t out_valid[3], out_first[3], out_last[3], out_sop[3], out_vhigh[3];
    uint8_t cfg_wavelet;  // an input, in what would be padding
    uint64_t out_a[3], out_b[3];
    uint8_t cfg_depth_ho, outho_ready;                                // inputs
    uint8_t outho_valid, outho_first, outho_last, outho_sop;  // outputs
    uint8_t cfg_wavelet_ho, pad2;                                   // an input; padding
    uint64_t outho_low, outho_high;
};

// Applies the inputs, settles, and reports the outputs as they are before the next edge.
template <class T>
void fwd_eval(T* t, FwdPorts* p) {
    t->in_valid = p->in_valid;
    t->in_first = p->in_first;
    t->in_last = p->in_last;
    t->in_sop = p->in_sop;
    t->out1_ready = p->out_ready[0];
    t->out2_ready = p->out_ready[1];
    t->out3_ready = p->out_ready[2];
    t->cfg_depth = p->cfg_depth & 3;
    t->cfg_wavelet = p->cfg_wavelet & 7;
    t->cfg_depth_ho = p->cfg_depth_ho & 1;
    t->outho_ready = p->outho_ready;
    t->cfg_wavelet_ho = p->cfg_wavelet_ho & 7;
    t->in_even = p->in_even & 0xfff;
    t->in_odd = p->in_odd & 0xfff;
    t->cfg_pairs = p->cfg_pairs & 0x1fff;
    t->cfg_rows = p->cfg_rows & 0x1fff;
    t->eval();
    p->in_ready = t->in_ready;
    p->err_line = t->err_line;
    p->err_pic = t->err_pic;
#define LEVEL(i, n)                      \
    p->out_valid[i] = t->out##n##_valid; \
    p->out_first[i] = t->out##n##_first; \
    p->out_last[i] = t->out##n##_last;   \
    p->out_sop[i] = t->out##n##_sop;     \
    p->out_vhigh[i] = t->out##n##_vhigh; \
    p->out_a[i] = t->out##n##_a;         \
    p->out_b[i] = t->out##n##_b;
    LEVEL(0, 1)
    LEVEL(1, 2)
    LEVEL(2, 3)
#undef LEVEL
    p->outho_valid = t->outho_valid;
    p->outho_first = t->outho_first;
    p->outho_last = t->outho_last;
    p->outho_sop = t->outho_sop;
    p->outho_low = t->outho_low;
    p->outho_high = t->outho_high;
}
