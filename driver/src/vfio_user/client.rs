//! The driver's vfio-user client: connects to a device server's UNIX socket, negotiates the
//! version, and reads and writes regions. Every reply is checked against its command (message
//! id, command, type); an error reply is [`Error::Remote`] with the device's errno; a reply
//! that does not arrive within the timeout is an I/O error (`TimedOut`), never a hang.

use super::fds;
use super::proto::{
    read_message, write_message, Command, DeviceInfo, DmaMap, DmaUnmap, Header, IrqInfo, IrqSet, Kind, RegionAccess, RegionInfo, Version, IRQ_SET_ACTION_TRIGGER,
    IRQ_SET_DATA_EVENTFD,
};
use crate::event::EventFd;
use std::os::fd::AsFd;
use crate::dma::DmaBuffer;
use std::os::fd::AsRawFd;
use crate::error::{protocol, Error, Result};
use std::os::unix::net::UnixStream;
use std::path::Path;
use std::time::Duration;

/// A connection to a vfio-user device.
#[derive(Debug)]
pub struct Client {
    stream: UnixStream,
    next_id: u16,
    /// The server's version reply.
    pub server: Version,
}

impl Client {
    /// Connects to the server at `path` and negotiates the version; replies must come within
    /// `timeout`.
    pub fn connect(path: &Path, timeout: Duration) -> Result<Client> {
        let stream = UnixStream::connect(path).map_err(|source| Error::Io { what: "connect to the vfio-user socket", source })?;
        stream.set_read_timeout(Some(timeout)).map_err(|source| Error::Io { what: "set the socket timeout", source })?;
        let mut c = Client { stream, next_id: 0, server: Version { major: 0, minor: 0, capabilities: String::new() } };
        let mine = Version { major: 0, minor: 2, capabilities: r#"{"capabilities":{"max_msg_fds":8}}"#.into() };
        let reply = c.call(Command::Version, &mine.encode())?;
        c.server = Version::decode(&reply)?;
        if c.server.major != 0 {
            return Err(protocol(format!("server speaks vfio-user {}.{}, this client 0.x", c.server.major, c.server.minor), 16));
        }
        Ok(c)
    }

    /// Sends a command and returns its reply's payload.
    pub fn call(&mut self, command: Command, payload: &[u8]) -> Result<Vec<u8>> {
        self.call_with_fds(command, payload, &[])
    }

    /// Sends a command with file descriptors attached and returns its reply's payload.
    pub fn call_with_fds(&mut self, command: Command, payload: &[u8], fds: &[std::os::fd::RawFd]) -> Result<Vec<u8>> {
        let id = self.next_id;
        self.next_id = self.next_id.wrapping_add(1);
        let h = Header { msg_id: id, command, size: 0, kind: Kind::Command, no_reply: false, error: None };
        if fds.is_empty() {
            write_message(&mut self.stream, h, payload)?;
        } else {
            let mut bytes = Vec::new();
            write_message(&mut bytes, h, payload)?;
            fds::send(&self.stream, &bytes, fds)?;
        }
        let (r, p) = read_message(&mut self.stream)?;
        if r.kind != Kind::Reply || r.msg_id != id || r.command != command {
            return Err(protocol(format!("expected the reply to command {} id {id}, got {:?} {} id {}", command as u16, r.kind, r.command as u16, r.msg_id), 0));
        }
        if let Some(errno) = r.error {
            return Err(Error::Remote { command: command as u16, errno });
        }
        Ok(p)
    }

    /// The device's flags and region and interrupt counts.
    pub fn device_info(&mut self) -> Result<DeviceInfo> {
        let q = DeviceInfo { argsz: DeviceInfo::SIZE, flags: 0, num_regions: 0, num_irqs: 0 };
        DeviceInfo::decode(&self.call(Command::DeviceGetInfo, &q.encode())?)
    }

    /// Region `index`'s description.
    pub fn region_info(&mut self, index: u32) -> Result<RegionInfo> {
        let q = RegionInfo { argsz: RegionInfo::SIZE, flags: 0, index, cap_offset: 0, size: 0, offset: 0 };
        RegionInfo::decode(&self.call(Command::DeviceGetRegionInfo, &q.encode())?)
    }

    /// Reads `data.len()` bytes at `offset` of region `region`.
    pub fn region_read(&mut self, region: u32, offset: u64, data: &mut [u8]) -> Result<()> {
        let q = RegionAccess { offset, region, count: data.len() as u32, data: Vec::new() };
        let r = RegionAccess::decode(&self.call(Command::RegionRead, &q.encode())?, true)?;
        if (r.offset, r.region, r.count) != (offset, region, data.len() as u32) {
            return Err(protocol("the read reply describes another access", 16));
        }
        data.copy_from_slice(&r.data);
        Ok(())
    }

    /// Writes `data` at `offset` of region `region`.
    pub fn region_write(&mut self, region: u32, offset: u64, data: &[u8]) -> Result<()> {
        let q = RegionAccess { offset, region, count: data.len() as u32, data: data.to_vec() };
        RegionAccess::decode(&self.call(Command::RegionWrite, &q.encode())?, false)?;
        Ok(())
    }

    /// Lets the device reach all of `buf` at I/O virtual address `iova`, with `flags`
    /// ([`super::proto::DMA_READ`], [`super::proto::DMA_WRITE`]).
    pub fn dma_map(&mut self, buf: &DmaBuffer, iova: u64, flags: u32) -> Result<()> {
        let m = DmaMap { argsz: DmaMap::SIZE, flags, offset: 0, addr: iova, size: buf.len() as u64 };
        self.call_with_fds(Command::DmaMap, &m.encode(), &[buf.fd().as_raw_fd()])?;
        Ok(())
    }

    /// Withdraws the range mapped at `iova` of `size` bytes.
    pub fn dma_unmap(&mut self, iova: u64, size: u64) -> Result<()> {
        let u = DmaUnmap { argsz: DmaUnmap::SIZE, flags: 0, addr: iova, size };
        self.call(Command::DmaUnmap, &u.encode())?;
        Ok(())
    }

    /// Number of vectors of interrupt type `index` (PCI: 1 MSI, 2 MSI-X).
    pub fn irq_count(&mut self, index: u32) -> Result<u32> {
        let q = IrqInfo { argsz: IrqInfo::SIZE, flags: 0, index, count: 0 };
        Ok(IrqInfo::decode(&self.call(Command::DeviceGetIrqInfo, &q.encode())?)?.count)
    }

    /// Connects `events` to vectors `start..` of interrupt type `index`: the device signals
    /// them.
    pub fn irq_connect(&mut self, index: u32, start: u32, events: &[&EventFd]) -> Result<()> {
        let q = IrqSet { argsz: IrqSet::SIZE, flags: IRQ_SET_ACTION_TRIGGER | IRQ_SET_DATA_EVENTFD, index, start, count: events.len() as u32 };
        let fds: Vec<_> = events.iter().map(|e| e.as_fd().as_raw_fd()).collect();
        self.call_with_fds(Command::DeviceSetIrqs, &q.encode(), &fds)?;
        Ok(())
    }

    /// Resets the device.
    pub fn reset(&mut self) -> Result<()> {
        self.call(Command::DeviceReset, &[])?;
        Ok(())
    }
}
