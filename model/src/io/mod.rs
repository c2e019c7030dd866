//! Picture files: YUV4MPEG2 (Y4M) and raw planar.
//!
//! The readers trust nothing in their input: sizes are checked against the decoder's
//! [`Limits`](crate::params::Limits) (and against the chroma format's subsampling) before
//! anything is allocated, size arithmetic is checked, and samples are read in bounded
//! chunks, so a header claiming a huge picture over a short input is reported as truncated
//! without first allocating the picture. They return [`std::io::Error`]s (reading can fail
//! for the usual I/O reasons too); an error about the file's content carries the model's
//! [`Error`] inside: `UnexpectedEof` for [`ErrorKind::Truncated`], `InvalidData` otherwise.
//! Get it back with [`model_error`].

use crate::error::{Error, ErrorKind};
use std::io;

pub mod raw;
pub mod y4m;

/// A content error as the `io::Error` the readers return (see the module docs).
fn to_io(e: Error) -> io::Error {
    let kind = if matches!(e.kind, ErrorKind::Truncated { .. }) { io::ErrorKind::UnexpectedEof } else { io::ErrorKind::InvalidData };
    io::Error::new(kind, e)
}

/// The model's [`Error`] inside an error from a picture reader, if it is about the file's
/// content (`None` for an I/O failure of the underlying reader).
pub fn model_error(e: &io::Error) -> Option<&Error> {
    e.get_ref().and_then(|inner| inner.downcast_ref::<Error>())
}
