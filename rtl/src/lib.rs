//! # uhdpipe RTL
//!
//! Hardware blocks described in rust-hdl 0.46, generated to Verilog (`rtl/verilog/`,
//! committed; `cargo run -p uhdpipe-rtl --bin rtl-generate` rewrites it and a test fails when
//! it drifts), simulated with Verilator from `uhdpipe-sim`.
//!
//! ## Conventions every block follows
//! - **One block per file** under [`blocks`]; its doc states function, samples per clock,
//!   latency, handshake and reset, and documents every port (width, range).
//! - **Ports grouped by interface prefix**: `in_*` (the block's input stream), `out_*` (its
//!   output stream), `cfg_*` (run-time registers), `err_*` (protocol errors).
//! - **Video stream interface** (the shape of AXI4-Stream video): `valid`/`ready` with a
//!   transfer when both are high at a rising clock edge; data held stable while `valid` is
//!   high and `ready` low; `first`/`last` mark a line's first and last beat (`sol`/`eol`).
//!   Blocks may hold `ready` low for bounded periods (documented per block).
//! - **Arithmetic**: samples are two's complement in `Bits<N>` (rust-hdl's `Signed` lacks
//!   shifts). Every sum is computed in a local signal of the full result width *before* any
//!   shift, so that rust-hdl's simulator (which truncates at the declared width) and the
//!   generated Verilog (which widens expressions to 32 bits) agree; arithmetic right shifts
//!   OR the sign back in explicitly; comparisons and conditions take signals, never
//!   arithmetic (so every literal has an assignment whose width it takes). Verilator on the
//!   generated Verilog is the reference.
//! - **Timing across blocks**: a consumer's `ready` never reaches a pipeline's clock enable
//!   combinationally. Producers end in a two-entry output queue whose "second entry full"
//!   register is the pipeline's stall, and signals with a wide fan-out (`in_ready`, the stall)
//!   are single registers computed from next-state values (`.d.val()` of the registers
//!   involved). A block feeding two consumers gives each its own queue rather than forking
//!   one stream. Run-time registers are decoded into registers (change them between pictures).
//! - **Line buffers**: [`blocks::line_ram`], read latency two, so that the RAM's own output
//!   register is a pipeline stage (on the ECP5, yosys leaves it unused and Fmax drops to
//!   ~120 MHz; the board build substitutes an output-registered DP16KD).
//! - **Lanes** (more than 2 samples per clock): a beat carries `P` sample pairs in port
//!   arrays (`in_even[k]`, `out_a[k]`, …), one arithmetic sub-block per lane
//!   ([`blocks::legall_h_lane`], [`blocks::legall_v_lane`]) under one per-beat control.
//!   rust-hdl evaluates array indices inside `for k in a..b` at generation, so `x[k + 1]`
//!   works and `for k in (P - 1)..P` addresses the last lane (`x[P - 1]` outside a loop
//!   does not). An index may combine only loop variables and literals (the generator
//!   evaluates it with the loop variables alone: `x[j + I / 2]` fails with
//!   `VariableIdentifierNotFound("I")`), so a constant offset becomes a one-value loop
//!   variable, `for h in (I / 2)..(I / 2 + 1) { … x[j + h] … }` ([`blocks::ll_pack`]).
//!   `bit_cast` cannot take an array element inside a loop (a lane sub-block, or
//!   [`blocks::sext`], does the sign extension on a plain port); lane outputs no neighbour reads are folded into a
//!   `*_unused` local (Verilator's `-Wall` ignores that name). Verilator spells a top-level
//!   array port `in_even__0` as `in_even___05F0` in C++.
//! - **Reset**: state that must start known is initialised (rust-hdl's `DFF` emits an
//!   `initial` block, which FPGA bitstreams honour); the streaming blocks here need no
//!   reset beyond that.
//!
//! ## Generated Verilog
//! Every design is one entry of the registry ([`designs`], `rtl/src/designs.rs`).
//! rust-hdl names every top module `top` and sizes literals as 32 bits.
//! [`generate::verilog`] renames the design (`top` → `uhdpipe_<design>`) and rewrites
//! literals and zero-extensions to the widths of their context, so that `verilator
//! --lint-only -Wall` passes with no waivers; [`generate::lean`] then makes modules that
//! differ only in constants one parameterised module and writes every module below a top
//! once, for all designs, into `rtl/verilog/shared/` (named by its content); each design's
//! folder holds its top and `files.f`, the list of files to read. The designs CI and the
//! boards need are committed; test-only variants are generated into the cache
//! (`rtl-generate --cache`). Datasheets: `rtl/datasheets/`.

pub mod blocks;
pub mod cache;
pub mod generate;

/// The design registry: every generated design, from the one table in `rtl/src/designs.rs`
/// (which `sim/build.rs` reads too). [`designs::DESIGNS`] lists them; [`designs::types`]
/// holds each design's top block type under the design's name.
pub mod designs {
    /// One design of the registry.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub struct Entry {
        /// The design's name: its folder `rtl/verilog/<name>/`, its top `uhdpipe_<name>`.
        pub name: &'static str,
        /// The file stem under `rtl/src/blocks/` of its top block.
        pub source: &'static str,
        /// Samples per clock of its picture stream.
        pub ppc: u32,
        /// `ci`, `board`, or what needs it (a uhdpipe-sim feature, or `synth`).
        pub set: &'static str,
    }

    impl Entry {
        /// Whether its Verilog is committed (`ci` and `board`); the others are generated
        /// into the cache by `rtl-generate --cache`.
        pub fn committed(&self) -> bool {
            matches!(self.set, "ci" | "board")
        }
    }

    /// The entry named `name`.
    pub fn find(name: &str) -> Option<Entry> {
        DESIGNS.iter().copied().find(|d| d.name == name)
    }

    macro_rules! designs {
        ($($name:ident : $src:ident :: $ty:ident $(<$($p:literal),*>)? $(= $ctor:expr)?, ppc $ppc:literal, set $set:literal;)*) => {
            /// Every design, in the registry's order.
            pub const DESIGNS: &[Entry] = &[$(Entry { name: stringify!($name), source: stringify!($src), ppc: $ppc, set: $set }),*];

            /// Each design's top block type, under the design's name.
            #[allow(non_camel_case_types)]
            pub mod types {
                $(
                    #[doc = concat!("`", stringify!($name), "`'s top block.")]
                    pub type $name = crate::blocks::$src::$ty $(<$($p),*>)?;
                )*
            }

            /// The design `name`, generated now (seconds to minutes), before pooling.
            pub(crate) fn generate(name: &str) -> Option<crate::generate::Design> {
                match name {
                    $(stringify!($name) => Some(crate::generate::verilog(stringify!($name), stringify!($src), &mut designs!(@make $name $(, $ctor)?))),)*
                    _ => None,
                }
            }
        };
        (@make $name:ident) => { <types::$name>::default() };
        (@make $name:ident, $ctor:expr) => { $ctor };
    }

    include!("designs.rs");
}
