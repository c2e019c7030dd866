//! Encode speed of the reference model on the first frame of a Y4M file, in-process (no
//! file output): `cargo run --release -p uhdpipe-model --example encode_speed -- IN.y4m
//! [RATIO] [SECONDS] [THREADS] [WAVELET]`. Prints pictures/s, Mpixel/s (luma) and CPU
//! seconds per picture. THREADS 1 (default) runs on one thread; 0 uses every core.
#[path = "common/cpu_time.rs"]
mod cpu_time;
use cpu_time::cpu_seconds;
use std::time::{Duration, Instant};
use uhdpipe_model::encoder::{header, Encoder, EncoderConfig, Rate};
use uhdpipe_model::io::y4m;
use uhdpipe_model::wavelet::TransformParams;

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: encode_speed IN.y4m [RATIO] [SECONDS] [THREADS] [WAVELET]");
    let ratio: f64 = args.next().map(|s| s.parse().expect("RATIO")).unwrap_or(6.0);
    let seconds: f64 = args.next().map(|s| s.parse().expect("SECONDS")).unwrap_or(5.0);
    let threads: usize = args.next().map(|s| s.parse().expect("THREADS")).unwrap_or(1);
    let wavelet: usize = args.next().map(|s| s.parse().expect("WAVELET index")).unwrap_or(1);
    let mut r = y4m::Reader::new(std::io::BufReader::new(std::fs::File::open(&path).expect("open"))).expect("Y4M header");
    let h = r.header().clone();
    let frame = r.next_frame().expect("read").expect("one frame");
    let video = header::default_video_parameters(h.width as u64, h.height as u64, h.chroma, h.depth, false, h.frame_rate);
    let (cw, ch) = h.chroma_size();
    let bytes = (((h.width * h.height + 2 * cw * ch) * h.depth as usize) as f64 / 8.0 / ratio) as u64;
    let config = EncoderConfig {
        transform: TransformParams { wavelet_index: wavelet, wavelet_index_ho: wavelet, dwt_depth: 3, dwt_depth_ho: 0 },
        rate: Rate::PictureBytes(bytes),
        ..Default::default()
    };
    let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().expect("thread pool");
    let mut enc = Encoder::new(video, 0, config).expect("encoder");
    let mut pictures = 0u64;
    let cpu0 = cpu_seconds();
    let start = Instant::now();
    pool.install(|| {
        while start.elapsed() < Duration::from_secs_f64(seconds) || pictures == 0 {
            std::hint::black_box(enc.encode(&frame).expect("encodes"));
            pictures += 1;
        }
    });
    let t = start.elapsed().as_secs_f64();
    let cpu = cpu_seconds() - cpu0;
    println!(
        "{path}: threads {} {pictures} pictures in {t:.2} s: {:.2} pictures/s, {:.1} Mpixel/s; {:.3} CPU s per picture",
        pool.current_num_threads(),
        pictures as f64 / t,
        (pictures * (h.width * h.height) as u64) as f64 / t / 1e6,
        cpu / pictures as f64
    );
}

