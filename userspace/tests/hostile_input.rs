//! Every command that reads pictures, fed hostile input: absurd, zero and odd-for-chroma
//! sizes, truncated headers and frames, bad and missing header fields. Each must fail with
//! `uhdpipe: error:` and a message naming the problem, exit status 1 — never a panic
//! (status 101), never a huge allocation before noticing the input is short. Needs only
//! the `uhdpipe` binary (no FFmpeg, no simulator).

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

/// Runs uhdpipe with `input` on standard input.
fn uhdpipe(args: &[&str], input: &[u8]) -> Output {
    let mut child =
        Command::new(env!("CARGO_BIN_EXE_uhdpipe")).args(args).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().expect("run uhdpipe");
    let mut stdin = child.stdin.take().expect("stdin piped");
    let data = input.to_vec();
    // uhdpipe may stop reading early (that is the point): a broken pipe here is expected.
    let feeder = std::thread::spawn(move || stdin.write_all(&data).ok());
    let out = child.wait_with_output().expect("wait for uhdpipe");
    feeder.join().expect("feeder thread");
    out
}

fn tmpdir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("uhdpipe-hostile-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// The command fails cleanly with `want` in its error message.
fn assert_refused(out: &Output, what: &str, want: &str) {
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("panicked"), "{what}: panicked:\n{err}");
    assert_eq!(out.status.code(), Some(1), "{what}: expected exit status 1, stderr:\n{err}");
    assert!(err.starts_with("uhdpipe: error:"), "{what}: {err}");
    assert!(err.contains(want), "{what}: expected {want:?} in:\n{err}");
}

/// A Y4M header, then `FRAME` and `samples` bytes.
fn y4m(header: &str, samples: usize) -> Vec<u8> {
    let mut v = format!("{header}\nFRAME\n").into_bytes();
    v.resize(v.len() + samples, 0);
    v
}

/// Hostile Y4M inputs and the message each must produce. All are 10-bit 4:2:2 where the
/// header gets that far, so `pack` reaches the reader too, and at least 64x16 where the frame
/// is read, so the encoder accepts the format and reaches it as well.
fn hostile_y4m() -> Vec<(&'static str, Vec<u8>, &'static str)> {
    vec![
        // Issue 33's reproduction: "capacity overflow" / multiply overflow panic before.
        ("absurd size", y4m("YUV4MPEG2 W4000000000 H4000000000 F25:1 Ip A1:1 C422p10", 0), "picture 4000000000x4000000000 exceeds the decoder limit 16384x16384"),
        // Allocated 20 GB before noticing the file is short.
        ("over the limit", y4m("YUV4MPEG2 W100000 H100000 F25:1 Ip A1:1 C422p10", 0), "picture 100000x100000 exceeds the decoder limit 16384x16384"),
        ("size beyond 64 bits", y4m("YUV4MPEG2 W99999999999999999999999 H2 F25:1 C422p10", 0), "Y4M width W99999999999999999999999: expected a decimal number"),
        ("zero width", y4m("YUV4MPEG2 W0 H2 F25:1 C422p10", 0), "picture width = 0 is invalid"),
        ("zero height", y4m("YUV4MPEG2 W2 H0 F25:1 C422p10", 0), "picture height = 0 is invalid"),
        (
            "odd 4:2:2 width",
            y4m("YUV4MPEG2 W1919 H1080 F25:1 C422p10", 0),
            "picture width = 1919 is invalid: 4:2:2 chroma is half as wide as luma, so the width must be even",
        ),
        ("odd 4:2:0 height", y4m("YUV4MPEG2 W64 H31 F25:1 C420p10", 0), "picture height = 31 is invalid: 4:2:0 chroma is half as high as luma"),
        ("missing width", y4m("YUV4MPEG2 H2 F25:1 C422p10", 0), "Y4M header has no W (width) tag"),
        ("missing height", y4m("YUV4MPEG2 W2 F25:1 C422p10", 0), "Y4M header has no H (height) tag"),
        ("bad width", y4m("YUV4MPEG2 Wide H2 F25:1 C422p10", 0), "Y4M width Wide: expected a decimal number"),
        ("bad frame rate", y4m("YUV4MPEG2 W2 H2 F25:0 C422p10", 0), "Y4M frame rate must be non-zero"),
        ("bad colour space", y4m("YUV4MPEG2 W2 H2 F25:1 C411", 0), "Y4M colour space C411 is not supported"),
        ("not Y4M", b"RIFF....WAVEfmt \n".to_vec(), "not a Y4M stream"),
        ("empty input", Vec::new(), "Y4M stream header truncated"),
        ("truncated header", b"YUV4MPEG2 W4 H2 F25:1 C42".to_vec(), "Y4M stream header truncated: expected a line ending in a newline, found 25 bytes"),
        ("truncated frame header", b"YUV4MPEG2 W64 H16 F25:1 C422p10\nFRA".to_vec(), "Y4M frame 0 header truncated: expected a line ending in a newline, found 3 bytes"),
        ("bad frame header", b"YUV4MPEG2 W64 H16 F25:1 C422p10\nFRAMED\n".to_vec(), "Y4M frame 0: expected \"FRAME\", found \"FRAMED\""),
        (
            "truncated frame",
            y4m("YUV4MPEG2 W64 H16 F25:1 C422p10", 13),
            "at byte 38: Y4M frame 0 truncated: expected 4096 bytes of samples (64x16 4:2:2 10-bit), found 13 bytes",
        ),
        // The largest frame the limit allows over ten bytes: must not allocate 1 GiB first.
        (
            "largest frame, truncated",
            y4m("YUV4MPEG2 W16384 H16384 F25:1 C422p10", 10),
            "Y4M frame 0 truncated: expected 1073741824 bytes of samples (16384x16384 4:2:2 10-bit), found 10 bytes",
        ),
    ]
}

/// Every Y4M-reading command with `input` as its input file.
fn y4m_commands(input: &str, out: &str) -> Vec<Vec<String>> {
    let cmds: [&[&str]; 3] = [&["encode", input, "-o", out, "-q"], &["scale", input, "-o", out, "--size", "8x8", "-q"], &["pack", input, "-o", out, "-q"]];
    cmds.iter().map(|c| c.iter().map(|s| s.to_string()).collect()).collect()
}

#[test]
fn y4m_commands_refuse_hostile_headers_and_frames_from_files() {
    let dir = tmpdir("files");
    let out = dir.join("out").to_str().unwrap().to_string();
    for (i, (what, bytes, want)) in hostile_y4m().into_iter().enumerate() {
        let input = dir.join(format!("{i}.y4m"));
        std::fs::write(&input, &bytes).unwrap();
        let input = input.to_str().unwrap().to_string();
        for cmd in y4m_commands(&input, &out) {
            let args: Vec<&str> = cmd.iter().map(String::as_str).collect();
            let o = uhdpipe(&args, b"");
            assert_refused(&o, &format!("{} ({what})", args[0]), want);
            assert!(String::from_utf8_lossy(&o.stderr).contains(&input), "{what}: the error names the input file");
        }
    }
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn y4m_commands_refuse_hostile_input_on_standard_input() {
    // A pipe has no length: the reader must find the truncation by reading, in bounded chunks.
    let dir = tmpdir("stdin");
    let out = dir.join("out").to_str().unwrap().to_string();
    for (what, bytes, want) in hostile_y4m() {
        for cmd in y4m_commands("-", &out) {
            let args: Vec<&str> = cmd.iter().map(String::as_str).collect();
            assert_refused(&uhdpipe(&args, &bytes), &format!("{} - ({what})", args[0]), want);
        }
    }
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn a_second_frame_cut_short_is_reported_with_its_number() {
    let mut bytes = y4m("YUV4MPEG2 W64 H16 F25:1 C422p10", 64 * 16 * 2 * 2);
    bytes.extend_from_slice(b"FRAME\n");
    bytes.extend_from_slice(&[0u8; 100]);
    for cmd in y4m_commands("-", "-") {
        let args: Vec<&str> = cmd.iter().map(String::as_str).collect();
        assert_refused(&uhdpipe(&args, &bytes), args[0], "Y4M frame 1 truncated: expected 4096 bytes of samples (64x16 4:2:2 10-bit), found 100 bytes");
    }
}

#[test]
fn unpack_refuses_hostile_sizes_and_short_input() {
    let unpack = |size: &str, input: &[u8]| uhdpipe(&["unpack", "-", "-o", "-", "--size", size, "-q"], input);
    assert_refused(&unpack("100000x100000", b"x"), "unpack over the limit", "--size 100000x100000: picture 100000x100000 exceeds the decoder limit 16384x16384");
    assert_refused(&unpack("0x2", b"x"), "unpack zero width", "--size 0x2: picture width = 0 is invalid");
    assert_refused(&unpack("7x2", b"x"), "unpack odd width", "--size 7x2: picture width = 7 is invalid: 4:2:2 chroma is half as wide as luma");
    // The largest frame (640 MiB packed) over ten bytes, through a pipe.
    assert_refused(&unpack("16384x16384", &[0u8; 10]), "unpack truncated", "the input ends 10 bytes into frame 0");
    // A clean run on the same path, so the refusals above are not the only outcome.
    let ok = unpack("2x1", &[0u8; 5]);
    assert!(ok.status.success(), "{}", String::from_utf8_lossy(&ok.stderr));
    assert!(ok.stdout.starts_with(b"YUV4MPEG2 W2 H1 "));
}
