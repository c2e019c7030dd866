//! One interface to the device whatever carries it: kernel VFIO for a real card, vfio-user for
//! the simulated one. The driver above it (queues, jobs) is written once against
//! [`Transport`], so the same code runs against the RTL in simulation and against the card.

use crate::dma::DmaBuffer;
use crate::error::Result;
use crate::event::EventFd;
use crate::vfio_user::client::Client;

/// PCI interrupt type numbers (VFIO's `VFIO_PCI_*_IRQ_INDEX`).
pub mod irq {
    /// MSI.
    pub const MSI: u32 = 1;
    /// MSI-X.
    pub const MSIX: u32 = 2;
}

/// The operations the driver needs from a PCIe device.
pub trait Transport: Send {
    /// Reads a 32-bit register at `offset` of BAR `bar`.
    fn read32(&mut self, bar: u32, offset: u64) -> Result<u32>;
    /// Writes a 32-bit register.
    fn write32(&mut self, bar: u32, offset: u64, value: u32) -> Result<()>;
    /// Makes `buf` reachable by the device at `iova` (`flags`: [`crate::vfio_user::proto::DMA_READ`],
    /// [`crate::vfio_user::proto::DMA_WRITE`]).
    fn dma_map(&mut self, buf: &DmaBuffer, iova: u64, flags: u32) -> Result<()>;
    /// Withdraws a mapping.
    fn dma_unmap(&mut self, iova: u64, size: u64) -> Result<()>;
    /// Connects eventfds to interrupt vectors `start..` of type `index` ([`irq`]).
    fn irq_connect(&mut self, index: u32, start: u32, events: &[&EventFd]) -> Result<()>;
    /// Number of vectors of interrupt type `index`.
    fn irq_count(&mut self, index: u32) -> Result<u32>;
    /// Resets the device.
    fn reset(&mut self) -> Result<()>;
}

impl Transport for Client {
    fn read32(&mut self, bar: u32, offset: u64) -> Result<u32> {
        let mut b = [0u8; 4];
        self.region_read(bar, offset, &mut b)?;
        Ok(u32::from_le_bytes(b))
    }
    fn write32(&mut self, bar: u32, offset: u64, value: u32) -> Result<()> {
        self.region_write(bar, offset, &value.to_le_bytes())
    }
    fn dma_map(&mut self, buf: &DmaBuffer, iova: u64, flags: u32) -> Result<()> {
        Client::dma_map(self, buf, iova, flags)
    }
    fn dma_unmap(&mut self, iova: u64, size: u64) -> Result<()> {
        Client::dma_unmap(self, iova, size)
    }
    fn irq_connect(&mut self, index: u32, start: u32, events: &[&EventFd]) -> Result<()> {
        Client::irq_connect(self, index, start, events)
    }
    fn irq_count(&mut self, index: u32) -> Result<u32> {
        Client::irq_count(self, index)
    }
    fn reset(&mut self) -> Result<()> {
        Client::reset(self)
    }
}

/// A boxed transport is a transport (so that one driver value can hold either kind).
impl<T: Transport + ?Sized> Transport for Box<T> {
    fn read32(&mut self, bar: u32, offset: u64) -> Result<u32> {
        (**self).read32(bar, offset)
    }
    fn write32(&mut self, bar: u32, offset: u64, value: u32) -> Result<()> {
        (**self).write32(bar, offset, value)
    }
    fn dma_map(&mut self, buf: &DmaBuffer, iova: u64, flags: u32) -> Result<()> {
        (**self).dma_map(buf, iova, flags)
    }
    fn dma_unmap(&mut self, iova: u64, size: u64) -> Result<()> {
        (**self).dma_unmap(iova, size)
    }
    fn irq_connect(&mut self, index: u32, start: u32, events: &[&EventFd]) -> Result<()> {
        (**self).irq_connect(index, start, events)
    }
    fn irq_count(&mut self, index: u32) -> Result<u32> {
        (**self).irq_count(index)
    }
    fn reset(&mut self) -> Result<()> {
        (**self).reset()
    }
}
