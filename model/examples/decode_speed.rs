//! Decode speed of the reference model on one stream, in-process (no file output):
//! `cargo run --release -p uhdpipe-model --example decode_speed -- STREAM [SECONDS] [THREADS]`.
//! Prints pictures/s and Mpixel/s (luma samples). THREADS 1 (default) runs on the calling
//! thread; 0 uses every core.
#[path = "common/cpu_time.rs"]
mod cpu_time;
use cpu_time::cpu_seconds;
use std::time::{Duration, Instant};
use uhdpipe_model::{Decoder, Event};

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: decode_speed STREAM [SECONDS] [THREADS]");
    let seconds: f64 = args.next().map(|s| s.parse().expect("SECONDS")).unwrap_or(5.0);
    let threads: usize = args.next().map(|s| s.parse().expect("THREADS")).unwrap_or(1);
    // Four copies back to back (FFmpeg makes every picture its own sequence, so this is a
    // valid longer stream): pictures after the first reuse the decoder's buffers.
    let data = std::fs::read(&path).expect("read stream").repeat(4);
    let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().expect("thread pool");
    let (mut pictures, mut pixels) = (0u64, 0u64);
    let cpu0 = cpu_seconds();
    let start = Instant::now();
    pool.install(|| {
        let mut buffers = None;
        while start.elapsed() < Duration::from_secs_f64(seconds) || pictures == 0 {
            // Buffers carry over between passes, as they do between pictures of one long stream.
            let mut d = Decoder::new(&data).with_buffers(buffers.take());
            while let Some(ev) = d.next_event().expect("stream decodes") {
                if let Event::Picture { picture, .. } = ev {
                    pictures += 1;
                    pixels += (picture.planes[0].width * picture.planes[0].height) as u64;
                    d.recycle(picture);
                }
            }
            buffers = d.take_buffers();
        }
    });
    let t = start.elapsed().as_secs_f64();
    let cpu = cpu_seconds() - cpu0;
    println!(
        "{path}: threads {} {pictures} pictures in {t:.2} s: {:.2} pictures/s, {:.1} Mpixel/s; {:.3} CPU s per picture",
        pool.current_num_threads(),
        pictures as f64 / t,
        pixels as f64 / t / 1e6,
        cpu / pictures as f64
    );
}

