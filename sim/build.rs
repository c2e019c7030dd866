//! Verilates the committed Verilog of each block the simulator drives (`rtl/verilog/<block>/`)
//! and compiles it with a small C shim (`csrc/<block>.cpp`) into this crate. Needs
//! `verilator` (Debian's 5.006; `ci/setup.sh` installs it). Cargo reruns this only when the
//! Verilog or the shims change, so a warm build costs nothing. With the `fst` feature the
//! models are built with FST waveform tracing (`--trace-fst`, zlib).
use std::path::{Path, PathBuf};
use std::process::Command;

const BLOCKS: &[&str] = &["legall_h", "lift_h", "lift_hs", "lift_v", "lift_vs", "legall_fwd", "lift_fwd", "legall_inv", "device"];

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf();
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap());
    let include = verilator_include();
    println!("cargo:rerun-if-changed=csrc");
    let mut build = cc::Build::new();
    build.cpp(true).std("c++17").opt_level(2).warnings(false).include(&include).include(include.join("vltstd"));
    build.file(include.join("verilated.cpp")).file(include.join("verilated_threads.cpp"));
    let fst = std::env::var_os("CARGO_FEATURE_FST").is_some();
    if fst {
        build.file(include.join("verilated_fst_c.cpp")).define("UHDPIPE_FST", None);
        println!("cargo:rustc-link-lib=z");
    }
    for block in BLOCKS {
        let vdir = root.join("rtl/verilog").join(block);
        println!("cargo:rerun-if-changed={}", vdir.display());
        // The design's generated modules plus the hand-written ones they instantiate.
        let common = root.join("rtl/verilog/common");
        println!("cargo:rerun-if-changed={}", common.display());
        let mut files: Vec<PathBuf> = std::fs::read_dir(&vdir).unwrap_or_else(|e| panic!("{}: {e}", vdir.display())).map(|e| e.unwrap().path()).collect();
        files.extend(std::fs::read_dir(&common).unwrap_or_else(|e| panic!("{}: {e}", common.display())).map(|e| e.unwrap().path()));
        files.sort();
        let mdir = out.join(block);
        let _ = std::fs::remove_dir_all(&mdir);
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
        assert!(status.success(), "verilator failed on {}", vdir.display());
        build.include(&mdir);
        for f in std::fs::read_dir(&mdir).unwrap().map(|e| e.unwrap().path()) {
            if f.extension().is_some_and(|x| x == "cpp") {
                build.file(f);
            }
        }
        build.file(root.join("sim/csrc").join(format!("{block}.cpp")));
    }
    build.compile("uhdpipe_verilated");
}

/// Verilator's runtime sources (`verilator --getenv VERILATOR_ROOT`/include).
fn verilator_include() -> PathBuf {
    let out = Command::new("verilator").args(["--getenv", "VERILATOR_ROOT"]).output().unwrap_or_else(|e| panic!("cannot run verilator ({e}): run ci/setup.sh, which installs it"));
    PathBuf::from(String::from_utf8(out.stdout).unwrap().trim()).join("include")
}
