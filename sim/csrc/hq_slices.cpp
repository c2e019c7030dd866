// C interface to the Verilated uhdpipe_hq_slices (the HQ and LD slice decoder; sim/src/hq_slices.rs drives it).
#include "Vhq_slices.h"
#include "harness.h"

struct HqSlicesPorts {
    uint8_t start, in_valid, out_ready, cfg_bands;
    uint8_t busy, done, in_ready, out_valid, out_ovf, out_comp, out_band, out_eor, st_error, cfg_ld;
    uint16_t cfg_slices_x, cfg_slices_y, cfg_prefix, cfg_scaler;
    uint16_t cfg_xq[2], cfg_xr[2], cfg_yq[2], cfg_yr[2];
    uint32_t cfg_bytes, cfg_ld_q, cfg_ld_r, cfg_ld_d, out_value, st_range;
    uint64_t in_data, cfg_qm[2], cfg_shift[2];
};

// Every field of HqSlicesPorts, in order: its layout is checked against the Rust mirror (UHDPIPE_LAYOUT).
#define HQSLICES_PORT_FIELDS(F) F(start) F(in_valid) F(out_ready) F(cfg_bands) F(busy) F(done) F(in_ready) F(out_valid) F(out_ovf) F(out_comp) F(out_band) F(out_eor) F(st_error) F(cfg_ld) F(cfg_slices_x) F(cfg_slices_y) F(cfg_prefix) F(cfg_scaler) F(cfg_xq) F(cfg_xr) F(cfg_yq) F(cfg_yr) F(cfg_bytes) F(cfg_ld_q) F(cfg_ld_r) F(cfg_ld_d) F(out_value) F(st_range) F(in_data) F(cfg_qm) F(cfg_shift)

UHDPIPE_HARNESS(hq_slices, Vhq_slices)
UHDPIPE_LAYOUT(hq_slices, HqSlicesPorts, HQSLICES_PORT_FIELDS)

// 128-bit ports are four 32-bit words in Verilator, least significant first.
static void wide128(uint32_t* w, const uint64_t* v) {
    w[0] = (uint32_t)v[0];
    w[1] = (uint32_t)(v[0] >> 32);
    w[2] = (uint32_t)v[1];
    w[3] = (uint32_t)(v[1] >> 32);
}

// Applies the inputs, settles, and reports the outputs as they are before the next edge.
// Verilator spells the generator's `cfg_xq__0` (array element 0) as `cfg_xq___05F0`.
extern "C" void uhdpipe_hq_slices_eval(UhdpipeHarness<Vhq_slices>* s, HqSlicesPorts* p) {
    auto* t = s->top;
    t->start = p->start;
    t->in_valid = p->in_valid;
    t->out_ready = p->out_ready;
    t->cfg_bands = p->cfg_bands & 0x1f;
    t->cfg_slices_x = p->cfg_slices_x;
    t->cfg_slices_y = p->cfg_slices_y;
    t->cfg_prefix = p->cfg_prefix;
    t->cfg_scaler = p->cfg_scaler;
    t->cfg_xq___05F0 = p->cfg_xq[0];
    t->cfg_xq___05F1 = p->cfg_xq[1];
    t->cfg_xr___05F0 = p->cfg_xr[0];
    t->cfg_xr___05F1 = p->cfg_xr[1];
    t->cfg_yq___05F0 = p->cfg_yq[0];
    t->cfg_yq___05F1 = p->cfg_yq[1];
    t->cfg_yr___05F0 = p->cfg_yr[0];
    t->cfg_yr___05F1 = p->cfg_yr[1];
    t->cfg_bytes = p->cfg_bytes;
    t->cfg_ld = p->cfg_ld & 1;
    t->cfg_ld_q = p->cfg_ld_q & 0xffffff;
    t->cfg_ld_r = p->cfg_ld_r;
    t->cfg_ld_d = p->cfg_ld_d;
    t->in_data = p->in_data;
    wide128(t->cfg_qm.data(), p->cfg_qm);
    wide128(t->cfg_shift.data(), p->cfg_shift);
    t->eval();
    p->busy = t->busy;
    p->done = t->done;
    p->in_ready = t->in_ready;
    p->out_valid = t->out_valid;
    p->out_ovf = t->out_ovf;
    p->out_comp = t->out_comp;
    p->out_band = t->out_band;
    p->out_eor = t->out_eor;
    p->st_error = t->st_error;
    p->out_value = t->out_value;
    p->st_range = t->st_range;
}
