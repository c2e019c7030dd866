//! The `uhdpipe` binary end to end, with FFmpeg reading what it writes.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn uhdpipe(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_uhdpipe")).args(args).output().expect("run uhdpipe")
}

fn ffmpeg_corpus() -> PathBuf {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../ci/ffmpeg-streams.sh");
    let out = Command::new("bash").arg(&script).output().expect("run ci/ffmpeg-streams.sh");
    assert!(out.status.success(), "ci/ffmpeg-streams.sh failed (run ci/setup.sh): {}", String::from_utf8_lossy(&out.stderr));
    PathBuf::from(String::from_utf8(out.stdout).unwrap().trim())
}

fn tmpdir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("uhdpipe-cli-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

#[test]
fn decodes_8k_to_y4m_that_ffmpeg_reads_back() {
    let corpus = ffmpeg_corpus();
    let stream = corpus.join("uhd8k_legall_d3_4G.vc2");
    let dir = tmpdir("8k");
    let y4m = dir.join("out.y4m");
    let out = uhdpipe(&["decode", stream.to_str().unwrap(), "-o", y4m.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stderr).contains("decoded 1 picture(s) 7680x4320 4:2:2 10-bit"));
    let back = dir.join("back.yuv");
    let ff = Command::new("ffmpeg")
        .args(["-nostdin", "-v", "error", "-y", "-i", y4m.to_str().unwrap(), "-f", "rawvideo", "-pix_fmt", "yuv422p10le", back.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(ff.status.success(), "FFmpeg could not read our Y4M: {}", String::from_utf8_lossy(&ff.stderr));
    let probe = Command::new("ffprobe")
        .args(["-v", "error", "-show_entries", "stream=width,height,pix_fmt,r_frame_rate", "-of", "compact", y4m.to_str().unwrap()])
        .output()
        .unwrap();
    let p = String::from_utf8_lossy(&probe.stdout);
    assert!(p.contains("width=7680|height=4320|pix_fmt=yuv422p10le"), "{p}");
    assert_eq!(std::fs::read(back).unwrap(), std::fs::read(stream.with_extension("ffmpeg.yuv")).unwrap());

    let info = uhdpipe(&["info", stream.to_str().unwrap()]);
    assert!(info.status.success());
    let text = String::from_utf8_lossy(&info.stdout);
    for want in ["1 picture(s)", "frame 7680x4320 4:2:2 progressive", "base video format 20 (uhdtv8k_50)", "wavelet LeGall (5,3), depth 3", "luma 10-bit", "bytes per picture"] {
        assert!(text.contains(want), "info lacks {want:?}:\n{text}");
    }
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn raw_and_stdout_outputs() {
    let corpus = ffmpeg_corpus();
    let stream = corpus.join("hd_dd97_d3_300M.vc2");
    let dir = tmpdir("raw");
    let raw = dir.join("out.yuv");
    assert!(uhdpipe(&["decode", "-q", stream.to_str().unwrap(), "-o", raw.to_str().unwrap()]).status.success());
    assert_eq!(std::fs::read(&raw).unwrap(), std::fs::read(stream.with_extension("ffmpeg.yuv")).unwrap());
    let out = uhdpipe(&["decode", "-q", "--threads", "1", stream.to_str().unwrap(), "-o", "-"]);
    assert!(out.status.success());
    assert!(out.stdout.starts_with(b"YUV4MPEG2 W1920 H1080 F50:1 Ip A1:1 C422p10"));
    assert_eq!(out.stdout.windows(6).filter(|w| w == b"FRAME\n").count(), 3);
    // Threads change speed, never bytes.
    let all = uhdpipe(&["decode", "-q", stream.to_str().unwrap(), "-o", "-"]);
    assert!(all.status.success());
    assert!(all.stdout == out.stdout, "--threads 1 and all threads differ");
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn corrupt_input_fails_with_offset_and_keeps_decoded_pictures() {
    let corpus = ffmpeg_corpus();
    let data = std::fs::read(corpus.join("hd_legall_d3_600M.vc2")).unwrap();
    let dir = tmpdir("corrupt");
    // Keep two whole pictures and half of the third.
    let cut = data.len() - data.len() / 6;
    let input = dir.join("cut.vc2");
    std::fs::write(&input, &data[..cut]).unwrap();
    let raw = dir.join("out.yuv");
    let out = uhdpipe(&["decode", "-q", input.to_str().unwrap(), "-o", raw.to_str().unwrap()]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("uhdpipe: error:") && err.contains("at byte"), "{err}");
    assert_eq!(std::fs::metadata(&raw).unwrap().len(), 2 * 1920 * 1080 * 2 * 2, "the pictures before the damage are written");

    std::fs::write(&input, b"not a vc2 stream at all").unwrap();
    let out = uhdpipe(&["info", input.to_str().unwrap()]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("expected parse info prefix 0x42424344"));
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn backends_other_than_model_say_they_are_unavailable() {
    for b in ["sim", "vfio:0000:65:00.0"] {
        let out = uhdpipe(&["info", "--backend", b, "x.vc2"]);
        assert!(!out.status.success());
        assert!(String::from_utf8_lossy(&out.stderr).contains("not available yet"), "{b}");
    }
    let out = uhdpipe(&["info", "--backend", "gpu", "x.vc2"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown backend"));
    let help = uhdpipe(&["decode", "--help"]);
    assert!(String::from_utf8_lossy(&help.stdout).contains("--backend"));
}

#[test]
fn scale_pipes_through_stdin_and_stdout_and_ffmpeg_reads_it() {
    use std::io::Write;
    use std::process::Stdio;
    let dir = tmpdir("scale");
    let src = dir.join("in.y4m");
    let ff = Command::new("ffmpeg")
        .args(["-nostdin", "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=192x108:rate=25", "-frames:v", "3", "-pix_fmt", "yuv422p10le", "-strict", "-1"])
        .arg(&src)
        .output()
        .unwrap();
    assert!(ff.status.success(), "{}", String::from_utf8_lossy(&ff.stderr));
    let mut child = Command::new(env!("CARGO_BIN_EXE_uhdpipe"))
        .args(["scale", "-", "-o", "-", "--size", "96x54", "-q"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let data = std::fs::read(&src).unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let feeder = std::thread::spawn(move || stdin.write_all(&data));
    let out = child.wait_with_output().unwrap();
    feeder.join().unwrap().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let scaled = dir.join("out.y4m");
    std::fs::write(&scaled, &out.stdout).unwrap();
    let probe = Command::new("ffprobe")
        .args(["-v", "error", "-count_frames", "-show_entries", "stream=width,height,pix_fmt,nb_read_frames", "-of", "compact"])
        .arg(&scaled)
        .output()
        .unwrap();
    let p = String::from_utf8_lossy(&probe.stdout);
    assert!(p.contains("width=96|height=54|pix_fmt=yuv422p10le|nb_read_frames=3"), "{p}");
    // Odd width for 4:2:2 is a clear error.
    let bad = uhdpipe(&["scale", src.to_str().unwrap(), "-o", dir.join("x.y4m").to_str().unwrap(), "--size", "95x54"]);
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("does not divide into 4:2:2 chroma"));
    std::fs::remove_dir_all(dir).ok();
}
