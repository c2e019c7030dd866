//! The simulated uhdpipe PCIe device: the Verilated core ([`crate::core`]) behind a
//! vfio-user server, so the real driver (`uhdpipe-driver`'s client) runs unchanged against
//! the RTL.
//!
//! - **BAR0** (region 0, 4 KiB): each 32-bit access is one AXI4-Lite transaction on the core,
//!   as a PCIe-to-AXI bridge would make it.
//! - **DMA**: the core's AXI4 master reaches the client's DMA mappings (with the server's
//!   IOMMU-like checks: an unmapped address is an error response, never a crash).
//! - **Interrupts**: MSI-X (index 2), one vector; each `irq` pulse signals its eventfd.
//! - **Clock**: a thread runs the core whenever it has work (a job running or waiting, an
//!   interrupt pending, bus transactions outstanding), so jobs progress between the client's
//!   messages, as on a card; an idle core costs nothing.
//! - **Reset** (a DEVICE_RESET, or the client going away, even mid-job): the core is
//!   replaced by a power-on one and the old client's memory is let go.

use crate::core::{BusConfig, Core, HostMemory};
use std::os::unix::net::UnixListener;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::Duration;
use uhdpipe_driver::transport::irq::MSIX;
use uhdpipe_driver::vfio_user::proto::{DeviceInfo, RegionInfo};
use uhdpipe_driver::vfio_user::server::{errno, lock, serve, Device, SharedBus};

/// Size of BAR0.
pub const BAR0_SIZE: u64 = 4096;

/// Clocks the clock thread runs per turn before letting a register access in.
const TURN: u64 = 2048;

/// The client's memory and interrupts, as the core's host side.
struct ClientBus<'a>(Option<&'a SharedBus>);

impl HostMemory for ClientBus<'_> {
    fn read(&mut self, iova: u64, buf: &mut [u8]) -> bool {
        self.0.is_some_and(|b| lock(b).dma.read(iova, buf).is_ok())
    }
    fn write(&mut self, iova: u64, data: &[u8]) -> bool {
        self.0.is_some_and(|b| lock(b).dma.write(iova, data).is_ok())
    }
}

fn signal(bus: Option<&SharedBus>) {
    if let Some(b) = bus {
        lock(b).irqs.trigger(MSIX, 0);
    }
}

/// What the clock thread and the server share.
struct State {
    core: Core,
    bus: Option<SharedBus>,
    cfg: BusConfig,
}

struct Shared {
    state: Mutex<State>,
    wake: Condvar,
    stop: AtomicBool,
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// The device model: the core, its clock thread, and the session's bus.
pub struct SimDevice {
    shared: Arc<Shared>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl SimDevice {
    /// A device at power-on whose host bus behaves as `cfg` (latency, back-pressure, faults).
    pub fn new(cfg: BusConfig) -> Self {
        let shared = Arc::new(Shared { state: Mutex::new(State { core: Core::new(cfg.clone()), bus: None, cfg }), wake: Condvar::new(), stop: AtomicBool::new(false) });
        let s = shared.clone();
        let thread = std::thread::Builder::new().name("uhdpipe-sim-clock".into()).spawn(move || clock_thread(&s)).expect("spawn the clock thread");
        SimDevice { shared, thread: Some(thread) }
    }

    fn check(region: u32, offset: u64, len: usize) -> Result<u16, u32> {
        if region != 0 || len != 4 || !offset.is_multiple_of(4) || offset + 4 > BAR0_SIZE {
            return Err(errno::EINVAL);
        }
        Ok(offset as u16)
    }

    /// The state, with the session's bus attached.
    fn attach(&self, bus: &SharedBus) -> MutexGuard<'_, State> {
        let mut st = self.shared.lock();
        if !st.bus.as_ref().is_some_and(|b| Arc::ptr_eq(b, bus)) {
            st.bus = Some(bus.clone());
        }
        st
    }
}

/// Runs the core in turns of [`TURN`] clocks while it has work; sleeps otherwise.
fn clock_thread(s: &Shared) {
    let mut st = s.lock();
    while !s.stop.load(Ordering::Relaxed) {
        if st.core.active() {
            let State { core, bus, .. } = &mut *st;
            let b = bus.as_ref();
            core.run(TURN, &mut ClientBus(b), &mut || signal(b));
            // Let a waiting register access in between turns.
            drop(st);
            std::thread::yield_now();
            st = s.lock();
        } else {
            st = s.wake.wait_timeout(st, Duration::from_millis(100)).unwrap_or_else(|e| e.into_inner()).0;
        }
    }
}

impl Drop for SimDevice {
    fn drop(&mut self) {
        self.shared.stop.store(true, Ordering::Relaxed);
        self.shared.wake.notify_all();
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

impl Default for SimDevice {
    fn default() -> Self {
        Self::new(BusConfig::default())
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
    fn irq_count(&self, index: u32) -> u32 {
        u32::from(index == MSIX)
    }
    fn region_read(&mut self, region: u32, offset: u64, data: &mut [u8], bus: &SharedBus) -> Result<(), u32> {
        let a = Self::check(region, offset, data.len())?;
        let mut st = self.attach(bus);
        let b = st.bus.clone();
        let v = st.core.read32(a, &mut ClientBus(b.as_ref()), &mut || signal(b.as_ref())).ok_or(errno::EIO)?;
        data.copy_from_slice(&v.to_le_bytes());
        Ok(())
    }
    fn region_write(&mut self, region: u32, offset: u64, data: &[u8], bus: &SharedBus) -> Result<(), u32> {
        let a = Self::check(region, offset, data.len())?;
        let mut st = self.attach(bus);
        let b = st.bus.clone();
        let ok = st.core.write32(a, u32::from_le_bytes(data.try_into().map_err(|_| errno::EINVAL)?), &mut ClientBus(b.as_ref()), &mut || signal(b.as_ref()));
        drop(st);
        // A doorbell may have given the core work.
        self.shared.wake.notify_all();
        if ok {
            Ok(())
        } else {
            Err(errno::EIO)
        }
    }
    fn reset(&mut self) {
        let mut st = self.shared.lock();
        st.core = Core::new(st.cfg.clone());
        st.bus = None;
    }
}

/// Binds a new UNIX socket at `path` (which must not exist) and serves a fresh [`SimDevice`]
/// (host bus as `cfg`) on it from a background thread, one client at a time, until the
/// process ends. The socket accepts connections as soon as this returns.
pub fn spawn_at(path: &Path, cfg: BusConfig) -> uhdpipe_driver::Result<()> {
    let listener = UnixListener::bind(path).map_err(|source| uhdpipe_driver::Error::Io { what: "bind the device socket", source })?;
    std::thread::spawn(move || serve(&listener, &mut SimDevice::new(cfg)));
    Ok(())
}
