// C interface to the Verilated uhdpipe_device (sim/src/device.rs drives it).
#include "harness.h"
#include "Vdevice.h"

struct DevicePorts {
    // inputs
    uint8_t s_awvalid, s_wvalid, s_bready, s_arvalid, s_rready;
    uint8_t m_arready, m_rvalid, m_rresp, m_rlast, m_awready, m_wready, m_bvalid, m_bresp;
    uint16_t s_awaddr, s_araddr;
    uint32_t s_wdata;
    uint64_t m_rdata;
    // outputs
    uint8_t s_awready, s_wready, s_bvalid, s_bresp, s_arready, s_rvalid, s_rresp;
    uint8_t m_arvalid, m_arlen, m_arsize, m_arburst, m_rready;
    uint8_t m_awvalid, m_awlen, m_awsize, m_awburst, m_wvalid, m_wstrb, m_wlast, m_bready;
    uint8_t irq, active;
    uint32_t s_rdata;
    uint64_t m_araddr, m_awaddr, m_wdata;
};

// Every field of DevicePorts, in order: its layout is checked against the Rust mirror (UHDPIPE_LAYOUT).
#define DEVICE_PORT_FIELDS(F) F(s_awvalid) F(s_wvalid) F(s_bready) F(s_arvalid) F(s_rready) F(m_arready) F(m_rvalid) F(m_rresp) F(m_rlast) F(m_awready) F(m_wready) F(m_bvalid) F(m_bresp) F(s_awaddr) F(s_araddr) F(s_wdata) F(m_rdata) F(s_awready) F(s_wready) F(s_bvalid) F(s_bresp) F(s_arready) F(s_rvalid) F(s_rresp) F(m_arvalid) F(m_arlen) F(m_arsize) F(m_arburst) F(m_rready) F(m_awvalid) F(m_awlen) F(m_awsize) F(m_awburst) F(m_wvalid) F(m_wstrb) F(m_wlast) F(m_bready) F(irq) F(active) F(s_rdata) F(m_araddr) F(m_awaddr) F(m_wdata)

UHDPIPE_HARNESS(device, Vdevice)
UHDPIPE_LAYOUT(device, DevicePorts, DEVICE_PORT_FIELDS)

// Applies the inputs, settles, and reports the outputs as they are before the next edge.
extern "C" void uhdpipe_device_eval(UhdpipeHarness<Vdevice>* s, DevicePorts* p) {
    auto* t = s->top;
    t->s_awvalid = p->s_awvalid;
    t->s_wvalid = p->s_wvalid;
    t->s_bready = p->s_bready;
    t->s_arvalid = p->s_arvalid;
    t->s_rready = p->s_rready;
    t->s_awaddr = p->s_awaddr & 0xfff;
    t->s_araddr = p->s_araddr & 0xfff;
    t->s_wdata = p->s_wdata;
    t->m_arready = p->m_arready;
    t->m_rvalid = p->m_rvalid;
    t->m_rresp = p->m_rresp & 3;
    t->m_rlast_unused = p->m_rlast;
    t->m_rdata = p->m_rdata;
    t->m_awready = p->m_awready;
    t->m_wready = p->m_wready;
    t->m_bvalid = p->m_bvalid;
    t->m_bresp = p->m_bresp & 3;
    t->eval();
    p->s_awready = t->s_awready;
    p->s_wready = t->s_wready;
    p->s_bvalid = t->s_bvalid;
    p->s_bresp = t->s_bresp;
    p->s_arready = t->s_arready;
    p->s_rvalid = t->s_rvalid;
    p->s_rresp = t->s_rresp;
    p->s_rdata = t->s_rdata;
    p->m_arvalid = t->m_arvalid;
    p->m_araddr = t->m_araddr;
    p->m_arlen = t->m_arlen;
    p->m_arsize = t->m_arsize;
    p->m_arburst = t->m_arburst;
    p->m_rready = t->m_rready;
    p->m_awvalid = t->m_awvalid;
    p->m_awaddr = t->m_awaddr;
    p->m_awlen = t->m_awlen;
    p->m_awsize = t->m_awsize;
    p->m_awburst = t->m_awburst;
    p->m_wvalid = t->m_wvalid;
    p->m_wdata = t->m_wdata;
    p->m_wstrb = t->m_wstrb;
    p->m_wlast = t->m_wlast;
    p->m_bready = t->m_bready;
    p->irq = t->irq;
    p->active = t->active;
}
