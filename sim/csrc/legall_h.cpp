// C interface to the Verilated uhdpipe_legall_h (sim/src/legall_h.rs drives it).
#include <cstdint>
#include "verilated.h"
#include "Vlegall_h.h"

struct LegallH {
    VerilatedContext ctx;
    Vlegall_h* top;
};

struct LegallHPorts {
    uint8_t in_valid, in_first, in_last, out_ready;
    uint16_t in_even, in_odd;
    uint8_t in_ready, out_valid, out_first, out_last;
    uint16_t out_low, out_high;
};

extern "C" {
LegallH* uhdpipe_legall_h_new() {
    auto* s = new LegallH;
    s->top = new Vlegall_h{&s->ctx};
    s->top->clock = 0;
    s->top->eval();
    return s;
}

void uhdpipe_legall_h_free(LegallH* s) {
    s->top->final();
    delete s->top;
    delete s;
}

// Applies the inputs, settles, and reports the outputs as they are before the next edge.
void uhdpipe_legall_h_eval(LegallH* s, LegallHPorts* p) {
    auto* t = s->top;
    t->in_valid = p->in_valid;
    t->in_first = p->in_first;
    t->in_last = p->in_last;
    t->out_ready = p->out_ready;
    t->in_even = p->in_even & 0xfff;
    t->in_odd = p->in_odd & 0xfff;
    t->eval();
    p->in_ready = t->in_ready;
    p->out_valid = t->out_valid;
    p->out_first = t->out_first;
    p->out_last = t->out_last;
    p->out_low = t->out_low;
    p->out_high = t->out_high;
}

// One rising edge (then the clock returns low).
void uhdpipe_legall_h_tick(LegallH* s) {
    s->top->clock = 1;
    s->top->eval();
    s->top->clock = 0;
    s->top->eval();
}
}
