//! Every block's committed Verilog passes `verilator --lint-only -Wall` with no waivers.
use std::process::Command;

#[test]
fn generated_verilog_is_lint_clean() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("verilog");
    for (block, _) in uhdpipe_rtl::generate::all_blocks() {
        let mut files: Vec<_> = std::fs::read_dir(dir.join(&block)).unwrap().map(|e| e.unwrap().path()).collect();
        files.extend(std::fs::read_dir(dir.join("common")).unwrap().map(|e| e.unwrap().path()));
        files.sort();
        let out = Command::new("verilator")
            .args(["--lint-only", "-Wall", "--top-module"])
            .arg(format!("uhdpipe_{block}"))
            .args(&files)
            .output()
            .expect("run verilator (ci/setup.sh installs it)");
        let text = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success() && !text.contains("%Warning"), "{block}: verilator -Wall:\n{text}");
    }
}
