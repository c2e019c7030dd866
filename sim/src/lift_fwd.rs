//! `uhdpipe_lift_fwd` (rtl/src/blocks/lift_fwd.rs: the forward 2-D wavelet transform for
//! every VC-2 wavelet, depth 1–4 plus a horizontal-only level, two samples per clock; the
//! 8K simulation build, rows up to 8192 samples) and `uhdpipe_lift_fwd1` (the same behind a
//! gearbox: one sample per clock), Verilated. Each has `legall_fwd`'s ports
//! with wider lanes, so it shares [`crate::legall_fwd`]'s [`Ports`], driver
//! ([`crate::legall_fwd::drive`]: give it [`SETUP_CLOCKS`]) and assembly.

use crate::legall_fwd::{FwdBuild, Ports};

crate::verilated!(LiftFwd, "lift_fwd", Ports, "One instance of the Verilated every-wavelet forward transform.");

crate::verilated!(LiftFwd1, "lift_fwd1", Ports, "One instance of the Verilated every-wavelet forward transform at one sample per clock (the sample in `in_even[0]`).");

/// Both builds' lanes and widths; `$ppc` samples per clock.
macro_rules! lift_fwd_build {
    ($t:ident, $ppc:literal) => {
        impl FwdBuild for $t {
            const PPC: usize = $ppc;
            const LANES: [usize; 4] = [1, 1, 1, 1];
            const OUT_BITS: [u32; 4] = [19, 26, 33, 40];
            const HO_BITS: u32 = 44;
        }
    };
}
lift_fwd_build!(LiftFwd, 2);
lift_fwd_build!(LiftFwd1, 1);

pub use crate::legall_fwd::SETUP_CLOCKS;
