//! # uhdpipe — the library integrators call
//!
//! Every job runs on the CPU reference model ([`Backend::Model`]); the jobs the device's
//! pipeline has (10-bit ST 2110-20 packing, [`pack`]) also run on the simulated device
//! ([`Backend::Sim`], through [`accel::Accelerator`] and the real driver). Real cards
//! (`vfio:BDF`) are parsed and refused with a clear message until the kernel VFIO transport
//! exists. The functions here are what the `uhdpipe` command line
//! calls, so everything the CLI does is available to programs too.

pub mod accel;
pub mod backend;
pub mod decode;
pub mod devinfo;
pub mod encode;
pub mod info;
pub mod pack;
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
    /// The device or its driver failed.
    #[error("{0}")]
    Device(#[from] uhdpipe_driver::Error),
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

/// Opens an output for writing, buffered: a file path, or standard output for `-`.
pub fn open_output(path: &str) -> Result<Box<dyn std::io::Write>> {
    let sink: Box<dyn std::io::Write> = if path == "-" {
        Box::new(std::io::stdout().lock())
    } else {
        Box::new(std::fs::File::create(path).map_err(|source| Error::Io { path: path.to_string(), source })?)
    };
    Ok(Box::new(std::io::BufWriter::with_capacity(1 << 20, sink)))
}

/// Opens an input for streaming reads, buffered: a file path, or standard input for `-`.
pub fn open_input(path: &str) -> Result<Box<dyn std::io::BufRead>> {
    if path == "-" {
        Ok(Box::new(std::io::stdin().lock()))
    } else {
        let f = std::fs::File::open(path).map_err(|source| Error::Io { path: path.to_string(), source })?;
        Ok(Box::new(std::io::BufReader::with_capacity(1 << 20, f)))
    }
}

/// A progress reporter for long jobs: given the running count of `noun`s, prints a line to
/// stderr at most once a second.
pub fn stderr_progress(verb: &'static str, noun: &'static str) -> impl FnMut(u64) {
    let start = std::time::Instant::now();
    let mut last = start;
    move |n| {
        let now = std::time::Instant::now();
        if now.duration_since(last).as_secs_f64() >= 1.0 {
            last = now;
            let rate = n as f64 / now.duration_since(start).as_secs_f64();
            eprint!("\r{verb} {n} {noun}, {rate:.1} {noun}/s   ");
        }
    }
}
