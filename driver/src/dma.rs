//! DMA memory: buffers backed by a memfd (so that a vfio-user server can map the same pages
//! from the descriptor, and the kernel VFIO transport can pin them), mapped into this process.

use crate::error::{Error, Result};
use std::os::fd::{AsFd, AsRawFd, BorrowedFd, FromRawFd, OwnedFd};
use std::ptr::NonNull;

/// Huge page size used when a buffer's length is a multiple of it.
pub const HUGE_PAGE: usize = 2 << 20;

/// A zero-filled, shared, memfd-backed buffer.
#[derive(Debug)]
pub struct DmaBuffer {
    fd: OwnedFd,
    ptr: NonNull<u8>,
    len: usize,
    huge: bool,
}

// SAFETY: the mapping is owned by this value and only reached through `&self`/`&mut self`.
unsafe impl Send for DmaBuffer {}
// SAFETY: shared access only reads through `&[u8]` (see `as_slice`).
unsafe impl Sync for DmaBuffer {}

impl DmaBuffer {
    /// A buffer of `len` bytes (rounded up to a page), in 2 MiB huge pages when `len` is a
    /// multiple of that and the system has them, else in normal pages.
    pub fn new(len: usize) -> Result<DmaBuffer> {
        let page = 4096;
        let len = len.max(1).div_ceil(page) * page;
        if len.is_multiple_of(HUGE_PAGE) {
            if let Ok(b) = Self::create(len, libc::MFD_HUGETLB) {
                return Ok(b);
            }
        }
        Self::create(len, 0)
    }

    fn create(len: usize, extra: libc::c_uint) -> Result<DmaBuffer> {
        let io = |what| move |source| Error::Io { what, source };
        // SAFETY: the name is a NUL-terminated literal; flags are valid memfd flags.
        let raw = unsafe { libc::memfd_create(c"uhdpipe-dma".as_ptr(), libc::MFD_CLOEXEC | extra) };
        if raw < 0 {
            return Err(io("memfd_create a DMA buffer")(std::io::Error::last_os_error()));
        }
        // SAFETY: `raw` is a fresh descriptor this process owns.
        let fd = unsafe { OwnedFd::from_raw_fd(raw) };
        // SAFETY: plain syscall on an owned descriptor.
        if unsafe { libc::ftruncate(fd.as_raw_fd(), len as libc::off_t) } != 0 {
            return Err(io("size a DMA buffer")(std::io::Error::last_os_error()));
        }
        // SAFETY: mapping `len` bytes of a descriptor sized to `len`; the result is checked.
        let p = unsafe { libc::mmap(std::ptr::null_mut(), len, libc::PROT_READ | libc::PROT_WRITE, libc::MAP_SHARED, fd.as_raw_fd(), 0) };
        if p == libc::MAP_FAILED {
            return Err(io("map a DMA buffer")(std::io::Error::last_os_error()));
        }
        Ok(DmaBuffer { fd, ptr: NonNull::new(p as *mut u8).expect("mmap returned null"), len, huge: extra != 0 })
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether the buffer is empty (never: buffers are at least a page).
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Whether it is in huge pages.
    pub fn is_huge(&self) -> bool {
        self.huge
    }

    /// The memory (what the device wrote is visible here).
    pub fn as_slice(&self) -> &[u8] {
        // SAFETY: `ptr` maps `len` readable bytes for the life of `self`. The device may write
        // them concurrently only while a job is in flight, which the queue protocol excludes
        // from the time the driver reads results.
        unsafe { std::slice::from_raw_parts(self.ptr.as_ptr(), self.len) }
    }

    /// The memory, writable.
    pub fn as_mut_slice(&mut self) -> &mut [u8] {
        // SAFETY: as `as_slice`, with exclusive access through `&mut self`.
        unsafe { std::slice::from_raw_parts_mut(self.ptr.as_ptr(), self.len) }
    }

    /// The little-endian 64-bit word at byte `off` (a multiple of 8), read as the device may
    /// be writing it (volatile, so that polling sees the device's writes); panics outside the
    /// buffer or misaligned (a programming error).
    pub fn read_u64(&self, off: usize) -> u64 {
        assert!(off.is_multiple_of(8) && off + 8 <= self.len, "word {off} of a {}-byte DMA buffer", self.len);
        // SAFETY: in bounds and 8-byte aligned (the mapping is page aligned); a volatile read
        // of plain memory another agent may write is well defined for an integer.
        u64::from_le(unsafe { std::ptr::read_volatile(self.ptr.as_ptr().add(off) as *const u64) })
    }

    /// The descriptor a server maps.
    pub fn fd(&self) -> BorrowedFd<'_> {
        self.fd.as_fd()
    }
}

impl Drop for DmaBuffer {
    fn drop(&mut self) {
        // SAFETY: unmapping exactly the mapping created in `create`, once.
        unsafe { libc::munmap(self.ptr.as_ptr() as *mut libc::c_void, self.len) };
    }
}
