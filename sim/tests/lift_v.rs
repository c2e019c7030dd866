//! The every-wavelet vertical lifting block (`lift_v`, analysis; `lift_vs`, synthesis)
//! against the model's `oned_analysis` / `oned_synthesis` down every column, for each VC-2
//! wavelet, on random pictures of random sizes under random idle input clocks and output
//! back-pressure; extremes; protocol errors; rust-hdl's simulator against Verilator;
//! throughput and latency.

use proptest::prelude::*;
use uhdpipe_model::wavelet::{oned_analysis, oned_synthesis};
use uhdpipe_rtl::blocks::lift_v::flush_rows;
use uhdpipe_sim::lift_v::{drive, picture_beats, Beat, Build, Drive, HdlLiftV, HdlLiftV16, HdlLiftVLegallHaar, HdlLiftVs, LiftV, LiftVs, Picture, Row, Run};

/// The model's output rows for `pic` as the block emits them.
fn expected<B: Build>(pic: &Picture, wavelet: usize) -> Vec<Row> {
    let (rows, pairs) = (pic.len(), pic[0].len());
    let mut out: Vec<Vec<(i64, i64)>> = vec![vec![(0, 0); pairs]; rows];
    for c in 0..2 * pairs {
        let col = |y: usize| if c % 2 == 0 { pic[y][c / 2].0 } else { pic[y][c / 2].1 };
        let lo: Vec<i64> = (0..rows / 2).map(|n| col(2 * n)).collect();
        let hi: Vec<i64> = (0..rows / 2).map(|n| col(2 * n + 1)).collect();
        let (l, h) = if B::SYNTHESIS { oned_synthesis(&lo, &hi, wavelet) } else { oned_analysis(&lo, &hi, wavelet) };
        for n in 0..rows / 2 {
            for (y, v) in [(2 * n, l[n]), (2 * n + 1, h[n])] {
                if c % 2 == 0 {
                    out[y][c / 2].0 = v;
                } else {
                    out[y][c / 2].1 = v;
                }
            }
        }
    }
    out.into_iter().enumerate().map(|(y, beats)| Row { beats, sop: y == 0, vhigh: y % 2 == 1 }).collect()
}

/// Runs `f` on a thread with a large stack: rust-hdl builds and settles this block's
/// (large) model on the stack.
fn big_stack<R: Send>(f: impl FnOnce() -> R + Send) -> R {
    std::thread::scope(|s| std::thread::Builder::new().stack_size(1 << 30).spawn_scoped(s, f).unwrap().join().unwrap())
}

fn run<B: Build>(dut: &mut B, pics: &[Picture], wavelet: u8, idle: u32, stall: u32, seed: u64) -> Run {
    let beats = picture_beats(pics);
    // the LL stream on odd seeds (then run until the block is quiet: both streams drained)
    let ll = seed % 2 == 1;
    drive(dut, &beats, &Drive { pairs: pics[0][0].len(), rows: pics[0].len(), wavelet, idle, stall, seed, want: if ll { 0 } else { beats.len() }, ll })
}

/// Random pictures: 1–3 of the same size, 1–12 beats by 2–24 rows (even).
fn pictures_strategy(bits: u32) -> impl Strategy<Value = Vec<Picture>> {
    let m = 1i64 << (bits - 1);
    (1usize..13, 1usize..13).prop_flat_map(move |(pairs, half)| {
        proptest::collection::vec(proptest::collection::vec(proptest::collection::vec((-m..m, -m..m), pairs), 2 * half), 1..4)
    })
}

fn check<B: Build>(dut: &mut B, pics: &[Picture], wavelet: u8, idle: u32, stall: u32, seed: u64) -> Result<Run, TestCaseError> {
    let got = run(dut, pics, wavelet, idle, stall, seed);
    let want: Vec<Row> = pics.iter().flat_map(|p| expected::<B>(p, wavelet as usize)).collect();
    prop_assert_eq!(got.errors, 0, "well-formed pictures raised a protocol error");
    prop_assert!(!got.bad_wavelet, "a wavelet of the build's set raised err_wavelet");
    prop_assert_eq!(got.range_errors, 0, "input inside the sized range raised err_range");
    prop_assert_eq!(&got.rows, &want, "wavelet {}", wavelet);
    if seed % 2 == 1 {
        // the LL stream: lane a of the even rows, rows marked, each picture's first with sop
        let ll: Vec<Vec<i64>> = want.iter().filter(|r| !r.vhigh).map(|r| r.beats.iter().map(|b| b.0).collect()).collect();
        prop_assert_eq!(&got.ll, &ll, "LL stream");
        let marks: Vec<(bool, bool)> = want.iter().filter(|r| !r.vhigh).map(|r| (true, r.sop)).collect();
        prop_assert_eq!(&got.ll_marks, &marks);
    } else {
        prop_assert!(got.ll.is_empty(), "LL stream without cfg_ll");
    }
    Ok(got)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, .. ProptestConfig::default() })]
    #[test]
    fn analysis_matches_the_model(pics in pictures_strategy(12), wavelet in 0u8..7, idle in 0u32..600, stall in 0u32..600, seed in any::<u64>()) {
        check(&mut LiftV::new(), &pics, wavelet, idle, stall, seed)?;
    }

    #[test]
    fn synthesis_matches_the_model(pics in pictures_strategy(16), wavelet in 0u8..7, idle in 0u32..600, stall in 0u32..600, seed in any::<u64>()) {
        check(&mut LiftVs::new(), &pics, wavelet, idle, stall, seed)?;
    }
}

/// The synthesis build's input is as wide as its datapath (20 bits), as in `lift_inv`: on
/// any input the rows come out exact unless `err_range` pulsed, framed as ever.
fn check_range(pics: &[Picture], wavelet: u8, idle: u32, stall: u32, seed: u64) -> Result<Run, TestCaseError> {
    let got = run(&mut LiftVs::new(), pics, wavelet, idle, stall, seed);
    let want: Vec<Row> = pics.iter().flat_map(|p| expected::<LiftVs>(p, wavelet as usize)).collect();
    prop_assert_eq!(got.errors, 0, "well-formed pictures raised a protocol error");
    prop_assert_eq!(got.rows.len(), want.len(), "rows out");
    if got.range_errors == 0 {
        prop_assert_eq!(&got.rows, &want, "wavelet {}: wrong rows and no err_range", wavelet);
    }
    Ok(got)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, .. ProptestConfig::default() })]
    #[test]
    fn synthesis_beyond_its_sized_range_is_exact_or_flagged(pics in pictures_strategy(20), wavelet in 0u8..7, idle in 0u32..600, stall in 0u32..600, seed in any::<u64>()) {
        check_range(&pics, wavelet, idle, stall, seed)?;
    }
}

/// A picture of `rows` rows of `pairs` beats from a formula.
fn formula(pairs: usize, rows: usize, f: impl Fn(usize, usize) -> i64) -> Picture {
    (0..rows).map(|y| (0..pairs).map(|x| (f(y, 2 * x), f(y, 2 * x + 1))).collect()).collect()
}

#[test]
fn full_scale_extremes_for_every_wavelet() {
    for w in 0..7u8 {
        for (bits, syn) in [(12u32, false), (16, true)] {
            let m = 1i64 << (bits - 1);
            // alternating extremes down the columns and across them, and a step
            let pics = [
                formula(5, 18, |y, x| if (y + x) % 2 == 0 { m - 1 } else { -m }),
                formula(3, 12, |y, _| if y % 2 == 0 { -m } else { m - 1 }),
                formula(4, 16, |y, x| if y < 7 { m - 1 } else if x % 3 == 0 { -m } else { 0 }),
            ];
            for pic in &pics {
                let one = std::slice::from_ref(pic);
                if syn {
                    check(&mut LiftVs::new(), one, w, 100, 100, 7).unwrap();
                } else {
                    check(&mut LiftV::new(), one, w, 100, 100, 7).unwrap();
                }
            }
        }
    }
}

/// Full-scale 20-bit coefficients wrap the 20-bit synthesis datapath for every wavelet (the
/// flag rises on some pattern of each) and never go unflagged.
#[test]
fn full_scale_synthesis_input_is_flagged() {
    let m = 1i64 << 19;
    let pics = [
        formula(5, 18, |y, x| if (y + x) % 2 == 0 { m - 1 } else { -m }),
        formula(3, 12, |y, _| if y % 2 == 0 { -m } else { m - 1 }),
        formula(3, 12, |y, _| if y % 2 == 0 { m - 1 } else { -m }),
        formula(4, 16, |y, x| if y < 7 { m - 1 } else if x % 3 == 0 { -m } else { 0 }),
    ];
    for w in 0..7u8 {
        let flagged: usize = pics.iter().map(|p| check_range(std::slice::from_ref(p), w, 100, 100, 7).unwrap().range_errors).sum();
        assert!(flagged > 0, "wavelet {w}: full-scale coefficients raised no err_range");
    }
}

#[test]
fn synthesis_undoes_analysis_for_every_wavelet() {
    for w in 0..7u8 {
        let pic = formula(6, 20, |y, x| ((y * 37 + x * x * 11 + y * x * 5) % 4096) as i64 - 2048);
        let a = run(&mut LiftV::new(), std::slice::from_ref(&pic), w, 0, 0, 1);
        let coded: Picture = a.rows.iter().map(|r| r.beats.clone()).collect();
        let s = run(&mut LiftVs::new(), std::slice::from_ref(&coded), w, 0, 0, 1);
        let back: Picture = s.rows.iter().map(|r| r.beats.clone()).collect();
        assert_eq!(back, pic, "wavelet {w}");
    }
}

proptest! {
    // rust-hdl's simulator is ~100x slower: fewer, smaller cases.
    #![proptest_config(ProptestConfig { cases: 6, .. ProptestConfig::default() })]
    #[test]
    fn rust_hdl_agrees_with_verilator(pairs in 1usize..4, half in 1usize..5, wavelet in 0u8..7, idle in 0u32..400, stall in 0u32..400, seed in any::<u64>()) {
        let pic = formula(pairs, 2 * half, |y, x| ((y as u64 * 1237 + x as u64 * 77 + seed % 1000) % 4096) as i64 - 2048);
        let pics = [pic];
        let a = check(&mut LiftV::new(), &pics, wavelet, idle, stall, seed)?;
        let b = big_stack(|| check(&mut HdlLiftV::new(), &pics, wavelet, idle, stall, seed))?;
        prop_assert_eq!(a, b);
        let s = check(&mut LiftVs::new(), &pics, wavelet, idle, stall, seed)?;
        let t = big_stack(|| check(&mut HdlLiftVs::new(), &pics, wavelet, idle, stall, seed))?;
        prop_assert_eq!(s, t);
    }
}

#[test]
fn a_legall_and_haar_build_is_exact_and_flags_the_other_wavelets() {
    let pic = formula(3, 10, |y, x| ((y * 301 + x * 53) % 4096) as i64 - 2048);
    let pics = [pic];
    big_stack(|| {
        for w in [1u8, 3, 4] {
            check(&mut HdlLiftVLegallHaar::new(), &pics, w, 100, 100, 3).unwrap();
        }
        for w in [0u8, 2, 5, 6] {
            let r = run(&mut HdlLiftVLegallHaar::new(), &pics, w, 0, 0, 3);
            assert!(r.bad_wavelet, "wavelet {w} is not in the build but raised no err_wavelet");
        }
    });
}

/// `pic`'s beats with `f` applied to beat `i` (or the beat removed when `f` gives None).
fn broken(pic: &Picture, i: usize, f: impl Fn(Beat) -> Option<Beat>) -> Vec<Beat> {
    let mut b = picture_beats(std::slice::from_ref(pic));
    match f(b[i]) {
        Some(x) => b[i] = x,
        None => {
            b.remove(i);
        }
    }
    b
}

#[test]
fn protocol_errors_flag_and_the_next_picture_is_exact() {
    let pic = formula(4, 12, |y, x| ((y * 97 + x * 31) % 4096) as i64 - 2048);
    let cases: Vec<(&str, Vec<Beat>)> = vec![
        ("short row", broken(&pic, 9, |_| None)),
        ("long row", broken(&pic, 10, |(a, b, _, _, s)| Some((a, b, false, true, s)))),
        ("missing in_first", broken(&pic, 8, |(a, b, _, l, s)| Some((a, b, false, l, s)))),
        ("missing sop", broken(&pic, 0, |(a, b, f, l, _)| Some((a, b, f, l, false)))),
        ("sop inside", broken(&pic, 20, |(a, b, _, l, _)| Some((a, b, true, l, true)))),
    ];
    for w in [1u8, 5, 6] {
        let want: Vec<Row> = expected::<LiftV>(&pic, w as usize);
        for (name, bad) in &cases {
            let mut beats = bad.clone();
            let good = picture_beats(std::slice::from_ref(&pic));
            beats.extend(&good);
            let r = drive(&mut LiftV::new(), &beats, &Drive { pairs: 4, rows: 12, wavelet: w, idle: 150, stall: 150, seed: 9, want: 0, ll: false });
            assert!(r.errors >= 1, "{name}: no err_pic");
            // the good picture's rows come out last, exactly
            assert!(r.rows.len() >= want.len(), "{name}: {} rows out", r.rows.len());
            assert_eq!(&r.rows[r.rows.len() - want.len()..], &want[..], "{name}, wavelet {w}");
        }
    }
}

#[test]
fn throughput_and_latency() {
    // back-to-back pictures with no idle or stall: pairs · (rows + flush rows) clocks each
    let (pairs, rows) = (40usize, 36usize);
    for w in 0..7u8 {
        let pics: Vec<Picture> = (0..3).map(|k| formula(pairs, rows, |y, x| ((y * 7 + x * 3 + k) % 512) as i64 - 256)).collect();
        let r = run(&mut LiftV::new(), &pics, w, 0, 0, 2);
        let beats = 3 * pairs * rows;
        let nominal = (3 * pairs * (rows + flush_rows(w as usize))) as u64;
        assert!(r.clocks <= nominal + 80, "wavelet {w}: {} clocks for {beats} beats, nominal {nominal}", r.clocks);
        // latency: the flush rows' worth of beats plus the pipelines (13 clocks per unit)
        let lat = r.first_out.unwrap();
        assert!(lat <= (pairs * flush_rows(w as usize)) as u64 + 60, "wavelet {w}: first output after {lat} clocks");
        eprintln!(
            "wavelet {w}: {} clocks for {beats} beats ({:.3}x); flush {} rows; latency {lat} clocks ({:.2} rows)",
            r.clocks,
            r.clocks as f64 / beats as f64,
            flush_rows(w as usize),
            lat as f64 / pairs as f64
        );
    }
}


/// Pictures of whole beats of `lanes` column pairs: 1–`max_beats` beats by 2–`2·max_half`
/// rows, 1–2 pictures.
fn beat_pictures_strategy(bits: u32, lanes: usize, max_beats: usize, max_half: usize) -> impl Strategy<Value = Vec<Picture>> {
    let m = 1i64 << (bits - 1);
    (1..=max_beats, 1..=max_half).prop_flat_map(move |(beats, half)| {
        proptest::collection::vec(proptest::collection::vec(proptest::collection::vec((-m..m, -m..m), beats * lanes), 2 * half), 1..3)
    })
}

proptest! {
    // rust-hdl's simulator on the 8-pair build (the Verilated one is behind the `lift-wide`
    // feature): a few small pictures.
    #![proptest_config(ProptestConfig { cases: 3, .. ProptestConfig::default() })]
    #[test]
    fn rust_hdl_lanes_match_the_model(pics in beat_pictures_strategy(12, 8, 2, 4), wavelet in 0u8..7, idle in 0u32..400, stall in 0u32..400, seed in any::<u64>()) {
        big_stack(|| check(&mut HdlLiftV16::new(), &pics, wavelet, idle, stall, seed))?;
    }
}

/// The 16-columns-per-clock builds, Verilated (`--features lift-wide`).
#[cfg(feature = "lift-wide")]
mod wide {
    use super::*;
    use uhdpipe_sim::lift_v::{LiftV16, LiftVs16};

    proptest! {
        #![proptest_config(ProptestConfig { cases: 64, .. ProptestConfig::default() })]
        #[test]
        fn analysis_lanes_match_the_model(pics in beat_pictures_strategy(12, 8, 4, 10), wavelet in 0u8..7, idle in 0u32..600, stall in 0u32..600, seed in any::<u64>()) {
            check(&mut LiftV16::new(), &pics, wavelet, idle, stall, seed)?;
        }

        #[test]
        fn synthesis_lanes_match_the_model(pics in beat_pictures_strategy(16, 8, 4, 10), wavelet in 0u8..7, idle in 0u32..600, stall in 0u32..600, seed in any::<u64>()) {
            check(&mut LiftVs16::new(), &pics, wavelet, idle, stall, seed)?;
        }

        #[test]
        fn synthesis_lanes_beyond_the_sized_range_are_exact_or_flagged(pics in beat_pictures_strategy(20, 8, 3, 8), wavelet in 0u8..7, idle in 0u32..600, stall in 0u32..600, seed in any::<u64>()) {
            let got = run(&mut LiftVs16::new(), &pics, wavelet, idle, stall, seed);
            let want: Vec<Row> = pics.iter().flat_map(|p| expected::<LiftVs16>(p, wavelet as usize)).collect();
            prop_assert_eq!(got.errors, 0);
            prop_assert_eq!(got.rows.len(), want.len());
            if got.range_errors == 0 {
                prop_assert_eq!(&got.rows, &want, "wavelet {}: wrong rows and no err_range", wavelet);
            }
        }
    }

    /// Full-scale patterns stay exact for every wavelet at 16 columns per clock, both
    /// directions; full-scale 20-bit synthesis input is flagged.
    #[test]
    fn extremes_at_16_columns() {
        for wavelet in 0..7u8 {
            for (bits, syn) in [(12u32, false), (16, true)] {
                let (lo, hi) = (-(1i64 << (bits - 1)), (1i64 << (bits - 1)) - 1);
                let pics: Vec<Picture> = vec![
                    formula(16, 12, |y, _| if y % 2 == 0 { hi } else { lo }),
                    formula(16, 12, |y, x| if (y / 2 + x) % 2 == 0 { hi } else { lo }),
                    formula(8, 20, |y, x| if y < 10 { lo } else if x % 3 == 0 { hi } else { lo }),
                ];
                for p in &pics {
                    let r = if syn { check(&mut LiftVs16::new(), std::slice::from_ref(p), wavelet, 0, 0, 1) } else { check(&mut LiftV16::new(), std::slice::from_ref(p), wavelet, 0, 0, 1) };
                    r.unwrap();
                }
            }
            let (lo, hi) = (-(1i64 << 19), (1i64 << 19) - 1);
            let flagged: usize = [formula(8, 12, |y, _| if y % 2 == 0 { hi } else { lo }), formula(8, 12, |y, _| if y % 2 == 0 { lo } else { hi }), formula(8, 12, |y, _| if (y / 2) % 2 == 0 { hi } else { lo })]
                .iter()
                .map(|p| run(&mut LiftVs16::new(), std::slice::from_ref(p), wavelet, 0, 0, 2).range_errors)
                .sum();
            assert!(flagged > 0, "wavelet {wavelet}: full-scale 20-bit coefficients raised no err_range at 16 columns");
        }
    }

    /// Back-to-back pictures at one beat per clock: `cfg_pairs · (rows + flush rows)` clocks
    /// each, as at 2 columns per clock, with 8 times the columns.
    #[test]
    fn throughput_at_16_columns() {
        let pic = formula(32, 16, |y, x| ((y * 37 + x * 11) % 4096) as i64 - 2048);
        for wavelet in [1u8, 5, 6] {
            let pics = vec![pic.clone(), pic.clone(), pic.clone()];
            let beats = picture_beats(&pics);
            let r = drive(&mut LiftV16::new(), &beats, &Drive { pairs: 32, rows: 16, wavelet, idle: 0, stall: 0, seed: 1, want: beats.len(), ll: false });
            let per_pic = 4 * (16 + flush_rows(wavelet as usize)) as u64;
            assert!(r.clocks <= 3 * per_pic + 120, "wavelet {wavelet}: {} clocks for 3 pictures of {per_pic}", r.clocks);
            let want: Vec<Row> = pics.iter().flat_map(|p| expected::<LiftV16>(p, wavelet as usize)).collect();
            assert_eq!(r.rows, want);
        }
    }

    /// A broken picture at 16 columns per clock raises err_pic and the next picture is exact.
    #[test]
    fn protocol_errors_at_16_columns() {
        let good = formula(16, 8, |y, x| ((y * 101 + x * 7) % 4096) as i64 - 2048);
        for wavelet in [5u8, 6] {
            let mut stream = picture_beats(std::slice::from_ref(&good));
            // a short picture: 3 of its 8 rows, then the good one
            stream.truncate(16 * 3);
            stream.extend(picture_beats(std::slice::from_ref(&good)));
            let r = drive(&mut LiftV16::new(), &stream, &Drive { pairs: 16, rows: 8, wavelet, idle: 100, stall: 100, seed: 3, want: 0, ll: false });
            assert!(r.errors > 0, "wavelet {wavelet}: no err_pic");
            let want = expected::<LiftV16>(&good, wavelet as usize);
            let n = want.len();
            assert!(r.rows.len() >= n && r.rows[r.rows.len() - n..] == want[..], "wavelet {wavelet}: the picture after the broken one is wrong");
        }
    }
}
