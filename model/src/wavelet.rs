//! (15) The discrete wavelet transform: synthesis (`idwt`, the decoder's) and analysis
//! (`dwt`, its exact inverse, for the encoder), for all seven VC-2 lifting filters,
//! symmetric (`dwt_depth`) and horizontal-only (`dwt_depth_ho`) levels.
//!
//! # Layout
//! A component's coefficients are a list of [`Band`]s in bitstream order: level 0 (`LL`,
//! or `L` when `dwt_depth_ho > 0`), then `H` for levels `1..=dwt_depth_ho`, then `HL`,
//! `LH`, `HH` for each further level. Each band is a dense row-major array.
//!
//! # How it is computed (and why it equals the standard)
//! The standard lifts interleaved arrays in place: `lift1`/`lift2` update even samples from
//! odd ones, `lift3`/`lift4` odd from even, with indices clamped at the edges. Here even and
//! odd samples stay in separate arrays (the bands themselves), where the standard's clamp of
//! `2(n+i)-1` into `[1, len-1]` becomes a clamp of `n+i-1` into `[0, len/2-1]`, and of
//! `2(n+i)` into `[0, len-2]` a clamp of `n+i`. The vertical pass lifts whole rows at a time
//! (so the inner loop runs along a row and vectorises), then the horizontal pass lifts each
//! row's low and high halves and interleaves them while applying `filter_bit_shift`.
//!
//! # Arithmetic width
//! The standard's integers are unbounded. [`Coef`] is `i32` (fast) or `i64`; [`coef_limit`]
//! gives, for a transform, the largest input coefficient magnitude for which every
//! intermediate value of [`idwt`] provably fits the type, by propagating magnitude bounds
//! through every lifting stage. The decoder checks dequantised coefficients against it and
//! moves to `i64`, or reports an error, instead of overflowing.

use crate::tables::{LiftStage, LIFTING_FILTERS};
use rayon::prelude::*;

/// Rows per parallel task for rows `width` samples wide: enough work to outweigh the
/// scheduling cost (small regions of deep levels stay on one thread).
fn min_rows(width: usize) -> usize {
    (16384 / width.max(1)).max(1)
}
use std::ops::{Add, Mul, Shl, Shr, Sub};

/// A coefficient type the transform can run in.
pub trait Coef:
    Copy
    + Default
    + Send
    + Sync
    + PartialOrd
    + std::fmt::Debug
    + 'static
    + Add<Output = Self>
    + Sub<Output = Self>
    + Mul<Output = Self>
    + Shr<u32, Output = Self>
    + Shl<u32, Output = Self>
{
    /// Largest representable value.
    const MAX: i128;
    /// Converts a value known to fit.
    fn from_i64(v: i64) -> Self;
    /// Widens to i64.
    fn to_i64(self) -> i64;
}

impl Coef for i32 {
    const MAX: i128 = i32::MAX as i128;
    #[inline(always)]
    fn from_i64(v: i64) -> Self {
        v as i32
    }
    #[inline(always)]
    fn to_i64(self) -> i64 {
        self as i64
    }
}

impl Coef for i64 {
    const MAX: i128 = i64::MAX as i128;
    #[inline(always)]
    fn from_i64(v: i64) -> Self {
        v
    }
    #[inline(always)]
    fn to_i64(self) -> i64 {
        self
    }
}

/// The transform a picture uses (12.4.1, 12.4.4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TransformParams {
    /// Vertical (and, unless asymmetric, horizontal) filter, 0..=6.
    pub wavelet_index: usize,
    /// Horizontal filter, 0..=6.
    pub wavelet_index_ho: usize,
    /// Number of 2-D levels.
    pub dwt_depth: usize,
    /// Number of horizontal-only levels.
    pub dwt_depth_ho: usize,
}

/// Orientation of a subband.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Orient {
    /// DC band of a symmetric transform.
    LL,
    /// DC band of an asymmetric transform.
    L,
    /// Horizontal-only high band.
    H,
    /// High horizontally, low vertically.
    HL,
    /// Low horizontally, high vertically.
    LH,
    /// High in both.
    HH,
}

impl Orient {
    /// Name as in the standard.
    pub fn name(self) -> &'static str {
        match self {
            Orient::LL => "LL",
            Orient::L => "L",
            Orient::H => "H",
            Orient::HL => "HL",
            Orient::LH => "LH",
            Orient::HH => "HH",
        }
    }
}

impl TransformParams {
    /// Total number of levels (`dwt_depth_ho + dwt_depth`).
    pub fn levels(&self) -> usize {
        self.dwt_depth + self.dwt_depth_ho
    }

    /// The (level, orientation) of every band, in bitstream order.
    pub fn bands(&self) -> Vec<(usize, Orient)> {
        let mut v = Vec::with_capacity(1 + self.dwt_depth_ho + 3 * self.dwt_depth);
        if self.dwt_depth_ho == 0 {
            v.push((0, Orient::LL));
        } else {
            v.push((0, Orient::L));
            for l in 1..=self.dwt_depth_ho {
                v.push((l, Orient::H));
            }
        }
        for l in self.dwt_depth_ho + 1..=self.levels() {
            v.extend([(l, Orient::HL), (l, Orient::LH), (l, Orient::HH)]);
        }
        v
    }

    /// (13.2.3) `subband_width` for a component `width` samples wide.
    pub fn subband_width(&self, level: usize, width: usize) -> usize {
        let scale = 1usize << self.levels();
        let pw = scale * width.div_ceil(scale);
        if level == 0 {
            pw >> self.levels()
        } else {
            pw >> (self.levels() - level + 1)
        }
    }

    /// (13.2.3) `subband_height` for a component `height` samples high.
    pub fn subband_height(&self, level: usize, height: usize) -> usize {
        let scale = 1usize << self.dwt_depth;
        let ph = scale * height.div_ceil(scale);
        if level <= self.dwt_depth_ho {
            ph >> self.dwt_depth
        } else {
            ph >> (self.levels() - level + 1)
        }
    }

    /// Padded dimensions (the transform's picture size) of a `width` x `height` component.
    pub fn padded_size(&self, width: usize, height: usize) -> (usize, usize) {
        let sw = 1usize << self.levels();
        let sh = 1usize << self.dwt_depth;
        (sw * width.div_ceil(sw), sh * height.div_ceil(sh))
    }
}

/// A 2-D array of coefficients (one subband, or a picture component).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Band<T> {
    /// Width in samples.
    pub width: usize,
    /// Height in samples.
    pub height: usize,
    /// Row-major samples.
    pub data: Vec<T>,
}

impl<T: Coef> Band<T> {
    /// A zeroed band.
    pub fn zeroed(width: usize, height: usize) -> Self {
        Band { width, height, data: vec![T::default(); width * height] }
    }
    /// Row `y`.
    pub fn row(&self, y: usize) -> &[T] {
        &self.data[y * self.width..(y + 1) * self.width]
    }
}

/// Allocates zeroed bands for a `width` x `height` component, in bitstream order.
pub fn new_bands<T: Coef>(t: &TransformParams, width: usize, height: usize) -> Vec<Band<T>> {
    t.bands()
        .into_iter()
        .map(|(level, _)| Band::zeroed(t.subband_width(level, width), t.subband_height(level, height)))
        .collect()
}

/// One lifting stage along a line: `target[n] ±= (Σ taps[j]·source[clamp(n+base+j)] + r) >> S`.
fn lift_line<T: Coef, const L: usize>(target: &mut [T], source: &[T], stage: &LiftStage) {
    let len = target.len();
    debug_assert_eq!(len, source.len());
    let base = stage.source_base();
    let taps: [T; L] = std::array::from_fn(|j| T::from_i64(stage.taps[j] as i64));
    let shift = stage.shift;
    let round = if shift > 0 { T::from_i64(1 << (shift - 1)) } else { T::default() };
    let add = stage.lift.adds();
    let last = len as isize - 1;
    let at = |n: usize| -> T {
        let mut acc = round;
        for (j, &t) in taps.iter().enumerate() {
            let i = (n as isize + base + j as isize).clamp(0, last) as usize;
            acc = acc + t * source[i];
        }
        acc >> shift
    };
    // Interior [lo, hi): every source index in range, no clamping (this loop vectorises).
    let lo = (-base).clamp(0, len as isize) as usize;
    let hi = (len as isize - base - (L as isize - 1)).clamp(lo as isize, len as isize) as usize;
    for n in (0..lo).chain(hi..len) {
        let v = at(n);
        target[n] = if add { target[n] + v } else { target[n] - v };
    }
    if lo < hi {
        let src = &source[(lo as isize + base) as usize..];
        let srcs: [&[T]; L] = std::array::from_fn(|j| &src[j..]);
        apply_stage(&mut target[lo..hi], &srcs, stage);
    }
}

/// `t[x] ±= (round + Σ taps[j]·srcs[j][x]) >> shift` for every `x` of `t`: the arithmetic of
/// one lifting stage (15.4.4.1) on a run of samples whose sources are all in range.
/// Always inlined, so that callers passing literal taps and shift get multiplications by
/// constants (none at all for taps of 1) and immediate shifts.
#[inline(always)]
fn kernel<T: Coef, const L: usize>(t: &mut [T], srcs: [&[T]; L], taps: [i32; L], shift: u32, add: bool) {
    let n = t.len();
    let srcs: [&[T]; L] = srcs.map(|s| &s[..n]);
    let taps: [T; L] = taps.map(|x| T::from_i64(x as i64));
    let round = if shift > 0 { T::from_i64(1 << (shift - 1)) } else { T::default() };
    if add {
        for x in 0..n {
            let mut acc = round;
            for j in 0..L {
                acc = acc + taps[j] * srcs[j][x];
            }
            t[x] = t[x] + (acc >> shift);
        }
    } else {
        for x in 0..n {
            let mut acc = round;
            for j in 0..L {
                acc = acc + taps[j] * srcs[j][x];
            }
            t[x] = t[x] - (acc >> shift);
        }
    }
}

/// Applies lifting stage `st` to `t` from sources `srcs` (one per tap), with the taps and
/// shift of the seven VC-2 filters (Tables 15.1–15.7) compiled in as constants; on x86-64
/// CPUs with AVX2 the same code compiled for AVX2 runs (twice the vector width).
fn apply_stage<T: Coef>(t: &mut [T], srcs: &[&[T]], st: &LiftStage) {
    #[cfg(target_arch = "x86_64")]
    if std::is_x86_feature_detected!("avx2") {
        // SAFETY: the CPU supports AVX2 (checked just above).
        return unsafe { apply_stage_avx2(t, srcs, st) };
    }
    apply_stage_impl(t, srcs, st)
}

/// [`apply_stage_impl`] compiled with AVX2 enabled.
///
/// # Safety
/// The CPU must support AVX2.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn apply_stage_avx2<T: Coef>(t: &mut [T], srcs: &[&[T]], st: &LiftStage) {
    apply_stage_impl(t, srcs, st)
}

#[inline(always)]
fn apply_stage_impl<T: Coef>(t: &mut [T], srcs: &[&[T]], st: &LiftStage) {
    let add = st.lift.adds();
    macro_rules! k {
        ([$($tap:literal),*], $shift:literal) => {{
            const TAPS: &[i32] = &[$($tap),*];
            kernel::<T, { TAPS.len() }>(t, std::array::from_fn(|j| srcs[j]), [$($tap),*], $shift, add)
        }};
    }
    match (st.taps, st.shift) {
        ([1, 1], 2) => k!([1, 1], 2),
        ([1, 1], 1) => k!([1, 1], 1),
        ([-1, 9, 9, -1], 4) => k!([-1, 9, 9, -1], 4),
        ([-1, 9, 9, -1], 5) => k!([-1, 9, 9, -1], 5),
        ([1], 1) => k!([1], 1),
        ([1], 0) => k!([1], 0),
        ([-2, -10, -25, 81, 81, -25, 10, -2], 8) => k!([-2, -10, -25, 81, 81, -25, 10, -2], 8),
        ([-8, 21, -46, 161, 161, -46, 21, -8], 8) => k!([-8, 21, -46, 161, 161, -46, 21, -8], 8),
        ([1817, 1817], 12) => k!([1817, 1817], 12),
        ([3616, 3616], 12) => k!([3616, 3616], 12),
        ([217, 217], 12) => k!([217, 217], 12),
        ([6497, 6497], 12) => k!([6497, 6497], 12),
        (taps, shift) => match taps.len() {
            1 => kernel::<T, 1>(t, [srcs[0]], [taps[0]], shift, add),
            2 => kernel::<T, 2>(t, [srcs[0], srcs[1]], [taps[0], taps[1]], shift, add),
            4 => kernel::<T, 4>(t, std::array::from_fn(|j| srcs[j]), std::array::from_fn(|j| taps[j]), shift, add),
            8 => kernel::<T, 8>(t, std::array::from_fn(|j| srcs[j]), std::array::from_fn(|j| taps[j]), shift, add),
            n => unreachable!("no VC-2 filter has {n} taps"),
        },
    }
}

fn dispatch_line<T: Coef>(target: &mut [T], source: &[T], stage: &LiftStage) {
    match stage.taps.len() {
        1 => lift_line::<T, 1>(target, source, stage),
        2 => lift_line::<T, 2>(target, source, stage),
        4 => lift_line::<T, 4>(target, source, stage),
        8 => lift_line::<T, 8>(target, source, stage),
        n => unreachable!("no VC-2 filter has {n} taps"),
    }
}

/// (15.4.4) `oned_synthesis` of one line held as separate even (`lo`) and odd (`hi`) halves.
fn oned_synthesis_split<T: Coef>(lo: &mut [T], hi: &mut [T], filter: usize) {
    for stage in LIFTING_FILTERS[filter].stages {
        if stage.lift.targets_even() {
            dispatch_line(lo, hi, stage);
        } else {
            dispatch_line(hi, lo, stage);
        }
    }
}

/// Lifts one output row from its low and high halves (horizontal synthesis) and writes it
/// interleaved into `out`, applying `filter_bit_shift`.
fn synth_row<T: Coef>(lo: &mut [T], hi: &mut [T], out: &mut [T], filter_ho: usize) {
    oned_synthesis_split(lo, hi, filter_ho);
    let shift = LIFTING_FILTERS[filter_ho].bit_shift;
    if shift > 0 {
        let r = T::from_i64(1 << (shift - 1));
        for (o, (&a, &b)) in out.chunks_exact_mut(2).zip(lo.iter().zip(hi.iter())) {
            o[0] = (a + r) >> shift;
            o[1] = (b + r) >> shift;
        }
    } else {
        for (o, (&a, &b)) in out.chunks_exact_mut(2).zip(lo.iter().zip(hi.iter())) {
            o[0] = a;
            o[1] = b;
        }
    }
}

/// Where a band sits in a component's coefficient array (the "Mallat" layout): the DC
/// band at the top left; each level's high bands right of (`HL`, `H`), below (`LH`) and
/// diagonal to (`HH`) the region holding everything coarser.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BandRect {
    /// Left column.
    pub x: usize,
    /// Top row.
    pub y: usize,
    /// Width.
    pub width: usize,
    /// Height.
    pub height: usize,
}

/// The rectangle of each band (bitstream order) in a `width` x `height` component.
pub fn band_rects(t: &TransformParams, width: usize, height: usize) -> Vec<BandRect> {
    t.bands()
        .into_iter()
        .map(|(level, orient)| {
            let w = t.subband_width(level, width);
            let h = t.subband_height(level, height);
            let x = if matches!(orient, Orient::HL | Orient::HH | Orient::H) { w } else { 0 };
            let y = if matches!(orient, Orient::LH | Orient::HH) { h } else { 0 };
            BandRect { x, y, width: w, height: h }
        })
        .collect()
}

/// A component's coefficients in the Mallat layout ([`BandRect`]), synthesised in place.
///
/// The slice decoder clears `data` at the start of a picture and writes the non-zero
/// coefficients straight into it;
/// [`Coefficients::synthesise`] then runs the inverse transform level by level, each level
/// lifting its region's columns in place (whole rows at a time) and its rows into a scratch
/// buffer, leaving the padded picture in `data`.
#[derive(Debug, Clone)]
pub struct Coefficients<T> {
    /// The transform.
    pub transform: TransformParams,
    /// Padded width (the row stride of `data`).
    pub width: usize,
    /// Padded height.
    pub height: usize,
    /// Coefficients, then (after synthesis) samples.
    pub data: Vec<T>,
    scratch: Vec<T>,
}

impl<T: Coef> Coefficients<T> {
    /// Zeroed coefficients for a `width` x `height` component.
    pub fn new(t: &TransformParams, width: usize, height: usize) -> Self {
        let (pw, ph) = t.padded_size(width, height);
        Coefficients { transform: *t, width: pw, height: ph, data: vec![T::default(); pw * ph], scratch: vec![T::default(); pw * ph] }
    }

    /// Places bands (bitstream order, as [`new_bands`] shapes them) into the layout.
    pub fn from_bands(t: &TransformParams, width: usize, height: usize, bands: &[Band<T>]) -> Self {
        let mut c = Self::new(t, width, height);
        for (r, b) in band_rects(t, width, height).iter().zip(bands) {
            for y in 0..r.height {
                let o = (r.y + y) * c.width + r.x;
                c.data[o..o + r.width].copy_from_slice(b.row(y));
            }
        }
        c
    }

    /// (15.4.1) `idwt`: synthesises the component in place.
    pub fn synthesise(&mut self) {
        let t = self.transform;
        let levels = t.levels();
        // Size of the DC band; each level doubles the width (and, for 2-D levels, the height).
        let mut w = self.width >> levels;
        let mut h = self.height >> t.dwt_depth;
        for _ in 0..t.dwt_depth_ho {
            self.h_synthesis(w, h);
            w *= 2;
        }
        for _ in 0..t.dwt_depth {
            self.vh_synthesis(w, h);
            w *= 2;
            h *= 2;
        }
    }

    /// (15.4.1) `idwt` fused with (15.5) `idwt_pad_removal`, `clip_component` and
    /// `offset_component`: synthesises the component and writes its top-left `w` x `h`
    /// samples, clipped to `depth` bits and offset to unsigned, into `out`. The last level's
    /// rows go straight to `out` instead of through the coefficient array.
    pub fn synthesise_to_samples(&mut self, out: &mut [u16], w: usize, h: usize, depth: u32) {
        assert!(out.len() == w * h && w <= self.width && h <= self.height);
        let t = self.transform;
        let mut bw = self.width >> t.levels();
        let mut bh = self.height >> t.dwt_depth;
        let levels = t.dwt_depth_ho + t.dwt_depth;
        for level in 0..levels.saturating_sub(1) {
            if level < t.dwt_depth_ho {
                self.h_synthesis(bw, bh);
                bw *= 2;
            } else {
                self.vh_synthesis(bw, bh);
                bw *= 2;
                bh *= 2;
            }
        }
        let half = 1i64 << (depth - 1);
        let (lo, hi) = (T::from_i64(-half), T::from_i64(half - 1));
        let off = half as u16;
        let clip_row = move |src: &[T], dst: &mut [u16]| {
            for (d, &v) in dst.iter_mut().zip(src) {
                let v = if v < lo { lo } else if v > hi { hi } else { v };
                *d = (v.to_i64() as i32 as u16).wrapping_add(off);
            }
        };
        let stride = self.width;
        if levels == 0 {
            out.par_chunks_mut(w.max(1)).zip(self.data.par_chunks(stride)).with_min_len(min_rows(w)).for_each(|(o, r)| clip_row(r, o));
        } else if t.dwt_depth == 0 {
            // Last level horizontal-only: row y of the output is row y of the region.
            let filter = t.wavelet_index_ho;
            let rows = self.data.par_chunks_mut(stride).take(h);
            rows.zip(out.par_chunks_mut(w)).with_min_len(min_rows(2 * bw)).for_each_init(
                || vec![T::default(); 2 * bw],
                |tmp, (row, o)| {
                    let (l, hh) = row[..2 * bw].split_at_mut(bw);
                    synth_row(l, hh, tmp, filter);
                    clip_row(&tmp[..w], o);
                },
            );
        } else {
            // Last level 2-D: one streaming pass. The vertical stages run as a wavefront over
            // whole rows, and each row is synthesised horizontally, clipped and written out as
            // soon as no vertical stage will change it, while it is still in cache.
            let (top, bottom) = self.data.split_at_mut(bh * stride);
            let wf = Wavefront::new(LIFTING_FILTERS[t.wavelet_index].stages, bh);
            let filter = t.wavelet_index_ho;
            let width = 2 * bw;
            let mut row = vec![T::default(); width];
            let mut synth = vec![T::default(); width];
            for tick in 0..wf.ticks() {
                for (st, r) in wf.lifts_at(tick) {
                    let (tgt, src): (&mut [T], &[T]) = if st.lift.targets_even() { (&mut *top, &*bottom) } else { (&mut *bottom, &*top) };
                    let src_row = |i: usize| &src[i * stride..i * stride + width];
                    lift_segment(&mut tgt[r * stride..r * stride + width], &src_row, r, bh, st);
                }
                for (half, parity) in [(&*top, 0), (&*bottom, 1)] {
                    let Some(y) = wf.final_row_at(tick, parity == 0).filter(|&y| 2 * y + parity < h) else { continue };
                    // Copy: later vertical stages may still read this row.
                    row.copy_from_slice(&half[y * stride..y * stride + width]);
                    let (l, hh) = row.split_at_mut(bw);
                    synth_row(l, hh, &mut synth, filter);
                    let o = (2 * y + parity) * w;
                    clip_row(&synth[..w], &mut out[o..o + w]);
                }
            }
        }
    }

    /// (15.4.2) `h_synthesis` of the level whose L and H bands are `w` x `h` at the top left.
    fn h_synthesis(&mut self, w: usize, h: usize) {
        let stride = self.width;
        let filter = self.transform.wavelet_index_ho;
        let rows = self.data.par_chunks_mut(stride).take(h);
        rows.zip(self.scratch.par_chunks_mut(2 * w)).with_min_len(min_rows(2 * w)).for_each(|(row, tmp)| {
            let row = &mut row[..2 * w];
            let (lo, hi) = row.split_at_mut(w);
            synth_row(lo, hi, tmp, filter);
            row.copy_from_slice(tmp);
        });
    }

    /// (15.4.3) `vh_synthesis` of the level whose four bands are `w` x `h`: columns first
    /// (rows 0..h are the even rows, h..2h the odd), then rows, interleaving into scratch.
    fn vh_synthesis(&mut self, w: usize, h: usize) {
        let stride = self.width;
        let t = self.transform;
        {
            let (top, bottom) = self.data.split_at_mut(h * stride);
            vertical_wavefront(top, bottom, h, 2 * w, stride, LIFTING_FILTERS[t.wavelet_index].stages);
        }
        {
            let (top, bottom) = self.data.split_at_mut(h * stride);
            let pairs = top.par_chunks_mut(stride).zip(bottom.par_chunks_mut(stride)).take(h);
            pairs.zip(self.scratch.par_chunks_mut(4 * w)).with_min_len(min_rows(4 * w)).for_each(|((top, bottom), out)| {
                let (even_out, odd_out) = out.split_at_mut(2 * w);
                let (lo, hi) = top[..2 * w].split_at_mut(w);
                synth_row(lo, hi, even_out, t.wavelet_index_ho);
                let (lo, hi) = bottom[..2 * w].split_at_mut(w);
                synth_row(lo, hi, odd_out, t.wavelet_index_ho);
            });
        }
        if 2 * w == stride && 2 * h == self.height {
            // The region is the whole array: exchange the buffers instead of copying back.
            std::mem::swap(&mut self.data, &mut self.scratch);
        } else {
            for y in 0..2 * h {
                self.data[y * stride..y * stride + 2 * w].copy_from_slice(&self.scratch[y * 2 * w..(y + 1) * 2 * w]);
            }
        }
    }

    /// Row `y` of the (synthesised) component.
    pub fn row(&self, y: usize) -> &[T] {
        &self.data[y * self.width..(y + 1) * self.width]
    }
}

/// Per-stage row lags of the vertical wavefront for a list of lifting stages: at tick `n`, stage `s` lifts
/// row `n - lag[s]`. The lags make every stage read only rows its producer has finished
/// (`lag[s] >= lag[p] + base_s + L_s - 1`, with `p` the last earlier stage writing the half
/// `s` reads) and overwrite only rows no earlier stage will read again
/// (`lag[s] >= lag[q] - base_q` for every earlier `q` reading the half `s` writes), and are
/// non-decreasing so that edge-clamped reads of the last row also come first.
fn wavefront_lags(stages: &[LiftStage]) -> Vec<usize> {
    let mut lags: Vec<isize> = Vec::with_capacity(stages.len());
    for (si, st) in stages.iter().enumerate() {
        let mut lag: isize = lags.iter().copied().max().unwrap_or(0);
        let writes_even = st.lift.targets_even();
        // Producer of the half this stage reads (the other half).
        if let Some(p) = (0..si).rev().find(|&q| stages[q].lift.targets_even() != writes_even) {
            lag = lag.max(lags[p] + st.source_base() + st.taps.len() as isize - 1);
        }
        // Earlier readers of the half this stage writes.
        for q in 0..si {
            if stages[q].lift.targets_even() != writes_even {
                lag = lag.max(lags[q] - stages[q].source_base());
            }
        }
        lags.push(lag.max(0));
    }
    lags.into_iter().map(|l| l as usize).collect()
}

/// The schedule of a vertical wavefront over `rows` rows: which row each stage lifts at
/// each tick ([`wavefront_lags`]), and when each row of a half is final.
struct Wavefront<'a> {
    stages: &'a [LiftStage],
    lags: Vec<usize>,
    rows: usize,
}

impl<'a> Wavefront<'a> {
    fn new(stages: &'a [LiftStage], rows: usize) -> Self {
        Wavefront { stages, lags: wavefront_lags(stages), rows }
    }

    /// Ticks until every stage has lifted every row.
    fn ticks(&self) -> usize {
        self.rows + self.lags.iter().copied().max().unwrap_or(0)
    }

    /// The row `lag` rows behind `tick`, if there is one.
    fn row_at(&self, tick: usize, lag: usize) -> Option<usize> {
        tick.checked_sub(lag).filter(|&r| r < self.rows)
    }

    /// (stage, row) lifted at `tick`, in stage order.
    fn lifts_at(&self, tick: usize) -> impl Iterator<Item = (&'a LiftStage, usize)> + '_ {
        self.stages.iter().zip(&self.lags).filter_map(move |(st, &lag)| self.row_at(tick, lag).map(|r| (st, r)))
    }

    /// The row of the even (or odd) half that no stage changes after `tick`.
    fn final_row_at(&self, tick: usize, even: bool) -> Option<usize> {
        let lag = self.stages.iter().zip(&self.lags).filter(|(st, _)| st.lift.targets_even() == even).map(|(_, &l)| l).max().unwrap_or(0);
        self.row_at(tick, lag)
    }
}

/// Raw row access for the wavefront: stripes of columns run on different threads.
struct Rows<T> {
    even: *mut T,
    odd: *mut T,
    stride: usize,
    rows: usize,
}

// SAFETY: the pointers come from `&mut` slices borrowed for the whole wavefront call; each
// thread touches only its own column stripe of each row (see `vertical_wavefront`).
unsafe impl<T: Send> Send for Rows<T> {}
// SAFETY: as above.
unsafe impl<T: Send> Sync for Rows<T> {}

/// Lifting `stages` (a filter's synthesis stages — (15.4.4) `oned_synthesis` — or its
/// analysis stages) down every column of a region (even rows in `even`, odd rows in `odd`,
/// `rows` each, `width` wide, `stride` apart), all stages in one streaming pass: stage `s` trails stage 0 by [`wavefront_lags`] rows, so each row is read from
/// memory about once instead of once per stage. Column stripes run in parallel.
/// Equal, element for element, to applying the stages one after another.
fn vertical_wavefront<T: Coef>(even: &mut [T], odd: &mut [T], rows: usize, width: usize, stride: usize, stages: &[LiftStage]) {
    const STRIPE: usize = 1024;
    if rows == 0 || width == 0 {
        return;
    }
    assert!(even.len() >= (rows - 1) * stride + width && odd.len() >= (rows - 1) * stride + width);
    let wf = Wavefront::new(stages, rows);
    let r = Rows { even: even.as_mut_ptr(), odd: odd.as_mut_ptr(), stride, rows };
    let stripes = width.div_ceil(STRIPE);
    (0..stripes).into_par_iter().with_min_len((4096 / (rows * STRIPE).max(1)).max(1)).for_each(|k| {
        let x0 = k * STRIPE;
        let n = STRIPE.min(width - x0);
        let r = &r;
        for tick in 0..wf.ticks() {
            for (st, row) in wf.lifts_at(tick) {
                let (tgt, src) = if st.lift.targets_even() { (r.even, r.odd) } else { (r.odd, r.even) };
                // SAFETY: rows are in bounds (asserted above: row < rows, x0 + n <= width);
                // target and sources lie in different halves, so the `&mut` does not alias the
                // shared slices; other threads use other column stripes.
                unsafe {
                    let t = std::slice::from_raw_parts_mut(tgt.add(row * r.stride + x0), n);
                    let src_row = |i: usize| std::slice::from_raw_parts(src.add(i * r.stride + x0), n);
                    lift_segment(t, &src_row, row, r.rows, st);
                }
            }
        }
    });
}

/// One lifting stage on one row segment: `t[x] ±= (Σ taps[j]·src(clamp(row + base + j))[x] + r) >> S`.
#[inline]
fn lift_segment<'a, T: Coef + 'a>(t: &mut [T], src: &dyn Fn(usize) -> &'a [T], row: usize, rows: usize, st: &LiftStage) {
    let base = st.source_base();
    let last = rows as isize - 1;
    let mut srcs: [&[T]; 8] = [&[]; 8];
    for (j, s) in srcs.iter_mut().enumerate().take(st.taps.len()) {
        *s = src((row as isize + base + j as isize).clamp(0, last) as usize);
    }
    apply_stage(t, &srcs[..st.taps.len()], st);
}

/// (15.4.1) `idwt`: synthesises a component from its bands (bitstream order, as from
/// [`new_bands`]) and returns the padded component.
pub fn idwt<T: Coef>(t: &TransformParams, bands: Vec<Band<T>>) -> Band<T> {
    let dc = &bands[0];
    let (pw, ph) = (dc.width << t.levels(), dc.height << t.dwt_depth);
    let mut c = Coefficients::from_bands(t, pw, ph, &bands);
    c.synthesise();
    Band { width: c.width, height: c.height, data: c.data }
}

/// Analysis counterpart of [`oned_synthesis_split`]: the stages reversed, each inverted.
fn oned_analysis_split<T: Coef>(lo: &mut [T], hi: &mut [T], filter: usize) {
    for inv in analysis_stages(filter) {
        if inv.lift.targets_even() {
            dispatch_line(lo, hi, &inv);
        } else {
            dispatch_line(hi, lo, &inv);
        }
    }
}

/// The analysis counterpart of a filter's synthesis stages: reversed, each inverted.
pub fn analysis_stages(filter: usize) -> Vec<LiftStage> {
    LIFTING_FILTERS[filter].stages.iter().rev().map(|st| LiftStage { lift: st.lift.inverse(), ..*st }).collect()
}

/// Splits a row into shifted even and odd halves and runs horizontal analysis on them.
fn analyse_row<T: Coef>(row: &[T], lo: &mut [T], hi: &mut [T], filter_ho: usize) {
    let shift = LIFTING_FILTERS[filter_ho].bit_shift;
    for (p, (l, h)) in row.chunks_exact(2).zip(lo.iter_mut().zip(hi.iter_mut())) {
        *l = p[0] << shift;
        *h = p[1] << shift;
    }
    oned_analysis_split(lo, hi, filter_ho);
}

/// One line of horizontal analysis with `filter` (its `filter_bit_shift` applied first):
/// the (L, H) halves of an even-length line. The reference the RTL's 1-D blocks match.
pub fn analysis_1d(line: &[i64], filter: usize) -> (Vec<i64>, Vec<i64>) {
    assert!(line.len().is_multiple_of(2), "analysis needs an even number of samples");
    let mut lo = vec![0i64; line.len() / 2];
    let mut hi = vec![0i64; line.len() / 2];
    analyse_row(line, &mut lo, &mut hi, filter);
    (lo, hi)
}

/// (15.4.4) `oned_synthesis` of one column held as its even (`lo`) and odd (`hi`) halves,
/// with no `filter_bit_shift`: the vertical pass of synthesis (15.4.3 `vh_synthesis`). The
/// reference the RTL's vertical lifting matches. Returns the updated (even, odd) halves.
pub fn oned_synthesis(lo: &[i64], hi: &[i64], filter: usize) -> (Vec<i64>, Vec<i64>) {
    assert_eq!(lo.len(), hi.len(), "synthesis needs equal halves");
    let (mut lo, mut hi) = (lo.to_vec(), hi.to_vec());
    oned_synthesis_split(&mut lo, &mut hi, filter);
    (lo, hi)
}

/// The inverse of [`oned_synthesis`] (its stages reversed, each inverted; no
/// `filter_bit_shift`): the vertical pass of analysis (15.4.3 `vh_analysis`, encoder side)
/// on one column's (even, odd) halves. Returns (L, H).
pub fn oned_analysis(lo: &[i64], hi: &[i64], filter: usize) -> (Vec<i64>, Vec<i64>) {
    assert_eq!(lo.len(), hi.len(), "analysis needs equal halves");
    let (mut lo, mut hi) = (lo.to_vec(), hi.to_vec());
    oned_analysis_split(&mut lo, &mut hi, filter);
    (lo, hi)
}

/// One line of horizontal synthesis with `filter`: (15.4.4) `oned_synthesis` of the line's
/// low and high halves, then `filter_bit_shift` undone with rounding (15.4.2): the
/// interleaved samples. The reference the RTL's 1-D synthesis matches.
pub fn synthesis_1d(lo: &[i64], hi: &[i64], filter: usize) -> Vec<i64> {
    assert_eq!(lo.len(), hi.len(), "synthesis needs equal halves");
    let (mut lo, mut hi) = (lo.to_vec(), hi.to_vec());
    let mut out = vec![0i64; 2 * lo.len()];
    synth_row(&mut lo, &mut hi, &mut out, filter);
    out
}

/// (15.4.2, encoder side) `h_analysis`: returns (L, H).
pub fn h_analysis<T: Coef>(t: &TransformParams, pic: &Band<T>) -> (Band<T>, Band<T>) {
    let w = pic.width / 2;
    let mut l = Band::zeroed(w, pic.height);
    let mut h = Band::zeroed(w, pic.height);
    for y in 0..pic.height {
        analyse_row(pic.row(y), &mut l.data[y * w..(y + 1) * w], &mut h.data[y * w..(y + 1) * w], t.wavelet_index_ho);
    }
    (l, h)
}

/// (15.4.3, encoder side) `vh_analysis`: horizontal then vertical; returns (LL, HL, LH, HH).
pub fn vh_analysis<T: Coef>(t: &TransformParams, pic: &Band<T>) -> (Band<T>, Band<T>, Band<T>, Band<T>) {
    let (w, h) = (pic.width / 2, pic.height / 2);
    let mut ll = Band::zeroed(w, h);
    let mut hl = Band::zeroed(w, h);
    let mut lh = Band::zeroed(w, h);
    let mut hh = Band::zeroed(w, h);
    for y in 0..h {
        let r = y * w..(y + 1) * w;
        analyse_row(pic.row(2 * y), &mut ll.data[r.clone()], &mut hl.data[r.clone()], t.wavelet_index_ho);
        analyse_row(pic.row(2 * y + 1), &mut lh.data[r.clone()], &mut hh.data[r], t.wavelet_index_ho);
    }
    let stages = analysis_stages(t.wavelet_index);
    vertical_wavefront(&mut ll.data, &mut lh.data, h, w, w, &stages);
    vertical_wavefront(&mut hl.data, &mut hh.data, h, w, w, &stages);
    (ll, hl, lh, hh)
}

/// (15.4.1, encoder side) `dwt` of a padded component; returns bands in bitstream order.
pub fn dwt<T: Coef>(t: &TransformParams, pic: Band<T>) -> Vec<Band<T>> {
    let mut dc = pic;
    let mut high: Vec<Band<T>> = Vec::new(); // collected from the top level down
    for _ in 0..t.dwt_depth {
        let (ll, hl, lh, hh) = vh_analysis(t, &dc);
        high.extend([hh, lh, hl]);
        dc = ll;
    }
    for _ in 0..t.dwt_depth_ho {
        let (l, h) = h_analysis(t, &dc);
        high.push(h);
        dc = l;
    }
    high.push(dc);
    high.reverse();
    high
}

/// Magnitude bounds through one 1-D lifting pass; returns (output bound, peak of any
/// intermediate or accumulator).
fn pass_bound(m_in: u128, filter: usize) -> (u128, u128) {
    stages_bound(m_in, LIFTING_FILTERS[filter].stages)
}

/// Magnitude bounds through any sequence of lifting stages applied to inputs of magnitude at
/// most `m_in`: (the bound of every sample the stages write or leave — the larger half's —
/// and the peak of any value including the weighted sums before their shift). Each stage
/// adds `(Σ|taps|·source + r) >> S`, plus one for the floor of a negative sum.
pub fn stages_bound(m_in: u128, stages: &[LiftStage]) -> (u128, u128) {
    let (mut even, mut odd) = (m_in, m_in);
    let mut peak = m_in;
    for s in stages {
        let (t, src) = if s.lift.targets_even() { (&mut even, odd) } else { (&mut odd, even) };
        let tap_sum: u128 = s.taps.iter().map(|&x| x.unsigned_abs() as u128).sum();
        let round = if s.shift > 0 { 1u128 << (s.shift - 1) } else { 0 };
        let acc = tap_sum.saturating_mul(src).saturating_add(round);
        *t = t.saturating_add(acc >> s.shift).saturating_add(1);
        peak = peak.max(acc).max(*t);
    }
    let out = even.max(odd);
    (out, peak.max(out))
}

/// Peak magnitude of any value the synthesis computes when every input coefficient is at
/// most `b` in magnitude.
fn synthesis_peak(t: &TransformParams, b: u128) -> u128 {
    let shift_of = |f: usize| LIFTING_FILTERS[f].bit_shift;
    let mut dc = b;
    let mut peak = b;
    for _ in 0..t.dwt_depth_ho {
        let (o, p) = pass_bound(dc.max(b), t.wavelet_index_ho);
        let s = shift_of(t.wavelet_index_ho);
        let rounded = o.saturating_add(if s > 0 { 1 << (s - 1) } else { 0 });
        peak = peak.max(p).max(rounded);
        dc = rounded >> s;
    }
    for _ in 0..t.dwt_depth {
        let (v, p1) = pass_bound(dc.max(b), t.wavelet_index);
        let (o, p2) = pass_bound(v, t.wavelet_index_ho);
        let s = shift_of(t.wavelet_index_ho);
        let rounded = o.saturating_add(if s > 0 { 1 << (s - 1) } else { 0 });
        peak = peak.max(p1).max(p2).max(rounded);
        dc = rounded >> s;
    }
    peak
}

/// Peak magnitude of any value [`dwt`] computes from samples of magnitude at most `b`
/// (the horizontal pass's `filter_bit_shift` included).
fn analysis_peak(t: &TransformParams, b: u128) -> u128 {
    let shift_of = |f: usize| LIFTING_FILTERS[f].bit_shift;
    let (ho, vert) = (analysis_stages(t.wavelet_index_ho), analysis_stages(t.wavelet_index));
    let mut dc = b;
    let mut peak = b;
    for level in 0..t.dwt_depth + t.dwt_depth_ho {
        let x = dc.saturating_mul(1 << shift_of(t.wavelet_index_ho));
        let (mut o, p) = stages_bound(x, &ho);
        peak = peak.max(x).max(p);
        if level < t.dwt_depth {
            let (o2, p2) = stages_bound(o, &vert);
            peak = peak.max(p2);
            o = o2;
        }
        dc = o;
    }
    peak
}

/// Whether [`dwt`] in `T` provably cannot overflow on `depth`-bit samples offset to signed
/// (magnitudes at most `2^(depth-1)`).
pub fn analysis_fits<T: Coef>(t: &TransformParams, depth: u32) -> bool {
    analysis_peak(t, 1u128 << depth.saturating_sub(1)) <= T::MAX as u128
}

/// The largest input coefficient magnitude for which [`idwt`] in `T` cannot overflow
/// (0 if even that is impossible).
pub fn coef_limit<T: Coef>(t: &TransformParams) -> u64 {
    let max = T::MAX as u128;
    let (mut lo, mut hi) = (0u128, max);
    if synthesis_peak(t, 0) > max {
        return 0;
    }
    while lo < hi {
        let mid = lo + (hi - lo).div_ceil(2);
        if synthesis_peak(t, mid) <= max {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    lo as u64
}

#[cfg(test)]
mod tests {
    use crate::tables::LiftType;

    #[test]
    fn synthesis_1d_undoes_analysis_1d_for_every_wavelet() {
        let line: Vec<i64> = (0..46).map(|i: i64| ((i * i * 37 + 11 * i) % 1024) - 512).collect();
        for w in 0..7 {
            let (lo, hi) = analysis_1d(&line, w);
            assert_eq!(synthesis_1d(&lo, &hi, w), line, "wavelet {w}");
        }
    }

    #[test]
    fn oned_synthesis_undoes_oned_analysis_and_matches_the_vertical_pass() {
        let col: Vec<i64> = (0..38).map(|i: i64| ((i * i * 53 + 7 * i) % 2048) - 1024).collect();
        let lo: Vec<i64> = col.iter().step_by(2).copied().collect();
        let hi: Vec<i64> = col.iter().skip(1).step_by(2).copied().collect();
        for w in 0..7 {
            let (l, h) = oned_analysis(&lo, &hi, w);
            assert_eq!(oned_synthesis(&l, &h, w), (lo.clone(), hi.clone()), "wavelet {w}");
            // vh_analysis of a picture one column pair wide, horizontal Haar without shift
            // on a column of (x, 0) pairs, gives the column's lifting in its LL/LH bands
            let t = TransformParams { wavelet_index: w, wavelet_index_ho: 3, dwt_depth: 1, dwt_depth_ho: 0 };
            let pic = Band { width: 2, height: col.len(), data: col.iter().flat_map(|&x| [x, x]).collect() };
            let (ll, _, lh, _) = vh_analysis(&t, &pic);
            assert_eq!((ll.data, lh.data), (l, h), "wavelet {w}");
        }
    }

    use super::*;

    /// The standard's own in-place formulation (15.4.4.1), used as the oracle.
    fn lift_ref(a: &mut [i64], s: &LiftStage) {
        let len = a.len() as i64;
        for n in 0..a.len() / 2 {
            let mut sum: i64 = 0;
            for i in s.d..s.d + s.taps.len() as i32 {
                let mut pos = match s.lift {
                    LiftType::EvenAddOdd | LiftType::EvenSubtractOdd => 2 * (n as i64 + i as i64) - 1,
                    _ => 2 * (n as i64 + i as i64),
                };
                match s.lift {
                    LiftType::EvenAddOdd | LiftType::EvenSubtractOdd => pos = pos.min(len - 1).max(1),
                    _ => pos = pos.min(len - 2).max(0),
                }
                sum += s.taps[(i - s.d) as usize] as i64 * a[pos as usize];
            }
            if s.shift > 0 {
                sum += 1 << (s.shift - 1);
            }
            let v = sum >> s.shift;
            match s.lift {
                LiftType::EvenAddOdd => a[2 * n] += v,
                LiftType::EvenSubtractOdd => a[2 * n] -= v,
                LiftType::OddAddEven => a[2 * n + 1] += v,
                LiftType::OddSubtractEven => a[2 * n + 1] -= v,
            }
        }
    }

    fn oned_ref(a: &mut [i64], filter: usize) {
        for s in LIFTING_FILTERS[filter].stages {
            lift_ref(a, s);
        }
    }

    /// Reference 2-D synthesis straight from (15.4.3), on interleaved arrays.
    fn vh_ref(t: &TransformParams, ll: &Band<i64>, hl: &Band<i64>, lh: &Band<i64>, hh: &Band<i64>) -> Band<i64> {
        let (w, h) = (ll.width, ll.height);
        let mut s = vec![vec![0i64; 2 * w]; 2 * h];
        for y in 0..h {
            for x in 0..w {
                s[2 * y][2 * x] = ll.data[y * w + x];
                s[2 * y][2 * x + 1] = hl.data[y * w + x];
                s[2 * y + 1][2 * x] = lh.data[y * w + x];
                s[2 * y + 1][2 * x + 1] = hh.data[y * w + x];
            }
        }
        for x in 0..2 * w {
            let mut col: Vec<i64> = s.iter().map(|r| r[x]).collect();
            oned_ref(&mut col, t.wavelet_index);
            for (y, v) in col.into_iter().enumerate() {
                s[y][x] = v;
            }
        }
        for r in s.iter_mut() {
            oned_ref(r, t.wavelet_index_ho);
        }
        let shift = LIFTING_FILTERS[t.wavelet_index_ho].bit_shift;
        let data = s
            .into_iter()
            .flatten()
            .map(|v| if shift > 0 { (v + (1 << (shift - 1))) >> shift } else { v })
            .collect();
        Band { width: 2 * w, height: 2 * h, data }
    }

    fn pseudo_random(seed: u64, n: usize, range: i64) -> Vec<i64> {
        let mut x = seed.wrapping_mul(0x9E3779B97F4A7C15) | 1;
        (0..n)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                (x % (2 * range as u64 + 1)) as i64 - range
            })
            .collect()
    }

    #[test]
    fn split_synthesis_matches_the_standards_in_place_form() {
        for wavelet in 0..7 {
            for wavelet_ho in [wavelet, (wavelet + 3) % 7] {
                for (w, h) in [(1, 1), (2, 1), (1, 3), (3, 2), (5, 4), (8, 8), (13, 7), (300, 9), (7, 40), (260, 33)] {
                    let t = TransformParams { wavelet_index: wavelet, wavelet_index_ho: wavelet_ho, dwt_depth: 1, dwt_depth_ho: 0 };
                    let mk = |s| Band { width: w, height: h, data: pseudo_random(s, w * h, 2000) };
                    let (ll, hl, lh, hh) = (mk(1), mk(2), mk(3), mk(4));
                    let expect = vh_ref(&t, &ll, &hl, &lh, &hh);
                    let got = idwt(&t, vec![ll.clone(), hl.clone(), lh.clone(), hh.clone()]);
                    assert_eq!(got, expect, "wavelet {wavelet}/{wavelet_ho} {w}x{h}");
                    let narrow = |b: &Band<i64>| Band { width: w, height: h, data: b.data.iter().map(|&v| v as i32).collect() };
                    let got32 = idwt(&t, vec![narrow(&ll), narrow(&hl), narrow(&lh), narrow(&hh)]);
                    assert_eq!(got32.data.iter().map(|&v| v as i64).collect::<Vec<_>>(), expect.data);
                }
            }
        }
    }

    #[test]
    fn analysis_then_synthesis_is_exact() {
        for wavelet in 0..7 {
            for (depth, depth_ho) in [(0, 0), (1, 0), (2, 0), (3, 0), (4, 0), (2, 2), (0, 3), (1, 1)] {
                let t = TransformParams { wavelet_index: wavelet, wavelet_index_ho: (wavelet + depth_ho) % 7, dwt_depth: depth, dwt_depth_ho: depth_ho };
                let (w, h) = t.padded_size(37, 21);
                let pic = Band { width: w, height: h, data: pseudo_random(wavelet as u64 * 31 + depth as u64, w * h, 512) };
                let bands = dwt(&t, pic.clone());
                let shapes: Vec<_> = bands.iter().map(|b| (b.width, b.height)).collect();
                let expect: Vec<_> = new_bands::<i64>(&t, 37, 21).iter().map(|b| (b.width, b.height)).collect();
                assert_eq!(shapes, expect);
                assert_eq!(idwt(&t, bands), pic, "wavelet {wavelet} depth {depth}/{depth_ho}");
            }
        }
    }

    /// The fused output path equals synthesis followed by cropping, clipping and offsetting.
    #[test]
    fn fused_output_equals_separate_steps() {
        for wavelet in 0..7 {
            for (depth, depth_ho) in [(0, 0), (1, 0), (3, 0), (0, 2), (2, 1)] {
                for (w, h) in [(37, 21), (16, 8), (5, 3)] {
                    let t = TransformParams { wavelet_index: wavelet, wavelet_index_ho: (wavelet + 2) % 7, dwt_depth: depth, dwt_depth_ho: depth_ho };
                    let mut bands = new_bands::<i32>(&t, w, h);
                    for (i, b) in bands.iter_mut().enumerate() {
                        let r = pseudo_random(i as u64 + 7 * wavelet as u64, b.data.len(), 700);
                        b.data = r.into_iter().map(|v| v as i32).collect();
                    }
                    let mut a = Coefficients::from_bands(&t, w, h, &bands);
                    let mut b = a.clone();
                    a.synthesise();
                    let expect: Vec<u16> = (0..h).flat_map(|y| a.row(y)[..w].iter().map(|&v| (v.clamp(-512, 511) + 512) as u16).collect::<Vec<_>>()).collect();
                    let mut got = vec![0u16; w * h];
                    b.synthesise_to_samples(&mut got, w, h, 10);
                    assert_eq!(got, expect, "wavelet {wavelet} depth {depth}/{depth_ho} {w}x{h}");
                }
            }
        }
    }

    #[test]
    fn coefficient_limits_are_safe_and_useful() {
        let legall3 = TransformParams { wavelet_index: 1, wavelet_index_ho: 1, dwt_depth: 3, dwt_depth_ho: 0 };
        let lim = coef_limit::<i32>(&legall3);
        assert!(lim > 1 << 20, "{lim}");
        assert!(synthesis_peak(&legall3, lim as u128) <= i32::MAX as u128);
        assert!(synthesis_peak(&legall3, lim as u128 + 1) > i32::MAX as u128);
        let fid4 = TransformParams { wavelet_index: 5, wavelet_index_ho: 5, dwt_depth: 4, dwt_depth_ho: 0 };
        assert!(coef_limit::<i64>(&fid4) > 1 << 32); // far above 16-bit video's coefficients
        // Extreme coefficients at the limit synthesise without overflow (debug builds check).
        for t in [legall3, fid4] {
            let lim = coef_limit::<i64>(&t).min(i64::MAX as u64) as i64;
            let mut bands = new_bands::<i64>(&t, 32, 32);
            for (i, b) in bands.iter_mut().enumerate() {
                for (j, v) in b.data.iter_mut().enumerate() {
                    *v = if (i + j) % 2 == 0 { lim } else { -lim };
                }
            }
            let _ = idwt(&t, bands);
        }
    }
}
