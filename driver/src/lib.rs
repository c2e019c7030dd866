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
//! - [`vfio`]: the kernel VFIO transport for a card bound to `vfio-pci` (`vfio::kernel`: the
//!   legacy container/group interface with the type-1 v2 IOMMU, BAR0 mapped or reached through
//!   the device descriptor, DMA mapping, MSI-X eventfds, function-level reset), behind the
//!   same [`transport::Transport`] trait as vfio-user; finding the card in sysfs and saying
//!   exactly what is missing when it cannot be opened (`vfio::sysfs`).
//!
//! Not yet: a run on a real card (these machines have no VFIO in the kernel: the ioctl
//! numbers and structure layouts are checked against `<linux/vfio.h>`, region access through a
//! plain file), and iommufd.

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
