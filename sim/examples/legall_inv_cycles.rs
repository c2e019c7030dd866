//! Cycle benchmark of the LeGall 5/3 inverse 2-D transform (`legall_inv`, depth 3, two
//! samples per clock): pushes the bands of pictures through the Verilated block, every band
//! stream offered whenever the block takes it and the picture stream always ready, and prints,
//! per size:
//! - clocks per picture in a back-to-back stream (the clocks two pictures take minus the
//!   clocks one takes) against the nominal W·H/2;
//! - latency: clocks from the first band beat taken to the first picture pair out, in
//!   level-1 lines (W/2 clocks), and from the last band beat taken to the last pair out;
//! - simulated clocks per second;
//! - then the latency at 1080p for depths 1, 2, 3.
//!
//!   cargo run --release -p uhdpipe-sim --example legall_inv_cycles -- [WxH ...]
//!
//! Default sizes: 1920x1080 and 7680x4320 (the 8K run simulates ~35 M clocks: minutes). The
//! outputs are not checked here (the tests do that); the bands are a deterministic texture's.
use std::time::Instant;
use uhdpipe_sim::pictures::{sizes_from_args, texture};
use uhdpipe_model::wavelet::{dwt, Band, TransformParams};
use uhdpipe_sim::legall_inv::{drive, level_beats, BandBeat, Drive, LegallInv, Outcome, MAX_WIDTH, SETUP_CLOCKS};

fn run(w: usize, h: usize, pictures: usize, depth: usize) -> (Outcome, f64) {
    let pic = texture(w, h);
    let t = TransformParams { wavelet_index: 1, wavelet_index_ho: 1, dwt_depth: depth, dwt_depth_ho: 0 };
    let bands: Vec<Vec<i64>> = dwt(&t, Band { width: w, height: h, data: pic }).into_iter().map(|b| b.data).collect();
    let mut one: [Vec<BandBeat>; 3] = Default::default();
    for (k, s) in one.iter_mut().enumerate().take(depth) {
        let base = 1 + 3 * (depth - 1 - k);
        let ll = if k == depth - 1 { bands[0].clone() } else { vec![0; bands[base].len()] };
        *s = level_beats([&ll, &bands[base], &bands[base + 1], &bands[base + 2]], w >> (k + 1), h >> (k + 1));
    }
    let input: [Vec<BandBeat>; 3] = std::array::from_fn(|k| (0..pictures).flat_map(|_| one[k].iter().copied()).collect());
    let start = Instant::now();
    let out = drive(&mut LegallInv::new(), &input, Drive { pairs: (w / 2) as u16, rows: h as u16, depth: depth as u8, wavelet: 1, wavelet_ho: 1, idle: 0, stall: 0, seed: 1 });
    // `drive` also runs 4096 quiet clocks at the end.
    let rate = (out.cycles + 4096) as f64 / start.elapsed().as_secs_f64();
    (out, rate)
}

fn main() {
    let sizes = sizes_from_args(&[(1920, 1080), (7680, 4320)]);
    println!("| size | clocks/picture | nominal W·H/2 | ratio | first pair out after first band beat | last pair out after nominal end | sim speed |");
    println!("|---|---|---|---|---|---|---|");
    for (w, h) in sizes {
        assert!(w % 8 == 0 && h % 8 == 0 && w <= MAX_WIDTH, "{w}x{h}: width and height must be multiples of 8, width ≤ {MAX_WIDTH}");
        let (one, r1) = run(w, h, 1, 3);
        let (two, r2) = run(w, h, 2, 3);
        let period = two.cycles - one.cycles;
        let nominal = (w * h / 2) as u64;
        let line = (w / 2) as f64;
        let first_in = one.first_in.iter().copied().filter(|&c| c >= SETUP_CLOCKS).min().unwrap_or(SETUP_CLOCKS);
        println!(
            "| {w}x{h} | {period} | {nominal} | {:.4} | {:.2} lines | {:.2} lines | {:.2} M clocks/s |",
            period as f64 / nominal as f64,
            (one.first_out - first_in) as f64 / line,
            (one.cycles - first_in - nominal) as f64 / line,
            (r1 + r2) / 2.0 / 1e6
        );
    }
    // Latency by depth (the three wavelets share one schedule): 1080p, one picture.
    println!();
    println!("| depth (1920x1080) | first pair out after first band beat | last pair out after nominal end |");
    println!("|---|---|---|");
    let (w, h) = (1920, 1080);
    for depth in 1..=3 {
        let (one, _) = run(w, h, 1, depth);
        let line = (w / 2) as f64;
        let first_in = one.first_in.iter().copied().filter(|&c| c >= SETUP_CLOCKS).min().unwrap_or(SETUP_CLOCKS);
        println!("| {depth} | {:.2} lines | {:.2} lines |", (one.first_out - first_in) as f64 / line, (one.cycles - first_in - (w * h / 2) as u64) as f64 / line);
    }
}
