// Ports and eval body shared by the two Verilated builds of rtl/src/blocks/lift_v.rs
// (lift_v: analysis, 12-bit samples in; lift_vs: synthesis, 20-bit coefficients in); each
// build's shim instantiates it with its own model and input mask (sim/src/lift_v.rs).
#pragma once
#include <cstdint>

struct LiftVPorts {
    uint8_t in_valid, in_first, in_last, in_sop, out_ready, cfg_wavelet, cfg_ll, ll_ready;
    uint16_t cfg_pairs, cfg_rows;
    uint32_t in_a, in_b;
    uint8_t in_ready, out_valid, out_first, out_last, out_sop, out_vhigh, err_pic, err_wavelet, err_range, pic_idle;
    uint8_t ll_valid, ll_first, ll_last, ll_sop;
    uint32_t out_a, out_b, ll_c;
};

// Applies the inputs, settles, and reports the outputs as they are before the next edge.
template <class T>
void lift_v_eval(T* t, LiftVPorts* p, uint32_t in_mask) {
    t->in_valid = p->in_valid;
    t->in_first = p->in_first;
    t->in_last = p->in_last;
    t->in_sop = p->in_sop;
    t->out_ready = p->out_ready;
    t->in_a = p->in_a & in_mask;
    t->in_b = p->in_b & in_mask;
    t->cfg_pairs = p->cfg_pairs & 0x1fff;
    t->cfg_rows = p->cfg_rows & 0x1fff;
    t->cfg_wavelet = p->cfg_wavelet & 7;
    t->cfg_ll = p->cfg_ll & 1;
    t->ll_ready = p->ll_ready & 1;
    t->eval();
    p->in_ready = t->in_ready;
    p->out_valid = t->out_valid;
    p->out_first = t->out_first;
    p->out_last = t->out_last;
    p->out_sop = t->out_sop;
    p->out_vhigh = t->out_vhigh;
    p->err_pic = t->err_pic;
    p->err_wavelet = t->err_wavelet;
    p->err_range = t->err_range;
    p->pic_idle = t->pic_idle;
    p->out_a = t->out_a;
    p->out_b = t->out_b;
    p->ll_valid = t->ll_valid;
    p->ll_first = t->ll_first;
    p->ll_last = t->ll_last;
    p->ll_sop = t->ll_sop;
    p->ll_c = t->ll_c;
}
