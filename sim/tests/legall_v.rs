//! The Verilated LeGall 5/3 / Haar vertical lifting at 1 and 8 column pairs per beat (2 and
//! 16 samples per clock), analysis and synthesis, against the model's `oned_analysis` /
//! `oned_synthesis` on every column: random pictures of random sizes (narrow rows
//! included), 1–2 pictures back to back, wavelets 1/3/4, random idle input cycles and
//! independent back-pressure on the output and LL streams, with rust-hdl's simulator
//! agreeing beat for beat; full-scale extremes; throughput.

use proptest::prelude::*;
use uhdpipe_model::wavelet::{oned_analysis, oned_synthesis};
use uhdpipe_sim::legall_v::{Build, Ports};
use uhdpipe_sim::{Chance, Dut};

/// Rows of samples.
type Picture = Vec<Vec<i64>>;

/// The model's output rows: analysis `L_0, H_0, L_1, …`, synthesis `e_0, o_0, e_1, …`, each
/// column on its own.
fn model(b: Build, pic: &Picture, wavelet: usize) -> Picture {
    let (rows, cols) = (pic.len(), pic[0].len());
    let mut out = vec![vec![0; cols]; rows];
    for c in 0..cols {
        let lo: Vec<i64> = (0..rows / 2).map(|m| pic[2 * m][c]).collect();
        let hi: Vec<i64> = (0..rows / 2).map(|m| pic[2 * m + 1][c]).collect();
        let (x, y) = if b.synthesis { oned_synthesis(&lo, &hi, wavelet) } else { oned_analysis(&lo, &hi, wavelet) };
        for m in 0..rows / 2 {
            out[2 * m][c] = x[m];
            out[2 * m + 1][c] = y[m];
        }
    }
    out
}

/// What came out: each picture's number and rows, and the LL stream's rows.
#[derive(Debug, PartialEq, Eq)]
struct Outcome {
    pics: Vec<(u8, Picture)>,
    ll: Vec<Vec<i64>>,
    cycles: u64,
}

/// Random withholding: per-mille chances of an idle input cycle and of output (or LL)
/// back-pressure on a cycle, and the seed that replays them.
#[derive(Clone, Copy)]
struct Load {
    idle: u32,
    stall: u32,
    seed: u64,
}

/// No idle cycles and no back-pressure.
const FREE: Load = Load { idle: 0, stall: 0, seed: 1 };

/// Drives `pics` (all one size) through `dut` under `load`.
fn run(dut: &mut impl Dut<Ports = Ports>, b: Build, pics: &[Picture], wavelet: usize, ll: bool, load: Load) -> Outcome {
    let Load { idle, stall, seed } = load;
    let (rows, cols) = (pics[0].len(), pics[0][0].len());
    let nb = cols / 2 / b.lanes;
    let beat = |p: usize, r: usize, j: usize| -> Ports {
        let mut q = Ports { in_valid: 1, in_first: (j == 0) as u8, in_last: (j == nb - 1) as u8, in_sop: (r == 0 && j == 0) as u8, in_tag: p as u8, ..Ports::default() };
        for k in 0..b.lanes {
            q.in_a[k] = pics[p][r][2 * (j * b.lanes + k)] as u32;
            q.in_b[k] = pics[p][r][2 * (j * b.lanes + k) + 1] as u32;
        }
        q
    };
    let order: Vec<(usize, usize, usize)> = (0..pics.len()).flat_map(|p| (0..rows).flat_map(move |r| (0..nb).map(move |j| (p, r, j)))).collect();
    let want_ll = if ll && !b.synthesis { pics.len() * rows / 2 * nb } else { 0 };
    let mut chance = Chance::new(seed);
    let (mut next, mut got, mut got_ll, mut cycles) = (0usize, 0usize, 0usize, 0u64);
    let mut out = Outcome { pics: Vec::new(), ll: Vec::new(), cycles: 0 };
    while got < order.len() || got_ll < want_ll {
        let mut p = Ports::default();
        // (the run-time registers are decoded into registers: no beat in the first clocks)
        if next < order.len() && cycles >= 4 && !chance.hit(idle) {
            let (pi, r, j) = order[next];
            p = beat(pi, r, j);
        }
        p.cfg_pairs = nb as u16;
        p.cfg_rows = rows as u16;
        p.cfg_haar = (wavelet != 1) as u8;
        // (the LL stream is the next analysis level's input: synthesis leaves it off)
        p.cfg_ll = (ll && !b.synthesis) as u8;
        p.out_ready = !chance.hit(stall) as u8;
        p.ll_ready = !chance.hit(stall) as u8;
        dut.eval(&mut p);
        if p.in_valid == 1 && p.in_ready == 1 {
            next += 1;
        }
        assert_eq!(p.err_pic, 0, "a well-formed picture raised a protocol error");
        if p.out_valid == 1 && p.out_ready == 1 {
            if p.out_sop == 1 {
                out.pics.push((p.out_tag, Vec::new()));
            }
            let rows_out = &mut out.pics.last_mut().expect("output before the first out_sop").1;
            if p.out_first == 1 {
                assert_eq!(p.out_vhigh == 1, rows_out.len() % 2 == 1, "out_vhigh marks the odd output rows");
                rows_out.push(Vec::new());
            }
            let row = rows_out.last_mut().expect("a row without out_first");
            for k in 0..b.lanes {
                row.extend([Build::sext(p.out_a[k]), Build::sext(p.out_b[k])]);
            }
            got += 1;
        }
        if p.ll_valid == 1 && p.ll_ready == 1 {
            if p.ll_first == 1 {
                out.ll.push(Vec::new());
            }
            let row = out.ll.last_mut().expect("an LL row without ll_first");
            row.extend((0..b.lanes).map(|k| Build::sext(p.ll_c[k])));
            got_ll += 1;
        }
        dut.tick();
        cycles += 1;
        assert!(cycles < 100 * (order.len() + want_ll) as u64 + 1000, "the block stopped making progress");
    }
    out.cycles = cycles;
    out
}

/// Checks an outcome against the model: every picture exact, numbered, and the LL rows the
/// L rows' first columns.
fn check(b: Build, pics: &[Picture], wavelet: usize, ll: bool, got: &Outcome) {
    assert_eq!(got.pics.len(), pics.len(), "{b:?}: pictures out");
    let mut want_ll = Vec::new();
    for (i, (pic, (tag, out))) in pics.iter().zip(&got.pics).enumerate() {
        let want = model(b, pic, wavelet);
        assert_eq!(*tag as usize, i, "{b:?}: out_tag");
        assert_eq!(out, &want, "{b:?}, wavelet {wavelet}: picture {i}");
        if ll && !b.synthesis {
            want_ll.extend(want.iter().step_by(2).map(|r| r.iter().step_by(2).copied().collect::<Vec<i64>>()));
        }
    }
    assert_eq!(got.ll, want_ll, "{b:?}: the LL stream");
}

fn pictures(b: Build) -> impl Strategy<Value = Vec<Picture>> {
    let m = 1i64 << (Build::IN_BITS - 1);
    (1usize..9, 1usize..7, 1usize..3).prop_flat_map(move |(nb, half_rows, n)| {
        let cols = 2 * b.lanes * nb;
        proptest::collection::vec(proptest::collection::vec(proptest::collection::vec(-m..m, cols), 2 * half_rows), n)
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, .. ProptestConfig::default() })]
    #[test]
    fn every_build_matches_the_model_under_back_pressure(
        (b, pics) in proptest::sample::select(Build::ALL.to_vec()).prop_flat_map(|b| (Just(b), pictures(b))),
        wavelet in proptest::sample::select(vec![1usize, 3, 4]),
        ll in any::<bool>(),
        idle in 0u32..600,
        stall in 0u32..600,
        seed in any::<u64>(),
    ) {
        let load = Load { idle, stall, seed };
        let verilated = run(&mut b.verilated(), b, &pics, wavelet, ll, load);
        check(b, &pics, wavelet, ll, &verilated);
        let hdl = run(&mut b.hdl(), b, &pics, wavelet, ll, load);
        prop_assert_eq!(hdl, verilated, "rust-hdl's simulator disagrees with Verilator");
    }
}

/// Full-scale patterns (row and column alternations, steps) stay exact in every build.
#[test]
fn extremes_are_exact() {
    let (lo, hi) = (-(1i64 << (Build::IN_BITS - 1)), (1i64 << (Build::IN_BITS - 1)) - 1);
    for b in Build::ALL {
        let cols = 2 * b.lanes * 4;
        let pat = |f: &dyn Fn(usize, usize) -> bool| -> Picture { (0..12).map(|r| (0..cols).map(|c| if f(r, c) { hi } else { lo }).collect()).collect() };
        let pics = vec![pat(&|r, _| r % 2 == 0), pat(&|r, c| (r + c) % 2 == 0), pat(&|r, _| r >= 6), pat(&|r, c| (r / 2 + c) % 2 == 1)];
        for w in [1, 4] {
            let got = run(&mut b.verilated(), b, &pics, w, true, FREE);
            check(b, &pics, w, true, &got);
        }
    }
}

/// Without idle cycles or back-pressure a picture costs `cfg_pairs · (cfg_rows + 2)` clocks
/// (two flush rows) plus the pipeline's latency, at every lane count: 64 rows of 32 beats.
#[test]
fn sustains_one_beat_per_clock() {
    for b in Build::ALL {
        let cols = 2 * b.lanes * Build::MAX_BEATS;
        let pic: Picture = (0..64).map(|r| (0..cols).map(|c| ((r * 31 + c * 7) % 8192) as i64 - 4096).collect()).collect();
        let got = run(&mut b.verilated(), b, &[pic.clone(), pic], 1, true, FREE);
        let nominal = 2 * Build::MAX_BEATS as u64 * 66;
        assert!(got.cycles <= nominal + 20, "{b:?}: {} clocks for two pictures, nominal {nominal}", got.cycles);
    }
}
