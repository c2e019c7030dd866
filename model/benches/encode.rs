//! Criterion benchmark of the reference encoder: one synthetic 4:2:2 10-bit picture
//! (`picture::test_pattern`) at 1080p and 8K, LeGall 5/3 and DD 9/7 depth 3, 6:1, encoded
//! in-process on one thread. Throughput is in luma pixels.
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use uhdpipe_model::encoder::{header, Encoder, EncoderConfig, Rate};
use uhdpipe_model::picture::test_pattern;
use uhdpipe_model::wavelet::TransformParams;
use uhdpipe_model::ChromaFormat;

fn bench(c: &mut Criterion) {
    let pool = rayon::ThreadPoolBuilder::new().num_threads(1).build().unwrap();
    let mut g = c.benchmark_group("encode");
    g.sample_size(10);
    for (w, h) in [(1920usize, 1080usize), (7680, 4320)] {
        let pic = test_pattern(w, h, ChromaFormat::C422, 10, 1);
        let video = header::default_video_parameters(w as u64, h as u64, ChromaFormat::C422, 10, false, (50, 1));
        for (name, wavelet) in [("legall", 1), ("dd97", 0)] {
            let config = EncoderConfig {
                transform: TransformParams { wavelet_index: wavelet, wavelet_index_ho: wavelet, dwt_depth: 3, dwt_depth_ho: 0 },
                rate: Rate::PictureBytes((w * h * 20 / 8 / 6) as u64),
                ..Default::default()
            };
            let mut enc = Encoder::new(video, 0, config).unwrap();
            g.throughput(Throughput::Elements((w * h) as u64));
            g.bench_function(format!("{w}x{h}_{name}_6to1"), |b| b.iter(|| pool.install(|| enc.encode(&pic).unwrap())));
        }
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
