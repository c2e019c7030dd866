//! Line buffer: a simple dual-port RAM of `2^N` words of `D` bits, one clock, with a
//! registered read that has a clock enable — the shape every FPGA block RAM implements
//! (ECP5 DP16KD, UltraScale+ RAMB36E2) and that yosys and vendor tools infer from the
//! generated Verilog.
//!
//! **Function.** At a rising edge with `read_enable` high, `read_data` takes `mem[read_address]`
//! as it was *before* that edge (a write to the same address at the same edge is not seen:
//! read-first); with `read_enable` low, `read_data` holds (this is how a pipeline stall keeps
//! a read result). At a rising edge with `write_enable` high, `mem[write_address]` takes
//! `write_data`.
//!
//! **Latency:** one clock from address to data. **Reset:** none; the contents start
//! undefined (zero in both simulators), and the blocks using it never read a word before
//! writing it (or ignore what they read).
//!
//! **Build-time parameters:** `D` data bits, `N` address bits.

use rust_hdl::prelude::*;
use std::collections::BTreeMap;

/// The RAM; ports below are its whole interface.
#[derive(LogicBlock, Default)]
pub struct LineRam<const D: usize, const N: usize> {
    /// Clock for both ports.
    pub clock: Signal<In, Clock>,
    /// Read port: address, `N` bits.
    pub read_address: Signal<In, Bits<N>>,
    /// Read port: clock enable of the read register.
    pub read_enable: Signal<In, Bit>,
    /// Read port: the word read at the last enabled edge.
    pub read_data: Signal<Out, Bits<D>>,
    /// Write port: address, `N` bits.
    pub write_address: Signal<In, Bits<N>>,
    /// Write port: write this edge.
    pub write_enable: Signal<In, Bit>,
    /// Write port: the word to write.
    pub write_data: Signal<In, Bits<D>>,
    _mem: BTreeMap<u64, Bits<D>>,
}

impl<const D: usize, const N: usize> Logic for LineRam<D, N> {
    fn update(&mut self) {
        if self.clock.pos_edge() {
            if self.read_enable.val() {
                self.read_data.next = self._mem.get(&self.read_address.val().to_u64()).copied().unwrap_or_default();
            }
            if self.write_enable.val() {
                self._mem.insert(self.write_address.val().to_u64(), self.write_data.val());
            }
        }
    }

    fn connect(&mut self) {
        self.read_data.connect();
    }

    fn hdl(&self) -> Verilog {
        Verilog::Custom(format!(
            "reg [{d}:0] mem [0:{a}];\n\
             always @(posedge clock) begin\n\
             \x20  if (read_enable) begin\n\
             \x20     read_data <= mem[read_address];\n\
             \x20  end\n\
             \x20  if (write_enable) begin\n\
             \x20     mem[write_address] <= write_data;\n\
             \x20  end\n\
             end\n",
            d = D - 1,
            a = (1u64 << N) - 1,
        ))
    }
}
