//! Cycle benchmark of the inverse 2-D transforms: `legall_inv1`, `legall_inv`, `legall_inv4`,
//! `legall_inv8`, `legall_inv16` (LeGall 5/3, depth 3, 1 / 2 / 4 / 8 / 16 samples per clock) and `lift_inv1`,
//! `lift_inv`, `lift_inv4`, `lift_inv8`, `lift_inv16` (every wavelet, depth 3, 1, 2, 4, 8 and 16 samples per clock). Pushes the bands of
//! pictures through the Verilated block, every band stream offered whenever the block takes
//! it and the picture stream always ready, and prints, per size (and wavelet):
//! - clocks per picture in a back-to-back stream (the clocks two pictures take minus the
//!   clocks one takes) against the nominal W·H/ppc;
//! - latency: clocks from the first band beat taken to the first picture pair out, in
//!   level-1 lines (W/ppc clocks), and from the last band beat taken to the last pair out;
//! - simulated clocks per second;
//! - then the latency at 1080p for depths 1–4 (1920x1088 at depth 4: VC-2 pads the picture
//!   to whole 2^depth rows).
//!
//!   cargo run --release -p uhdpipe-sim --features all-builds --example inv_cycles -- [legall|lift|lift1|lift2|lift4|lift8|lift16] [--wavelet W] [WxH ...]
//!
//! The 4- and 8-samples-per-clock rows need the `legall-wide` feature, `lift` (and `liftN`:
//! the every-wavelet build at N samples per clock alone) the `lift-inv` feature, its 4 and 8
//! rows `lift-inv-wide` (each Verilates only its blocks); without features the example runs
//! the CI set. `--wavelet`: one wavelet index (0–6) instead of all seven (the every-wavelet
//! tables).
//!
//! Default: `legall`, sizes 1920x1080 and 7680x4320 (the 8K run simulates ~35 M clocks per
//! picture pair at 2 samples per clock: minutes for `legall`, about an hour per wavelet for `lift`). The outputs are
//! not checked here (the tests do that); the bands are a deterministic texture's.
use std::time::Instant;
use uhdpipe_model::wavelet::{dwt, Band, TransformParams};
use uhdpipe_sim::legall_inv::{band_streams, drive, Drive, InvBuild, LegallInv, LegallInv1, LegallInv16, Outcome, Streams, MAX_WIDTH, SETUP_CLOCKS};
#[cfg(feature = "legall-wide")]
use uhdpipe_sim::legall_inv::{LegallInv4, LegallInv8};
#[cfg(feature = "lift-inv")]
use uhdpipe_sim::lift_inv::{LiftInv, LiftInv1, LiftInv16};
#[cfg(feature = "lift-inv-wide")]
use uhdpipe_sim::lift_inv::{LiftInv4, LiftInv8};
use uhdpipe_sim::pictures::{sizes_from, texture, wavelets_from};

fn run<D: InvBuild>(dut: &mut D, w: usize, h: usize, pictures: usize, depth: usize, wavelet: u8) -> (Outcome, f64) {
    // (VC-2 pads a picture to whole 2^depth blocks; the bands of any other size are not one
    // picture's, and the block would wait for rows that never come)
    assert!(h.is_multiple_of(1 << depth), "{w}x{h}: the height is not whole 2^{depth} rows");
    let pic = texture(w, h);
    let t = TransformParams { wavelet_index: wavelet as usize, wavelet_index_ho: wavelet as usize, dwt_depth: depth, dwt_depth_ho: 0 };
    let bands: Vec<Vec<i64>> = dwt(&t, Band { width: w, height: h, data: pic }).into_iter().map(|b| b.data).collect();
    let one = band_streams(&bands, w, h, depth, 0, D::LANES, |_, _| 0);
    let input: Streams = std::array::from_fn(|k| (0..pictures).flat_map(|_| one[k].iter().copied()).collect());
    let start = Instant::now();
    let out = drive(dut, &input, Drive { pairs: D::cfg_pairs(w), rows: h as u16, depth: depth as u8, depth_ho: 0, wavelet, wavelet_ho: wavelet, idle: 0, stall: 0, seed: 1 });
    // `drive` also runs 4096 quiet clocks at the end.
    let rate = (out.cycles + 4096) as f64 / start.elapsed().as_secs_f64();
    (out, rate)
}

fn first_in(o: &Outcome) -> u64 {
    o.first_in.iter().copied().filter(|&c| c >= SETUP_CLOCKS).min().unwrap_or(SETUP_CLOCKS)
}

fn table<D: InvBuild>(make: impl Fn() -> D, wavelets: &[u8], sizes: &[(usize, usize)], max_depth: usize) {
    let ppc = D::PPC;
    println!("| samples/clock | wavelet | size | clocks/picture | nominal W·H/ppc | ratio | first beat out after first band beat | last beat out after nominal end | sim speed |");
    println!("|---|---|---|---|---|---|---|---|---|");
    for &wavelet in wavelets {
        for &(w, h) in sizes {
            assert!(w % 16 == 0 && h % 8 == 0 && w <= MAX_WIDTH, "{w}x{h}: the width must be a multiple of 16, the height of 8, width ≤ {MAX_WIDTH}");
            let (one, r1) = run(&mut make(), w, h, 1, 3, wavelet);
            let (two, r2) = run(&mut make(), w, h, 2, 3, wavelet);
            let period = two.cycles - one.cycles;
            let nominal = (w * h / ppc) as u64;
            let line = (w / ppc) as f64;
            println!(
                "| {ppc} | {wavelet} | {w}x{h} | {period} | {nominal} | {:.4} | {:.2} lines | {:.2} lines | {:.3} M clocks/s |",
                period as f64 / nominal as f64,
                (one.first_out - first_in(&one)) as f64 / line,
                (one.cycles - first_in(&one) - nominal) as f64 / line,
                (r1 + r2) / 2.0 / 1e6
            );
        }
    }
    println!();
    println!("| wavelet | depth | size (1080p, padded to whole 2^depth rows) | first pair out after first band beat | last pair out after nominal end |");
    println!("|---|---|---|---|---|");
    let w = 1920;
    for &wavelet in wavelets {
        for depth in 1..=max_depth {
            let h = 1080usize.next_multiple_of(1 << depth);
            let (one, _) = run(&mut make(), w, h, 1, depth, wavelet);
            let line = (w / ppc) as f64;
            println!("| {wavelet} | {depth} | {w}x{h} | {:.2} lines | {:.2} lines |", (one.first_out - first_in(&one)) as f64 / line, (one.cycles - first_in(&one) - (w * h / ppc) as u64) as f64 / line);
        }
    }
}

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let which = if args.first().is_some_and(|a| ["legall", "lift", "lift1", "lift2", "lift4", "lift8", "lift16"].contains(&a.as_str())) { args.remove(0) } else { "legall".into() };
    // (read only by the every-wavelet tables, which need the lift-inv feature)
    #[cfg_attr(not(feature = "lift-inv"), allow(unused_variables))]
    let wavelets = wavelets_from(&mut args);
    let sizes = sizes_from(&args, &[(1920, 1080), (7680, 4320)]);
    if which.starts_with("lift") {
        #[cfg(not(feature = "lift-inv"))]
        panic!("`{which}` needs the lift-inv feature (it Verilates lift_inv*)");
        #[cfg(feature = "lift-inv")]
        {
            #[cfg(not(feature = "lift-inv-wide"))]
            assert!(which != "lift4" && which != "lift8", "`{which}` needs the lift-inv-wide feature (it Verilates lift_inv4 and lift_inv8)");
            // the every-wavelet builds to run: all at `lift`, one at `liftN`
            let lift_ppc = |n: usize| which == "lift" || which == format!("lift{n}");
            if lift_ppc(1) {
                table(LiftInv1::new, &wavelets, &sizes, 4);
            }
            if lift_ppc(2) {
                table(LiftInv::new, &wavelets, &sizes, 4);
            }
            #[cfg(feature = "lift-inv-wide")]
            if lift_ppc(4) {
                table(LiftInv4::new, &wavelets, &sizes, 4);
            }
            #[cfg(feature = "lift-inv-wide")]
            if lift_ppc(8) {
                table(LiftInv8::new, &wavelets, &sizes, 4);
            }
            if lift_ppc(16) {
                table(LiftInv16::new, &wavelets, &sizes, 4);
            }
        }
    } else {
        // (the three wavelets share one schedule)
        table(LegallInv1::new, &[1], &sizes, 4);
        table(LegallInv::new, &[1], &sizes, 4);
        #[cfg(feature = "legall-wide")]
        table(LegallInv4::new, &[1], &sizes, 4);
        #[cfg(feature = "legall-wide")]
        table(LegallInv8::new, &[1], &sizes, 4);
        table(LegallInv16::new, &[1], &sizes, 4);
    }
}
