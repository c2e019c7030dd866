// Ports of the Verilated uhdpipe_lift_v* builds (sim/src/lift_v.rs drives them): one struct
// for every lane count (up to 8 column pairs per beat; lanes past the build's are ignored)
// and the eval body, written once. A shim defines LFV_LANES(X) as X(0) … X(P-1), LFV_IN_MASK
// (the input lanes' width) and includes this header after its Verilated one.
#pragma once
#include <cstdint>
#include "harness.h"

struct LiftVPorts {
    uint8_t in_valid, in_first, in_last, in_sop, out_ready, cfg_wavelet, cfg_ll, ll_ready;
    uint16_t cfg_pairs, cfg_rows;
    uint8_t in_ready, out_valid, out_first, out_last, out_sop, out_vhigh, err_pic, err_wavelet, err_range, pic_idle;
    uint8_t ll_valid, ll_first, ll_last, ll_sop;
    uint32_t in_a[8], in_b[8], out_a[8], out_b[8], ll_c[8];
};

// Every field of LiftVPorts, in order: its layout is checked against the Rust mirror (UHDPIPE_LAYOUT).
#define LIFTV_PORT_FIELDS(F) F(in_valid) F(in_first) F(in_last) F(in_sop) F(out_ready) F(cfg_wavelet) F(cfg_ll) F(ll_ready) F(cfg_pairs) F(cfg_rows) F(in_ready) F(out_valid) F(out_first) F(out_last) F(out_sop) F(out_vhigh) F(err_pic) F(err_wavelet) F(err_range) F(pic_idle) F(ll_valid) F(ll_first) F(ll_last) F(ll_sop) F(in_a) F(in_b) F(out_a) F(out_b) F(ll_c)

// Verilator spells the generator's `in_a__0` (array lane 0) as `in_a___05F0`.
#define LFV_SET_IN(k)                                \
    t->in_a___05F##k = p->in_a[k] & LFV_IN_MASK; \
    t->in_b___05F##k = p->in_b[k] & LFV_IN_MASK;
#define LFV_GET_OUT(k)                 \
    p->out_a[k] = t->out_a___05F##k; \
    p->out_b[k] = t->out_b___05F##k; \
    p->ll_c[k] = t->ll_c___05F##k;

// Applies the inputs, settles, and reports the outputs as they are before the next edge.
#define LIFT_V_SHIM(name, V)                                                     \
    UHDPIPE_HARNESS(name, V)                                                     \
    UHDPIPE_LAYOUT(name, LiftVPorts, LIFTV_PORT_FIELDS)                          \
    extern "C" void uhdpipe_##name##_eval(UhdpipeHarness<V>* s, LiftVPorts* p) { \
        auto* t = s->top;                                                        \
        t->in_valid = p->in_valid;                                               \
        t->in_first = p->in_first;                                               \
        t->in_last = p->in_last;                                                 \
        t->in_sop = p->in_sop;                                                   \
        t->out_ready = p->out_ready;                                             \
        t->cfg_pairs = p->cfg_pairs & 0x1fff;                                    \
        t->cfg_rows = p->cfg_rows & 0x1fff;                                      \
        t->cfg_wavelet = p->cfg_wavelet & 7;                                     \
        t->cfg_ll = p->cfg_ll & 1;                                               \
        t->ll_ready = p->ll_ready & 1;                                           \
        LFV_LANES(LFV_SET_IN)                                                    \
        t->eval();                                                               \
        p->in_ready = t->in_ready;                                               \
        p->out_valid = t->out_valid;                                             \
        p->out_first = t->out_first;                                             \
        p->out_last = t->out_last;                                               \
        p->out_sop = t->out_sop;                                                 \
        p->out_vhigh = t->out_vhigh;                                             \
        p->err_pic = t->err_pic;                                                 \
        p->err_wavelet = t->err_wavelet;                                         \
        p->err_range = t->err_range;                                             \
        p->pic_idle = t->pic_idle;                                               \
        p->ll_valid = t->ll_valid;                                               \
        p->ll_first = t->ll_first;                                               \
        p->ll_last = t->ll_last;                                                 \
        p->ll_sop = t->ll_sop;                                                   \
        LFV_LANES(LFV_GET_OUT)                                                   \
    }
