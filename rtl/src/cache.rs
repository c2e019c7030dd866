//! Content keys for the build and test caches under `~/.cache/uhdpipe/` (or
//! `$UHDPIPE_CACHE`): a 64-bit FNV-1a hash over file names and contents. Also compiled into
//! `sim/build.rs` (by path), so the two agree.
//!
//! The caches hold only results that are a pure function of the hashed inputs (generated
//! Verilog, lint verdicts, compiled Verilator models), so a hit is the same result a fresh
//! run would give; a changed input is a different key and runs afresh.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// A running 64-bit FNV-1a hash.
#[derive(Clone, Copy)]
pub struct Key(u64);

impl Default for Key {
    fn default() -> Self {
        Key(0xcbf2_9ce4_8422_2325)
    }
}

impl Key {
    /// Adds `bytes`, then their length (so that concatenations differ).
    pub fn feed(mut self, bytes: &[u8]) -> Self {
        for &b in bytes.iter().chain(&(bytes.len() as u64).to_le_bytes()) {
            self.0 = (self.0 ^ b as u64).wrapping_mul(0x0100_0000_01b3);
        }
        self
    }

    /// Adds every file under `dir` (recursively, in name order): path relative to `dir`,
    /// then contents. A missing directory adds nothing but its name.
    pub fn add_tree(self, dir: &Path) -> Self {
        let mut files = Vec::new();
        collect(dir, &mut files);
        files.sort();
        let mut k = self.feed(dir.file_name().map(|n| n.as_encoded_bytes()).unwrap_or_default());
        for f in files {
            let rel = f.strip_prefix(dir).unwrap_or(&f);
            k = k.feed(rel.as_os_str().as_encoded_bytes()).feed(&std::fs::read(&f).unwrap_or_default());
        }
        k
    }

    /// The key as 16 hex digits.
    pub fn hex(self) -> String {
        format!("{:016x}", self.0)
    }
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            collect(&p, out);
        } else {
            out.push(p);
        }
    }
}

/// The cache folder `sub` (`$UHDPIPE_CACHE/sub`, else `$HOME/.cache/uhdpipe/sub`), created;
/// `None` when neither variable is set or it cannot be created (run uncached).
pub fn dir(sub: &str) -> Option<PathBuf> {
    let base = std::env::var_os("UHDPIPE_CACHE").map(PathBuf::from).or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache/uhdpipe")))?;
    let d = base.join(sub);
    std::fs::create_dir_all(&d).ok()?;
    Some(d)
}

/// Writes `bytes` to `path` atomically (a temporary file renamed into place), so that a
/// concurrent reader sees all or nothing. Errors are ignored: a cache that cannot be
/// written only costs time.
pub fn put(path: &Path, bytes: &[u8]) {
    let tmp = path.with_extension(format!("tmp{}", std::process::id()));
    if std::fs::write(&tmp, bytes).is_ok() && std::fs::rename(&tmp, path).is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
}

/// `verilator --version`, for keys of results that depend on it.
pub fn verilator_version() -> String {
    std::process::Command::new("verilator").arg("--version").output().map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string()).unwrap_or_default()
}

/// The key of everything Verilog generation reads, from the workspace root: the RTL crate's
/// sources, the hand-written modules, the tables it takes from other crates (the model's
/// lifting steps, stage bounds and quantisation factors, the driver's register map) and the locked dependency
/// versions (rust-hdl's among them). An edit elsewhere in the model or the driver keeps it.
pub fn generation_key(root: &Path) -> Key {
    let k = ["rtl/src", "rtl/verilog/common"].iter().fold(Key::default().feed(b"rtl-generate 2"), |k, d| k.add_tree(&root.join(d)));
    ["model/src/tables.rs", "model/src/quant.rs", "model/src/wavelet.rs", "driver/src/regmap.rs", "Cargo.lock", "rtl/Cargo.toml"].iter().fold(k, |k, f| k.feed(f.as_bytes()).feed(&std::fs::read(root.join(f)).unwrap_or_default()))
}

/// Where the Verilog of the designs that are not committed (the registry's test and
/// synthesis variants) is generated for source `key` ([`generation_key`]):
/// `<cache>/rtl-verilog/<key>/`, laid out as `rtl/verilog/` (each design's `files.f`
/// relative to it, `common/` copied in).
pub fn generated_verilog_dir(key: Key) -> Option<PathBuf> {
    dir("rtl-verilog").map(|d| d.join(key.hex()))
}
