//! Shared helpers for uhdpipe's cross-layer tests: locating the repository, the
//! project's tool scripts and their cached outputs.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The repository root.
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("tests/ sits in the repository").to_path_buf()
}

/// Runs a script from `ci/` and returns its standard output (trimmed). Panics with the
/// script's stderr if it fails: a missing tool is a test failure, never a silent skip.
pub fn run_ci_script(script: &str, args: &[&str]) -> String {
    let path = repo_root().join("ci").join(script);
    let out = Command::new("bash").arg(&path).args(args).output().unwrap_or_else(|e| panic!("cannot run {}: {e}", path.display()));
    if !out.status.success() {
        panic!(
            "{} failed ({}). Run ci/setup.sh first (it installs FFmpeg and the VC-2 reference tools).\nstderr:\n{}",
            path.display(),
            out.status,
            String::from_utf8_lossy(&out.stderr)
        );
    }
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

/// Files in `dir` with extension `ext`, sorted.
pub fn files_with_ext(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == ext))
        .collect();
    v.sort();
    v
}

/// The expected pictures of a conformance case: `NAME_expected/picture_N.raw`, in N order.
pub fn expected_pictures(stream: &Path) -> Vec<PathBuf> {
    let stem = stream.file_stem().expect("stream file name").to_string_lossy().to_string();
    let dir = stream.with_file_name(format!("{stem}_expected"));
    let mut v: Vec<(u64, PathBuf)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .map(|e| e.expect("dir entry").path())
        .filter_map(|p| {
            let name = p.file_name()?.to_string_lossy().to_string();
            let n = name.strip_prefix("picture_")?.strip_suffix(".raw")?.parse().ok()?;
            Some((n, p))
        })
        .collect();
    v.sort();
    v.into_iter().map(|(_, p)| p).collect()
}

pub mod synth;

/// The cached conformance-case directory for the project's feature matrix.
pub fn conformance_dir() -> PathBuf {
    PathBuf::from(run_ci_script("conformance-cases.sh", &[]))
}

/// A tool installed in the project's Python environment by `ci/setup.sh`.
pub fn venv_tool(name: &str) -> PathBuf {
    let p = repo_root().join(".venv/bin").join(name);
    assert!(p.exists(), "{} missing: run ci/setup.sh first", p.display());
    p
}

/// A fresh scratch directory under the system temporary directory.
pub fn scratch_dir(tag: &str) -> PathBuf {
    use std::sync::atomic::{AtomicU64, Ordering};
    static N: AtomicU64 = AtomicU64::new(0);
    let d = std::env::temp_dir().join(format!("uhdpipe-{tag}-{}-{}", std::process::id(), N.fetch_add(1, Ordering::Relaxed)));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap_or_else(|e| panic!("cannot create {}: {e}", d.display()));
    d
}

/// Runs the BBC reference decoder `vc2-bitstream-validator` on a stream. Returns the
/// pictures it decoded (raw planar, as `uhdpipe_model::io::raw` writes them), or its
/// report when the stream does not conform.
pub fn validate(stream: &[u8], tag: &str) -> Result<Vec<Vec<u8>>, String> {
    let dir = scratch_dir(tag);
    let path = dir.join("stream.vc2");
    std::fs::write(&path, stream).unwrap();
    std::fs::create_dir_all(dir.join("out")).unwrap();
    let out = Command::new(venv_tool("vc2-bitstream-validator"))
        .arg(&path)
        .arg("-o")
        .arg(dir.join("out/picture_%d.raw"))
        .output()
        .expect("run vc2-bitstream-validator");
    let result = if out.status.success() {
        let mut pics = Vec::new();
        while let Ok(b) = std::fs::read(dir.join(format!("out/picture_{}.raw", pics.len()))) {
            pics.push(b);
        }
        Ok(pics)
    } else {
        Err(format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr)))
    };
    let _ = std::fs::remove_dir_all(&dir);
    result
}

/// Decodes a stream with FFmpeg's VC-2 decoder to raw planar samples of `pix_fmt`.
pub fn ffmpeg_decode(stream: &[u8], pix_fmt: &str, tag: &str) -> Vec<u8> {
    let dir = scratch_dir(tag);
    let path = dir.join("stream.vc2");
    std::fs::write(&path, stream).unwrap();
    let out = Command::new("ffmpeg")
        .args(["-nostdin", "-v", "error", "-f", "dirac", "-i"])
        .arg(&path)
        .args(["-fps_mode", "passthrough", "-f", "rawvideo", "-pix_fmt", pix_fmt, "-"])
        .output()
        .expect("run ffmpeg (ci/setup.sh installs it)");
    let _ = std::fs::remove_dir_all(&dir);
    assert!(out.status.success(), "ffmpeg failed: {}", String::from_utf8_lossy(&out.stderr));
    out.stdout
}
