// C interface to the Verilated uhdpipe_lift_hs (sim/src/lift_h.rs drives it).
#include "harness.h"
#include "Vlift_hs.h"

struct LiftHPorts {
    uint8_t in_valid, in_first, in_last, in_sop, out_ready, cfg_wavelet;
    uint16_t cfg_pairs;
    uint32_t in_even, in_odd;
    uint8_t in_ready, out_valid, out_first, out_last, out_sop, err_line, err_wavelet;
    uint32_t out_low, out_high;
};

UHDPIPE_HARNESS(lift_hs, Vlift_hs)

// Applies the inputs, settles, and reports the outputs as they are before the next edge.
extern "C" void uhdpipe_lift_hs_eval(UhdpipeHarness<Vlift_hs>* s, LiftHPorts* p) {
    auto* t = s->top;
    t->in_valid = p->in_valid;
    t->in_first = p->in_first;
    t->in_last = p->in_last;
    t->in_sop = p->in_sop;
    t->out_ready = p->out_ready;
    t->in_even = p->in_even & 0xffff;
    t->in_odd = p->in_odd & 0xffff;
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
    p->out_low = t->out_low;
    p->out_high = t->out_high;
}
