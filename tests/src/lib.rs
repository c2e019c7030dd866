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
