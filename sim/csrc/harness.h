// Shared C interface of every Verilated uhdpipe block: create, free, FST trace, clock tick.
// A block's shim includes its Verilated header, defines its ports struct and eval function,
// and instantiates UHDPIPE_HARNESS(name, Vname) for the rest (sim/src/lib.rs `verilated!`).
#pragma once
#include <cstdint>
#include "verilated.h"
#ifdef UHDPIPE_FST
#include "verilated_fst_c.h"
#endif

template <class T>
struct UhdpipeHarness {
    VerilatedContext ctx;
    T* top;
#ifdef UHDPIPE_FST
    VerilatedFstC* fst = nullptr;
#endif
    uint64_t time = 0;
};

#ifdef UHDPIPE_FST
#define UHDPIPE_TRACE_BODY                   \
    s->ctx.traceEverOn(true);                \
    s->fst = new VerilatedFstC;              \
    s->top->trace(s->fst, 99);               \
    s->fst->open(path);                      \
    return 1;
#define UHDPIPE_TRACE_CLOSE                  \
    if (s->fst) {                            \
        s->fst->close();                     \
        delete s->fst;                       \
    }
#define UHDPIPE_TRACE_DUMP(t) \
    if (s->fst) s->fst->dump(t);
#else
#define UHDPIPE_TRACE_BODY \
    (void)s;               \
    (void)path;            \
    return 0;
#define UHDPIPE_TRACE_CLOSE
#define UHDPIPE_TRACE_DUMP(t)
#endif

#define UHDPIPE_HARNESS(name, V)                                              \
    extern "C" {                                                              \
    UhdpipeHarness<V>* uhdpipe_##name##_new() {                               \
        auto* s = new UhdpipeHarness<V>;                                      \
        s->top = new V{&s->ctx};                                              \
        s->top->clock = 0;                                                    \
        s->top->eval();                                                       \
        return s;                                                             \
    }                                                                         \
    int uhdpipe_##name##_trace(UhdpipeHarness<V>* s, const char* path) {      \
        UHDPIPE_TRACE_BODY                                                    \
    }                                                                         \
    void uhdpipe_##name##_free(UhdpipeHarness<V>* s) {                        \
        UHDPIPE_TRACE_CLOSE                                                   \
        s->top->final();                                                      \
        delete s->top;                                                        \
        delete s;                                                             \
    }                                                                         \
    /* The rising edge. The clock goes low again without an evaluation of   \
       its own: every design here is posedge-only, so the next eval (new    \
       inputs, clock low) settles both at once, one evaluation fewer per    \
       clock. */                                                            \
    void uhdpipe_##name##_tick(UhdpipeHarness<V>* s) {                        \
        UHDPIPE_TRACE_DUMP(s->time)                                           \
        s->top->clock = 1;                                                    \
        s->top->eval();                                                       \
        UHDPIPE_TRACE_DUMP(s->time + 1)                                       \
        s->top->clock = 0;                                                    \
        s->time += 2;                                                         \
    }                                                                         \
    }

// The layout of a ports struct as "size=N;field@offset+size;..." (FIELDS(F) lists every field
// in order), which the Rust side compares with its mirror's (sim/src/lib.rs `PortLayout`) the
// first time it creates the model: a struct and its mirror cannot drift apart unnoticed.
#include <cstddef>
#include <string>
#define UHDPIPE_FIELD_DESC(f) \
    s += std::string(#f) + "@" + std::to_string(offsetof(S, f)) + "+" + std::to_string(sizeof(((S*)nullptr)->f)) + ";";
#define UHDPIPE_LAYOUT(name, S_, FIELDS)                                    \
    extern "C" const char* uhdpipe_##name##_layout() {                      \
        typedef S_ S;                                                       \
        static const std::string layout = [] {                              \
            std::string s = "size=" + std::to_string(sizeof(S)) + ";";      \
            FIELDS(UHDPIPE_FIELD_DESC)                                      \
            return s;                                                       \
        }();                                                                \
        return layout.c_str();                                              \
    }
