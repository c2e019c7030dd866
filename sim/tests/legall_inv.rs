//! The Verilated LeGall 5/3 and Haar inverse 2-D transform against the model's `idwt`:
//! random coefficients at full scale (any value the band lanes carry, not only those of a
//! real picture) and the bands of random pictures, of random sizes, wavelets (any vertical
//! `wavelet_index` and horizontal `wavelet_index_ho` of 1, 3, 4) and
//! depths (1–4; run-time registers of one build), under random idle clocks on each level's
//! band stream and back-pressure on the picture stream, several pictures back to back; a
//! natural picture; full-scale extremes; protocol errors; and rust-hdl's simulator on small
//! pictures.

use proptest::prelude::*;
use uhdpipe_model::wavelet::{dwt, idwt, new_bands, Band, TransformParams};
use uhdpipe_sim::legall_fwd::width_unit;
use uhdpipe_sim::legall_inv::{
    assemble, band_streams, check_numbered, drive, number_picture, with_broken_copies, Drive, HdlLegallInv, HdlLegallInv1, HdlLegallInv16, InvBuild, LegallInv, LegallInv1, LegallInv16,
    Streams, BAND_BITS, STREAMS,
};
#[cfg(feature = "legall-wide")]
use uhdpipe_sim::legall_inv::{LegallInv4, LegallInv8};
use uhdpipe_sim::pictures::{natural, noise};

/// The (vertical `wavelet_index`, horizontal `wavelet_index_ho`) pairs the block implements:
/// any two of VC-2's 1, 3 and 4.
const PAIRS: [(u8, u8); 9] = [(1, 1), (3, 3), (4, 4), (1, 3), (1, 4), (3, 1), (3, 4), (4, 1), (4, 3)];

fn params(depth: usize, wv: (u8, u8)) -> TransformParams {
    TransformParams { wavelet_index: wv.0 as usize, wavelet_index_ho: wv.1 as usize, dwt_depth: depth, dwt_depth_ho: 0 }
}

/// One picture's coefficients in the model's (bitstream) order: LL, then HL, LH, HH from the
/// deepest level to level 1.
type Coefs = Vec<Vec<i64>>;

/// The model's synthesis of `c`.
fn model(c: &Coefs, width: usize, height: usize, depth: usize, wv: (u8, u8)) -> Vec<i64> {
    let t = params(depth, wv);
    let mut bands: Vec<Band<i64>> = new_bands(&t, width, height);
    for (b, d) in bands.iter_mut().zip(c) {
        assert_eq!(b.data.len(), d.len());
        b.data.clone_from(d);
    }
    idwt(&t, bands).data
}

/// The model's analysis of a picture.
fn analyse(pic: &[i64], width: usize, height: usize, depth: usize, wv: (u8, u8)) -> Coefs {
    dwt(&params(depth, wv), Band { width, height, data: pic.to_vec() }).into_iter().map(|b| b.data).collect()
}

/// The band streams of `c` (levels 1..=depth; deeper levels and the horizontal-only one
/// empty), numbered `pic`. Lane a of the L rows of every level above the deepest carries
/// `junk` (the block must ignore it).
fn streams(c: &Coefs, width: usize, height: usize, depth: usize, junk: i64, pic: u8, lanes: [usize; STREAMS]) -> Streams {
    let mut st = band_streams(c, width, height, depth, 0, lanes, |k, i| junk.wrapping_mul(i as i64 + 1) % (1 << (BAND_BITS[k] - 1)));
    number_picture(&mut st, pic);
    st
}

/// Runs `pics` back to back and checks every output picture against the model.
fn check<D: InvBuild>(dut: &mut D, pics: &[Coefs], width: usize, height: usize, depth: usize, d: Drive) -> Result<(), TestCaseError> {
    let mut input: Streams = Default::default();
    for (i, c) in pics.iter().enumerate() {
        for (k, s) in streams(c, width, height, depth, 977 + i as i64, i as u8, D::LANES).into_iter().enumerate() {
            input[k].extend(s);
        }
    }
    let d = Drive { pairs: D::cfg_pairs(width), rows: height as u16, depth: depth as u8, ..d };
    let out = drive(dut, &input, d);
    prop_assert_eq!(out.err_line, 0, "well-formed pictures raised err_line");
    prop_assert_eq!(out.err_pic, 0, "well-formed pictures raised err_pic");
    let got = assemble(&out.out, width, height, D::LANES[0]).map_err(TestCaseError::fail)?;
    prop_assert_eq!(got.len(), pics.len(), "pictures out");
    let tags: Vec<u8> = out.out.iter().filter(|b| b.sop).map(|b| b.tag).collect();
    prop_assert_eq!(tags, (0..pics.len() as u8).map(|i| i & 15).collect::<Vec<_>>(), "picture numbers out");
    for (i, (g, c)) in got.iter().zip(pics).enumerate() {
        let want = model(c, width, height, depth, (d.wavelet, d.wavelet_ho));
        if let Some(at) = g.iter().zip(&want).position(|(a, b)| a != b) {
            return Err(TestCaseError::fail(format!(
                "picture {i} differs from the model at sample ({}, {}): {} != {} ({width}x{height} depth {depth}, wavelets {} / {})",
                at % width,
                at / width,
                g[at],
                want[at],
                d.wavelet,
                d.wavelet_ho
            )));
        }
    }
    Ok(())
}

/// The Verilated builds: 1, 2, 4, 8 and 16 samples per clock.
#[derive(Debug, Clone, Copy)]
enum Build {
    Ppc1,
    Ppc2,
    #[cfg(feature = "legall-wide")]
    Ppc4,
    #[cfg(feature = "legall-wide")]
    Ppc8,
    Ppc16,
}

/// The builds this test run has: 4 and 8 samples per clock only with the `legall-wide`
/// feature (`all-builds` has it: `ci/rtl-full.sh`).
const BUILDS: &[Build] = &[
    Build::Ppc1,
    Build::Ppc2,
    #[cfg(feature = "legall-wide")]
    Build::Ppc4,
    #[cfg(feature = "legall-wide")]
    Build::Ppc8,
    Build::Ppc16,
];

impl Build {
    /// Each level's pair lanes.
    fn lanes(self) -> [usize; STREAMS] {
        match self {
            Build::Ppc1 => LegallInv1::LANES,
            Build::Ppc2 => LegallInv::LANES,
            #[cfg(feature = "legall-wide")]
            Build::Ppc4 => LegallInv4::LANES,
            #[cfg(feature = "legall-wide")]
            Build::Ppc8 => LegallInv8::LANES,
            Build::Ppc16 => LegallInv16::LANES,
        }
    }

    /// The width every picture at `depth` is a multiple of: `2^depth` and a whole beat.
    fn unit(self, depth: usize) -> usize {
        width_unit(&self.lanes(), depth, 0)
    }

    /// [`check`] on a fresh instance of this build.
    fn check(self, pics: &[Coefs], width: usize, height: usize, depth: usize, d: Drive) -> Result<(), TestCaseError> {
        match self {
            Build::Ppc1 => check(&mut LegallInv1::new(), pics, width, height, depth, d),
            Build::Ppc2 => check(&mut LegallInv::new(), pics, width, height, depth, d),
            #[cfg(feature = "legall-wide")]
            Build::Ppc4 => check(&mut LegallInv4::new(), pics, width, height, depth, d),
            #[cfg(feature = "legall-wide")]
            Build::Ppc8 => check(&mut LegallInv8::new(), pics, width, height, depth, d),
            Build::Ppc16 => check(&mut LegallInv16::new(), pics, width, height, depth, d),
        }
    }
}

fn bench(wv: (u8, u8), idle: u32, stall: u32, seed: u64) -> Drive {
    Drive { pairs: 0, rows: 0, depth: 0, depth_ho: 0, wavelet: wv.0, wavelet_ho: wv.1, idle, stall, seed }
}

/// The 0-based level of band `i` (bitstream order) of a depth-`depth` transform.
fn level_of(i: usize, depth: usize) -> usize {
    if i == 0 {
        depth - 1
    } else {
        depth - 1 - (i - 1) / 3
    }
}

/// Random coefficients filling each level's band lanes (any value they carry).
fn random_coefs(width: usize, height: usize, depth: usize, seed: u64) -> Coefs {
    let t = params(depth, (1, 1));
    let shapes: Vec<Band<i64>> = new_bands(&t, width, height);
    shapes
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let bits = BAND_BITS[level_of(i, depth)];
            let half = 1i64 << (bits - 1);
            (0..b.data.len()).map(|j| noise(j as u64 + 1000 * i as u64, seed) % (2 * half) - half).collect()
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, .. ProptestConfig::default() })]
    #[test]
    fn matches_the_model_under_back_pressure(
        build in proptest::sample::select(BUILDS.to_vec()),
        depth in 1usize..=4,
        wu in 1usize..=6,
        hu in 1usize..=8,
        n in 1usize..=3,
        from_picture in any::<bool>(),
        bits in 2u32..=12,
        wavelet in proptest::sample::select(PAIRS.to_vec()),
        idle in 0u32..600,
        stall in 0u32..600,
        seed in any::<u64>(),
    ) {
        let (width, height) = (wu * build.unit(depth), hu << depth);
        let pics: Vec<Coefs> = (0..n as u64)
            .map(|p| {
                if from_picture {
                    let half = 1i64 << (bits - 1);
                    let pic: Vec<i64> = (0..width * height).map(|i| noise(i as u64, seed ^ p) % (2 * half) - half).collect();
                    analyse(&pic, width, height, depth, wavelet)
                } else {
                    random_coefs(width, height, depth, seed ^ p)
                }
            })
            .collect();
        build.check(&pics, width, height, depth, bench(wavelet, idle, stall, seed))?;
    }
}

/// The bands of a picture come back as the picture (the forward transform's output, through
/// the model's `dwt`): a round trip, for each wavelet and depth.
#[test]
fn round_trip_gives_the_picture_back() {
    let (w, h) = (256, 128);
    let pic = natural(w, h);
    for &build in BUILDS {
        for wavelet in PAIRS {
            for depth in 1..=4 {
                let c = analyse(&pic, w, h, depth, wavelet);
                let d = Drive { rows: h as u16, depth: depth as u8, ..bench(wavelet, 100, 100, 7) };
                build.check(&[c], w, h, depth, d).unwrap_or_else(|e| panic!("{build:?} wavelets {wavelet:?} depth {depth}: {e}"));
            }
        }
    }
}

/// rust-hdl's own simulator agrees on small pictures (it is ~1000× slower than Verilator),
/// at 1, 2 and 16 samples per clock.
#[test]
fn rust_hdl_simulator_agrees() {
    fn agree<V: InvBuild, H: InvBuild>(v: impl Fn() -> V, hdl: impl Fn() -> H, w: usize) {
        for (depth, wavelet) in [(1, (1, 1)), (2, (4, 4)), (2, (3, 1)), (4, (1, 3))] {
            let h = 8.max(1 << depth);
            let c = random_coefs(w, h, depth, 11);
            let input = streams(&c, w, h, depth, 3, 0, V::LANES);
            let d = Drive { pairs: V::cfg_pairs(w), rows: h as u16, depth: depth as u8, ..bench(wavelet, 200, 200, 3) };
            let verilated = drive(&mut v(), &input, d);
            let sim = drive(&mut hdl(), &input, d);
            assert_eq!(sim, verilated, "{:?} lanes, depth {depth} wavelets {wavelet:?}: rust-hdl's simulator disagrees with Verilator", V::LANES);
            assert_eq!(assemble(&verilated.out, w, h, V::LANES[0]).unwrap(), vec![model(&c, w, h, depth, wavelet)]);
        }
    }
    agree(LegallInv1::new, HdlLegallInv1::new, 16);
    agree(LegallInv::new, HdlLegallInv::new, 16);
    agree(LegallInv16::new, HdlLegallInv16::new, 32);
}

/// Which coefficients of band `b` at `(x, y)` take the maximum (the others the minimum).
type Pattern = Box<dyn Fn(usize, usize, usize) -> bool>;

/// Full-scale coefficients in patterns that drive the synthesis to its extremes (every band
/// at ±its maximum, in checkerboards, stripes and blocks, and the DC at the maximum with the
/// detail bands against it) at depth 4 stay exact: the datapath widths hold the worst case.
#[test]
fn extremes_are_exact() {
    let (w, h, depth) = (64usize, 32usize, 4usize);
    let t = params(depth, (1, 1));
    let shapes: Vec<Band<i64>> = new_bands(&t, w, h);
    let pats: Vec<Pattern> = vec![
        Box::new(|_, _, _| true),
        Box::new(|x, y, _| (x + y) % 2 == 0),
        Box::new(|x, _, b| (x + b) % 2 == 0),
        Box::new(|_, y, b| (y + b) % 2 == 1),
        Box::new(|x, y, b| (x / 2 + y / 2 + b) % 2 == 0),
        Box::new(|_, _, b| b % 2 == 0),
        Box::new(|_, _, b| b == 0 || b % 3 == 1),
    ];
    let mut pics = Vec::new();
    for p in &pats {
        for sign in [1i64, -1] {
            let c: Coefs = shapes
                .iter()
                .enumerate()
                .map(|(i, b)| {
                    let max = (1i64 << (BAND_BITS[level_of(i, depth)] - 1)) - 1;
                    (0..b.data.len()).map(|j| if p(j % b.width, j / b.width, i) { sign * max } else { -sign * max - 1 }).collect()
                })
                .collect();
            pics.push(c);
        }
    }
    for &build in BUILDS {
        for wavelet in PAIRS {
            build.check(&pics, w, h, depth, bench(wavelet, 0, 0, 1)).unwrap();
        }
    }
}

/// Broken band streams raise `err_pic`/`err_line` and the next picture comes out exact,
/// with its number: a short row on level 1's stream, a level-2 picture cut short by the next
/// one's start, a missing start of picture on level 1, a level-2 picture cut after its first
/// row pair (dropped there before any of its rows left: the join above must drop level 1's
/// bands of it by their number), and pictures missing altogether from level 2's and from
/// level 1's stream. Each broken copy is followed by a good one; every copy has its own
/// number.
#[test]
fn protocol_errors_resynchronise() {
    resynchronises(&mut LegallInv1::new());
    resynchronises(&mut LegallInv::new());
    resynchronises(&mut LegallInv16::new());
}

fn resynchronises<D: InvBuild>(dut: &mut D) {
    let [p1, p2, _, _, _] = D::LANES;
    let (w, h, depth) = (32 * p1, 16usize, 2usize);
    let good: Vec<Coefs> = (0..7).map(|k| random_coefs(w, h, depth, 100 + k)).collect();
    // beats per band row of levels 1 and 2
    let (n1, n2) = (w / 2 / p1, w / 4 / p2);
    let (input, numbers) = with_broken_copies(
        good.len(),
        |k, n| streams(&good[k], w, h, depth, 1, n, D::LANES),
        |k, p| {
            match k {
                1 => drop(p[0].drain(3 * n1 + 2..3 * n1 + 4)),
                2 => p[1].truncate(3 * n2),
                3 => p[0][0].sop = false,
                4 => p[1].truncate(2 * n2),
                5 => p[1].clear(),
                6 => p[0].clear(),
                _ => return false,
            }
            true
        },
    );
    let d = Drive { pairs: n1 as u16, rows: h as u16, depth: depth as u8, depth_ho: 0, wavelet: 1, wavelet_ho: 1, idle: 50, stall: 50, seed: 5 };
    let out = drive(dut, &input, d);
    assert!(out.err_pic >= 6, "err_pic pulses: {}", out.err_pic);
    // Every good picture must appear complete, exact, once, with its number.
    let want: Vec<(u8, Vec<i64>)> = good.iter().zip(numbers).map(|(c, n)| (n, model(c, w, h, depth, (1, 1)))).collect();
    check_numbered(&out.out, w, h, p1, &want).unwrap();
}

/// Clocks per picture in a back-to-back stream (two pictures' clocks minus one's), every
/// band stream offered whenever the block takes it and the picture always taken.
fn period<D: InvBuild>(make: impl Fn() -> D, w: usize, h: usize, depth: usize) -> u64 {
    let c = random_coefs(w, h, depth, 9);
    let run = |pictures: usize| {
        let one = streams(&c, w, h, depth, 1, 0, D::LANES);
        let input: Streams = std::array::from_fn(|k| (0..pictures).flat_map(|_| one[k].iter().copied()).collect());
        let d = Drive { pairs: D::cfg_pairs(w), rows: h as u16, depth: depth as u8, ..bench((1, 1), 0, 0, 1) };
        let out = drive(&mut make(), &input, d);
        assert_eq!(assemble(&out.out, w, h, D::LANES[0]).unwrap().len(), pictures);
        out.cycles
    };
    run(2) - run(1)
}

/// The block sustains its rate: a picture in a back-to-back stream costs exactly
/// `beats · (H + 2)` clocks at 2–16 samples per clock (`beats` = W / ppc per row; level 1's
/// two flush rows) and `W · (H + 1) − 10` at 1 (the gearbox takes one pair per two clocks;
/// the flush rows cost `W` clocks, less the ten the core's output stages, filled ahead of
/// the gearbox, save) — for every depth.
#[test]
fn sustains_one_beat_per_clock() {
    fn at<D: InvBuild>(make: impl Fn() -> D) {
        for (w, h) in [(256, 64), (512, 48)] {
            for depth in 1..=4 {
                let beats = (w / D::PPC) as u64;
                let want = if D::PPC == 1 { beats * (h as u64 + 1) - 10 } else { beats * (h as u64 + 2) };
                assert_eq!(period(&make, w, h, depth), want, "{} samples per clock, {w}x{h} depth {depth}", D::PPC);
            }
        }
    }
    at(LegallInv1::new);
    at(LegallInv::new);
    #[cfg(feature = "legall-wide")]
    at(LegallInv4::new);
    #[cfg(feature = "legall-wide")]
    at(LegallInv8::new);
    at(LegallInv16::new);
}
