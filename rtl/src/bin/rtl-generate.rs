//! Writes every block's Verilog into `rtl/verilog/<block>/<module>.v` (committed; a test
//! checks it is current). Block names as arguments write only those (`rtl-generate lift_v`).
fn main() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("verilog");
    let only: Vec<String> = std::env::args().skip(1).collect();
    for (block, modules) in uhdpipe_rtl::generate::blocks(&only) {
        let bdir = dir.join(&block);
        let _ = std::fs::remove_dir_all(&bdir);
        std::fs::create_dir_all(&bdir).expect("create rtl/verilog/<block>");
        for (module, text) in modules {
            let path = bdir.join(format!("{module}.v"));
            std::fs::write(&path, text).unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
        }
        println!("wrote {}", bdir.display());
    }
}
