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
//! rust-hdl names every top module `top` and sizes literals as 32 bits.
//! [`generate::verilog`] renames the design (`top` → `uhdpipe_<block>`, submodules
//! `uhdpipe_<block>__<name>`) and rewrites literals and zero-extensions to the widths of
//! their context, so that `verilator --lint-only -Wall` passes with no waivers.

pub mod blocks;
pub mod cache;
pub mod generate;
