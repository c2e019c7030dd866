//! Writes the designs' Verilog into `rtl/verilog/` (committed; a test checks it is
//! current): each design's top and `files.f` in `rtl/verilog/<design>/`, the modules below
//! the tops once in `rtl/verilog/shared/` (see `uhdpipe_rtl::generate::lean`).
//!
//! `rtl-generate` rewrites every committed design (the registry's `ci` and `board` sets,
//! `rtl/src/designs.rs`) and removes what none uses any more; `rtl-generate lift_v legall_h`
//! regenerates those designs only (their folders and the shared modules they use), then
//! removes the shared modules that no `files.f` names. `rtl-generate --cache [NAME...]`
//! generates the designs that are not committed (test and synthesis variants) into the
//! cache (`~/.cache/uhdpipe/rtl-verilog/<source key>/`, skipping those already there) and
//! prints that folder.
use std::collections::BTreeSet;
use std::path::Path;
use uhdpipe_rtl::generate::{self, lean};

fn main() {
    let dir = generate::verilog_dir();
    let mut only: Vec<String> = std::env::args().skip(1).collect();
    if only.first().is_some_and(|a| a == "--cache") {
        only.remove(0);
        println!("{}", generate::generate_into_cache(&only).display());
        return;
    }
    for o in &only {
        let d = uhdpipe_rtl::designs::find(o).unwrap_or_else(|| panic!("no design `{o}` in rtl/src/designs.rs"));
        assert!(d.committed(), "`{o}` is not committed (set \"{}\"): generate it with `rtl-generate --cache {o}`", d.set);
    }
    let designs = if only.is_empty() { generate::committed_designs() } else { generate::blocks(&only) };
    let names: Vec<String> = designs.iter().map(|d| d.name.clone()).collect();
    let files = generate::files(designs);
    if only.is_empty() {
        // a full run: nothing but what it writes (and the hand-written modules) stays
        for e in std::fs::read_dir(&dir).expect("rtl/verilog").flatten() {
            if e.file_name() != lean::COMMON {
                std::fs::remove_dir_all(e.path()).unwrap_or_else(|err| panic!("remove {}: {err}", e.path().display()));
            }
        }
    } else {
        for n in &names {
            let _ = std::fs::remove_dir_all(dir.join(n));
        }
    }
    let bytes = generate::write_tree(&dir, &files);
    let removed = remove_unused(&dir);
    println!("wrote {} designs, {} files, {:.1} MB; removed {removed} shared modules no design uses", names.len(), files.len(), bytes as f64 / 1e6);
}

/// Removes the files of `shared/` that no design's `files.f` lists; returns how many.
fn remove_unused(dir: &Path) -> usize {
    let mut used = BTreeSet::new();
    for e in std::fs::read_dir(dir).expect("rtl/verilog").flatten() {
        if let Ok(list) = std::fs::read_to_string(e.path().join(lean::FILE_LIST)) {
            used.extend(list.lines().map(str::to_string));
        }
    }
    let mut removed = 0;
    for e in std::fs::read_dir(dir.join(lean::SHARED)).into_iter().flatten().flatten() {
        let rel = format!("{}/{}", lean::SHARED, e.file_name().to_string_lossy());
        if !used.contains(&rel) {
            std::fs::remove_file(e.path()).unwrap_or_else(|err| panic!("remove {rel}: {err}"));
            removed += 1;
        }
    }
    removed
}
