//! Decodes every conformance stream under a directory and compares with the expected
//! pictures (a development aid: `cargo run -p uhdpipe-tests --example check_dir -- DIR`).
use uhdpipe_model::io::raw;
use uhdpipe_tests::{expected_pictures, files_with_ext};
fn main() {
    let dir = std::path::PathBuf::from(std::env::args().nth(1).expect("DIR"));
    let (mut ok, mut bad) = (0, 0);
    for stream in files_with_ext(&dir, "vc2") {
        let data = std::fs::read(&stream).unwrap();
        let exp = expected_pictures(&stream);
        let r = uhdpipe_model::decode_all(&data);
        let good = match &r {
            Ok(p) => p.len() == exp.len() && p.iter().zip(&exp).all(|(a, e)| raw::picture_bytes(a) == std::fs::read(e).unwrap()),
            Err(_) => false,
        };
        if good { ok += 1 } else {
            bad += 1;
            println!("FAIL {}: {}", stream.file_name().unwrap().to_string_lossy(), match &r { Ok(p) => format!("{} pictures (expected {})", p.len(), exp.len()), Err(e) => e.to_string() });
        }
    }
    println!("{ok} ok, {bad} failed");
}
