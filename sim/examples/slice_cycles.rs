//! Clocks per picture of the HQ slice decoder (`uhdpipe_hq_slices`, Verilated), its output
//! always taken and its input always offered, against one clock per coefficient: a natural
//! 4:2:2 10-bit picture encoded by the model at several bit rates and lossless, LeGall
//! depth 3, the encoder's default slices.
//!
//! `cargo run --release -p uhdpipe-sim --example slice_cycles [WxH …]` (default 1920x1080).

use uhdpipe_model::encoder::header::default_video_parameters;
use uhdpipe_model::slice::SliceWalk;
use uhdpipe_model::{ChromaFormat, Decoder, Encoder, EncoderConfig, Event, Picture, Plane, Rate};
use uhdpipe_sim::hq_slices::{decode_picture, HqSlices};
use uhdpipe_sim::pictures::{natural, sizes_from_args};

fn plane(w: usize, h: usize) -> Plane {
    Plane { width: w, height: h, depth: 10, data: natural(w, h).iter().map(|&v| (v + 512) as u16).collect() }
}

fn main() {
    for (w, h) in sizes_from_args(&[(1920, 1080)]) {
        let picture = Picture { picture_number: 0, planes: [plane(w, h), plane(w / 2, h), plane(w / 2, h)] };
        let samples = (2 * w * h) as f64;
        println!("{w}x{h} 4:2:2 10-bit, LeGall depth 3: clocks per picture / coefficients (one per clock)");
        for bpp in [Some(2.0), Some(3.0), Some(4.0), Some(6.0), Some(8.0), None] {
            let rate = match bpp {
                Some(b) => Rate::PictureBytes((samples * b / 2.0 / 8.0) as u64),
                None => Rate::Lossless,
            };
            let video = default_video_parameters(w as u64, h as u64, ChromaFormat::C422, 10, false, (50, 1));
            let mut e = Encoder::new(video, 0, EncoderConfig { rate, ..Default::default() }).unwrap();
            let mut stream = e.encode(&picture).unwrap().bytes;
            stream.extend(e.finish());
            let mut d = Decoder::new(&stream).with_deferred_slices();
            while let Some(ev) = d.next_event().unwrap() {
                if let Event::CodedPicture(cp) = ev {
                    let seq = *d.sequence_header().unwrap();
                    let walk = SliceWalk::new(&seq, &cp.coding);
                    let data = cp.slice_bytes(&stream);
                    let mut dut = HqSlices::new();
                    let t = std::time::Instant::now();
                    let o = decode_picture(&mut dut, &walk, &data, 0, 1, u64::MAX);
                    let secs = t.elapsed().as_secs_f64();
                    let n = o.coefficients.len() as f64;
                    println!(
                        "  {:>9}: {:>9} slice bytes ({:.2} bits/pixel), {} slices, {:>9} clocks / {:>8} coefficients = {:.4}x ({:.1} M clocks/s simulated)",
                        bpp.map_or("lossless".to_string(), |b| format!("{b} bpp")),
                        data.len(),
                        8.0 * data.len() as f64 / (w * h) as f64,
                        walk.slices_x * walk.slices_y,
                        o.clocks,
                        o.coefficients.len(),
                        o.clocks as f64 / n,
                        o.clocks as f64 / secs / 1e6
                    );
                }
            }
        }
    }
}
