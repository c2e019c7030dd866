//! Cycle benchmark of the LeGall 5/3 forward 2-D transform (`legall_fwd`, depth 3, two
//! samples per clock): pushes pictures through the Verilated block with every output always
//! ready and prints, per size:
//! - clocks per picture in a back-to-back stream (the clocks two pictures take minus the
//!   clocks one takes) against the nominal W·H/2;
//! - latency: the input line during which each level's first output appears, and the clocks
//!   from a picture's last input pair to its last output, in level-1 lines;
//! - simulated clocks per second.
//!
//!   cargo run --release -p uhdpipe-sim --example legall_fwd_cycles -- [WxH ...]
//!
//! Default sizes: 1920x1080 and 7680x4320 (the 8K run simulates ~50 M clocks: minutes). The
//! outputs are not checked here (the tests do that); the content is a deterministic texture.
use std::time::Instant;
use uhdpipe_sim::pictures::{sizes_from_args, texture};
use uhdpipe_sim::legall_fwd::{drive, picture_beats, Drive, LegallFwd, Outcome, MAX_WIDTH};

fn run(w: usize, h: usize, pictures: usize) -> (Outcome, f64) {
    let pic = texture(w, h);
    let one = picture_beats(&pic, w, h);
    let input: Vec<_> = (0..pictures).flat_map(|_| one.iter().copied()).collect();
    let t = Instant::now();
    let out = drive(&mut LegallFwd::new(), &input, Drive { pairs: (w / 2) as u16, rows: h as u16, depth: 3, wavelet: 1, depth_ho: 0, wavelet_ho: 1, idle: 0, stall: 0, seed: 1, setup: 0 });
    // `drive` also runs 4096 quiet clocks at the end.
    let rate = (out.cycles + 4096) as f64 / t.elapsed().as_secs_f64();
    (out, rate)
}

fn main() {
    let sizes = sizes_from_args(&[(1920, 1080), (7680, 4320)]);
    println!("| size | clocks/picture | nominal W·H/2 | ratio | first output of levels 1/2/3 (input line) | last output after last input | sim speed |");
    println!("|---|---|---|---|---|---|---|");
    for (w, h) in sizes {
        assert!(w % 8 == 0 && h % 8 == 0 && w <= MAX_WIDTH, "{w}x{h}: width and height must be multiples of 8, width ≤ {MAX_WIDTH}");
        let (one, r1) = run(w, h, 1);
        let (two, r2) = run(w, h, 2);
        let period = two.cycles - one.cycles;
        let nominal = (w * h / 2) as u64;
        let line = (w / 2) as f64;
        let first: Vec<String> = one.first_out.iter().map(|&c| format!("{:.1}", c as f64 / line)).collect();
        println!(
            "| {w}x{h} | {period} | {nominal} | {:.4} | {} | {:.2} lines | {:.2} M clocks/s |",
            period as f64 / nominal as f64,
            first.join(" / "),
            (one.cycles - nominal) as f64 / line,
            (r1 + r2) / 2.0 / 1e6
        );
    }
}
