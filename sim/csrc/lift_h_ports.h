// Ports and eval body shared by the two Verilated builds of rtl/src/blocks/lift_h.rs
// (lift_h: analysis, 12-bit samples in; lift_hs: synthesis, 20-bit coefficients in); each
// build's shim instantiates it with its own model and input mask (sim/src/lift_h.rs).
#pragma once
#include <cstdint>

struct LiftHPorts {
    uint8_t in_valid, in_first, in_last, in_sop, out_ready, cfg_wavelet;
    uint16_t cfg_pairs;
    uint32_t in_even, in_odd;
    uint8_t in_ready, out_valid, out_first, out_last, out_sop, err_line, err_wavelet, err_range;
    uint32_t out_low, out_high;
};

// Applies the inputs, settles, and reports the outputs as they are before the next edge.
template <class T>
void lift_h_eval(T* t, LiftHPorts* p, uint32_t in_mask) {
    t->in_valid = p->in_valid;
    t->in_first = p->in_first;
    t->in_last = p->in_last;
    t->in_sop = p->in_sop;
    t->out_ready = p->out_ready;
    t->in_even = p->in_even & in_mask;
    t->in_odd = p->in_odd & in_mask;
    t->cfg_pairs = p->cfg_pairs & 0x1fff;
    t->cfg_single = (p->cfg_pairs & 0x1fff) == 1;
    t->cfg_wavelet = p->cfg_wavelet & 7;
    t->eval();
    p->in_ready = t->in_ready;
    p->out_valid = t->out_valid;
    p->out_first = t->out_first;
    p->out_last = t->out_last;
    p->out_sop = t->out_sop;
    p->err_line = t->err_line;
    p->err_wavelet = t->err_wavelet;
    p->err_range = t->err_range;
    p->out_low = t->out_low;
    p->out_high = t->out_high;
}
