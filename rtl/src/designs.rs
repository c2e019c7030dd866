// The design registry: every design the generator writes, in one table. Read two ways:
// `uhdpipe_rtl::designs` (rtl/src/lib.rs) expands it into the generator's list, the table
// `DESIGNS` and a type alias per design (`designs::types::legall_h4`, which the simulators
// use, so type parameters are written here only); sim/build.rs expands it into the list of
// designs to Verilate and where their Verilog is. Adding a design is one entry.
//
// An entry: `name: <file under rtl/src/blocks>::<top block type>[<parameters>] [= constructor],
// ppc <samples per clock>, set "<set>";` with the set one of
//   "ci"      committed under rtl/verilog/ and Verilated in every test run;
//   "board"   committed (a board or synthesis script needs it), not Verilated by default;
//   anything else: a variant only some runs need, generated into the cache
//             (`rtl-generate --cache`, which ci/rtl-full.sh and ci/synth-ecp5.sh run), not
//             committed; when the set names a uhdpipe-sim feature, Verilated with it
//             ("synth": only the synthesis script reads it).
// The name is also the Verilog top (`uhdpipe_<name>`) and the C shim (sim/csrc/<name>.cpp).
designs! {
    // The LeGall horizontal block alone, analysis, 12-bit in, at 2, 4, 8, 16 samples per clock
    // (1, 2, 4, 8 pairs per beat).
    legall_h: legall_h::LegallH<12, 16, 0, 1>, ppc 2, set "ci";
    legall_h4: legall_h::LegallH<12, 16, 0, 2>, ppc 4, set "ci";
    legall_h8: legall_h::LegallH<12, 16, 0, 4>, ppc 8, set "ci";
    legall_h16: legall_h::LegallH<12, 16, 0, 8>, ppc 16, set "ci";
    // Its synthesis direction (14-bit coefficients in: every sum fits 17 bits).
    legall_hs: legall_h::LegallH<14, 17, 1, 1>, ppc 2, set "ci";
    legall_hs4: legall_h::LegallH<14, 17, 1, 2>, ppc 4, set "ci";
    legall_hs16: legall_h::LegallH<14, 17, 1, 8>, ppc 16, set "ci";
    // The LeGall vertical block alone (14-bit in, 17-bit lanes, rows up to 32 beats),
    // analysis and synthesis.
    legall_v: legall_v::LegallV<14, 17, 5, 0, 1>, ppc 2, set "ci";
    legall_v16: legall_v::LegallV<14, 17, 5, 0, 8>, ppc 16, set "ci";
    legall_vs: legall_v::LegallV<14, 17, 5, 1, 1>, ppc 2, set "ci";
    legall_vs16: legall_v::LegallV<14, 17, 5, 1, 8>, ppc 16, set "ci";
    // The LeGall/Haar forward 2-D transform, rows up to 8192 samples (8K), depth 1-4.
    legall_fwd: legall_fwd::LegallFwd<12, 11, 10, 9, 1, 1, 1, 1, 2, 2, 2>, ppc 2, set "ci";
    legall_fwd1: legall_fwd1::LegallFwd1<12, 11, 10, 9>, ppc 1, set "ci";
    legall_fwd4: legall_fwd::LegallFwd<11, 11, 10, 9, 2, 1, 1, 1, 2, 2, 2>, ppc 4, set "legall-wide";
    legall_fwd8: legall_fwd::LegallFwd<10, 10, 10, 9, 4, 2, 1, 1, 4, 2, 2>, ppc 8, set "legall-wide";
    legall_fwd16: legall_fwd::LegallFwd<9, 9, 9, 9, 8, 4, 2, 1, 8, 4, 2>, ppc 16, set "ci";
    // Its ULX3S build: rows up to 2048 samples (1080p).
    legall_fwd_hd: legall_fwd::LegallFwd<10, 9, 8, 7, 1, 1, 1, 1, 2, 2, 2>, ppc 2, set "board";
    // Its inverse, rows up to 8192 samples, depth 1-4.
    legall_inv: legall_inv::LegallInv<12, 11, 10, 9, 1, 1, 1, 1>, ppc 2, set "ci";
    legall_inv1: legall_inv1::LegallInv1<12, 11, 10, 9>, ppc 1, set "ci";
    legall_inv4: legall_inv::LegallInv<11, 11, 10, 9, 2, 1, 1, 1>, ppc 4, set "legall-wide";
    legall_inv8: legall_inv::LegallInv<10, 10, 10, 9, 4, 2, 1, 1>, ppc 8, set "legall-wide";
    legall_inv16: legall_inv::LegallInv<9, 9, 9, 9, 8, 4, 2, 1>, ppc 16, set "ci";
    legall_inv_hd: legall_inv::LegallInv<10, 9, 8, 7, 1, 1, 1, 1>, ppc 2, set "board";
    // The simulated PCIe device's core: register chain, job queues, DMA and the 10-bit
    // packing stage and the HQ slice decoder (CAPS: DMA, HQ_SLICES; BUILD: the packing stage's 4
    // samples per clock).
    device: device::Device = crate::blocks::device::Device::new(crate::blocks::regs_ident::IdentValues { next: 0, caps: uhdpipe_driver::regmap::caps::DMA | uhdpipe_driver::regmap::caps::HQ_SLICES, build: 4, clock_khz: 0 }), ppc 4, set "ci";
    // The HQ slice decoder: slice bytes in, dequantised coefficients out, one per clock.
    hq_slices: hq_slices::HqSlices, ppc 1, set "ci";
    // Every-wavelet horizontal lifting, analysis (12-bit samples in) and synthesis (20-bit
    // coefficients in a 20-bit datapath, range-checked).
    lift_h: lift_h::LiftH<12, 16, 31, 0, 1, 9, 9>, ppc 2, set "ci";
    lift_hs: lift_h::LiftH<20, 20, 35, 1, 1, 9, 9>, ppc 2, set "ci";
    lift_h4: lift_h::LiftH<12, 16, 31, 0, 2, 5, 10>, ppc 4, set "lift-wide";
    lift_h8: lift_h::LiftH<12, 16, 31, 0, 4, 3, 12>, ppc 8, set "lift-wide";
    lift_h16: lift_h::LiftH<12, 16, 31, 0, 8, 3, 24>, ppc 16, set "lift-wide";
    lift_hs4: lift_h::LiftH<20, 20, 35, 1, 2, 5, 10>, ppc 4, set "lift-wide";
    lift_hs16: lift_h::LiftH<20, 20, 35, 1, 8, 3, 24>, ppc 16, set "lift-wide";
    // Every-wavelet vertical lifting, analysis (12-bit samples in) and synthesis (16-bit
    // coefficients in), rows up to 64 beats (32 at 16 columns per clock).
    lift_v: lift_v::LiftVTest, ppc 2, set "ci";
    lift_vs: lift_v::LiftVsTest, ppc 2, set "ci";
    lift_v16: lift_v::LiftV16Test, ppc 16, set "lift-wide";
    lift_vs16: lift_v::LiftVs16Test, ppc 16, set "lift-wide";
    // The every-wavelet forward 2-D transform, rows up to 8192 samples, depth 1-4 plus a
    // horizontal-only level; its 1080p build (rows up to 2048) for place and route.
    lift_fwd: lift_fwd::LiftFwd2<12, 11, 10, 9>, ppc 2, set "lift-fwd";
    lift_fwd1: lift_fwd1::LiftFwd1<12, 11, 10, 9>, ppc 1, set "lift-fwd";
    lift_fwd4: lift_fwd::LiftFwd4<11, 11, 10, 9>, ppc 4, set "lift-fwd-wide";
    lift_fwd8: lift_fwd::LiftFwd8<10, 10, 10, 9>, ppc 8, set "lift-fwd-wide";
    lift_fwd16: lift_fwd::LiftFwd16<9, 9, 9, 9>, ppc 16, set "lift-fwd";
    lift_fwd_hd: lift_fwd::LiftFwd2<10, 9, 8, 7>, ppc 2, set "synth";
    // Its inverse, depth 1-4 and a horizontal-only level.
    lift_inv: lift_inv::LiftInv2<12, 11, 10, 9>, ppc 2, set "lift-inv";
    lift_inv1: lift_inv1::LiftInv1<12, 11, 10, 9>, ppc 1, set "lift-inv";
    lift_inv4: lift_inv::LiftInv4<11, 11, 10, 9>, ppc 4, set "lift-inv-wide";
    lift_inv8: lift_inv::LiftInv8<10, 10, 10, 9>, ppc 8, set "lift-inv-wide";
    lift_inv16: lift_inv::LiftInv16<9, 9, 9, 9>, ppc 16, set "lift-inv";
}
