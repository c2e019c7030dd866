//! uhdpipe userspace driver: the transports to the device (kernel VFIO for a real card,
//! vfio-user for the simulated one), DMA memory, queues and interrupts.
//!
//! Built so far: vfio-user ([`vfio_user`]): the wire protocol, checked against hostile input;
//! the driver's client (version negotiation, device and region info, region reads and
//! writes, reset; replies checked against their commands, errno replies as
//! [`Error::Remote`], timeouts); and a server for device models that answers with real errno
//! values and serves the next client after one goes away. Not yet: DMA mapping and
//! interrupts over vfio-user, the kernel VFIO transport, the transport trait over both, DMA
//! buffers and the job queues (the rest of the device-stack issue).

pub mod error;
pub mod vfio_user;

pub use error::{Error, Result};
