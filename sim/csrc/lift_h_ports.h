// Ports of the Verilated uhdpipe_lift_h* builds (sim/src/lift_h.rs drives them): one struct
// for every lane count (up to 8 pairs per beat; lanes past the build's are ignored) and the
// eval body, written once. A shim defines LFH_LANES(X) as X(0) … X(P-1), LFH_IN_MASK (the
// input lanes' width) and includes this header after its Verilated one.
#pragma once
#include <cstdint>
#include "harness.h"

struct LiftHPorts {
    uint8_t in_valid, in_first, in_last, in_sop, out_ready, cfg_wavelet;
    uint16_t cfg_pairs;
    uint8_t in_ready, out_valid, out_first, out_last, out_sop, err_line, err_wavelet, err_range;
    uint32_t in_even[8], in_odd[8], out_low[8], out_high[8];
};

// Every field of LiftHPorts, in order: its layout is checked against the Rust mirror (UHDPIPE_LAYOUT).
#define LIFTH_PORT_FIELDS(F) F(in_valid) F(in_first) F(in_last) F(in_sop) F(out_ready) F(cfg_wavelet) F(cfg_pairs) F(in_ready) F(out_valid) F(out_first) F(out_last) F(out_sop) F(err_line) F(err_wavelet) F(err_range) F(in_even) F(in_odd) F(out_low) F(out_high)

// Verilator spells the generator's `in_even__0` (array lane 0) as `in_even___05F0`.
#define LFH_SET_IN(k)                                    \
    t->in_even___05F##k = p->in_even[k] & LFH_IN_MASK; \
    t->in_odd___05F##k = p->in_odd[k] & LFH_IN_MASK;
#define LFH_GET_OUT(k)                     \
    p->out_low[k] = t->out_low___05F##k; \
    p->out_high[k] = t->out_high___05F##k;

// Applies the inputs, settles, and reports the outputs as they are before the next edge.
#define LIFT_H_SHIM(name, V)                                                     \
    UHDPIPE_HARNESS(name, V)                                                     \
    UHDPIPE_LAYOUT(name, LiftHPorts, LIFTH_PORT_FIELDS)                          \
    extern "C" void uhdpipe_##name##_eval(UhdpipeHarness<V>* s, LiftHPorts* p) { \
        auto* t = s->top;                                                        \
        t->in_valid = p->in_valid;                                               \
        t->in_first = p->in_first;                                               \
        t->in_last = p->in_last;                                                 \
        t->in_sop = p->in_sop;                                                   \
        t->out_ready = p->out_ready;                                             \
        t->cfg_pairs = p->cfg_pairs & 0x1fff;                                    \
        t->cfg_single = (p->cfg_pairs & 0x1fff) == 1;                            \
        t->cfg_wavelet = p->cfg_wavelet & 7;                                     \
        LFH_LANES(LFH_SET_IN)                                                    \
        t->eval();                                                               \
        p->in_ready = t->in_ready;                                               \
        p->out_valid = t->out_valid;                                             \
        p->out_first = t->out_first;                                             \
        p->out_last = t->out_last;                                               \
        p->out_sop = t->out_sop;                                                 \
        p->err_line = t->err_line;                                               \
        p->err_wavelet = t->err_wavelet;                                         \
        p->err_range = t->err_range;                                             \
        LFH_LANES(LFH_GET_OUT)                                                   \
    }
