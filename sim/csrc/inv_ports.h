// Ports shared by the Verilated inverse 2-D transforms (legall_inv: LeGall and Haar;
// lift_inv: every wavelet, with a horizontal-only level), which have the same ports with
// other lane widths (sim/src/legall_inv.rs `Ports`). Stream index 3 is the horizontal-only
// level's (a = L, b = H); a build without one ignores it.
#pragma once
#include <cstdint>

struct InvPorts {
    uint8_t in_valid[4], in_first[4], in_last[4], in_sop[4];
    uint8_t out_ready, cfg_depth, cfg_wavelet, cfg_wavelet_ho, cfg_depth_ho;  // inputs
    uint8_t in_ready[4], out_valid, out_first, out_last, out_sop, err_line, err_pic, err_wavelet;
    uint16_t cfg_pairs, cfg_rows;
    uint8_t in_tag[4], out_tag;  // picture numbers
    uint8_t pad[1];
    uint64_t in_a[4], in_b[4];
    uint64_t out_even, out_odd;
};

// The inputs of the 2-D levels (lane masks m1..m3) and the common registers.
template <class T>
void inv_set(T* t, const InvPorts* p, uint64_t m1, uint64_t m2, uint64_t m3) {
#define LEVEL_IN(i, n, mask)              \
    t->in##n##_valid = p->in_valid[i];    \
    t->in##n##_first = p->in_first[i];    \
    t->in##n##_last = p->in_last[i];      \
    t->in##n##_sop = p->in_sop[i];        \
    t->in##n##_a = p->in_a[i] & (mask);   \
    t->in##n##_b = p->in_b[i] & (mask);   \
    t->in##n##_tag = p->in_tag[i] & 15;
    LEVEL_IN(0, 1, m1)
    LEVEL_IN(1, 2, m2)
    LEVEL_IN(2, 3, m3)
#undef LEVEL_IN
    t->out_ready = p->out_ready;
    t->cfg_depth = p->cfg_depth & 3;
    t->cfg_wavelet = p->cfg_wavelet & 7;
    t->cfg_wavelet_ho = p->cfg_wavelet_ho & 7;
    t->cfg_pairs = p->cfg_pairs & 0x1fff;
    t->cfg_rows = p->cfg_rows & 0x1fff;
}

// The outputs every inverse build has, as they are before the next edge.
template <class T>
void inv_get(T* t, InvPorts* p) {
    p->in_ready[0] = t->in1_ready;
    p->in_ready[1] = t->in2_ready;
    p->in_ready[2] = t->in3_ready;
    p->in_ready[3] = 0;
    p->out_valid = t->out_valid;
    p->out_first = t->out_first;
    p->out_last = t->out_last;
    p->out_sop = t->out_sop;
    p->err_line = t->err_line;
    p->err_pic = t->err_pic;
    p->err_wavelet = 0;
    p->out_tag = t->out_tag;
    p->out_even = t->out_even;
    p->out_odd = t->out_odd;
}
