//! `uhdpipe_device` (rtl/src/blocks/device.rs: the register chain, job queues, DMA engine and
//! packing stage), Verilated, with what surrounds it on a card: an AXI4-Lite master for BAR0
//! ([`Core::read32`], [`Core::write32`], one transaction at a time as a PCIe bridge issues
//! them) and host memory behind its AXI4 master port ([`Bus`]: latency, random back-pressure,
//! a protocol checker, and fault injection).
//!
//! [`Core`] runs clock by clock against any [`HostMemory`]; the simulated PCIe device
//! ([`crate::device`]) puts it behind vfio-user with the client's DMA mappings as its memory,
//! and tests drive it directly against a [`FlatMemory`].

use crate::{Chance, Dut};
use std::collections::VecDeque;

/// Port values (inputs set by the caller, outputs filled by `eval`); the layout of
/// `DevicePorts` in `csrc/device.cpp`.
#[repr(C)]
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
#[allow(missing_docs)]
pub struct Ports {
    pub s_awvalid: u8,
    pub s_wvalid: u8,
    pub s_bready: u8,
    pub s_arvalid: u8,
    pub s_rready: u8,
    pub m_arready: u8,
    pub m_rvalid: u8,
    pub m_rresp: u8,
    pub m_rlast: u8,
    pub m_awready: u8,
    pub m_wready: u8,
    pub m_bvalid: u8,
    pub m_bresp: u8,
    pub s_awaddr: u16,
    pub s_araddr: u16,
    pub s_wdata: u32,
    pub m_rdata: u64,
    pub s_awready: u8,
    pub s_wready: u8,
    pub s_bvalid: u8,
    pub s_bresp: u8,
    pub s_arready: u8,
    pub s_rvalid: u8,
    pub s_rresp: u8,
    pub m_arvalid: u8,
    pub m_arlen: u8,
    pub m_arsize: u8,
    pub m_arburst: u8,
    pub m_rready: u8,
    pub m_awvalid: u8,
    pub m_awlen: u8,
    pub m_awsize: u8,
    pub m_awburst: u8,
    pub m_wvalid: u8,
    pub m_wstrb: u8,
    pub m_wlast: u8,
    pub m_bready: u8,
    pub irq: u8,
    pub active: u8,
    pub s_rdata: u32,
    pub m_araddr: u64,
    pub m_awaddr: u64,
    pub m_wdata: u64,
}

crate::port_layout!(Ports, [s_awvalid, s_wvalid, s_bready, s_arvalid, s_rready, m_arready, m_rvalid, m_rresp, m_rlast, m_awready, m_wready, m_bvalid, m_bresp, s_awaddr, s_araddr, s_wdata, m_rdata, s_awready, s_wready, s_bvalid, s_bresp, s_arready, s_rvalid, s_rresp, m_arvalid, m_arlen, m_arsize, m_arburst, m_rready, m_awvalid, m_awlen, m_awsize, m_awburst, m_wvalid, m_wstrb, m_wlast, m_bready, irq, active, s_rdata, m_araddr, m_awaddr, m_wdata]);

crate::verilated!(DeviceRtl, device, Ports, "One instance of the Verilated device core.");

/// Host memory as the device's DMA sees it, by I/O virtual address.
pub trait HostMemory {
    /// Reads `buf.len()` bytes at `iova`; false if any of them is not readable (the bus then
    /// answers with an error response).
    fn read(&mut self, iova: u64, buf: &mut [u8]) -> bool;
    /// Writes `data` at `iova`; false if any byte is not writable.
    fn write(&mut self, iova: u64, data: &[u8]) -> bool;
}

/// One flat range of memory at `base` (tests).
#[derive(Debug, Clone)]
pub struct FlatMemory {
    /// I/O virtual address of `bytes[0]`.
    pub base: u64,
    /// The contents.
    pub bytes: Vec<u8>,
}

impl FlatMemory {
    fn range(&self, iova: u64, len: usize) -> Option<std::ops::Range<usize>> {
        let off = iova.checked_sub(self.base)? as usize;
        let end = off.checked_add(len)?;
        (end <= self.bytes.len()).then_some(off..end)
    }
}

impl HostMemory for FlatMemory {
    fn read(&mut self, iova: u64, buf: &mut [u8]) -> bool {
        match self.range(iova, buf.len()) {
            Some(r) => {
                buf.copy_from_slice(&self.bytes[r]);
                true
            }
            None => false,
        }
    }
    fn write(&mut self, iova: u64, data: &[u8]) -> bool {
        match self.range(iova, data.len()) {
            Some(r) => {
                self.bytes[r].copy_from_slice(data);
                true
            }
            None => false,
        }
    }
}

/// How the host side of the AXI4 port behaves.
#[derive(Debug, Clone)]
pub struct BusConfig {
    /// Clocks from a read address's acceptance to its first data beat (a PCIe round trip is
    /// ~1 µs: 250 clocks at 250 MHz).
    pub read_latency: u64,
    /// Clocks from a write burst's last beat to its response.
    pub write_latency: u64,
    /// Per mille of clocks in which each ready/valid the host drives is withheld.
    pub stall_per_mille: u32,
    /// Seed of the back-pressure pattern.
    pub seed: u64,
    /// Reads whose burst starts in `[start, end)` are accepted and never answered (a lost
    /// completion: the job hangs).
    pub hang_reads: Option<(u64, u64)>,
}

impl Default for BusConfig {
    fn default() -> Self {
        BusConfig { read_latency: 32, write_latency: 8, stall_per_mille: 0, seed: 1, hang_reads: None }
    }
}

#[derive(Debug)]
struct ReadBurst {
    addr: u64,
    beats: u32,
    sent: u32,
    ready_at: u64,
    hang: bool,
}

#[derive(Debug)]
struct WriteBurst {
    addr: u64,
    beats: u32,
    got: u32,
    ok: bool,
}

/// The host end of the device's AXI4 master port: memory latency, back-pressure, and a
/// checker of the AXI4 rules the device must keep (counted in [`Bus::violations`]).
#[derive(Debug)]
pub struct Bus {
    cfg: BusConfig,
    chance: Chance,
    reads: VecDeque<ReadBurst>,
    writes: VecDeque<WriteBurst>,
    resps: VecDeque<(u64, bool)>,
    r_shown: bool,
    b_shown: bool,
    /// AXI4 rule breaks seen (a burst crossing 4 KiB, a wrong size or burst type, a
    /// misplaced WLAST, data without an address): always 0 for a correct device.
    pub violations: Vec<String>,
    /// Data beats read.
    pub beats_read: u64,
    /// Data beats written.
    pub beats_written: u64,
}

impl Bus {
    /// An idle bus.
    pub fn new(cfg: BusConfig) -> Self {
        Bus {
            chance: Chance::new(cfg.seed),
            cfg,
            reads: VecDeque::new(),
            writes: VecDeque::new(),
            resps: VecDeque::new(),
            r_shown: false,
            b_shown: false,
            violations: Vec::new(),
            beats_read: 0,
            beats_written: 0,
        }
    }

    /// Whether transactions are outstanding.
    pub fn busy(&self) -> bool {
        !self.reads.is_empty() || !self.writes.is_empty() || !self.resps.is_empty()
    }

    fn stall(&mut self) -> bool {
        self.cfg.stall_per_mille > 0 && self.chance.hit(self.cfg.stall_per_mille)
    }

    /// Sets the host-driven inputs for this clock.
    fn drive(&mut self, p: &mut Ports, now: u64, mem: &mut dyn HostMemory) {
        p.m_arready = u8::from(!self.stall());
        p.m_awready = u8::from(!self.stall());
        // Write data only for a burst whose address has arrived.
        p.m_wready = u8::from(self.writes.iter().any(|w| w.got < w.beats) && !self.stall());
        // Read data: once shown, a beat stays until taken (AXI4: VALID holds until READY).
        let show_r = match self.reads.front() {
            Some(r) if !r.hang && now >= r.ready_at => self.r_shown || !self.stall(),
            _ => false,
        };
        p.m_rvalid = u8::from(show_r);
        if show_r {
            let r = self.reads.front().unwrap();
            let mut b = [0u8; 8];
            let ok = mem.read(r.addr + 8 * r.sent as u64, &mut b);
            p.m_rdata = if ok { u64::from_le_bytes(b) } else { 0 };
            p.m_rresp = if ok { 0 } else { 2 };
            p.m_rlast = u8::from(r.sent + 1 == r.beats);
        }
        self.r_shown = show_r;
        let show_b = match self.resps.front() {
            Some(&(at, _)) if now >= at => self.b_shown || !self.stall(),
            _ => false,
        };
        p.m_bvalid = u8::from(show_b);
        if show_b {
            p.m_bresp = if self.resps.front().unwrap().1 { 0 } else { 2 };
        }
        self.b_shown = show_b;
    }

    /// Takes this clock's handshakes (outputs settled).
    fn observe(&mut self, p: &Ports, now: u64, mem: &mut dyn HostMemory) {
        let crosses = |addr: u64, len: u8| (addr & 4095) + 8 * (len as u64 + 1) > 4096;
        if p.m_arvalid == 1 && p.m_arready == 1 {
            if p.m_arsize != 3 || p.m_arburst != 1 || crosses(p.m_araddr, p.m_arlen) || p.m_araddr & 7 != 0 {
                self.violations.push(format!("read burst {:#x} len {} size {} burst {}", p.m_araddr, p.m_arlen, p.m_arsize, p.m_arburst));
            }
            let hang = self.cfg.hang_reads.is_some_and(|(a, b)| p.m_araddr >= a && p.m_araddr < b);
            self.reads.push_back(ReadBurst { addr: p.m_araddr, beats: p.m_arlen as u32 + 1, sent: 0, ready_at: now + self.cfg.read_latency, hang });
        }
        if p.m_rvalid == 1 && p.m_rready == 1 {
            self.r_shown = false;
            self.beats_read += 1;
            let r = self.reads.front_mut().unwrap();
            r.sent += 1;
            if r.sent == r.beats {
                self.reads.pop_front();
            }
        }
        if p.m_awvalid == 1 && p.m_awready == 1 {
            if p.m_awsize != 3 || p.m_awburst != 1 || crosses(p.m_awaddr, p.m_awlen) || p.m_awaddr & 7 != 0 {
                self.violations.push(format!("write burst {:#x} len {} size {} burst {}", p.m_awaddr, p.m_awlen, p.m_awsize, p.m_awburst));
            }
            self.writes.push_back(WriteBurst { addr: p.m_awaddr, beats: p.m_awlen as u32 + 1, got: 0, ok: true });
        }
        if p.m_wvalid == 1 && p.m_wready == 1 {
            self.beats_written += 1;
            let lat = self.cfg.write_latency;
            match self.writes.iter_mut().find(|w| w.got < w.beats) {
                None => self.violations.push("write data without a write address".into()),
                Some(w) => {
                    let addr = w.addr + 8 * w.got as u64;
                    let bytes = p.m_wdata.to_le_bytes();
                    let mut i = 0;
                    while i < 8 {
                        if p.m_wstrb >> i & 1 == 0 {
                            i += 1;
                            continue;
                        }
                        let j = (i..8).find(|&j| p.m_wstrb >> j & 1 == 0).unwrap_or(8);
                        w.ok &= mem.write(addr + i as u64, &bytes[i..j]);
                        i = j;
                    }
                    w.got += 1;
                    if (w.got == w.beats) != (p.m_wlast == 1) {
                        self.violations.push(format!("WLAST {} on beat {} of a {}-beat burst at {:#x}", p.m_wlast, w.got, w.beats, w.addr));
                    }
                }
            }
            while self.writes.front().is_some_and(|w| w.got == w.beats) {
                let w = self.writes.pop_front().unwrap();
                self.resps.push_back((now + lat, w.ok));
            }
        }
        if p.m_bvalid == 1 && p.m_bready == 1 {
            self.b_shown = false;
            self.resps.pop_front();
        }
    }
}

/// Clocks a BAR0 access may take before the core is declared hung.
const REG_TIMEOUT: u32 = 10_000;

/// The Verilated core, its host bus, and a clock count.
pub struct Core {
    rtl: DeviceRtl,
    p: Ports,
    /// The host end of the AXI4 port.
    pub bus: Bus,
    /// Clocks run since power-on.
    pub clocks: u64,
    /// Interrupt pulses raised since power-on.
    pub irqs: u64,
    /// Clocks still to run after a BAR access whatever `active` says (the core's `active` is
    /// registered, so a doorbell shows in it a few clocks after the write).
    grace: u32,
}

/// Clocks [`Core::active`] stays true after a BAR access.
const GRACE: u32 = 8;

impl Core {
    /// A core at power-on with a host bus configured as `cfg`.
    pub fn new(cfg: BusConfig) -> Self {
        Core { rtl: DeviceRtl::new(), p: Ports { s_bready: 1, s_rready: 1, ..Ports::default() }, bus: Bus::new(cfg), clocks: 0, irqs: 0, grace: 0 }
    }

    /// Records an FST waveform (see [`DeviceRtl::trace_to`]).
    pub fn trace_to(&mut self, path: &std::path::Path) -> Result<(), String> {
        self.rtl.trace_to(path)
    }

    /// One clock; true if the core raised its interrupt in it.
    pub fn clock(&mut self, mem: &mut dyn HostMemory) -> bool {
        self.bus.drive(&mut self.p, self.clocks, mem);
        self.rtl.eval(&mut self.p);
        self.bus.observe(&self.p, self.clocks, mem);
        let irq = self.p.irq == 1;
        self.irqs += irq as u64;
        self.rtl.tick();
        self.clocks += 1;
        self.grace = self.grace.saturating_sub(1);
        irq
    }

    /// Whether the core has work (a job running or waiting, an interrupt pending), the bus
    /// transactions outstanding, or a BAR access was just made: while false, clocks change
    /// nothing.
    pub fn active(&self) -> bool {
        self.p.active == 1 || self.bus.busy() || self.grace > 0
    }

    /// Runs up to `n` clocks while [`Core::active`], calling `irq` for each interrupt; the
    /// clocks run.
    pub fn run(&mut self, n: u64, mem: &mut dyn HostMemory, irq: &mut dyn FnMut()) -> u64 {
        let mut done = 0;
        while done < n && self.active() {
            if self.clock(mem) {
                irq();
            }
            done += 1;
        }
        done
    }

    /// One AXI4-Lite read of the BAR0 word at `addr`, clocking the whole core (DMA continues
    /// meanwhile); `None` if the core never answers or answers with an error.
    pub fn read32(&mut self, addr: u16, mem: &mut dyn HostMemory, irq: &mut dyn FnMut()) -> Option<u32> {
        self.grace = GRACE;
        self.p.s_arvalid = 1;
        self.p.s_araddr = addr;
        for _ in 0..REG_TIMEOUT {
            if self.clock(mem) {
                irq();
            }
            let p = &self.p;
            if p.s_arvalid == 1 && p.s_arready == 1 {
                self.p.s_arvalid = 0;
            }
            if self.p.s_rvalid == 1 {
                return (self.p.s_rresp == 0).then_some(self.p.s_rdata);
            }
        }
        self.p.s_arvalid = 0;
        None
    }

    /// One AXI4-Lite write; false if the core never answers or answers with an error.
    pub fn write32(&mut self, addr: u16, value: u32, mem: &mut dyn HostMemory, irq: &mut dyn FnMut()) -> bool {
        self.grace = GRACE;
        self.p.s_awvalid = 1;
        self.p.s_wvalid = 1;
        self.p.s_awaddr = addr;
        self.p.s_wdata = value;
        for _ in 0..REG_TIMEOUT {
            if self.clock(mem) {
                irq();
            }
            if self.p.s_awvalid == 1 && self.p.s_awready == 1 {
                self.p.s_awvalid = 0;
            }
            if self.p.s_wvalid == 1 && self.p.s_wready == 1 {
                self.p.s_wvalid = 0;
            }
            if self.p.s_bvalid == 1 {
                return self.p.s_bresp == 0;
            }
        }
        self.p.s_awvalid = 0;
        self.p.s_wvalid = 0;
        false
    }
}
