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

/// `ffmpeg ... -f yuv4mpegpipe - | uhdpipe encode - -o x.vc2`: the stream decodes (ours and
/// FFmpeg's decoder agree at this rate), `info` describes it, threads do not change a byte.
#[test]
fn encode_from_an_ffmpeg_pipe_and_decode_back() {
    let dir = tmpdir("encode");
    let vc2 = dir.join("pipe.vc2");
    let cmd = format!(
        "ffmpeg -nostdin -v error -f lavfi -i testsrc2=size=640x360:rate=25 -frames:v 3 -pix_fmt yuv422p10le -strict -1 -f yuv4mpegpipe - | {} encode - -o {} --ratio 5 --wavelet dd97 --threads 1",
        env!("CARGO_BIN_EXE_uhdpipe"),
        vc2.display()
    );
    let out = Command::new("sh").arg("-c").arg(&cmd).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let msg = String::from_utf8_lossy(&out.stderr);
    assert!(msg.contains("encoded 3 frame(s) 640x360 as 3 pictures"), "{msg}");
    let info = String::from_utf8_lossy(&uhdpipe(&["info", vc2.to_str().unwrap()]).stdout).to_string();
    for want in ["3 picture(s)", "frame 640x360 4:2:2 progressive", "Deslauriers-Dubuc (9,7), depth 3", "frame rate 25/1", "luma 10-bit (offset 64, excursion 876)"] {
        assert!(info.contains(want), "info lacks {want:?}:\n{info}");
    }
    // 640·360·2 samples · 10 bits / 8 / 5 = 115200 bytes per picture, less than one
    // slice_size_scaler unit (2 here) short.
    assert!(info.contains("size scaler 2") && info.contains("bytes per picture: min 115199, mean 115199, max 115199"), "{info}");
    let ours = dir.join("ours.yuv");
    assert!(uhdpipe(&["decode", vc2.to_str().unwrap(), "-o", ours.to_str().unwrap(), "-q"]).status.success());
    let theirs = Command::new("ffmpeg")
        .args(["-nostdin", "-v", "error", "-f", "dirac", "-i", vc2.to_str().unwrap(), "-fps_mode", "passthrough", "-f", "rawvideo", "-pix_fmt", "yuv422p10le", "-"])
        .output()
        .unwrap();
    assert_eq!(std::fs::read(&ours).unwrap(), theirs.stdout, "FFmpeg decodes our default-option stream differently");
    // Same bytes with two threads.
    let two = dir.join("two.vc2");
    let cmd2 = cmd.replace("--threads 1", "--threads 2").replace(vc2.to_str().unwrap(), two.to_str().unwrap());
    assert!(Command::new("sh").arg("-c").arg(&cmd2).output().unwrap().status.success());
    assert_eq!(std::fs::read(&vc2).unwrap(), std::fs::read(&two).unwrap(), "--threads changed the output");
    std::fs::remove_dir_all(dir).ok();
}

/// Interlaced Y4M is coded as fields and decodes back to the same frames losslessly;
/// the sequence header signals what the options and the Y4M header say.
#[test]
fn encode_interlaced_lossless_with_colour_options() {
    let dir = tmpdir("encode-fields");
    let src = dir.join("in.y4m");
    let ff = Command::new("ffmpeg")
        .args(["-nostdin", "-v", "error", "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=30000/1001", "-frames:v", "2", "-pix_fmt", "yuv420p", "-vf", "setfield=tff", "-f", "yuv4mpegpipe", src.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(ff.status.success(), "{}", String::from_utf8_lossy(&ff.stderr));
    let y4m = std::fs::read(&src).unwrap();
    assert!(String::from_utf8_lossy(&y4m[..80]).contains(" It "), "FFmpeg wrote no interlace tag");
    let vc2 = dir.join("out.vc2");
    let out = uhdpipe(&["encode", src.to_str().unwrap(), "-o", vc2.to_str().unwrap(), "--lossless", "--primaries", "bt2020", "--matrix", "bt2020", "--transfer", "hlg", "--range", "full"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stderr).contains("as 4 fields"));
    let info = String::from_utf8_lossy(&uhdpipe(&["info", vc2.to_str().unwrap()]).stdout).to_string();
    for want in ["version 3.0", "interlaced (top field first), pictures are fields", "frame rate 30000/1001", "HLG", "BT.2020", "offset 0, excursion 255"] {
        assert!(info.contains(want), "info lacks {want:?}:\n{info}");
    }
    let back = dir.join("back.y4m");
    assert!(uhdpipe(&["decode", vc2.to_str().unwrap(), "-o", back.to_str().unwrap(), "-q"]).status.success());
    let frames = |p: &Path| {
        let mut r = uhdpipe_model::io::y4m::Reader::new(std::io::BufReader::new(std::fs::File::open(p).unwrap())).unwrap();
        let mut v = Vec::new();
        while let Some(f) = r.next_frame().unwrap() {
            v.push(f.planes);
        }
        v
    };
    assert_eq!(frames(&back), frames(&src), "lossless fields did not weave back into the source frames");
    std::fs::remove_dir_all(dir).ok();
}

/// Options the encoder cannot honour are refused with a message that says why.
#[test]
fn encode_refuses_impossible_options_clearly() {
    let dir = tmpdir("encode-errors");
    let src = dir.join("in.y4m");
    let mut y4m = b"YUV4MPEG2 W64 H36 F25:1 Ip A1:1 C420jpeg\nFRAME\n".to_vec();
    y4m.extend(std::iter::repeat_n(128u8, 64 * 36 * 3 / 2));
    std::fs::write(&src, &y4m).unwrap();
    let out_path = dir.join("x.vc2");
    let o = out_path.to_str().unwrap();
    let s = src.to_str().unwrap();
    for (args, want) in [
        (vec!["--slices", "3x1"], "do not divide"),
        (vec!["--picture-bytes", "10"], "too few"),
        (vec!["--depth", "7"], "no default quantisation matrix"),
        (vec!["--quant-matrix", "1 2"], "needs 10 values"),
        (vec!["--ratio", "0.5"], "at least 1"),
        (vec!["--wavelet", "db4"], "unknown wavelet"),
        (vec!["--ratio", "4", "--lossless"], "cannot be used with"),
    ] {
        let mut a = vec!["encode", s, "-o", o];
        a.extend(args.iter());
        let out = uhdpipe(&a);
        assert!(!out.status.success(), "{args:?} succeeded");
        let msg = String::from_utf8_lossy(&out.stderr);
        assert!(msg.contains(want), "{args:?}: {msg}");
    }
    std::fs::remove_dir_all(dir).ok();
}

/// `uhdpipe devinfo --backend sim` starts the simulated device and reads its identification
/// through the real driver; `--backend model` is refused with a clear error.
#[test]
fn devinfo_reads_the_simulated_device() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_uhdpipe")).args(["devinfo", "--backend", "sim"]).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(text.contains("0x0000  ident      type 0x50444855, version 1.0"), "{text}");
    assert!(text.contains("0x0100  queue      type 0x51424f4a, version 1.0"), "{text}");
    assert!(text.contains("capabilities:  DMA engine and job queues"), "{text}");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_uhdpipe")).args(["devinfo", "--backend", "model"]).output().unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("devinfo describes a device"));
    // A card that cannot exist: a precise error from sysfs, not a generic one.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_uhdpipe")).args(["devinfo", "--backend", "vfio:ffff:ff:1f.7"]).output().unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no PCI function ffff:ff:1f.7"), "{}", String::from_utf8_lossy(&out.stderr));
    // A job on a card goes through the kernel VFIO transport, which says the same.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_uhdpipe")).args(["pack", "x.y4m", "-o", "y", "--backend", "vfio:ffff:ff:1f.7"]).output().unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no PCI function ffff:ff:1f.7"), "{}", String::from_utf8_lossy(&out.stderr));
}

/// `uhdpipe pack`/`unpack` on the simulated device give the model's bytes, and what comes
/// back is what FFmpeg wrote.
#[test]
fn pack_and_unpack_on_the_simulated_device_match_the_model() {
    let dir = tmpdir("pack");
    let p = |n: &str| dir.join(n).to_str().unwrap().to_string();
    let ff = Command::new("ffmpeg")
        .args(["-nostdin", "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=96x24:rate=25", "-frames:v", "5", "-pix_fmt", "yuv422p10le", "-strict", "-1", "-f", "yuv4mpegpipe", &p("clip.y4m")])
        .output()
        .unwrap();
    assert!(ff.status.success(), "{}", String::from_utf8_lossy(&ff.stderr));
    let out = uhdpipe(&["pack", &p("clip.y4m"), "-o", &p("model.st2110")]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let out = uhdpipe(&["pack", &p("clip.y4m"), "-o", &p("sim.st2110"), "--backend", "sim"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stderr).contains("packed 5 frame(s) 96x24 into 28800 bytes of ST 2110-20"), "{}", String::from_utf8_lossy(&out.stderr));
    let model = std::fs::read(p("model.st2110")).unwrap();
    assert_eq!(model.len(), 5 * 96 * 24 * 5 / 2);
    assert_eq!(std::fs::read(p("sim.st2110")).unwrap(), model, "the device packs as the model does");
    let out = uhdpipe(&["unpack", &p("sim.st2110"), "--size", "96x24", "--rate", "25", "-o", &p("back.y4m"), "--backend", "sim"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let raw = |y4m: &str, o: &str| {
        let r = Command::new("ffmpeg").args(["-nostdin", "-v", "error", "-y", "-i", y4m, "-f", "rawvideo", "-pix_fmt", "yuv422p10le", o]).output().unwrap();
        assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
        std::fs::read(o).unwrap()
    };
    assert_eq!(raw(&p("back.y4m"), &p("back.yuv")), raw(&p("clip.y4m"), &p("clip.yuv")), "unpacked on the device: FFmpeg's frames exactly");
    let out = uhdpipe(&["unpack", &p("sim.st2110"), "--size", "96x25", "-o", &p("bad.y4m")]);
    assert!(!out.status.success() && String::from_utf8_lossy(&out.stderr).contains("wrong --size"), "{}", String::from_utf8_lossy(&out.stderr));
    std::fs::remove_dir_all(dir).ok();
}

/// The simulated device as its own process (`uhdpipe-simdev`, a program of the `uhdpipe-sim`
/// crate: the workspace's test run builds it beside `uhdpipe`), used through `--socket` by
/// several commands in turn, each a new client of the same server.
#[test]
fn commands_use_a_running_device_server_through_socket() {
    let dir = tmpdir("simdev");
    let sock = dir.join("dev.sock");
    let _ = std::fs::remove_file(&sock);
    let bin = uhdpipe::accel::simdev_program().unwrap_or_else(|e| panic!("{e}"));
    let mut server = Command::new(bin).args(["--socket", sock.to_str().unwrap()]).stderr(std::process::Stdio::null()).spawn().unwrap();
    for _ in 0..200 {
        if sock.exists() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(25));
    }
    let s = sock.to_str().unwrap();
    let out = uhdpipe(&["devinfo", "--backend", "sim", "--socket", s]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains(&format!("the simulated device at {s}")));
    let y4m = dir.join("c.y4m");
    let ff = Command::new("ffmpeg")
        .args(["-nostdin", "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=64x16:rate=25", "-frames:v", "2", "-pix_fmt", "yuv422p10le", "-strict", "-1", "-f", "yuv4mpegpipe", y4m.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(ff.status.success());
    let a = dir.join("a.st2110");
    let out = uhdpipe(&["pack", y4m.to_str().unwrap(), "-o", a.to_str().unwrap(), "--backend", "sim", "--socket", s]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let out = uhdpipe(&["pack", "-q", y4m.to_str().unwrap(), "-o", dir.join("b.st2110").to_str().unwrap()]);
    assert!(out.status.success());
    assert_eq!(std::fs::read(&a).unwrap(), std::fs::read(dir.join("b.st2110")).unwrap());
    server.kill().unwrap();
    server.wait().unwrap();
    std::fs::remove_dir_all(dir).ok();
}

/// A 1920x1080 4:2:2 10-bit crop of one of vc2-conformance-data's photos (ci/photo-crop.sh).
fn photo_crop(name: &str) -> PathBuf {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../ci/photo-crop.sh");
    let out = Command::new("bash").arg(&script).arg(name).output().expect("run ci/photo-crop.sh");
    assert!(out.status.success(), "ci/photo-crop.sh failed (run ci/setup.sh): {}", String::from_utf8_lossy(&out.stderr));
    PathBuf::from(String::from_utf8(out.stdout).unwrap().trim())
}

/// Decodes `stream` with FFmpeg to raw yuv422p10le.
fn ffmpeg_decode(stream: &Path, raw: &Path) -> Vec<u8> {
    let ff = Command::new("ffmpeg")
        .args(["-nostdin", "-v", "error", "-y", "-f", "dirac", "-i", stream.to_str().unwrap(), "-fps_mode", "passthrough", "-f", "rawvideo", "-pix_fmt", "yuv422p10le", raw.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(ff.status.success(), "FFmpeg could not decode {}: {}", stream.display(), String::from_utf8_lossy(&ff.stderr));
    std::fs::read(raw).unwrap()
}

/// Natural pictures encoded with the default options (trailing zeros omitted in FFmpeg's
/// compatible form) at production rates decode in FFmpeg exactly as in uhdpipe; the same
/// pictures with `--trailing-zeros omit` do not (FFmpeg 5.1's reader misreads them).
#[test]
fn default_encoding_decodes_exactly_in_ffmpeg() {
    let dir = tmpdir("ffmpeg-exact");
    let (s, ours, ff) = (dir.join("s.vc2"), dir.join("ours.yuv"), dir.join("ff.yuv"));
    let mut omit_differs = 0;
    for (photo, bytes) in [("kingswood", "831652"), ("trees", "388852"), ("berries", "1522852")] {
        let src = photo_crop(photo);
        for form in [None, Some("omit")] {
            let mut args = vec!["encode", "-q", src.to_str().unwrap(), "-o", s.to_str().unwrap(), "--picture-bytes", bytes];
            if let Some(f) = form {
                args.extend(["--trailing-zeros", f]);
            }
            let enc = uhdpipe(&args);
            assert!(enc.status.success(), "{}", String::from_utf8_lossy(&enc.stderr));
            assert!(uhdpipe(&["decode", "-q", s.to_str().unwrap(), "-o", ours.to_str().unwrap()]).status.success());
            let (a, b) = (std::fs::read(&ours).unwrap(), ffmpeg_decode(&s, &ff));
            assert_eq!(a.len(), 1920 * 1080 * 4, "{photo}: one 4:2:2 10-bit picture");
            match form {
                None => assert!(a == b, "{photo} at {bytes} bytes: FFmpeg decodes the default stream differently"),
                Some(_) => omit_differs += (a != b) as usize,
            }
        }
    }
    // At least one omit stream trips FFmpeg, so the comparison above can fail.
    assert!(omit_differs > 0, "FFmpeg decoded every --trailing-zeros omit stream exactly");
    std::fs::remove_dir_all(dir).ok();
}
