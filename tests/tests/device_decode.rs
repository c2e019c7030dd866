//! The device decodes VC-2 slices: every HQ and LD picture of the conformance suite through
//! the `uhdpipe` library (`decode_on`), the real driver over vfio-user and the simulated
//! device (the Verilated RTL's slice decoder), its coefficients finished on the host, bit for
//! bit against the pictures the reference decoder wrote; what this device build lacks
//! (16-bit pictures) refused naming it; corrupt streams give an error or the model's own
//! result, never a hang, and the next picture decodes exactly; FFmpeg's and uhdpipe's 1080p
//! streams decode as on the model.

use std::path::PathBuf;
use uhdpipe::accel::Accelerator;
use uhdpipe::decode::{decode_on, OutputFormat};
use uhdpipe_driver::queue::QueueConfig;
use uhdpipe_sim::core::BusConfig;
use uhdpipe_tests::{expected_pictures, files_with_ext, repo_root, run_ci_script};

/// A fresh simulated device on its own socket, and the accelerator on it.
fn device(name: &str) -> (Accelerator, PathBuf) {
    let dir = std::env::temp_dir().join(format!("uhdpipe-devdecode-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let sock = dir.join("dev.sock");
    uhdpipe_sim::device::spawn_at(&sock, BusConfig { read_latency: 32, ..BusConfig::default() }).unwrap();
    (Accelerator::connect(&sock, QueueConfig::default()).unwrap(), dir)
}

/// The conformance feature sets (folders with decoder cases), sorted.
fn sets() -> Vec<PathBuf> {
    let features = repo_root().join("tests/conformance/features.csv");
    let dir = PathBuf::from(run_ci_script("conformance-cases.sh", &[features.to_str().unwrap()]));
    let mut v: Vec<PathBuf> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).filter(|p| p.join("decoder").is_dir()).collect();
    v.sort();
    v
}

fn decode(acc: &Accelerator, data: &[u8], name: &str) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    decode_on(data, name, &mut out, OutputFormat::Raw, Some(acc), |_| {}).map_err(|e| e.to_string())?;
    Ok(out)
}

#[test]
fn conformance_pictures_decode_on_the_device() {
    let (acc, dir) = device("suite");
    let (mut streams, mut pictures, mut ld, mut refused, mut failed) = (0, 0, 0, Vec::new(), Vec::new());
    for set in sets() {
        let set_name = set.file_name().unwrap().to_string_lossy().into_owned();
        for stream in files_with_ext(&set.join("decoder"), "vc2") {
            let name = format!("{set_name}/{}", stream.file_name().unwrap().to_string_lossy());
            let data = std::fs::read(&stream).unwrap();
            let expected = expected_pictures(&stream);
            match decode(&acc, &data, &name) {
                Ok(out) => {
                    let want: Vec<u8> = expected.iter().flat_map(|p| std::fs::read(p).unwrap()).collect();
                    if out != want {
                        failed.push(format!("{name}: output differs from the expected pictures"));
                    }
                    streams += 1;
                    pictures += expected.len();
                    if set_name.contains("_ld_") {
                        ld += expected.len();
                    }
                }
                Err(e) => {
                    // 16-bit pictures are not in this build: refused by name
                    let ok = set_name.contains("_16b") && e.contains("16-bit");
                    if ok {
                        refused.push(set_name.clone());
                    } else {
                        failed.push(format!("{name}: {e}"));
                    }
                }
            }
        }
    }
    refused.dedup();
    println!("device decode: {streams} streams, {pictures} pictures ({ld} LD) exact; refused (not in this build): {refused:?}");
    let _ = std::fs::remove_dir_all(dir);
    assert!(failed.is_empty(), "{} streams failed:\n{}", failed.len(), failed.join("\n"));
    assert!(pictures > 1000 && ld > 100, "the suite's HQ and LD pictures");
    assert_eq!(refused, ["haar1_hq_422_16b_d3"], "only the 16-bit set is refused");
}

/// Bytes flipped inside the slices (so the headers still parse): the device gives the
/// model's picture, or fails the picture (a slice past the data, as the model; or a
/// coefficient past the device's 23 bits, which corrupt slices may hold) — and the clean
/// stream right after decodes exactly, so no corrupt job leaves the device out of step.
#[test]
fn corrupt_slices_fail_cleanly_on_the_device() {
    use uhdpipe_model::{Decoder, Event};
    let (acc, dir) = device("corrupt");
    let mut streams = Vec::new();
    for (set, step) in [("legall_hq_422_10b_d3", 5), ("legall_ld_420_10b_d4_frag", 7)] {
        let dir = sets().into_iter().find(|s| s.to_string_lossy().ends_with(set)).expect("a LeGall set");
        streams.extend(files_with_ext(&dir.join("decoder"), "vc2").into_iter().step_by(step));
    }
    let mut seed = 0x9e37_79b9_7f4a_7c15u64;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let (mut same, mut both_failed, mut range, mut trials) = (0, 0, 0, 0);
    for stream in &streams {
        let name = stream.file_name().unwrap().to_string_lossy().into_owned();
        let clean = std::fs::read(stream).unwrap();
        let want_clean = decode(&acc, &clean, &name).unwrap();
        // the slices' byte ranges
        let mut ranges = Vec::new();
        let mut d = Decoder::new(&clean);
        while let Some(ev) = d.next_event().unwrap() {
            if let Event::Picture { slice_data, .. } = ev {
                ranges.extend(slice_data);
            }
        }
        for _ in 0..80 {
            let mut data = clean.clone();
            for _ in 0..1 + next() % 4 {
                let r = &ranges[(next() % ranges.len() as u64) as usize];
                let k = r.start + next() % (r.end - r.start);
                data[k as usize] ^= 1 << (next() % 8);
            }
            trials += 1;
            let model = uhdpipe_model::decode_all(&data).map(|p| p.iter().flat_map(uhdpipe_model::io::raw::picture_bytes).collect::<Vec<u8>>());
            match (decode(&acc, &data, &name), model) {
                (Ok(got), Ok(want)) => {
                    assert!(got == want, "{name}: the device's picture differs from the model's on a corrupt stream");
                    same += 1;
                }
                (Err(_), Err(_)) => both_failed += 1,
                (Err(e), Ok(_)) => {
                    assert!(e.contains("23-bit range"), "{name}: the device failed ({e}) where the model decodes");
                    range += 1;
                }
                (Ok(_), Err(e)) => panic!("{name}: the model refuses ({e}) but the device decoded"),
            }
            assert!(decode(&acc, &clean, &name).unwrap() == want_clean, "{name}: the clean stream after a corrupt one");
        }
    }
    println!("device decode, corrupt slices: {trials} streams: {same} decoded as the model, {both_failed} refused by both, {range} past the device's range");
    let _ = std::fs::remove_dir_all(dir);
    assert!(trials >= 1000 && same > 0 && both_failed > 0);
}

/// 1080p 4:2:2 10-bit streams from FFmpeg's own encoder (LeGall 5/3 and DD 9/7, every
/// coefficient coded) and from uhdpipe's (LeGall at 3 bits per pixel, trailing zeros
/// omitted so that components end early and their reads run past the end): the device's
/// bytes equal the model's, picture for picture.
#[test]
fn ffmpeg_and_uhdpipe_1080p_streams_decode_on_the_device_as_on_the_model() {
    use uhdpipe_model::encoder::header::default_video_parameters;
    use uhdpipe_model::{ChromaFormat, Encoder, EncoderConfig, Picture, Plane, Rate, Trailing};
    let (acc, dir) = device("hd");
    let corpus = PathBuf::from(run_ci_script("ffmpeg-streams.sh", &[]));
    let mut streams: Vec<(String, Vec<u8>)> = ["hd_legall_d3_100M", "hd_dd97_d3_300M"].iter().map(|n| (n.to_string(), std::fs::read(corpus.join(format!("{n}.vc2"))).unwrap())).collect();
    // a natural picture (the testbench's), encoded by the model
    let (w, h) = (1920usize, 1080usize);
    let plane = |w: usize, h: usize| Plane { width: w, height: h, depth: 10, data: uhdpipe_sim::pictures::natural(w, h).iter().map(|&v| (v + 512) as u16).collect() };
    let picture = Picture { picture_number: 0, planes: [plane(w, h), plane(w / 2, h), plane(w / 2, h)] };
    let video = default_video_parameters(w as u64, h as u64, ChromaFormat::C422, 10, false, (50, 1));
    let config = EncoderConfig { rate: Rate::PictureBytes((2 * w * h * 3 / 2 / 8) as u64), trailing: Trailing::Omit, ..Default::default() };
    let mut e = Encoder::new(video, 0, config).unwrap();
    let mut stream = e.encode(&picture).unwrap().bytes;
    stream.extend(e.finish());
    streams.push(("uhdpipe_legall_3bpp".into(), stream));
    for (name, data) in &streams {
        let want = uhdpipe_model::decode_all(data).unwrap().iter().flat_map(uhdpipe_model::io::raw::picture_bytes).collect::<Vec<u8>>();
        let got = decode(&acc, data, name).unwrap();
        assert!(got == want, "{name}: the device's pictures differ from the model's");
        println!("device decode: {name}: {} bytes of pictures exact", got.len());
    }
    let _ = std::fs::remove_dir_all(dir);
}
