//! The kernel VFIO transport (a real card bound to `vfio-pci`): finding the card in sysfs and
//! checking that it can be opened ([`sysfs`]), and the transport itself ([`kernel`]:
//! container/group with the type-1 v2 IOMMU, BAR0 mapped, DMA mapping, MSI-X eventfds,
//! reset). None of it can open a device on machines without VFIO in the kernel, so it is
//! tested against what can be faked: a sysfs tree, a file standing in for the device
//! descriptor, and the kernel header's ioctl numbers and layouts.

pub mod kernel;
pub mod sysfs;
