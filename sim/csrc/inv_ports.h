// Ports shared by the Verilated inverse 2-D transforms (legall_inv*: LeGall and Haar at 2,
// 4, 8, 16 samples per clock; lift_inv: every wavelet, with a horizontal-only level), which
// have the same ports with other lane counts and widths (sim/src/legall_inv.rs `Ports`).
// Stream index k < 4 is level k + 1's, index 4 the horizontal-only level's (a = L, b = H);
// a build without one ignores it. A shim defines INV_L1(X), INV_L2(X), INV_L3(X) as X(0) …
// X(Pk - 1) for each level's pair lanes, INV_L4(X) likewise for level 4, and INV_PORT(name, k) as the C++ name of lane k of an array port
// (`name___05F##k`) or plain `name`, then includes this header. The horizontal-only
// level's stream (lift_inv) has level 2's lanes.
#pragma once
#include <cstdint>
#include "harness.h"

struct InvPorts {
    uint64_t in_a[5][8], in_b[5][8];  // inputs: stream k's lanes
    uint64_t out_even[8], out_odd[8];  // outputs: the picture's lanes
    uint16_t cfg_pairs, cfg_rows;
    uint8_t in_valid[5], in_first[5], in_last[5], in_sop[5], in_tag[5];
    uint8_t out_ready, cfg_depth, cfg_wavelet, cfg_wavelet_ho, cfg_depth_ho;  // inputs
    uint8_t in_ready[5], out_valid, out_first, out_last, out_sop, out_tag, err_line, err_pic, err_wavelet, err_range;
};

// Every field of InvPorts, in order: its layout is checked against the Rust mirror (UHDPIPE_LAYOUT).
#define INV_PORT_FIELDS(F) F(in_a) F(in_b) F(out_even) F(out_odd) F(cfg_pairs) F(cfg_rows) F(in_valid) F(in_first) F(in_last) F(in_sop) F(in_tag) F(out_ready) F(cfg_depth) F(cfg_wavelet) F(cfg_wavelet_ho) F(cfg_depth_ho) F(in_ready) F(out_valid) F(out_first) F(out_last) F(out_sop) F(out_tag) F(err_line) F(err_pic) F(err_wavelet) F(err_range)

#define INV_SET1(k) \
    t->INV_PORT(in1_a, k) = p->in_a[0][k]; \
    t->INV_PORT(in1_b, k) = p->in_b[0][k];
#define INV_SET2(k) \
    t->INV_PORT(in2_a, k) = p->in_a[1][k]; \
    t->INV_PORT(in2_b, k) = p->in_b[1][k];
#define INV_SET3(k) \
    t->INV_PORT(in3_a, k) = p->in_a[2][k]; \
    t->INV_PORT(in3_b, k) = p->in_b[2][k];
#define INV_SET4(k) \
    t->INV_PORT(in4_a, k) = p->in_a[3][k]; \
    t->INV_PORT(in4_b, k) = p->in_b[3][k];
#define INV_SETHO(k) \
    t->INV_PORT(inho_low, k) = p->in_a[4][k]; \
    t->INV_PORT(inho_high, k) = p->in_b[4][k];
#define INV_GET(k)                                        \
    p->out_even[k] = t->INV_PORT(out_even, k); \
    p->out_odd[k] = t->INV_PORT(out_odd, k);

// Level 4's ports, where the build has them.
#ifdef INV_L4
#define INV_LEVEL4_IN LEVEL_IN(3, 4) INV_L4(INV_SET4)
#define INV_LEVEL4_OUT p->in_ready[3] = t->in4_ready;
#define INV_DEPTH_MASK 7
#else
#define INV_LEVEL4_IN
#define INV_LEVEL4_OUT p->in_ready[3] = 0;
#define INV_DEPTH_MASK 3
#endif

// The inputs of the 2-D levels and the common registers. Each lane arrives masked to its
// port's width by the Rust driver (sim/src/legall_inv.rs, from the build's BAND_BITS), so the
// widths live in one place.
template <class T>
void inv_set(T* t, const InvPorts* p) {
#define LEVEL_IN(i, n)                 \
    t->in##n##_valid = p->in_valid[i]; \
    t->in##n##_first = p->in_first[i]; \
    t->in##n##_last = p->in_last[i];   \
    t->in##n##_sop = p->in_sop[i];     \
    t->in##n##_tag = p->in_tag[i] & 15;
    LEVEL_IN(0, 1)
    LEVEL_IN(1, 2)
    LEVEL_IN(2, 3)
    INV_LEVEL4_IN
#undef LEVEL_IN
    INV_L1(INV_SET1)
    INV_L2(INV_SET2)
    INV_L3(INV_SET3)
    t->out_ready = p->out_ready;
    t->cfg_depth = p->cfg_depth & INV_DEPTH_MASK;
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
    INV_LEVEL4_OUT
    p->in_ready[4] = 0;
    p->out_valid = t->out_valid;
    p->out_first = t->out_first;
    p->out_last = t->out_last;
    p->out_sop = t->out_sop;
    p->err_line = t->err_line;
    p->err_pic = t->err_pic;
    p->err_wavelet = 0;
    p->err_range = 0;
    p->out_tag = t->out_tag;
    INV_L1(INV_GET)
}

// A legall_inv build's eval.
#define LEGALL_INV_SHIM(name, V)                                                \
    UHDPIPE_HARNESS(name, V)                                                    \
    UHDPIPE_LAYOUT(name, InvPorts, INV_PORT_FIELDS)                             \
    extern "C" void uhdpipe_##name##_eval(UhdpipeHarness<V>* s, InvPorts* p) { \
        inv_set(s->top, p);                                                     \
        s->top->eval();                                                         \
        inv_get(s->top, p);                                                     \
    }

// A lift_inv build's eval (a horizontal-only level's stream, err_wavelet, err_range).
#define LIFT_INV_SHIM(name, V)                                                  \
    UHDPIPE_HARNESS(name, V)                                                    \
    UHDPIPE_LAYOUT(name, InvPorts, INV_PORT_FIELDS)                             \
    extern "C" void uhdpipe_##name##_eval(UhdpipeHarness<V>* s, InvPorts* p) { \
        auto* t = s->top;                                                       \
        inv_set(t, p);                                                          \
        t->cfg_depth_ho = p->cfg_depth_ho & 1;                                  \
        t->inho_valid = p->in_valid[4];                                         \
        t->inho_first = p->in_first[4];                                         \
        t->inho_last = p->in_last[4];                                           \
        t->inho_sop = p->in_sop[4];                                             \
        INV_L2(INV_SETHO)                                                       \
        t->inho_tag = p->in_tag[4] & 15;                                        \
        t->eval();                                                              \
        inv_get(t, p);                                                          \
        p->in_ready[4] = t->inho_ready;                                         \
        p->err_wavelet = t->err_wavelet;                                        \
        p->err_range = t->err_range;                                            \
    }
