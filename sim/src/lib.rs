//! # uhdpipe simulation
//!
//! The committed Verilog of the RTL blocks (`rtl/verilog/`), built with Verilator by this
//! crate's build script and driven from Rust through a small C shim per block. Tests here
//! compare every block bit for bit with the reference model under random valid/ready
//! back-pressure. (The simulated vfio-user PCIe device comes with the device-stack issue.)

pub mod legall_h;
