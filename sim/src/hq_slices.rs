//! `uhdpipe_hq_slices` (rtl/src/blocks/hq_slices.rs: the HQ slice decoder), Verilated, and
//! [`decode_picture`], which runs one picture's slices through it with random idle input
//! and output back-pressure and collects what comes out.

use crate::{Chance, Dut};
use uhdpipe_driver::job::hq_params;
use uhdpipe_model::slice::{SliceCoefficient, SliceWalk};

#[repr(C)]
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
/// Port values (inputs set by the caller, outputs filled by `eval`); see the block's docs.
pub struct Ports {
    /// start.
    pub start: u8,
    /// in_valid.
    pub in_valid: u8,
    /// out_ready.
    pub out_ready: u8,
    /// cfg_bands (5 bits).
    pub cfg_bands: u8,
    /// busy (output).
    pub busy: u8,
    /// done (output).
    pub done: u8,
    /// in_ready (output).
    pub in_ready: u8,
    /// out_valid (output).
    pub out_valid: u8,
    /// out_ovf (output).
    pub out_ovf: u8,
    /// out_comp (output).
    pub out_comp: u8,
    /// out_band (output).
    pub out_band: u8,
    /// out_eor (output).
    pub out_eor: u8,
    /// st_error (output).
    pub st_error: u8,
    /// cfg_ld.
    pub cfg_ld: u8,
    /// cfg_slices_x.
    pub cfg_slices_x: u16,
    /// cfg_slices_y.
    pub cfg_slices_y: u16,
    /// cfg_prefix.
    pub cfg_prefix: u16,
    /// cfg_scaler.
    pub cfg_scaler: u16,
    /// cfg_xq, luma and chroma.
    pub cfg_xq: [u16; 2],
    /// cfg_xr.
    pub cfg_xr: [u16; 2],
    /// cfg_yq.
    pub cfg_yq: [u16; 2],
    /// cfg_yr.
    pub cfg_yr: [u16; 2],
    /// cfg_bytes.
    pub cfg_bytes: u32,
    /// cfg_ld_q (24 bits).
    pub cfg_ld_q: u32,
    /// cfg_ld_r.
    pub cfg_ld_r: u32,
    /// cfg_ld_d.
    pub cfg_ld_d: u32,
    /// out_value (output, 23-bit two's complement).
    pub out_value: u32,
    /// st_range (output).
    pub st_range: u32,
    /// in_data.
    pub in_data: u64,
    /// cfg_qm (128 bits, low word first).
    pub cfg_qm: [u64; 2],
    /// cfg_shift (128 bits, low word first).
    pub cfg_shift: [u64; 2],
}

crate::port_layout!(
    Ports,
    [
        start,
        in_valid,
        out_ready,
        cfg_bands,
        busy,
        done,
        in_ready,
        out_valid,
        out_ovf,
        out_comp,
        out_band,
        out_eor,
        st_error,
        cfg_ld,
        cfg_slices_x,
        cfg_slices_y,
        cfg_prefix,
        cfg_scaler,
        cfg_xq,
        cfg_xr,
        cfg_yq,
        cfg_yr,
        cfg_bytes,
        cfg_ld_q,
        cfg_ld_r,
        cfg_ld_d,
        out_value,
        st_range,
        in_data,
        cfg_qm,
        cfg_shift
    ]
);

crate::verilated!(HqSlices, hq_slices, Ports, "The HQ slice decoder (`uhdpipe_hq_slices`), Verilated.");

/// The picture's parameters as the device's parameter block carries them
/// (`uhdpipe_driver::job::hq_params`, which refuses what the block cannot take, naming it).
pub fn params(walk: &SliceWalk) -> Result<[u64; 8], String> {
    hq_params((walk.slices_x, walk.slices_y), walk.prefix_bytes, walk.size_scaler, walk.low_delay, [walk.xq[0], walk.xr[0], walk.yq[0], walk.yr[0]], [walk.xq[1], walk.xr[1], walk.yq[1], walk.yr[1]], &walk.bands)
}

/// Why a picture cannot go to the block as it is built.
pub fn unsupported(walk: &SliceWalk, bytes: usize) -> Option<String> {
    if bytes >= 1 << 32 {
        return Some("more than 4 GiB of slices".into());
    }
    params(walk).err()
}

/// The ports' run-time parameters for a picture of `bytes` slice bytes, from its parameter
/// block ([`params`]), field by field as the device's job engine wires them.
pub fn configure(p: &mut Ports, walk: &SliceWalk, bytes: usize) {
    let w = params(walk).expect("a picture the block takes (see `unsupported`)");
    p.cfg_bytes = bytes as u32;
    p.cfg_slices_x = w[0] as u16;
    p.cfg_slices_y = (w[0] >> 16) as u16;
    p.cfg_prefix = (w[0] >> 32) as u16;
    p.cfg_scaler = (w[0] >> 48) as u16;
    for k in 0..2 {
        p.cfg_xq[k] = w[1 + k] as u16;
        p.cfg_xr[k] = (w[1 + k] >> 16) as u16;
        p.cfg_yq[k] = (w[1 + k] >> 32) as u16;
        p.cfg_yr[k] = (w[1 + k] >> 48) as u16;
    }
    p.cfg_bands = (w[3] & 31) as u8;
    p.cfg_ld = (w[3] >> 7 & 1) as u8;
    p.cfg_ld_q = (w[3] >> 8 & 0xff_ffff) as u32;
    p.cfg_ld_d = (w[3] >> 32) as u32;
    p.cfg_ld_r = (w[0] >> 32) as u32;
    p.cfg_qm = [w[4], w[5]];
    p.cfg_shift = [w[6], w[7]];
}

/// What one picture gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// The coefficients in the order they left (out-of-range ones included, with their
    /// wrapped values).
    pub coefficients: Vec<SliceCoefficient>,
    /// How many left with `out_ovf`.
    pub flagged: u64,
    /// `out_eor` positions (indices into `coefficients`).
    pub row_ends: Vec<usize>,
    /// `st_error` at `done`.
    pub error: u8,
    /// `st_range` at `done`.
    pub range: u32,
    /// Clocks from `start` to the last coefficient (or `done`, whichever is later).
    pub clocks: u64,
}

/// Runs one picture: `data` its slice bytes, with input idle and output stalls each
/// `stall_per_mille` / 1000 of the clocks (seeded by `seed`). Panics if the block has not
/// finished within `limit` clocks (a hang).
pub fn decode_picture(d: &mut HqSlices, walk: &SliceWalk, data: &[u8], stall_per_mille: u32, seed: u64, limit: u64) -> Outcome {
    let mut p = Ports::default();
    configure(&mut p, walk, data.len());
    let beats: Vec<u64> = data
        .chunks(8)
        .map(|c| {
            let mut b = [0u8; 8];
            b[..c.len()].copy_from_slice(c);
            // bytes past the data are garbage to the block: make them so
            for (i, x) in b.iter_mut().enumerate().skip(c.len()) {
                *x = 0xa5 ^ i as u8;
            }
            u64::from_le_bytes(b)
        })
        .collect();
    let mut rng = Chance::new(seed);
    p.start = 1;
    d.eval(&mut p);
    d.tick();
    p.start = 0;
    let (mut next, mut clocks, mut flagged) = (0usize, 1u64, 0u64);
    let (mut out, mut row_ends) = (Vec::new(), Vec::new());
    let mut finished: Option<(u8, u32)> = None;
    loop {
        assert!(clocks < limit, "the slice decoder did not finish within {limit} clocks ({} of {} beats taken, {} coefficients out)", next, beats.len(), out.len());
        p.in_valid = (next < beats.len() && !rng.hit(stall_per_mille)) as u8;
        p.in_data = beats.get(next).copied().unwrap_or(0);
        p.out_ready = (!rng.hit(stall_per_mille)) as u8;
        d.eval(&mut p);
        if p.in_valid == 1 && p.in_ready == 1 {
            next += 1;
        }
        if p.out_valid == 1 && p.out_ready == 1 {
            if p.out_eor == 1 {
                row_ends.push(out.len());
            }
            flagged += p.out_ovf as u64;
            out.push(SliceCoefficient { comp: p.out_comp, band: p.out_band, value: crate::sext(p.out_value, 23) });
        }
        if p.done == 1 {
            assert!(finished.is_none(), "done pulsed twice");
            finished = Some((p.st_error, p.st_range));
        }
        if let Some((error, range)) = finished {
            if p.busy == 0 {
                return Outcome { coefficients: out, flagged, row_ends, error, range, clocks };
            }
        }
        d.tick();
        clocks += 1;
    }
}
