//! `uhdpipe_lift_inv` (rtl/src/blocks/lift_inv.rs: the inverse 2-D wavelet transform for
//! every VC-2 wavelet, depth 1–3 plus a horizontal-only level, two samples per clock; the
//! 8K simulation build, rows up to 8192 samples), Verilated. It has `legall_inv`'s ports
//! with wider lanes and a fourth band stream, so it shares [`crate::legall_inv`]'s
//! [`Ports`], driver ([`crate::legall_inv::drive`]), band streams and assembly.

use crate::legall_inv::{InvBuild, Ports, STREAMS};
use uhdpipe_rtl::blocks::lift_inv::{BAND_BITS, OUT_BITS};

crate::verilated!(LiftInv, "lift_inv", Ports, "One instance of the Verilated every-wavelet inverse transform.");

impl InvBuild for LiftInv {
    const PPC: usize = 2;
    const LANES: [usize; STREAMS] = [1; STREAMS];
    // (no level 4: its stream is never taken)
    const BAND_BITS: [u32; STREAMS] = [BAND_BITS as u32, BAND_BITS as u32, BAND_BITS as u32, 0, BAND_BITS as u32];
    const OUT_BITS: u32 = OUT_BITS as u32;
}
