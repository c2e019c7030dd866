//! Cycle benchmark of the forward 2-D transforms (depth 3, two samples per clock): pushes
//! pictures through the Verilated block with every output always ready and prints, per
//! block, wavelet and size:
//! - clocks per picture in a back-to-back stream (the clocks two pictures take minus the
//!   clocks one takes) against the nominal W·H/2;
//! - latency: the input line during which each level's first output appears, and the clocks
//!   from a picture's last input pair to its last output, in level-1 lines;
//! - simulated clocks per second.
//!
//!   cargo run --release -p uhdpipe-sim --example fwd_cycles -- [legall|lift|all] [WxH ...]
//!
//! `legall`: `legall_fwd` (LeGall 5/3); `lift`: `lift_fwd`, every wavelet; `all` (default):
//! both. Default sizes: 1920x1080 and 7680x4320 (the 8K runs simulate ~50 M clocks each:
//! minutes). The outputs are not checked here (the tests do that); the content is a
//! deterministic texture.
use std::time::Instant;
use uhdpipe_sim::legall_fwd::{drive, picture_beats, Drive, FwdBuild, LegallFwd, Outcome, MAX_WIDTH};
use uhdpipe_sim::lift_fwd::{LiftFwd, SETUP_CLOCKS};
use uhdpipe_sim::pictures::texture;

fn run<D: FwdBuild>(dut: &mut D, wavelet: u8, w: usize, h: usize, pictures: usize) -> (Outcome, f64) {
    let pic = texture(w, h);
    let one = picture_beats(&pic, w, h);
    let input: Vec<_> = (0..pictures).flat_map(|_| one.iter().copied()).collect();
    let t = Instant::now();
    let out = drive(dut, &input, Drive { pairs: (w / 2) as u16, rows: h as u16, depth: 3, wavelet, depth_ho: 0, wavelet_ho: wavelet, idle: 0, stall: 0, seed: 1, setup: SETUP_CLOCKS });
    // `drive` also runs 4096 quiet clocks at the end.
    let rate = (out.cycles + 4096) as f64 / t.elapsed().as_secs_f64();
    (out, rate)
}

fn row<D: FwdBuild>(new: impl Fn() -> D, block: &str, wavelet: u8, w: usize, h: usize) {
    let (one, r1) = run(&mut new(), wavelet, w, h, 1);
    let (two, r2) = run(&mut new(), wavelet, w, h, 2);
    let period = two.cycles - one.cycles;
    let nominal = (w * h / 2) as u64;
    let line = (w / 2) as f64;
    let first: Vec<String> = one.first_out.iter().map(|&c| format!("{:.1}", c as f64 / line)).collect();
    println!(
        "| {block} | {wavelet} | {w}x{h} | {period} | {nominal} | {:.4} | {} | {:.2} lines | {:.2} M clocks/s |",
        period as f64 / nominal as f64,
        first.join(" / "),
        (one.cycles - nominal) as f64 / line,
        (r1 + r2) / 2.0 / 1e6
    );
}

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let which = match args.first().map(String::as_str) {
        Some(b @ ("legall" | "lift" | "all")) => {
            let b = b.to_string();
            args.remove(0);
            b
        }
        _ => "all".to_string(),
    };
    let sizes = uhdpipe_sim::pictures::sizes_from(&args, &[(1920, 1080), (7680, 4320)]);
    println!("| block | wavelet | size | clocks/picture | nominal W·H/2 | ratio | first output of levels 1/2/3 (input line) | last output after last input | sim speed |");
    println!("|---|---|---|---|---|---|---|---|---|");
    for (w, h) in sizes {
        assert!(w % 8 == 0 && h % 8 == 0 && w <= MAX_WIDTH, "{w}x{h}: width and height must be multiples of 8, width ≤ {MAX_WIDTH}");
        if which != "lift" {
            row(LegallFwd::new, "legall_fwd", 1, w, h);
        }
        if which != "legall" {
            for wavelet in 0..7 {
                row(LiftFwd::new, "lift_fwd", wavelet, w, h);
            }
        }
    }
}
