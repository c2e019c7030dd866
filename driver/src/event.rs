//! Interrupts as eventfds: the device (or the kernel, for VFIO) signals one; the driver waits
//! on it with a timeout.

use crate::error::{Error, Result};
use std::os::fd::{AsFd, AsRawFd, BorrowedFd, FromRawFd, OwnedFd};
use std::time::Duration;

/// An eventfd counter.
#[derive(Debug)]
pub struct EventFd(OwnedFd);

impl EventFd {
    /// A new eventfd at zero (close-on-exec, non-blocking).
    pub fn new() -> Result<EventFd> {
        // SAFETY: plain syscall; the result is checked.
        let fd = unsafe { libc::eventfd(0, libc::EFD_CLOEXEC | libc::EFD_NONBLOCK) };
        if fd < 0 {
            return Err(Error::Io { what: "create an eventfd", source: std::io::Error::last_os_error() });
        }
        // SAFETY: `fd` is a fresh descriptor this process owns.
        Ok(EventFd(unsafe { OwnedFd::from_raw_fd(fd) }))
    }

    /// Wraps a descriptor received from elsewhere (e.g. by a device server).
    pub fn from_owned(fd: OwnedFd) -> EventFd {
        EventFd(fd)
    }

    /// A second handle on the same counter (so that one thread can wait on it while another
    /// owns the original).
    pub fn try_clone(&self) -> Result<EventFd> {
        let fd = self.0.try_clone().map_err(|source| Error::Io { what: "duplicate an eventfd", source })?;
        Ok(EventFd(fd))
    }

    /// Adds one (signals the interrupt).
    pub fn signal(&self) -> Result<()> {
        let one = 1u64.to_ne_bytes();
        // SAFETY: writes 8 bytes from a local to an owned descriptor.
        let n = unsafe { libc::write(self.0.as_raw_fd(), one.as_ptr() as *const libc::c_void, 8) };
        if n != 8 {
            return Err(Error::Io { what: "signal an eventfd", source: std::io::Error::last_os_error() });
        }
        Ok(())
    }

    /// Waits up to `timeout` for the counter to be non-zero, then takes it: the number of
    /// signals since the last wait (0 on timeout).
    pub fn wait(&self, timeout: Duration) -> Result<u64> {
        let mut p = libc::pollfd { fd: self.0.as_raw_fd(), events: libc::POLLIN, revents: 0 };
        let ms = timeout.as_millis().min(i32::MAX as u128) as i32;
        loop {
            // SAFETY: polls one valid pollfd.
            let r = unsafe { libc::poll(&mut p, 1, ms) };
            if r < 0 {
                let e = std::io::Error::last_os_error();
                if e.kind() == std::io::ErrorKind::Interrupted {
                    continue;
                }
                return Err(Error::Io { what: "wait for an eventfd", source: e });
            }
            if r == 0 {
                return Ok(0);
            }
            break;
        }
        let mut v = [0u8; 8];
        // SAFETY: reads 8 bytes into a local from an owned descriptor.
        let n = unsafe { libc::read(self.0.as_raw_fd(), v.as_mut_ptr() as *mut libc::c_void, 8) };
        if n != 8 {
            return Err(Error::Io { what: "read an eventfd", source: std::io::Error::last_os_error() });
        }
        Ok(u64::from_ne_bytes(v))
    }
}

impl AsFd for EventFd {
    fn as_fd(&self) -> BorrowedFd<'_> {
        self.0.as_fd()
    }
}
