//! A vfio-user server: serves one [`Device`] on a UNIX socket to one client at a time, and
//! accepts the next client when one disconnects or dies (resetting the device first). The
//! simulated uhdpipe card (`uhdpipe-sim`) puts the Verilated RTL behind it; tests put a plain
//! memory behind it.
//!
//! Errors a client causes are answered with real errno values (`EINVAL` for a bad region or
//! range, `ENOTSUP` for a command this device does not implement, `EPROTO` for a malformed
//! payload); a message whose header cannot be parsed ends that connection (the stream can no
//! longer be framed) but never the server.

use super::fds;
use super::proto::{
    write_message, Command, DeviceInfo, DmaMap, DmaUnmap, Header, IrqInfo, IrqSet, Kind, RegionAccess, RegionInfo, Version, HEADER_SIZE, IRQ_SET_ACTION_TRIGGER,
    IRQ_SET_DATA_EVENTFD, IRQ_SET_DATA_NONE,
};
use crate::event::EventFd;
use std::collections::HashMap;
use crate::error::{Error, Result};
use std::os::fd::{AsRawFd, OwnedFd};
use std::os::unix::net::{UnixListener, UnixStream};
use std::sync::{Arc, Mutex, MutexGuard};

/// errno values the server answers with.
pub mod errno {
    /// Invalid argument (bad region, offset or size).
    pub const EINVAL: u32 = 22;
    /// Protocol error (malformed payload).
    pub const EPROTO: u32 = 71;
    /// Operation not supported.
    pub const ENOTSUP: u32 = 95;
    /// Bad address (a DMA outside every mapped range, or without the needed permission).
    pub const EFAULT: u32 = 14;
    /// Bad file descriptor (a DMA map without exactly one).
    pub const EBADF: u32 = 9;
    /// Out of memory (mapping the client's memory failed).
    pub const ENOMEM: u32 = 12;
    /// I/O error (the device did not answer an access).
    pub const EIO: u32 = 5;
}

/// One range of client memory the device may reach, mapped into the server.
struct Mapping {
    iova: u64,
    size: u64,
    flags: u32,
    ptr: *mut u8,
}

/// The client memory mapped for DMA: what the device reads and writes by I/O virtual
/// address, with the bounds and permission checks an IOMMU makes. Dropping it unmaps all.
#[derive(Default)]
pub struct DmaSpace {
    maps: Vec<Mapping>,
}

// SAFETY: the mappings are MAP_SHARED memory owned by this value (unmapped only by it, in
// `unmap` or on drop); the raw pointers are not tied to the thread that made them, and every
// access goes through `&self`/`&mut self`, so moving the value to another thread is sound
// (sharing needs a lock around it: `SharedBus`).
unsafe impl Send for DmaSpace {}

impl DmaSpace {
    /// The mapping holding `[iova, iova + len)` with permission `need`, and the offset in it.
    fn find(&self, iova: u64, len: usize, need: u32) -> std::result::Result<(&Mapping, usize), u32> {
        let end = iova.checked_add(len as u64).ok_or(errno::EFAULT)?;
        let m = self.maps.iter().find(|m| iova >= m.iova && end <= m.iova + m.size).ok_or(errno::EFAULT)?;
        if m.flags & need != need {
            return Err(errno::EFAULT);
        }
        Ok((m, (iova - m.iova) as usize))
    }

    /// The device reads client memory.
    pub fn read(&self, iova: u64, buf: &mut [u8]) -> std::result::Result<(), u32> {
        let (m, off) = self.find(iova, buf.len(), super::proto::DMA_READ)?;
        // SAFETY: `find` checked that [off, off + len) lies inside the mapping, which stays
        // mapped while `self` holds it.
        unsafe { std::ptr::copy_nonoverlapping(m.ptr.add(off), buf.as_mut_ptr(), buf.len()) };
        Ok(())
    }

    /// The device writes client memory.
    pub fn write(&mut self, iova: u64, data: &[u8]) -> std::result::Result<(), u32> {
        let (m, off) = self.find(iova, data.len(), super::proto::DMA_WRITE)?;
        // SAFETY: as in `read`; the mapping is writable (PROT_WRITE when DMA_WRITE is set).
        unsafe { std::ptr::copy_nonoverlapping(data.as_ptr(), m.ptr.add(off), data.len()) };
        Ok(())
    }

    fn map(&mut self, m: &DmaMap, fd: &OwnedFd) -> std::result::Result<(), u32> {
        let end = m.addr.checked_add(m.size).ok_or(errno::EINVAL)?;
        if m.size == 0 || m.size > isize::MAX as u64 || m.flags & !3 != 0 || self.maps.iter().any(|x| m.addr < x.iova + x.size && x.iova < end) {
            return Err(errno::EINVAL);
        }
        let prot = if m.flags & super::proto::DMA_WRITE != 0 { libc::PROT_READ | libc::PROT_WRITE } else { libc::PROT_READ };
        // SAFETY: maps `size` bytes of the client's descriptor at its offset; the result is
        // checked, and an offset or size beyond the file fails here or faults only on access
        // beyond the file's end (the client sized it; see DmaBuffer).
        let p = unsafe { libc::mmap(std::ptr::null_mut(), m.size as usize, prot, libc::MAP_SHARED, fd.as_raw_fd(), m.offset as libc::off_t) };
        if p == libc::MAP_FAILED {
            return Err(errno::ENOMEM);
        }
        self.maps.push(Mapping { iova: m.addr, size: m.size, flags: m.flags, ptr: p as *mut u8 });
        Ok(())
    }

    fn unmap(&mut self, u: &DmaUnmap) -> std::result::Result<(), u32> {
        let i = self.maps.iter().position(|m| m.iova == u.addr && m.size == u.size).ok_or(errno::EINVAL)?;
        let m = self.maps.swap_remove(i);
        // SAFETY: unmapping a mapping made in `map`, once (it was just removed).
        unsafe { libc::munmap(m.ptr as *mut libc::c_void, m.size as usize) };
        Ok(())
    }
}

impl Drop for DmaSpace {
    fn drop(&mut self) {
        for m in self.maps.drain(..) {
            // SAFETY: each mapping was made in `map` and is unmapped once.
            unsafe { libc::munmap(m.ptr as *mut libc::c_void, m.size as usize) };
        }
    }
}

/// The interrupts the client connected: an eventfd per (interrupt type, vector).
#[derive(Default)]
pub struct Irqs {
    fds: HashMap<(u32, u32), EventFd>,
}

impl Irqs {
    /// Signals vector `vector` of interrupt type `index` (PCI: 1 MSI, 2 MSI-X); false when the
    /// client connected none there (the interrupt is then lost, as on hardware with the
    /// vector masked).
    pub fn trigger(&self, index: u32, vector: u32) -> bool {
        self.fds.get(&(index, vector)).is_some_and(|e| e.signal().is_ok())
    }
}

/// What a device reaches on the client's side during a session: its DMA memory and its
/// interrupts.
#[derive(Default)]
pub struct Bus {
    /// Client memory mapped for DMA.
    pub dma: DmaSpace,
    /// Interrupt eventfds.
    pub irqs: Irqs,
}

/// A session's [`Bus`], shared between the session (which maps and unmaps DMA memory and
/// connects interrupts as the client asks) and a device that runs on its own clock (whose
/// DMA and interrupts happen between the client's messages).
pub type SharedBus = Arc<Mutex<Bus>>;

/// Locks a shared bus. A panic while it was held cannot leave it inconsistent (every
/// operation on it completes or fails as a whole), so a poisoned lock is simply taken.
pub fn lock(bus: &SharedBus) -> MutexGuard<'_, Bus> {
    bus.lock().unwrap_or_else(|e| e.into_inner())
}

/// A device as the server sees it: regions to read and write, interrupts, and a reset.
pub trait Device {
    /// Flags, region and interrupt counts.
    fn info(&self) -> DeviceInfo;
    /// Region `index`'s description, or `None` if there is no such region.
    fn region_info(&self, index: u32) -> Option<RegionInfo>;
    /// Number of vectors of interrupt type `index` (0: none).
    fn irq_count(&self, index: u32) -> u32;
    /// Reads `data.len()` bytes at `offset` of region `region`; an errno on failure. `bus`
    /// is the client memory and interrupts the device may reach (a device with its own clock
    /// keeps a clone until [`Device::reset`]).
    fn region_read(&mut self, region: u32, offset: u64, data: &mut [u8], bus: &SharedBus) -> std::result::Result<(), u32>;
    /// Writes `data` at `offset` of region `region` (a doorbell write may start DMA and
    /// raise interrupts); an errno on failure.
    fn region_write(&mut self, region: u32, offset: u64, data: &[u8], bus: &SharedBus) -> std::result::Result<(), u32>;
    /// Returns the device to its power-on state, dropping any bus it kept (the server
    /// calls it when a session ends, so the client's memory is unmapped once no device
    /// holds it).
    fn reset(&mut self);
}

/// The protocol version this server speaks.
pub const VERSION: (u16, u16) = (0, 2);

/// Serves `device` on `listener` forever (or until accepting fails), one client at a time.
/// Each client's session ends when it disconnects or sends an unframeable message; the
/// device is then reset and the next client accepted.
pub fn serve(listener: &UnixListener, device: &mut dyn Device) -> Result<()> {
    loop {
        let (stream, _) = listener.accept().map_err(|source| Error::Io { what: "accept a vfio-user client", source })?;
        let _ = session(stream, device);
        device.reset();
    }
}

/// One client's session: answers commands until the client goes away (`Ok`) or breaks the
/// framing (the error).
/// The client's DMA mappings live as long as the session.
pub fn session(mut stream: UnixStream, device: &mut dyn Device) -> Result<()> {
    let bus: SharedBus = Arc::default();
    loop {
        let (h, payload, fds) = match read_message_fds(&stream) {
            Ok(m) => m,
            Err(Error::Io { source, .. }) if source.kind() == std::io::ErrorKind::UnexpectedEof => return Ok(()),
            Err(e) => return Err(e),
        };
        if h.kind != Kind::Command {
            return Err(crate::error::protocol("a reply where a command was expected", 8));
        }
        let reply = match h.command {
            Command::DmaMap => DmaMap::decode(&payload).map_err(|_| errno::EPROTO).and_then(|m| match fds.as_slice() {
                [fd] => lock(&bus).dma.map(&m, fd).map(|_| Vec::new()),
                _ => Err(errno::EBADF),
            }),
            Command::DmaUnmap => DmaUnmap::decode(&payload).map_err(|_| errno::EPROTO).and_then(|u| lock(&bus).dma.unmap(&u).map(|_| u.encode())),
            Command::DeviceSetIrqs => IrqSet::decode(&payload).map_err(|_| errno::EPROTO).and_then(|q| set_irqs(device, &mut lock(&bus).irqs, &q, fds)),
            _ if !fds.is_empty() => Err(errno::EINVAL),
            _ => answer(device, h.command, &payload, &bus),
        };
        if h.no_reply {
            continue;
        }
        let header = Header { msg_id: h.msg_id, command: h.command, size: 0, kind: Kind::Reply, no_reply: false, error: reply.as_ref().err().copied() };
        write_message(&mut stream, header, reply.as_deref().unwrap_or(&[]))?;
    }
}

/// The reply payload to one command, or the errno to answer with.
fn answer(device: &mut dyn Device, command: Command, p: &[u8], bus: &SharedBus) -> std::result::Result<Vec<u8>, u32> {
    match command {
        Command::Version => {
            Version::decode(p).map_err(|_| errno::EPROTO)?;
            Ok(Version { major: VERSION.0, minor: VERSION.1, capabilities: r#"{"capabilities":{"max_msg_fds":8,"max_data_xfer_size":1048576}}"#.into() }.encode())
        }
        Command::DeviceGetInfo => Ok(device.info().encode()),
        Command::DeviceGetRegionInfo => {
            let q = RegionInfo::decode(p).map_err(|_| errno::EPROTO)?;
            Ok(device.region_info(q.index).ok_or(errno::EINVAL)?.encode())
        }
        Command::RegionRead => {
            let q = RegionAccess::decode(p, false).map_err(|_| errno::EPROTO)?;
            if q.count as usize > 1024 * 1024 {
                return Err(errno::EINVAL);
            }
            let mut data = vec![0u8; q.count as usize];
            device.region_read(q.region, q.offset, &mut data, bus)?;
            Ok(RegionAccess { data, ..q }.encode())
        }
        Command::RegionWrite => {
            let q = RegionAccess::decode(p, true).map_err(|_| errno::EPROTO)?;
            device.region_write(q.region, q.offset, &q.data, bus)?;
            Ok(RegionAccess { data: Vec::new(), ..q }.encode())
        }
        Command::DeviceGetIrqInfo => {
            let q = IrqInfo::decode(p).map_err(|_| errno::EPROTO)?;
            let count = device.irq_count(q.index);
            if count == 0 {
                return Err(errno::EINVAL);
            }
            Ok(IrqInfo { argsz: IrqInfo::SIZE, flags: 1, index: q.index, count }.encode())
        }
        Command::DeviceReset => {
            device.reset();
            Ok(Vec::new())
        }
        _ => Err(errno::ENOTSUP),
    }
}

/// Reads one message and the descriptors sent with it.
fn read_message_fds(stream: &UnixStream) -> Result<(Header, Vec<u8>, Vec<OwnedFd>)> {
    let mut hb = [0u8; HEADER_SIZE];
    let mut fds = fds::recv_exact(stream, &mut hb)?;
    let h = Header::decode(&hb)?;
    let mut payload = vec![0u8; h.size as usize - HEADER_SIZE];
    fds.extend(fds::recv_exact(stream, &mut payload)?);
    if fds.len() > fds::MAX_FDS {
        return Err(crate::error::protocol("too many file descriptors", HEADER_SIZE));
    }
    Ok((h, payload, fds))
}

/// DEVICE_SET_IRQS: connect one eventfd per vector (trigger with eventfd data), or
/// disconnect the vectors (trigger with no data).
fn set_irqs(device: &dyn Device, irqs: &mut Irqs, q: &IrqSet, fds: Vec<OwnedFd>) -> std::result::Result<Vec<u8>, u32> {
    let end = q.start.checked_add(q.count).ok_or(errno::EINVAL)?;
    if q.flags & IRQ_SET_ACTION_TRIGGER == 0 || end > device.irq_count(q.index) {
        return Err(errno::EINVAL);
    }
    if q.flags == IRQ_SET_ACTION_TRIGGER | IRQ_SET_DATA_EVENTFD {
        if fds.len() != q.count as usize {
            return Err(errno::EINVAL);
        }
        for (v, fd) in (q.start..end).zip(fds) {
            irqs.fds.insert((q.index, v), EventFd::from_owned(fd));
        }
        Ok(Vec::new())
    } else if q.flags == IRQ_SET_ACTION_TRIGGER | IRQ_SET_DATA_NONE && fds.is_empty() {
        for v in q.start..end {
            irqs.fds.remove(&(q.index, v));
        }
        Ok(Vec::new())
    } else {
        Err(errno::ENOTSUP)
    }
}
