//! Cycles per picture and simulation speed of `legall_h` at every build (2, 4, 8 and 16
//! samples per clock, analysis; 2, 4 and 16, synthesis): pushes the lines of a W x H
//! picture (default 1920x1080) through each Verilated build with the output always ready,
//! and prints cycles against the ideal W·H/ppc and simulated clocks per second; then a few
//! lines through rust-hdl's simulator (it is slower).
//!
//!   cargo run --release -p uhdpipe-sim --example legall_h_speed -- [W [H]]
use std::time::Instant;
use uhdpipe_sim::legall_h::{Build, Ports};
use uhdpipe_sim::Dut;

/// Pushes `lines` lines of `w` samples; returns clocks used.
fn push(dut: &mut impl Dut<Ports = Ports>, b: Build, w: usize, lines: usize) -> u64 {
    let nb = w / 2 / b.lanes;
    let (mut sent, mut got, mut clocks) = (0usize, 0usize, 0u64);
    let total = nb * lines;
    while got < total {
        let mut p = Ports { out_ready: 1, cfg_beats: nb as u16, ..Ports::default() };
        if sent < total {
            let i = sent % nb;
            p.in_valid = 1;
            for k in 0..b.lanes {
                p.in_even[k] = ((sent * 7 + k) % 4096) as u32;
                p.in_odd[k] = ((sent * 13 + k) % 4096) as u32;
            }
            p.in_first = (i == 0) as u8;
            p.in_last = (i == nb - 1) as u8;
        }
        dut.eval(&mut p);
        sent += (p.in_valid & p.in_ready) as usize;
        got += (p.out_valid & p.out_ready) as usize;
        dut.tick();
        clocks += 1;
    }
    clocks
}

fn main() {
    let mut args = std::env::args().skip(1);
    let w: usize = args.next().map(|s| s.parse().expect("W")).unwrap_or(1920);
    let h: usize = args.next().map(|s| s.parse().expect("H")).unwrap_or(1080);
    for b in Build::ALL {
        let ppc = 2 * b.lanes;
        assert!(w.is_multiple_of(ppc) && w / ppc <= 4096, "W must be a multiple of {ppc} and at most {}", 4096 * ppc);
        let ideal = (w * h / ppc) as f64;
        let t = Instant::now();
        let clocks = push(&mut b.verilated(), b, w, h);
        let secs = t.elapsed().as_secs_f64();
        println!(
            "{:<9} {ppc:>2} samples/clock: {w}x{h} in {clocks} clocks = {:.4} x W·H/{ppc}; {:.1} M clocks/s ({:.0} M samples/s)",
            if b.synthesis { "synthesis" } else { "analysis" },
            clocks as f64 / ideal,
            clocks as f64 / secs / 1e6,
            (w * h) as f64 / secs / 1e6
        );
    }
    let b = Build::analysis(1);
    let lines = 16.min(h);
    let t = Instant::now();
    let clocks = push(&mut b.hdl(), b, w, lines);
    let secs = t.elapsed().as_secs_f64();
    println!("rust-hdl (analysis, 2 samples/clock): {lines} lines of {w} in {clocks} clocks; {:.3} M clocks/s", clocks as f64 / secs / 1e6);
}
