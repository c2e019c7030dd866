//! The kernel VFIO transport (a real card bound to `vfio-pci`). So far: finding the card in
//! sysfs and checking that it can be opened ([`sysfs`]). The container/group or iommufd
//! setup, BAR mapping, DMA mapping and MSI eventfds follow; none of it can run on machines
//! without VFIO in the kernel, so it is tested against what can be faked (a sysfs tree).

pub mod sysfs;
