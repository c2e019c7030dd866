// C interface to the Verilated uhdpipe_legall_h (sim/src/legall_h.rs drives it).
#include "harness.h"
#include "Vlegall_h.h"

struct LegallHPorts {
    uint8_t in_valid, in_first, in_last, out_ready;
    uint16_t in_even, in_odd, cfg_pairs;
    uint8_t in_ready, out_valid, out_first, out_last, err_line;
    uint16_t out_low, out_high;
    uint8_t in_sop, out_sop;
};

UHDPIPE_HARNESS(legall_h, Vlegall_h)

// Applies the inputs, settles, and reports the outputs as they are before the next edge.
extern "C" void uhdpipe_legall_h_eval(UhdpipeHarness<Vlegall_h>* s, LegallHPorts* p) {
    auto* t = s->top;
    t->in_valid = p->in_valid;
    t->in_first = p->in_first;
    t->in_last = p->in_last;
    t->in_sop = p->in_sop;
    t->out_ready = p->out_ready;
    t->in_even = p->in_even & 0xfff;
    t->in_odd = p->in_odd & 0xfff;
    t->cfg_pairs = p->cfg_pairs & 0x1fff;
    t->cfg_single = (p->cfg_pairs & 0x1fff) == 1;
    t->eval();
    p->in_ready = t->in_ready;
    p->out_valid = t->out_valid;
    p->out_first = t->out_first;
    p->out_last = t->out_last;
    p->out_sop = t->out_sop;
    p->err_line = t->err_line;
    p->out_low = t->out_low;
    p->out_high = t->out_high;
}
