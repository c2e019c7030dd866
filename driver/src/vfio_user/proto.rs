//! The vfio-user wire format: a 16-byte header, then a command's payload, all little-endian
//! and packed. Decoding never trusts the peer: every length is checked against the bytes
//! actually there and against [`MAX_MESSAGE`], and a malformed message is an
//! [`Error::Protocol`](crate::Error::Protocol) naming the byte offset — never a panic, a
//! huge allocation or a hang.
//!
//! Header (16 bytes): `msg_id: u16`, `cmd: u16`, `msg_size: u32` (header included),
//! `flags: u32` (bits 0–3 the type: 0 command, 1 reply; bit 4 no-reply; bit 5 error; the
//! rest reserved, zero), `error_no: u32` (an errno in error replies).

use crate::error::{protocol, Error, Result};
use std::io::{Read, Write};

/// Size of the message header.
pub const HEADER_SIZE: usize = 16;
/// The largest message either side accepts (header included): region accesses of up to
/// 1 MiB plus their headers, as libvfio-user's default maximum transfer.
pub const MAX_MESSAGE: usize = 1024 * 1024 + 64;

/// The commands of the protocol (`cmd`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u16)]
pub enum Command {
    /// Version and capability negotiation (the first message of a connection).
    Version = 1,
    /// Make a range of the client's memory available for DMA (with a file descriptor).
    DmaMap = 2,
    /// Withdraw a DMA range.
    DmaUnmap = 3,
    /// Device flags and numbers of regions and interrupts.
    DeviceGetInfo = 4,
    /// One region's size, offset and flags.
    DeviceGetRegionInfo = 5,
    /// File descriptors for a region's I/O.
    DeviceGetRegionIoFds = 6,
    /// One interrupt type's count and flags.
    DeviceGetIrqInfo = 7,
    /// Attach eventfds to interrupts.
    DeviceSetIrqs = 8,
    /// Read from a region (e.g. BAR0 registers).
    RegionRead = 9,
    /// Write to a region.
    RegionWrite = 10,
    /// The device reads client memory that is not shared (server to client).
    DmaRead = 11,
    /// The device writes client memory that is not shared (server to client).
    DmaWrite = 12,
    /// Reset the device.
    DeviceReset = 13,
}

impl Command {
    /// The command numbered `n`, if the protocol has one.
    pub fn from_u16(n: u16) -> Option<Command> {
        use Command::*;
        Some(match n {
            1 => Version,
            2 => DmaMap,
            3 => DmaUnmap,
            4 => DeviceGetInfo,
            5 => DeviceGetRegionInfo,
            6 => DeviceGetRegionIoFds,
            7 => DeviceGetIrqInfo,
            8 => DeviceSetIrqs,
            9 => RegionRead,
            10 => RegionWrite,
            11 => DmaRead,
            12 => DmaWrite,
            13 => DeviceReset,
            _ => return None,
        })
    }
}

/// Whether a message is a command or a reply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A command (needs a reply unless `no_reply`).
    Command,
    /// A reply to the command with the same `msg_id`.
    Reply,
}

/// A decoded message header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Header {
    /// Matches a reply to its command.
    pub msg_id: u16,
    /// The command (also in replies).
    pub command: Command,
    /// Size of the whole message, header included.
    pub size: u32,
    /// Command or reply.
    pub kind: Kind,
    /// A command that wants no reply.
    pub no_reply: bool,
    /// In a reply: the errno of a failed command (`None` on success).
    pub error: Option<u32>,
}

const FLAG_TYPE_MASK: u32 = 0xf;
const FLAG_NO_REPLY: u32 = 1 << 4;
const FLAG_ERROR: u32 = 1 << 5;

impl Header {
    /// The header's 16 bytes.
    pub fn encode(&self) -> [u8; HEADER_SIZE] {
        let mut b = [0u8; HEADER_SIZE];
        b[0..2].copy_from_slice(&self.msg_id.to_le_bytes());
        b[2..4].copy_from_slice(&(self.command as u16).to_le_bytes());
        b[4..8].copy_from_slice(&self.size.to_le_bytes());
        let mut flags = match self.kind {
            Kind::Command => 0,
            Kind::Reply => 1,
        };
        if self.no_reply {
            flags |= FLAG_NO_REPLY;
        }
        if self.error.is_some() {
            flags |= FLAG_ERROR;
        }
        b[8..12].copy_from_slice(&flags.to_le_bytes());
        b[12..16].copy_from_slice(&self.error.unwrap_or(0).to_le_bytes());
        b
    }

    /// Decodes and checks a header: a known command, a known type, no reserved flag bits,
    /// `HEADER_SIZE ≤ size ≤ MAX_MESSAGE`, the error flag only on replies.
    pub fn decode(b: &[u8; HEADER_SIZE]) -> Result<Header> {
        let le16 = |i: usize| u16::from_le_bytes([b[i], b[i + 1]]);
        let le32 = |i: usize| u32::from_le_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]]);
        let cmd = le16(2);
        let command = Command::from_u16(cmd).ok_or_else(|| protocol(format!("unknown command {cmd}"), 2))?;
        let size = le32(4);
        if (size as usize) < HEADER_SIZE || size as usize > MAX_MESSAGE {
            return Err(protocol(format!("message size {size} outside {HEADER_SIZE}..={MAX_MESSAGE}"), 4));
        }
        let flags = le32(8);
        let kind = match flags & FLAG_TYPE_MASK {
            0 => Kind::Command,
            1 => Kind::Reply,
            t => return Err(protocol(format!("unknown message type {t}"), 8)),
        };
        if flags & !(FLAG_TYPE_MASK | FLAG_NO_REPLY | FLAG_ERROR) != 0 {
            return Err(protocol(format!("reserved flag bits set: {flags:#x}"), 8));
        }
        let error = if flags & FLAG_ERROR != 0 {
            if kind != Kind::Reply {
                return Err(protocol("error flag on a command", 8));
            }
            Some(le32(12))
        } else {
            None
        };
        Ok(Header { msg_id: le16(0), command, size, kind, no_reply: flags & FLAG_NO_REPLY != 0, error })
    }
}

/// Writes one message: `header` (its `size` is set here) and `payload`.
pub fn write_message(w: &mut impl Write, mut header: Header, payload: &[u8]) -> Result<()> {
    let size = HEADER_SIZE + payload.len();
    if size > MAX_MESSAGE {
        return Err(protocol(format!("payload of {} bytes exceeds the maximum message", payload.len()), HEADER_SIZE));
    }
    header.size = size as u32;
    let mut buf = Vec::with_capacity(size);
    buf.extend_from_slice(&header.encode());
    buf.extend_from_slice(payload);
    w.write_all(&buf).map_err(|source| Error::Io { what: "write vfio-user message", source })
}

/// Reads one message: its header and payload. A stream that ends inside a message, a
/// malformed header or a size beyond [`MAX_MESSAGE`] is an error.
pub fn read_message(r: &mut impl Read) -> Result<(Header, Vec<u8>)> {
    let mut hb = [0u8; HEADER_SIZE];
    r.read_exact(&mut hb).map_err(|source| Error::Io { what: "read vfio-user message header", source })?;
    let h = Header::decode(&hb)?;
    let mut payload = vec![0u8; h.size as usize - HEADER_SIZE];
    r.read_exact(&mut payload).map_err(|source| Error::Io { what: "read vfio-user message payload", source })?;
    Ok((h, payload))
}

/// A cursor over a payload that turns short reads into protocol errors with offsets.
struct Fields<'a> {
    b: &'a [u8],
    at: usize,
}

impl<'a> Fields<'a> {
    fn new(b: &'a [u8]) -> Self {
        Fields { b, at: 0 }
    }
    fn take(&mut self, n: usize, what: &str) -> Result<&'a [u8]> {
        let end = self.at.checked_add(n).filter(|&e| e <= self.b.len()).ok_or_else(|| {
            protocol(format!("payload ends inside {what} ({} bytes, {n} needed)", self.b.len() - self.at.min(self.b.len())), HEADER_SIZE + self.at)
        })?;
        let s = &self.b[self.at..end];
        self.at = end;
        Ok(s)
    }
    fn u16(&mut self, what: &str) -> Result<u16> {
        Ok(u16::from_le_bytes(self.take(2, what)?.try_into().unwrap()))
    }
    fn u32(&mut self, what: &str) -> Result<u32> {
        Ok(u32::from_le_bytes(self.take(4, what)?.try_into().unwrap()))
    }
    fn u64(&mut self, what: &str) -> Result<u64> {
        Ok(u64::from_le_bytes(self.take(8, what)?.try_into().unwrap()))
    }
    fn end(&self, what: &str) -> Result<()> {
        if self.at == self.b.len() {
            Ok(())
        } else {
            Err(protocol(format!("{} bytes after the end of {what}", self.b.len() - self.at), HEADER_SIZE + self.at))
        }
    }
}

/// `VFIO_USER_VERSION` payload (both directions): protocol version and a JSON capability
/// object (e.g. `{"capabilities":{"max_msg_fds":8}}`), NUL-terminated on the wire.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Version {
    /// Major version (the protocol is at 0).
    pub major: u16,
    /// Minor version.
    pub minor: u16,
    /// The capabilities, JSON text without the NUL.
    pub capabilities: String,
}

impl Version {
    /// Wire form.
    pub fn encode(&self) -> Vec<u8> {
        let mut v = Vec::with_capacity(5 + self.capabilities.len());
        v.extend_from_slice(&self.major.to_le_bytes());
        v.extend_from_slice(&self.minor.to_le_bytes());
        v.extend_from_slice(self.capabilities.as_bytes());
        v.push(0);
        v
    }
    /// Parses and checks (UTF-8, one terminating NUL, nothing after it).
    pub fn decode(p: &[u8]) -> Result<Version> {
        let mut f = Fields::new(p);
        let major = f.u16("the major version")?;
        let minor = f.u16("the minor version")?;
        let rest = &p[4..];
        let nul = rest.iter().position(|&c| c == 0).ok_or_else(|| protocol("capabilities are not NUL-terminated", HEADER_SIZE + p.len()))?;
        if nul + 1 != rest.len() {
            return Err(protocol("bytes after the capabilities' NUL", HEADER_SIZE + 4 + nul + 1));
        }
        let capabilities = std::str::from_utf8(&rest[..nul]).map_err(|e| protocol(format!("capabilities are not UTF-8: {e}"), HEADER_SIZE + 4 + e.valid_up_to()))?.to_string();
        Ok(Version { major, minor, capabilities })
    }
}

/// `VFIO_USER_DEVICE_GET_INFO` reply payload (the command sends it with only `argsz`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DeviceInfo {
    /// Size of this structure as the sender knows it (16).
    pub argsz: u32,
    /// `VFIO_DEVICE_FLAGS_*` (bit 0 reset, bit 1 PCI).
    pub flags: u32,
    /// Number of regions (PCI: 9 — six BARs, ROM, config space, VGA).
    pub num_regions: u32,
    /// Number of interrupt types (PCI: INTx, MSI, MSI-X, error, request).
    pub num_irqs: u32,
}

impl DeviceInfo {
    /// Size on the wire.
    pub const SIZE: u32 = 16;
    /// Wire form.
    pub fn encode(&self) -> Vec<u8> {
        [self.argsz, self.flags, self.num_regions, self.num_irqs].iter().flat_map(|x| x.to_le_bytes()).collect()
    }
    /// Parses and checks the exact size.
    pub fn decode(p: &[u8]) -> Result<DeviceInfo> {
        let mut f = Fields::new(p);
        let d = DeviceInfo { argsz: f.u32("argsz")?, flags: f.u32("flags")?, num_regions: f.u32("num_regions")?, num_irqs: f.u32("num_irqs")? };
        f.end("the device info")?;
        Ok(d)
    }
}

/// `VFIO_USER_DEVICE_GET_REGION_INFO` payload (command: `argsz` and `index`; reply: all) —
/// also the kernel's `struct vfio_region_info`, hence `repr(C)` (the kernel transport passes
/// it to `VFIO_DEVICE_GET_REGION_INFO`).
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct RegionInfo {
    /// Size of the structure (and of any capabilities after it) as the sender knows it.
    pub argsz: u32,
    /// `VFIO_REGION_INFO_FLAG_*`: bit 0 read, bit 1 write, bit 2 mmap, bit 3 caps.
    pub flags: u32,
    /// The region (PCI: 0–5 the BARs, 7 config space).
    pub index: u32,
    /// Offset of the first capability (0: none).
    pub cap_offset: u32,
    /// Size in bytes.
    pub size: u64,
    /// Offset to use when mapping the region's file descriptor.
    pub offset: u64,
}

impl RegionInfo {
    /// Size on the wire (without capabilities).
    pub const SIZE: u32 = 32;
    /// Wire form.
    pub fn encode(&self) -> Vec<u8> {
        let mut v = Vec::with_capacity(32);
        for x in [self.argsz, self.flags, self.index, self.cap_offset] {
            v.extend_from_slice(&x.to_le_bytes());
        }
        v.extend_from_slice(&self.size.to_le_bytes());
        v.extend_from_slice(&self.offset.to_le_bytes());
        v
    }
    /// Parses; `argsz` must cover the fixed part (it may be larger: a command's `argsz` is
    /// the room the client has for the reply's capabilities); bytes after the fixed part
    /// (capabilities) are ignored.
    pub fn decode(p: &[u8]) -> Result<RegionInfo> {
        let mut f = Fields::new(p);
        let r = RegionInfo {
            argsz: f.u32("argsz")?,
            flags: f.u32("flags")?,
            index: f.u32("index")?,
            cap_offset: f.u32("cap_offset")?,
            size: f.u64("size")?,
            offset: f.u64("offset")?,
        };
        if r.argsz < Self::SIZE {
            return Err(protocol(format!("argsz {} is below the structure's {} bytes", r.argsz, Self::SIZE), HEADER_SIZE));
        }
        Ok(r)
    }
}

/// `VFIO_USER_REGION_READ`/`WRITE` payload: the access and, in a write command and a read
/// reply, its data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegionAccess {
    /// Byte offset in the region.
    pub offset: u64,
    /// The region's index.
    pub region: u32,
    /// Bytes accessed.
    pub count: u32,
    /// The bytes (empty in a read command and a write reply).
    pub data: Vec<u8>,
}

impl RegionAccess {
    /// Wire form.
    pub fn encode(&self) -> Vec<u8> {
        let mut v = Vec::with_capacity(16 + self.data.len());
        v.extend_from_slice(&self.offset.to_le_bytes());
        v.extend_from_slice(&self.region.to_le_bytes());
        v.extend_from_slice(&self.count.to_le_bytes());
        v.extend_from_slice(&self.data);
        v
    }
    /// Parses; `with_data` says whether this message carries the `count` data bytes (which
    /// must then be exactly there) or none.
    pub fn decode(p: &[u8], with_data: bool) -> Result<RegionAccess> {
        let mut f = Fields::new(p);
        let offset = f.u64("offset")?;
        let region = f.u32("region")?;
        let count = f.u32("count")?;
        let data = if with_data { f.take(count as usize, "the data")?.to_vec() } else { Vec::new() };
        f.end("the region access")?;
        Ok(RegionAccess { offset, region, count, data })
    }
}

/// `VFIO_USER_DMA_MAP` payload (the memory's descriptor travels with the message).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DmaMap {
    /// Size of the structure (32).
    pub argsz: u32,
    /// Bit 0: the device may read; bit 1: it may write.
    pub flags: u32,
    /// Offset of the range in the descriptor.
    pub offset: u64,
    /// The I/O virtual address the device uses.
    pub addr: u64,
    /// Length in bytes.
    pub size: u64,
}

/// [`DmaMap::flags`]: the device may read the range.
pub const DMA_READ: u32 = 1;
/// [`DmaMap::flags`]: the device may write the range.
pub const DMA_WRITE: u32 = 2;

impl DmaMap {
    /// Size on the wire.
    pub const SIZE: u32 = 32;
    /// Wire form.
    pub fn encode(&self) -> Vec<u8> {
        let mut v = Vec::with_capacity(32);
        v.extend_from_slice(&self.argsz.to_le_bytes());
        v.extend_from_slice(&self.flags.to_le_bytes());
        for x in [self.offset, self.addr, self.size] {
            v.extend_from_slice(&x.to_le_bytes());
        }
        v
    }
    /// Parses and checks the exact size.
    pub fn decode(p: &[u8]) -> Result<DmaMap> {
        let mut f = Fields::new(p);
        let m = DmaMap { argsz: f.u32("argsz")?, flags: f.u32("flags")?, offset: f.u64("offset")?, addr: f.u64("addr")?, size: f.u64("size")? };
        f.end("the DMA map")?;
        Ok(m)
    }
}

/// `VFIO_USER_DMA_UNMAP` payload (without a dirty bitmap).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DmaUnmap {
    /// Size of the structure (24).
    pub argsz: u32,
    /// 0 (no dirty bitmap).
    pub flags: u32,
    /// The I/O virtual address of a mapped range.
    pub addr: u64,
    /// Its length.
    pub size: u64,
}

impl DmaUnmap {
    /// Size on the wire.
    pub const SIZE: u32 = 24;
    /// Wire form.
    pub fn encode(&self) -> Vec<u8> {
        let mut v = Vec::with_capacity(24);
        v.extend_from_slice(&self.argsz.to_le_bytes());
        v.extend_from_slice(&self.flags.to_le_bytes());
        v.extend_from_slice(&self.addr.to_le_bytes());
        v.extend_from_slice(&self.size.to_le_bytes());
        v
    }
    /// Parses and checks the exact size.
    pub fn decode(p: &[u8]) -> Result<DmaUnmap> {
        let mut f = Fields::new(p);
        let m = DmaUnmap { argsz: f.u32("argsz")?, flags: f.u32("flags")?, addr: f.u64("addr")?, size: f.u64("size")? };
        f.end("the DMA unmap")?;
        Ok(m)
    }
}

/// `VFIO_USER_DEVICE_GET_IRQ_INFO` payload (command: `argsz` and `index`; reply: all).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IrqInfo {
    /// Size of the structure (16).
    pub argsz: u32,
    /// `VFIO_IRQ_INFO_*` flags (bit 0 eventfd).
    pub flags: u32,
    /// Interrupt type (PCI: 0 INTx, 1 MSI, 2 MSI-X, 3 error, 4 request).
    pub index: u32,
    /// Number of vectors.
    pub count: u32,
}

impl IrqInfo {
    /// Size on the wire.
    pub const SIZE: u32 = 16;
    /// Wire form.
    pub fn encode(&self) -> Vec<u8> {
        [self.argsz, self.flags, self.index, self.count].iter().flat_map(|x| x.to_le_bytes()).collect()
    }
    /// Parses and checks the exact size.
    pub fn decode(p: &[u8]) -> Result<IrqInfo> {
        let mut f = Fields::new(p);
        let i = IrqInfo { argsz: f.u32("argsz")?, flags: f.u32("flags")?, index: f.u32("index")?, count: f.u32("count")? };
        f.end("the interrupt info")?;
        Ok(i)
    }
}

/// [`IrqSet::flags`]: the vectors' eventfds come with the message (one per vector).
pub const IRQ_SET_DATA_EVENTFD: u32 = 1 << 2;
/// [`IrqSet::flags`]: no data: disconnect the vectors.
pub const IRQ_SET_DATA_NONE: u32 = 1 << 0;
/// [`IrqSet::flags`]: the action is "trigger" (signal on interrupt).
pub const IRQ_SET_ACTION_TRIGGER: u32 = 1 << 5;

/// `VFIO_USER_DEVICE_SET_IRQS` payload (`vfio_irq_set` without inline data: eventfds travel
/// as descriptors).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IrqSet {
    /// Size of the structure (20).
    pub argsz: u32,
    /// `IRQ_SET_*` flags.
    pub flags: u32,
    /// Interrupt type.
    pub index: u32,
    /// First vector.
    pub start: u32,
    /// Number of vectors.
    pub count: u32,
}

impl IrqSet {
    /// Size on the wire.
    pub const SIZE: u32 = 20;
    /// Wire form.
    pub fn encode(&self) -> Vec<u8> {
        [self.argsz, self.flags, self.index, self.start, self.count].iter().flat_map(|x| x.to_le_bytes()).collect()
    }
    /// Parses and checks the exact size.
    pub fn decode(p: &[u8]) -> Result<IrqSet> {
        let mut f = Fields::new(p);
        let i = IrqSet { argsz: f.u32("argsz")?, flags: f.u32("flags")?, index: f.u32("index")?, start: f.u32("start")?, count: f.u32("count")? };
        f.end("the interrupt set")?;
        Ok(i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn header(kind: Kind, error: Option<u32>) -> Header {
        Header { msg_id: 7, command: Command::RegionRead, size: 0, kind, no_reply: false, error }
    }

    #[test]
    fn messages_round_trip_through_a_socket() {
        let (mut a, mut b) = std::os::unix::net::UnixStream::pair().unwrap();
        let access = RegionAccess { offset: 0x40, region: 0, count: 4, data: vec![1, 2, 3, 4] };
        write_message(&mut a, header(Kind::Reply, None), &access.encode()).unwrap();
        write_message(&mut a, header(Kind::Reply, Some(22)), &[]).unwrap();
        let (h, p) = read_message(&mut b).unwrap();
        assert_eq!((h.kind, h.error, h.size as usize), (Kind::Reply, None, HEADER_SIZE + 20));
        assert_eq!(RegionAccess::decode(&p, true).unwrap(), access);
        let (h, p) = read_message(&mut b).unwrap();
        assert_eq!((h.error, p.len()), (Some(22), 0));
    }

    #[test]
    fn malformed_headers_are_errors_with_offsets() {
        let good = header(Kind::Command, None);
        let mut b = Header { size: 16, ..good }.encode();
        assert!(Header::decode(&b).is_ok());
        let cases: [(usize, u8, usize); 4] = [
            (2, 99, 2),   // unknown command
            (4, 3, 4),    // size below the header
            (8, 2, 8),    // unknown type
            (11, 0x80, 8), // reserved flag bit
        ];
        for (byte, value, offset) in cases {
            let mut m = b;
            m[byte] = value;
            match Header::decode(&m) {
                Err(Error::Protocol { offset: o, .. }) => assert_eq!(o, offset, "byte {byte}"),
                other => panic!("byte {byte} = {value}: {other:?}"),
            }
        }
        // The error flag on a command.
        b[8] = 1 << 5;
        assert!(matches!(Header::decode(&b), Err(Error::Protocol { offset: 8, .. })));
    }

    #[test]
    fn a_huge_size_is_refused_before_allocating() {
        let mut b = Header { size: 16, ..header(Kind::Command, None) }.encode();
        b[4..8].copy_from_slice(&u32::MAX.to_le_bytes());
        let mut r: &[u8] = &b;
        assert!(matches!(read_message(&mut r), Err(Error::Protocol { offset: 4, .. })));
    }

    #[test]
    fn a_stream_ending_inside_a_message_is_an_io_error() {
        let mut b = Header { size: 16, ..header(Kind::Command, None) }.encode().to_vec();
        b[4..8].copy_from_slice(&40u32.to_le_bytes());
        b.extend_from_slice(&[0; 10]);
        let mut r: &[u8] = &b;
        assert!(matches!(read_message(&mut r), Err(Error::Io { .. })));
    }

    #[test]
    fn payloads_check_their_sizes() {
        assert!(DeviceInfo::decode(&[0; 12]).is_err());
        assert!(DeviceInfo::decode(&[0; 20]).is_err());
        let mut a = RegionAccess { offset: 0, region: 0, count: 8, data: vec![0; 8] }.encode();
        a.pop();
        assert!(matches!(RegionAccess::decode(&a, true), Err(Error::Protocol { .. })));
        assert!(RegionAccess::decode(&a[..16], false).is_ok());
        assert!(Version::decode(&[0, 0, 0, 0, b'{', b'}']).is_err(), "no NUL");
        assert!(Version::decode(&[0, 0, 0, 0, b'{', b'}', 0, 1]).is_err(), "bytes after the NUL");
        let mut r = RegionInfo { argsz: 32, flags: 3, index: 0, cap_offset: 0, size: 4096, offset: 0 }.encode();
        assert!(RegionInfo::decode(&r).is_ok());
        r[0] = 8;
        assert!(RegionInfo::decode(&r).is_err(), "argsz below the structure");
    }

    proptest! {
        #[test]
        fn payloads_round_trip(offset in any::<u64>(), region in any::<u32>(), data in proptest::collection::vec(any::<u8>(), 0..64),
                               major in any::<u16>(), minor in any::<u16>(), caps in "[ -~]{0,40}") {
            let a = RegionAccess { offset, region, count: data.len() as u32, data };
            prop_assert_eq!(RegionAccess::decode(&a.encode(), true).unwrap(), a);
            let v = Version { major, minor, capabilities: caps };
            prop_assert_eq!(Version::decode(&v.encode()).unwrap(), v);
            let d = DeviceInfo { argsz: 16, flags: region, num_regions: 9, num_irqs: 5 };
            prop_assert_eq!(DeviceInfo::decode(&d.encode()).unwrap(), d);
        }

        /// Random bytes never panic the decoders; they decode or give an error.
        #[test]
        fn garbage_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
            let mut r: &[u8] = &bytes;
            let _ = read_message(&mut r);
            let _ = Version::decode(&bytes);
            let _ = DeviceInfo::decode(&bytes);
            let _ = RegionInfo::decode(&bytes);
            let _ = RegionAccess::decode(&bytes, true);
            let _ = RegionAccess::decode(&bytes, false);
            let _ = DmaMap::decode(&bytes);
            let _ = DmaUnmap::decode(&bytes);
            let _ = IrqInfo::decode(&bytes);
            let _ = IrqSet::decode(&bytes);
        }
    }
}
