//! The job queues as software drives them: a submission queue of [`Descriptor`]s and a
//! completion queue of [`Completion`]s in DMA memory, the doorbells, the completion interrupt,
//! and recovery by device reset — written once against [`Transport`], so that it runs
//! unchanged on the simulated device (vfio-user) and on a card (kernel VFIO).
//!
//! One doorbell write submits a batch; completions are found by their phase bit (no register
//! read), and one `CQ_HEAD` write returns every entry taken. A register access over vfio-user
//! costs tens of microseconds, so a job costs two register writes at most, fewer in batches.

use crate::dma::DmaBuffer;
use crate::error::{Error, Result};
use crate::event::EventFd;
use crate::iova::IovaAllocator;
use crate::job::{Completion, Descriptor, COMPLETION_BYTES, DESCRIPTOR_BYTES};
use crate::regmap::{caps, discover, Identity, QUEUE, QUEUE_TYPE};
use crate::transport::{irq::MSIX, Transport};
use crate::vfio_user::proto::{DMA_READ, DMA_WRITE};
use std::sync::atomic::{fence, Ordering};
use std::time::{Duration, Instant};

/// How to set the queues up.
#[derive(Debug, Clone, Copy)]
pub struct QueueConfig {
    /// Entries per queue as a power of two (1..=12); the queue holds one less in flight.
    pub entries_log2: u32,
    /// Completions per interrupt (`IRQ_COALESCE.COUNT`; 0: no interrupts, poll only).
    pub irq_count: u8,
    /// Device clocks a completion may wait for its interrupt (`IRQ_COALESCE.TIME`, < 2^24).
    pub irq_time: u32,
    /// Size of BAR0 (bounds the register-block walk).
    pub bar_size: u64,
}

impl Default for QueueConfig {
    fn default() -> Self {
        QueueConfig { entries_log2: 6, irq_count: 1, irq_time: 0, bar_size: 4096 }
    }
}

/// Lowest I/O virtual address handed out (page 0 and the first MiB stay unmapped, so that a
/// zero or small address in a descriptor faults).
const IOVA_START: u64 = 1 << 20;
/// End of the I/O virtual address space the device reaches (48 bits).
const IOVA_END: u64 = 1 << 47;

/// The job queues of one device.
pub struct JobQueue<T: Transport> {
    t: T,
    cfg: QueueConfig,
    /// The device's identification.
    pub identity: Identity,
    base: u64,
    sq: DmaBuffer,
    cq: DmaBuffer,
    sq_iova: u64,
    cq_iova: u64,
    entries: u32,
    tail: u32,
    head: u32,
    phase: bool,
    in_flight: u32,
    irq: EventFd,
    iova: IovaAllocator,
}

impl<T: Transport> JobQueue<T> {
    /// Discovers the device behind `t` (magic, versions, a DMA-capable build with a queue
    /// block of a known major version), allocates and maps both queues, connects the
    /// completion interrupt and enables the queues.
    pub fn open(mut t: T, cfg: QueueConfig) -> Result<Self> {
        if !(1..=12).contains(&cfg.entries_log2) || cfg.irq_time >= 1 << 24 {
            return Err(Error::Device { what: format!("queue configuration out of range: {cfg:?}") });
        }
        let identity = discover(&mut t, cfg.bar_size)?;
        if identity.caps & caps::DMA == 0 {
            return Err(Error::Device { what: "this device build has no DMA engine or job queues (CAPS.DMA is 0)".into() });
        }
        let &(base, _, version) = identity
            .blocks
            .iter()
            .find(|b| b.1 == QUEUE_TYPE)
            .ok_or_else(|| Error::Device { what: "the device has no job-queue register block".into() })?;
        if version >> 16 != QUEUE.version >> 16 {
            return Err(Error::Device { what: format!("job-queue block version {}.{}: this driver knows {}.x", version >> 16, version & 0xffff, QUEUE.version >> 16) });
        }
        let entries = 1u32 << cfg.entries_log2;
        let sq = DmaBuffer::new(entries as usize * DESCRIPTOR_BYTES)?;
        let cq = DmaBuffer::new(entries as usize * COMPLETION_BYTES)?;
        let mut iova = IovaAllocator::new(IOVA_START, IOVA_END - IOVA_START);
        let sq_iova = iova.alloc(sq.len() as u64, 4096).ok_or_else(|| Error::Device { what: "no I/O virtual address space for the queues".into() })?;
        let cq_iova = iova.alloc(cq.len() as u64, 4096).ok_or_else(|| Error::Device { what: "no I/O virtual address space for the queues".into() })?;
        t.dma_map(&sq, sq_iova, DMA_READ)?;
        t.dma_map(&cq, cq_iova, DMA_READ | DMA_WRITE)?;
        let irq = EventFd::new()?;
        if cfg.irq_count > 0 {
            t.irq_connect(MSIX, 0, &[&irq])?;
        }
        let mut q = JobQueue { t, cfg, identity, base: base as u64, sq, cq, sq_iova, cq_iova, entries, tail: 0, head: 0, phase: true, in_flight: 0, irq, iova };
        q.start()?;
        Ok(q)
    }

    fn reg(&self, name: &str) -> u64 {
        self.base + QUEUE.register(name).offset as u64
    }
    fn write(&mut self, name: &str, v: u32) -> Result<()> {
        let off = self.reg(name);
        self.t.write32(0, off, v)
    }
    /// Reads a queue register by its name in [`QUEUE`] (status, counters).
    pub fn read(&mut self, name: &str) -> Result<u32> {
        let off = self.reg(name);
        self.t.read32(0, off)
    }

    /// Programs and enables the queues, both empty.
    fn start(&mut self) -> Result<()> {
        self.cq.as_mut_slice().fill(0);
        (self.tail, self.head, self.phase, self.in_flight) = (0, 0, true, 0);
        self.write("CONTROL", 0)?;
        self.write("SIZE_LOG2", self.cfg.entries_log2)?;
        self.write("SQ_BASE_LO", self.sq_iova as u32)?;
        self.write("SQ_BASE_HI", (self.sq_iova >> 32) as u32)?;
        self.write("CQ_BASE_LO", self.cq_iova as u32)?;
        self.write("CQ_BASE_HI", (self.cq_iova >> 32) as u32)?;
        self.write("IRQ_COALESCE", self.cfg.irq_count as u32 | self.cfg.irq_time << 8)?;
        self.write("CONTROL", 1)?;
        let status = self.read("STATUS")?;
        let st = QUEUE.register("STATUS");
        if st.field("READY").get(status) != 1 {
            return Err(Error::Device { what: format!("the queues did not start: STATUS {status:#x} (fatal code {})", st.field("FATAL_CODE").get(status)) });
        }
        Ok(())
    }

    /// Makes `buf` reachable by the device (`flags`: `DMA_READ`, `DMA_WRITE`) and returns its
    /// I/O virtual address.
    pub fn map(&mut self, buf: &DmaBuffer, flags: u32) -> Result<u64> {
        let iova = self.iova.alloc(buf.len() as u64, 4096).ok_or_else(|| Error::Device { what: format!("no I/O virtual address space left for {} bytes", buf.len()) })?;
        if let Err(e) = self.t.dma_map(buf, iova, flags) {
            self.iova.free(iova, buf.len() as u64);
            return Err(e);
        }
        Ok(iova)
    }

    /// Withdraws a mapping made by [`JobQueue::map`].
    pub fn unmap(&mut self, iova: u64, len: usize) -> Result<()> {
        self.t.dma_unmap(iova, len as u64)?;
        self.iova.free(iova, len as u64);
        Ok(())
    }

    /// Jobs the queue holds at once.
    pub fn capacity(&self) -> u32 {
        self.entries - 1
    }

    /// Jobs submitted and not yet completed.
    pub fn in_flight(&self) -> u32 {
        self.in_flight
    }

    /// Submits `ds` in order with one doorbell; an error (and nothing submitted) if they do not
    /// all fit.
    pub fn submit(&mut self, ds: &[Descriptor]) -> Result<()> {
        if ds.is_empty() {
            return Ok(());
        }
        if self.in_flight as usize + ds.len() > self.capacity() as usize {
            return Err(Error::Device { what: format!("submission queue full: {} in flight, {} more asked, {} fit", self.in_flight, ds.len(), self.capacity()) });
        }
        for d in ds {
            let off = self.tail as usize * DESCRIPTOR_BYTES;
            self.sq.as_mut_slice()[off..off + DESCRIPTOR_BYTES].copy_from_slice(&d.to_bytes());
            self.tail = (self.tail + 1) % self.entries;
        }
        // The descriptors are in memory before the doorbell makes the device read them.
        fence(Ordering::Release);
        self.in_flight += ds.len() as u32;
        let tail = self.tail;
        self.write("SQ_TAIL", tail)
    }

    /// Takes every completion the device has written (returning their entries with one
    /// doorbell write); empty if there is none.
    pub fn poll(&mut self) -> Result<Vec<Completion>> {
        let mut out = Vec::new();
        loop {
            let off = self.head as usize * COMPLETION_BYTES;
            let w1 = self.cq.read_u64(off + 8);
            if (w1 >> 63 == 1) != self.phase {
                break;
            }
            // The phase word is written last; the rest of the entry is visible once it is.
            fence(Ordering::Acquire);
            let w0 = self.cq.read_u64(off);
            out.push(Completion::from_words(w0, w1));
            self.head = (self.head + 1) % self.entries;
            if self.head == 0 {
                self.phase = !self.phase;
            }
        }
        if !out.is_empty() {
            self.in_flight = self.in_flight.saturating_sub(out.len() as u32);
            let head = self.head;
            self.write("CQ_HEAD", head)?;
        }
        Ok(out)
    }

    /// Waits up to `timeout` for at least one completion (sleeping on the interrupt, polling
    /// now and then in case interrupts are off or coalesced); empty on timeout.
    pub fn wait(&mut self, timeout: Duration) -> Result<Vec<Completion>> {
        let end = Instant::now() + timeout;
        loop {
            let got = self.poll()?;
            if !got.is_empty() {
                return Ok(got);
            }
            let now = Instant::now();
            if now >= end {
                return Ok(got);
            }
            let slice = (end - now).min(Duration::from_millis(if self.cfg.irq_count > 0 { 50 } else { 1 }));
            self.irq.wait(slice)?;
        }
    }

    /// Resets the device (as after a hung job) and starts the queues again, empty: every job
    /// in flight is lost (the caller reports them). Buffer mappings stay.
    pub fn reset(&mut self) -> Result<()> {
        self.t.reset()?;
        self.start()
    }

    /// A handle on the completion interrupt's eventfd, to sleep on it without holding the
    /// queue (then [`JobQueue::poll`]).
    pub fn interrupt(&self) -> Result<EventFd> {
        self.irq.try_clone()
    }

    /// Whether completions arrive with interrupts (else callers poll).
    pub fn has_interrupts(&self) -> bool {
        self.cfg.irq_count > 0
    }

    /// The transport, for accesses outside the queues.
    pub fn transport(&mut self) -> &mut T {
        &mut self.t
    }
}

impl<T: Transport> Drop for JobQueue<T> {
    fn drop(&mut self) {
        // Stop the device before its queue memory goes away; failures cannot be reported here
        // and leave a device that the next open resets anyway.
        let _ = self.write("CONTROL", 0);
        let _ = self.t.dma_unmap(self.sq_iova, self.sq.len() as u64);
        let _ = self.t.dma_unmap(self.cq_iova, self.cq.len() as u64);
    }
}
