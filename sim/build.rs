//! Verilates the committed Verilog of each block the simulator drives (`rtl/verilog/<block>/`)
//! and compiles it with a small C shim (`csrc/<block>.cpp`) into one static library per
//! block, plus one for Verilator's runtime. Needs `verilator` (Debian's 5.006;
//! `ci/setup.sh` installs it). With the `fst` feature the models are built with FST waveform
//! tracing (`--trace-fst`, zlib).
//!
//! **Cache.** Verilating and compiling the large designs takes minutes on 2 cores, and a
//! fresh clone (CI) would redo it every time; so each library is kept in
//! `~/.cache/uhdpipe/verilated/<block>-<key>/` (or `$UHDPIPE_CACHE`), the key hashing
//! everything it is built from: the block's Verilog, the shared modules, its shim and the
//! headers of `csrc/` it includes, Verilator's and the C++ compiler's versions, and the options. A
//! changed input is a new key (built afresh); a hit is the same library a build would give.
//!
//! **Which designs.** The registry (`rtl/src/designs.rs`) says: its `ci` set always (CI's
//! set); a design whose set names one of this crate's features with that feature
//! (`legall-wide`, `lift-fwd`, `lift-inv`, `lift-wide`, `lift-fwd-wide`, `lift-inv-wide`;
//! `all-builds`, which `ci/rtl-full.sh` uses, turns on all of them). The `ci` designs'
//! Verilog is committed (`rtl/verilog/<design>/files.f` lists its files); the others are
//! generated into the cache by `cargo run --release -p uhdpipe-rtl --bin rtl-generate --
//! --cache` (ci/rtl-full.sh runs it first), for the same source key.
use std::path::{Path, PathBuf};
use std::process::Command;

#[path = "../rtl/src/cache.rs"]
mod cache;

/// The registry's designs as (name, set).
macro_rules! designs {
    ($($name:ident : $src:ident :: $ty:ident $(<$($p:literal),*>)? $(= $ctor:expr)?, ppc $ppc:literal, set $set:literal;)*) => {
        const DESIGNS: &[(&str, &str)] = &[$((stringify!($name), $set)),*];
    };
}
include!("../rtl/src/designs.rs");

/// The designs this build Verilates, each with the folder its `files.f` is relative to.
fn chosen(root: &Path) -> Vec<(&'static str, PathBuf)> {
    let mut out = Vec::new();
    let mut generated: Option<PathBuf> = None;
    for &(name, set) in DESIGNS {
        let feature = format!("CARGO_FEATURE_{}", set.to_uppercase().replace('-', "_"));
        if set == "ci" {
            out.push((name, root.join("rtl/verilog")));
        } else if std::env::var_os(&feature).is_some() {
            let dir = generated.get_or_insert_with(|| {
                // the source key covers what generation reads
                println!("cargo:rerun-if-changed={}", root.join("rtl/src").display());
                cache::generated_verilog_dir(cache::generation_key(root)).expect("a cache folder ($UHDPIPE_CACHE or $HOME)")
            }).clone();
            assert!(
                dir.join(name).join("files.f").exists(),
                "{name} (set \"{set}\") is not committed and not generated for this source: run `cargo run --release -p uhdpipe-rtl --bin rtl-generate -- --cache` (ci/rtl-full.sh does), then build again"
            );
            out.push((name, dir));
        }
    }
    out
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf();
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap());
    let include = verilator_include();
    println!("cargo:rerun-if-changed=csrc");
    println!("cargo:rerun-if-changed={}", root.join("rtl/src/designs.rs").display());
    println!("cargo:rerun-if-env-changed=UHDPIPE_CACHE");
    let fst = std::env::var_os("CARGO_FEATURE_FST").is_some();
    let base = || {
        let mut b = cc::Build::new();
        b.cpp(true).std("c++17").opt_level(2).warnings(false).cargo_metadata(false).include(&include).include(include.join("vltstd"));
        if fst {
            b.define("UHDPIPE_FST", None);
        }
        b
    };
    let compiler = base().get_compiler();
    let cxx_version = Command::new(compiler.path()).arg("--version").output().map(|o| o.stdout).unwrap_or_default();
    let options =
        cache::Key::default().feed(b"verilated 1: --cc -O3 --x-assign fast --x-initial fast --no-timing; c++17 -O2").feed(cache::verilator_version().as_bytes()).feed(&cxx_version).feed(&[fst as u8]);
    let store = cache::dir("verilated").unwrap_or_else(|| out.join("verilated"));
    let csrc = root.join("sim/csrc");
    for (block, vroot) in chosen(&root) {
        let list = vroot.join(block).join("files.f");
        println!("cargo:rerun-if-changed={}", list.display());
        // The design's files: its top, the shared modules below it, the hand-written ones.
        let files: Vec<PathBuf> = std::fs::read_to_string(&list).unwrap_or_else(|e| panic!("{}: {e}", list.display())).lines().map(|f| vroot.join(f)).collect();
        for f in &files {
            println!("cargo:rerun-if-changed={}", f.display());
        }
        let shim = csrc.join(format!("{block}.cpp"));
        let shim_text = std::fs::read(&shim).unwrap_or_else(|e| panic!("{}: {e}", shim.display()));
        // the headers of csrc/ the shim includes, directly or through each other: a header's
        // change rebuilds only the blocks whose shims use it
        let headers = included(&csrc, &shim_text).iter().fold(cache::Key::default(), |k, h| k.feed(h.as_bytes()).feed(&std::fs::read(csrc.join(h)).unwrap()));
        let key = files.iter().fold(options.feed(block.as_bytes()), |k, f| k.feed(f.file_name().unwrap().as_encoded_bytes()).feed(&std::fs::read(f).unwrap_or_else(|e| panic!("{}: {e}", f.display())))).feed(headers.hex().as_bytes()).feed(&shim_text).hex();
        let lib = format!("uhdpipe_v_{block}");
        let dir = cached(&store, &format!("{block}-{key}"), &lib, |tmp| {
            let mdir = tmp.join("verilated");
            let status = Command::new("verilator")
                .args(["--cc", "-O3", "--x-assign", "fast", "--x-initial", "fast", "--no-timing"])
                .args(if fst { &["--trace-fst"][..] } else { &[][..] })
                .arg("--top-module")
                .arg(format!("uhdpipe_{block}"))
                .arg("--prefix")
                .arg(format!("V{block}"))
                .arg("-Mdir")
                .arg(&mdir)
                .args(&files)
                .status()
                .unwrap_or_else(|e| panic!("cannot run verilator ({e}): run ci/setup.sh, which installs it"));
            assert!(status.success(), "verilator failed on {}", list.display());
            let mut build = base();
            build.include(&mdir).out_dir(tmp);
            for f in std::fs::read_dir(&mdir).unwrap().map(|e| e.unwrap().path()) {
                if f.extension().is_some_and(|x| x == "cpp") {
                    build.file(f);
                }
            }
            build.file(csrc.join(format!("{block}.cpp"))).compile(&lib);
        });
        println!("cargo:rustc-link-search=native={}", dir.display());
        println!("cargo:rustc-link-lib=static={lib}");
    }
    let rt = cached(&store, &format!("runtime-{}", options.feed(b"runtime").hex()), "uhdpipe_vrt", |tmp| {
        let mut build = base();
        build.out_dir(tmp).file(include.join("verilated.cpp")).file(include.join("verilated_threads.cpp"));
        if fst {
            build.file(include.join("verilated_fst_c.cpp"));
        }
        build.compile("uhdpipe_vrt");
    });
    println!("cargo:rustc-link-search=native={}", rt.display());
    println!("cargo:rustc-link-lib=static=uhdpipe_vrt");
    println!("cargo:rustc-link-lib=stdc++");
    if fst {
        println!("cargo:rustc-link-lib=z");
    }
}

/// The `csrc/` headers a source includes (`#include "name.h"`), directly or through each
/// other, sorted by name. Verilator's own headers (`"V<block>.h"`, not in `csrc/`) are
/// covered by the block's Verilog.
fn included(csrc: &Path, text: &[u8]) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    let mut todo = vec![text.to_vec()];
    while let Some(t) = todo.pop() {
        for line in String::from_utf8_lossy(&t).lines() {
            let Some(rest) = line.trim_start().strip_prefix("#include \"") else { continue };
            let Some(name) = rest.split('"').next() else { continue };
            let path = csrc.join(name);
            if path.is_file() && !found.iter().any(|f| f == name) {
                found.push(name.to_string());
                todo.push(std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display())));
            }
        }
    }
    found.sort();
    found
}

/// The folder `store/name` holding `lib<lib>.a`: as found, or built by `make` into a
/// temporary folder that is then renamed into place (so that a concurrent build never sees
/// half a library), keeping only the library.
fn cached(store: &Path, name: &str, lib: &str, make: impl FnOnce(&Path)) -> PathBuf {
    let dir = store.join(name);
    let file = format!("lib{lib}.a");
    if dir.join(&file).exists() {
        return dir;
    }
    let tmp = store.join(format!("{name}.tmp{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&tmp);
    std::fs::create_dir_all(&tmp).unwrap_or_else(|e| panic!("{}: {e}", tmp.display()));
    make(&tmp);
    for e in std::fs::read_dir(&tmp).unwrap().flatten() {
        if e.file_name() != file.as_str() {
            let p = e.path();
            let _ = if p.is_dir() { std::fs::remove_dir_all(&p) } else { std::fs::remove_file(&p) };
        }
    }
    if std::fs::rename(&tmp, &dir).is_err() {
        // another build put it there first: the same library
        let _ = std::fs::remove_dir_all(&tmp);
    }
    assert!(dir.join(&file).exists(), "{}: no {file}", dir.display());
    dir
}

/// Verilator's runtime sources (`verilator --getenv VERILATOR_ROOT`/include).
fn verilator_include() -> PathBuf {
    let out = Command::new("verilator").args(["--getenv", "VERILATOR_ROOT"]).output().unwrap_or_else(|e| panic!("cannot run verilator ({e}): run ci/setup.sh, which installs it"));
    PathBuf::from(String::from_utf8(out.stdout).unwrap().trim()).join("include")
}
