//! The simulated uhdpipe PCIe device: the Verilated RTL behind a vfio-user server, so the
//! real driver (`uhdpipe-driver`'s client) runs unchanged against it.
//!
//! So far BAR0 holds the identification register block (`regs_ident`), reached through its
//! AXI4-Lite port one 32-bit access at a time, as a PCIe-to-AXI bridge would. The DMA engine,
//! job queues and interrupts come with the rest of the device-stack issue.

use crate::regs::RegsIdent;
use std::os::unix::net::UnixListener;
use std::path::Path;
use uhdpipe_driver::vfio_user::proto::{DeviceInfo, RegionInfo};
use uhdpipe_driver::vfio_user::server::{errno, serve, Bus, Device};

/// Size of BAR0.
pub const BAR0_SIZE: u64 = 4096;

/// The device model.
pub struct SimDevice {
    regs: RegsIdent,
}

impl SimDevice {
    /// A device at power-on.
    pub fn new() -> Self {
        SimDevice { regs: RegsIdent::new() }
    }

    fn check(region: u32, offset: u64, len: usize) -> Result<u16, u32> {
        if region != 0 || len != 4 || !offset.is_multiple_of(4) || offset + 4 > BAR0_SIZE {
            return Err(errno::EINVAL);
        }
        Ok(offset as u16)
    }
}

impl Default for SimDevice {
    fn default() -> Self {
        Self::new()
    }
}

impl Device for SimDevice {
    fn info(&self) -> DeviceInfo {
        // VFIO_DEVICE_FLAGS_RESET | VFIO_DEVICE_FLAGS_PCI; nine PCI regions, five IRQ types.
        DeviceInfo { argsz: DeviceInfo::SIZE, flags: 3, num_regions: 9, num_irqs: 5 }
    }
    fn region_info(&self, index: u32) -> Option<RegionInfo> {
        (index == 0).then_some(RegionInfo { argsz: RegionInfo::SIZE, flags: 3, index, cap_offset: 0, size: BAR0_SIZE, offset: 0 })
    }
    fn irq_count(&self, _index: u32) -> u32 {
        0
    }
    fn region_read(&mut self, region: u32, offset: u64, data: &mut [u8], _bus: &mut Bus) -> Result<(), u32> {
        let a = Self::check(region, offset, data.len())?;
        let v = self.regs.read32(a).ok_or(errno::EIO)?;
        data.copy_from_slice(&v.to_le_bytes());
        Ok(())
    }
    fn region_write(&mut self, region: u32, offset: u64, data: &[u8], _bus: &mut Bus) -> Result<(), u32> {
        let a = Self::check(region, offset, data.len())?;
        if self.regs.write32(a, u32::from_le_bytes(data.try_into().unwrap())) {
            Ok(())
        } else {
            Err(errno::EIO)
        }
    }
    fn reset(&mut self) {
        self.regs = RegsIdent::new();
    }
}

/// Binds a new UNIX socket at `path` (which must not exist) and serves a fresh [`SimDevice`]
/// on it from a background thread, one client at a time, until the process ends. The socket
/// accepts connections as soon as this returns.
pub fn spawn_at(path: &Path) -> uhdpipe_driver::Result<()> {
    let listener = UnixListener::bind(path).map_err(|source| uhdpipe_driver::Error::Io { what: "bind the device socket", source })?;
    std::thread::spawn(move || serve(&listener, &mut SimDevice::new()));
    Ok(())
}
