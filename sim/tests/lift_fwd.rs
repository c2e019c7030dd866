//! The Verilated every-wavelet forward 2-D transform (`lift_fwd`, `lift_fwd1` at one
//! sample per clock, `lift_fwd16` at 16, and with the `lift-fwd-wide` feature `lift_fwd4`
//! and `lift_fwd8`) against the model's `dwt`:
//! random pictures of random sizes and bit depths, every vertical and horizontal wavelet
//! pair (drawn independently from 0..=6), depths 1–4, with or without a horizontal-only
//! level, under random idle input and per-level output back-pressure, several pictures back
//! to back; full-scale extremes; a natural picture; throughput.
//!
//! Only with the `lift-fwd` feature (or `all-builds`: `ci/rtl-full.sh`): Verilating these
//! blocks takes ~7 minutes each on 2 cores.
#![cfg(feature = "lift-fwd")]

use proptest::prelude::*;
use uhdpipe_rtl::blocks::lift_v::flush_rows;
use uhdpipe_sim::legall_fwd::{cfg_pairs, check_run, drive, picture_beats, width_unit, Drive, FwdBuild, InBeat};
use uhdpipe_sim::lift_fwd::{LiftFwd, LiftFwd1, LiftFwd16, SETUP_CLOCKS};
#[cfg(feature = "lift-fwd-wide")]
use uhdpipe_sim::lift_fwd::{LiftFwd4, LiftFwd8};
use uhdpipe_sim::pictures::{full_scale, natural};

/// Runs `pics` (`width` × `height`) through `dut` back to back at `depth` with the
/// wavelets, idle, stall and seed of `d` and checks every band of every picture.
fn check_on<D: FwdBuild>(dut: &mut D, pics: &[Vec<i64>], width: usize, height: usize, depth: usize, d: Drive) -> Result<u64, TestCaseError> {
    let input: Vec<InBeat> = pics.iter().flat_map(|p| picture_beats(p, width, height, D::PPC)).collect();
    let d = Drive { pairs: cfg_pairs(width, D::PPC), rows: height as u16, depth: depth as u8, setup: SETUP_CLOCKS, ..d };
    let out = drive(dut, &input, d);
    check_run(&out, pics, width, height, depth, &d).map_err(TestCaseError::fail)?;
    Ok(out.cycles)
}

/// [`check_on`] a fresh two-samples-per-clock block.
fn check(pics: &[Vec<i64>], width: usize, height: usize, depth: usize, d: Drive) -> Result<u64, TestCaseError> {
    check_on(&mut LiftFwd::new(), pics, width, height, depth, d)
}

fn bench(wavelet: u8, depth_ho: u8, wavelet_ho: u8, idle: u32, stall: u32, seed: u64) -> Drive {
    Drive { pairs: 0, rows: 0, depth: 0, wavelet, depth_ho, wavelet_ho, idle, stall, seed, setup: SETUP_CLOCKS }
}

/// A random picture of `bits`-bit samples offset to signed.
fn picture(width: usize, height: usize, bits: u32) -> impl Strategy<Value = Vec<i64>> {
    let half = 1i64 << (bits - 1);
    proptest::collection::vec(-half..half, width * height)
}

/// A random case with rows and columns of 1..=`units` units of the transform's size: depth
/// 1–4, 0–1 horizontal-only level, the size, 1–2 random pictures of 2–12-bit samples, and a
/// drive with random wavelets (vertical and horizontal drawn independently), idle input and
/// back-pressure.
fn case(units: usize) -> impl Strategy<Value = (usize, usize, usize, Vec<Vec<i64>>, Drive)> {
    case_in(units, units, |depth, ho| 1 << (depth + ho))
}

/// [`case`] with rows of 1..=`units` units of `unit(depth, ho)` columns and 1..=`rows`
/// units of `2^depth` rows.
fn case_in(units: usize, rows: usize, unit: fn(usize, usize) -> usize) -> impl Strategy<Value = (usize, usize, usize, Vec<Vec<i64>>, Drive)> {
    (1usize..=4, 0u8..=1, 1..=units, 1..=rows, 2u32..=12, 1usize..=2, 0u8..7, 0u8..7, 0u32..600, 0u32..600, any::<u64>()).prop_flat_map(move |(depth, ho, wu, hu, bits, n, wavelet, wavelet_ho, idle, stall, seed)| {
        let (w, h) = (wu * unit(depth, ho as usize), hu << depth);
        (Just(depth), Just(w), Just(h), proptest::collection::vec(picture(w, h, bits), n), Just(bench(wavelet, ho, wavelet_ho, idle, stall, seed)))
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, .. ProptestConfig::default() })]
    #[test]
    fn matches_the_model_under_back_pressure((depth, width, height, pics, d) in case(6)) {
        check(&pics, width, height, depth, d)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, .. ProptestConfig::default() })]
    /// The one-sample-per-clock build (the gearbox in front) on the same kind of pictures.
    #[test]
    fn one_sample_per_clock_matches_the_model((depth, width, height, pics, d) in case(4)) {
        check_on(&mut LiftFwd1::new(), &pics, width, height, depth, d)?;
    }
}

/// Full-scale 12-bit pictures (`w` × `h`), each pattern with both polarities: a
/// checkerboard, a vertical step at column `step`, a checkerboard of 2×2 squares and one of
/// `block`-wide, 4-high blocks — the shapes that drive each wavelet's lifting to its bounds.
fn extreme_pictures(w: usize, h: usize, step: usize, block: usize) -> Vec<Vec<i64>> {
    full_scale(w, h, &[&|x, y| (x + y) % 2 == 0, &|x, _| x < step, &|x, y| (x / 2 + y / 2) % 2 == 0, &|x, y| (x / block + y / 4) % 2 == 1])
}

/// Full-scale 12-bit patterns (checkerboards, steps, stripes) at depth 4 with a
/// horizontal-only level stay exact for every wavelet: the widths hold the worst case.
#[test]
fn extremes_are_exact_for_every_wavelet() {
    let (w, h) = (32, 16);
    let pics = extreme_pictures(w, h, 16, 4);
    for wavelet in 0..7u8 {
        check(&pics, w, h, 4, bench(wavelet, 1, wavelet, 0, 0, 1)).unwrap();
    }
}

/// A natural picture (the luma of the kingswood corpus image, cropped to 128×64) through
/// depths 3 and 4, every wavelet, checked against the model.
#[test]
fn natural_picture_is_exact() {
    let pic = natural(128, 64);
    for depth in [3, 4] {
        for wavelet in 0..7u8 {
            check(std::slice::from_ref(&pic), 128, 64, depth, bench(wavelet, 0, (wavelet + 3) % 7, 100, 100, 7)).unwrap();
        }
    }
}

/// Back-to-back pictures with no idle or stall: level 1 takes a pair per clock, and each
/// picture costs its vertical flush rows on top.
#[test]
fn throughput() {
    let (w, h) = (256usize, 64usize);
    let pics: Vec<Vec<i64>> = (0..3).map(|k| (0..w * h).map(|i| ((i * 7 + k * 13) % 1024) as i64 - 512).collect()).collect();
    for wavelet in 0..7u8 {
        let cycles = check(&pics, w, h, 3, bench(wavelet, 0, wavelet, 0, 0, 1)).unwrap();
        let beats = 3 * w / 2 * h;
        let nominal = 3 * w / 2 * (h + flush_rows(wavelet as usize));
        eprintln!("wavelet {wavelet}: {cycles} clocks for {beats} pairs ({:.3}x; nominal with flush {nominal})", cycles as f64 / beats as f64);
        // the deepest levels' latency comes after the last pair: allow 2 pictures' rows of slack
        assert!(cycles as usize <= nominal + 2 * (w / 2) * 16 + 2000, "wavelet {wavelet}: {cycles} clocks");
    }
}

/// One sample per clock: back to back, a picture costs its `W · H` samples plus at most the
/// vertical flush rows (`F` rows of `W / 2` pairs, one pair per clock: `W · F / 2`); the
/// vertical units' queues take part of the next picture while the flush runs, so the figure
/// (printed) lies between. For every wavelet, at depth 3 and at depth 4 with the
/// horizontal-only level.
#[test]
fn one_sample_per_clock_sustains_its_rate() {
    let (w, h) = (128usize, 32usize);
    let pic = natural(w, h);
    for wavelet in 0..7u8 {
        let most = (w * (h + flush_rows(wavelet as usize) / 2)) as u64;
        for (depth, ho) in [(3, 0), (4, 1)] {
            let one = check_on(&mut LiftFwd1::new(), std::slice::from_ref(&pic), w, h, depth, bench(wavelet, ho, wavelet, 0, 0, 1)).unwrap();
            let two = check_on(&mut LiftFwd1::new(), &[pic.clone(), pic.clone()], w, h, depth, bench(wavelet, ho, wavelet, 0, 0, 1)).unwrap();
            let period = two - one;
            eprintln!("wavelet {wavelet}, depth {depth}, {ho} horizontal-only: {period} clocks per picture ({:.4} x W*H; at most {most})", period as f64 / (w * h) as f64);
            assert!((w * h) as u64 <= period && period <= most, "wavelet {wavelet}, depth {depth}, {ho} horizontal-only level: {period} clocks per picture");
        }
    }
}

/// The tests of a build with pair lanes (4, 8 or 16 samples per clock), in module `$m`:
/// the model on random pictures (`$cases` cases; rows of 1–3 units of the build's size:
/// whole beats of every level and of the horizontal-only level), full-scale extremes, a
/// natural picture, its rate.
macro_rules! wide_build_tests {
    ($m:ident, $t:ident, $cases:literal) => {
        mod $m {
            use super::*;

            /// The width every picture of this build is a multiple of.
            fn unit(depth: usize, ho: usize) -> usize {
                width_unit(&$t::LANES, depth, ho)
            }

            proptest! {
                #![proptest_config(ProptestConfig { cases: $cases, .. ProptestConfig::default() })]
                /// The same kind of pictures as the 2-sample build's proptest, in whole
                /// beats of every level.
                #[test]
                fn matches_the_model((depth, width, height, pics, d) in case_in(3, 6, unit)) {
                    check_on(&mut $t::new(), &pics, width, height, depth, d)?;
                }
            }

            /// The full-scale patterns of [`extremes_are_exact_for_every_wavelet`] (128
            /// wide: whole beats of the horizontal-only level at depth 4).
            #[test]
            fn extremes_are_exact() {
                let (w, h) = (128, 16);
                let pics = extreme_pictures(w, h, 48, 8);
                for wavelet in 0..7u8 {
                    check_on(&mut $t::new(), &pics, w, h, 4, bench(wavelet, 1, wavelet, 0, 0, 1)).unwrap();
                }
            }

            /// A natural picture (256×64), every wavelet, depth 3 and depth 4 with the
            /// horizontal-only level, under idle input and back-pressure.
            #[test]
            fn natural_picture_is_exact() {
                let pic = natural(256, 64);
                for wavelet in 0..7u8 {
                    for (depth, ho) in [(3, 0), (4, 1)] {
                        check_on(&mut $t::new(), std::slice::from_ref(&pic), 256, 64, depth, bench(wavelet, ho, (wavelet + 2) % 7, 100, 100, 9)).unwrap();
                    }
                }
            }

            /// One beat per clock: back to back, with the outputs always ready, a picture
            /// costs between its `W/ppc · H` beats and `W/ppc · (H + F)` (the vertical flush
            /// rows), for every wavelet at depth 3 and at depth 4 with the horizontal-only
            /// level; the figure is printed.
            #[test]
            fn sustains_its_rate() {
                let (w, h) = (256usize, 64usize);
                let pic = natural(w, h);
                let beats = w / $t::PPC;
                for wavelet in 0..7u8 {
                    let most = (beats * (h + flush_rows(wavelet as usize))) as u64;
                    for (depth, ho) in [(3, 0), (4, 1)] {
                        let one = check_on(&mut $t::new(), std::slice::from_ref(&pic), w, h, depth, bench(wavelet, ho, wavelet, 0, 0, 1)).unwrap();
                        let two = check_on(&mut $t::new(), &[pic.clone(), pic.clone()], w, h, depth, bench(wavelet, ho, wavelet, 0, 0, 1)).unwrap();
                        let period = two - one;
                        eprintln!("{} samples/clock, wavelet {wavelet}, depth {depth}, {ho} horizontal-only: {period} clocks per picture ({:.4} x W*H/ppc; at most {most})", $t::PPC, period as f64 / (beats * h) as f64);
                        assert!((beats * h) as u64 <= period && period <= most, "wavelet {wavelet}, depth {depth}, {ho} horizontal-only level: {period} clocks per picture");
                    }
                }
            }
        }
    };
}

wide_build_tests!(sixteen_samples_per_clock, LiftFwd16, 32);
#[cfg(feature = "lift-fwd-wide")]
wide_build_tests!(eight_samples_per_clock, LiftFwd8, 24);
#[cfg(feature = "lift-fwd-wide")]
wide_build_tests!(four_samples_per_clock, LiftFwd4, 24);
