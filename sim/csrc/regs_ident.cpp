// C interface to the Verilated uhdpipe_regs_ident (sim/src/regs.rs drives it).
#include "harness.h"
#include "Vregs_ident.h"

struct RegsIdentPorts {
    uint8_t awvalid, wvalid, bready, arvalid, rready;
    uint8_t awready, wready, bvalid, bresp, arready, rvalid, rresp;
    uint16_t awaddr, araddr;
    uint32_t wdata, rdata;
};

UHDPIPE_HARNESS(regs_ident, Vregs_ident)

// Applies the inputs, settles, and reports the outputs as they are before the next edge.
extern "C" void uhdpipe_regs_ident_eval(UhdpipeHarness<Vregs_ident>* s, RegsIdentPorts* p) {
    auto* t = s->top;
    t->s_awvalid = p->awvalid;
    t->s_wvalid = p->wvalid;
    t->s_bready = p->bready;
    t->s_arvalid = p->arvalid;
    t->s_rready = p->rready;
    t->s_awaddr = p->awaddr & 0xfff;
    t->s_araddr = p->araddr & 0xfff;
    t->s_wdata = p->wdata;
    t->eval();
    p->awready = t->s_awready;
    p->wready = t->s_wready;
    p->bvalid = t->s_bvalid;
    p->bresp = t->s_bresp;
    p->arready = t->s_arready;
    p->rvalid = t->s_rvalid;
    p->rresp = t->s_rresp;
    p->rdata = t->s_rdata;
}
