//! Criterion benchmark of the polyphase scaler: 8K → 4K and 1080p → 4K, 4:2:2 10-bit, on one
//! thread and on all cores. Throughput is in output luma pixels. `ci/scale-speed.sh` prints
//! the same conversions beside FFmpeg's swscale.
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use uhdpipe_model::params::ChromaFormat;
use uhdpipe_model::picture::{Picture, Plane};
use uhdpipe_model::scale::Scaler;

fn picture(w: usize, h: usize) -> Picture {
    // A zone plate-like pattern: every frequency the scaler has to handle.
    let plane = |w: usize, h: usize| Plane {
        width: w,
        height: h,
        depth: 10,
        data: (0..w * h)
            .map(|i| {
                let (x, y) = ((i % w) as f64, (i / w) as f64);
                (512.0 + 400.0 * ((x * x + y * y) / (w as f64 * 4.0)).sin()) as u16
            })
            .collect(),
    };
    Picture { picture_number: 0, planes: [plane(w, h), plane(w / 2, h), plane(w / 2, h)] }
}

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("scale");
    g.sample_size(10);
    for (name, (iw, ih), (ow, oh)) in [("8k_to_4k", (7680, 4320), (3840, 2160)), ("1080p_to_4k", (1920, 1080), (3840, 2160))] {
        let p = picture(iw, ih);
        let s = Scaler::new(ChromaFormat::C422, (iw, ih), (ow, oh), None).unwrap();
        g.throughput(Throughput::Elements((ow * oh) as u64));
        for threads in [1, 0] {
            let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
            let label = format!("{name}_{}threads", pool.current_num_threads());
            g.bench_function(label, |b| b.iter(|| pool.install(|| s.scale(&p).unwrap())));
        }
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
