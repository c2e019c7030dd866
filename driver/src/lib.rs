//! uhdpipe userspace driver: the transports to the device (kernel VFIO for a real card,
//! vfio-user for the simulated one), DMA memory, queues and interrupts.
//!
//! Built so far: the vfio-user wire protocol ([`vfio_user::proto`]): message framing and the
//! payloads of the commands the driver uses, checked against hostile input. The transports,
//! DMA buffers and job queues come with the rest of the device-stack issue.

pub mod error;
pub mod vfio_user;

pub use error::{Error, Result};
