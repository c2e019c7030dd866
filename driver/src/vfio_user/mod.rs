//! vfio-user: the protocol a userspace PCI device (here, the Verilated uhdpipe RTL) speaks
//! over a UNIX socket (the vfio-user specification, as implemented by libvfio-user and
//! QEMU).

pub mod proto;
