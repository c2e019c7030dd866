//! Criterion benchmark of the reference decoder: 1080p and 8K 4:2:2 10-bit streams made by
//! FFmpeg's VC-2 encoder (`ci/ffmpeg-streams.sh`, cached), LeGall 5/3 and DD 9/7, decoded
//! in-process on one thread. Throughput is in luma pixels.
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::path::PathBuf;
use std::process::Command;
use uhdpipe_model::{Decoder, Event};

fn corpus() -> PathBuf {
    let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../ci/ffmpeg-streams.sh");
    let out = Command::new("bash").arg(script).output().expect("run ci/ffmpeg-streams.sh");
    assert!(out.status.success(), "ci/ffmpeg-streams.sh failed (run ci/setup.sh): {}", String::from_utf8_lossy(&out.stderr));
    PathBuf::from(String::from_utf8(out.stdout).unwrap().trim())
}

fn decode(data: &[u8], d: &mut Option<uhdpipe_model::slice::SpareBuffers>) -> u64 {
    let mut dec = Decoder::new(data).with_buffers(d.take());
    let mut n = 0;
    while let Some(ev) = dec.next_event().unwrap() {
        if let Event::Picture { picture, .. } = ev {
            n += picture.planes[0].data.len() as u64;
            dec.recycle(picture);
        }
    }
    *d = dec.take_buffers();
    n
}

fn bench(c: &mut Criterion) {
    let dir = corpus();
    let mut g = c.benchmark_group("decode");
    g.sample_size(10);
    for name in ["hd_legall_d3_600M", "hd_dd97_d3_300M", "uhd8k_legall_d3_3bpp", "uhd8k_dd97_d3_8G"] {
        let data = std::fs::read(dir.join(format!("{name}.vc2"))).unwrap();
        let mut spare = None;
        let pixels = decode(&data, &mut spare);
        g.throughput(Throughput::Elements(pixels));
        g.bench_function(name, |b| b.iter(|| decode(&data, &mut spare)));
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
