//! The driver's one error type.

use std::fmt;

/// Everything the driver can fail with. Every fallible call returns this; nothing is only
/// logged.
#[derive(Debug)]
pub enum Error {
    /// An operating-system call failed (`what` says which).
    Io {
        /// The operation, e.g. "read vfio-user message header".
        what: &'static str,
        /// The OS error.
        source: std::io::Error,
    },
    /// The peer sent bytes that are not a valid vfio-user message.
    Protocol {
        /// What is wrong.
        what: String,
        /// Byte offset inside the message where it was found.
        offset: usize,
    },
    /// The device is not what the driver expects (identification, versions, register
    /// chain) or reports a fault.
    Device {
        /// What is wrong.
        what: String,
    },
    /// The device answered a command with an error reply.
    Remote {
        /// The command's number (vfio-user `cmd`).
        command: u16,
        /// The errno the device reported.
        errno: u32,
    },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Io { what, source } => write!(f, "{what}: {source}"),
            Error::Protocol { what, offset } => write!(f, "malformed vfio-user message at byte {offset}: {what}"),
            Error::Device { what } => write!(f, "device: {what}"),
            Error::Remote { command, errno } => {
                write!(f, "device refused command {command}: {}", std::io::Error::from_raw_os_error(*errno as i32))
            }
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// The driver's result type.
pub type Result<T> = std::result::Result<T, Error>;

/// A [`Error::Protocol`] at `offset`.
pub(crate) fn protocol(what: impl Into<String>, offset: usize) -> Error {
    Error::Protocol { what: what.into(), offset }
}
