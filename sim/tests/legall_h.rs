//! The Verilated LeGall 5/3 horizontal analysis against the model's `analysis_1d`, on random
//! lines of random lengths and 12-bit samples, under random valid (idle input cycles) and
//! ready (output back-pressure), several lines back to back; and its throughput.

use proptest::prelude::*;
use uhdpipe_model::wavelet::analysis_1d;
use uhdpipe_sim::legall_h::{HdlLegallH, LegallH, Ports};
use uhdpipe_sim::{Chance, Dut};

/// Drives `lines` through the block; `idle`/`stall` are per-mille chances of withholding
/// input or output readiness on a cycle. Returns the outputs as (L, H) lines and the cycles.
/// A line of (L, H) results.
type Halves = (Vec<i64>, Vec<i64>);

fn run(dut: &mut impl Dut<Ports = Ports>, lines: &[Vec<i64>], idle: u32, stall: u32, seed: u64) -> (Vec<Halves>, u64) {
    let pairs: Vec<(i64, i64, bool, bool)> = lines
        .iter()
        .flat_map(|l| {
            let n = l.len() / 2;
            (0..n).map(move |i| (l[2 * i], l[2 * i + 1], i == 0, i == n - 1))
        })
        .collect();
    let total = pairs.len();
    let mut chance = Chance::new(seed);
    let sext = |v: u16| v as i16 as i64;
    let (mut next, mut got, mut cycles) = (0usize, Vec::new(), 0u64);
    let mut line: Halves = (Vec::new(), Vec::new());
    let mut out_lines = Vec::new();
    while got.len() < total {
        let mut p = Ports { cfg_pairs: (lines[0].len() / 2) as u16, ..Ports::default() };
        if next < total && !chance.hit(idle) {
            let (e, o, f, l) = pairs[next];
            // The first pair carries the start-of-picture sideband, which must come out with
            // the first result pair.
            p = Ports { in_valid: 1, in_even: e as u16, in_odd: o as u16, in_first: f as u8, in_last: l as u8, in_sop: (next == 0) as u8, ..p };
        }
        p.out_ready = !chance.hit(stall) as u8;
        dut.eval(&mut p);
        if p.in_valid == 1 && p.in_ready == 1 {
            next += 1;
        }
        assert_eq!(p.err_line, 0, "well-formed lines raised a protocol error");
        if p.out_valid == 1 && p.out_ready == 1 {
            assert_eq!(p.out_sop == 1, got.is_empty(), "out_sop marks the first result pair only");
            got.push(());
            assert_eq!(p.out_first == 1, line.0.is_empty(), "out_first marks the first pair of a line");
            line.0.push(sext(p.out_low));
            line.1.push(sext(p.out_high));
            if p.out_last == 1 {
                out_lines.push(std::mem::take(&mut line));
            }
        }
        dut.tick();
        cycles += 1;
        assert!(cycles < 100 * total as u64 + 100, "the block stopped making progress");
    }
    (out_lines, cycles)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, .. ProptestConfig::default() })]
    #[test]
    fn matches_the_model_under_back_pressure(
        lines in (1usize..20).prop_flat_map(|pairs| proptest::collection::vec(proptest::collection::vec((-2048i64..2048, -2048i64..2048), pairs).prop_map(|v| v.into_iter().flat_map(|(a, b)| [a, b]).collect::<Vec<i64>>()), 1..6)),
        idle in 0u32..700,
        stall in 0u32..700,
        seed in any::<u64>(),
    ) {
        // Verilator on the generated Verilog (the reference) and rust-hdl's own simulator.
        let (verilated, _) = run(&mut LegallH::new(), &lines, idle, stall, seed);
        let (hdl, _) = run(&mut HdlLegallH::new(), &lines, idle, stall, seed);
        prop_assert_eq!(verilated.len(), lines.len());
        for (g, l) in verilated.iter().zip(&lines) {
            let want = analysis_1d(l, 1);
            prop_assert_eq!(&g.0, &want.0);
            prop_assert_eq!(&g.1, &want.1);
        }
        prop_assert_eq!(hdl, verilated, "rust-hdl's simulator disagrees with Verilator");
    }
}

/// Extreme samples (full-scale steps and alternations) stay exact. With `UHDPIPE_FST=path`
/// (and the `fst` feature) this test writes its waveform there.
#[test]
fn extremes_are_exact() {
    let mut dut = LegallH::new();
    if let Some(path) = std::env::var_os("UHDPIPE_FST") {
        dut.trace_to(std::path::Path::new(&path)).unwrap();
    }
    let lines: Vec<Vec<i64>> = vec![
        (0..64).map(|i| if i % 2 == 0 { 2047 } else { -2048 }).collect(),
        (0..64).map(|i| if i < 32 { -2048 } else { 2047 }).collect(),
        (0..64).map(|i| if (i / 3) % 2 == 0 { 2047 } else { -2048 }).collect(),
        vec![-2048; 64],
    ];
    let (got, _) = run(&mut dut, &lines, 0, 0, 1);
    assert_eq!(got.len(), lines.len());
    for (g, l) in got.iter().zip(&lines) {
        assert_eq!((g.0.clone(), g.1.clone()), analysis_1d(l, 1));
    }
}

/// Without idle cycles or back-pressure the block takes one pair per clock, lines back to
/// back.
#[test]
fn sustains_one_pair_per_clock() {
    let mut dut = LegallH::new();
    let lines: Vec<Vec<i64>> = (0..10).map(|k| (0..1920).map(|i| ((i * 7 + k) % 4096) as i64 - 2048).collect()).collect();
    let (_, cycles) = run(&mut dut, &lines, 0, 0, 1);
    // 10 lines of 960 pairs, plus the pipeline's latency.
    assert!(cycles <= 10 * 960 + 7, "{cycles} cycles");
}

/// A pair as the stream carries it: (even, odd, in_first, in_last).
type Beat = (i64, i64, bool, bool);

fn beats(line: &[i64], first: bool, last_at: Option<usize>) -> Vec<Beat> {
    let n = line.len() / 2;
    (0..n).map(|i| (line[2 * i], line[2 * i + 1], first && i == 0, Some(i) == last_at)).collect()
}

/// Broken lines (short, long, without in_first, cut by a new in_first) raise err_line, and
/// every well-formed line after them comes out exactly right — in both simulators.
#[test]
fn protocol_errors_flag_and_resynchronise() {
    let pairs = 8;
    let good = |k: i64| -> Vec<i64> { (0..2 * pairs as i64).map(|i| ((i * 37 + k * 101) % 4096) - 2048).collect() };
    let mut stream: Vec<Beat> = Vec::new();
    let mut expected = Vec::new();
    let mut add_good = |stream: &mut Vec<Beat>, k: i64| {
        let l = good(k);
        stream.extend(beats(&l, true, Some(pairs - 1)));
        expected.push(analysis_1d(&l, 1));
    };
    add_good(&mut stream, 0);
    stream.extend(beats(&good(100)[..10], true, Some(4))); // short: in_last at pair 5 of 8
    add_good(&mut stream, 1);
    stream.extend(beats(&(0..20).collect::<Vec<i64>>(), true, Some(9))); // long: 10 pairs
    add_good(&mut stream, 2);
    stream.extend(beats(&good(200)[..6], false, Some(2))); // no in_first
    add_good(&mut stream, 3);
    stream.extend(beats(&good(300)[..8], true, None)); // cut short by the next line's in_first
    add_good(&mut stream, 4);
    // Error pulses: the short line 1; the long line 2 (no in_last at its 8th pair, then a
    // pair without in_first); the line without in_first 1 (its other pairs are dropped
    // silently); the cut line 1 (the next in_first arrives inside it).
    let want_errors = 5;
    // Output lines: the 5 good ones, the short line, the long line's first 8 pairs and the
    // cut line (ended by the next line's first pair); dropped pairs make none.
    let want_lines = 8;

    fn drive(dut: &mut impl Dut<Ports = Ports>, stream: &[Beat], pairs: usize) -> (Vec<Halves>, usize) {
        let sext = |v: u16| v as i16 as i64;
        let (mut next, mut errors, mut idle) = (0, 0, 0);
        let mut lines: Vec<Halves> = Vec::new();
        while idle < 20 {
            let mut p = Ports { cfg_pairs: pairs as u16, out_ready: 1, ..Ports::default() };
            if let Some(&(e, o, f, l)) = stream.get(next) {
                p = Ports { in_valid: 1, in_even: e as u16, in_odd: o as u16, in_first: f as u8, in_last: l as u8, ..p };
            }
            dut.eval(&mut p);
            if p.in_valid == 1 && p.in_ready == 1 {
                next += 1;
            }
            errors += p.err_line as usize;
            if p.out_valid == 1 {
                if p.out_first == 1 || lines.is_empty() {
                    lines.push((Vec::new(), Vec::new()));
                }
                let l = lines.last_mut().unwrap();
                l.0.push(sext(p.out_low));
                l.1.push(sext(p.out_high));
            }
            idle = if next >= stream.len() && p.out_valid == 0 { idle + 1 } else { 0 };
            dut.tick();
        }
        (lines, errors)
    }
    for (name, (lines, errors)) in [("verilated", drive(&mut LegallH::new(), &stream, pairs)), ("rust-hdl", drive(&mut HdlLegallH::new(), &stream, pairs))] {
        assert_eq!(errors, want_errors, "{name}: error pulses");
        assert_eq!(lines.len(), want_lines, "{name}: output lines (dropped pairs must make none)");
        for (i, want) in expected.iter().enumerate() {
            assert!(lines.contains(want), "{name}: good line {i} is missing or wrong after a protocol error");
        }
    }
}
