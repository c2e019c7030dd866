//! uhdpipe RTL: VC-2 encoder/decoder blocks, scaler, register block and DMA, described in
//! rust-hdl and generated to Verilog.
//!
//! Empty until the RTL-foundation issue lands its conventions and the wavelet blocks; nothing
//! here is claimed to work yet.
