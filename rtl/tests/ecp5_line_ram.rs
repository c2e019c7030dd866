//! The ULX3S line buffer (`fpga-boards/ulx3s/rtl/uhdpipe_line_ram.v`, DP16KD block RAMs with
//! output registers, used by `ci/synth-ecp5.sh` in place of the portable module) behaves as
//! the portable one for the three block-RAM layouts it uses: its self-checking testbench,
//! with a DP16KD model written from Lattice's documentation (yosys has only a black box),
//! built with `verilator --binary -Wall` and run for 200 000 clocks of random traffic.
use std::process::Command;

#[test]
fn ecp5_line_ram_matches_a_plain_memory() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    let board = root.join("fpga-boards/ulx3s");
    let obj = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("ecp5_line_ram");
    let _ = std::fs::remove_dir_all(&obj);
    let out = Command::new("verilator")
        .args(["--binary", "-Wall", "--top-module", "tb_line_ram", "-Mdir"])
        .arg(&obj)
        .arg(board.join("sim/tb_line_ram.v"))
        .arg(board.join("sim/DP16KD.v"))
        .arg(board.join("rtl/uhdpipe_line_ram.v"))
        .output()
        .expect("run verilator (ci/setup.sh installs it)");
    assert!(out.status.success(), "verilator:\n{}", String::from_utf8_lossy(&out.stderr));
    let run = Command::new(obj.join("Vtb_line_ram")).output().expect("run the testbench");
    let text = String::from_utf8_lossy(&run.stdout);
    assert!(run.status.success() && text.contains("PASS") && !text.contains("FAIL"), "testbench:\n{text}");
}
