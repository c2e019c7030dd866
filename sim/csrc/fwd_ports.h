// Ports and eval body shared by the Verilated forward 2-D transforms (legall_fwd*: LeGall
// and Haar at 2, 4, 8, 16 samples per clock; lift_fwd: every wavelet, 2 samples per clock),
// which have the same ports with other lane counts and widths; sim/src/legall_fwd.rs
// `Ports` is this struct. A shim defines, before including this header after its Verilated
// one: FWD_L1(X), FWD_L2(X), FWD_L3(X) as X(0) … X(Pk - 1) for each level's pair lanes (the
// horizontal-only level has level 2's), FWD_L4(X) likewise for level 4, and FWD_PORT(name, k) as the C++ name of lane k of
// an array port (`name___05F##k`: Verilator's spelling of the generator's `name__k`) or as
// plain `name` for a build whose ports are not arrays. A one-sample-per-clock build
// (legall_fwd1: one input sample in in_even[0]) defines FWD_SET_INPUTS as its assignment.
#pragma once
#include <cstdint>
#include "harness.h"

struct FwdPorts {
    uint64_t out_a[4][8], out_b[4][8];  // outputs: level k's lanes
    uint64_t outho_low[4], outho_high[4];
    uint16_t in_even[8], in_odd[8];  // inputs: level 1's lanes (12-bit two's complement)
    uint16_t cfg_pairs, cfg_rows;
    uint8_t in_valid, in_first, in_last, in_sop, out_ready[4], outho_ready;
    uint8_t cfg_depth, cfg_wavelet, cfg_depth_ho, cfg_wavelet_ho;
    uint8_t in_ready, err_line, err_pic;  // outputs
    uint8_t out_valid[4], out_first[4], out_last[4], out_sop[4], out_vhigh[4];
    uint8_t outho_valid, outho_first, outho_last, outho_sop;
};

// Every field of FwdPorts, in order: its layout is checked against the Rust mirror (UHDPIPE_LAYOUT).
#define FWD_PORT_FIELDS(F) F(out_a) F(out_b) F(outho_low) F(outho_high) F(in_even) F(in_odd) F(cfg_pairs) F(cfg_rows) F(in_valid) F(in_first) F(in_last) F(in_sop) F(out_ready) F(outho_ready) F(cfg_depth) F(cfg_wavelet) F(cfg_depth_ho) F(cfg_wavelet_ho) F(in_ready) F(err_line) F(err_pic) F(out_valid) F(out_first) F(out_last) F(out_sop) F(out_vhigh) F(outho_valid) F(outho_first) F(outho_last) F(outho_sop)

#define FWD_SET_IN(k)                                         \
    t->FWD_PORT(in_even, k) = p->in_even[k] & 0xfff; \
    t->FWD_PORT(in_odd, k) = p->in_odd[k] & 0xfff;
#define FWD_GET1(k)                               \
    p->out_a[0][k] = t->FWD_PORT(out1_a, k); \
    p->out_b[0][k] = t->FWD_PORT(out1_b, k);
#define FWD_GET2(k)                               \
    p->out_a[1][k] = t->FWD_PORT(out2_a, k); \
    p->out_b[1][k] = t->FWD_PORT(out2_b, k);
#define FWD_GET3(k)                               \
    p->out_a[2][k] = t->FWD_PORT(out3_a, k); \
    p->out_b[2][k] = t->FWD_PORT(out3_b, k);
#define FWD_GET4(k)                               \
    p->out_a[3][k] = t->FWD_PORT(out4_a, k); \
    p->out_b[3][k] = t->FWD_PORT(out4_b, k);
#define FWD_GETHO(k)                                   \
    p->outho_low[k] = t->FWD_PORT(outho_low, k); \
    p->outho_high[k] = t->FWD_PORT(outho_high, k);

#ifndef FWD_SET_INPUTS
#define FWD_SET_INPUTS FWD_L1(FWD_SET_IN)
#endif

// Applies the inputs, settles, and reports the outputs as they are before the next edge.
#define FWD_SHIM(name, V)                                                       \
    UHDPIPE_HARNESS(name, V)                                                    \
    UHDPIPE_LAYOUT(name, FwdPorts, FWD_PORT_FIELDS)                             \
    extern "C" void uhdpipe_##name##_eval(UhdpipeHarness<V>* s, FwdPorts* p) { \
        auto* t = s->top;                                                       \
        t->in_valid = p->in_valid;                                              \
        t->in_first = p->in_first;                                              \
        t->in_last = p->in_last;                                                \
        t->in_sop = p->in_sop;                                                  \
        t->out1_ready = p->out_ready[0];                                        \
        t->out2_ready = p->out_ready[1];                                        \
        t->out3_ready = p->out_ready[2];                                        \
        t->out4_ready = p->out_ready[3];                                        \
        t->outho_ready = p->outho_ready;                                        \
        t->cfg_depth = p->cfg_depth & 7;                                        \
        t->cfg_wavelet = p->cfg_wavelet & 7;                                    \
        t->cfg_depth_ho = p->cfg_depth_ho & 1;                                  \
        t->cfg_wavelet_ho = p->cfg_wavelet_ho & 7;                              \
        t->cfg_pairs = p->cfg_pairs & 0x1fff;                                   \
        t->cfg_rows = p->cfg_rows & 0x1fff;                                     \
        FWD_SET_INPUTS                                                          \
        t->eval();                                                              \
        p->in_ready = t->in_ready;                                              \
        p->err_line = t->err_line;                                              \
        p->err_pic = t->err_pic;                                                \
        p->out_valid[0] = t->out1_valid;                                        \
        p->out_first[0] = t->out1_first;                                        \
        p->out_last[0] = t->out1_last;                                          \
        p->out_sop[0] = t->out1_sop;                                            \
        p->out_vhigh[0] = t->out1_vhigh;                                        \
        p->out_valid[1] = t->out2_valid;                                        \
        p->out_first[1] = t->out2_first;                                        \
        p->out_last[1] = t->out2_last;                                          \
        p->out_sop[1] = t->out2_sop;                                            \
        p->out_vhigh[1] = t->out2_vhigh;                                        \
        p->out_valid[2] = t->out3_valid;                                        \
        p->out_first[2] = t->out3_first;                                        \
        p->out_last[2] = t->out3_last;                                          \
        p->out_sop[2] = t->out3_sop;                                            \
        p->out_vhigh[2] = t->out3_vhigh;                                        \
        p->outho_valid = t->outho_valid;                                        \
        p->outho_first = t->outho_first;                                        \
        p->outho_last = t->outho_last;                                          \
        p->outho_sop = t->outho_sop;                                            \
        FWD_L1(FWD_GET1)                                                        \
        FWD_L2(FWD_GET2)                                                        \
        FWD_L3(FWD_GET3)                                                        \
        p->out_valid[3] = t->out4_valid;                                        \
        p->out_first[3] = t->out4_first;                                        \
        p->out_last[3] = t->out4_last;                                          \
        p->out_sop[3] = t->out4_sop;                                            \
        p->out_vhigh[3] = t->out4_vhigh;                                        \
        FWD_L4(FWD_GET4)                                                        \
        FWD_L2(FWD_GETHO)                                                       \
    }
