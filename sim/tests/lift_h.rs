//! The every-wavelet horizontal lifting block (`lift_h`, analysis; `lift_hs`, synthesis)
//! against the model's `analysis_1d` / `synthesis_1d`, for each VC-2 wavelet, on random
//! lines of random lengths under random idle input clocks and output back-pressure; extremes;
//! protocol errors; rust-hdl's simulator against Verilator; throughput.

use proptest::prelude::*;
use uhdpipe_model::wavelet::{analysis_1d, synthesis_1d};
use uhdpipe_sim::lift_h::{drive, line_beats, Beat, Build, Drive, HdlLiftH, HdlLiftH16, HdlLiftH4, HdlLiftHLegallHaar, HdlLiftHs, HdlLiftHs16, LiftH, LiftHs, Run};

/// The model's output for `lines` (each `(even, odd)` pairs) as the block emits it: analysis
/// (L, H) halves, synthesis the (x_2n, x_2n+1) pairs.
fn expected<B: Build>(lines: &[Vec<(i64, i64)>], wavelet: usize) -> Vec<(Vec<i64>, Vec<i64>)> {
    lines
        .iter()
        .map(|l| {
            if B::SYNTHESIS {
                let lo: Vec<i64> = l.iter().map(|p| p.0).collect();
                let hi: Vec<i64> = l.iter().map(|p| p.1).collect();
                let x = synthesis_1d(&lo, &hi, wavelet);
                (x.iter().step_by(2).copied().collect(), x.iter().skip(1).step_by(2).copied().collect())
            } else {
                let x: Vec<i64> = l.iter().flat_map(|&(a, b)| [a, b]).collect();
                analysis_1d(&x, wavelet)
            }
        })
        .collect()
}

/// Runs `f` on a thread with a large stack: rust-hdl builds and settles this block's
/// (large) model on the stack.
fn big_stack<R: Send>(f: impl FnOnce() -> R + Send) -> R {
    std::thread::scope(|s| std::thread::Builder::new().stack_size(1 << 30).spawn_scoped(s, f).unwrap().join().unwrap())
}

fn run<B: Build>(dut: &mut B, lines: &[Vec<(i64, i64)>], wavelet: u8, idle: u32, stall: u32, seed: u64) -> Run {
    let beats = line_beats(lines);
    drive(dut, &beats, &Drive { pairs: lines[0].len(), wavelet, idle, stall, seed, want: beats.len() })
}

fn lines_strategy(bits: u32) -> impl Strategy<Value = Vec<Vec<(i64, i64)>>> {
    let m = 1i64 << (bits - 1);
    (1usize..24).prop_flat_map(move |pairs| proptest::collection::vec(proptest::collection::vec((-m..m, -m..m), pairs), 1..5))
}

fn check<B: Build>(dut: &mut B, lines: &[Vec<(i64, i64)>], wavelet: u8, idle: u32, stall: u32, seed: u64) -> Result<Run, TestCaseError> {
    let got = run(dut, lines, wavelet, idle, stall, seed);
    let want = expected::<B>(lines, wavelet as usize);
    prop_assert_eq!(got.errors, 0, "well-formed lines raised a protocol error");
    prop_assert!(!got.bad_wavelet, "a wavelet of the build's set raised err_wavelet");
    prop_assert_eq!(got.range_errors, 0, "input inside the sized range raised err_range");
    prop_assert_eq!(&got.lines, &want, "wavelet {}", wavelet);
    let sops: Vec<bool> = (0..lines.len()).map(|k| k == 0).collect();
    prop_assert_eq!(&got.sops, &sops, "out_sop marks the first line only");
    Ok(got)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, .. ProptestConfig::default() })]
    #[test]
    fn analysis_matches_the_model(lines in lines_strategy(12), wavelet in 0u8..7, idle in 0u32..600, stall in 0u32..600, seed in any::<u64>()) {
        check(&mut LiftH::new(), &lines, wavelet, idle, stall, seed)?;
    }

    #[test]
    fn synthesis_matches_the_model(lines in lines_strategy(16), wavelet in 0u8..7, idle in 0u32..600, stall in 0u32..600, seed in any::<u64>()) {
        check(&mut LiftHs::new(), &lines, wavelet, idle, stall, seed)?;
    }
}

/// The synthesis build's input is as wide as its datapath (20 bits), as in `lift_inv`: on
/// any input the lines come out exact unless `err_range` pulsed, framed as ever. Returns
/// the run.
fn check_range(lines: &[Vec<(i64, i64)>], wavelet: u8, idle: u32, stall: u32, seed: u64) -> Result<Run, TestCaseError> {
    let got = run(&mut LiftHs::new(), lines, wavelet, idle, stall, seed);
    let want = expected::<LiftHs>(lines, wavelet as usize);
    prop_assert_eq!(got.errors, 0, "well-formed lines raised a protocol error");
    prop_assert_eq!(got.lines.len(), want.len(), "lines out");
    if got.range_errors == 0 {
        prop_assert_eq!(&got.lines, &want, "wavelet {}: wrong lines and no err_range", wavelet);
    }
    Ok(got)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, .. ProptestConfig::default() })]
    #[test]
    fn synthesis_beyond_its_sized_range_is_exact_or_flagged(lines in lines_strategy(20), wavelet in 0u8..7, idle in 0u32..600, stall in 0u32..600, seed in any::<u64>()) {
        check_range(&lines, wavelet, idle, stall, seed)?;
    }
}

/// Full-scale 20-bit coefficients wrap the 20-bit synthesis datapath for every wavelet (the
/// flag rises on some pattern of each) and never go unflagged; the flag pulses once per
/// wrapped result, so a line of extremes pulses it many times.
#[test]
fn full_scale_synthesis_input_is_flagged() {
    let (lo, hi) = (-(1i64 << 19), (1i64 << 19) - 1);
    let patterns: Vec<Vec<(i64, i64)>> = vec![
        (0..40).map(|_| (hi, lo)).collect(),
        (0..40).map(|_| (lo, hi)).collect(),
        (0..40).map(|i| if (i / 2) % 2 == 0 { (hi, lo) } else { (lo, hi) }).collect(),
        (0..40).map(|i| if i % 3 == 0 { (lo, hi) } else { (hi, lo) }).collect(),
    ];
    for wavelet in 0..7u8 {
        let flagged: usize = patterns.iter().map(|p| check_range(std::slice::from_ref(p), wavelet, 0, 0, 1).unwrap().range_errors).sum();
        assert!(flagged > 0, "wavelet {wavelet}: full-scale coefficients raised no err_range");
    }
}

proptest! {
    // rust-hdl's simulator is ~100x slower: fewer, shorter cases.
    #![proptest_config(ProptestConfig { cases: 8, .. ProptestConfig::default() })]
    #[test]
    fn rust_hdl_agrees_with_verilator(pairs in 1usize..8, wavelet in 0u8..7, idle in 0u32..500, stall in 0u32..500, seed in any::<u64>()) {
        let lines: Vec<Vec<(i64, i64)>> = (0..2).map(|k| (0..pairs as i64).map(|i| ((i * 1237 + k * 77 + (seed % 1000) as i64) % 4096 - 2048, (i * 911 - k * 3) % 2048)).collect()).collect();
        let a = check(&mut LiftH::new(), &lines, wavelet, idle, stall, seed)?;
        let b = big_stack(|| check(&mut HdlLiftH::new(), &lines, wavelet, idle, stall, seed))?;
        prop_assert_eq!(a, b);
        let s = check(&mut LiftHs::new(), &lines, wavelet, idle, stall, seed)?;
        let t = big_stack(|| check(&mut HdlLiftHs::new(), &lines, wavelet, idle, stall, seed))?;
        prop_assert_eq!(s, t);
    }
}

/// Full-scale steps and alternations stay exact for every wavelet in both directions (the
/// datapath widths hold the worst case).
#[test]
fn extremes_are_exact() {
    for (bits, syn) in [(12u32, false), (16, true)] {
        let (lo, hi) = (-(1i64 << (bits - 1)), (1i64 << (bits - 1)) - 1);
        let patterns: Vec<Vec<(i64, i64)>> = vec![
            (0..40).map(|_| (hi, lo)).collect(),
            (0..40).map(|i| if i < 20 { (lo, lo) } else { (hi, hi) }).collect(),
            (0..40).map(|i| if (i / 2) % 2 == 0 { (hi, lo) } else { (lo, hi) }).collect(),
            (0..40).map(|i| if i % 3 == 0 { (lo, hi) } else { (hi, lo) }).collect(),
            (0..40).map(|i| if (i / 4) % 2 == 0 { (lo, lo) } else { (hi, hi) }).collect(),
        ];
        for wavelet in 0..7u8 {
            for p in &patterns {
                let lines = vec![p.clone()];
                let r = if syn { check(&mut LiftHs::new(), &lines, wavelet, 0, 0, 1) } else { check(&mut LiftH::new(), &lines, wavelet, 0, 0, 1) };
                r.unwrap();
            }
        }
    }
}

/// Analysis then synthesis gives the line back, for every wavelet (the two builds chained
/// through the model's widths: 12-bit samples, 16-bit coefficients).
#[test]
fn round_trip_is_lossless() {
    let line: Vec<(i64, i64)> = (0..300).map(|i: i64| (((i * i * 7 + 13 * i) % 4096) - 2048, ((i * 1103 + 5) % 4096) - 2048)).collect();
    for wavelet in 0..7u8 {
        let a = run(&mut LiftH::new(), std::slice::from_ref(&line), wavelet, 100, 100, 7);
        let coefs: Vec<(i64, i64)> = a.lines[0].0.iter().copied().zip(a.lines[0].1.iter().copied()).collect();
        let s = run(&mut LiftHs::new(), &[coefs], wavelet, 100, 100, 8);
        let back: Vec<(i64, i64)> = s.lines[0].0.iter().copied().zip(s.lines[0].1.iter().copied()).collect();
        assert_eq!(back, line, "wavelet {wavelet}");
    }
}

/// Without idle clocks or back-pressure the block takes one pair per clock with lines back to
/// back: 10 lines of 960 pairs in 9600 clocks plus its latency.
#[test]
fn sustains_one_pair_per_clock() {
    let lines: Vec<Vec<(i64, i64)>> = (0..10).map(|k| (0..960).map(|i| (((i * 7 + k) % 4096) - 2048, ((i * 3 + k) % 4096) - 2048)).collect()).collect();
    for wavelet in [1u8, 5, 6] {
        let r = run(&mut LiftH::new(), &lines, wavelet, 0, 0, 1);
        assert!(r.clocks <= 9600 + 80, "wavelet {wavelet}: {} clocks", r.clocks);
    }
}

/// Broken lines (short, long, without in_first, cut by a new in_first) raise err_line, and
/// every well-formed line after them comes out exactly right, for a long filter (Fidelity)
/// and a four-step one (Daubechies).
/// A line as `(even, odd)` pairs.
type Line = Vec<(i64, i64)>;

/// Five good lines of `beats` beats of `lanes` pairs, with a broken line after each of the
/// first four: short (`cut` beats, ended early), long (`beats + 2` beats), without
/// `in_first` (one beat), cut by the next line (`cut` beats, no `in_last`). Returns the
/// stream, the good lines and their length in pairs.
fn broken_lines(lanes: usize, beats: usize, cut: usize) -> (Vec<Beat>, Vec<Line>, usize) {
    let pairs = lanes * beats;
    let good = |k: i64| -> Vec<(i64, i64)> { (0..pairs as i64).map(|i| (((i * 37 + k * 101) % 4096) - 2048, ((i * 91 + k * 7) % 4096) - 2048)).collect() };
    let beats_of = |l: &[(i64, i64)], first: bool, last_at: Option<usize>| -> Vec<Beat> { l.iter().enumerate().map(|(i, &(e, o))| (e, o, first && i == 0, Some(i) == last_at, false)).collect() };
    let long = (beats + 2) * lanes;
    let mut stream: Vec<Beat> = Vec::new();
    let mut goods = Vec::new();
    for k in 0..5 {
        let l = good(k);
        stream.extend(beats_of(&l, true, Some(pairs - 1)));
        goods.push(l);
        match k {
            0 => stream.extend(beats_of(&good(100)[..cut * lanes], true, Some(cut * lanes - 1))), // short
            1 => stream.extend(beats_of(&(0..long as i64).map(|i| (i, -i)).collect::<Vec<_>>(), true, Some(long - 1))), // long
            2 => stream.extend(beats_of(&good(200)[..lanes], false, Some(lanes - 1))), // no in_first
            3 => stream.extend(beats_of(&good(300)[..cut * lanes], true, None)), // cut by the next line
            _ => {}
        }
    }
    (stream, goods, pairs)
}

#[test]
fn protocol_errors_flag_and_resynchronise() {
    let (stream, goods, pairs) = broken_lines(1, 8, 4);
    for wavelet in [5u8, 6] {
        let want = expected::<LiftH>(&goods, wavelet as usize);
        let d = Drive { pairs, wavelet, seed: 1, ..Drive::default() };
        for (name, r) in [("verilated", drive(&mut LiftH::new(), &stream, &d)), ("rust-hdl", big_stack(|| drive(&mut HdlLiftH::new(), &stream, &d)))] {
            assert_eq!(r.errors, 5, "{name}: error pulses");
            // the 5 good lines, the short one, the long one's first 8 pairs, the cut one
            assert_eq!(r.lines.len(), 8, "{name}: output lines (dropped pairs make none)");
            for (i, w) in want.iter().enumerate() {
                assert!(r.lines.contains(w), "{name}: good line {i} is missing or wrong after a protocol error (wavelet {wavelet})");
            }
        }
    }
}

/// A build holding only LeGall and the Haars (the build-time wavelet set) computes those
/// exactly and raises `err_wavelet` for the others.
#[test]
fn a_wavelet_subset_build_flags_the_rest() {
    let lines: Vec<Vec<(i64, i64)>> = (0..2).map(|k| (0..7i64).map(|i| ((i * 1237 + k * 77) % 4096 - 2048, (i * 911 - k * 3) % 2048)).collect()).collect();
    big_stack(|| {
        for wavelet in [1u8, 3, 4] {
            check(&mut HdlLiftHLegallHaar::new(), &lines, wavelet, 100, 100, 5).unwrap();
        }
        for wavelet in [0u8, 2, 5, 6] {
            assert!(run(&mut HdlLiftHLegallHaar::new(), &lines, wavelet, 0, 0, 5).bad_wavelet, "wavelet {wavelet}: no err_wavelet");
        }
    });
}

/// Lines of whole beats of `lanes` pairs: 1 to 12 beats, 1 to 4 lines.
fn beat_lines_strategy(bits: u32, lanes: usize) -> impl Strategy<Value = Vec<Vec<(i64, i64)>>> {
    let m = 1i64 << (bits - 1);
    (1usize..13).prop_flat_map(move |beats| proptest::collection::vec(proptest::collection::vec((-m..m, -m..m), beats * lanes), 1..5))
}

proptest! {
    // rust-hdl's simulator on the 2- and 8-pair builds (the Verilated ones are behind the
    // `lift-wide` feature): fewer, shorter cases.
    #![proptest_config(ProptestConfig { cases: 6, .. ProptestConfig::default() })]
    #[test]
    fn rust_hdl_lanes_match_the_model(lines in beat_lines_strategy(12, 8), wavelet in 0u8..7, idle in 0u32..500, stall in 0u32..500, seed in any::<u64>()) {
        big_stack(|| check(&mut HdlLiftH16::new(), &lines, wavelet, idle, stall, seed))?;
        let two: Vec<Vec<(i64, i64)>> = lines.iter().map(|l| l[..4].to_vec()).collect();
        big_stack(|| check(&mut HdlLiftH4::new(), &two, wavelet, idle, stall, seed))?;
        let coefs: Vec<Vec<(i64, i64)>> = lines.iter().map(|l| l.iter().map(|&(e, o)| (e * 16, o * 16)).collect()).collect();
        big_stack(|| check(&mut HdlLiftHs16::new(), &coefs, wavelet, idle, stall, seed))?;
    }
}

/// Clocks a lone line of `beats` beats takes through `dut` at full rate, first beat offered
/// to last result taken.
fn line_clocks<B: Build>(dut: &mut B, beats: usize) -> u64 {
    let pairs = beats * B::LANES;
    let line: Vec<(i64, i64)> = (0..pairs as i64).map(|i| (i % 100 - 50, 25 - i % 50)).collect();
    drive(dut, &line_beats(&[line]), &Drive { pairs, wavelet: 6, want: pairs, ..Drive::default() }).clocks
}

/// The latency at full rate is each unit's window look-ahead (`⌈4/P⌉` beats) plus its nine
/// clocks of pipeline, four units: 52 clocks at one pair per beat — for a line of one beat
/// (all flush) as for a long one.
#[test]
fn latency_is_four_windows_and_pipelines() {
    for beats in [1usize, 2, 40] {
        assert_eq!(line_clocks(&mut LiftH::new(), beats), beats as u64 + 4 * (9 + 4), "{beats} beats");
    }
}

/// The 4-, 8- and 16-samples-per-clock builds, Verilated (`--features lift-wide`).
#[cfg(feature = "lift-wide")]
mod wide {
    use super::*;
    use uhdpipe_sim::lift_h::{LiftH16, LiftH4, LiftH8, LiftHs16, LiftHs4};

    proptest! {
        #![proptest_config(ProptestConfig { cases: 48, .. ProptestConfig::default() })]
        #[test]
        fn analysis_lanes_match_the_model(lines in beat_lines_strategy(12, 8), lanes in proptest::sample::select(vec![2usize, 4, 8]), wavelet in 0u8..7, idle in 0u32..600, stall in 0u32..600, seed in any::<u64>()) {
            // the same pairs cut into whole beats of each build's lanes
            let cut: Vec<Vec<(i64, i64)>> = lines.iter().map(|l| l[..l.len() / 8 * lanes].to_vec()).collect();
            match lanes {
                2 => check(&mut LiftH4::new(), &cut, wavelet, idle, stall, seed)?,
                4 => check(&mut LiftH8::new(), &cut, wavelet, idle, stall, seed)?,
                _ => check(&mut LiftH16::new(), &cut, wavelet, idle, stall, seed)?,
            };
        }

        #[test]
        fn synthesis_lanes_match_the_model(lines in beat_lines_strategy(16, 8), wide in any::<bool>(), wavelet in 0u8..7, idle in 0u32..600, stall in 0u32..600, seed in any::<u64>()) {
            if wide {
                check(&mut LiftHs16::new(), &lines, wavelet, idle, stall, seed)?;
            } else {
                let cut: Vec<Vec<(i64, i64)>> = lines.iter().map(|l| l[..l.len() / 4].to_vec()).collect();
                check(&mut LiftHs4::new(), &cut, wavelet, idle, stall, seed)?;
            }
        }

        #[test]
        fn synthesis_lanes_beyond_the_sized_range_are_exact_or_flagged(lines in beat_lines_strategy(20, 8), wavelet in 0u8..7, idle in 0u32..600, stall in 0u32..600, seed in any::<u64>()) {
            let got = run(&mut LiftHs16::new(), &lines, wavelet, idle, stall, seed);
            let want = expected::<LiftHs16>(&lines, wavelet as usize);
            prop_assert_eq!(got.errors, 0);
            prop_assert_eq!(got.lines.len(), want.len());
            if got.range_errors == 0 {
                prop_assert_eq!(&got.lines, &want, "wavelet {}: wrong lines and no err_range", wavelet);
            }
        }
    }

    /// Full-scale patterns stay exact at every lane count, in both directions, including
    /// lines of a single beat (every source clamped inside one beat).
    #[test]
    fn extremes_are_exact_at_every_lane_count() {
        for (bits, syn) in [(12u32, false), (16, true)] {
            let (lo, hi) = (-(1i64 << (bits - 1)), (1i64 << (bits - 1)) - 1);
            for len in [8usize, 16, 40] {
                let patterns: Vec<Vec<(i64, i64)>> = vec![
                    (0..len).map(|_| (hi, lo)).collect(),
                    (0..len).map(|i| if i < len / 2 { (lo, lo) } else { (hi, hi) }).collect(),
                    (0..len).map(|i| if (i / 2) % 2 == 0 { (hi, lo) } else { (lo, hi) }).collect(),
                    (0..len).map(|i| if i % 3 == 0 { (lo, hi) } else { (hi, lo) }).collect(),
                ];
                for wavelet in 0..7u8 {
                    for p in &patterns {
                        let lines = vec![p.clone(), p.iter().rev().copied().collect()];
                        if syn {
                            check(&mut LiftHs4::new(), &lines, wavelet, 0, 0, 1).unwrap();
                            check(&mut LiftHs16::new(), &lines, wavelet, 0, 0, 1).unwrap();
                        } else {
                            check(&mut LiftH4::new(), &lines, wavelet, 0, 0, 1).unwrap();
                            check(&mut LiftH8::new(), &lines, wavelet, 0, 0, 1).unwrap();
                            check(&mut LiftH16::new(), &lines, wavelet, 0, 0, 1).unwrap();
                        }
                    }
                }
            }
        }
    }

    /// Without idle clocks or back-pressure each build takes one beat per clock with lines
    /// back to back: 10 lines of 960 pairs in 9600 / P clocks plus its latency.
    #[test]
    fn sustains_one_beat_per_clock() {
        let lines: Vec<Vec<(i64, i64)>> = (0..10).map(|k| (0..960).map(|i| (((i * 7 + k) % 4096) - 2048, ((i * 3 + k) % 4096) - 2048)).collect()).collect();
        for wavelet in [1u8, 5, 6] {
            for (lanes, r) in [(2u64, run(&mut LiftH4::new(), &lines, wavelet, 0, 0, 1)), (4, run(&mut LiftH8::new(), &lines, wavelet, 0, 0, 1)), (8, run(&mut LiftH16::new(), &lines, wavelet, 0, 0, 1))] {
                assert_eq!(r.lines.len(), 10);
                assert!(r.clocks <= 9600 / lanes + 60, "{lanes} pairs per beat, wavelet {wavelet}: {} clocks", r.clocks);
            }
        }
    }

    /// The latency at 2, 4 and 8 pairs per beat: 44, 40 and 40 clocks (`4 · (9 + ⌈4/P⌉)`).
    #[test]
    fn latency_at_every_lane_count() {
        for beats in [1usize, 2, 40] {
            assert_eq!(line_clocks(&mut LiftH4::new(), beats), beats as u64 + 4 * (9 + 2), "2 pairs, {beats} beats");
            assert_eq!(line_clocks(&mut LiftH8::new(), beats), beats as u64 + 4 * (9 + 1), "4 pairs, {beats} beats");
            assert_eq!(line_clocks(&mut LiftH16::new(), beats), beats as u64 + 4 * (9 + 1), "8 pairs, {beats} beats");
        }
    }

    /// Broken lines at 8 pairs per beat (short, long, without in_first, cut by a new
    /// in_first) raise err_line, and every well-formed line after them comes out exactly.
    #[test]
    fn protocol_errors_flag_and_resynchronise_at_8_pairs() {
        let (stream, goods, pairs) = broken_lines(8, 3, 2);
        for wavelet in [5u8, 6] {
            let want = expected::<LiftH16>(&goods, wavelet as usize);
            let r = drive(&mut LiftH16::new(), &stream, &Drive { pairs, wavelet, seed: 1, idle: 200, stall: 200, ..Drive::default() });
            assert_eq!(r.errors, 5, "error pulses");
            assert_eq!(r.lines.len(), 8, "output lines (dropped beats make none)");
            for (i, w) in want.iter().enumerate() {
                assert!(r.lines.contains(w), "good line {i} is missing or wrong after a protocol error (wavelet {wavelet})");
            }
        }
    }
}
