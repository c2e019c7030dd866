//! The model's one error type.
//!
//! Every error that comes from stream content carries the byte offset (and, inside
//! bit-packed syntax, the bit) where the decoder was when it found the problem, and says
//! what it expected there. Nothing in the model panics on stream content.

use std::fmt;

/// Position in a stream: byte offset from the start of the stream and the bit within that
/// byte (7 = most significant, the next bit to be read; 7 also when byte-aligned).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Position {
    /// Byte offset from the start of the stream.
    pub byte: u64,
    /// Next bit to read within that byte, 7 (MSB) down to 0.
    pub bit: u8,
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.bit == 7 {
            write!(f, "byte {}", self.byte)
        } else {
            write!(f, "byte {} bit {}", self.byte, 7 - self.bit)
        }
    }
}

/// What went wrong, without the position.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ErrorKind {
    /// The stream ended inside a syntax element.
    #[error("unexpected end of stream while reading {0}")]
    UnexpectedEnd(&'static str),
    /// (10.5.1) parse_info_prefix must be 0x42424344 ("BBCD").
    #[error("expected parse info prefix 0x42424344 (\"BBCD\"), found 0x{0:08x}")]
    BadParseInfoPrefix(u32),
    /// (Table 10.1) unknown parse code.
    #[error("unknown parse code 0x{0:02x} (Table 10.1)")]
    BadParseCode(u8),
    /// A data unit is not allowed where it appears.
    #[error("{0}")]
    BadSequence(String),
    /// (10.5.1) next_parse_offset disagrees with where the next parse info really starts.
    #[error("next_parse_offset {stated} disagrees with the data unit's real length {actual}")]
    InconsistentNextParseOffset {
        /// The value in the stream.
        stated: u64,
        /// The distance to the next parse info.
        actual: u64,
    },
    /// (10.5.1) next_parse_offset is 1..12, or points past the end of the stream.
    #[error("invalid next_parse_offset {offset}: {why}")]
    InvalidNextParseOffset {
        /// The value in the stream.
        offset: u64,
        /// What is wrong with it.
        why: &'static str,
    },
    /// (10.5.1) previous_parse_offset disagrees with the previous data unit.
    #[error("previous_parse_offset {stated} disagrees with the previous data unit's length {actual}")]
    InconsistentPreviousParseOffset {
        /// The value in the stream.
        stated: u64,
        /// The distance from the previous parse info.
        actual: u64,
    },
    /// A syntax element's value is outside what the standard allows.
    #[error("{what} = {value} is invalid: {why}")]
    BadValue {
        /// The element (named as in the standard).
        what: &'static str,
        /// The value read.
        value: u64,
        /// What was expected.
        why: &'static str,
    },
    /// An exp-Golomb value has more bits than the model represents (a hostile or corrupt stream).
    #[error("exp-Golomb value in {0} is longer than 64 bits")]
    ValueTooLong(&'static str),
    /// Picture dimensions beyond the documented limit (checked before any allocation).
    #[error("picture {width}x{height} exceeds the decoder limit {max_width}x{max_height}")]
    PictureTooLarge {
        /// Component width.
        width: u64,
        /// Component height.
        height: u64,
        /// The decoder's limit.
        max_width: u64,
        /// The decoder's limit.
        max_height: u64,
    },
    /// A picture file (Y4M or raw planar) ends inside a header or a frame. (Boxed strings
    /// keep the error type as small as it was.)
    #[error("{what} truncated: expected {expected}, found {found} bytes")]
    Truncated {
        /// The header or frame cut short (e.g. "Y4M frame 3").
        what: Box<str>,
        /// What a whole one holds (e.g. "24 bytes of samples (4x2 4:2:2 10-bit)").
        expected: Box<str>,
        /// Bytes present before the end of the input.
        found: u64,
    },
    /// A picture file's header or samples are malformed (the message says how).
    #[error("{0}")]
    BadPictureFile(String),
    /// A feature the standard allows but the model does not implement, with the reason.
    #[error("unsupported: {0}")]
    Unsupported(String),
    /// The encoder cannot code the input with the options given (the message says why).
    #[error("cannot encode: {0}")]
    CannotEncode(String),
    /// A dequantised coefficient exceeds what the inverse transform can compute exactly.
    #[error("dequantised coefficient magnitude {value} exceeds {limit}, the largest the inverse transform can compute without overflow for this wavelet and depth (no conforming stream gets there)")]
    CoefficientOverflow {
        /// Magnitude found (saturated at u128::MAX).
        value: u128,
        /// Largest magnitude the widest transform arithmetic accepts.
        limit: u128,
    },
    /// The stream needs a default quantisation matrix the standard does not define.
    #[error("no default quantisation matrix for wavelet {wavelet_index}/{wavelet_index_ho} depth {dwt_depth}/{dwt_depth_ho} (Table D.1-D.8): the stream must send a custom one")]
    NoDefaultQuantMatrix {
        /// (12.4.1) wavelet_index.
        wavelet_index: u64,
        /// (12.4.4.2) wavelet_index_ho.
        wavelet_index_ho: u64,
        /// (12.4.1) dwt_depth.
        dwt_depth: u64,
        /// (12.4.4.3) dwt_depth_ho.
        dwt_depth_ho: u64,
    },
}

/// A decoding error: what went wrong and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    /// What went wrong.
    pub kind: ErrorKind,
    /// Where in the stream; `None` for errors not tied to stream content.
    pub position: Option<Position>,
}

impl Error {
    /// An error at a stream position.
    pub fn at(kind: ErrorKind, position: Position) -> Self {
        Error { kind, position: Some(position) }
    }
    /// An error not tied to a stream position.
    pub fn new(kind: ErrorKind) -> Self {
        Error { kind, position: None }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.position {
            Some(p) => write!(f, "at {p}: {}", self.kind),
            None => write!(f, "{}", self.kind),
        }
    }
}

impl std::error::Error for Error {}

/// The model's result type.
pub type Result<T> = std::result::Result<T, Error>;
