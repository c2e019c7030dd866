//! # uhdpipe — the library integrators call
//!
//! Today every job runs on the CPU reference model ([`Backend::Model`]); the simulated
//! device (`sim`) and real cards (`vfio:BDF`) are parsed and refused with a clear message
//! until the device stack exists. The functions here are what the `uhdpipe` command line
//! calls, so everything the CLI does is available to programs too.

pub mod backend;
pub mod decode;
pub mod info;
pub mod scale;

pub use backend::Backend;

/// Errors of the library and CLI.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The stream could not be decoded.
    #[error("{path}: {source}")]
    Decode {
        /// Input name.
        path: String,
        /// The model's error (with stream offset).
        source: uhdpipe_model::Error,
    },
    /// Reading or writing a file failed.
    #[error("{path}: {source}")]
    Io {
        /// File name.
        path: String,
        /// The I/O error.
        source: std::io::Error,
    },
    /// A backend that cannot run this job.
    #[error("{0}")]
    Backend(String),
    /// Bad usage (options that cannot work together, unsupported output format...).
    #[error("{0}")]
    Usage(String),
}

/// Result type of the library.
pub type Result<T> = std::result::Result<T, Error>;

/// Reads a whole input: a file path, or standard input for `-`.
pub fn read_input(path: &str) -> Result<Vec<u8>> {
    use std::io::Read;
    let io = |source| Error::Io { path: path.to_string(), source };
    if path == "-" {
        let mut v = Vec::new();
        std::io::stdin().lock().read_to_end(&mut v).map_err(io)?;
        Ok(v)
    } else {
        std::fs::read(path).map_err(io)
    }
}
