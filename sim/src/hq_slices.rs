//! `uhdpipe_hq_slices` (rtl/src/blocks/hq_slices.rs: the HQ slice decoder), Verilated, and
//! [`decode_picture`], which runs one picture's slices through it with random idle input
//! and output back-pressure and collects what comes out.

use crate::{Chance, Dut};
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
        cfg_slices_x,
        cfg_slices_y,
        cfg_prefix,
        cfg_scaler,
        cfg_xq,
        cfg_xr,
        cfg_yq,
        cfg_yr,
        cfg_bytes,
        out_value,
        st_range,
        in_data,
        cfg_qm,
        cfg_shift
    ]
);

crate::verilated!(HqSlices, hq_slices, Ports, "The HQ slice decoder (`uhdpipe_hq_slices`), Verilated.");

/// Why a picture cannot go to the block as it is built.
pub fn unsupported(walk: &SliceWalk, bytes: usize) -> Option<String> {
    let fits16 = |v: u64| v < 1 << 16;
    if walk.bands.len() > 16 {
        return Some(format!("{} bands (the block takes up to 16)", walk.bands.len()));
    }
    if !(fits16(walk.slices_x) && fits16(walk.slices_y) && fits16(walk.prefix_bytes) && fits16(walk.size_scaler)) {
        return Some("slice counts, prefix bytes or size scaler above 65535".into());
    }
    if walk.bands.iter().any(|b| b.2 > 255) {
        return Some("a quantisation matrix value above 255".into());
    }
    if ![walk.xq, walk.yq].iter().flatten().all(|&v| fits16(v)) {
        return Some("a padded size above 65535".into());
    }
    if bytes >= 1 << 32 {
        return Some("more than 4 GiB of slices".into());
    }
    None
}

/// The ports' run-time parameters for a picture of `bytes` slice bytes.
pub fn configure(p: &mut Ports, walk: &SliceWalk, bytes: usize) {
    p.cfg_bytes = bytes as u32;
    p.cfg_slices_x = walk.slices_x as u16;
    p.cfg_slices_y = walk.slices_y as u16;
    p.cfg_prefix = walk.prefix_bytes as u16;
    p.cfg_scaler = walk.size_scaler as u16;
    p.cfg_bands = walk.bands.len() as u8;
    let (mut qm, mut sh) = (0u128, 0u128);
    for (b, &(xs, ys, m)) in walk.bands.iter().enumerate() {
        qm |= (m as u128) << (8 * b);
        sh |= ((xs as u128) | (ys as u128) << 4) << (8 * b);
    }
    p.cfg_qm = [qm as u64, (qm >> 64) as u64];
    p.cfg_shift = [sh as u64, (sh >> 64) as u64];
    for k in 0..2 {
        p.cfg_xq[k] = walk.xq[k] as u16;
        p.cfg_xr[k] = walk.xr[k] as u16;
        p.cfg_yq[k] = walk.yq[k] as u16;
        p.cfg_yr[k] = walk.yr[k] as u16;
    }
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
