//! Every block's committed Verilog passes `verilator --lint-only -Wall` with no waivers.
//! A clean verdict is cached (`~/.cache/uhdpipe/lint/<key>`), keyed by the block's Verilog,
//! the shared modules and Verilator's version: the same files lint the same way.
use std::process::Command;
use uhdpipe_rtl::cache::{self, Key};

#[test]
fn generated_verilog_is_lint_clean() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("verilog");
    let version = cache::verilator_version();
    let verdicts = cache::dir("lint");
    let blocks: Vec<String> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().to_string()).filter(|b| b != "common").collect();
    assert!(blocks.len() >= 10, "rtl/verilog/ holds {blocks:?}");
    for block in blocks {
        let key = Key::default().feed(b"lint-only -Wall").feed(version.as_bytes()).add_tree(&dir.join(&block)).add_tree(&dir.join("common")).hex();
        let verdict = verdicts.as_ref().map(|d| d.join(format!("{block}-{key}")));
        if verdict.as_ref().is_some_and(|p| p.exists()) {
            continue;
        }
        let mut files: Vec<_> = std::fs::read_dir(dir.join(&block)).unwrap().map(|e| e.unwrap().path()).collect();
        files.extend(std::fs::read_dir(dir.join("common")).unwrap().map(|e| e.unwrap().path()));
        files.sort();
        let out = Command::new("verilator").args(["--lint-only", "-Wall", "--top-module"]).arg(format!("uhdpipe_{block}")).args(&files).output().expect("run verilator (ci/setup.sh installs it)");
        let text = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success() && !text.contains("%Warning"), "{block}: verilator -Wall:\n{text}");
        if let Some(p) = verdict {
            cache::put(&p, b"clean\n");
        }
    }
}
