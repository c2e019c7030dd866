//! `uhdpipe_lift_fwd` (rtl/src/blocks/lift_fwd.rs: the forward 2-D wavelet transform for
//! every VC-2 wavelet, depth 1–4 plus a horizontal-only level, two samples per clock; the
//! 8K simulation build, rows up to 8192 samples), `uhdpipe_lift_fwd1` (the same behind a
//! gearbox: one sample per clock) and `uhdpipe_lift_fwd16` (16 samples per clock: 8, 4, 2, 1
//! pair lanes at levels 1–4; rows up to 512 beats), Verilated; with the `lift-fwd-wide`
//! feature also `uhdpipe_lift_fwd4` and `uhdpipe_lift_fwd8` (4 and 8 samples per clock). Each has `legall_fwd`'s
//! ports with wider lanes, so it shares [`crate::legall_fwd`]'s [`Ports`], driver
//! ([`crate::legall_fwd::drive`]: give it [`SETUP_CLOCKS`]) and assembly.

use crate::legall_fwd::{legall_fwd_build, FwdBuild, Ports};

crate::verilated!(LiftFwd1, lift_fwd1, Ports, "One instance of the Verilated every-wavelet forward transform at one sample per clock (the sample in `in_even[0]`).");

impl FwdBuild for LiftFwd1 {
    const PPC: usize = 1;
    const LANES: [usize; 4] = [1, 1, 1, 1];
    const OUT_BITS: [u32; 4] = [19, 26, 33, 40];
    const HO_BITS: u32 = 44;
}

legall_fwd_build!(
    LiftFwd,
    HdlLiftFwd,
    "lift_fwd",
    uhdpipe_rtl::designs::types::lift_fwd,
    2,
    [1, 1, 1, 1],
    pairs,
    [19, 26, 33, 40],
    44,
    "One instance of the Verilated every-wavelet forward transform (2 samples per clock, rows up to 4096 beats)."
);
legall_fwd_build!(
    LiftFwd16,
    HdlLiftFwd16,
    "lift_fwd16",
    uhdpipe_rtl::designs::types::lift_fwd16,
    16,
    [8, 4, 2, 1],
    pairs,
    [19, 26, 33, 40],
    44,
    "One instance of the Verilated every-wavelet forward transform at 16 samples per clock (rows up to 512 beats)."
);

#[cfg(feature = "lift-fwd-wide")]
legall_fwd_build!(
    LiftFwd4,
    HdlLiftFwd4,
    "lift_fwd4",
    uhdpipe_rtl::designs::types::lift_fwd4,
    4,
    [2, 1, 1, 1],
    pairs,
    [19, 26, 33, 40],
    44,
    "One instance of the Verilated every-wavelet forward transform at 4 samples per clock (rows up to 2048 beats; with the `lift-fwd-wide` feature)."
);
#[cfg(feature = "lift-fwd-wide")]
legall_fwd_build!(
    LiftFwd8,
    HdlLiftFwd8,
    "lift_fwd8",
    uhdpipe_rtl::designs::types::lift_fwd8,
    8,
    [4, 2, 1, 1],
    pairs,
    [19, 26, 33, 40],
    44,
    "One instance of the Verilated every-wavelet forward transform at 8 samples per clock (rows up to 1024 beats; with the `lift-fwd-wide` feature)."
);

pub use crate::legall_fwd::SETUP_CLOCKS;
