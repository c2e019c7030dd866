//! The Verilated every-wavelet inverse 2-D transform (`lift_inv`, `lift_inv1` at one
//! sample per clock, `lift_inv16` at 16, and with the `lift-inv-wide` feature `lift_inv4`
//! and `lift_inv8`) against the model's
//! `idwt`: the bands of random pictures (exact and perturbed as quantisation would: always
//! exact, never `err_range`) and random coefficients filling the 23-bit band lanes (exact,
//! or flagged by `err_range` where a result wraps its 25 bits), every vertical and
//! horizontal wavelet pair (drawn independently from 0..=6), depths 1–4 with or without a
//! horizontal-only level, under random idle clocks on each band stream and back-pressure on
//! the picture stream, several pictures back to back; full-scale extremes (flagged) and the
//! good picture after one; a natural picture's round trip; protocol errors; an unbuilt
//! wavelet index; latency and throughput.
//!
//! Only with the `lift-inv` feature (or `all-builds`: `ci/rtl-full.sh`): Verilating this block takes
//! ~3 minutes on 2 cores.
#![cfg(feature = "lift-inv")]

use proptest::prelude::*;
use uhdpipe_model::wavelet::{dwt, idwt, new_bands, Band, TransformParams};
use uhdpipe_rtl::blocks::lift_inv::BAND_BITS;
use uhdpipe_rtl::blocks::lift_v::flush_rows;
use uhdpipe_sim::legall_inv::{assemble, band_streams, check_numbered, drive, number_picture, with_broken_copies, Drive, InvBuild, Outcome, Streams, HO, STREAMS};
use uhdpipe_sim::legall_fwd::width_unit;
use uhdpipe_sim::lift_inv::{LiftInv, LiftInv1, LiftInv16};
#[cfg(feature = "lift-inv-wide")]
use uhdpipe_sim::lift_inv::{LiftInv4, LiftInv8};
use uhdpipe_sim::pictures::{natural, noise};

/// A transform shape: depth, horizontal-only depth (0 or 1), (vertical, horizontal) wavelet.
#[derive(Debug, Clone, Copy)]
struct Shape {
    depth: usize,
    ho: usize,
    wv: (u8, u8),
}

fn params(s: Shape) -> TransformParams {
    TransformParams { wavelet_index: s.wv.0 as usize, wavelet_index_ho: s.wv.1 as usize, dwt_depth: s.depth, dwt_depth_ho: s.ho }
}

/// One picture's coefficients in the model's (bitstream) order: the DC band, the
/// horizontal-only level's H, then HL, LH, HH from the deepest 2-D level to level 1.
type Coefs = Vec<Vec<i64>>;

/// The model's synthesis of `c`.
fn model(c: &Coefs, width: usize, height: usize, s: Shape) -> Vec<i64> {
    let t = params(s);
    let mut bands: Vec<Band<i64>> = new_bands(&t, width, height);
    for (b, d) in bands.iter_mut().zip(c) {
        assert_eq!(b.data.len(), d.len());
        b.data.clone_from(d);
    }
    idwt(&t, bands).data
}

/// The model's analysis of a picture.
fn analyse(pic: &[i64], width: usize, height: usize, s: Shape) -> Coefs {
    dwt(&params(s), Band { width, height, data: pic.to_vec() }).into_iter().map(|b| b.data).collect()
}

/// The five band streams of `c` (levels 1..=depth, then the horizontal-only level; absent
/// levels empty) in beats of `lanes` pairs, numbered `pic`. Lane a of the L rows of every level whose LL comes from
/// below carries `junk` (the block must ignore it).
fn streams(c: &Coefs, width: usize, height: usize, s: Shape, junk: i64, pic: u8, lanes: [usize; STREAMS]) -> Streams {
    let mut st = band_streams(c, width, height, s.depth, s.ho, lanes, |_, i| junk.wrapping_mul(i as i64 + 1) % (1 << (BAND_BITS - 1)));
    number_picture(&mut st, pic);
    st
}

fn bench(s: Shape, idle: u32, stall: u32, seed: u64) -> Drive {
    Drive { pairs: 0, rows: 0, depth: s.depth as u8, depth_ho: s.ho as u8, wavelet: s.wv.0, wavelet_ho: s.wv.1, idle, stall, seed }
}

/// What a run's coefficients are, and so what `err_range` must do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// From pictures of up to 12 bits (quantised or not): inside `vc2-bit-widths`' bounds, so
    /// every picture must be exact and `err_range` must stay low.
    Real,
    /// Anything the lanes carry: a picture may differ from the model only if `err_range`
    /// pulsed.
    Any,
}

/// Runs `pics` back to back through a fresh block and checks every output picture against
/// the model.
fn check(pics: &[Coefs], width: usize, height: usize, s: Shape, kind: Kind, d: Drive) -> Result<Outcome, TestCaseError> {
    check_on(&mut LiftInv::new(), pics, width, height, s, kind, d)
}

/// [`check`] on `dut`.
fn check_on<D: InvBuild>(dut: &mut D, pics: &[Coefs], width: usize, height: usize, s: Shape, kind: Kind, d: Drive) -> Result<Outcome, TestCaseError> {
    let mut input: Streams = Default::default();
    for (i, c) in pics.iter().enumerate() {
        for (k, st) in streams(c, width, height, s, 977 + i as i64, i as u8, D::LANES).into_iter().enumerate() {
            input[k].extend(st);
        }
    }
    let d = Drive { pairs: D::cfg_pairs(width), rows: height as u16, ..d };
    let out = drive(dut, &input, d);
    prop_assert_eq!(out.err_line, 0, "well-formed pictures raised err_line");
    prop_assert_eq!(out.err_pic, 0, "well-formed pictures raised err_pic");
    prop_assert_eq!(out.err_wavelet, 0, "a built wavelet raised err_wavelet");
    if kind == Kind::Real {
        prop_assert_eq!(out.err_range, 0, "a real picture's coefficients raised err_range ({}x{} {:?})", width, height, s);
    }
    let got = assemble(&out.out, width, height, D::LANES[0]).map_err(TestCaseError::fail)?;
    prop_assert_eq!(got.len(), pics.len(), "pictures out");
    let tags: Vec<u8> = out.out.iter().filter(|b| b.sop).map(|b| b.tag).collect();
    prop_assert_eq!(tags, (0..pics.len() as u8).map(|i| i & 15).collect::<Vec<_>>(), "picture numbers out");
    for (i, (g, c)) in got.iter().zip(pics).enumerate() {
        let want = model(c, width, height, s);
        if let Some(at) = g.iter().zip(&want).position(|(a, b)| a != b) {
            if out.err_range > 0 {
                continue; // flagged: a wrapped result may leave any picture of the run wrong
            }
            return Err(TestCaseError::fail(format!("picture {i} differs from the model at sample ({}, {}): {} != {} ({width}x{height} {s:?})", at % width, at / width, g[at], want[at])));
        }
    }
    Ok(out)
}

/// Random coefficients filling the band lanes (any value they carry).
fn random_coefs(width: usize, height: usize, s: Shape, seed: u64) -> Coefs {
    let half = 1i64 << (BAND_BITS - 1);
    new_bands::<i64>(&params(s), width, height).iter().enumerate().map(|(i, b)| (0..b.data.len()).map(|j| noise(j as u64 + 1000 * i as u64, seed) % (2 * half) - half).collect()).collect()
}

/// The bands of a random `bits`-bit picture; with `q > 0` each coefficient moved by up to
/// ±q (what quantisation and dequantisation do), kept inside the lanes.
fn picture_coefs(width: usize, height: usize, s: Shape, bits: u32, q: i64, seed: u64) -> Coefs {
    let half = 1i64 << (bits - 1);
    let pic: Vec<i64> = (0..width * height).map(|i| noise(i as u64, seed) % (2 * half) - half).collect();
    let lane = (1i64 << (BAND_BITS - 1)) - 1;
    let mut c = analyse(&pic, width, height, s);
    if q > 0 {
        for (i, band) in c.iter_mut().enumerate() {
            for (j, v) in band.iter_mut().enumerate() {
                *v = (*v + noise(j as u64 + 7919 * i as u64, seed ^ 0x55) % (2 * q + 1) - q).clamp(-lane - 1, lane);
            }
        }
    }
    c
}

fn shape() -> impl Strategy<Value = Shape> {
    (1usize..=4, 0usize..=1, 0u8..7, 0u8..7).prop_map(|(depth, ho, v, h)| Shape { depth, ho, wv: (v, h) })
}

/// A random case with rows and columns of 1..=`units` units of the shape's size: the
/// shape, the size, 1–2 pictures' coefficients — full-scale random, a random 2–12-bit
/// picture's bands, or those bands moved by up to ±2^bits (quantisation) — and a drive with
/// random idle clocks and back-pressure.
fn case(units: usize) -> impl Strategy<Value = (Shape, usize, usize, Vec<Coefs>, Kind, Drive)> {
    case_in(units, units, |s| 1 << (s.depth + s.ho))
}

/// [`case`] with rows of 1..=`units` units of `unit(shape)` columns and 1..=`rows` units of
/// `2^depth` rows.
fn case_in(units: usize, rows: usize, unit: fn(Shape) -> usize) -> impl Strategy<Value = (Shape, usize, usize, Vec<Coefs>, Kind, Drive)> {
    (shape(), 1..=units, 1..=rows, 1usize..=2, 0u8..3, 2u32..=12, 0u32..600, 0u32..600, any::<u64>()).prop_map(move |(s, wu, hu, n, kind, bits, idle, stall, seed)| {
        let (width, height) = (wu * unit(s), hu << s.depth);
        let pics: Vec<Coefs> = (0..n as u64)
            .map(|p| match kind {
                0 => random_coefs(width, height, s, seed ^ p),
                1 => picture_coefs(width, height, s, bits, 0, seed ^ p),
                _ => picture_coefs(width, height, s, bits, 1 << bits, seed ^ p),
            })
            .collect();
        (s, width, height, pics, if kind == 0 { Kind::Any } else { Kind::Real }, bench(s, idle, stall, seed))
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, .. ProptestConfig::default() })]
    #[test]
    fn matches_the_model_under_back_pressure((s, width, height, pics, kind, d) in case(4)) {
        check(&pics, width, height, s, kind, d)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 16, .. ProptestConfig::default() })]
    /// The one-sample-per-clock build (the gearbox after it) on the same kinds of bands.
    #[test]
    fn one_sample_per_clock_matches_the_model((s, width, height, pics, kind, d) in case(3)) {
        check_on(&mut LiftInv1::new(), &pics, width, height, s, kind, d)?;
    }
}

/// One sample per clock: a natural picture's bands come back as the picture for every
/// wavelet, and back to back a picture costs its `W · H` samples plus at most the vertical
/// flush rows' `W / 2` clocks each (printed: the core's queues, filled ahead of the gearbox,
/// save part of them).
#[test]
fn one_sample_per_clock_round_trip_and_rate() {
    let (w, h) = (128usize, 32usize);
    let pic = natural(w, h);
    for wv in 0..7u8 {
        let s = Shape { depth: 3, ho: 0, wv: (wv, wv) };
        let c = analyse(&pic, w, h, s);
        let one = check_on(&mut LiftInv1::new(), std::slice::from_ref(&c), w, h, s, Kind::Real, bench(s, 0, 0, 1)).unwrap();
        assert_eq!(assemble(&one.out, w, h, 1).unwrap(), vec![pic.clone()], "{s:?}: the picture did not come back");
        let two = check_on(&mut LiftInv1::new(), &[c.clone(), c.clone()], w, h, s, Kind::Real, bench(s, 0, 0, 1)).unwrap();
        let period = two.cycles - one.cycles;
        let nominal = (w * (h + flush_rows(wv as usize) / 2)) as u64;
        eprintln!("wavelet {wv}: {period} clocks per picture ({:.4}x W*H; at most W*(H + F/2) = {nominal})", period as f64 / (w * h) as f64);
        assert!((w * h) as u64 <= period && period <= nominal, "wavelet {wv}: {period} clocks per picture, at most {nominal}");
    }
}

/// Full-scale coefficients (every band at ± its lane maximum, in checkerboards, stripes and
/// blocks), the worst a corrupt stream can carry, at depth 4 with a horizontal-only level:
/// every wavelet's result either matches the model or is flagged by `err_range`, and for the
/// wavelets whose synthesis gains most (both Deslauriers-Dubucs, LeGall, Fidelity,
/// Daubechies) these patterns do wrap 25 bits, so the flag must rise; a good picture right
/// after the flagged ones comes out exact (the block keeps going, nothing is left wrapped).
#[test]
fn extremes_are_flagged_and_the_next_picture_is_exact() {
    type Pattern = fn(usize, usize, usize) -> bool;
    let (w, h) = (64usize, 32usize);
    let max = (1i64 << (BAND_BITS - 1)) - 1;
    let pats: [Pattern; 5] = [|_, _, _| true, |x, y, _| (x + y) % 2 == 0, |x, _, b| (x + b) % 2 == 0, |x, y, b| (x / 2 + y / 2 + b) % 2 == 0, |_, _, b| b % 2 == 0];
    for wv in 0..7u8 {
        let s = Shape { depth: 4, ho: 1, wv: (wv, wv) };
        let shapes: Vec<Band<i64>> = new_bands(&params(s), w, h);
        let mut pics = Vec::new();
        for p in pats {
            for sign in [1i64, -1] {
                pics.push(shapes.iter().enumerate().map(|(i, b)| (0..b.data.len()).map(|j| if p(j % b.width, j / b.width, i) { sign * max } else { -sign * max - 1 }).collect()).collect());
            }
        }
        let out = check(&pics, w, h, s, Kind::Any, bench(s, 0, 0, 1)).unwrap();
        eprintln!("wavelet {wv}: {} err_range pulses", out.err_range);
        if [0, 1, 2, 5, 6].contains(&wv) {
            assert!(out.err_range > 0, "wavelet {wv}: full-scale coefficients wrapped no result?");
        }
        // the last extreme picture, then a good one: the good one is exact
        let good = picture_coefs(w, h, s, 12, 1 << 12, 40 + wv as u64);
        let (input, numbers) = with_broken_copies(2, |k, n| streams(if k == 0 { &pics[9] } else { &good }, w, h, s, 1, n, [1; STREAMS]), |_, _| false);
        let out = drive(&mut LiftInv::new(), &input, Drive { pairs: LiftInv::cfg_pairs(w), rows: h as u16, ..bench(s, 30, 30, 3) });
        let got = assemble(&out.out, w, h, 1).unwrap();
        assert_eq!(numbers.len(), 2);
        assert_eq!(got[1], model(&good, w, h, s), "wavelet {wv}: the picture after a flagged one is not exact");
    }
}

/// A natural picture's bands (the model's `dwt`) come back as the picture, for every
/// wavelet, depths 1–4, with and without the horizontal-only level.
#[test]
fn round_trip_gives_the_picture_back() {
    let (w, h) = (128, 64);
    let pic = natural(w, h);
    for wv in 0..7u8 {
        for (depth, ho) in [(1, 0), (2, 1), (3, 0), (3, 1), (4, 0), (4, 1)] {
            let s = Shape { depth, ho, wv: (wv, (wv + depth as u8) % 7) };
            let c = analyse(&pic, w, h, s);
            let out = check(std::slice::from_ref(&c), w, h, s, Kind::Real, bench(s, 100, 100, 7)).unwrap();
            assert_eq!(assemble(&out.out, w, h, 1).unwrap(), vec![pic.clone()], "{s:?}: the picture did not come back");
        }
    }
}

/// The good pictures `good` with some broken copies among them (`broken(k, streams)` breaks
/// a copy of picture `k`'s streams, or returns false for no broken copy) through one block,
/// every copy numbered in order: every good picture must come out complete, exact and with
/// its number, once. Returns the run.
fn resync(w: usize, h: usize, s: Shape, good: &[Coefs], broken: impl Fn(usize, &mut Streams) -> bool) -> Outcome {
    resync_on(&mut LiftInv::new(), w, h, s, good, broken)
}

/// [`resync`] on `dut`.
fn resync_on<D: InvBuild>(dut: &mut D, w: usize, h: usize, s: Shape, good: &[Coefs], broken: impl Fn(usize, &mut Streams) -> bool) -> Outcome {
    let (input, numbers) = with_broken_copies(good.len(), |k, n| streams(&good[k], w, h, s, 1, n, D::LANES), broken);
    let out = drive(dut, &input, Drive { pairs: D::cfg_pairs(w), rows: h as u16, ..bench(s, 50, 50, 5) });
    let want: Vec<(u8, Vec<i64>)> = good.iter().zip(numbers).map(|(c, n)| (n, model(c, w, h, s))).collect();
    if let Err(e) = check_numbered(&out.out, w, h, D::LANES[0], &want) {
        panic!("after protocol errors: {e}");
    }
    out
}

/// Broken level-1 streams raise `err_pic` (the vertical block's framing check) and the next picture comes out exact: a
/// short row, and a missing start of picture (Daubechies vertical, Fidelity horizontal,
/// depth 2 and a horizontal-only level).
#[test]
fn protocol_errors_resynchronise() {
    let (w, h) = (64usize, 16usize);
    let s = Shape { depth: 2, ho: 1, wv: (6, 5) };
    let good: Vec<Coefs> = (0..3).map(|k| picture_coefs(w, h, s, 12, 1 << 12, 100 + k)).collect();
    let n1 = w / 2;
    let out = resync(w, h, s, &good, |k, p| match k {
        1 => {
            p[0].drain(3 * n1 + 2..3 * n1 + 4);
            true
        }
        2 => {
            p[0][0].sop = false;
            true
        }
        _ => false,
    });
    assert!(out.err_pic >= 2, "err_pic pulses: {}", out.err_pic);
}

/// Wavelet index 7 (no VC-2 wavelet) raises `err_wavelet`.
#[test]
fn unknown_wavelet_is_flagged() {
    let s = Shape { depth: 1, ho: 0, wv: (7, 1) };
    let d = Drive { pairs: 8, rows: 8, ..bench(s, 0, 0, 1) };
    let out = drive(&mut LiftInv::new(), &[Vec::new(), Vec::new(), Vec::new(), Vec::new()], d);
    assert!(out.err_wavelet > 0, "err_wavelet stayed low for wavelet_index 7");
}

/// Back-to-back pictures with no idle or stall: level 1 emits a pair per clock plus its
/// flush rows; and the latency in level-1 lines from the first band beat to the first
/// picture pair, for every wavelet and depth (printed: the datasheet's table).
#[test]
fn throughput_and_latency() {
    let (w, h) = (256usize, 64usize);
    let line = (w / 2) as f64;
    for wv in 0..7u8 {
        let mut lat = Vec::new();
        for depth in 1..=4 {
            let s = Shape { depth, ho: 0, wv: (wv, wv) };
            let pics: Vec<Coefs> = (0..3).map(|k| picture_coefs(w, h, s, 10, 0, k)).collect();
            let out = check(&pics, w, h, s, Kind::Real, bench(s, 0, 0, 1)).unwrap();
            let first_in = out.first_in[..depth].iter().copied().min().unwrap();
            lat.push(format!("{:.1}", (out.first_out - first_in) as f64 / line));
            if depth == 3 {
                let beats = 3 * w / 2 * h;
                let nominal = 3 * w / 2 * (h + flush_rows(wv as usize));
                eprintln!("wavelet {wv}: {} clocks for {beats} pairs ({:.3}x)", out.cycles, out.cycles as f64 / beats as f64);
                assert!((out.cycles as usize) <= nominal + 2 * (w / 2) * 24 + 2000, "wavelet {wv}: {} clocks", out.cycles);
            }
        }
        eprintln!("wavelet {wv}: latency depth 1/2/3/4: {} lines", lat.join(" / "));
    }
}

/// Pictures lost on one level's stream only, each followed by a good copy, on depth 2 with
/// a horizontal-only level and long-delay wavelets (Daubechies vertical, Fidelity
/// horizontal: a broken picture is dropped before any of its rows leave a level): level 2
/// cut short by the next start of picture; a short row on the horizontal-only level; the
/// picture missing altogether from level 2, from the horizontal-only level, and from
/// level 1. The joins compare picture numbers, drop the orphaned bands or LL rows, and
/// every good picture comes out exact with its number (without picture numbers the first
/// of these left the block a picture out of step, waiting for LL that never came).
#[test]
fn picture_lost_below_resynchronises() {
    let (w, h) = (64usize, 16usize);
    let s = Shape { depth: 2, ho: 1, wv: (6, 5) };
    let good: Vec<Coefs> = (0..6).map(|k| picture_coefs(w, h, s, 12, 1 << 12, 200 + k)).collect();
    let out = resync(w, h, s, &good, |k, p| {
        match k {
            1 => p[1].truncate(3 * w / 4),
            2 => drop(p[HO].drain(w / 8 + 1..w / 8 + 2)),
            3 => p[1].clear(),
            4 => p[HO].clear(),
            5 => p[0].clear(),
            _ => return false,
        }
        true
    });
    assert!(out.err_pic >= 5, "err_pic pulses: {}", out.err_pic);
}

/// The tests of a build with pair lanes (4, 8 or 16 samples per clock), in module `$m`:
/// the model on random bands (`$cases` cases, rows of 1–3 units of the build's size: whole
/// beats of every level and of the horizontal-only level), a natural picture's round trip,
/// pictures lost or broken on single streams, its rate.
macro_rules! wide_build_tests {
    ($m:ident, $t:ident, $cases:literal) => {
        mod $m {
            use super::*;

            /// The width every picture of this build is a multiple of for shape `s`.
            fn unit(s: Shape) -> usize {
                width_unit(&$t::LANES, s.depth, s.ho)
            }

            proptest! {
                #![proptest_config(ProptestConfig { cases: $cases, .. ProptestConfig::default() })]
                /// The same kinds of bands as the 2-sample build's proptest (the
                /// horizontal-only level's stream unpacked to the deepest join's lanes).
                #[test]
                fn matches_the_model((s, width, height, pics, kind, d) in case_in(3, 4, unit)) {
                    check_on(&mut $t::new(), &pics, width, height, s, kind, d)?;
                }
            }

            /// A natural picture's bands come back as the picture for every wavelet at
            /// depths 1–4 with the horizontal-only level (each depth feeds its lanes to a
            /// different join) and at depth 4 without it.
            #[test]
            fn round_trip() {
                let (w, h) = (256, 32);
                let pic = natural(w, h);
                for wv in 0..7u8 {
                    for (depth, ho) in [(1, 1), (2, 1), (3, 1), (4, 1), (4, 0)] {
                        let s = Shape { depth, ho, wv: (wv, (wv + 1) % 7) };
                        let c = analyse(&pic, w, h, s);
                        let out = check_on(&mut $t::new(), std::slice::from_ref(&c), w, h, s, Kind::Real, bench(s, 100, 100, 7)).unwrap();
                        assert_eq!(assemble(&out.out, w, h, $t::PPC / 2).unwrap(), vec![pic.clone()], "{s:?}: the picture did not come back");
                    }
                }
            }

            /// Pictures lost or broken on single streams (as
            /// [`picture_lost_below_resynchronises`], with this build's beats) leave every
            /// good picture exact, with its number.
            #[test]
            fn resynchronises() {
                let (w, h) = (128usize, 16usize);
                let s = Shape { depth: 2, ho: 1, wv: (6, 5) };
                let good: Vec<Coefs> = (0..6).map(|k| picture_coefs(w, h, s, 12, 1 << 12, 300 + k)).collect();
                let out = resync_on(&mut $t::new(), w, h, s, &good, |k, p| {
                    match k {
                        1 => p[1].truncate(3 * w / $t::PPC),
                        2 => drop(p[HO].drain(1..2)),
                        3 => p[1].clear(),
                        4 => p[HO].clear(),
                        5 => p[0][0].sop = false,
                        _ => return false,
                    }
                    true
                });
                assert!(out.err_pic >= 5, "err_pic pulses: {}", out.err_pic);
            }

            /// One beat per clock: back to back with the picture stream always ready, a
            /// picture costs between its `W/ppc · H` beats and `W/ppc · (H + F)` (level 1's
            /// flush rows), for every wavelet at depth 3 and at depth 4 with the
            /// horizontal-only level; printed.
            #[test]
            fn sustains_its_rate() {
                let (w, h) = (256usize, 64usize);
                let pic = natural(w, h);
                let beats = w / $t::PPC;
                for wv in 0..7u8 {
                    for (depth, ho) in [(3, 0), (4, 1)] {
                        let s = Shape { depth, ho, wv: (wv, wv) };
                        let c = analyse(&pic, w, h, s);
                        let one = check_on(&mut $t::new(), std::slice::from_ref(&c), w, h, s, Kind::Real, bench(s, 0, 0, 1)).unwrap();
                        let two = check_on(&mut $t::new(), &[c.clone(), c.clone()], w, h, s, Kind::Real, bench(s, 0, 0, 1)).unwrap();
                        let period = two.cycles - one.cycles;
                        let most = (beats * (h + flush_rows(wv as usize))) as u64;
                        eprintln!("{} samples/clock, wavelet {wv}, depth {depth}, {ho} horizontal-only: {period} clocks per picture ({:.4}x W*H/ppc; at most {most})", $t::PPC, period as f64 / (beats * h) as f64);
                        assert!((beats * h) as u64 <= period && period <= most, "{s:?}: {period} clocks per picture, at most {most}");
                    }
                }
            }
        }
    };
}

wide_build_tests!(sixteen_samples_per_clock, LiftInv16, 24);
#[cfg(feature = "lift-inv-wide")]
wide_build_tests!(eight_samples_per_clock, LiftInv8, 16);
#[cfg(feature = "lift-inv-wide")]
wide_build_tests!(four_samples_per_clock, LiftInv4, 16);
