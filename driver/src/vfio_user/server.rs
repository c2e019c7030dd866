//! A vfio-user server: serves one [`Device`] on a UNIX socket to one client at a time, and
//! accepts the next client when one disconnects or dies (resetting the device first). The
//! simulated uhdpipe card (`uhdpipe-sim`) puts the Verilated RTL behind it; tests put a plain
//! memory behind it.
//!
//! Errors a client causes are answered with real errno values (`EINVAL` for a bad region or
//! range, `ENOTSUP` for a command this device does not implement, `EPROTO` for a malformed
//! payload); a message whose header cannot be parsed ends that connection (the stream can no
//! longer be framed) but never the server.

use super::proto::{read_message, write_message, Command, DeviceInfo, Header, Kind, RegionAccess, RegionInfo, Version};
use crate::error::{Error, Result};
use std::os::unix::net::{UnixListener, UnixStream};

/// errno values the server answers with.
pub mod errno {
    /// Invalid argument (bad region, offset or size).
    pub const EINVAL: u32 = 22;
    /// Protocol error (malformed payload).
    pub const EPROTO: u32 = 71;
    /// Operation not supported.
    pub const ENOTSUP: u32 = 95;
}

/// A device as the server sees it: regions to read and write, and a reset.
pub trait Device {
    /// Flags, region and interrupt counts.
    fn info(&self) -> DeviceInfo;
    /// Region `index`'s description, or `None` if there is no such region.
    fn region_info(&self, index: u32) -> Option<RegionInfo>;
    /// Reads `data.len()` bytes at `offset` of region `region`; an errno on failure.
    fn region_read(&mut self, region: u32, offset: u64, data: &mut [u8]) -> std::result::Result<(), u32>;
    /// Writes `data` at `offset` of region `region`; an errno on failure.
    fn region_write(&mut self, region: u32, offset: u64, data: &[u8]) -> std::result::Result<(), u32>;
    /// Returns the device to its power-on state.
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
pub fn session(mut stream: UnixStream, device: &mut dyn Device) -> Result<()> {
    loop {
        let (h, payload) = match read_message(&mut stream) {
            Ok(m) => m,
            Err(Error::Io { source, .. }) if source.kind() == std::io::ErrorKind::UnexpectedEof => return Ok(()),
            Err(e) => return Err(e),
        };
        if h.kind != Kind::Command {
            return Err(crate::error::protocol("a reply where a command was expected", 8));
        }
        let reply = answer(device, h.command, &payload);
        if h.no_reply {
            continue;
        }
        let header = Header { msg_id: h.msg_id, command: h.command, size: 0, kind: Kind::Reply, no_reply: false, error: reply.as_ref().err().copied() };
        write_message(&mut stream, header, reply.as_deref().unwrap_or(&[]))?;
    }
}

/// The reply payload to one command, or the errno to answer with.
fn answer(device: &mut dyn Device, command: Command, p: &[u8]) -> std::result::Result<Vec<u8>, u32> {
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
            device.region_read(q.region, q.offset, &mut data)?;
            Ok(RegionAccess { data, ..q }.encode())
        }
        Command::RegionWrite => {
            let q = RegionAccess::decode(p, true).map_err(|_| errno::EPROTO)?;
            device.region_write(q.region, q.offset, &q.data)?;
            Ok(RegionAccess { data: Vec::new(), ..q }.encode())
        }
        Command::DeviceReset => {
            device.reset();
            Ok(Vec::new())
        }
        _ => Err(errno::ENOTSUP),
    }
}
