//! uhdpipe userspace driver: the transports to the device (kernel VFIO for a real card,
//! vfio-user for the simulated one), DMA memory, queues and interrupts.
//!
//! - [`vfio_user`]: the wire protocol, checked against hostile input; the driver's client
//!   (version negotiation, device and region info, region reads and writes, DMA map and
//!   unmap with the memory's descriptor, reset; replies checked against their commands, errno
//!   replies as [`Error::Remote`], timeouts); a server for device models that answers with
//!   real errno values, maps the client's DMA memory with IOMMU-like bounds and permission
//!   checks, and serves the next client after one goes away.
//! - [`dma`]: memfd-backed DMA buffers (2 MiB huge pages when possible); [`iova`]: the
//!   I/O-virtual-address allocator; [`event`]: interrupts as eventfds.
//! - [`transport::Transport`]: the one interface the driver uses, implemented by the
//!   vfio-user client.
//! - [`regmap`]: the BAR0 register map, the single source of the generated C header, the
//!   register reference and the RTL register blocks, and device discovery (magic, versions,
//!   block chain).
//! - [`job`]: descriptor and completion formats, operations, status codes, and the
//!   descriptor checks the hardware makes; [`queue`]: the job queues as software drives them
//!   (submission in batches with one doorbell, phase-bit completions, interrupts or polling,
//!   reset and restart after a hung job).
//! - [`vfio`]: the start of the kernel VFIO transport: finding a card in sysfs and checking
//!   that VFIO can open it, with advice when it cannot.
//!
//! Not yet: the rest of the kernel VFIO transport (container/group or iommufd, BAR mmap, DMA
//! map, MSI-X eventfds, reset), to run the same [`queue`] on a card.

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
