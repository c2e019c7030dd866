//! Simulation speed and cycles per picture of `legall_h`: pushes the lines of a
//! W x H picture (default 1920x1080) through the Verilated block and through rust-hdl's
//! simulator (a few lines only: it is slower), with the output always ready, and prints
//! cycles against the ideal W·H/2 (two samples per clock) and simulated clocks per second.
//!
//!   cargo run --release -p uhdpipe-sim --example legall_h_speed -- [W [H]]
use std::time::Instant;
use uhdpipe_sim::legall_h::{HdlLegallH, LegallH, Ports};
use uhdpipe_sim::Dut;

/// Pushes `lines` lines of `w` samples; returns clocks used.
fn push(dut: &mut impl Dut<Ports = Ports>, w: usize, lines: usize) -> u64 {
    let pairs = w / 2;
    let (mut sent, mut got, mut clocks) = (0usize, 0usize, 0u64);
    let total = pairs * lines;
    while got < total {
        let mut p = Ports { out_ready: 1, cfg_pairs: pairs as u16, ..Ports::default() };
        if sent < total {
            let i = sent % pairs;
            p.in_valid = 1;
            p.in_even = (sent * 7 % 4096) as u16;
            p.in_odd = (sent * 13 % 4096) as u16;
            p.in_first = (i == 0) as u8;
            p.in_last = (i == pairs - 1) as u8;
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
    let ideal = (w * h / 2) as f64;
    let t = Instant::now();
    let clocks = push(&mut LegallH::new(), w, h);
    let secs = t.elapsed().as_secs_f64();
    println!(
        "verilated: {w}x{h} in {clocks} clocks = {:.4} x W·H/2 (ideal {ideal}); {:.1} M clocks/s",
        clocks as f64 / ideal,
        clocks as f64 / secs / 1e6
    );
    let lines = 16.min(h);
    let t = Instant::now();
    let clocks = push(&mut HdlLegallH::new(), w, lines);
    let secs = t.elapsed().as_secs_f64();
    println!("rust-hdl:  {lines} lines of {w} in {clocks} clocks; {:.3} M clocks/s", clocks as f64 / secs / 1e6);
}
