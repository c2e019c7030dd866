// Ports of the Verilated uhdpipe_legall_v* builds (sim/src/legall_v.rs drives them): one
// struct for every lane count (up to 8 column pairs per beat; lanes past the build's are
// ignored) and the eval body, written once. A shim defines LV_LANES(X) as X(0) … X(P-1) and
// includes this header after its Verilated one.
#pragma once
#include <cstdint>
#include "harness.h"

struct LegallVPorts {
    uint8_t in_valid, in_first, in_last, in_sop, in_tag, out_ready, ll_ready, cfg_ll, cfg_haar;
    uint8_t in_ready, out_valid, out_first, out_last, out_sop, out_vhigh, out_tag, err_pic;
    uint8_t ll_valid, ll_first, ll_last, ll_sop, pic_idle;
    uint16_t cfg_pairs, cfg_rows;
    uint32_t in_a[8], in_b[8], out_a[8], out_b[8], ll_c[8];
};

// Every field of LegallVPorts, in order: its layout is checked against the Rust mirror (UHDPIPE_LAYOUT).
#define LEGALLV_PORT_FIELDS(F) F(in_valid) F(in_first) F(in_last) F(in_sop) F(in_tag) F(out_ready) F(ll_ready) F(cfg_ll) F(cfg_haar) F(in_ready) F(out_valid) F(out_first) F(out_last) F(out_sop) F(out_vhigh) F(out_tag) F(err_pic) F(ll_valid) F(ll_first) F(ll_last) F(ll_sop) F(pic_idle) F(cfg_pairs) F(cfg_rows) F(in_a) F(in_b) F(out_a) F(out_b) F(ll_c)

// Verilator spells the generator's `in_a__0` (array lane 0) as `in_a___05F0`.
#define LV_SET_IN(k)                           \
    t->in_a___05F##k = p->in_a[k] & 0x3fff;  \
    t->in_b___05F##k = p->in_b[k] & 0x3fff;
#define LV_GET_OUT(k)                   \
    p->out_a[k] = t->out_a___05F##k;  \
    p->out_b[k] = t->out_b___05F##k;  \
    p->ll_c[k] = t->ll_c___05F##k;

// Applies the inputs, settles, and reports the outputs as they are before the next edge.
#define LEGALL_V_SHIM(name, V)                                                     \
    UHDPIPE_HARNESS(name, V)                                                       \
    UHDPIPE_LAYOUT(name, LegallVPorts, LEGALLV_PORT_FIELDS)                        \
    extern "C" void uhdpipe_##name##_eval(UhdpipeHarness<V>* s, LegallVPorts* p) { \
        auto* t = s->top;                                                          \
        t->in_valid = p->in_valid;                                                 \
        t->in_first = p->in_first;                                                 \
        t->in_last = p->in_last;                                                   \
        t->in_sop = p->in_sop;                                                     \
        t->in_tag = p->in_tag & 15;                                                \
        t->out_ready = p->out_ready;                                               \
        t->ll_ready = p->ll_ready;                                                 \
        t->cfg_ll = p->cfg_ll;                                                     \
        t->cfg_haar = p->cfg_haar;                                                 \
        t->cfg_pairs = p->cfg_pairs & 0x1fff;                                      \
        t->cfg_rows = p->cfg_rows & 0x1fff;                                        \
        LV_LANES(LV_SET_IN)                                                        \
        t->eval();                                                                 \
        p->in_ready = t->in_ready;                                                 \
        p->out_valid = t->out_valid;                                               \
        p->out_first = t->out_first;                                               \
        p->out_last = t->out_last;                                                 \
        p->out_sop = t->out_sop;                                                   \
        p->out_vhigh = t->out_vhigh;                                               \
        p->out_tag = t->out_tag;                                                   \
        p->err_pic = t->err_pic;                                                   \
        p->ll_valid = t->ll_valid;                                                 \
        p->ll_first = t->ll_first;                                                 \
        p->ll_last = t->ll_last;                                                   \
        p->ll_sop = t->ll_sop;                                                     \
        p->pic_idle = t->pic_idle;                                                 \
        LV_LANES(LV_GET_OUT)                                                       \
    }
