//! The Verilated LeGall 5/3 and Haar forward 2-D transform against the model's `dwt`: random
//! pictures of random sizes, bit depths, wavelets (1, 3, 4) and depths (1–3; both run-time
//! registers of one build), with or without a horizontal-only level of any of the seven
//! wavelets (`cfg_wavelet_ho`), under random idle input and per-level output back-pressure,
//! several pictures back to back; a natural picture; full-scale extremes; protocol errors;
//! and rust-hdl's simulator on small pictures.

use proptest::prelude::*;
use uhdpipe_sim::legall_fwd::{assemble, assemble_level, check_run, drive, model_bands, picture_beats, Bands, Drive, FwdBuild, HdlLegallFwd, InBeat, LegallFwd, LevelBands, OutBeat};
use uhdpipe_sim::pictures::{natural, noise};

/// The model's bands of a picture (samples already signed).
fn model(samples: &[i64], width: usize, height: usize, depth: usize, d: &Drive) -> Bands {
    model_bands(samples, width, height, depth, d)
}

/// Runs `pics` (`width` × `height`) through `dut` back to back at `depth` with the idle,
/// stall and seed of `d` (its registers are set here) and checks every band of every picture.
fn check(dut: &mut impl FwdBuild, pics: &[Vec<i64>], width: usize, height: usize, depth: usize, d: Drive) -> Result<(), TestCaseError> {
    let input: Vec<InBeat> = pics.iter().flat_map(|p| picture_beats(p, width, height)).collect();
    let d = Drive { pairs: (width / 2) as u16, rows: height as u16, depth: depth as u8, ..d };
    let out = drive(dut, &input, d);
    check_run(&out, pics, width, height, depth, &d).map_err(TestCaseError::fail)
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
    #![proptest_config(ProptestConfig { cases: 48, .. ProptestConfig::default() })]
    #[test]
    fn matches_the_model_under_back_pressure(
        (depth, ho, width, height, bits, pics) in (1usize..=3, 0u8..=1, 1usize..=12, 1usize..=8, 2u32..=12, 1usize..=3).prop_flat_map(|(depth, ho, wu, hu, bits, n)| {
            let (w, h) = (wu << (depth + ho as usize), hu << depth);
            (Just(depth), Just(ho), Just(w), Just(h), Just(bits), proptest::collection::vec(picture(w, h, bits), n))
        }),
        wavelet in proptest::sample::select(WAVELETS.to_vec()),
        wavelet_ho in proptest::sample::select(WAVELETS.to_vec()),
        idle in 0u32..600,
        stall in 0u32..600,
        seed in any::<u64>(),
    ) {
        let _ = bits;
        check(&mut LegallFwd::new(), &pics, width, height, depth, bench(wavelet, ho, wavelet_ho, idle, stall, seed))?;
    }
}

/// rust-hdl's own simulator agrees on small pictures (it is ~1000× slower than Verilator).
#[test]
fn rust_hdl_simulator_agrees() {
    let pic: Vec<i64> = (0..16 * 8).map(|i| noise(i as u64, 1) % 4096 - 2048).collect();
    for (depth, wavelet, depth_ho, wavelet_ho) in [(1, 1, 0, 1), (2, 1, 0, 1), (2, 3, 0, 3), (1, 4, 1, 4), (2, 1, 1, 3)] {
        let d = Drive { pairs: 8, rows: 8, depth, wavelet, depth_ho, wavelet_ho, idle: 200, stall: 200, seed: 3, setup: 0 };
        let verilated = drive(&mut LegallFwd::new(), &picture_beats(&pic, 16, 8), d);
        let hdl = drive(&mut HdlLegallFwd::new(), &picture_beats(&pic, 16, 8), d);
        assert_eq!(hdl, verilated, "depth {depth} wavelet {wavelet}: rust-hdl's simulator disagrees with Verilator");
        let got = assemble(&verilated, 16, 8, depth as usize, depth_ho as usize).unwrap();
        assert_eq!(got, vec![model(&pic, 16, 8, depth as usize, &d)]);
    }
}

/// Full-scale 12-bit patterns (checkerboards, steps, stripes) at depth 3 stay exact: the
/// datapath widths hold the worst case.
#[test]
fn extremes_are_exact() {
    let (w, h) = (64, 32);
    let pats: Vec<Box<dyn Fn(usize, usize) -> bool>> = vec![
        Box::new(|x, y| (x + y) % 2 == 0),
        Box::new(|x, _| x < 32),
        Box::new(|_, y| y % 2 == 0),
        Box::new(|x, y| (x / 2 + y / 2) % 2 == 0),
        Box::new(|x, y| (x / 4 + y / 4) % 2 == 1),
        Box::new(|x, y| (x / 8 + y / 8) % 2 == 1),
    ];
    let mut pics = Vec::new();
    for p in &pats {
        for (hi, lo) in [(2047, -2048), (-2048, 2047)] {
            pics.push((0..w * h).map(|i| if p(i % w, i / w) { hi } else { lo }).collect::<Vec<i64>>());
        }
    }
    for wavelet in WAVELETS {
        check(&mut LegallFwd::new(), &pics, w, h, 3, bench(wavelet, 0, wavelet, 0, 0, 1)).unwrap();
    }
    // asymmetric: the horizontal passes' wavelet differs from the vertical ones'
    for (wavelet, wavelet_ho) in [(1, 3), (3, 4), (4, 1)] {
        check(&mut LegallFwd::new(), &pics, w, h, 3, bench(wavelet, 1, wavelet_ho, 0, 0, 1)).unwrap();
    }
}

/// A natural picture (the luma of the kingswood corpus image, 8-bit, cropped to 256×128)
/// through depth 3, checked against the model.
#[test]
fn natural_picture_is_exact() {
    let pic = natural(256, 128);
    for wavelet in WAVELETS {
        check(&mut LegallFwd::new(), std::slice::from_ref(&pic), 256, 128, 3, bench(wavelet, (wavelet == 1) as u8, if wavelet == 1 { 4 } else { wavelet }, 100, 100, 7)).unwrap();
    }
}

/// Broken pictures raise `err_pic`/`err_line` and the next picture comes out exact.
#[test]
fn protocol_errors_resynchronise() {
    let (w, h, depth) = (32usize, 16usize, 2usize);
    let good: Vec<Vec<i64>> = (0..4).map(|k| (0..w * h).map(|i| noise(i as u64, k) % 2048 - 1024).collect()).collect();
    let beats = |p: &Vec<i64>| picture_beats(p, w, h);
    let n = w / 2;
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
    let out = drive(&mut LegallFwd::new(), &stream, Drive { pairs: n as u16, rows: h as u16, depth: depth as u8, wavelet: 1, depth_ho: 0, wavelet_ho: 1, idle: 50, stall: 50, seed: 5, setup: 0 });
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
        let complete: Vec<LevelBands> = segments.iter().filter_map(|s| assemble_level(s, k, w, h).ok()).flatten().collect();
        for (i, g) in good.iter().enumerate() {
            let want = model(g, w, h, depth, &bench(1, 0, 1, 0, 0, 0));
            // Level k's HL, LH, HH in the model's order: index 1 + 3·(depth − 1 − k).
            let base = 1 + 3 * (depth - 1 - k);
            assert!(
                complete.iter().any(|c| c[1..] == want[base..base + 3]),
                "level {}: good picture {i} is missing or wrong after a protocol error",
                k + 1
            );
        }
    }
}

