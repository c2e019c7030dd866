//! vfio-user: the protocol a userspace PCI device (here, the Verilated uhdpipe RTL) speaks
//! over a UNIX socket (the vfio-user specification, as implemented by libvfio-user and
//! QEMU): the wire format ([`proto`]), the driver's client ([`client`]) and a server for
//! device models ([`server`]).

pub mod client;
pub mod fds;
pub mod proto;
pub mod server;
