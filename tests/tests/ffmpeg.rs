//! FFmpeg interoperability: streams made by FFmpeg's own VC-2 encoder (1080p and 8K,
//! 4:2:2 10-bit, LeGall 5/3, Deslauriers-Dubuc 9/7 and Haar, several rates) must decode to
//! exactly the pictures FFmpeg's decoder gives. (FFmpeg's decoder is not conformant in
//! general, but on its own encoder's streams it agrees with the reference decoder.)

use std::path::PathBuf;
use uhdpipe_model::io::raw;
use uhdpipe_tests::{files_with_ext, run_ci_script};

#[test]
fn ffmpeg_encoded_streams_decode_like_ffmpeg() {
    let dir = PathBuf::from(run_ci_script("ffmpeg-streams.sh", &[]));
    let streams = files_with_ext(&dir, "vc2");
    assert!(streams.len() >= 8, "corpus incomplete in {}", dir.display());
    let mut failures = Vec::new();
    for s in &streams {
        let name = s.file_name().unwrap().to_string_lossy().to_string();
        let data = std::fs::read(s).unwrap();
        let expect = std::fs::read(s.with_extension("ffmpeg.yuv")).unwrap();
        match uhdpipe_model::decode_all(&data) {
            Err(e) => failures.push(format!("{name}: {e}")),
            Ok(pics) => {
                let got: Vec<u8> = pics.iter().flat_map(raw::picture_bytes).collect();
                if got != expect {
                    let first = got.iter().zip(&expect).position(|(a, b)| a != b);
                    failures.push(format!("{name}: {} pictures, {} vs {} bytes, first difference at byte {first:?}", pics.len(), got.len(), expect.len()));
                } else {
                    println!("{name}: {} pictures bit-exact with FFmpeg", pics.len());
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
