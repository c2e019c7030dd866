//! The kernel VFIO transport: a card bound to `vfio-pci`, opened through the legacy
//! container/group interface (`/dev/vfio/vfio`, `/dev/vfio/<group>`) with the type-1 v2
//! IOMMU, BAR0 mapped into this process when the region allows it (else reached with
//! `pread`/`pwrite` on the device descriptor), DMA mapped by virtual address, MSI-X vectors
//! as eventfds, and function-level reset.
//!
//! Machines without VFIO in the kernel cannot open a device; [`KernelVfio::open`] then says
//! exactly what is missing (via [`super::sysfs`]). What runs anywhere is tested: the ioctl
//! numbers and structure layouts against `<linux/vfio.h>`, and region access through a
//! descriptor ([`KernelVfio::with_region`] over a plain file).

use super::sysfs;
use crate::dma::DmaBuffer;
use crate::error::{Error, Result};
use crate::event::EventFd;
use crate::transport::Transport;
pub use crate::vfio_user::proto::RegionInfo;
use crate::vfio_user::proto::{DMA_READ, DMA_WRITE, IRQ_SET_ACTION_TRIGGER, IRQ_SET_DATA_EVENTFD};
use std::fs::{File, OpenOptions};
use std::os::fd::AsRawFd;
use std::os::unix::fs::FileExt;
use std::path::Path;

/// `VFIO_TYPE` (';') and `VFIO_BASE` of `<linux/vfio.h>`: every VFIO ioctl is `_IO(';', 100 + n)`.
const fn vfio_io(n: u64) -> u64 {
    (b';' as u64) << 8 | (100 + n)
}

/// The ioctl numbers used here.
pub mod ioctl {
    use super::vfio_io;
    /// `VFIO_GET_API_VERSION`.
    pub const GET_API_VERSION: u64 = vfio_io(0);
    /// `VFIO_CHECK_EXTENSION`.
    pub const CHECK_EXTENSION: u64 = vfio_io(1);
    /// `VFIO_SET_IOMMU`.
    pub const SET_IOMMU: u64 = vfio_io(2);
    /// `VFIO_GROUP_GET_STATUS`.
    pub const GROUP_GET_STATUS: u64 = vfio_io(3);
    /// `VFIO_GROUP_SET_CONTAINER`.
    pub const GROUP_SET_CONTAINER: u64 = vfio_io(4);
    /// `VFIO_GROUP_GET_DEVICE_FD`.
    pub const GROUP_GET_DEVICE_FD: u64 = vfio_io(6);
    /// `VFIO_DEVICE_GET_REGION_INFO`.
    pub const DEVICE_GET_REGION_INFO: u64 = vfio_io(8);
    /// `VFIO_DEVICE_SET_IRQS`.
    pub const DEVICE_SET_IRQS: u64 = vfio_io(10);
    /// `VFIO_DEVICE_RESET`.
    pub const DEVICE_RESET: u64 = vfio_io(11);
    /// `VFIO_IOMMU_MAP_DMA`.
    pub const IOMMU_MAP_DMA: u64 = vfio_io(13);
    /// `VFIO_IOMMU_UNMAP_DMA`.
    pub const IOMMU_UNMAP_DMA: u64 = vfio_io(14);
    /// `VFIO_DEVICE_GET_IRQ_INFO`.
    pub const DEVICE_GET_IRQ_INFO: u64 = vfio_io(9);
}

/// `VFIO_API_VERSION`.
const API_VERSION: i32 = 0;
/// `VFIO_TYPE1v2_IOMMU`.
const TYPE1V2_IOMMU: u64 = 3;
/// `VFIO_GROUP_FLAGS_VIABLE`.
const GROUP_VIABLE: u32 = 1;
/// `VFIO_REGION_INFO_FLAG_MMAP`.
const REGION_MMAP: u32 = 1 << 2;
/// `VFIO_PCI_BAR0_REGION_INDEX`.
const BAR0: u32 = 0;

/// `struct vfio_group_status`.
#[repr(C)]
#[derive(Debug, Default, Clone, Copy)]
pub struct GroupStatus {
    /// Size of the structure.
    pub argsz: u32,
    /// `VFIO_GROUP_FLAGS_*`.
    pub flags: u32,
}

/// `struct vfio_iommu_type1_dma_map`.
#[repr(C)]
#[derive(Debug, Default, Clone, Copy)]
pub struct DmaMap {
    /// Size of the structure.
    pub argsz: u32,
    /// `VFIO_DMA_MAP_FLAG_READ` (1) / `_WRITE` (2): what the device may do.
    pub flags: u32,
    /// Process virtual address.
    pub vaddr: u64,
    /// I/O virtual address.
    pub iova: u64,
    /// Bytes.
    pub size: u64,
}

/// `struct vfio_iommu_type1_dma_unmap` (without the bitmap).
#[repr(C)]
#[derive(Debug, Default, Clone, Copy)]
pub struct DmaUnmap {
    /// Size of the structure.
    pub argsz: u32,
    /// Flags (0).
    pub flags: u32,
    /// I/O virtual address.
    pub iova: u64,
    /// Bytes.
    pub size: u64,
}

/// `struct vfio_irq_info`.
#[repr(C)]
#[derive(Debug, Default, Clone, Copy)]
pub struct IrqInfo {
    /// Size of the structure.
    pub argsz: u32,
    /// `VFIO_IRQ_INFO_*`.
    pub flags: u32,
    /// Interrupt type index.
    pub index: u32,
    /// Vectors.
    pub count: u32,
}

/// `struct vfio_irq_set` followed by up to 8 eventfds.
#[repr(C)]
#[derive(Debug, Default, Clone, Copy)]
struct IrqSet {
    argsz: u32,
    flags: u32,
    index: u32,
    start: u32,
    count: u32,
    fds: [i32; 8],
}

/// One ioctl with a pointer argument; the error names it.
///
/// # Safety
/// `arg` must point to a value of the layout the ioctl `req` expects, valid for its
/// reads and writes.
unsafe fn ioctl_ptr<T>(fd: &File, req: u64, arg: *mut T, what: &'static str) -> Result<i32> {
    // SAFETY: the caller guarantees `arg`'s layout and validity for `req`.
    let r = unsafe { libc::ioctl(fd.as_raw_fd(), req as libc::c_ulong, arg) };
    if r < 0 {
        return Err(Error::Io { what, source: std::io::Error::last_os_error() });
    }
    Ok(r)
}

/// One ioctl with an integer argument (or none).
fn ioctl_val(fd: &File, req: u64, arg: u64, what: &'static str) -> Result<i32> {
    // SAFETY: these requests take an integer (or nothing), never a pointer.
    let r = unsafe { libc::ioctl(fd.as_raw_fd(), req as libc::c_ulong, arg as libc::c_ulong) };
    if r < 0 {
        return Err(Error::Io { what, source: std::io::Error::last_os_error() });
    }
    Ok(r)
}

/// BAR0 as this process reaches it.
struct Bar {
    info: RegionInfo,
    /// The mapping, when the region allows mmap.
    map: Option<std::ptr::NonNull<u8>>,
}

/// An open card.
pub struct KernelVfio {
    container: Option<File>,
    _group: Option<File>,
    device: File,
    bar: Bar,
}

// SAFETY: the BAR mapping is owned by this value and reached only through `&mut self`
// (volatile accesses); the descriptors are ordinary files.
unsafe impl Send for KernelVfio {}

impl KernelVfio {
    /// Opens the card at `bdf` (`root` is `/` except in tests): checks it in sysfs (bound to
    /// vfio-pci, in an IOMMU group), opens the container and the group, sets the type-1 v2
    /// IOMMU, gets the device and maps BAR0. Each failure says what to do.
    pub fn open(root: &Path, bdf: &str) -> Result<KernelVfio> {
        let f = sysfs::inspect(root, bdf)?;
        let group_node = sysfs::vfio_group_node(root, &f)?;
        let open = |p: &Path| OpenOptions::new().read(true).write(true).open(p);
        let container_node = root.join("dev/vfio/vfio");
        let container = open(&container_node).map_err(|source| Error::Io { what: "open /dev/vfio/vfio (is the vfio module loaded?)", source })?;
        if ioctl_val(&container, ioctl::GET_API_VERSION, 0, "VFIO_GET_API_VERSION")? != API_VERSION {
            return Err(Error::Device { what: "the kernel's VFIO API version is not 0".into() });
        }
        if ioctl_val(&container, ioctl::CHECK_EXTENSION, TYPE1V2_IOMMU, "VFIO_CHECK_EXTENSION")? != 1 {
            return Err(Error::Device { what: "the kernel's VFIO has no type-1 v2 IOMMU (needed for DMA mapping)".into() });
        }
        let group = open(&group_node).map_err(|source| Error::Io { what: "open the VFIO group (permissions? another process?)", source })?;
        let mut st = GroupStatus { argsz: std::mem::size_of::<GroupStatus>() as u32, flags: 0 };
        // SAFETY: `st` is a vfio_group_status.
        unsafe { ioctl_ptr(&group, ioctl::GROUP_GET_STATUS, &mut st, "VFIO_GROUP_GET_STATUS")? };
        if st.flags & GROUP_VIABLE == 0 {
            return Err(Error::Device { what: format!("IOMMU group {} is not viable: bind every device in it to vfio-pci (or leave them unbound)", f.iommu_group.unwrap_or(0)) });
        }
        let mut cfd = container.as_raw_fd();
        // SAFETY: the argument is a pointer to the container's descriptor, as the ioctl expects.
        unsafe { ioctl_ptr(&group, ioctl::GROUP_SET_CONTAINER, &mut cfd, "VFIO_GROUP_SET_CONTAINER")? };
        ioctl_val(&container, ioctl::SET_IOMMU, TYPE1V2_IOMMU, "VFIO_SET_IOMMU")?;
        let name = std::ffi::CString::new(f.bdf.clone()).map_err(|_| Error::Device { what: "PCI address with a NUL byte".into() })?;
        // SAFETY: the argument is a NUL-terminated device name, as the ioctl expects.
        let dfd = unsafe { ioctl_ptr(&group, ioctl::GROUP_GET_DEVICE_FD, name.as_ptr() as *mut libc::c_char, "VFIO_GROUP_GET_DEVICE_FD")? };
        // SAFETY: the ioctl returned a new descriptor this process owns.
        let device = unsafe { <File as std::os::fd::FromRawFd>::from_raw_fd(dfd) };
        let mut info = RegionInfo { argsz: std::mem::size_of::<RegionInfo>() as u32, index: BAR0, ..RegionInfo::default() };
        // SAFETY: `info` is a vfio_region_info.
        unsafe { ioctl_ptr(&device, ioctl::DEVICE_GET_REGION_INFO, &mut info, "VFIO_DEVICE_GET_REGION_INFO")? };
        let mut v = Self::with_region(device, info)?;
        v.container = Some(container);
        v._group = Some(group);
        Ok(v)
    }

    /// A device from its descriptor and BAR0's region description (what [`KernelVfio::open`]
    /// obtains): maps the region if its flags allow, else reaches it with `pread`/`pwrite`.
    /// Without a container, DMA mapping is refused.
    pub fn with_region(device: File, info: RegionInfo) -> Result<KernelVfio> {
        if info.size < 4 {
            return Err(Error::Device { what: format!("BAR0 is {} bytes: no registers", info.size) });
        }
        let mut map = None;
        if info.flags & REGION_MMAP != 0 {
            // SAFETY: maps the region's range of the device descriptor; the result is checked.
            let p = unsafe { libc::mmap(std::ptr::null_mut(), info.size as usize, libc::PROT_READ | libc::PROT_WRITE, libc::MAP_SHARED, device.as_raw_fd(), info.offset as libc::off_t) };
            if p != libc::MAP_FAILED {
                map = std::ptr::NonNull::new(p as *mut u8);
            }
        }
        Ok(KernelVfio { container: None, _group: None, device, bar: Bar { info, map } })
    }

    /// Whether BAR0 is mapped (else accessed with system calls).
    pub fn bar_mapped(&self) -> bool {
        self.bar.map.is_some()
    }

    fn check(&self, bar: u32, offset: u64) -> Result<()> {
        if bar != BAR0 || !offset.is_multiple_of(4) || offset + 4 > self.bar.info.size {
            return Err(Error::Device { what: format!("register access outside BAR0: BAR {bar}, offset {offset:#x} (BAR0 is {:#x} bytes)", self.bar.info.size) });
        }
        Ok(())
    }

    fn container(&self) -> Result<&File> {
        self.container.as_ref().ok_or_else(|| Error::Device { what: "no VFIO container (a device opened without one cannot map DMA)".into() })
    }
}

impl Drop for KernelVfio {
    fn drop(&mut self) {
        if let Some(p) = self.bar.map {
            // SAFETY: unmapping the mapping made in `with_region`, once.
            unsafe { libc::munmap(p.as_ptr() as *mut libc::c_void, self.bar.info.size as usize) };
        }
    }
}

impl Transport for KernelVfio {
    fn read32(&mut self, bar: u32, offset: u64) -> Result<u32> {
        self.check(bar, offset)?;
        if let Some(p) = self.bar.map {
            // SAFETY: `check` bounded the word inside the mapped BAR; it is 4-byte aligned; a
            // volatile read is one bus read of the register.
            return Ok(u32::from_le(unsafe { std::ptr::read_volatile(p.as_ptr().add(offset as usize) as *const u32) }));
        }
        let mut b = [0u8; 4];
        self.device.read_exact_at(&mut b, self.bar.info.offset + offset).map_err(|source| Error::Io { what: "read a BAR0 register", source })?;
        Ok(u32::from_le_bytes(b))
    }
    fn write32(&mut self, bar: u32, offset: u64, value: u32) -> Result<()> {
        self.check(bar, offset)?;
        if let Some(p) = self.bar.map {
            // SAFETY: as in `read32`; a volatile write is one bus write.
            unsafe { std::ptr::write_volatile(p.as_ptr().add(offset as usize) as *mut u32, value.to_le()) };
            return Ok(());
        }
        self.device.write_all_at(&value.to_le_bytes(), self.bar.info.offset + offset).map_err(|source| Error::Io { what: "write a BAR0 register", source })
    }
    fn dma_map(&mut self, buf: &DmaBuffer, iova: u64, flags: u32) -> Result<()> {
        let c = self.container()?;
        let mut m = DmaMap { argsz: std::mem::size_of::<DmaMap>() as u32, flags: flags & (DMA_READ | DMA_WRITE), vaddr: buf.as_slice().as_ptr() as u64, iova, size: buf.len() as u64 };
        // SAFETY: `m` is a vfio_iommu_type1_dma_map naming memory `buf` owns; the caller keeps
        // `buf` alive until it unmaps (the queue and accelerator do).
        unsafe { ioctl_ptr(c, ioctl::IOMMU_MAP_DMA, &mut m, "VFIO_IOMMU_MAP_DMA")? };
        Ok(())
    }
    fn dma_unmap(&mut self, iova: u64, size: u64) -> Result<()> {
        let c = self.container()?;
        let mut u = DmaUnmap { argsz: std::mem::size_of::<DmaUnmap>() as u32, flags: 0, iova, size };
        // SAFETY: `u` is a vfio_iommu_type1_dma_unmap.
        unsafe { ioctl_ptr(c, ioctl::IOMMU_UNMAP_DMA, &mut u, "VFIO_IOMMU_UNMAP_DMA")? };
        Ok(())
    }
    fn irq_connect(&mut self, index: u32, start: u32, events: &[&EventFd]) -> Result<()> {
        if events.is_empty() || events.len() > 8 {
            return Err(Error::Device { what: format!("{} eventfds: connect 1 to 8 at a time", events.len()) });
        }
        let mut s = IrqSet { argsz: (20 + 4 * events.len()) as u32, flags: IRQ_SET_DATA_EVENTFD | IRQ_SET_ACTION_TRIGGER, index, start, count: events.len() as u32, fds: [-1; 8] };
        for (slot, e) in s.fds.iter_mut().zip(events) {
            *slot = std::os::fd::AsFd::as_fd(*e).as_raw_fd();
        }
        // SAFETY: `s` is a vfio_irq_set with `count` eventfds after its header, as argsz says.
        unsafe { ioctl_ptr(&self.device, ioctl::DEVICE_SET_IRQS, &mut s, "VFIO_DEVICE_SET_IRQS")? };
        Ok(())
    }
    fn irq_count(&mut self, index: u32) -> Result<u32> {
        let mut i = IrqInfo { argsz: std::mem::size_of::<IrqInfo>() as u32, index, ..IrqInfo::default() };
        // SAFETY: `i` is a vfio_irq_info.
        unsafe { ioctl_ptr(&self.device, ioctl::DEVICE_GET_IRQ_INFO, &mut i, "VFIO_DEVICE_GET_IRQ_INFO")? };
        Ok(i.count)
    }
    fn reset(&mut self) -> Result<()> {
        ioctl_val(&self.device, ioctl::DEVICE_RESET, 0, "VFIO_DEVICE_RESET")?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The ioctl numbers and structure sizes are the kernel header's (compiled with `cc`).
    #[test]
    fn numbers_and_layouts_match_linux_vfio_h() {
        let dir = std::env::temp_dir().join(format!("uhdpipe-vfio-h-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let src = dir.join("v.c");
        std::fs::write(
            &src,
            r#"#include <linux/vfio.h>
#include <stdio.h>
int main(void) {
  printf("%lu %lu %lu %lu %lu %lu %lu %lu %lu %lu %lu %lu\n", (unsigned long)VFIO_GET_API_VERSION, (unsigned long)VFIO_CHECK_EXTENSION,
    (unsigned long)VFIO_SET_IOMMU, (unsigned long)VFIO_GROUP_GET_STATUS, (unsigned long)VFIO_GROUP_SET_CONTAINER,
    (unsigned long)VFIO_GROUP_GET_DEVICE_FD, (unsigned long)VFIO_DEVICE_GET_REGION_INFO, (unsigned long)VFIO_DEVICE_GET_IRQ_INFO,
    (unsigned long)VFIO_DEVICE_SET_IRQS, (unsigned long)VFIO_DEVICE_RESET, (unsigned long)VFIO_IOMMU_MAP_DMA, (unsigned long)VFIO_IOMMU_UNMAP_DMA);
  printf("%lu %lu %lu %lu %lu %d %d %d %d\n", sizeof(struct vfio_group_status), sizeof(struct vfio_region_info), sizeof(struct vfio_iommu_type1_dma_map),
    sizeof(struct vfio_iommu_type1_dma_unmap), sizeof(struct vfio_irq_info), VFIO_TYPE1v2_IOMMU, VFIO_API_VERSION, VFIO_REGION_INFO_FLAG_MMAP, VFIO_GROUP_FLAGS_VIABLE);
  return 0;
}
"#,
        )
        .unwrap();
        let exe = dir.join("v");
        let cc = std::process::Command::new("cc").arg(&src).arg("-o").arg(&exe).output().expect("a C compiler (cc)");
        assert!(cc.status.success(), "compiling against <linux/vfio.h> (Debian: linux-libc-dev): {}", String::from_utf8_lossy(&cc.stderr));
        let out = String::from_utf8(std::process::Command::new(&exe).output().unwrap().stdout).unwrap();
        let _ = std::fs::remove_dir_all(&dir);
        let mut lines = out.lines();
        let nums: Vec<u64> = lines.next().unwrap().split(' ').map(|v| v.parse().unwrap()).collect();
        use ioctl::*;
        assert_eq!(
            nums,
            vec![GET_API_VERSION, CHECK_EXTENSION, SET_IOMMU, GROUP_GET_STATUS, GROUP_SET_CONTAINER, GROUP_GET_DEVICE_FD, DEVICE_GET_REGION_INFO, DEVICE_GET_IRQ_INFO, DEVICE_SET_IRQS, DEVICE_RESET, IOMMU_MAP_DMA, IOMMU_UNMAP_DMA]
        );
        let sizes: Vec<u64> = lines.next().unwrap().split(' ').map(|v| v.parse().unwrap()).collect();
        use std::mem::size_of;
        assert_eq!(
            sizes,
            vec![size_of::<GroupStatus>() as u64, size_of::<RegionInfo>() as u64, size_of::<DmaMap>() as u64, size_of::<DmaUnmap>() as u64, size_of::<IrqInfo>() as u64, TYPE1V2_IOMMU, API_VERSION as u64, REGION_MMAP as u64, GROUP_VIABLE as u64]
        );
    }

    /// BAR0 through a descriptor at the region's offset (a plain file standing in for the
    /// device), with bounds checked; without a container, DMA mapping is refused with a
    /// reason and ioctls on a non-device fail as errors, never panics.
    #[test]
    fn registers_through_the_device_descriptor() {
        let path = std::env::temp_dir().join(format!("uhdpipe-vfio-bar-{}", std::process::id()));
        let mut image = vec![0u8; 0x3000];
        image[0x2000..0x2004].copy_from_slice(&crate::regmap::MAGIC.to_le_bytes());
        std::fs::write(&path, &image).unwrap();
        let f = OpenOptions::new().read(true).write(true).open(&path).unwrap();
        let mut v = KernelVfio::with_region(f, RegionInfo { argsz: 32, flags: 3, index: 0, cap_offset: 0, size: 0x1000, offset: 0x2000 }).unwrap();
        assert!(!v.bar_mapped());
        assert_eq!(v.read32(0, 0).unwrap(), crate::regmap::MAGIC);
        v.write32(0, 0x18, 0xfeed_f00d).unwrap();
        assert_eq!(v.read32(0, 0x18).unwrap(), 0xfeed_f00d);
        assert_eq!(std::fs::read(&path).unwrap()[0x2018..0x201c], 0xfeed_f00du32.to_le_bytes());
        assert!(matches!(v.read32(0, 0x1000), Err(Error::Device { .. })), "past the BAR");
        assert!(matches!(v.read32(0, 2), Err(Error::Device { .. })), "unaligned");
        assert!(matches!(v.read32(1, 0), Err(Error::Device { .. })), "another BAR");
        let buf = DmaBuffer::new(4096).unwrap();
        assert!(matches!(v.dma_map(&buf, 0x10_0000, DMA_READ), Err(Error::Device { .. })));
        assert!(matches!(v.reset(), Err(Error::Io { what: "VFIO_DEVICE_RESET", .. })));
        let _ = std::fs::remove_file(path);
    }

    /// On a machine without VFIO, opening says what is missing.
    #[test]
    fn opening_without_vfio_says_why() {
        let e = KernelVfio::open(Path::new("/"), "ffff:ff:1f.7").err().expect("no such card").to_string();
        assert!(e.contains("ffff:ff:1f.7"), "{e}");
    }
}
