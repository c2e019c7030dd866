//! The Verilated LeGall 5/3 horizontal analysis against the model's `analysis_1d`, on random
//! lines of random lengths and 12-bit samples, under random valid (idle input cycles) and
//! ready (output back-pressure), several lines back to back; and its throughput.

use proptest::prelude::*;
use uhdpipe_model::wavelet::analysis_1d;
use uhdpipe_sim::legall_h::{Dut, HdlLegallH, LegallH, Ports};

/// Drives `lines` through the block; `idle`/`stall` are per-mille chances of withholding
/// input or output readiness on a cycle. Returns the outputs as (L, H) lines and the cycles.
/// A line of (L, H) results.
type Halves = (Vec<i64>, Vec<i64>);

fn run(dut: &mut impl Dut, lines: &[Vec<i64>], idle: u32, stall: u32, seed: u64) -> (Vec<Halves>, u64) {
    let pairs: Vec<(i64, i64, bool, bool)> = lines
        .iter()
        .flat_map(|l| {
            let n = l.len() / 2;
            (0..n).map(move |i| (l[2 * i], l[2 * i + 1], i == 0, i == n - 1))
        })
        .collect();
    let total = pairs.len();
    let mut x = seed | 1;
    let mut rand = move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        (x % 1000) as u32
    };
    let sext = |v: u16| v as i16 as i64;
    let (mut next, mut got, mut cycles) = (0usize, Vec::new(), 0u64);
    let mut line: Halves = (Vec::new(), Vec::new());
    let mut out_lines = Vec::new();
    while got.len() < total {
        let mut p = Ports::default();
        if next < total && rand() >= idle {
            let (e, o, f, l) = pairs[next];
            p = Ports { in_valid: 1, in_even: e as u16, in_odd: o as u16, in_first: f as u8, in_last: l as u8, ..p };
        }
        p.out_ready = (rand() >= stall) as u8;
        dut.eval(&mut p);
        if p.in_valid == 1 && p.in_ready == 1 {
            next += 1;
        }
        if p.out_valid == 1 && p.out_ready == 1 {
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
        lines in proptest::collection::vec(proptest::collection::vec((-2048i64..2048, -2048i64..2048), 1..20usize).prop_map(|v| v.into_iter().flat_map(|(a, b)| [a, b]).collect::<Vec<i64>>()), 1..6),
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
        vec![2047, -2048],
        vec![-2048; 8],
    ];
    let (got, _) = run(&mut dut, &lines, 0, 0, 1);
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
    assert!(cycles <= 10 * 960 + 6, "{cycles} cycles");
}
