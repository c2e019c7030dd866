//! The register map of BAR0: the one source of truth. The driver's accessors use it
//! directly; `cargo run -p uhdpipe-driver --bin regmap-generate` writes the C header
//! (`driver/include/uhdpipe_regs.h`) and the register reference (`driver/REGISTERS.md`) from
//! it, and a test fails when those drift. (The RTL register block will be generated from it
//! too.)
//!
//! **Layout.** BAR0 is a chain of blocks. Every block starts with three words, as corundum's
//! register blocks do: `TYPE` (what the block is), `VERSION` (its layout's version,
//! `major << 16 | minor`) and `NEXT` (the offset of the next block's header, 0 at the end).
//! The first block is always at offset 0 and has `TYPE` = [`MAGIC`], so a driver can check it
//! is talking to a uhdpipe device before anything else. Unknown blocks are skipped, so a
//! newer device still works with an older driver.

use crate::error::{Error, Result};
use crate::transport::Transport;

/// `TYPE` of the identification block at offset 0: ASCII "UHDP" read as a little-endian word.
pub const MAGIC: u32 = u32::from_le_bytes(*b"UHDP");

/// How software may access a register.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Read only.
    Ro,
    /// Read and write.
    Rw,
    /// Write only (reads return 0): doorbells and commands.
    Wo,
}

impl Access {
    /// The abbreviation in the reference.
    pub fn name(self) -> &'static str {
        match self {
            Access::Ro => "RO",
            Access::Rw => "RW",
            Access::Wo => "WO",
        }
    }
}

/// A bit field of a register.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Field {
    /// Name (upper case).
    pub name: &'static str,
    /// Lowest bit.
    pub lsb: u32,
    /// Width in bits.
    pub width: u32,
    /// What it means.
    pub doc: &'static str,
}

impl Field {
    /// The field's value in a register word.
    pub fn get(&self, word: u32) -> u32 {
        (word >> self.lsb) & self.mask()
    }
    /// The field's mask, not shifted.
    pub fn mask(&self) -> u32 {
        if self.width >= 32 {
            u32::MAX
        } else {
            (1 << self.width) - 1
        }
    }
}

/// A 32-bit register.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Register {
    /// Name (upper case).
    pub name: &'static str,
    /// Offset from the block's base.
    pub offset: u32,
    /// Access.
    pub access: Access,
    /// Value after reset (for RO registers fixed at build time: "build").
    pub reset: Option<u32>,
    /// What it does.
    pub doc: &'static str,
    /// Its fields (empty: the whole word is one value).
    pub fields: &'static [Field],
}

/// A register block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Block {
    /// Name (lower case; the C prefix is its upper case).
    pub name: &'static str,
    /// Offset of the block in BAR0 in the devices built so far (drivers find blocks by
    /// walking `NEXT`, not by this).
    pub base: u32,
    /// Its `TYPE` word.
    pub kind: u32,
    /// Its `VERSION` word (`major << 16 | minor`).
    pub version: u32,
    /// What it is.
    pub doc: &'static str,
    /// Its registers, the three header words first.
    pub registers: &'static [Register],
}

const fn header(kind_doc: &'static str) -> [Register; 3] {
    [
        Register { name: "TYPE", offset: 0x00, access: Access::Ro, reset: None, doc: kind_doc, fields: &[] },
        Register { name: "VERSION", offset: 0x04, access: Access::Ro, reset: None, doc: "Layout version of this block: major in bits 31:16, minor in 15:0. A driver accepts the majors it knows.", fields: &[] },
        Register { name: "NEXT", offset: 0x08, access: Access::Ro, reset: None, doc: "Offset in BAR0 of the next block's header; 0 ends the chain.", fields: &[] },
    ]
}

const IDENT_HEADER: [Register; 3] = header("\"UHDP\" (0x50444855): identifies a uhdpipe device.");

impl Register {
    /// Its field `name`; panics if the map has none (a programming error, caught by tests).
    pub fn field(&self, name: &str) -> &Field {
        self.fields.iter().find(|f| f.name == name).unwrap_or_else(|| panic!("register {} has no field {name}", self.name))
    }
}

impl Block {
    /// Its register `name`; panics if the map has none (a programming error, caught by tests).
    pub fn register(&self, name: &str) -> &Register {
        self.registers.iter().find(|r| r.name == name).unwrap_or_else(|| panic!("block {} has no register {name}", self.name))
    }
}

/// Capability bits ([`IDENT`]'s `CAPS`).
pub mod caps {
    /// The forward wavelet transform.
    pub const WAVELET_FWD: u32 = 1 << 0;
    /// The inverse wavelet transform.
    pub const WAVELET_INV: u32 = 1 << 1;
    /// The VC-2 encoder.
    pub const ENCODER: u32 = 1 << 2;
    /// The VC-2 decoder.
    pub const DECODER: u32 = 1 << 3;
    /// The scaler.
    pub const SCALER: u32 = 1 << 4;
    /// The DMA engine and job queues.
    pub const DMA: u32 = 1 << 5;
    /// The HQ slice decoder (`job::Op::DecodeHq`): slices to dequantised coefficients.
    pub const HQ_SLICES: u32 = 1 << 6;
}

/// The identification block (offset 0).
pub const IDENT: Block = Block {
    name: "ident",
    base: 0x0000,
    kind: MAGIC,
    version: 0x0001_0000,
    doc: "Identifies the device and what this build of it can do. Always at offset 0.",
    registers: &[
        IDENT_HEADER[0],
        IDENT_HEADER[1],
        IDENT_HEADER[2],
        Register {
            name: "CAPS",
            offset: 0x0C,
            access: Access::Ro,
            reset: None,
            doc: "What this build implements.",
            fields: &[
                Field { name: "WAVELET_FWD", lsb: 0, width: 1, doc: "forward wavelet transform" },
                Field { name: "WAVELET_INV", lsb: 1, width: 1, doc: "inverse wavelet transform" },
                Field { name: "ENCODER", lsb: 2, width: 1, doc: "VC-2 encoder" },
                Field { name: "DECODER", lsb: 3, width: 1, doc: "VC-2 decoder" },
                Field { name: "SCALER", lsb: 4, width: 1, doc: "polyphase scaler" },
                Field { name: "DMA", lsb: 5, width: 1, doc: "DMA engine and job queues" },
                Field { name: "HQ_SLICES", lsb: 6, width: 1, doc: "HQ slice decoder (slices to coefficients)" },
            ],
        },
        Register {
            name: "BUILD",
            offset: 0x10,
            access: Access::Ro,
            reset: None,
            doc: "Build-time parameters of the pipeline.",
            fields: &[
                Field { name: "PPC", lsb: 0, width: 8, doc: "samples per clock" },
                Field { name: "MAX_WIDTH_LOG2", lsb: 8, width: 8, doc: "log2 of the widest line the line buffers hold" },
                Field { name: "MAX_DEPTH", lsb: 16, width: 4, doc: "deepest wavelet transform" },
            ],
        },
        Register { name: "CLOCK_KHZ", offset: 0x14, access: Access::Ro, reset: None, doc: "The pipeline clock's nominal frequency in kHz (0: unknown, e.g. in simulation).", fields: &[] },
        Register { name: "SCRATCH", offset: 0x18, access: Access::Rw, reset: Some(0), doc: "Free for software: a write-then-read test of the register path.", fields: &[] },
    ],
};

/// `TYPE` of the job-queue block: ASCII "JOBQ" read as a little-endian word.
pub const QUEUE_TYPE: u32 = u32::from_le_bytes(*b"JOBQ");

/// The job queues: one submission queue (SQ) of 64-byte descriptors and one completion queue
/// (CQ) of 16-byte entries in host memory, NVMe style (formats in [`crate::job`]), a doorbell
/// each, MSI-X vector 0 on completions with coalescing, and counters.
pub const QUEUE: Block = Block {
    name: "queue",
    base: 0x0100,
    kind: QUEUE_TYPE,
    version: 0x0001_0000,
    doc: "Job queues in host memory (a submission queue of 64-byte descriptors, a completion queue of 16-byte entries with a phase bit), their doorbells, completion interrupts (MSI-X vector 0) with coalescing, and counters. Program SIZE_LOG2 and the bases while CONTROL.ENABLE is 0, then set ENABLE: the device then starts with both queues empty (SQ_HEAD = SQ_TAIL = CQ_HEAD = 0, CQ phase 1).",
    registers: &[
        header("\"JOBQ\" (0x51424f4a).")[0],
        IDENT_HEADER[1],
        IDENT_HEADER[2],
        Register {
            name: "CONTROL",
            offset: 0x0C,
            access: Access::Rw,
            reset: Some(0),
            doc: "Queue control.",
            fields: &[Field { name: "ENABLE", lsb: 0, width: 1, doc: "1: fetch and run jobs. A 0-to-1 change empties both queues and clears FATAL; a 1-to-0 change stops after the job in progress" }],
        },
        Register {
            name: "STATUS",
            offset: 0x10,
            access: Access::Ro,
            reset: Some(0),
            doc: "Queue state.",
            fields: &[
                Field { name: "READY", lsb: 0, width: 1, doc: "enabled and not stopped by a fatal error" },
                Field { name: "FATAL", lsb: 1, width: 1, doc: "stopped: a queue itself could not be used (FATAL_CODE says why); clear by re-enabling" },
                Field { name: "BUSY", lsb: 2, width: 1, doc: "a job is in progress" },
                Field { name: "FATAL_CODE", lsb: 8, width: 8, doc: "1: reading a descriptor failed; 2: writing a completion failed; 3: bad queue configuration at enable" },
            ],
        },
        Register {
            name: "SIZE_LOG2",
            offset: 0x14,
            access: Access::Rw,
            reset: Some(0),
            doc: "Entries per queue, as a power of two (1..=12: 2 to 4096 entries; both queues have this size).",
            fields: &[],
        },
        Register { name: "SQ_BASE_LO", offset: 0x18, access: Access::Rw, reset: Some(0), doc: "Submission queue I/O virtual address, bits 31:0 (64-byte aligned).", fields: &[] },
        Register { name: "SQ_BASE_HI", offset: 0x1C, access: Access::Rw, reset: Some(0), doc: "Submission queue I/O virtual address, bits 63:32 (bits 63:48 must be 0).", fields: &[] },
        Register { name: "CQ_BASE_LO", offset: 0x20, access: Access::Rw, reset: Some(0), doc: "Completion queue I/O virtual address, bits 31:0 (64-byte aligned).", fields: &[] },
        Register { name: "CQ_BASE_HI", offset: 0x24, access: Access::Rw, reset: Some(0), doc: "Completion queue I/O virtual address, bits 63:32 (bits 63:48 must be 0).", fields: &[] },
        Register { name: "SQ_TAIL", offset: 0x28, access: Access::Rw, reset: Some(0), doc: "Submission doorbell: the index after the last submitted descriptor. The device runs descriptors from SQ_HEAD up to it, in order.", fields: &[] },
        Register { name: "CQ_HEAD", offset: 0x2C, access: Access::Rw, reset: Some(0), doc: "Completion doorbell: the index after the last completion software has consumed. The device never writes a completion into the entry before CQ_HEAD (the queue holds SIZE - 1).", fields: &[] },
        Register { name: "SQ_HEAD", offset: 0x30, access: Access::Ro, reset: Some(0), doc: "The index of the next descriptor the device will fetch (entries before it may be reused once their completion arrived).", fields: &[] },
        Register {
            name: "IRQ_COALESCE",
            offset: 0x34,
            access: Access::Rw,
            reset: Some(0),
            doc: "Completion interrupts (MSI-X vector 0): one per COUNT completions, or TIME clocks after the first completion not yet signalled, whichever comes first.",
            fields: &[
                Field { name: "COUNT", lsb: 0, width: 8, doc: "completions per interrupt; 0 disables interrupts" },
                Field { name: "TIME", lsb: 8, width: 24, doc: "clocks a completion may wait for its interrupt; 0: no time limit" },
            ],
        },
        Register { name: "JOBS", offset: 0x38, access: Access::Ro, reset: Some(0), doc: "Completions written since power-on (wraps).", fields: &[] },
        Register { name: "JOB_ERRORS", offset: 0x3C, access: Access::Ro, reset: Some(0), doc: "Completions with a non-zero status since power-on (wraps).", fields: &[] },
        Register { name: "BUSY_CYCLES", offset: 0x40, access: Access::Ro, reset: Some(0), doc: "Clocks spent on jobs since power-on (wraps).", fields: &[] },
    ],
};

/// Every block, in chain order.
pub const MAP: &[Block] = &[IDENT, QUEUE];

/// What [`discover`] found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Identity {
    /// `ident.VERSION`.
    pub version: u32,
    /// `ident.CAPS` ([`caps`]).
    pub caps: u32,
    /// `ident.BUILD`.
    pub build: u32,
    /// `ident.CLOCK_KHZ`.
    pub clock_khz: u32,
    /// Every block in the chain: (offset, `TYPE`, `VERSION`), the identification block first.
    pub blocks: Vec<(u32, u32, u32)>,
}

/// Reads the identification block and walks the block chain of BAR0, checking the magic
/// word, the identification block's major version, and the chain (aligned, inside the BAR,
/// no loops).
pub fn discover(t: &mut impl Transport, bar_size: u64) -> Result<Identity> {
    // One word of BAR0, a refusal named after the register it was for.
    let mut word = |off: u32, reg: &str| t.read32(0, off as u64).map_err(|e| annotate(e, reg));
    let ident = |name: &str| IDENT.register(name).offset;
    let magic = word(ident("TYPE"), "ident.TYPE")?;
    if magic != MAGIC {
        return Err(Error::Device { what: format!("not a uhdpipe device: word 0 of BAR0 is {magic:#010x}, expected {MAGIC:#010x} (\"UHDP\")") });
    }
    let version = word(ident("VERSION"), "ident.VERSION")?;
    if version >> 16 != IDENT.version >> 16 {
        return Err(Error::Device { what: format!("identification block version {}.{}: this driver knows {}.x", version >> 16, version & 0xffff, IDENT.version >> 16) });
    }
    let caps = word(ident("CAPS"), "ident.CAPS")?;
    let build = word(ident("BUILD"), "ident.BUILD")?;
    let clock_khz = word(ident("CLOCK_KHZ"), "ident.CLOCK_KHZ")?;
    let mut blocks = vec![(0, magic, version)];
    let mut next = word(ident("NEXT"), "ident.NEXT")?;
    while next != 0 {
        if !next.is_multiple_of(4) || next as u64 + 12 > bar_size || blocks.iter().any(|b| b.0 == next) {
            return Err(Error::Device { what: format!("bad block chain: NEXT = {next:#x} (BAR0 is {bar_size:#x} bytes; blocks so far {blocks:x?})") });
        }
        // Every block starts with the same three header words as the identification block.
        let kind = word(next + ident("TYPE"), "block TYPE")?;
        let v = word(next + ident("VERSION"), "block VERSION")?;
        blocks.push((next, kind, v));
        next = word(next + ident("NEXT"), "block NEXT")?;
    }
    Ok(Identity { version, caps, build, clock_khz, blocks })
}

fn annotate(e: Error, reg: &str) -> Error {
    match e {
        Error::Remote { command, errno } => Error::Device { what: format!("reading {reg}: device refused command {command} with errno {errno}") },
        other => other,
    }
}

/// The C header: offsets, field shifts and masks, reset values.
pub fn c_header() -> String {
    let mut s = String::from("/* uhdpipe BAR0 register map. Generated by `cargo run -p uhdpipe-driver --bin regmap-generate`\n * from driver/src/regmap.rs: do not edit. */\n#ifndef UHDPIPE_REGS_H\n#define UHDPIPE_REGS_H\n\n");
    s += &format!("#define UHDPIPE_MAGIC 0x{MAGIC:08x}u\n\n");
    for b in MAP {
        let p = b.name.to_uppercase();
        s += &format!("/* {}: {} */\n#define UHDPIPE_{p}_BASE 0x{:04x}u\n#define UHDPIPE_{p}_TYPE_VALUE 0x{:08x}u\n#define UHDPIPE_{p}_VERSION_VALUE 0x{:08x}u\n", b.name, b.doc, b.base, b.kind, b.version);
        for r in b.registers {
            s += &format!("#define UHDPIPE_{p}_{} 0x{:02x}u /* {} */\n", r.name, r.offset, r.access.name());
            for f in r.fields {
                s += &format!("#define UHDPIPE_{p}_{}_{}_SHIFT {}u\n#define UHDPIPE_{p}_{}_{}_MASK 0x{:x}u\n", r.name, f.name, f.lsb, r.name, f.name, f.mask());
            }
        }
        s += "\n";
    }
    s + "#endif /* UHDPIPE_REGS_H */\n"
}

/// The register reference (Markdown).
pub fn reference() -> String {
    let mut s = String::from("# uhdpipe BAR0 register reference\n\nGenerated by `cargo run -p uhdpipe-driver --bin regmap-generate` from `driver/src/regmap.rs`: do not edit.\n\nBAR0 is a chain of register blocks. Each starts with `TYPE`, `VERSION` and `NEXT`; the identification block is at offset 0 and its `TYPE` is the magic word \"UHDP\" (`0x50444855`). All registers are 32 bits, little-endian.\n");
    for b in MAP {
        s += &format!("\n## `{}` — type `0x{:08x}`, version {}.{}, at `0x{:04x}`\n\n{}\n\n| offset | register | access | reset | description |\n|---|---|---|---|---|\n", b.name, b.kind, b.version >> 16, b.version & 0xffff, b.base, b.doc);
        for r in b.registers {
            let reset = r.reset.map(|v| format!("`0x{v:x}`")).unwrap_or_else(|| "build".into());
            let mut d = r.doc.to_string();
            for f in r.fields {
                let bits = if f.width == 1 { format!("{}", f.lsb) } else { format!("{}:{}", f.lsb + f.width - 1, f.lsb) };
                d += &format!("<br>`[{bits}]` `{}`: {}", f.name, f.doc);
            }
            s += &format!("| `0x{:02x}` | `{}` | {} | {reset} | {d} |\n", r.offset, r.name, r.access.name());
        }
    }
    s
}

/// The generated files: (path under `driver/`, contents).
pub fn generated() -> Vec<(&'static str, String)> {
    vec![("include/uhdpipe_regs.h", c_header()), ("REGISTERS.md", reference())]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dma::DmaBuffer;
    use crate::event::EventFd;

    #[test]
    fn generated_files_match_the_map() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        for (path, text) in generated() {
            let committed = std::fs::read_to_string(dir.join(path)).unwrap_or_default();
            assert!(committed == text, "driver/{path} is stale: run `cargo run -p uhdpipe-driver --bin regmap-generate`");
        }
    }

    /// The C header compiles (C99, all warnings) and its values are the map's.
    #[test]
    fn c_header_compiles() {
        let src = std::env::temp_dir().join(format!("uhdpipe_regs_check_{}.c", std::process::id()));
        std::fs::write(&src, format!("{}\n_Static_assert(UHDPIPE_IDENT_CAPS == 0x0c, \"CAPS\");\n_Static_assert(UHDPIPE_MAGIC == 0x50444855u, \"magic\");\nint main(void) {{ return 0; }}\n", c_header())).unwrap();
        let out = std::process::Command::new("cc").args(["-std=c11", "-Wall", "-Wextra", "-Werror", "-fsyntax-only"]).arg(&src).output().expect("a C compiler (cc)");
        let _ = std::fs::remove_file(&src);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    }

    #[test]
    fn registers_do_not_overlap_and_fields_fit() {
        for b in MAP {
            let mut offs: Vec<u32> = b.registers.iter().map(|r| r.offset).collect();
            offs.sort();
            offs.dedup();
            assert_eq!(offs.len(), b.registers.len(), "{}: two registers at one offset", b.name);
            assert_eq!(&b.registers[..3].iter().map(|r| r.name).collect::<Vec<_>>(), &["TYPE", "VERSION", "NEXT"]);
            for r in b.registers {
                let mut used = 0u64;
                for f in r.fields {
                    assert!(f.lsb + f.width <= 32, "{}.{}.{}", b.name, r.name, f.name);
                    let m = ((1u64 << f.width) - 1) << f.lsb;
                    assert_eq!(used & m, 0, "{}.{}.{} overlaps", b.name, r.name, f.name);
                    used |= m;
                }
            }
        }
    }

    /// BAR0 as plain words.
    struct Bar(Vec<u32>);
    impl Transport for Bar {
        fn read32(&mut self, _bar: u32, offset: u64) -> Result<u32> {
            self.0.get(offset as usize / 4).copied().ok_or(Error::Remote { command: 9, errno: 22 })
        }
        fn write32(&mut self, _bar: u32, offset: u64, value: u32) -> Result<()> {
            self.0[offset as usize / 4] = value;
            Ok(())
        }
        fn dma_map(&mut self, _: &DmaBuffer, _: u64, _: u32) -> Result<()> {
            unreachable!()
        }
        fn dma_unmap(&mut self, _: u64, _: u64) -> Result<()> {
            unreachable!()
        }
        fn irq_connect(&mut self, _: u32, _: u32, _: &[&EventFd]) -> Result<()> {
            unreachable!()
        }
        fn irq_count(&mut self, _: u32) -> Result<u32> {
            unreachable!()
        }
        fn reset(&mut self) -> Result<()> {
            unreachable!()
        }
    }

    fn bar() -> Bar {
        let mut w = vec![0u32; 1024];
        w[0] = MAGIC;
        w[1] = IDENT.version;
        w[2] = 0x100;
        w[3] = caps::WAVELET_FWD | caps::DMA;
        w[4] = 2 | (12 << 8) | (3 << 16);
        w[0x100 / 4] = 0x0002;
        w[0x104 / 4] = 0x0001_0000;
        Bar(w)
    }

    #[test]
    fn discovery_checks_magic_version_and_chain() {
        let id = discover(&mut bar(), 4096).unwrap();
        assert_eq!(id.caps, caps::WAVELET_FWD | caps::DMA);
        assert_eq!(IDENT.register("BUILD").field("PPC").get(id.build), 2, "PPC");
        assert_eq!(id.blocks, vec![(0, MAGIC, IDENT.version), (0x100, 2, 0x0001_0000)]);
        let mut b = bar();
        b.0[0] = 0x1234;
        assert!(matches!(discover(&mut b, 4096), Err(Error::Device { .. })), "wrong magic");
        let mut b = bar();
        b.0[1] = 0x0002_0000;
        assert!(matches!(discover(&mut b, 4096), Err(Error::Device { .. })), "unknown major");
        let mut b = bar();
        b.0[0x108 / 4] = 0x100;
        assert!(matches!(discover(&mut b, 4096), Err(Error::Device { .. })), "a loop in the chain");
        let mut b = bar();
        b.0[2] = 0x2000;
        assert!(matches!(discover(&mut b, 4096), Err(Error::Device { .. })), "NEXT outside the BAR");
    }
}
