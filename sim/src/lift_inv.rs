//! `uhdpipe_lift_inv` (rtl/src/blocks/lift_inv.rs: the inverse 2-D wavelet transform for
//! every VC-2 wavelet, depth 1–4 plus a horizontal-only level, two samples per clock; the
//! 8K simulation build, rows up to 8192 samples) and `uhdpipe_lift_inv1` (the same with a
//! gearbox after it: one sample per clock) and `uhdpipe_lift_inv16` (16 samples per clock:
//! 8, 4, 2, 1 pair lanes at levels 1–4, 4 on the horizontal-only level's stream; rows up to
//! 512 beats), Verilated; with the `lift-inv-wide` feature also `uhdpipe_lift_inv4` and
//! `uhdpipe_lift_inv8` (4 and 8 samples per clock: 2, 1, 1, 1 and 4, 2, 1, 1 pair lanes, 1
//! and 2 on the horizontal-only level's stream). Each has `legall_inv`'s ports
//! with wider lanes, a fifth band stream and `err_range`, so it shares [`crate::legall_inv`]'s
//! [`Ports`], driver ([`crate::legall_inv::drive`]), band streams and assembly.

use crate::legall_inv::{InvBuild, Ports, STREAMS};
use uhdpipe_rtl::blocks::lift_inv::{BAND_BITS, OUT_BITS};

crate::verilated!(LiftInv, lift_inv, Ports, "One instance of the Verilated every-wavelet inverse transform.");

crate::verilated!(LiftInv16, lift_inv16, Ports, "One instance of the Verilated every-wavelet inverse transform at 16 samples per clock.");

#[cfg(feature = "lift-inv-wide")]
crate::verilated!(LiftInv4, lift_inv4, Ports, "One instance of the Verilated every-wavelet inverse transform at 4 samples per clock (with the `lift-inv-wide` feature).");
#[cfg(feature = "lift-inv-wide")]
crate::verilated!(LiftInv8, lift_inv8, Ports, "One instance of the Verilated every-wavelet inverse transform at 8 samples per clock (with the `lift-inv-wide` feature).");

crate::verilated!(LiftInv1, lift_inv1, Ports, "One instance of the Verilated every-wavelet inverse transform at one sample per clock (the sample in `out_even[0]`).");

/// Each build's lanes and widths: `$ppc` samples per clock, pair lanes of levels 1–4 and
/// the horizontal-only level.
macro_rules! lift_inv_build {
    ($t:ident, $ppc:literal, $lanes:expr) => {
        impl InvBuild for $t {
            const PPC: usize = $ppc;
            const LANES: [usize; STREAMS] = $lanes;
            const BAND_BITS: [u32; STREAMS] = [BAND_BITS as u32; STREAMS];
            const OUT_BITS: u32 = OUT_BITS as u32;
        }
    };
}
lift_inv_build!(LiftInv, 2, [1; STREAMS]);
lift_inv_build!(LiftInv1, 1, [1; STREAMS]);
lift_inv_build!(LiftInv16, 16, [8, 4, 2, 1, 4]);
#[cfg(feature = "lift-inv-wide")]
lift_inv_build!(LiftInv4, 4, [2, 1, 1, 1, 1]);
#[cfg(feature = "lift-inv-wide")]
lift_inv_build!(LiftInv8, 8, [4, 2, 1, 1, 2]);
