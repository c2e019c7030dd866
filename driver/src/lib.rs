//! uhdpipe userspace driver (kernel VFIO and vfio-user transports).
//!
//! Empty until the device-stack issue lands; nothing here is claimed to work yet.
