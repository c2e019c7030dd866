//! uhdpipe simulation: Verilated RTL driven from Rust and a vfio-user device server.
//!
//! Empty until the RTL-foundation and device-stack issues land; nothing here is claimed to
//! work yet.
