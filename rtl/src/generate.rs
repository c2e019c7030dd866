//! Verilog generation: rust-hdl's output, renamed per block and with every literal and
//! zero-extension sized to its context, so that it is lint-clean under
//! `verilator --lint-only -Wall` without waivers.
//!
//! rust-hdl emits (a) every design as `module top` with submodules `top$name`, (b) integer
//! literals as 32-bit (`32'h1`), (c) `bit_cast` widening as `((x) & N'hMASK)` — each of which
//! Verilator's `WIDTH` lint flags (and two designs cannot be read together). The post-pass
//! works statement by statement on the generated text, which has a fixed shape: for an
//! assignment `target = expr;` (or `<=`) it knows the target's declared width `T`, rewrites
//! `32'hK` in `expr` to `T'hK` (shift amounts to the width that holds them), and `((x) & N'hM)`
//! with `M = 2^N − 1` to `{{N−w{1'b0}}, x}` (or `x` when `x` is already `N` bits wide).
//! The arithmetic is unchanged: every operand is now exactly as wide as the value it is
//! assigned to, which is what Verilog's context-determined widths did anyway.

use rust_hdl::prelude::*;
use std::collections::HashMap;

pub mod lean;
pub use lean::Design;

/// The Verilog of `uut` as module `uhdpipe_<name>` (submodules `uhdpipe_<name>__<sub>`),
/// post-processed as the module docs describe, identical modules shared: one design for
/// [`lean::lean`] to parameterise and pool. `source` is the file stem of `uut`'s block under
/// `rtl/src/blocks/`.
pub fn verilog<U: Block>(name: &str, source: &str, uut: &mut U) -> Design {
    uut.connect_all();
    let raw = generate_verilog(uut);
    let top = format!("uhdpipe_{name}");
    let renamed = raw.replace("module top(", &format!("module {top}(")).replace("top$", &format!("{top}__")).replace('$', "__");
    let renamed = constant_selects(&renamed);
    let sized: Vec<(String, String)> = split_modules(&renamed)
        .into_iter()
        .map(|module| {
            let mname = module_name(&module);
            let sized = size_module(&module);
            let w = widths(&sized);
            let left: Vec<&str> = sized.lines().filter(|l| find_lit32(l).is_some() && !sized_in_context(l, &w)).collect();
            assert!(left.is_empty(), "{mname}: a 32-bit literal is left outside an assignment (compute arithmetic into a local signal first): {left:?}");
            (mname, sized)
        })
        .collect();
    Design { name: name.to_string(), source: source.to_string(), modules: share_identical(&top, sized) }
}

/// Bit and part selects with constant positions, which rust-hdl writes `x[32'hK]` and
/// `x[(32'hK)+:(W)]`, as plain integers (`x[K]`, `x[K+:W]`): an index is self-determined,
/// so it has no context width to take.
fn constant_selects(v: &str) -> String {
    let mut out = String::with_capacity(v.len());
    let mut rest = v;
    while let Some(p) = rest.find("[(32'h").map(|p| (p, 2)).into_iter().chain(rest.find("[32'h").map(|p| (p, 1))).min_by_key(|x| x.0) {
        let (p, skip) = p;
        let after = &rest[p + skip + 4..];
        let digits: String = after.chars().take_while(|c| c.is_ascii_hexdigit()).collect();
        let k = u128::from_str_radix(&digits, 16).expect("hex literal");
        let tail = &after[digits.len()..];
        out.push_str(&rest[..p]);
        if skip == 2 {
            // [(32'hK)+:(W)]
            let t = tail.strip_prefix(")+:(").expect("part select `[(K)+:(W)]`");
            let wlen = t.find(")]").expect("part select end");
            out.push_str(&format!("[{k}+:{}]", &t[..wlen]));
            rest = &t[wlen + 2..];
        } else {
            let t = tail.strip_prefix(']').expect("bit select `[K]`");
            out.push_str(&format!("[{k}]"));
            rest = t;
        }
    }
    out.push_str(rest);
    out
}

/// The name in a module's `module NAME(` line.
fn module_name(module: &str) -> String {
    module["module ".len()..].split('(').next().unwrap().trim().to_string()
}

/// rust-hdl writes one module per instance, so every register (`DFF`) and every repeated
/// sub-block is its own copy. This merges modules whose text is identical but for their
/// name, repeating until nothing changes (parents become identical once their children are
/// shared): a register of `W` bits starting at zero is `<top>__dff<W>` (`<top>__dff<W>_<init>`
/// otherwise), and other shared modules keep the name of their first instance.
fn share_identical(top: &str, modules: Vec<(String, String)>) -> Vec<(String, String)> {
    let mut modules = modules;
    loop {
        let mut seen: HashMap<String, String> = HashMap::new(); // text with the name blanked -> name
        let mut rename: HashMap<String, String> = HashMap::new();
        let mut kept = Vec::new();
        for (name, text) in &modules {
            let key = blank_name(name, text);
            match seen.get(&key) {
                Some(first) => {
                    rename.insert(name.clone(), first.clone());
                }
                None => {
                    let shared = register_name(&key).map_or_else(|| name.clone(), |r| format!("{top}__{r}"));
                    if shared != *name {
                        rename.insert(name.clone(), shared.clone());
                    }
                    seen.insert(key.clone(), shared.clone());
                    kept.push((shared, key));
                }
            }
        }
        if rename.is_empty() {
            return modules;
        }
        modules = kept
            .into_iter()
            .map(|(name, key)| {
                let text = set_name(&name, &key);
                let text = text
                    .lines()
                    .map(|line| {
                        let t = line.trim_start();
                        let inst = t.split(' ').next().unwrap_or("");
                        match rename.get(inst) {
                            Some(new) if t.ends_with('(') => format!("{}{new}{}\n", &line[..line.len() - t.len()], &t[inst.len()..]),
                            _ => format!("{line}\n"),
                        }
                    })
                    .collect::<String>();
                (name, text)
            })
            .collect();
    }
}

/// The name a rust-hdl `DFF` module (ports `d`, `q`, `clock`; its body a registered copy
/// with an initial value) is shared under, from its text with the name blanked: `dff<W>`, or
/// `dff<W>_<init>` when it does not start at zero.
fn register_name(key: &str) -> Option<String> {
    if !key.starts_with("module @(d,q,clock);") || !key.contains("q <= d;") {
        return None;
    }
    let w = widths(key).get("q").copied()?;
    let init = key.split("q = ").nth(1)?.split(';').next()?.split("'h").nth(1)?.to_string();
    Some(if init.trim_start_matches('0').is_empty() { format!("dff{w}") } else { format!("dff{w}_{init}") })
}

/// A module's text with its own name blanked (`@`), so that copies compare equal.
fn blank_name(name: &str, text: &str) -> String {
    text.replace(&format!("module {name}("), "module @(").replace(&format!("endmodule // {name}"), "endmodule // @")
}

/// The text with `@` (a blanked name) set to `name`.
fn set_name(name: &str, key: &str) -> String {
    key.replace("module @(", &format!("module {name}(")).replace("endmodule // @", &format!("endmodule // {name}"))
}

/// The text of each `module ... endmodule`.
fn split_modules(v: &str) -> Vec<String> {
    let mut mods = Vec::new();
    let mut cur = String::new();
    for line in v.lines() {
        if line.starts_with("module ") {
            cur.clear();
        }
        cur.push_str(line.trim_end());
        cur.push('\n');
        if line.starts_with("endmodule") {
            mods.push(std::mem::take(&mut cur));
        }
    }
    mods
}

/// Declared widths of a module's ports, registers, wires and parameters.
fn widths(module: &str) -> HashMap<String, u32> {
    let mut w = HashMap::new();
    for line in module.lines() {
        let t = line.trim();
        let rest = ["input wire ", "output reg ", "output wire ", "reg ", "wire ", "localparam "].iter().find_map(|p| t.strip_prefix(p));
        let Some(rest) = rest else { continue };
        let rest = rest.trim();
        if t.starts_with("localparam ") {
            // localparam  name = N'hV;
            if let Some((n, v)) = rest.split_once('=') {
                if let Some((bits, _)) = v.trim().split_once('\'') {
                    if let Ok(b) = bits.parse() {
                        w.insert(n.trim().to_string(), b);
                    }
                }
            }
            continue;
        }
        let (bits, name) = match rest.strip_prefix('[') {
            Some(r) => {
                let (range, name) = r.split_once(']').expect("declaration range");
                let hi: u32 = range.split(':').next().unwrap().parse().expect("range");
                (hi + 1, name)
            }
            None => (1, rest),
        };
        let name = name.trim().trim_end_matches(';').trim();
        w.insert(name.to_string(), bits);
    }
    w
}

/// Whether every `32'h` literal on `line` is legitimately 32 bits: a 32-bit `localparam`,
/// or an assignment to a 32-bit target (the post-pass has sized all others).
fn sized_in_context(line: &str, w: &HashMap<String, u32>) -> bool {
    let t = line.trim_start();
    if let Some(rest) = t.strip_prefix("localparam") {
        return rest.split('=').nth(1).is_some_and(|v| v.trim().starts_with("32'h") && v.matches("32'h").count() == 1);
    }
    let assign = t.find(" <= ").or_else(|| t.find(" = "));
    match assign {
        Some(i) if t.ends_with(';') => w.get(t[..i].trim()) == Some(&32),
        _ => false,
    }
}

/// Applies the literal and zero-extension sizing to every assignment in a module.
fn size_module(module: &str) -> String {
    let w = widths(module);
    let mut out = String::with_capacity(module.len());
    for line in module.lines() {
        let t = line.trim_start();
        let indent = &line[..line.len() - t.len()];
        let assign = t.find(" <= ").map(|i| (i, 4)).or_else(|| t.find(" = ").map(|i| (i, 3)));
        match assign {
            Some((i, n)) if t.ends_with(';') && !t.starts_with("localparam") && !t.starts_with("//") => {
                let target = t[..i].trim();
                let Some(&tw) = w.get(target) else {
                    out.push_str(line);
                    out.push('\n');
                    continue;
                };
                let rhs = &t[i + n..t.len() - 1];
                out.push_str(&format!("{indent}{} {} {};\n", target, &t[i + 1..i + n - 1], size_expr(rhs, tw, &w)));
            }
            _ => {
                // `if (|(a & b))`: conditions are self-determined; sized literals inside are
                // already exact.
                out.push_str(line);
                out.push('\n');
            }
        }
    }
    out
}

/// The width of a constant select `name[K+:W]` (W) or `name[K]` (1) of a known signal.
fn select_width(x: &str, w: &HashMap<String, u32>) -> Option<u32> {
    let (name, sel) = x.strip_suffix(']')?.split_once('[')?;
    w.get(name)?;
    match sel.split_once("+:") {
        Some((k, width)) => {
            k.parse::<u32>().ok()?;
            width.parse().ok()
        }
        None => sel.parse::<u32>().ok().map(|_| 1),
    }
}

/// The position of the first 32-bit literal (`32'h…`) in `s`: not the tail of a wider one
/// (`132'h0`, a 132-bit register's initial value).
fn find_lit32(s: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(rel) = s[from..].find("32'h") {
        let p = from + rel;
        if !s[..p].ends_with(|c: char| c.is_ascii_digit()) {
            return Some(p);
        }
        from = p + 4;
    }
    None
}

/// Whether the hex digits `hex` are the mask `2^n − 1` (any `n`: rust-hdl writes words of
/// more than 128 bits too).
fn all_ones(hex: &str, n: u32) -> bool {
    let top = match n % 4 {
        0 => 'f',
        1 => '1',
        2 => '3',
        _ => '7',
    };
    n > 0 && hex.len() == n.div_ceil(4) as usize && hex.starts_with(top) && hex[1..].chars().all(|c| c == 'f')
}

/// Rewrites one right-hand side for a target `tw` bits wide.
fn size_expr(rhs: &str, tw: u32, w: &HashMap<String, u32>) -> String {
    let mut s = rhs.to_string();
    // ((x) & N'hMASK) -> zero extension of x to N bits (x a signal or a constant select of one).
    let mut from = 0;
    while let Some(rel) = s[from..].find("((") {
        let start = from + rel;
        from = start + 1;
        let Some(close) = s[start + 2..].find(") & ").map(|c| start + 2 + c) else { continue };
        let x = &s[start + 2..close];
        if x.contains('(') || x.contains(')') {
            continue;
        }
        let after = &s[close + 4..];
        let Some(end) = after.find(')') else { continue };
        let lit = &after[..end];
        let Some((bits, hex)) = lit.split_once("'h") else { continue };
        let Ok(n) = bits.parse::<u32>() else { continue };
        let Some(xw) = w.get(x).copied().or_else(|| select_width(x, w)) else { continue };
        if !all_ones(hex, n) {
            continue;
        }
        let ext = if xw >= n { x.to_string() } else { format!("{{{{{}{{1'b0}}}}, {x}}}", n - xw) };
        s = format!("{}{}{}", &s[..start], ext, &after[end + 1..]);
    }
    // 32'hK -> T'hK (shift amounts: just wide enough for K).
    let mut out = String::with_capacity(s.len());
    let mut rest = s.as_str();
    while let Some(p) = find_lit32(rest) {
        let digits: String = rest[p + 4..].chars().take_while(|c| c.is_ascii_hexdigit()).collect();
        let k = u128::from_str_radix(&digits, 16).unwrap_or(0);
        let before = rest[..p].trim_end();
        let width = if before.ends_with(">>") || before.ends_with("<<") { (128 - k.leading_zeros()).max(1) } else { tw };
        assert!(k < (1u128 << width.min(127)), "literal {k} does not fit its {width}-bit context in `{s}`");
        out.push_str(&rest[..p]);
        out.push_str(&format!("{width}'h{digits}"));
        rest = &rest[p + 4 + digits.len()..];
    }
    out.push_str(rest);
    out
}

/// The designs whose Verilog is committed (the registry's `ci` and `board` sets), generated.
pub fn committed_designs() -> Vec<Design> {
    blocks(&crate::designs::DESIGNS.iter().filter(|d| d.committed()).map(|d| d.name.to_string()).collect::<Vec<_>>())
}

/// The workspace root.
pub fn workspace_root() -> &'static std::path::Path {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("rtl/ is in the workspace")
}

/// Writes `files` (as [`files`] gives them) under `root`, leaving files whose text is
/// already right untouched; returns the bytes written or kept.
pub fn write_tree(root: &std::path::Path, files: &[(String, String)]) -> usize {
    let mut bytes = 0;
    for (path, text) in files {
        let p = root.join(path);
        std::fs::create_dir_all(p.parent().expect("a file in a folder")).unwrap_or_else(|e| panic!("create {}: {e}", p.display()));
        if std::fs::read(&p).ok().as_deref() != Some(text.as_bytes()) {
            std::fs::write(&p, text).unwrap_or_else(|e| panic!("write {}: {e}", p.display()));
        }
        bytes += text.len();
    }
    bytes
}

/// The registry's designs that are not committed (named in `only`, or all), generated into
/// [`crate::cache::generated_verilog_dir`] for the current source unless already there;
/// returns that folder. Each design is written whole (its folder last), so a design folder
/// that exists is complete.
pub fn generate_into_cache(only: &[String]) -> std::path::PathBuf {
    let root = crate::cache::generated_verilog_dir(crate::cache::generation_key(workspace_root())).expect("a cache folder ($UHDPIPE_CACHE or $HOME)");
    let wanted: Vec<String> = crate::designs::DESIGNS.iter().filter(|d| !d.committed() && (only.is_empty() || only.iter().any(|o| o == d.name))).map(|d| d.name.to_string()).collect();
    for o in only {
        assert!(wanted.contains(o), "`{o}` is not a registered design whose Verilog is generated into the cache (committed designs are in rtl/verilog/)");
    }
    let missing: Vec<String> = wanted.into_iter().filter(|d| !root.join(d).join(lean::FILE_LIST).exists()).collect();
    if !missing.is_empty() {
        let mut files = files(blocks(&missing));
        for c in common_modules() {
            let path = format!("{}/{c}.v", lean::COMMON);
            files.push((path.clone(), std::fs::read_to_string(verilog_dir().join(&path)).expect("a hand-written module")));
        }
        // the file lists last: a design is there once its files.f is
        files.sort_by_key(|(p, _)| p.ends_with(lean::FILE_LIST));
        write_tree(&root, &files);
    }
    root
}

/// The lean `rtl/verilog/` of `designs` (as [`lean::lean`]: paths relative to
/// `rtl/verilog/`, texts), with the hand-written modules of `rtl/verilog/common/`.
pub fn files(designs: Vec<Design>) -> Vec<(String, String)> {
    lean::lean(designs, &common_modules())
}

/// The names of the hand-written modules (`rtl/verilog/common/<name>.v`).
pub fn common_modules() -> Vec<String> {
    let dir = verilog_dir().join(lean::COMMON);
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok()?.file_name().to_str()?.strip_suffix(".v").map(str::to_string))
        .collect();
    names.sort();
    names
}

/// `rtl/verilog/`.
pub fn verilog_dir() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("verilog")
}

/// The files (paths relative to `rtl/verilog/`) a committed design reads, from its
/// `files.f`; empty when it has none.
pub fn design_files(design: &str) -> Vec<String> {
    std::fs::read_to_string(verilog_dir().join(design).join(lean::FILE_LIST)).map(|t| t.lines().map(str::to_string).collect()).unwrap_or_default()
}

/// The registered designs named in `only` (every design when it is empty), generated, in
/// the registry's order.
///
/// Generation is single-threaded per design, and most of its time is rust-hdl compiling a
/// regular expression for every array index it writes (the lifting designs take about a
/// minute each), so the designs are generated on [`generator_threads`] threads at once, each
/// taking the next design from the list. Each thread has a large stack: rust-hdl builds each
/// design (and walks it) on the stack, and the lifting blocks' models are large. The
/// largest designs go first. Every design reports its time on stderr as it finishes. The output does not depend on the
/// thread count: each design is generated alone, from its own types.
pub fn blocks(only: &[String]) -> Vec<Design> {
    let list: Vec<&str> = crate::designs::DESIGNS.iter().map(|d| d.name).collect();
    for name in only {
        assert!(list.contains(&name.as_str()), "no design `{name}`: the registry (rtl/src/designs.rs) has {list:?}");
    }
    let chosen: Vec<&str> = list.into_iter().filter(|b| only.is_empty() || only.iter().any(|o| o == b)).collect();
    // Largest first (the committed Verilog's size stands for the time; a new block counts as
    // the largest), so that no large design starts last while the other threads idle.
    let mut order: Vec<usize> = (0..chosen.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(committed_size(chosen[i]).unwrap_or(u64::MAX)));
    let next = std::sync::atomic::AtomicUsize::new(0);
    let done: std::sync::Mutex<Vec<Option<Design>>> = std::sync::Mutex::new(vec![None; chosen.len()]);
    let start = std::time::Instant::now();
    std::thread::scope(|s| {
        let workers: Vec<_> = (0..generator_threads().min(chosen.len()))
            .map(|_| {
                std::thread::Builder::new()
                    .stack_size(1 << 30)
                    .spawn_scoped(s, || {
                        while let Some(&i) = order.get(next.fetch_add(1, std::sync::atomic::Ordering::Relaxed)) {
                            let name = chosen[i];
                            let t = std::time::Instant::now();
                            let modules = crate::designs::generate(name).expect("a registered design");
                            eprintln!("rtl-generate: {name} in {:.1} s ({:.0} s so far)", t.elapsed().as_secs_f64(), start.elapsed().as_secs_f64());
                            done.lock().expect("no generator thread panicked holding the results")[i] = Some(modules);
                        }
                    })
                    .expect("generator thread")
            })
            .collect();
        for w in workers {
            if let Err(panic) = w.join() {
                std::panic::resume_unwind(panic);
            }
        }
    });
    let done = done.into_inner().expect("no generator thread panicked holding the results");
    done.into_iter().map(|m| m.expect("every chosen block generated")).collect()
}

/// The bytes of `block`'s committed Verilog (the files of its `files.f`), if it has any.
fn committed_size(block: &str) -> Option<u64> {
    let files = design_files(block);
    (!files.is_empty()).then(|| files.iter().map(|f| std::fs::metadata(verilog_dir().join(f)).map_or(0, |m| m.len())).sum())
}

/// How many designs [`blocks`] generates at once: `UHDPIPE_GEN_THREADS` if set (at least
/// one), else the machine's available parallelism.
pub fn generator_threads() -> usize {
    std::env::var("UHDPIPE_GEN_THREADS").ok().and_then(|v| v.parse().ok()).unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get())).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literals_and_extensions_take_their_context_width() {
        let mut w = HashMap::new();
        w.insert("a".to_string(), 12);
        w.insert("s".to_string(), 16);
        assert_eq!(size_expr("((a) & 16'hffff) + 32'h1", 16, &w), "{{4{1'b0}}, a} + 16'h1");
        assert_eq!(size_expr("(s >> 32'h2) | s", 16, &w), "(s >> 2'h2) | s");
        assert_eq!(size_expr("((s) & 16'hffff)", 16, &w), "s");
        // words wider than 128 bits, and masks that are not all ones stay as they are
        assert_eq!(size_expr("((s) & 160'hffffffffffffffffffffffffffffffffffffffff)", 160, &w), "{{144{1'b0}}, s}");
        assert_eq!(size_expr("((a) & 18'h3ffff)", 18, &w), "{{6{1'b0}}, a}");
        assert_eq!(size_expr("((a) & 16'hfff0)", 16, &w), "((a) & 16'hfff0)");
        // a wider literal ending in 32 is not a 32-bit one
        assert_eq!(size_expr("132'h0", 132, &w), "132'h0");
        assert_eq!(find_lit32("q = 132'h0 + 32'h1"), Some(13));
    }

    #[test]
    fn identical_modules_are_shared_and_registers_named_by_width() {
        let dff = |n: &str| {
            format!("module {n}(d,q,clock);\n    input wire  [3:0] d;\n    output reg  [3:0] q;\n    input wire  clock;\n    initial begin\n       q = 4'h0;\n    end\n    always @(posedge clock) begin\n       q <= d;\n    end\nendmodule // {n}\n")
        };
        let leaf = |n: &str, r: &str| format!("module {n}(clock);\n    input wire  clock;\n    {r} r(\n        .clock(clock)\n    );\nendmodule // {n}\n");
        let mods = vec![
            ("t__a__r".to_string(), dff("t__a__r")),
            ("t__a".to_string(), leaf("t__a", "t__a__r")),
            ("t__b__r".to_string(), dff("t__b__r")),
            ("t__b".to_string(), leaf("t__b", "t__b__r")),
            ("t".to_string(), "module t(clock);\n    t__a a(\n    );\n    t__b b(\n    );\nendmodule // t\n".to_string()),
        ];
        let out = share_identical("t", mods);
        let names: Vec<&str> = out.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["t__dff4", "t__a", "t"]);
        assert!(out[1].1.contains("    t__dff4 r(\n"), "{}", out[1].1);
        assert!(out[2].1.contains("    t__a a(\n") && out[2].1.contains("    t__a b(\n"), "{}", out[2].1);
    }

    /// Every generated file of `rtl/verilog/` as (path relative to it, content key), sorted.
    type Manifest = Vec<(String, String)>;

    /// What the source generates: from the cache when this exact source generated before
    /// (`~/.cache/uhdpipe/rtl-generate/<key>`), else generated now (minutes: the lifting
    /// designs are large) and cached. `UHDPIPE_REGENERATE=1` always generates.
    fn manifest() -> Manifest {
        let key = crate::cache::generation_key(workspace_root()).hex();
        let cached = crate::cache::dir("rtl-generate").map(|d| d.join(&key));
        if std::env::var_os("UHDPIPE_REGENERATE").is_none() {
            if let Some(text) = cached.as_ref().and_then(|p| std::fs::read_to_string(p).ok()) {
                eprintln!("generated Verilog of source {key}: from the cache");
                return text.lines().filter_map(|l| l.split_once('\t')).map(|(p, h)| (p.to_string(), h.to_string())).collect();
            }
        }
        let m: Manifest = files(committed_designs()).into_iter().map(|(p, t)| (p, crate::cache::Key::default().feed(t.as_bytes()).hex())).collect();
        if let Some(p) = cached {
            let text: String = m.iter().map(|(f, h)| format!("{f}\t{h}\n")).collect();
            crate::cache::put(&p, text.as_bytes());
        }
        m
    }

    /// Every file under `dir` (relative paths, sorted), but for `common/`.
    fn committed(dir: &std::path::Path) -> Vec<String> {
        let mut out = Vec::new();
        for e in std::fs::read_dir(dir).unwrap().flatten() {
            let sub = e.file_name().to_string_lossy().to_string();
            if sub == lean::COMMON {
                continue;
            }
            for f in std::fs::read_dir(e.path()).unwrap().flatten() {
                out.push(format!("{sub}/{}", f.file_name().to_string_lossy()));
            }
        }
        out.sort();
        out
    }

    /// The committed Verilog is exactly what the Rust source generates: the same files
    /// (none missing, none left over), each with the same text.
    #[test]
    fn committed_verilog_matches_the_source() {
        let dir = verilog_dir();
        let m = manifest();
        let tops: Vec<String> = crate::designs::DESIGNS.iter().filter(|d| d.committed()).map(|d| format!("{}/uhdpipe_{}.v", d.name, d.name)).collect();
        assert!(tops.iter().all(|t| m.iter().any(|(p, _)| p == t)), "every design in the list generates its top");
        let expected: Vec<&str> = m.iter().map(|(p, _)| p.as_str()).collect();
        let present = committed(&dir);
        let missing: Vec<&&str> = expected.iter().filter(|p| !present.iter().any(|q| q == *p)).collect();
        let extra: Vec<&String> = present.iter().filter(|q| !expected.contains(&q.as_str())).collect();
        assert!(missing.is_empty() && extra.is_empty(), "rtl/verilog/ differs from what the source generates (run `cargo run -p uhdpipe-rtl --bin rtl-generate`): missing {missing:?}, not generated {extra:?}");
        for (p, hash) in m {
            let committed = std::fs::read(dir.join(&p)).unwrap_or_default();
            assert!(crate::cache::Key::default().feed(&committed).hex() == hash, "rtl/verilog/{p} is stale: run `cargo run -p uhdpipe-rtl --bin rtl-generate`");
        }
    }
}
