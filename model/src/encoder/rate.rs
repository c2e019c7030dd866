//! Rate control: the choice of each slice's quantisation index. **This text is the
//! specification the RTL encoder implements bit for bit.**
//!
//! The encoder works the way the hardware does: the transform delivers a picture one
//! *slice row* at a time (all `slices_x` slices of a band of lines), the slice-reorder buffer
//! holds that row, and the row is costed, decided and coded before the next is finished.
//! One quantisation index per row (with a one-step refinement per slice) spends the row's
//! bytes where its content needs them; bytes a row leaves unused carry to the next row.
//!
//! # Budget
//! A lossy picture has a byte budget `N` (`--picture-bytes`, or derived from `--ratio` or
//! `--bitrate`), counting its whole data unit: the 13-byte parse info, the picture header
//! and transform parameters (the *preamble*, `H` bytes), and the slices. With `n = X·Y`
//! slices (`X = slices_x`, `Y = slices_y`), `slice_prefix_bytes` `p` (0 here) and
//! `slice_size_scaler` `k`, the bytes left for slice *payload* (component data) are
//! `P = N − 13 − H − n·(p + 4)` (each HQ slice spends `p` prefix bytes, a qindex byte and
//! three length bytes). `k = max(1, ⌈3·⌈P/n⌉ / 255⌉)`: one component may take three times a
//! mean slice's payload. (The preamble states `k`, so `H` and `k` are settled together:
//! start from `k = 1`, recompute until stable.) The payload is counted in units of `k`
//! bytes, `U = ⌊P / k⌋`, and dealt out to slice rows like the low-delay profile's slice
//! sizes (13.5.3.2): row `r` gets `u_r = ⌊(r+1)·U/Y⌋ − ⌊r·U/Y⌋` units.
//!
//! # Cost of a quantisation index
//! For a slice and a candidate index `q` (0..=255), band `b` of the slice is quantised with
//! `q_b = max(0, q − M_b)` where `M` is the picture's quantisation matrix (13.5.3.1
//! `slice_quantizers`), every coefficient `c` by the forward quantiser
//! `v = sign(c)·⌊4|c| / quant_factor(q_b)⌋` (13.3.2's factors). In each component, in the
//! slice's coefficient order (bands in bitstream order, rows top to bottom, samples left to
//! right: 13.5.6.3 `slice_band`), a coefficient costs `2⌊log2(|v|+1)⌋ + 1` bits, plus one
//! sign bit if `v ≠ 0`. A component's size is the sum of its codes ([`Trailing::Code`]) —
//! or, when trailing zeros are omitted ([`Trailing::Compatible`], the default, and
//! [`Trailing::Omit`]), the bits up to and including its **last non-zero coefficient**
//! (later zeros need not be sent: a decoder reads 1 bits past the end of a block, which
//! decode as zeros, A.4.2) — rounded up to bytes `bytes_c`, then to units
//! `L_c = ⌈bytes_c / k⌉`. [`Trailing::Compatible`] then adjusts the units so that FFmpeg
//! decodes the slice exactly (see "FFmpeg's reader" below): `L_c = max(L_c, 1)` (no empty
//! component), and for C1 and C2, if `L_c` is one of the 30 *unsafe* byte values
//! ([`ffmpeg_unsafe`]: 41, 43, 57, 59, 105, 107, 121, 123, 129, …, 251), `L_c + 1` (one
//! more unit of padding; unsafe values are odd, so `L_c + 1` is safe); and the slice is
//! quantised and coded at `coded_index(q)`, which is `q + 1` for an unsafe `q` and `q`
//! otherwise ([`coded_index`]). The slice's size is `S(q) = p + 4 + k·(L_Y + L_C1 + L_C2)`,
//! or *infinite* if some `L_c > 255` (a length byte cannot state it).
//!
//! Sizes never increase with `q`: `quant_factor` increases with its index and `q_b` with
//! `q`, so every `|v|` (hence every code length, and the position of the last non-zero
//! coefficient) is non-increasing; the compatible adjustments are non-decreasing functions
//! (of `L_c`, and of `q`) so they keep that order. At `q = 255` every coefficient of a
//! 16-bit picture is zero (the factor exceeds 2^60), so a slice costs `p + 4` bytes with
//! trailing zeros omitted — which is why `P ≥ 0` is all the encoder must check.
//!
//! # Row decision
//! Row `r` may spend `A_r = X·(p + 4) + k·u_r + C_r` bytes, where `C_r` is the carry (bytes
//! the rows above left unused; `C_0 = 0`).
//! 1. **Row index.** `q_r` is the smallest `q` with `Σ_s S_s(q) ≤ A_r` over the row's slices,
//!    with the sizes of the configured form ([`Trailing::Compatible`] by default, or
//!    [`Trailing::Code`]). If not even `q = 255` fits that way (the row has less than about
//!    one bit per coefficient with `Code`, or less than about three units per slice with
//!    `Compatible`), the row falls back to [`Trailing::Omit`] and `q_r` is the smallest `q`
//!    that fits with those sizes. [`Trailing::Omit`] omits trailing zeros in every row.
//! 2. **Refinement.** Let `L = A_r − Σ_s S_s(q_r)`. If `q_r > 0`, for each slice `s` from left
//!    to right: if `d = S_s(q_r − 1) − S_s(q_r) ≤ L` (finite), slice `s` takes `q_r − 1` and
//!    `L −= d`. Other slices keep `q_r`. Each slice is coded at `coded_index` of the index
//!    it takes (with `Compatible`; the index itself otherwise).
//! 3. **Carry.** `C_{r+1} = L`. After the last row, `L` is padding (see below).
//!
//! Hardware finds `q_r` in two passes over the row's buffered coefficients with K = 16 cost
//! units per slice working in parallel and 16 row accumulators: pass 1 sums the sizes at
//! `q = 16i + 15` (`i = 0..=15`) and takes `j`, the smallest `i` whose sum fits (`i = 15`
//! always fits once trailing zeros may be omitted); pass 2 sums the sizes at `16j + t`
//! (`t = 0..=15`); `q_r = 16j + t` for the smallest fitting `t`. Each cost unit keeps both
//! bit counts (all codes, and up to the last non-zero value), so the trailing-zero fallback
//! costs no extra pass (`Compatible`'s adjustments look `L_c` and `q` up in the 30 unsafe
//! values). The refinement needs `S_s(q_r − 1)`, which pass 2 computed (or pass 1
//! when `t = 0`). Because row sums are monotonic, this is exactly the smallest fitting
//! index: [`hardware_row_search`] is that procedure literally; the encoder runs
//! [`smallest_fitting_row`] (a search outwards from the previous row's index, then a
//! bisection: typically 3–5 sums instead of 32), which returns the same index — tests check
//! the two agree from any starting point.
//!
//! # Coding and padding
//! Each slice is then written at its index: prefix bytes (zero), the index, and per
//! component its length byte `L_c` and data — the coefficient codes up to the last non-zero
//! one, then 1 bits to a whole byte (when sending trailing zeros, as many 1 bits as there
//! are trailing zeros, rounded up to a byte: the zeros' own codes), then `0xFF` bytes to
//! `k·L_c`. The last row's leftover `L` (a multiple of `k`) is added as more `0xFF` padding,
//! to its slices from the last one backwards, each slice's components last first (C2, C1,
//! Y), each up to 255 units. The picture then occupies exactly `N − (P mod k)` bytes:
//! exactly `N` whenever `k = 1`. Padding of 1 bits decodes as zero coefficients and is never
//! read past the component's coefficients.
//!
//! With `Compatible`, padding never makes a C1 or C2 length unsafe: a component that would
//! end on an unsafe length takes one unit less (an even, safe length) and the unit goes to
//! the components before it.
//!
//! **Lossless** pictures (`--lossless`) use `q = 0` in every slice, no budget and no
//! padding; `k` is the smallest scaler that holds the picture's largest component (the
//! compatible adjustments apply to their lengths too).
//!
//! # FFmpeg's reader
//! FFmpeg's VC-2 decoder (5.1; `libavcodec/diracdec.c` `decode_hq_slice` and
//! `libavcodec/dirac_vlc.c` `ff_dirac_golomb_read_16bit`/`_32bit`) reads each component
//! through a byte-wise table: it hands the reader the component's `k·L_c` bytes and its
//! coefficient count `n`, and zeroes whatever the reader does not return. The reader stops
//! as soon as it has `n` values, so a component whose bytes hold all `n` codes (every
//! `Code` component) is exact. Otherwise, after the last byte it looks up the *following*
//! byte (the next length byte, the next slice's quantisation index, or the next data unit's
//! parse info) from the state the component ended in, and if that lookup does not end on a
//! code boundary it writes one more "guessed" value after the decoded ones. Our components
//! end on a code boundary (their padding is 1 bits, each a whole code), where the guess is
//! `+1` exactly when the following byte ends just after the terminating bit of a non-zero
//! value (its sign bit outside the byte): the 30 unsafe bytes. A component of no bytes is
//! worse: its "last byte" is the following byte itself, read as coefficients. So a
//! component is decoded exactly by FFmpeg if and only if its bytes hold all its codes, or
//! it has at least one byte and the byte after it is safe — which `Compatible` guarantees
//! (Y's length follows the quantisation index, not a component, so it may take any value;
//! a picture's last slice is followed by the parse info prefix 0x42 or, inside FFmpeg, by
//! zero padding: both safe).

use super::Trailing;
use crate::quant::quant_factor;

/// Highest quantisation index an HQ slice can carry (one byte).
pub const MAX_QINDEX: u8 = 255;

/// Cost units the hardware search runs in parallel (K).
pub const SEARCH_WIDTH: usize = 16;

/// Exact quotients `⌊a / quant_factor(q)⌋` for every index: by a 64-bit reciprocal
/// multiplication when `a < 2^32` and the factor is below 2^32 (as hardware computes it),
/// by division otherwise.
pub struct Quantiser {
    /// `⌈2^64 / quant_factor(q)⌉`, or 0 where the factor is 2^32 or more.
    recip: [u64; 256],
    /// `quant_factor(q)`.
    factor: [u128; 256],
}

impl Quantiser {
    /// The table for every index (computed once).
    pub fn get() -> &'static Quantiser {
        static Q: std::sync::OnceLock<Quantiser> = std::sync::OnceLock::new();
        Q.get_or_init(|| {
            let factor: [u128; 256] = std::array::from_fn(|q| quant_factor(q as u32));
            let recip = std::array::from_fn(|q| {
                let f = factor[q];
                if f < (1 << 32) {
                    // f >= 4, so the reciprocal fits 64 bits.
                    ((1u128 << 64).div_ceil(f)) as u64
                } else {
                    0
                }
            });
            Quantiser { recip, factor }
        })
    }

    /// `quant_factor(q)`.
    pub fn factor(&self, q: u8) -> u128 {
        self.factor[q as usize]
    }

    /// (13.3, encoder side) `quant::forward_quant` — `sign(c)·⌊4|c| / quant_factor(q)⌋` —
    /// by [`Quantiser::quotient`].
    #[inline(always)]
    pub fn forward_quant(&self, c: i64, q: u8) -> i64 {
        let m = self.quotient(c.unsigned_abs() << 2, q) as i64;
        if c < 0 {
            -m
        } else {
            m
        }
    }

    /// `⌊a / quant_factor(q)⌋` where `a = 4|c|`.
    ///
    /// The reciprocal is exact: with `m = ⌈2^64/f⌉ = 2^64/f + e` (`0 ≤ e < 1`),
    /// `a·m/2^64 = a/f + a·e/2^64`, and for `a < 2^32` the excess is below `2^-32 ≤ 1/f`,
    /// too little to carry `a/f` (whose fraction is at most `(f−1)/f`) past an integer.
    #[inline(always)]
    pub fn quotient(&self, a: u64, q: u8) -> u64 {
        let m = self.recip[q as usize];
        if a < (1 << 32) && m != 0 {
            ((a as u128 * m as u128) >> 64) as u64
        } else {
            (a as u128 / self.factor[q as usize]) as u64
        }
    }
}

/// One component's coefficients of one slice, in coding order, with the extent and
/// largest `4|c|` of each band.
#[derive(Debug, Default, Clone)]
pub struct ComponentSlice {
    /// Coefficients in coding order.
    pub coeffs: Vec<i64>,
    /// Per band (bitstream order): end index in `coeffs` and the largest `4|c|` in it.
    pub bands: Vec<(usize, u64)>,
}

impl ComponentSlice {
    /// Clears for reuse.
    pub fn clear(&mut self) {
        self.coeffs.clear();
        self.bands.clear();
    }

    /// Closes the band whose coefficients were pushed since the previous one.
    pub fn end_band(&mut self) {
        let start = self.bands.last().map_or(0, |b| b.0);
        let max = self.coeffs[start..].iter().map(|c| c.unsigned_abs() << 2).max().unwrap_or(0);
        self.bands.push((self.coeffs.len(), max));
    }

    /// Bits of the component at slice index `q`: all its codes, or with [`Trailing::Omit`]
    /// those up to and including its last non-zero coefficient (see the module docs).
    /// ([`Trailing::Compatible`] counts as [`Trailing::Omit`] here: its extra bytes are
    /// whole units, added by [`component_units`]).
    pub fn coded_bits(&self, q: u8, matrix: &[u64], trailing: Trailing) -> u64 {
        let t = Quantiser::get();
        let mut bits = 0u64;
        let mut last = 0u64;
        let mut start = 0;
        for (&(end, max), &m) in self.bands.iter().zip(matrix) {
            let qb = (q as u64).saturating_sub(m) as u8;
            if (max as u128) < t.factor(qb) {
                // Every coefficient of the band quantises to zero: one bit each.
                bits += (end - start) as u64;
            } else {
                for &c in &self.coeffs[start..end] {
                    let v = t.quotient(c.unsigned_abs() << 2, qb);
                    bits += crate::bits::sint_bits(v) as u64;
                    if v != 0 {
                        last = bits;
                    }
                }
            }
            start = end;
        }
        match trailing {
            Trailing::Code => bits,
            Trailing::Omit | Trailing::Compatible => last,
        }
    }
}

/// The slice parameters every slice of a picture shares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SliceFormat {
    /// `slice_prefix_bytes`.
    pub prefix_bytes: u64,
    /// `slice_size_scaler`.
    pub size_scaler: u64,
}

/// Whether FFmpeg's reader misdecodes a component that holds fewer codes than
/// coefficients when this byte follows it (module docs, "FFmpeg's reader"): read as
/// interleaved exp-Golomb codes from a code boundary, the byte ends right after the
/// terminating bit of a non-zero value, before its sign bit. 30 of the 256 values, all odd.
pub fn ffmpeg_unsafe(byte: u8) -> bool {
    let bit = |i: u32| (byte >> (7 - i)) & 1 == 1;
    // `i`: the next bit; `in_value`: inside a non-zero value's follow/data pairs.
    let (mut i, mut in_value) = (0, false);
    while i < 8 {
        match (in_value, bit(i)) {
            // A zero value (a lone 1 bit).
            (false, true) => i += 1,
            // A non-zero value starts: a 0 follow bit and a data bit.
            (false, false) => (i, in_value) = (i + 2, true),
            // Its terminating 1 bit: the sign bit follows; unsafe if it is the next byte's.
            (true, true) if i == 7 => return true,
            (true, true) => (i, in_value) = (i + 2, false),
            // Another 0 follow bit and data bit.
            (true, false) => i += 2,
        }
    }
    false
}

/// The index a slice is coded at when the rate control chooses `q`: `q` itself, except
/// that [`Trailing::Compatible`] replaces an [`ffmpeg_unsafe`] index (41, 43, 57, …) by
/// the next one (module docs, "FFmpeg's reader"). Non-decreasing in `q`, so sizes at the
/// coded index are still non-increasing in `q`.
pub fn coded_index(q: u8, trailing: Trailing) -> u8 {
    if trailing == Trailing::Compatible && ffmpeg_unsafe(q) {
        // Unsafe bytes are odd and below 255, and `q + 1` is even, hence safe.
        q + 1
    } else {
        q
    }
}

/// `L_c`: the length byte of component `component` (0 = Y, 1 = C1, 2 = C2) whose data is
/// `bytes` long, in units of `k` (module docs, "Cost"); may exceed 255.
pub fn component_units(bytes: u64, k: u64, component: usize, trailing: Trailing) -> u64 {
    let l = bytes.div_ceil(k);
    if trailing != Trailing::Compatible {
        return l;
    }
    // At least one unit: FFmpeg would read an empty component from the following bytes.
    let l = l.max(1);
    // C1's and C2's length bytes follow Y's and C1's data.
    if component > 0 && l <= 255 && ffmpeg_unsafe(l as u8) {
        l + 1
    } else {
        l
    }
}

/// `S(q)`: the bytes of a slice coded at `q` (module docs, "Cost": at
/// [`coded_index`]`(q)`), or `None` if a component would need more than 255 units.
pub fn slice_bytes(comps: &[ComponentSlice; 3], q: u8, matrix: &[u64], f: &SliceFormat, trailing: Trailing) -> Option<u64> {
    let k = f.size_scaler;
    let q = coded_index(q, trailing);
    let mut units = 0;
    for (i, c) in comps.iter().enumerate() {
        let l = component_units(c.coded_bits(q, matrix, trailing).div_ceil(8), k, i, trailing);
        if l > 255 {
            return None;
        }
        units += l;
    }
    Some(f.prefix_bytes + 4 + k * units)
}

/// Each slice's `S_s(q)` over a row (`None` where a slice cannot be coded at `q`).
pub fn row_sizes(row: &[[ComponentSlice; 3]], q: u8, matrix: &[u64], f: &SliceFormat, trailing: Trailing) -> Vec<Option<u64>> {
    use rayon::prelude::*;
    row.par_iter().with_min_len(8).map(|c| slice_bytes(c, q, matrix, f, trailing)).collect()
}

/// `Σ_s S_s(q)`, or `None` if some slice cannot be coded at `q`.
fn total(sizes: &[Option<u64>]) -> Option<u64> {
    sizes.iter().copied().sum()
}

/// Row sizes at each index asked for, computed once each (a search and the refinement
/// look at the same indices).
struct RowCosts<'a> {
    row: &'a [[ComponentSlice; 3]],
    matrix: &'a [u64],
    format: &'a SliceFormat,
    trailing: Trailing,
    avail: u64,
    memo: Vec<Option<Vec<Option<u64>>>>,
}

impl<'a> RowCosts<'a> {
    fn new(row: &'a [[ComponentSlice; 3]], matrix: &'a [u64], format: &'a SliceFormat, trailing: Trailing, avail: u64) -> Self {
        RowCosts { row, matrix, format, trailing, avail, memo: vec![None; 256] }
    }

    fn sizes(&mut self, q: u8) -> &[Option<u64>] {
        let (row, matrix, format, trailing) = (self.row, self.matrix, self.format, self.trailing);
        self.memo[q as usize].get_or_insert_with(|| row_sizes(row, q, matrix, format, trailing))
    }

    fn fits(&mut self, q: u8) -> bool {
        let avail = self.avail;
        total(self.sizes(q)).is_some_and(|b| b <= avail)
    }

    /// The smallest fitting index, searching outwards from `hint` (an earlier row's index)
    /// and then by bisection. Row sums are monotonic in `q`, so the start changes only how
    /// many sums are computed, never the answer.
    fn smallest_fitting(&mut self, hint: u8) -> Option<u8> {
        if !self.fits(MAX_QINDEX) {
            return None;
        }
        // Bracket: `lo` = smallest index not yet known to fail, `hi` = known to fit.
        let (mut lo, mut hi): (u8, u8);
        if self.fits(hint) {
            hi = hint;
            lo = 0;
            let mut step = 1u16;
            while hi > 0 {
                let probe = hi.saturating_sub(step.min(255) as u8);
                if self.fits(probe) {
                    hi = probe;
                    step *= 2;
                } else {
                    lo = probe + 1;
                    break;
                }
            }
        } else {
            lo = hint + 1;
            let mut step = 1u16;
            loop {
                let probe = (lo as u16 + step - 1).min(MAX_QINDEX as u16) as u8;
                if self.fits(probe) {
                    hi = probe;
                    break;
                }
                lo = probe + 1;
                step *= 2;
            }
        }
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if self.fits(mid) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        Some(lo)
    }
}

/// The smallest `q` whose row sum fits `avail` bytes (module docs, "Row decision"), found
/// from `hint` outwards; `None` if not even 255 fits.
pub fn smallest_fitting_row(row: &[[ComponentSlice; 3]], matrix: &[u64], f: &SliceFormat, trailing: Trailing, avail: u64, hint: u8) -> Option<u8> {
    RowCosts::new(row, matrix, f, trailing, avail).smallest_fitting(hint)
}

/// The two-pass, 16-wide row search exactly as the hardware runs it (module docs).
pub fn hardware_row_search(row: &[[ComponentSlice; 3]], matrix: &[u64], f: &SliceFormat, trailing: Trailing, avail: u64) -> Option<u8> {
    let fits = |q: usize| total(&row_sizes(row, q as u8, matrix, f, trailing)).is_some_and(|b| b <= avail);
    let pass1: [bool; SEARCH_WIDTH] = std::array::from_fn(|i| fits(16 * i + 15));
    let j = pass1.iter().position(|&ok| ok)?;
    let pass2: [bool; SEARCH_WIDTH] = std::array::from_fn(|t| fits(16 * j + t));
    let t = pass2.iter().position(|&ok| ok).expect("16j + 15 fitted in pass 1");
    Some((16 * j + t) as u8)
}

/// A row's decision: each slice's index and size, the trailing-zero rule, and the bytes
/// left over (the next row's carry, or the picture's padding after the last row).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowPlan {
    /// Per slice (left to right): index (as coded: [`coded_index`]) and bytes.
    pub slices: Vec<(u8, u64)>,
    /// Whether the row sends trailing zeros.
    pub trailing: Trailing,
    /// `L` after refinement.
    pub leftover: u64,
}

/// Steps 1 and 2 of the row decision (module docs) for a row that may spend `avail` bytes;
/// `hint` (e.g. the previous row's index) only speeds the search. `None` if the row cannot
/// fit even at index 255 with trailing zeros omitted.
pub fn plan_row(row: &[[ComponentSlice; 3]], matrix: &[u64], f: &SliceFormat, trailing: Trailing, avail: u64, hint: u8) -> Option<RowPlan> {
    let mut costs = RowCosts::new(row, matrix, f, trailing, avail);
    let mut q = match trailing {
        Trailing::Code | Trailing::Compatible => costs.smallest_fitting(hint),
        Trailing::Omit => None,
    };
    if q.is_none() {
        costs = RowCosts::new(row, matrix, f, Trailing::Omit, avail);
        q = costs.smallest_fitting(hint);
    }
    let q = q?;
    let at: Vec<u64> = costs.sizes(q).iter().map(|s| s.expect("the row fitted at q")).collect();
    let below: Vec<Option<u64>> = if q > 0 { costs.sizes(q - 1).to_vec() } else { vec![None; row.len()] };
    let mut left = avail - at.iter().sum::<u64>();
    let slices = at
        .into_iter()
        .zip(below)
        .map(|(at, below)| match below {
            Some(b) if b - at <= left => {
                left -= b - at;
                (q - 1, b)
            }
            _ => (q, at),
        })
        .map(|(q, b)| (coded_index(q, costs.trailing), b))
        .collect();
    Some(RowPlan { slices, trailing: costs.trailing, leftover: left })
}

/// Payload units of slice row `r` of `rows` sharing `units` (module docs, "Budget").
pub fn row_units(r: u64, rows: u64, units: u64) -> u64 {
    let (r, n, u) = (r as u128, rows as u128, units as u128);
    ((r + 1) * u / n - r * u / n) as u64
}

/// The scaler `k` for a payload of `payload` bytes over `n` slices (module docs, "Budget").
pub fn size_scaler_for(payload: u64, n: u64) -> u64 {
    (3 * payload.div_ceil(n)).div_ceil(255).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn reciprocal_quotients_are_exact() {
        let t = Quantiser::get();
        for q in 0..=255u8 {
            let f = quant_factor(q as u32);
            for a in [0u64, 1, 3, 4, 5, 1023, 4096, (1 << 20) + 7, (1 << 32) - 1, 1 << 32, 1 << 40, u64::MAX >> 2] {
                assert_eq!(t.quotient(a, q) as u128, a as u128 / f, "a {a} q {q}");
            }
            // Around every multiple of the factor that a 32-bit dividend reaches.
            if f < (1 << 32) {
                for mult in [1u128, 2, 3, 1000, ((1u128 << 32) - 1) / f] {
                    for d in [-1i128, 0, 1] {
                        let a = (mult * f) as i128 + d;
                        if (0..1i128 << 32).contains(&a) {
                            assert_eq!(t.quotient(a as u64, q) as u128, a as u128 / f, "a {a} q {q}");
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn forward_quant_matches_the_reference() {
        let t = Quantiser::get();
        for q in 0..=255u8 {
            for c in [0i64, 1, -1, 5, -6, 1023, -4096, 1 << 20, -(1 << 29), 1 << 40, -(1 << 45)] {
                assert_eq!(t.forward_quant(c, q), crate::quant::forward_quant(c, q as u32), "c {c} q {q}");
            }
        }
    }

    fn component(coeffs: Vec<i64>, band_sizes: &[usize]) -> ComponentSlice {
        let mut c = ComponentSlice::default();
        let mut it = coeffs.into_iter();
        for &n in band_sizes {
            c.coeffs.extend(it.by_ref().take(n));
            c.end_band();
        }
        c
    }

    fn random_row(seed: u64, slices: usize, scale: u32) -> Vec<[ComponentSlice; 3]> {
        let mut x = seed | 1;
        let mut next = move || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        let sizes = [4usize, 4, 4, 4, 16, 16, 16];
        (0..slices)
            .map(|s| {
                // Slices differ in activity, as real content does.
                let sc = 1 + (scale + s as u32 * 3) % 14;
                std::array::from_fn(|_| {
                    let n: usize = sizes.iter().sum();
                    component((0..n).map(|_| ((next() % (1 << sc)) as i64) - (1 << (sc - 1))).collect(), &sizes)
                })
            })
            .collect()
    }

    proptest! {
        /// Row sums are monotonic, so the hardware's two passes and the binary search choose
        /// the same index, which is the smallest that fits; the plan never overspends.
        #[test]
        fn row_searches_agree(seed in any::<u64>(), slices in 1usize..6, per_slice in 4u64..500, scale in 1u32..14) {
            let row = random_row(seed, slices, scale);
            let matrix = [4u64, 2, 2, 0, 4, 4, 6];
            let avail = per_slice * slices as u64;
            let f = SliceFormat { prefix_bytes: 0, size_scaler: 1 + per_slice / 400 };
            let fits = |q: u8, tr| total(&row_sizes(&row, q, &matrix, &f, tr)).is_some_and(|b| b <= avail);
            for tr in [Trailing::Code, Trailing::Omit, Trailing::Compatible] {
                let hw = hardware_row_search(&row, &matrix, &f, tr, avail);
                for hint in [0u8, 1, 7, 16, 40, 128, 254, 255, (seed % 256) as u8] {
                    prop_assert_eq!(smallest_fitting_row(&row, &matrix, &f, tr, avail, hint), hw);
                }
                if let Some(q) = hw {
                    prop_assert!(fits(q, tr));
                    for lower in 0..q {
                        prop_assert!(!fits(lower, tr));
                    }
                } else {
                    prop_assert_ne!(tr, Trailing::Omit);
                }
            }
            for tr in [Trailing::Code, Trailing::Compatible] {
                let plan = plan_row(&row, &matrix, &f, tr, avail, (seed % 256) as u8).unwrap();
                let spent: u64 = plan.slices.iter().map(|s| s.1).sum();
                prop_assert_eq!(spent + plan.leftover, avail);
                for (c, &(q, bytes)) in row.iter().zip(&plan.slices) {
                    prop_assert_eq!(slice_bytes(c, q, &matrix, &f, plan.trailing), Some(bytes));
                    prop_assert_eq!(coded_index(q, plan.trailing), q);
                }
            }
        }
    }

    #[test]
    fn coded_bits_counts_to_the_last_non_zero() {
        // Values 0, 3, 0, -1, 0, 0 at q 0 (factor 4: v = c): codes 1, 5+1, 1, 1+... bits.
        let c = component(vec![0, 3, 0, -1, 0, 0], &[6]);
        // 0 -> 1 bit; 3 -> x=4: 2 data bits -> 5 + sign = 6; 0 -> 1; -1 -> x=2: 3 + 1 = 4.
        assert_eq!(c.coded_bits(0, &[0], Trailing::Omit), 1 + 6 + 1 + 4);
        assert_eq!(c.coded_bits(0, &[0], Trailing::Code), 1 + 6 + 1 + 4 + 2);
        assert_eq!(c.coded_bits(255, &[0], Trailing::Omit), 0);
        assert_eq!(c.coded_bits(255, &[0], Trailing::Code), 6);
    }

    #[test]
    fn ffmpeg_unsafe_bytes_are_ffmpegs() {
        // The bytes whose entry in FFmpeg 5.1's `dirac_golomb_lut` (libavcodec/dirac_vlc.c),
        // read from STATE_START, ends in STATE_SIGN.
        let ffmpeg = [
            0x29, 0x2b, 0x39, 0x3b, 0x69, 0x6b, 0x79, 0x7b, 0x81, 0x83, 0x89, 0x8b, 0x91, 0x93, 0x99, 0x9b, 0xa1, 0xa3, 0xa9, 0xab, 0xb1, 0xb3, 0xb9, 0xbb, 0xe1, 0xe3, 0xe9, 0xeb, 0xf9, 0xfb,
        ];
        let ours: Vec<u8> = (0..=255u8).filter(|&b| ffmpeg_unsafe(b)).collect();
        assert_eq!(ours, ffmpeg);
        // The coded index skips them and is non-decreasing.
        for q in 0..255u8 {
            assert!(!ffmpeg_unsafe(coded_index(q, Trailing::Compatible)));
            assert!(coded_index(q, Trailing::Compatible) <= coded_index(q + 1, Trailing::Compatible));
            assert_eq!(coded_index(q, Trailing::Code), q);
        }
        // Lengths: at least one unit; C1's and C2's skip unsafe values, Y's need not.
        assert_eq!(component_units(0, 1, 0, Trailing::Compatible), 1);
        assert_eq!(component_units(0, 1, 0, Trailing::Omit), 0);
        assert_eq!(component_units(41, 1, 0, Trailing::Compatible), 41);
        assert_eq!(component_units(41, 1, 1, Trailing::Compatible), 42);
        assert_eq!(component_units(81, 2, 2, Trailing::Compatible), 42);
        assert_eq!(component_units(41, 1, 2, Trailing::Code), 41);
    }

    #[test]
    fn budgets_deal_out_every_unit() {
        for (rows, units) in [(7u64, 1000u64), (540, 20_000_000), (1, 5), (16, 3)] {
            assert_eq!((0..rows).map(|r| row_units(r, rows, units)).sum::<u64>(), units);
        }
        // A component may take three mean slice payloads.
        assert_eq!(size_scaler_for(85 * 100, 100), 1);
        assert_eq!(size_scaler_for(86 * 100, 100), 2);
        assert_eq!(size_scaler_for(0, 100), 1);
    }
}
