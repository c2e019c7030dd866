//! File descriptors over the vfio-user socket (`SCM_RIGHTS`): DMA_MAP carries the memory's
//! file descriptor with its message.

use crate::error::{protocol, Error, Result};
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd, RawFd};
use std::os::unix::net::UnixStream;

/// The most descriptors one message may carry (the server's `max_msg_fds`).
pub const MAX_FDS: usize = 8;

const CMSG_SPACE: usize = 64; // ≥ CMSG_SPACE(MAX_FDS * 4) on every Linux ABI

/// Sends all of `bytes` with `fds` attached to the first byte.
pub fn send(stream: &UnixStream, bytes: &[u8], fds: &[RawFd]) -> Result<()> {
    assert!(fds.len() <= MAX_FDS, "at most {MAX_FDS} descriptors per message");
    let mut sent = 0;
    while sent < bytes.len() {
        let mut iov = libc::iovec { iov_base: bytes[sent..].as_ptr() as *mut libc::c_void, iov_len: bytes.len() - sent };
        let mut cbuf = [0u64; CMSG_SPACE / 8];
        // SAFETY: msghdr is plain data; every pointer set below points into locals that
        // outlive the sendmsg call.
        let mut msg: libc::msghdr = unsafe { std::mem::zeroed() };
        msg.msg_iov = &mut iov;
        msg.msg_iovlen = 1;
        if sent == 0 && !fds.is_empty() {
            let len = std::mem::size_of_val(fds);
            msg.msg_control = cbuf.as_mut_ptr() as *mut libc::c_void;
            // SAFETY: CMSG_SPACE only computes a size.
            msg.msg_controllen = unsafe { libc::CMSG_SPACE(len as u32) } as _;
            // SAFETY: msg_control points to `cbuf`, which is at least msg_controllen bytes and
            // 8-byte aligned, so CMSG_FIRSTHDR returns a valid header inside it, and
            // CMSG_DATA(cmsg) has room for `len` bytes (CMSG_SPACE(len) ≤ CMSG_SPACE).
            unsafe {
                let cmsg = libc::CMSG_FIRSTHDR(&msg);
                (*cmsg).cmsg_level = libc::SOL_SOCKET;
                (*cmsg).cmsg_type = libc::SCM_RIGHTS;
                (*cmsg).cmsg_len = libc::CMSG_LEN(len as u32) as _;
                std::ptr::copy_nonoverlapping(fds.as_ptr() as *const u8, libc::CMSG_DATA(cmsg), len);
            }
        }
        // SAFETY: the socket is open (borrowed from `stream`); `msg` is fully initialised.
        let n = unsafe { libc::sendmsg(stream.as_raw_fd(), &msg, libc::MSG_NOSIGNAL) };
        if n < 0 {
            let e = std::io::Error::last_os_error();
            if e.kind() == std::io::ErrorKind::Interrupted {
                continue;
            }
            return Err(Error::Io { what: "send a vfio-user message", source: e });
        }
        sent += n as usize;
    }
    Ok(())
}

/// Fills `buf` completely, collecting any descriptors that arrive with it (at most
/// [`MAX_FDS`]; more, or a truncated control message, is a protocol error). End of stream
/// before the first byte is `UnexpectedEof`.
pub fn recv_exact(stream: &UnixStream, buf: &mut [u8]) -> Result<Vec<OwnedFd>> {
    let mut fds = Vec::new();
    let mut got = 0;
    while got < buf.len() {
        let mut iov = libc::iovec { iov_base: buf[got..].as_mut_ptr() as *mut libc::c_void, iov_len: buf.len() - got };
        let mut cbuf = [0u64; CMSG_SPACE / 8];
        // SAFETY: as in `send`; the pointers refer to locals that outlive recvmsg.
        let mut msg: libc::msghdr = unsafe { std::mem::zeroed() };
        msg.msg_iov = &mut iov;
        msg.msg_iovlen = 1;
        msg.msg_control = cbuf.as_mut_ptr() as *mut libc::c_void;
        msg.msg_controllen = CMSG_SPACE as _;
        // SAFETY: the socket is open; `msg` describes writable memory of the stated sizes.
        let n = unsafe { libc::recvmsg(stream.as_raw_fd(), &mut msg, libc::MSG_CMSG_CLOEXEC) };
        if n < 0 {
            let e = std::io::Error::last_os_error();
            if e.kind() == std::io::ErrorKind::Interrupted {
                continue;
            }
            return Err(Error::Io { what: "receive a vfio-user message", source: e });
        }
        // Take ownership of every descriptor received before anything can return early, so
        // none leaks.
        // SAFETY: the kernel filled msg_control with msg_controllen bytes of well-formed
        // control messages; CMSG_FIRSTHDR/NXTHDR stay inside them; SCM_RIGHTS payloads are
        // arrays of fresh descriptors that this process now owns.
        unsafe {
            let mut cmsg = libc::CMSG_FIRSTHDR(&msg);
            while !cmsg.is_null() {
                if (*cmsg).cmsg_level == libc::SOL_SOCKET && (*cmsg).cmsg_type == libc::SCM_RIGHTS {
                    let len = (*cmsg).cmsg_len as usize - libc::CMSG_LEN(0) as usize;
                    let data = libc::CMSG_DATA(cmsg) as *const RawFd;
                    for i in 0..len / std::mem::size_of::<RawFd>() {
                        fds.push(OwnedFd::from_raw_fd(std::ptr::read_unaligned(data.add(i))));
                    }
                }
                cmsg = libc::CMSG_NXTHDR(&msg, cmsg);
            }
        }
        if msg.msg_flags & libc::MSG_CTRUNC != 0 || fds.len() > MAX_FDS {
            return Err(protocol(format!("more than {MAX_FDS} file descriptors with one message"), got));
        }
        if n == 0 {
            return Err(Error::Io { what: "receive a vfio-user message", source: std::io::ErrorKind::UnexpectedEof.into() });
        }
        got += n as usize;
    }
    Ok(fds)
}
