//! Writes the files generated from the register map (`driver/src/regmap.rs`): the C header
//! and the register reference. A test fails when they are stale.
fn main() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    for (path, text) in uhdpipe_driver::regmap::generated() {
        let p = dir.join(path);
        std::fs::create_dir_all(p.parent().unwrap()).expect("create the directory");
        std::fs::write(&p, text).unwrap_or_else(|e| panic!("write {}: {e}", p.display()));
        println!("wrote {}", p.display());
    }
}
