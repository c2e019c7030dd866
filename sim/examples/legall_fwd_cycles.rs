//! Cycle benchmark of the LeGall 5/3 forward 2-D transform (`legall_fwd`, depth 3, two
//! samples per clock): pushes back-to-back pictures through the Verilated block with every
//! output always ready and prints, per size, the clocks per picture (between successive
//! pictures' first pairs being taken: the sustained rate) against the nominal W·H/2, the
//! latency from a picture's first pair to its last output, and simulated clocks per second.
//!
//!   cargo run --release -p uhdpipe-sim --example legall_fwd_cycles -- [WxH ...]
//!
//! Default sizes: 1920x1080 and 7680x4320. The pictures are checked against nothing here
//! (the tests do that); their content is a deterministic texture.
use std::time::Instant;
use uhdpipe_sim::legall_fwd::{drive, picture_beats, Drive, LegallFwd, MAX_WIDTH};

fn main() {
    let sizes: Vec<(usize, usize)> = {
        let args: Vec<String> = std::env::args().skip(1).collect();
        if args.is_empty() {
            vec![(1920, 1080), (7680, 4320)]
        } else {
            args.iter()
                .map(|a| {
                    let (w, h) = a.split_once('x').expect("sizes are WxH");
                    (w.parse().expect("width"), h.parse().expect("height"))
                })
                .collect()
        }
    };
    println!("| size | depth | clocks/picture | nominal W·H/2 | ratio | latency (clocks) | sim speed |");
    println!("|---|---|---|---|---|---|---|");
    for (w, h) in sizes {
        assert!(w % 8 == 0 && h % 8 == 0 && w <= MAX_WIDTH, "{w}x{h}: width and height must be multiples of 8, width ≤ {MAX_WIDTH}");
        let pic: Vec<i64> = (0..w * h).map(|i| (((i % w) * 7 + (i / w) * 13) % 1024) as i64 - 512).collect();
        let one = picture_beats(&pic, w, h);
        let pictures = 3;
        let input: Vec<_> = (0..pictures).flat_map(|_| one.iter().copied()).collect();
        let t = Instant::now();
        let out = drive(&mut LegallFwd::new(), &input, Drive { pairs: (w / 2) as u16, rows: h as u16, depth: 3, idle: 0, stall: 0, seed: 1 });
        let secs = t.elapsed().as_secs_f64();
        let period = (out.sop_taken[pictures - 1] - out.sop_taken[0]) as f64 / (pictures - 1) as f64;
        let nominal = (w * h / 2) as f64;
        let latency = out.cycles - out.sop_taken[pictures - 1];
        // `drive` also runs 4096 quiet clocks at the end.
        let simulated = out.cycles + 4096;
        println!(
            "| {w}x{h} | 3 | {period:.0} | {nominal:.0} | {:.4} | {latency} | {:.2} M clocks/s |",
            period / nominal,
            simulated as f64 / secs / 1e6
        );
    }
}
