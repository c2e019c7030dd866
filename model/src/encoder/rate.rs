//! Rate control: the choice of each slice's quantisation index. **This text is the
//! specification the RTL encoder implements bit for bit.**
//!
//! # Budget
//! A lossy picture has a byte budget `N` (`--picture-bytes`, or derived from `--ratio` or
//! `--bitrate`), counting its whole data unit: the 13-byte parse info, the picture header
//! and transform parameters (the *preamble*, `H` bytes), and the slices. With `n` slices,
//! `slice_prefix_bytes` `p` (0 here) and `slice_size_scaler` `k`, the bytes left for slice
//! *payload* (component data) are `P = N − 13 − H − n·(p + 4)` (each HQ slice spends `p`
//! prefix bytes, a qindex byte and three length bytes). They are counted in units of `k`
//! bytes, `U = ⌊P / k⌋`, and dealt out like the low-delay profile's slice sizes (13.5.3.2):
//! slice `s` (raster order) gets `u_s = ⌊(s+1)·U/n⌋ − ⌊s·U/n⌋` units, a budget of
//! `B_s = p + 4 + k·u_s` bytes. `k` is the smallest scaler for which one component can
//! take a whole slice's payload: `k = max(1, ⌈⌈P/n⌉ / 255⌉)` (the preamble states `k`, so
//! `H` and `k` are settled together: start from `k = 1`, recompute until stable). The
//! picture therefore occupies `N − (P mod k)` bytes: exactly `N` whenever `k = 1`.
//!
//! # Cost of a quantisation index
//! For a slice and a candidate index `q` (0..=255), band `b` of the slice is quantised with
//! `q_b = max(0, q − M_b)` where `M` is the picture's quantisation matrix (13.5.3.1
//! `slice_quantizers`), every coefficient `c` by the forward quantiser
//! `v = sign(c)·⌊4|c| / quant_factor(q_b)⌋` (13.3.2's factors). In each component, in the
//! slice's coefficient order (bands in bitstream order, rows top to bottom, samples left to
//! right: 13.5.6.3 `slice_band`), a coefficient costs `2⌊log2(|v|+1)⌋ + 1` bits, plus one
//! sign bit if `v ≠ 0`. A component's size is the sum of its codes — or, when trailing zeros
//! are omitted ([`Trailing::Omit`]), the bits up to and including its **last non-zero
//! coefficient** (later zeros need not be sent: a decoder reads 1 bits past the end of a
//! block, which decode as zeros, A.4.2) — rounded up to bytes `bytes_c`, then to units
//! `L_c = ⌈bytes_c / k⌉`. The index *fits* if every `L_c ≤ 255` and
//! `p + 4 + k·(L_Y + L_C1 + L_C2) ≤ B_s`.
//!
//! Costs never increase with `q`: `quant_factor` increases with its index and `q_b` with
//! `q`, so every `|v|` (hence every code length, and the position of the last non-zero
//! coefficient) is non-increasing. Every slice fits at `q = 255` (its largest factor,
//! above 2^60, zeroes any coefficient of a 16-bit picture, leaving four length bytes), as
//! long as `P ≥ 0`, which the encoder checks.
//!
//! # Search (the hardware form)
//! The chosen index is the **smallest `q` that fits**. Hardware finds it in two passes over
//! the slice's buffered coefficients with K = 16 cost units working in parallel:
//! 1. costs of `q = 16i + 15` for `i = 0..=15`; `j` = the smallest `i` that fits (`i = 15`,
//!    `q = 255`, always does);
//! 2. costs of `q = 16j + t` for `t = 0..=15`; the result is `16j + t` for the smallest
//!    fitting `t` (`t = 15` is known to fit).
//!
//! Because costs are monotonic, this is exactly the smallest fitting index.
//!
//! Costs are computed both ways at once (each cost unit keeps two bit counters), and by
//! default ([`Trailing::Code`]) a slice sends its trailing zeros: the index is the smallest
//! that fits with them; only if none does — the budget is under one bit per coefficient,
//! so even index 255 (all zeros, each a 1 bit) overflows — is it the smallest that fits
//! without them, and the slice omits them ([`choose_index`]).
//! [`hardware_search`] is that procedure literally; the encoder runs [`smallest_fitting`]
//! (a binary search, 8 cost evaluations instead of 32), which returns the same index —
//! tests check the two agree on real pictures.
//!
//! # Coding and padding
//! The slice is then written at that index: prefix bytes (zero), the index, and per
//! component its length byte `L_c` and data — the coefficient codes up to the last non-zero
//! one, then 1 bits to a whole byte (with [`Trailing::Code`], as many 1 bits as there are
//! trailing zeros, rounded up to a byte: the zeros' own codes), then `0xFF` bytes to `k·L_c`. The slice's unused budget
//! `B_s − (p + 4 + k·ΣL_c)` (a multiple of `k`) is added as more `0xFF` padding to the
//! components, last first (C2, then C1, then Y), each up to 255 units, so every slice takes
//! exactly `B_s` bytes. Padding of 1 bits decodes as zero coefficients and is never read
//! past the component's coefficients.
//!
//! **Lossless** pictures (`--lossless`) use `q = 0` in every slice, no budget and no
//! padding; `k` is the smallest scaler that holds the picture's largest component.

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

/// (13.3, encoder side) The forward quantiser paired with `inverse_quant`:
/// `sign(c)·⌊4|c| / quant_factor(q)⌋`.
#[inline(always)]
pub fn forward_quant(c: i64, q: u8) -> i64 {
    let m = Quantiser::get().quotient(c.unsigned_abs() << 2, q) as i64;
    if c < 0 {
        -m
    } else {
        m
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
            Trailing::Omit => last,
        }
    }
}

/// What a slice must fit into: its byte budget and the picture's slice parameters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SliceBudget {
    /// `B_s`, the slice's bytes.
    pub bytes: u64,
    /// `slice_prefix_bytes`.
    pub prefix_bytes: u64,
    /// `slice_size_scaler`.
    pub size_scaler: u64,
}

/// Whether a slice coded at `q` fits `budget` (module docs, "Cost").
pub fn fits(comps: &[ComponentSlice; 3], q: u8, matrix: &[u64], budget: &SliceBudget, trailing: Trailing) -> bool {
    let k = budget.size_scaler;
    let mut units = 0;
    for c in comps {
        let l = c.coded_bits(q, matrix, trailing).div_ceil(8).div_ceil(k);
        if l > 255 {
            return false;
        }
        units += l;
    }
    budget.prefix_bytes + 4 + k * units <= budget.bytes
}

/// The smallest index that fits, by binary search over 0..=255 (module docs, "Search");
/// `None` if not even 255 fits.
pub fn smallest_fitting(comps: &[ComponentSlice; 3], matrix: &[u64], budget: &SliceBudget, trailing: Trailing) -> Option<u8> {
    if !fits(comps, MAX_QINDEX, matrix, budget, trailing) {
        return None;
    }
    let (mut lo, mut hi) = (0u8, MAX_QINDEX);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if fits(comps, mid, matrix, budget, trailing) {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    Some(lo)
}

/// The index and trailing-zero rule a slice is coded with (module docs, "Search"): with
/// [`Trailing::Code`], the smallest index that fits with every coefficient sent, or — if
/// not even 255 fits that way (a budget under one bit per coefficient) — the smallest that
/// fits with trailing zeros omitted; with [`Trailing::Omit`], the latter.
pub fn choose_index(comps: &[ComponentSlice; 3], matrix: &[u64], budget: &SliceBudget, trailing: Trailing) -> Option<(u8, Trailing)> {
    if trailing == Trailing::Code {
        if let Some(q) = smallest_fitting(comps, matrix, budget, Trailing::Code) {
            return Some((q, Trailing::Code));
        }
    }
    smallest_fitting(comps, matrix, budget, Trailing::Omit).map(|q| (q, Trailing::Omit))
}

/// The two-pass, 16-wide search exactly as the hardware runs it (module docs, "Search").
pub fn hardware_search(comps: &[ComponentSlice; 3], matrix: &[u64], budget: &SliceBudget, trailing: Trailing) -> Option<u8> {
    let pass1: [bool; SEARCH_WIDTH] = std::array::from_fn(|i| fits(comps, (16 * i + 15) as u8, matrix, budget, trailing));
    let j = pass1.iter().position(|&f| f)?;
    let pass2: [bool; SEARCH_WIDTH] = std::array::from_fn(|t| fits(comps, (16 * j + t) as u8, matrix, budget, trailing));
    let t = pass2.iter().position(|&f| f).expect("16j + 15 fitted in pass 1");
    Some((16 * j + t) as u8)
}

/// Slice budgets `B_s` for `n` slices sharing `payload` bytes in units of `k`
/// (module docs, "Budget"): `p + 4 + k·u_s`.
pub fn slice_budget(s: u64, n: u64, payload: u64, prefix_bytes: u64, size_scaler: u64) -> SliceBudget {
    let units = (payload / size_scaler) as u128;
    let (s, n) = (s as u128, n as u128);
    let u = ((s + 1) * units / n - s * units / n) as u64;
    SliceBudget { bytes: prefix_bytes + 4 + size_scaler * u, prefix_bytes, size_scaler }
}

/// The scaler `k` for a payload of `payload` bytes over `n` slices (module docs, "Budget").
pub fn size_scaler_for(payload: u64, n: u64) -> u64 {
    payload.div_ceil(n).div_ceil(255).max(1)
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

    fn component(coeffs: Vec<i64>, band_sizes: &[usize]) -> ComponentSlice {
        let mut c = ComponentSlice::default();
        let mut it = coeffs.into_iter();
        for &n in band_sizes {
            c.coeffs.extend(it.by_ref().take(n));
            c.end_band();
        }
        c
    }

    proptest! {
        /// Costs are monotonic, so the hardware's two passes and the binary search choose
        /// the same index, which is the smallest that fits.
        #[test]
        fn searches_agree(seed in any::<u64>(), budget in 4u64..600, scale in 1u32..14) {
            // Budgets below 4 + 3·64/8 = 28 bytes cannot send the zeros: Code falls back.
            let mut x = seed | 1;
            let mut next = move || { x ^= x << 13; x ^= x >> 7; x ^= x << 17; x };
            let sizes = [4usize, 4, 4, 4, 16, 16, 16];
            let matrix = [4u64, 2, 2, 0, 4, 4, 6];
            let comps: [ComponentSlice; 3] = std::array::from_fn(|_| {
                let n: usize = sizes.iter().sum();
                component((0..n).map(|_| ((next() % (1 << scale)) as i64) - (1 << (scale - 1))).collect(), &sizes)
            });
            let b = SliceBudget { bytes: budget, prefix_bytes: 0, size_scaler: 1 + budget / 400 };
            let (_, chosen) = choose_index(&comps, &matrix, &b, Trailing::Code).unwrap();
            prop_assert_eq!(chosen == Trailing::Code, budget >= 28);
            for tr in [Trailing::Code, Trailing::Omit] {
                let fast = smallest_fitting(&comps, &matrix, &b, tr);
                prop_assert_eq!(fast, hardware_search(&comps, &matrix, &b, tr));
                if tr == Trailing::Code && budget < 28 {
                    prop_assert!(fast.is_none());
                    continue;
                }
                let q = fast.unwrap();
                prop_assert!(fits(&comps, q, &matrix, &b, tr));
                for lower in 0..q {
                    prop_assert!(!fits(&comps, lower, &matrix, &b, tr));
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
    fn budgets_deal_out_every_unit() {
        for (n, payload, k) in [(7u64, 1000u64, 1u64), (129600, 20_000_000, 1), (16, 100_000, 25)] {
            let total: u64 = (0..n).map(|s| slice_budget(s, n, payload, 0, k).bytes - 4).sum();
            assert_eq!(total, payload / k * k);
            let k2 = size_scaler_for(payload, n);
            assert!((0..n).all(|s| slice_budget(s, n, payload, 0, k2).bytes - 4 <= 255 * k2));
        }
    }
}
