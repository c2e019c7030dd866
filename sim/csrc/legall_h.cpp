// C interface to the Verilated uhdpipe_legall_h (sim/src/legall_h.rs drives it).
#include <cstdint>
#include "verilated.h"
#include "Vlegall_h.h"
#ifdef UHDPIPE_FST
#include "verilated_fst_c.h"
#endif

struct LegallH {
    VerilatedContext ctx;
    Vlegall_h* top;
#ifdef UHDPIPE_FST
    VerilatedFstC* fst = nullptr;
#endif
    uint64_t time = 0;
};

struct LegallHPorts {
    uint8_t in_valid, in_first, in_last, out_ready;
    uint16_t in_even, in_odd, cfg_pairs;
    uint8_t in_ready, out_valid, out_first, out_last, err_line;
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

// Starts an FST waveform at `path`; returns 0 when the build has no tracing (feature `fst`).
int uhdpipe_legall_h_trace(LegallH* s, const char* path) {
#ifdef UHDPIPE_FST
    s->ctx.traceEverOn(true);
    s->fst = new VerilatedFstC;
    s->top->trace(s->fst, 99);
    s->fst->open(path);
    return 1;
#else
    (void)s;
    (void)path;
    return 0;
#endif
}

void uhdpipe_legall_h_free(LegallH* s) {
#ifdef UHDPIPE_FST
    if (s->fst) {
        s->fst->close();
        delete s->fst;
    }
#endif
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
    t->cfg_pairs = p->cfg_pairs & 0x1fff;
    t->eval();
    p->in_ready = t->in_ready;
    p->out_valid = t->out_valid;
    p->out_first = t->out_first;
    p->out_last = t->out_last;
    p->err_line = t->err_line;
    p->out_low = t->out_low;
    p->out_high = t->out_high;
}

// One rising edge (then the clock returns low).
void uhdpipe_legall_h_tick(LegallH* s) {
#ifdef UHDPIPE_FST
    if (s->fst) s->fst->dump(s->time);
#endif
    s->top->clock = 1;
    s->top->eval();
#ifdef UHDPIPE_FST
    if (s->fst) s->fst->dump(s->time + 1);
#endif
    s->top->clock = 0;
    s->top->eval();
    s->time += 2;
}
}
