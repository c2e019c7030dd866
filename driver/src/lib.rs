//! uhdpipe userspace driver: the transports to the device (kernel VFIO for a real card,
//! vfio-user for the simulated one), DMA memory, queues and interrupts.
//!
//! Built so far:
//! - [`vfio_user`]: the wire protocol, checked against hostile input; the driver's client
//!   (version negotiation, device and region info, region reads and writes, DMA map and
//!   unmap with the memory's descriptor, reset; replies checked against their commands, errno
//!   replies as [`Error::Remote`], timeouts); a server for device models that answers with
//!   real errno values, maps the client's DMA memory with IOMMU-like bounds and permission
//!   checks, and serves the next client after one goes away;
//!   Interrupts are eventfds ([`event`]) the device signals;
//! - [`dma`]: memfd-backed DMA buffers (2 MiB huge pages when possible); [`iova`]: the
//!   I/O-virtual-address allocator;
//! - [`transport::Transport`]: the one interface the driver uses, implemented by the
//!   vfio-user client.
//!
//! - [`regmap`]: the BAR0 register map, the single source of the generated C header and
//!   register reference, and device discovery (magic, versions, block chain).
//!
//! - [`vfio`]: the start of the kernel VFIO transport: finding a card in sysfs and checking
//!   that VFIO can open it, with advice when it cannot.
//!
//! Not yet (the rest of the device-stack issue): the rest of the kernel VFIO transport, the queue
//! registers and job queues, the RTL register block generated from the map, and the
//! `Accelerator` API.

pub mod dma;
pub mod error;
pub mod event;
pub mod iova;
pub mod job;
pub mod queue;
pub mod regmap;
pub mod transport;
pub mod vfio;
pub mod vfio_user;

pub use error::{Error, Result};
