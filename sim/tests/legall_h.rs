//! The Verilated LeGall 5/3 / Haar horizontal lifting at 1, 2, 4 and 8 pairs per beat (2–16
//! samples per clock), analysis and synthesis, against the model's `analysis_1d` /
//! `synthesis_1d`: random lines of random lengths, samples and wavelets (1, 3, 4), under
//! random valid (idle input cycles) and ready (output back-pressure), several lines back to
//! back, with rust-hdl's simulator agreeing beat for beat; full-scale extremes; protocol
//! errors; throughput.

use proptest::prelude::*;
use uhdpipe_model::wavelet::{analysis_1d, synthesis_1d};
use uhdpipe_sim::legall_h::{Build, Ports};
use uhdpipe_sim::{Chance, Dut};

/// A line as the stream carries it: pairs `(a, b)` — analysis `(x_{2n}, x_{2n+1})`,
/// synthesis `(L_n, H_n)`; and what comes out: analysis `(L_n, H_n)`, synthesis
/// `(x_{2n}, x_{2n+1})`.
type Line = Vec<(i64, i64)>;

/// The model's result for one line.
fn model(b: Build, line: &Line, wavelet: usize) -> Line {
    if b.synthesis {
        let (lo, hi): (Vec<i64>, Vec<i64>) = line.iter().copied().unzip();
        let x = synthesis_1d(&lo, &hi, wavelet);
        x.chunks(2).map(|p| (p[0], p[1])).collect()
    } else {
        let x: Vec<i64> = line.iter().flat_map(|&(a, b)| [a, b]).collect();
        let (lo, hi) = analysis_1d(&x, wavelet);
        lo.into_iter().zip(hi).collect()
    }
}

/// The run-time registers for VC-2 wavelet `w` (1 LeGall, 3 Haar without shift, 4 Haar).
fn with_wavelet(p: Ports, w: usize) -> Ports {
    Ports { cfg_haar: (w != 1) as u8, cfg_noshift: (w == 3) as u8, ..p }
}

/// One beat: the pairs of lanes 0..P and the line markers.
struct Beat {
    pairs: Vec<(i64, i64)>,
    first: bool,
    last: bool,
}

/// The beats of `line` (a multiple of `b.lanes` pairs), `first` on the first beat, `last`
/// on beat `last_at`.
fn beats(b: Build, line: &[(i64, i64)], first: bool, last_at: Option<usize>) -> Vec<Beat> {
    line.chunks(b.lanes).enumerate().map(|(i, c)| Beat { pairs: c.to_vec(), first: first && i == 0, last: Some(i) == last_at }).collect()
}

/// Sets beat `bt`'s lanes on `p`.
fn offer(p: &mut Ports, bt: &Beat) {
    p.in_valid = 1;
    p.in_first = bt.first as u8;
    p.in_last = bt.last as u8;
    for (k, &(a, b)) in bt.pairs.iter().enumerate() {
        p.in_even[k] = a as u32;
        p.in_odd[k] = b as u32;
    }
}

/// The output beat on `p`'s lanes.
fn taken(b: Build, p: &Ports) -> impl Iterator<Item = (i64, i64)> + '_ {
    (0..b.lanes).map(move |k| (b.sext(p.out_low[k]), b.sext(p.out_high[k])))
}

/// Drives `lines` (all of one length) through `dut`; `idle`/`stall` are per-mille chances
/// of withholding input or output readiness on a cycle. Returns the output lines and the
/// cycles used.
fn run(dut: &mut impl Dut<Ports = Ports>, b: Build, lines: &[Line], wavelet: usize, idle: u32, stall: u32, seed: u64) -> (Vec<Line>, u64) {
    let nb = lines[0].len() / b.lanes;
    let stream: Vec<Beat> = lines.iter().flat_map(|l| beats(b, l, true, Some(nb - 1))).collect();
    let total = stream.len();
    let mut chance = Chance::new(seed);
    let (mut next, mut got, mut cycles) = (0usize, 0usize, 0u64);
    let mut line: Line = Vec::new();
    let mut out_lines = Vec::new();
    while got < total {
        let mut p = with_wavelet(Ports { cfg_beats: nb as u16, ..Ports::default() }, wavelet);
        if next < total && !chance.hit(idle) {
            offer(&mut p, &stream[next]);
            // The first beat carries the start-of-picture sideband, which must come out with
            // the first result beat.
            p.in_sop = (next == 0) as u8;
        }
        p.out_ready = !chance.hit(stall) as u8;
        dut.eval(&mut p);
        if p.in_valid == 1 && p.in_ready == 1 {
            next += 1;
        }
        assert_eq!(p.err_line, 0, "well-formed lines raised a protocol error");
        if p.out_valid == 1 && p.out_ready == 1 {
            assert_eq!(p.out_sop == 1, got == 0, "out_sop marks the first result beat only");
            assert_eq!(p.out_first == 1, line.is_empty(), "out_first marks the first beat of a line");
            got += 1;
            line.extend(taken(b, &p));
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

/// Random lines for `b`: `nl` lines of `nb` beats, samples within the build's input width.
fn lines_strategy(b: Build) -> impl Strategy<Value = Vec<Line>> {
    let m = 1i64 << (b.in_bits - 1);
    (1usize..10, 1usize..5).prop_flat_map(move |(nb, nl)| proptest::collection::vec(proptest::collection::vec((-m..m, -m..m), nb * b.lanes), nl))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, .. ProptestConfig::default() })]
    #[test]
    fn every_build_matches_the_model_under_back_pressure(
        (b, lines) in proptest::sample::select(Build::ALL.to_vec()).prop_flat_map(|b| (Just(b), lines_strategy(b))),
        wavelet in proptest::sample::select(vec![1usize, 3, 4]),
        idle in 0u32..700,
        stall in 0u32..700,
        seed in any::<u64>(),
    ) {
        // Verilator on the generated Verilog (the reference) and rust-hdl's own simulator.
        let (verilated, _) = run(&mut b.verilated(), b, &lines, wavelet, idle, stall, seed);
        let (hdl, _) = run(&mut b.hdl(), b, &lines, wavelet, idle, stall, seed);
        prop_assert_eq!(verilated.len(), lines.len());
        for (g, l) in verilated.iter().zip(&lines) {
            prop_assert_eq!(g, &model(b, l, wavelet), "{:?}, wavelet {}", b, wavelet);
        }
        prop_assert_eq!(hdl, verilated, "rust-hdl's simulator disagrees with Verilator");
    }
}

/// Extreme samples (full-scale steps and alternations) stay exact in every build and
/// wavelet. With `UHDPIPE_FST=path` (and the `fst` feature) the 8-lane analysis run writes
/// its waveform there.
#[test]
fn extremes_are_exact() {
    for b in Build::ALL {
        let (lo, hi) = (-(1i64 << (b.in_bits - 1)), (1i64 << (b.in_bits - 1)) - 1);
        let n = 32;
        let pat = |f: &dyn Fn(usize) -> bool| -> Line { (0..n).map(|i| (if f(2 * i) { hi } else { lo }, if f(2 * i + 1) { hi } else { lo })).collect() };
        let lines: Vec<Line> = vec![pat(&|i| i % 2 == 0), pat(&|i| i >= n), pat(&|i| (i / 3) % 2 == 0), pat(&|_| false), pat(&|i| (i / 2) % 2 == 1)];
        for w in [1, 3, 4] {
            let mut dut = b.verilated();
            if b == Build::analysis(8) && w == 1 {
                if let Some(path) = std::env::var_os("UHDPIPE_FST") {
                    let mut d = uhdpipe_sim::legall_h::LegallH16::new();
                    d.trace_to(std::path::Path::new(&path)).unwrap();
                    dut = Box::new(d);
                }
            }
            let (got, _) = run(&mut dut, b, &lines, w, 0, 0, 1);
            assert_eq!(got.len(), lines.len());
            for (g, l) in got.iter().zip(&lines) {
                assert_eq!(g, &model(b, l, w), "{b:?}, wavelet {w}");
            }
        }
    }
}

/// Without idle cycles or back-pressure every build takes one beat per clock, lines back
/// to back: 10 lines of 1920 samples in 9600 / P clocks plus the pipeline's latency.
#[test]
fn sustains_one_beat_per_clock() {
    for b in Build::ALL {
        let m = 1i64 << (b.in_bits - 1);
        let lines: Vec<Line> = (0..10).map(|k| (0..960).map(|i| (((i * 7 + k) as i64 % (2 * m)) - m, ((i * 13 + k) as i64 % (2 * m)) - m)).collect()).collect();
        let (_, cycles) = run(&mut b.verilated(), b, &lines, 1, 0, 0, 1);
        let beats = 10 * 960 / b.lanes as u64;
        assert!(cycles <= beats + 7, "{b:?}: {cycles} cycles for {beats} beats");
    }
}

/// Broken lines (short, long, without in_first, cut by a new in_first) raise err_line, and
/// every well-formed line after them comes out exactly right — in both simulators, at 1, 2
/// and 8 pairs per beat.
#[test]
fn protocol_errors_flag_and_resynchronise() {
    for b in [Build::analysis(1), Build::analysis(8), Build::synthesis(2)] {
        let nb = 8;
        let pairs = nb * b.lanes;
        let m = 1i64 << (b.in_bits - 1);
        let good = |k: i64| -> Line { (0..pairs as i64).map(|i| (((i * 37 + k * 101) % (2 * m)) - m, ((i * 53 + k * 7) % (2 * m)) - m)).collect() };
        let mut stream: Vec<Beat> = Vec::new();
        let mut expected = Vec::new();
        let mut add_good = |stream: &mut Vec<Beat>, k: i64| {
            let l = good(k);
            stream.extend(beats(b, &l, true, Some(nb - 1)));
            expected.push(model(b, &l, 1));
        };
        let lanes = b.lanes;
        add_good(&mut stream, 0);
        stream.extend(beats(b, &good(100)[..5 * lanes], true, Some(4))); // short: in_last at beat 5 of 8
        add_good(&mut stream, 1);
        stream.extend(beats(b, &(0..10 * lanes as i64).map(|i| (i, -i)).collect::<Line>(), true, Some(9))); // long: 10 beats
        add_good(&mut stream, 2);
        stream.extend(beats(b, &good(200)[..3 * lanes], false, Some(2))); // no in_first
        add_good(&mut stream, 3);
        stream.extend(beats(b, &good(300)[..4 * lanes], true, None)); // cut short by the next line's in_first
        add_good(&mut stream, 4);
        // Error pulses: the short line 1; the long line 2 (no in_last at its 8th beat, then a
        // beat without in_first); the line without in_first 1 (its other beats are dropped
        // silently); the cut line 1 (the next in_first arrives inside it).
        let want_errors = 5;
        // Output lines: the 5 good ones, the short line, the long line's first 8 beats and
        // the cut line (ended by the next line's first beat); dropped beats make none.
        let want_lines = 8;

        let drive = |dut: &mut dyn Dut<Ports = Ports>| -> (Vec<Line>, usize) {
            let (mut next, mut errors, mut idle) = (0, 0, 0);
            let mut lines: Vec<Line> = Vec::new();
            while idle < 20 {
                let mut p = with_wavelet(Ports { cfg_beats: nb as u16, out_ready: 1, ..Ports::default() }, 1);
                if let Some(bt) = stream.get(next) {
                    offer(&mut p, bt);
                }
                dut.eval(&mut p);
                if p.in_valid == 1 && p.in_ready == 1 {
                    next += 1;
                }
                errors += p.err_line as usize;
                if p.out_valid == 1 {
                    if p.out_first == 1 || lines.is_empty() {
                        lines.push(Vec::new());
                    }
                    lines.last_mut().unwrap().extend(taken(b, &p));
                }
                idle = if next >= stream.len() && p.out_valid == 0 { idle + 1 } else { 0 };
                dut.tick();
            }
            (lines, errors)
        };
        for (name, (lines, errors)) in [("verilated", drive(&mut *b.verilated())), ("rust-hdl", drive(&mut *b.hdl()))] {
            assert_eq!(errors, want_errors, "{b:?} {name}: error pulses");
            assert_eq!(lines.len(), want_lines, "{b:?} {name}: output lines (dropped beats must make none)");
            for (i, want) in expected.iter().enumerate() {
                assert!(lines.contains(want), "{b:?} {name}: good line {i} is missing or wrong after a protocol error");
            }
        }
    }
}
