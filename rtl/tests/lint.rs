//! Every committed design's Verilog passes `verilator --lint-only -Wall` with no waivers.
//! A clean verdict is cached (`~/.cache/uhdpipe/lint/<key>`), keyed by the design's files
//! (its `files.f` and what it lists) and Verilator's version: the same files lint the same way.
use std::process::Command;
use uhdpipe_rtl::cache::{self, Key};
use uhdpipe_rtl::generate::{design_files, verilog_dir};

#[test]
fn generated_verilog_is_lint_clean() {
    let dir = verilog_dir();
    let version = cache::verilator_version();
    let verdicts = cache::dir("lint");
    let designs: Vec<&str> = uhdpipe_rtl::designs::DESIGNS.iter().filter(|d| d.committed()).map(|d| d.name).collect();
    assert!(designs.len() >= 10, "the registry commits {designs:?}");
    for design in designs {
        let files = design_files(design);
        assert!(files.len() > 1, "rtl/verilog/{design}/files.f lists {files:?}");
        let key = files.iter().fold(Key::default().feed(b"lint-only -Wall").feed(version.as_bytes()), |k, f| k.feed(f.as_bytes()).feed(&std::fs::read(dir.join(f)).unwrap_or_default())).hex();
        let verdict = verdicts.as_ref().map(|d| d.join(format!("{design}-{key}")));
        if verdict.as_ref().is_some_and(|p| p.exists()) {
            continue;
        }
        let out = Command::new("verilator")
            .args(["--lint-only", "-Wall", "--top-module"])
            .arg(format!("uhdpipe_{design}"))
            .args(files.iter().map(|f| dir.join(f)))
            .output()
            .expect("run verilator (ci/setup.sh installs it)");
        let text = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success() && !text.contains("%Warning"), "{design}: verilator -Wall:\n{text}");
        if let Some(p) = verdict {
            cache::put(&p, b"clean\n");
        }
    }
}
