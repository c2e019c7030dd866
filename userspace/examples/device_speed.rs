//! Jobs per second and MB/s through the simulated device (the Verilated RTL behind vfio-user,
//! driven by the real driver): small jobs (no data, and 64-sample packs) with several in
//! flight, and large packs (1 MiB, and one 1080p 4:2:2 10-bit frame). Also the device's own
//! clocks per job (`BUSY_CYCLES`), i.e. what a card would do at its clock, and how fast the
//! simulation runs.
//!
//! `cargo run --release -p uhdpipe --example device_speed` (or `bash ci/device-speed.sh`).

use std::time::Instant;
use uhdpipe::accel::{Accelerator, Job, Op, Status};
use uhdpipe_driver::job::{packed_len, Descriptor};

fn main() -> Result<(), uhdpipe::Error> {
    let acc = Accelerator::open_sim(None)?;
    println!("simulated device: Verilated RTL behind vfio-user; queue depth {}", acc.capacity());
    println!("{:<34} {:>8} {:>12} {:>12} {:>14} {:>16}", "job", "jobs", "jobs/s", "MB/s in", "clocks/job", "sim Mclocks/s");
    // Small: no data (the queue and doorbell path only), in batches that fill the queue.
    for (name, samples) in [("nop, 32 in flight", 0usize), ("pack 64 samples, 32 in flight", 64)] {
        let n = 2000;
        let mut bufs = Vec::new();
        for _ in 0..32 {
            bufs.push((acc.alloc(4096)?, acc.alloc(4096)?));
        }
        let c0 = acc.queue_register("BUSY_CYCLES")?;
        let t0 = Instant::now();
        let mut flying = std::collections::VecDeque::new();
        for _ in 0..n {
            if flying.len() >= 32 {
                let t: uhdpipe::accel::Ticket = flying.pop_front().unwrap();
                let o = acc.wait(t)?;
                assert_eq!(o.status, Status::Ok);
                if let Some(j) = o.job {
                    bufs.push((j.src, j.dst));
                }
            }
            let t = if samples == 0 {
                acc.submit_descriptor(Descriptor::new(Op::Nop, 0, 0, (0, 0), (0, 0)))?
            } else {
                let (src, dst) = bufs.pop().expect("a free buffer pair");
                acc.submit(Job { op: Op::Pack10, count: samples as u32, src, src_len: 2 * samples as u64, dst, dst_len: packed_len(samples as u64) })?
            };
            flying.push_back(t);
        }
        while let Some(t) = flying.pop_front() {
            let o = acc.wait(t)?;
            assert_eq!(o.status, Status::Ok);
            if let Some(j) = o.job {
                bufs.push((j.src, j.dst));
            }
        }
        let secs = t0.elapsed().as_secs_f64();
        let clocks = acc.queue_register("BUSY_CYCLES")?.wrapping_sub(c0) as f64;
        println!("{name:<34} {n:>8} {:>12.0} {:>12.2} {:>14.0} {:>16.2}", n as f64 / secs, (n * 2 * samples) as f64 / secs / 1e6, clocks / n as f64, clocks / secs / 1e6);
        for (s, d) in bufs {
            acc.free(s)?;
            acc.free(d)?;
        }
    }
    // Large: a few big packs, one at a time and two in flight.
    for (name, samples) in [("pack 1 MiB (512 Ki samples)", 512 * 1024usize), ("pack one 1080p 4:2:2 frame", 2 * 1920 * 1080)] {
        let n = 4;
        let mut pairs = Vec::new();
        for _ in 0..2 {
            let mut src = acc.alloc(2 * samples)?;
            for (i, b) in src.bytes_mut().chunks_mut(2).enumerate() {
                b.copy_from_slice(&((i % 1024) as u16).to_le_bytes());
            }
            pairs.push((src, acc.alloc(packed_len(samples as u64) as usize)?));
        }
        let c0 = acc.queue_register("BUSY_CYCLES")?;
        let t0 = Instant::now();
        let mut flying = std::collections::VecDeque::new();
        for _ in 0..n {
            if pairs.is_empty() {
                let o = acc.wait(flying.pop_front().unwrap())?;
                assert_eq!(o.status, Status::Ok);
                let j = o.job.unwrap();
                pairs.push((j.src, j.dst));
            }
            let (src, dst) = pairs.pop().unwrap();
            flying.push_back(acc.submit(Job { op: Op::Pack10, count: samples as u32, src, src_len: 2 * samples as u64, dst, dst_len: packed_len(samples as u64) })?);
        }
        while let Some(t) = flying.pop_front() {
            let o = acc.wait(t)?;
            assert_eq!(o.status, Status::Ok);
            let j = o.job.unwrap();
            pairs.push((j.src, j.dst));
        }
        let secs = t0.elapsed().as_secs_f64();
        let clocks = acc.queue_register("BUSY_CYCLES")?.wrapping_sub(c0) as f64;
        println!(
            "{name:<34} {n:>8} {:>12.2} {:>12.2} {:>14.0} {:>16.2}   ({:.3} clocks per 8-byte input word)",
            n as f64 / secs,
            (n * 2 * samples) as f64 / secs / 1e6,
            clocks / n as f64,
            clocks / secs / 1e6,
            clocks / n as f64 / (2 * samples / 8) as f64
        );
        for (s, d) in pairs {
            acc.free(s)?;
            acc.free(d)?;
        }
    }
    println!("(a card runs the same clocks per job at its clock rate: at 250 MHz one input word per clock is 2 GB/s)");
    Ok(())
}
