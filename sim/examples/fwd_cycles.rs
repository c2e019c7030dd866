//! Cycle benchmark of the forward 2-D transforms (depth 3, or `--depth N`): pushes pictures through the
//! Verilated block with every output always ready and prints, per block, samples per
//! clock, wavelet and size:
//! - clocks per picture in a back-to-back stream (the clocks two pictures take minus the
//!   clocks one takes) against the nominal W·H/ppc;
//! - latency: the input line during which each level's first output appears, and the clocks
//!   from a picture's last input pair to its last output, in level-1 lines;
//! - simulated clocks per second.
//!
//!   cargo run --release -p uhdpipe-sim --features all-builds --example fwd_cycles -- [legall|lift|lift1|lift2|lift4|lift8|lift16|all] [--depth N] [--wavelet W] [WxH ...]
//!
//! `legall`: `legall_fwd1`, `legall_fwd`, `legall_fwd4`, `legall_fwd8`, `legall_fwd16`
//! (LeGall 5/3 at 1, 2, 4, 8 and 16 samples per clock; the 4 and 8 rows need the
//! `legall-wide` feature); `lift`: `lift_fwd1`, `lift_fwd`, `lift_fwd4`, `lift_fwd8` and
//! `lift_fwd16` (1, 2, 4, 8 and 16 samples per clock), every wavelet (the `lift-fwd` feature:
//! `--features lift-fwd` Verilates the 1, 2 and 16 builds, `lift-fwd-wide` adds 4 and 8);
//! `liftN`: the build at N samples per clock alone;
//! `all` (default): both (without `lift-fwd`, `legall`). `--depth`: 1–4. `--wavelet`: one
//! wavelet index (0–6) instead of all seven (the every-wavelet rows). Default sizes: 1920x1080 and 7680x4320 (the 8K runs simulate ~50 M clocks each:
//! minutes). The outputs are not checked here (the tests do that); the content is a
//! deterministic texture.
use std::time::Instant;
#[cfg(feature = "legall-wide")]
use uhdpipe_sim::legall_fwd::{LegallFwd4, LegallFwd8};
use uhdpipe_sim::legall_fwd::{cfg_pairs, drive, picture_beats, Drive, FwdBuild, LegallFwd, LegallFwd1, LegallFwd16, Outcome, MAX_WIDTH, SETUP_CLOCKS};
#[cfg(feature = "lift-fwd")]
use uhdpipe_sim::lift_fwd::{LiftFwd, LiftFwd1, LiftFwd16};
#[cfg(feature = "lift-fwd-wide")]
use uhdpipe_sim::lift_fwd::{LiftFwd4, LiftFwd8};
use uhdpipe_sim::pictures::texture;

fn run<D: FwdBuild>(dut: &mut D, wavelet: u8, w: usize, h: usize, depth: u8, pictures: usize) -> (Outcome, f64) {
    let pic = texture(w, h);
    let one = picture_beats(&pic, w, h, D::PPC);
    let input: Vec<_> = (0..pictures).flat_map(|_| one.iter().copied()).collect();
    let t = Instant::now();
    let out = drive(dut, &input, Drive { pairs: cfg_pairs(w, D::PPC), rows: h as u16, depth, wavelet, depth_ho: 0, wavelet_ho: wavelet, idle: 0, stall: 0, seed: 1, setup: SETUP_CLOCKS });
    // `drive` also runs 4096 quiet clocks at the end.
    let rate = (out.cycles + 4096) as f64 / t.elapsed().as_secs_f64();
    (out, rate)
}

fn row<D: FwdBuild>(new: impl Fn() -> D, block: &str, wavelet: u8, w: usize, h: usize, depth: u8) {
    let (one, r1) = run(&mut new(), wavelet, w, h, depth, 1);
    let (two, r2) = run(&mut new(), wavelet, w, h, depth, 2);
    let period = two.cycles - one.cycles;
    let ppc = D::PPC;
    let nominal = (w * h / ppc) as u64;
    let line = (w / ppc) as f64;
    let first: Vec<String> = one.first_out[..depth as usize].iter().map(|&c| format!("{:.1}", c as f64 / line)).collect();
    println!(
        "| {block} | {ppc} | {wavelet} | {w}x{h} | {period} | {nominal} | {:.4} | {} | {:.2} lines | {:.2} M clocks/s |",
        period as f64 / nominal as f64,
        first.join(" / "),
        (one.cycles - nominal) as f64 / line,
        (r1 + r2) / 2.0 / 1e6
    );
}

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let which = match args.first().map(String::as_str) {
        Some(b @ ("legall" | "lift" | "lift1" | "lift2" | "lift4" | "lift8" | "lift16" | "all")) => {
            let b = b.to_string();
            args.remove(0);
            b
        }
        _ => "all".to_string(),
    };
    let mut depth = 3u8;
    if let Some(i) = args.iter().position(|a| a == "--depth") {
        depth = args.get(i + 1).and_then(|d| d.parse().ok()).filter(|d| (1..=4).contains(d)).expect("--depth takes 1, 2, 3 or 4");
        args.drain(i..i + 2);
    }
    let wavelets = uhdpipe_sim::pictures::wavelets_from(&mut args);
    // the every-wavelet builds to run: all at `lift`, one at `liftN`
    let lift_ppc = |n: usize| which == "lift" || which == "all" || which == format!("lift{n}");
    let sizes = uhdpipe_sim::pictures::sizes_from(&args, &[(1920, 1080), (7680, 4320)]);
    println!("| block | samples/clock | wavelet | size | clocks/picture (depth {depth}) | nominal W·H/ppc | ratio | first output of levels 1..{depth} (input line) | last output after last input | sim speed |");
    println!("|---|---|---|---|---|---|---|---|---|---|");
    for (w, h) in sizes {
        assert!(w % 16 == 0 && h % (1 << depth) == 0 && w <= MAX_WIDTH, "{w}x{h}: the width must be a multiple of 16 (a 16-samples-per-clock beat), the height of 2^depth; width ≤ {MAX_WIDTH}");
        if which == "legall" || which == "all" {
            row(LegallFwd1::new, "legall_fwd1", 1, w, h, depth);
            row(LegallFwd::new, "legall_fwd", 1, w, h, depth);
            #[cfg(feature = "legall-wide")]
            row(LegallFwd4::new, "legall_fwd4", 1, w, h, depth);
            #[cfg(feature = "legall-wide")]
            row(LegallFwd8::new, "legall_fwd8", 1, w, h, depth);
            row(LegallFwd16::new, "legall_fwd16", 1, w, h, depth);
        }
        #[cfg(not(feature = "lift-fwd"))]
        assert!(which == "all" || ![1, 2, 4, 8, 16].into_iter().any(lift_ppc), "`{which}` needs the lift-fwd feature (it Verilates lift_fwd*)");
        #[cfg(not(feature = "lift-fwd"))]
        assert!(wavelets.len() == 7, "--wavelet chooses among the every-wavelet rows: they need the lift-fwd feature");
        #[cfg(not(feature = "lift-fwd-wide"))]
        assert!(which != "lift4" && which != "lift8", "`{which}` needs the lift-fwd-wide feature (it Verilates lift_fwd4 and lift_fwd8)");
        #[cfg(feature = "lift-fwd")]
        for &wavelet in &wavelets {
            if lift_ppc(1) {
                row(LiftFwd1::new, "lift_fwd1", wavelet, w, h, depth);
            }
            if lift_ppc(2) {
                row(LiftFwd::new, "lift_fwd", wavelet, w, h, depth);
            }
            #[cfg(feature = "lift-fwd-wide")]
            if lift_ppc(4) {
                row(LiftFwd4::new, "lift_fwd4", wavelet, w, h, depth);
            }
            #[cfg(feature = "lift-fwd-wide")]
            if lift_ppc(8) {
                row(LiftFwd8::new, "lift_fwd8", wavelet, w, h, depth);
            }
            if lift_ppc(16) {
                row(LiftFwd16::new, "lift_fwd16", wavelet, w, h, depth);
            }
        }
    }
}
