//! The Verilated LeGall 5/3 and Haar forward 2-D transform at 1, 2, 4, 8 and 16 samples per
//! clock against the model's `dwt`: random pictures of random sizes, bit depths, wavelets
//! (1, 3, 4) and depths (1–4; both run-time registers of one build), with or without a
//! horizontal-only level (`cfg_wavelet_ho` drawn independently), under random idle input and
//! per-level output back-pressure, several pictures back to back; a natural picture;
//! full-scale extremes; protocol errors; throughput; and rust-hdl's simulator on small
//! pictures.

use proptest::prelude::*;
use uhdpipe_sim::legall_fwd::{
    assemble, assemble_level, cfg_pairs, check_run, drive, model_bands, picture_beats, Bands, Drive, FwdBuild, HdlLegallFwd, HdlLegallFwd1, HdlLegallFwd16, InBeat, LegallFwd, LegallFwd1, LegallFwd16,
    LevelBands, OutBeat, Outcome, width_unit,
};
#[cfg(feature = "legall-wide")]
use uhdpipe_sim::legall_fwd::{HdlLegallFwd4, LegallFwd4, LegallFwd8};
use uhdpipe_sim::pictures::{full_scale, natural, noise};

/// The model's bands of a picture (samples already signed).
fn model(samples: &[i64], width: usize, height: usize, depth: usize, d: &Drive) -> Bands {
    model_bands(samples, width, height, depth, d)
}

/// Runs `pics` (`width` × `height`) through `dut` back to back at `depth` with the idle,
/// stall and seed of `d` (its registers are set here) and checks every band of every picture.
fn check<D: FwdBuild>(dut: &mut D, pics: &[Vec<i64>], width: usize, height: usize, depth: usize, d: Drive) -> Result<Outcome, TestCaseError> {
    let input: Vec<InBeat> = pics.iter().flat_map(|p| picture_beats(p, width, height, D::PPC)).collect();
    let d = Drive { pairs: cfg_pairs(width, D::PPC), rows: height as u16, depth: depth as u8, ..d };
    let out = drive(dut, &input, d);
    check_run(&out, pics, width, height, depth, &d).map_err(TestCaseError::fail)?;
    Ok(out)
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
    fn lanes(self) -> [usize; 4] {
        match self {
            Build::Ppc1 => LegallFwd1::LANES,
            Build::Ppc2 => LegallFwd::LANES,
            #[cfg(feature = "legall-wide")]
            Build::Ppc4 => LegallFwd4::LANES,
            #[cfg(feature = "legall-wide")]
            Build::Ppc8 => LegallFwd8::LANES,
            Build::Ppc16 => LegallFwd16::LANES,
        }
    }

    /// The width every picture at `depth` (with `ho` horizontal-only levels) is a multiple
    /// of: `2^depth`, a whole beat, and with `ho` whole beats of the horizontal-only level.
    fn unit(self, depth: usize, ho: usize) -> usize {
        width_unit(&self.lanes(), depth, ho)
    }

    /// [`check`] on a fresh instance of this build.
    fn check(self, pics: &[Vec<i64>], width: usize, height: usize, depth: usize, d: Drive) -> Result<Outcome, TestCaseError> {
        match self {
            Build::Ppc1 => check(&mut LegallFwd1::new(), pics, width, height, depth, d),
            Build::Ppc2 => check(&mut LegallFwd::new(), pics, width, height, depth, d),
            #[cfg(feature = "legall-wide")]
            Build::Ppc4 => check(&mut LegallFwd4::new(), pics, width, height, depth, d),
            #[cfg(feature = "legall-wide")]
            Build::Ppc8 => check(&mut LegallFwd8::new(), pics, width, height, depth, d),
            Build::Ppc16 => check(&mut LegallFwd16::new(), pics, width, height, depth, d),
        }
    }
}

/// Testbench behaviour and the wavelets (the size registers are filled in by [`check`]).
fn bench(wavelet: u8, depth_ho: u8, wavelet_ho: u8, idle: u32, stall: u32, seed: u64) -> Drive {
    Drive { pairs: 0, rows: 0, depth: 0, wavelet, depth_ho, wavelet_ho, idle, stall, seed, setup: 0 }
}

/// The wavelets the block implements (VC-2 indices).
const WAVELETS: [u8; 3] = [1, 3, 4];

/// A random picture of `bits`-bit samples offset to signed.
fn picture(width: usize, height: usize, bits: u32) -> impl Strategy<Value = Vec<i64>> {
    let half = 1i64 << (bits - 1);
    proptest::collection::vec(-half..half, width * height)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, .. ProptestConfig::default() })]
    #[test]
    fn matches_the_model_under_back_pressure(
        (build, depth, ho, width, height, pics) in (proptest::sample::select(BUILDS.to_vec()), 1usize..=4, 0usize..=1, 1usize..=6, 1usize..=8, 2u32..=12, 1usize..=3).prop_flat_map(|(build, depth, ho, wu, hu, bits, n)| {
            let (w, h) = (wu * build.unit(depth, ho), hu << depth);
            (Just(build), Just(depth), Just(ho as u8), Just(w), Just(h), proptest::collection::vec(picture(w, h, bits), n))
        }),
        wavelet in proptest::sample::select(WAVELETS.to_vec()),
        wavelet_ho in proptest::sample::select(WAVELETS.to_vec()),
        idle in 0u32..600,
        stall in 0u32..600,
        seed in any::<u64>(),
    ) {
        build.check(&pics, width, height, depth, bench(wavelet, ho, wavelet_ho, idle, stall, seed))?;
    }
}

/// rust-hdl's own simulator agrees with Verilator beat for beat on small pictures (it is
/// ~1000× slower), at 1, 2, 4 and 16 samples per clock, depths 1, 2 and 4.
#[test]
fn rust_hdl_simulator_agrees() {
    fn agree<V: FwdBuild, H: FwdBuild>(v: impl Fn() -> V, hdl: impl Fn() -> H, w: usize) {
        let ppc = V::PPC;
        for (depth, wavelet, depth_ho, wavelet_ho) in [(1, 1, 0, 1), (2, 1, 0, 1), (2, 3, 0, 3), (1, 4, 1, 4), (2, 1, 1, 3), (4, 1, 0, 4)] {
            let h = 8.max(1 << depth);
            let pic: Vec<i64> = (0..w * h).map(|i| noise(i as u64, 1) % 4096 - 2048).collect();
            let d = Drive { pairs: cfg_pairs(w, ppc), rows: h as u16, depth, wavelet, depth_ho, wavelet_ho, idle: 200, stall: 200, seed: 3, setup: 0 };
            let verilated = drive(&mut v(), &picture_beats(&pic, w, h, ppc), d);
            let sim = drive(&mut hdl(), &picture_beats(&pic, w, h, ppc), d);
            assert_eq!(sim, verilated, "{ppc} samples per clock, depth {depth} wavelet {wavelet}: rust-hdl's simulator disagrees with Verilator");
            let got = assemble(&verilated, w, h, depth as usize, depth_ho as usize).unwrap();
            assert_eq!(got, vec![model(&pic, w, h, depth as usize, &d)]);
        }
    }
    agree(LegallFwd1::new, HdlLegallFwd1::new, 16);
    agree(LegallFwd::new, HdlLegallFwd::new, 16);
    #[cfg(feature = "legall-wide")]
    agree(LegallFwd4::new, HdlLegallFwd4::new, 16);
    agree(LegallFwd16::new, HdlLegallFwd16::new, 32);
}

/// Full-scale 12-bit patterns (checkerboards, steps, stripes) at depth 4, with and without
/// the horizontal-only level, stay exact: the datapath widths hold the worst case.
#[test]
fn extremes_are_exact() {
    let (w, h) = (128, 32);
    let pats: [&dyn Fn(usize, usize) -> bool; 6] =
        [&|x, y| (x + y) % 2 == 0, &|x, _| x < 32, &|_, y| y % 2 == 0, &|x, y| (x / 2 + y / 2) % 2 == 0, &|x, y| (x / 4 + y / 4) % 2 == 1, &|x, y| (x / 8 + y / 8) % 2 == 1];
    let pics = full_scale(w, h, &pats);
    for &build in BUILDS {
        for wavelet in WAVELETS {
            build.check(&pics, w, h, 4, bench(wavelet, 0, wavelet, 0, 0, 1)).unwrap();
        }
        // asymmetric: the horizontal passes' wavelet differs from the vertical ones'
        for (wavelet, wavelet_ho) in [(1, 3), (3, 4), (4, 1)] {
            build.check(&pics, w, h, 4, bench(wavelet, 1, wavelet_ho, 0, 0, 1)).unwrap();
        }
    }
}

/// A natural picture (the luma of the kingswood corpus image, 8-bit, cropped to 256×128)
/// through depths 3 and 4 at every width, checked against the model.
#[test]
fn natural_picture_is_exact() {
    let pic = natural(256, 128);
    for &build in BUILDS {
        for wavelet in WAVELETS {
            for depth in [3, 4] {
                build.check(std::slice::from_ref(&pic), 256, 128, depth, bench(wavelet, (wavelet == 1) as u8, if wavelet == 1 { 4 } else { wavelet }, 100, 100, 7)).unwrap();
            }
        }
    }
}

/// Every build sustains one beat per clock: with the outputs always ready, a picture in a
/// back-to-back stream costs `beats · (H + 2)` clocks (level 1's two flush rows), and the
/// deeper levels (and the horizontal-only level) never slow level 1 down, at depth 3 and 4. At one sample
/// per clock the transform's flush rows (`W` clocks) hold the input back, less the four
/// samples the gearbox's pair register and queue absorb: `W · (H + 1) − 4` clocks.
#[test]
fn sustains_one_beat_per_clock() {
    let (w, h) = (256, 64);
    let pic = natural(w, h);
    for &build in BUILDS {
        let want = match build {
            Build::Ppc1 => (w * (h + 1) - 4) as u64,
            _ => (w / (2 * build.lanes()[0]) * (h + 2)) as u64,
        };
        for (depth, ho) in [(3, 0), (3, 1), (4, 0), (4, 1)] {
            let one = build.check(std::slice::from_ref(&pic), w, h, depth, bench(1, ho, 1, 0, 0, 1)).unwrap();
            let two = build.check(&[pic.clone(), pic.clone()], w, h, depth, bench(1, ho, 1, 0, 0, 1)).unwrap();
            let period = two.cycles - one.cycles;
            assert_eq!(period, want, "{build:?} at depth {depth} with {ho} horizontal-only level: clocks per picture");
        }
    }
}

/// Broken pictures raise `err_pic`/`err_line` and the next picture comes out exact, at 1, 2
/// and 16 samples per clock.
#[test]
fn protocol_errors_resynchronise() {
    resynchronises(&mut LegallFwd1::new(), 32);
    resynchronises(&mut LegallFwd::new(), 32);
    resynchronises(&mut LegallFwd16::new(), 128);
}

fn resynchronises<D: FwdBuild>(dut: &mut D, w: usize) {
    let (h, depth) = (16usize, 2usize);
    let good: Vec<Vec<i64>> = (0..4).map(|k| (0..w * h).map(|i| noise(i as u64, k) % 2048 - 1024).collect()).collect();
    let beats = |p: &Vec<i64>| picture_beats(p, w, h, D::PPC);
    let n = w / D::PPC;
    let mut stream: Vec<InBeat> = beats(&good[0]);
    // A picture cut after 5 rows by the next picture's start.
    stream.extend(beats(&good[1]).into_iter().take(5 * n));
    stream.extend(beats(&good[1]));
    // A picture without its start-of-picture marker.
    let mut no_sop = beats(&good[2]);
    no_sop[0].sop = false;
    stream.extend(no_sop);
    stream.extend(beats(&good[2]));
    // A picture with a short line (row 3 loses its last two pairs).
    let mut short = beats(&good[3]);
    short.drain(3 * n + n - 3..3 * n + n - 1);
    stream.extend(short);
    stream.extend(beats(&good[3]));
    let out = drive(dut, &stream, Drive { pairs: cfg_pairs(w, D::PPC), rows: h as u16, depth: depth as u8, wavelet: 1, depth_ho: 0, wavelet_ho: 1, idle: 50, stall: 50, seed: 5, setup: 0 });
    assert!(out.err_pic >= 2, "err_pic pulses: {}", out.err_pic);
    assert!(out.err_line >= 1, "err_line pulses: {}", out.err_line);
    // Every well-formed picture comes out exact at every level, whatever the broken ones
    // left behind: split each level's stream at sop and keep the complete pictures.
    for k in 0..depth {
        let mut segments: Vec<Vec<OutBeat>> = Vec::new();
        for b in &out.levels[k] {
            if b.sop || segments.is_empty() {
                segments.push(Vec::new());
            }
            segments.last_mut().unwrap().push(*b);
        }
        let complete: Vec<LevelBands> = segments.iter().filter_map(|s| assemble_level(s, k, w, h, D::LANES[k]).ok()).flatten().collect();
        for (i, g) in good.iter().enumerate() {
            let want = model(g, w, h, depth, &bench(1, 0, 1, 0, 0, 0));
            // Level k's HL, LH, HH in the model's order: index 1 + 3·(depth − 1 − k).
            let base = 1 + 3 * (depth - 1 - k);
            assert!(complete.iter().any(|c| c[1..] == want[base..base + 3]), "level {}: good picture {i} is missing or wrong after a protocol error", k + 1);
        }
    }
}
