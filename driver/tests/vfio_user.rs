//! The vfio-user client against the server over a real UNIX socket, with a plain memory and a
//! small copy engine as the device: version negotiation, device and region info, register
//! reads and writes, errno replies, reset, DMA through memfd buffers shared by descriptor
//! (with the IOMMU-like bounds and permission checks), hostile clients, and a new client
//! after one goes away.

use std::io::Write;
use std::os::unix::net::{UnixListener, UnixStream};
use std::time::Duration;
use uhdpipe_driver::vfio_user::client::Client;
use uhdpipe_driver::vfio_user::proto::{DeviceInfo, RegionInfo};
use uhdpipe_driver::dma::DmaBuffer;
use uhdpipe_driver::vfio_user::proto::{DMA_READ, DMA_WRITE};
use uhdpipe_driver::event::EventFd;
use uhdpipe_driver::transport::Transport;
use uhdpipe_driver::vfio_user::server::{errno, lock, serve, Device, SharedBus};
use uhdpipe_driver::Error;

/// BAR0 of 4 KiB of plain memory; resets to zero. Writing 1 to the doorbell at 0x214 copies
/// LEN (0x210, u32) bytes from SRC (0x200, u64) to DST (0x208, u64) by DMA, leaves 0 or
/// the errno in STATUS (0x218) and signals MSI vector 0.
struct Memory(Vec<u8>);

impl Device for Memory {
    fn info(&self) -> DeviceInfo {
        DeviceInfo { argsz: DeviceInfo::SIZE, flags: 3, num_regions: 9, num_irqs: 5 }
    }
    fn irq_count(&self, index: u32) -> u32 {
        if index == 1 {
            1
        } else {
            0
        }
    }
    fn region_info(&self, index: u32) -> Option<RegionInfo> {
        (index == 0).then_some(RegionInfo { argsz: RegionInfo::SIZE, flags: 3, index, cap_offset: 0, size: self.0.len() as u64, offset: 0 })
    }
    fn region_read(&mut self, region: u32, offset: u64, data: &mut [u8], _bus: &SharedBus) -> Result<(), u32> {
        let r = self.range(region, offset, data.len())?;
        data.copy_from_slice(&self.0[r]);
        Ok(())
    }
    fn region_write(&mut self, region: u32, offset: u64, data: &[u8], bus: &SharedBus) -> Result<(), u32> {
        let r = self.range(region, offset, data.len())?;
        self.0[r].copy_from_slice(data);
        if offset == 0x214 && data == 1u32.to_le_bytes() {
            let word = |o: usize| u64::from_le_bytes(self.0[o..o + 8].try_into().unwrap());
            let (src, dst, len) = (word(0x200), word(0x208), word(0x210) as u32 as usize);
            let mut tmp = vec![0u8; len];
            let mut bus = lock(bus);
            let status = bus.dma.read(src, &mut tmp).and_then(|_| bus.dma.write(dst, &tmp)).err().unwrap_or(0);
            bus.irqs.trigger(1, 0);
            self.0[0x218..0x21c].copy_from_slice(&status.to_le_bytes());
        }
        Ok(())
    }
    fn reset(&mut self) {
        self.0.fill(0);
    }
}

impl Memory {
    fn range(&self, region: u32, offset: u64, len: usize) -> Result<std::ops::Range<usize>, u32> {
        let end = offset.checked_add(len as u64).filter(|&e| region == 0 && e <= self.0.len() as u64).ok_or(errno::EINVAL)?;
        Ok(offset as usize..end as usize)
    }
}

fn server() -> (std::path::PathBuf, tempdir::Dir) {
    let dir = tempdir::Dir::new();
    let path = dir.0.join("dev.sock");
    let listener = UnixListener::bind(&path).unwrap();
    std::thread::spawn(move || {
        let mut mem = Memory(vec![0; 4096]);
        let _ = serve(&listener, &mut mem);
    });
    (path, dir)
}

mod tempdir {
    /// A directory removed on drop.
    pub struct Dir(pub std::path::PathBuf);
    impl Dir {
        pub fn new() -> Dir {
            static N: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
            let p = std::env::temp_dir().join(format!("uhdpipe-vfio-user-{}-{}", std::process::id(), N.fetch_add(1, std::sync::atomic::Ordering::Relaxed)));
            std::fs::create_dir_all(&p).unwrap();
            Dir(p)
        }
    }
    impl Drop for Dir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }
}

const T: Duration = Duration::from_secs(5);

#[test]
fn registers_round_trip_and_errors_carry_errno() {
    let (path, _dir) = server();
    let mut c = Client::connect(&path, T).unwrap();
    assert_eq!(c.server.major, 0);
    assert_eq!(c.device_info().unwrap().num_regions, 9);
    assert_eq!(c.region_info(0).unwrap().size, 4096);
    assert!(matches!(c.region_info(3), Err(Error::Remote { errno: 22, .. })));
    c.region_write(0, 0x100, &0xdead_beef_u32.to_le_bytes()).unwrap();
    let mut b = [0u8; 4];
    c.region_read(0, 0x100, &mut b).unwrap();
    assert_eq!(u32::from_le_bytes(b), 0xdead_beef);
    assert!(matches!(c.region_read(0, 4094, &mut b), Err(Error::Remote { errno: 22, .. })), "a read past the region's end");
    assert!(matches!(c.region_write(1, 0, &b), Err(Error::Remote { errno: 22, .. })), "a write to a missing region");
    c.reset().unwrap();
    c.region_read(0, 0x100, &mut b).unwrap();
    assert_eq!(b, [0; 4], "reset clears the device");
}

#[test]
fn a_new_client_after_one_goes_away_gets_a_reset_device() {
    let (path, _dir) = server();
    let mut c = Client::connect(&path, T).unwrap();
    c.region_write(0, 8, &[1, 2, 3, 4]).unwrap();
    drop(c);
    let mut c = Client::connect(&path, T).unwrap();
    let mut b = [9u8; 4];
    c.region_read(0, 8, &mut b).unwrap();
    assert_eq!(b, [0; 4]);
}

#[test]
fn hostile_clients_do_not_stop_the_server() {
    let (path, _dir) = server();
    // Garbage that cannot be framed ends that session only.
    let mut s = UnixStream::connect(&path).unwrap();
    s.write_all(&[0xff; 64]).unwrap();
    drop(s);
    // A header announcing a huge message, then nothing.
    let mut s = UnixStream::connect(&path).unwrap();
    let mut h = [0u8; 16];
    h[2] = 9;
    h[4..8].copy_from_slice(&u32::MAX.to_le_bytes());
    s.write_all(&h).unwrap();
    drop(s);
    // A well-framed command with a truncated payload gets EPROTO, and the session goes on.
    let mut c = Client::connect(&path, T).unwrap();
    assert!(matches!(c.call(uhdpipe_driver::vfio_user::proto::Command::RegionWrite, &[0; 10]), Err(Error::Remote { errno: 71, .. })));
    assert!(matches!(c.call(uhdpipe_driver::vfio_user::proto::Command::DmaRead, &[]), Err(Error::Remote { errno: 95, .. })), "unsupported command");
    let mut b = [0u8; 4];
    c.region_read(0, 0, &mut b).unwrap();
}

/// Programs the copy engine through the driver's transport interface and returns its status.
fn copy(c: &mut impl Transport, src: u64, dst: u64, len: u32) -> u32 {
    c.write32(0, 0x200, src as u32).unwrap();
    c.write32(0, 0x204, (src >> 32) as u32).unwrap();
    c.write32(0, 0x208, dst as u32).unwrap();
    c.write32(0, 0x20c, (dst >> 32) as u32).unwrap();
    c.write32(0, 0x210, len).unwrap();
    c.write32(0, 0x214, 1).unwrap();
    c.read32(0, 0x218).unwrap()
}

#[test]
fn dma_through_shared_memory_with_iommu_checks() {
    let (path, _dir) = server();
    let mut c = Client::connect(&path, T).unwrap();
    let mut src = DmaBuffer::new(8192).unwrap();
    let dst = DmaBuffer::new(8192).unwrap();
    for (i, b) in src.as_mut_slice().iter_mut().enumerate() {
        *b = (i * 7) as u8;
    }
    c.dma_map(&src, 0x10_0000, DMA_READ).unwrap();
    c.dma_map(&dst, 0x20_0000, DMA_READ | DMA_WRITE).unwrap();
    assert_eq!(copy(&mut c, 0x10_0000 + 100, 0x20_0000 + 8, 5000), 0);
    assert_eq!(&dst.as_slice()[8..5008], &src.as_slice()[100..5100], "the device's writes land in the client's buffer");
    assert!(dst.as_slice()[..8].iter().all(|&b| b == 0));
    // Outside every mapping, across a mapping's end, into a read-only mapping: refused.
    assert_eq!(copy(&mut c, 0x30_0000, 0x20_0000, 16), errno::EFAULT);
    assert_eq!(copy(&mut c, 0x10_0000 + 8000, 0x20_0000, 1000), errno::EFAULT);
    assert_eq!(copy(&mut c, 0x20_0000, 0x10_0000, 16), errno::EFAULT);
    // Overlapping maps and unknown unmaps are refused; after an unmap the range is gone.
    assert!(matches!(c.dma_map(&src, 0x20_0000 + 4096, DMA_READ), Err(Error::Remote { errno: 22, .. })));
    assert!(matches!(c.dma_unmap(0x40_0000, 4096), Err(Error::Remote { errno: 22, .. })));
    c.dma_unmap(0x10_0000, src.len() as u64).unwrap();
    assert_eq!(copy(&mut c, 0x10_0000, 0x20_0000, 16), errno::EFAULT);
    // A DMA map without a descriptor.
    let m = uhdpipe_driver::vfio_user::proto::DmaMap { argsz: 32, flags: DMA_READ, offset: 0, addr: 0x50_0000, size: 4096 };
    assert!(matches!(c.call(uhdpipe_driver::vfio_user::proto::Command::DmaMap, &m.encode()), Err(Error::Remote { errno: 9, .. })));
}

#[test]
fn completion_interrupts_arrive_as_eventfds() {
    let (path, _dir) = server();
    let mut c = Client::connect(&path, T).unwrap();
    assert_eq!(c.irq_count(1).unwrap(), 1);
    assert!(matches!(c.irq_count(2), Err(Error::Remote { errno: 22, .. })), "no MSI-X");
    let done = EventFd::new().unwrap();
    c.irq_connect(1, 0, &[&done]).unwrap();
    assert!(matches!(c.irq_connect(1, 1, &[&done]), Err(Error::Remote { errno: 22, .. })), "vector beyond the count");
    assert_eq!(done.wait(Duration::from_millis(10)).unwrap(), 0, "no interrupt before the job");
    let buf = DmaBuffer::new(4096).unwrap();
    c.dma_map(&buf, 0x1000, DMA_READ | DMA_WRITE).unwrap();
    assert_eq!(copy(&mut c, 0x1000, 0x1800, 64), 0);
    assert_eq!(done.wait(T).unwrap(), 1, "one completion interrupt");
}
