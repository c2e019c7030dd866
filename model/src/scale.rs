//! The polyphase scaler: 8K ↔ 4K ↔ HD and any other ratio, in integer arithmetic that the
//! RTL scaler implements bit for bit. This module documentation is that specification.
//!
//! # Sample positions
//! Luma grids are mapped centre to centre: input luma coordinate `u` and output luma
//! coordinate `v` correspond when `(u + ½)/in = (v + ½)/out` (`in`, `out`: luma sizes along the
//! axis). A plane whose samples sit at luma coordinate `s·k + o` (`s` its subsampling, `o`
//! its siting offset) therefore reads, for output sample `k'`, input plane position
//! `N / D` with
//!
//! ```text
//! N = (2·s·k' + O + 1)·in − (1 + O)·out,   D = 2·s·out,   O = 2·o
//! ```
//!
//! Luma and 4:4:4 chroma: `s = 1, O = 0`. 4:2:2 and 4:2:0 chroma horizontally: `s = 2, O = 0`
//! (co-sited with even luma samples, BT.709/BT.2020). 4:2:0 chroma vertically: `s = 2, O = 1`
//! (centred between luma rows, the usual "left" siting).
//!
//! `pos = floor(N / D)`, `rem = N − pos·D`, and the phase is `rem` rounded to sixty-fourths,
//! half up: `phase = floor((128·rem + D) / (2·D))`; phase 64 becomes phase 0 of `pos + 1`.
//! Hardware steps `N` by `2·s·in` per output sample (a DDA with remainder), never dividing.
//!
//! # Filter
//! `T` taps (4, 6, 8 or 12) read input samples `pos − (T/2 − 1) … pos + T/2`, clamped to the
//! plane (edge replication). Tap `j` of phase `φ` sits at distance `t = j − (T/2 − 1) − φ/64`
//! and weighs `L(t/f)/f`, with `f = max(1, in/out)` (the kernel stretches when shrinking, so
//! it cuts at the output's Nyquist frequency) and `L` the Lanczos window with
//! `a = T/(2f)` lobes: `L(x) = sinc(x)·sinc(x/a)` for `|x| < a`, else 0. Each phase's weights
//! are normalised to sum 1, scaled by 2^14 and rounded to nearest; the rounding residual
//! (so that the phase sums to exactly 16384) is added to the largest weight. Weights fit 16
//! signed bits (at most 18: one hardware multiplier each).
//!
//! Default taps per axis: 6 when enlarging or keeping the size (Lanczos-3), otherwise
//! `6·f` rounded up to 8 or 12, at most 12 (2:1 gets Lanczos-3 with 12 taps; beyond 2:1
//! fewer lobes).
//!
//! # Arithmetic
//! The pass that shrinks its axis's line width goes first — horizontal first when the
//! output is narrower than the input, vertical first otherwise — so that the line buffers
//! between the passes (T lines) are `min(in_width, out_width)` samples wide.
//!
//! First pass: `acc = Σ w·x` (64-bit here; at most 16 + 17 + 4 bits in hardware);
//! intermediate `m = (acc + 2^11) >> 12` (arithmetic shift: two fractional bits kept,
//! signed, not clamped: overshoot from ringing survives to the second pass).
//! Second pass: `acc = Σ w·m`; output `clamp((acc + 2^15) >> 16, 0, 2^bits − 1)`.
//! A phase-0 weight set is exactly (…, 0, 16384, 0, …), so equal sizes copy exactly, and
//! since every phase sums to 16384 a constant picture stays constant at every ratio.

use crate::params::ChromaFormat;
use crate::picture::{Picture, Plane};
use rayon::prelude::*;

/// Phases per input sample interval.
pub const PHASES: usize = 64;
/// Fractional bits of the weights (unity = 1 << 14).
pub const WEIGHT_BITS: u32 = 14;
/// Extra fractional bits of the intermediate between the passes.
pub const INTER_FRAC: u32 = 2;
/// Tap counts the scaler supports.
pub const TAP_CHOICES: [usize; 4] = [4, 6, 8, 12];

/// Errors of the scaler.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ScaleError {
    /// Unsupported tap count.
    #[error("--taps {0} is not supported: choose 4, 6, 8 or 12")]
    Taps(usize),
    /// Output size unusable for the chroma format.
    #[error("output {width}x{height} does not divide into {chroma} chroma (width must be even for 4:2:2/4:2:0, height even for 4:2:0)")]
    Size {
        /// Requested width.
        width: usize,
        /// Requested height.
        height: usize,
        /// Chroma format name.
        chroma: &'static str,
    },
    /// Zero or absurd sizes.
    #[error("output size {0}x{1} is outside 1..=16384")]
    Range(usize, usize),
    /// The picture's planes do not form a 4:4:4, 4:2:2 or 4:2:0 picture.
    #[error("the picture's planes are not 4:4:4, 4:2:2 or 4:2:0")]
    Format,
}

/// The weights of one axis: `PHASES` sets of `taps` signed weights summing to 2^14.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Kernel {
    /// Taps per output sample.
    pub taps: usize,
    /// `weights[phase * taps + j]`.
    pub weights: Vec<i32>,
}

fn sinc(x: f64) -> f64 {
    if x.abs() < 1e-12 {
        1.0
    } else {
        let p = std::f64::consts::PI * x;
        p.sin() / p
    }
}

/// Default taps for an axis scaled from `input` to `output` samples.
pub fn default_taps(input: usize, output: usize) -> usize {
    let f = input as f64 / output as f64;
    if f <= 1.0 {
        6
    } else if 6.0 * f <= 8.0 {
        8
    } else {
        12
    }
}

impl Kernel {
    /// The weights for `taps` taps scaling `input` to `output` samples (see module docs).
    pub fn new(taps: usize, input: usize, output: usize) -> Result<Kernel, ScaleError> {
        if !TAP_CHOICES.contains(&taps) {
            return Err(ScaleError::Taps(taps));
        }
        let f = (input as f64 / output as f64).max(1.0);
        let a = taps as f64 / (2.0 * f);
        let unity = 1i64 << WEIGHT_BITS;
        let mut weights = Vec::with_capacity(PHASES * taps);
        for phase in 0..PHASES {
            let w: Vec<f64> = (0..taps)
                .map(|j| {
                    let t = j as f64 - (taps as f64 / 2.0 - 1.0) - phase as f64 / PHASES as f64;
                    let x = t / f;
                    if x.abs() < a {
                        sinc(x) * sinc(x / a) / f
                    } else {
                        0.0
                    }
                })
                .collect();
            let sum: f64 = w.iter().sum();
            let mut q: Vec<i64> = w.iter().map(|v| (v / sum * unity as f64).round() as i64).collect();
            let residual = unity - q.iter().sum::<i64>();
            let largest = (0..taps).max_by_key(|&j| (q[j].abs(), std::cmp::Reverse(j))).expect("taps > 0");
            q[largest] += residual;
            weights.extend(q.into_iter().map(|v| v as i32));
        }
        Ok(Kernel { taps, weights })
    }

    /// The weights of one phase.
    pub fn phase(&self, phase: usize) -> &[i32] {
        &self.weights[phase * self.taps..(phase + 1) * self.taps]
    }
}

/// Where each output sample of one axis of one plane reads: first input index (before
/// clamping) and phase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AxisMap {
    /// Per output sample: (index of the first tap, phase).
    pub taps_at: Vec<(i64, usize)>,
}

impl AxisMap {
    /// For a plane with subsampling `s` and siting `O` (see module docs) whose luma axis goes
    /// from `input` to `output` samples, `out_len` plane samples, `taps` taps.
    pub fn new(input: usize, output: usize, s: i64, o: i64, out_len: usize, taps: usize) -> AxisMap {
        let (i, out) = (input as i64, output as i64);
        let d = 2 * s * out;
        let taps_at = (0..out_len as i64)
            .map(|k| {
                let n = (2 * s * k + o + 1) * i - (1 + o) * out;
                let mut pos = n.div_euclid(d);
                let rem = n - pos * d;
                let mut phase = ((2 * PHASES as i64 * rem + d) / (2 * d)) as usize;
                if phase == PHASES {
                    pos += 1;
                    phase = 0;
                }
                (pos - (taps as i64 / 2 - 1), phase)
            })
            .collect();
        AxisMap { taps_at }
    }
}

#[inline]
fn clamp_index(i: i64, len: usize) -> usize {
    i.clamp(0, len as i64 - 1) as usize
}

/// Accumulator arithmetic of the two passes: `i32` where the bounds allow it (samples of up
/// to 12 bits: every sum provably fits), `i64` otherwise. Both compute the same integers.
trait Acc: Copy + Send + Sync + std::ops::Add<Output = Self> + std::ops::Mul<Output = Self> + std::ops::Shr<u32, Output = Self> + Default {
    fn from_i32(v: i32) -> Self;
    fn to_i64(self) -> i64;
}
impl Acc for i32 {
    #[inline(always)]
    fn from_i32(v: i32) -> Self {
        v
    }
    #[inline(always)]
    fn to_i64(self) -> i64 {
        self as i64
    }
}
impl Acc for i64 {
    #[inline(always)]
    fn from_i32(v: i32) -> Self {
        v as i64
    }
    #[inline(always)]
    fn to_i64(self) -> i64 {
        self
    }
}

/// One output row of a horizontal pass: `out[x] = f(Σ_j w[phase(x)][j] · row[clamp(p0(x) + j)])`.
#[inline(always)]
fn h_row<A: Acc, S: Copy + Into<i32>, D, const T: usize>(row: &[S], out: &mut [D], map: &AxisMap, weights: &[[A; T]], f: impl Fn(A) -> D) {
    let w = row.len();
    for (o, &(p0, ph)) in out.iter_mut().zip(&map.taps_at) {
        let wts = &weights[ph];
        let mut acc = A::default();
        if p0 >= 0 && p0 as usize + T <= w {
            let s = &row[p0 as usize..p0 as usize + T];
            for j in 0..T {
                acc = acc + wts[j] * A::from_i32(s[j].into());
            }
        } else {
            for j in 0..T {
                acc = acc + wts[j] * A::from_i32(row[clamp_index(p0 + j as i64, w)].into());
            }
        }
        *o = f(acc);
    }
}

/// One output row of a vertical pass: `out[x] = f(Σ_j w[j] · rows[j][x])` (vectorises).
#[inline(always)]
fn v_row<A: Acc, S: Copy + Into<i32>, D, const T: usize>(rows: [&[S]; T], out: &mut [D], wts: &[A; T], f: impl Fn(A) -> D) {
    let n = out.len();
    let rows: [&[S]; T] = rows.map(|r| &r[..n]);
    for (x, o) in out.iter_mut().enumerate() {
        let mut acc = A::default();
        for j in 0..T {
            acc = acc + wts[j] * A::from_i32(rows[j][x].into());
        }
        *o = f(acc);
    }
}

/// One plane through both passes (see module docs for the order and arithmetic).
fn scale_plane_t<A: Acc, const HT: usize, const VT: usize>(src: &Plane, out_w: usize, out_h: usize, hk: &Kernel, hm: &AxisMap, vk: &Kernel, vm: &AxisMap) -> Plane {
    let max = (1i64 << src.depth) - 1;
    let first_shift = WEIGHT_BITS - INTER_FRAC;
    let second_shift = WEIGHT_BITS + INTER_FRAC;
    let first = move |acc: A| ((acc.to_i64() + (1 << (first_shift - 1))) >> first_shift) as i32;
    let finish = move |acc: A| ((acc.to_i64() + (1 << (second_shift - 1))) >> second_shift).clamp(0, max) as u16;
    let hw: Vec<[A; HT]> = (0..PHASES).map(|p| std::array::from_fn(|j| A::from_i32(hk.phase(p)[j]))).collect();
    let vw: Vec<[A; VT]> = (0..PHASES).map(|p| std::array::from_fn(|j| A::from_i32(vk.phase(p)[j]))).collect();
    let (w, h) = (src.width, src.height);
    let mut out = vec![0u16; out_w * out_h];
    if out_w < w {
        // Horizontal first: the intermediate is h rows of out_w.
        let mut mid = vec![0i32; out_w * h];
        mid.par_chunks_mut(out_w).enumerate().for_each(|(y, row)| h_row::<A, u16, i32, HT>(src.row(y), row, hm, &hw, first));
        out.par_chunks_mut(out_w).enumerate().for_each(|(y, row)| {
            let (p0, ph) = vm.taps_at[y];
            let rows: [&[i32]; VT] = std::array::from_fn(|j| &mid[clamp_index(p0 + j as i64, h) * out_w..][..out_w]);
            v_row::<A, i32, u16, VT>(rows, row, &vw[ph], finish);
        });
    } else {
        // Vertical first: the intermediate is out_h rows of w.
        let mut mid = vec![0i32; w * out_h];
        mid.par_chunks_mut(w).enumerate().for_each(|(y, row)| {
            let (p0, ph) = vm.taps_at[y];
            let rows: [&[u16]; VT] = std::array::from_fn(|j| src.row(clamp_index(p0 + j as i64, h)));
            v_row::<A, u16, i32, VT>(rows, row, &vw[ph], first);
        });
        out.par_chunks_mut(out_w).enumerate().for_each(|(y, row)| h_row::<A, i32, u16, HT>(&mid[y * w..(y + 1) * w], row, hm, &hw, finish));
    }
    Plane { width: out_w, height: out_h, depth: src.depth, data: out }
}

/// Largest sum of absolute weights over a kernel's phases.
fn abs_sum(k: &Kernel) -> i64 {
    (0..PHASES).map(|p| k.phase(p).iter().map(|&w| (w as i64).abs()).sum::<i64>()).max().unwrap_or(0)
}

/// Dispatches on tap counts and picks `i32` accumulators when every sum provably fits.
fn scale_plane(src: &Plane, out_w: usize, out_h: usize, hk: &Kernel, hm: &AxisMap, vk: &Kernel, vm: &AxisMap) -> Plane {
    let (ah, av) = (abs_sum(hk), abs_sum(vk));
    let peak_in = (1i64 << src.depth) - 1;
    // Worst first-pass sum, worst intermediate, worst second-pass sum (either order).
    let first = peak_in * ah.max(av);
    let mid = (first >> (WEIGHT_BITS - INTER_FRAC)) + 1;
    let narrow = first < i32::MAX as i64 && mid * ah.max(av) < i32::MAX as i64;
    macro_rules! go {
        ($h:literal, $v:literal) => {
            if narrow {
                scale_plane_t::<i32, $h, $v>(src, out_w, out_h, hk, hm, vk, vm)
            } else {
                scale_plane_t::<i64, $h, $v>(src, out_w, out_h, hk, hm, vk, vm)
            }
        };
    }
    macro_rules! by_v {
        ($h:literal) => {
            match vk.taps {
                4 => go!($h, 4),
                6 => go!($h, 6),
                8 => go!($h, 8),
                _ => go!($h, 12),
            }
        };
    }
    match hk.taps {
        4 => by_v!(4),
        6 => by_v!(6),
        8 => by_v!(8),
        _ => by_v!(12),
    }
}

/// A configured scaler from one picture size to another; reusable across pictures.
#[derive(Debug, Clone)]
pub struct Scaler {
    chroma: ChromaFormat,
    out: (usize, usize),
    /// (horizontal kernel, vertical kernel).
    pub kernels: (Kernel, Kernel),
    maps: [(AxisMap, AxisMap); 2],
}

impl Scaler {
    /// A scaler for `chroma` pictures from `input` (luma width, height) to `output`, with
    /// `taps` on both axes or the default per axis.
    pub fn new(chroma: ChromaFormat, input: (usize, usize), output: (usize, usize), taps: Option<usize>) -> Result<Scaler, ScaleError> {
        let (ow, oh) = output;
        if ow == 0 || oh == 0 || ow > 16384 || oh > 16384 {
            return Err(ScaleError::Range(ow, oh));
        }
        let (sx, sy) = chroma.shifts();
        if ow % (1 << sx) != 0 || oh % (1 << sy) != 0 {
            return Err(ScaleError::Size { width: ow, height: oh, chroma: chroma.name() });
        }
        let ht = taps.unwrap_or_else(|| default_taps(input.0, ow));
        let vt = taps.unwrap_or_else(|| default_taps(input.1, oh));
        let hk = Kernel::new(ht, input.0, ow)?;
        let vk = Kernel::new(vt, input.1, oh)?;
        let luma = (AxisMap::new(input.0, ow, 1, 0, ow, ht), AxisMap::new(input.1, oh, 1, 0, oh, vt));
        let cs = |shift: u32| 1i64 << shift;
        let chroma_maps = (
            AxisMap::new(input.0, ow, cs(sx), 0, ow >> sx, ht),
            // 4:2:0 chroma rows are centred between luma rows.
            AxisMap::new(input.1, oh, cs(sy), if sy == 1 { 1 } else { 0 }, oh >> sy, vt),
        );
        Ok(Scaler { chroma, out: output, kernels: (hk, vk), maps: [luma, chroma_maps] })
    }

    /// Scales one picture (which must have the chroma format and size given to `new`).
    pub fn scale(&self, p: &Picture) -> Result<Picture, ScaleError> {
        if p.chroma_format() != Some(self.chroma) {
            return Err(ScaleError::Format);
        }
        let (sx, sy) = self.chroma.shifts();
        let planes: Vec<Plane> = p
            .planes
            .iter()
            .enumerate()
            .map(|(i, plane)| {
                let (hm, vm) = &self.maps[(i > 0) as usize];
                let (ow, oh) = if i == 0 { self.out } else { (self.out.0 >> sx, self.out.1 >> sy) };
                scale_plane(plane, ow, oh, &self.kernels.0, hm, &self.kernels.1, vm)
            })
            .collect();
        Ok(Picture { picture_number: p.picture_number, planes: planes.try_into().expect("three planes") })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn random_picture(w: usize, h: usize, chroma: ChromaFormat, depth: u32, seed: u64) -> Picture {
        let mut x = seed | 1;
        let max = (1u64 << depth) - 1;
        let mut plane = |w: usize, h: usize| Plane {
            width: w,
            height: h,
            depth,
            data: (0..w * h)
                .map(|_| {
                    x ^= x << 13;
                    x ^= x >> 7;
                    x ^= x << 17;
                    (x % (max + 1)) as u16
                })
                .collect(),
        };
        let (sx, sy) = chroma.shifts();
        Picture { picture_number: 0, planes: [plane(w, h), plane(w >> sx, h >> sy), plane(w >> sx, h >> sy)] }
    }

    #[test]
    fn every_phase_sums_to_unity_and_phase_zero_is_identity() {
        for taps in TAP_CHOICES {
            for (i, o) in [(100, 100), (200, 100), (100, 200), (3, 2), (1920, 1280), (7680, 3840)] {
                let k = Kernel::new(taps, i, o).unwrap();
                for ph in 0..PHASES {
                    assert_eq!(k.phase(ph).iter().sum::<i32>(), 1 << WEIGHT_BITS, "taps {taps} {i}->{o} phase {ph}");
                    assert!(k.phase(ph).iter().all(|&w| w.unsigned_abs() < 1 << 17));
                }
                if i <= o {
                    let mut id = vec![0; taps];
                    id[taps / 2 - 1] = 1 << WEIGHT_BITS;
                    assert_eq!(k.phase(0), &id[..]);
                }
            }
        }
    }

    #[test]
    fn identity_is_exact() {
        for chroma in [ChromaFormat::C444, ChromaFormat::C422, ChromaFormat::C420] {
            for depth in [8, 10, 12, 16] {
                let p = random_picture(38, 22, chroma, depth, depth as u64);
                let s = Scaler::new(chroma, (38, 22), (38, 22), None).unwrap();
                assert_eq!(s.scale(&p).unwrap(), p, "{} {depth}-bit", chroma.name());
            }
        }
    }

    #[test]
    fn constant_pictures_stay_constant() {
        for (iw, ih, ow, oh) in [(64, 36, 32, 18), (32, 18, 64, 36), (48, 24, 32, 16), (16, 16, 64, 8), (30, 20, 46, 34)] {
            for taps in [None, Some(4), Some(12)] {
                let mut p = random_picture(iw, ih, ChromaFormat::C420, 10, 1);
                for (i, pl) in p.planes.iter_mut().enumerate() {
                    pl.data.iter_mut().for_each(|v| *v = [940, 64, 1023][i]);
                }
                let out = Scaler::new(ChromaFormat::C420, (iw, ih), (ow, oh), taps).unwrap().scale(&p).unwrap();
                for (i, pl) in out.planes.iter().enumerate() {
                    assert!(pl.data.iter().all(|&v| v == [940, 64, 1023][i]), "{iw}x{ih}->{ow}x{oh} taps {taps:?}");
                }
            }
        }
    }

    /// A linear ramp in luma coordinates comes out as the same ramp at the mapped positions
    /// (away from the edges), for luma and for chroma at its siting: wrong siting would shift
    /// the chroma ramp by a constant.
    #[test]
    fn ramps_land_where_the_siting_says() {
        for chroma in [ChromaFormat::C444, ChromaFormat::C422, ChromaFormat::C420] {
            let (iw, ih, ow, oh) = (256, 128, 128, 48);
            let (sx, sy) = chroma.shifts();
            let mut p = random_picture(iw, ih, chroma, 16, 3);
            // value = 100 * (luma x coordinate) + 50 * (luma y coordinate) + 4000
            let siting_y = |i: usize| if i > 0 && sy == 1 { 0.5 } else { 0.0 };
            for (i, pl) in p.planes.iter_mut().enumerate() {
                let (s_x, s_y) = if i == 0 { (1.0, 1.0) } else { ((1 << sx) as f64, (1 << sy) as f64) };
                for y in 0..pl.height {
                    for x in 0..pl.width {
                        let (lx, ly) = (s_x * x as f64, s_y * y as f64 + siting_y(i));
                        pl.data[y * pl.width + x] = (100.0 * lx + 50.0 * ly + 4000.0) as u16;
                    }
                }
            }
            let out = Scaler::new(chroma, (iw, ih), (ow, oh), None).unwrap().scale(&p).unwrap();
            for (i, pl) in out.planes.iter().enumerate() {
                let (s_x, s_y) = if i == 0 { (1.0, 1.0) } else { ((1 << sx) as f64, (1 << sy) as f64) };
                for y in 8..pl.height - 8 {
                    for x in 8..pl.width - 8 {
                        let (vx, vy) = (s_x * x as f64, s_y * y as f64 + siting_y(i));
                        let ux = (vx + 0.5) * iw as f64 / ow as f64 - 0.5;
                        let uy = (vy + 0.5) * ih as f64 / oh as f64 - 0.5;
                        let expect = 100.0 * ux + 50.0 * uy + 4000.0;
                        let got = pl.data[y * pl.width + x] as f64;
                        assert!((got - expect).abs() <= 2.0, "{} plane {i} ({x},{y}): {got} vs {expect}", chroma.name());
                    }
                }
            }
        }
    }

    #[test]
    fn bad_sizes_and_taps_are_errors() {
        assert_eq!(Kernel::new(5, 10, 10), Err(ScaleError::Taps(5)));
        assert!(matches!(Scaler::new(ChromaFormat::C422, (64, 64), (33, 16), None), Err(ScaleError::Size { .. })));
        assert!(matches!(Scaler::new(ChromaFormat::C420, (64, 64), (32, 15), None), Err(ScaleError::Size { .. })));
        assert!(matches!(Scaler::new(ChromaFormat::C444, (64, 64), (0, 16), None), Err(ScaleError::Range(0, 16))));
    }

    mod random {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(48))]
            /// Any sizes and ratios: no panic, right shapes, samples in range; a constant stays
            /// constant.
            #[test]
            fn random_sizes_and_ratios(iw in 1usize..60, ih in 1usize..40, ow in 1usize..80, oh in 1usize..50,
                                       taps in proptest::sample::select(vec![None, Some(4), Some(6), Some(8), Some(12)]),
                                       depth in 8u32..=16, c in 0u64..3, seed in any::<u64>()) {
                let chroma = ChromaFormat::from_index(c).unwrap();
                let (sx, sy) = chroma.shifts();
                let (iw, ih, ow, oh) = (iw << sx, ih << sy, ow << sx, oh << sy);
                let p = random_picture(iw, ih, chroma, depth, seed);
                let s = Scaler::new(chroma, (iw, ih), (ow, oh), taps).unwrap();
                let out = s.scale(&p).unwrap();
                prop_assert_eq!((out.planes[0].width, out.planes[0].height), (ow, oh));
                prop_assert_eq!(out.chroma_format(), Some(chroma));
                let max = (1u32 << depth) - 1;
                prop_assert!(out.planes.iter().all(|pl| pl.data.iter().all(|&v| (v as u32) <= max)));
                let mut flat = p.clone();
                for pl in flat.planes.iter_mut() { pl.data.iter_mut().for_each(|v| *v = (max / 3) as u16); }
                let fo = s.scale(&flat).unwrap();
                prop_assert!(fo.planes.iter().all(|pl| pl.data.iter().all(|&v| v as u32 == max / 3)));
            }
        }
    }
}
