//! The device decodes VC-2 slices: every HQ picture of the conformance suite through the
//! `uhdpipe` library (`decode_on`), the real driver over vfio-user and the simulated device
//! (the Verilated RTL's HQ slice decoder), its coefficients finished on the host, bit for bit
//! against the pictures the reference decoder wrote; what this device build lacks (LD
//! slices, 16-bit pictures) refused naming it; corrupt streams give an error or the model's
//! own result, never a hang, and the next picture decodes exactly.

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
fn conformance_hq_pictures_decode_on_the_device() {
    let (acc, dir) = device("suite");
    let (mut streams, mut pictures, mut refused, mut failed) = (0, 0, Vec::new(), Vec::new());
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
                }
                Err(e) => {
                    // LD slices and 16-bit pictures are not in this build: refused by name
                    let ok = (set_name.contains("_ld_") && e.contains("low-delay (LD)")) || (set_name.contains("_16b") && e.contains("16-bit"));
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
    println!("device decode: {streams} HQ streams, {pictures} pictures exact; refused (not in this build): {refused:?}");
    let _ = std::fs::remove_dir_all(dir);
    assert!(failed.is_empty(), "{} streams failed:\n{}", failed.len(), failed.join("\n"));
    assert!(pictures > 1000, "the suite's HQ pictures");
}

/// Bytes flipped inside the slices (so the headers still parse): the device gives the
/// model's picture, or fails the picture (a slice past the data, as the model; or a
/// coefficient past the device's 23 bits, which corrupt slices may hold) — and the clean
/// stream right after decodes exactly, so no corrupt job leaves the device out of step.
#[test]
fn corrupt_slices_fail_cleanly_on_the_device() {
    use uhdpipe_model::{Decoder, Event};
    let (acc, dir) = device("corrupt");
    let set = sets().into_iter().find(|s| s.to_string_lossy().ends_with("legall_hq_422_10b_d3")).expect("the LeGall HQ set");
    let streams: Vec<PathBuf> = files_with_ext(&set.join("decoder"), "vc2").into_iter().step_by(5).collect();
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
