//! # uhdpipe-model — the bit-exact reference model of uhdpipe's VC-2 codec
//!
//! A complete SMPTE ST 2042-1 (VC-2) decoder, versions 1–3: all parse units (sequence
//! headers with every base video format and source-parameter override, low-delay and
//! high-quality pictures and fragments, auxiliary and padding data, end of sequence), all
//! seven wavelet filters, symmetric and horizontal-only transform levels, default and
//! custom quantisation matrices, 4:4:4 / 4:2:2 / 4:2:0, bit depths 1 to 16, frames and
//! fields. And a VC-2 high-quality-profile encoder ([`encoder`]) whose one-pass,
//! slice-row rate control is specified for the RTL to match bit for bit
//! ([`encoder::rate`]), with the forward transform (analysis), exact inverse of the
//! decoder's.
//!
//! Functions are named after the standard's pseudocode and their docs start with the
//! section they implement. Stream content never panics the model: every problem is an
//! [`Error`] carrying the stream offset and what was expected there.
//!
//! ## Limits (checked before allocating)
//! - Frame width and height at most 16384 (configurable with [`params::Limits`]).
//! - Bit depth at most 16 (`intlog2(excursion + 1) <= 16`).
//! - At most 16 transform levels (`dwt_depth + dwt_depth_ho`).
//! - `slices_x * slices_y` at most the stream's length in bytes (every slice costs a byte).
//! - Exp-Golomb values of at most 64 bits.
//! - Dequantised coefficients up to the magnitude for which the inverse transform provably
//!   cannot overflow 64-bit arithmetic ([`wavelet::coef_limit`]); conforming streams stay
//!   far below it. Pictures whose coefficients fit the 32-bit bound run in 32 bits.

pub mod bits;
pub mod decoder;
pub mod encoder;
pub mod error;
pub mod io;
pub mod math;
pub mod pack;
pub mod params;
pub mod picture;
pub mod quant;
pub mod scale;
pub mod slice;
pub mod tables;
pub mod wavelet;

pub use decoder::{decode_all, CodedPicture, Decoder, Event};
pub use encoder::{Encoder, EncoderConfig, Rate, Trailing};
pub use error::{Error, ErrorKind, Position, Result};
pub use params::{ChromaFormat, SequenceHeader, VideoParameters};
pub use picture::{Picture, Plane};
