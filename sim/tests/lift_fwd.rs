//! The Verilated every-wavelet forward 2-D transform (`lift_fwd`) against the model's `dwt`:
//! random pictures of random sizes and bit depths, every vertical and horizontal wavelet
//! pair (drawn independently from 0..=6), depths 1–4, with or without a horizontal-only
//! level, under random idle input and per-level output back-pressure, several pictures back
//! to back; full-scale extremes; a natural picture; throughput.
//!
//! Only with the `lift-fwd` feature (or `all-builds`: `ci/rtl-full.sh`): Verilating this block takes
//! ~7 minutes on 2 cores.
#![cfg(feature = "lift-fwd")]

use proptest::prelude::*;
use uhdpipe_rtl::blocks::lift_v::flush_rows;
use uhdpipe_sim::legall_fwd::{check_run, drive, picture_beats, Drive, InBeat};
use uhdpipe_sim::lift_fwd::{LiftFwd, SETUP_CLOCKS};
use uhdpipe_sim::pictures::natural;

/// Runs `pics` (`width` × `height`) through a fresh block back to back at `depth` with the
/// wavelets, idle, stall and seed of `d` and checks every band of every picture.
fn check(pics: &[Vec<i64>], width: usize, height: usize, depth: usize, d: Drive) -> Result<u64, TestCaseError> {
    let input: Vec<InBeat> = pics.iter().flat_map(|p| picture_beats(p, width, height, 2)).collect();
    let d = Drive { pairs: (width / 2) as u16, rows: height as u16, depth: depth as u8, setup: SETUP_CLOCKS, ..d };
    let out = drive(&mut LiftFwd::new(), &input, d);
    check_run(&out, pics, width, height, depth, &d).map_err(TestCaseError::fail)?;
    Ok(out.cycles)
}

fn bench(wavelet: u8, depth_ho: u8, wavelet_ho: u8, idle: u32, stall: u32, seed: u64) -> Drive {
    Drive { pairs: 0, rows: 0, depth: 0, wavelet, depth_ho, wavelet_ho, idle, stall, seed, setup: SETUP_CLOCKS }
}

/// A random picture of `bits`-bit samples offset to signed.
fn picture(width: usize, height: usize, bits: u32) -> impl Strategy<Value = Vec<i64>> {
    let half = 1i64 << (bits - 1);
    proptest::collection::vec(-half..half, width * height)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, .. ProptestConfig::default() })]
    #[test]
    fn matches_the_model_under_back_pressure(
        (depth, ho, width, height, pics) in (1usize..=4, 0u8..=1, 1usize..=6, 1usize..=6, 2u32..=12, 1usize..=2).prop_flat_map(|(depth, ho, wu, hu, bits, n)| {
            let (w, h) = (wu << (depth + ho as usize), hu << depth);
            (Just(depth), Just(ho), Just(w), Just(h), proptest::collection::vec(picture(w, h, bits), n))
        }),
        wavelet in 0u8..7,
        wavelet_ho in 0u8..7,
        idle in 0u32..600,
        stall in 0u32..600,
        seed in any::<u64>(),
    ) {
        check(&pics, width, height, depth, bench(wavelet, ho, wavelet_ho, idle, stall, seed))?;
    }
}

/// Full-scale 12-bit patterns (checkerboards, steps, stripes) at depth 4 with a
/// horizontal-only level stay exact for every wavelet: the widths hold the worst case.
#[test]
fn extremes_are_exact_for_every_wavelet() {
    let (w, h) = (32, 16);
    let pats: [fn(usize, usize) -> bool; 4] = [|x, y| (x + y) % 2 == 0, |x, _| x < 16, |x, y| (x / 2 + y / 2) % 2 == 0, |x, y| (x / 4 + y / 4) % 2 == 1];
    let mut pics = Vec::new();
    for p in pats {
        for (hi, lo) in [(2047, -2048), (-2048, 2047)] {
            pics.push((0..w * h).map(|i| if p(i % w, i / w) { hi } else { lo }).collect::<Vec<i64>>());
        }
    }
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
