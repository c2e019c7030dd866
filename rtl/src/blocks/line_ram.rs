//! Line buffer: a simple dual-port RAM of `2^N` words of `D` bits, one clock, with a read
//! register and an output register that share a clock enable — the shape every FPGA block
//! RAM implements with its output register on (ECP5 DP16KD `OUTREG`, UltraScale+ RAMB36E2
//! `DOB_REG`), which is what lets the line buffers run at the datapath's clock.
//!
//! **Function.** At a rising edge with `read_enable` high, the read register takes
//! `mem[read_address]` as it was *before* that edge (read-first) and `read_data` takes the
//! read register; with `read_enable` low both hold (this is how a pipeline stall keeps a
//! read in flight). At a rising edge with `write_enable` high, `mem[write_address]` takes
//! `write_data`.
//!
//! **Latency:** two enabled clocks from address to data. **Reset:** none; the contents start
//! undefined (zero in both simulators), and the blocks using it never use a word before
//! writing it.
//!
//! **Verilog.** The block instantiates the hand-written module `uhdpipe_line_ram #(D, N)`:
//! `rtl/verilog/common/uhdpipe_line_ram.v` (portable; Verilator and vendor inference) or, for
//! the ECP5, `fpga-boards/ulx3s/rtl/uhdpipe_line_ram.v` (DP16KD primitives with the output
//! register, which yosys does not infer).
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
    _word: Bits<D>,
}

impl<const D: usize, const N: usize> Logic for LineRam<D, N> {
    fn update(&mut self) {
        if self.clock.pos_edge() {
            if self.read_enable.val() {
                self.read_data.next = self._word;
                self._word = self._mem.get(&self.read_address.val().to_u64()).copied().unwrap_or_default();
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
        Verilog::Wrapper(Wrapper {
            code: format!(
                "uhdpipe_line_ram #(.D({D}), .N({N})) ram(.clock(clock), .read_address(read_address), .read_enable(read_enable), \
                 .read_data(read_data), .write_address(write_address), .write_enable(write_enable), .write_data(write_data));\n"
            ),
            cores: String::new(),
        })
    }
}
