//! The `Accelerator` API: jobs on a uhdpipe device through the real driver — submit, await,
//! several in flight, from any number of threads.
//!
//! A [`Buffer`] is DMA memory mapped for the device once and reused; a [`Job`] owns the
//! buffers it reads and writes while it runs and gives them back with its [`Outcome`], so the
//! borrow checker keeps software off memory the device is using. A job that does not complete
//! within its timeout is taken as a hung device: the device is reset, every job then in
//! flight fails with an error saying so, and the next jobs run normally.
//!
//! ```no_run
//! use uhdpipe::accel::{Accelerator, Op};
//! let acc = Accelerator::open_sim(None)?;          // starts the simulated device (uhdpipe-simdev)
//! let packed = acc.pack10(&[1, 2, 3, 1023])?;      // one job, waited for
//! assert_eq!(acc.unpack10(&packed, 4)?, vec![1, 2, 3, 1023]);
//! # Ok::<(), uhdpipe::Error>(())
//! ```

use crate::{Error, Result};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::{Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};
use uhdpipe_driver::dma::DmaBuffer;
pub use uhdpipe_driver::job::{Op, Status};
use uhdpipe_driver::job::{coefficient_value, hq_params, packed_len, Completion, Descriptor};
use uhdpipe_model::slice::SliceWalk;
use uhdpipe_driver::queue::{JobQueue, QueueConfig};
use uhdpipe_driver::transport::Transport;
use uhdpipe_driver::vfio_user::client::Client;
use uhdpipe_driver::vfio_user::proto::{DMA_READ, DMA_WRITE};

/// How long the driver waits for any reply from the device server.
pub const REPLY_TIMEOUT: Duration = Duration::from_secs(10);

/// Samples as the device reads them: 16-bit little-endian.
pub fn samples_to_le(samples: &[u16]) -> Vec<u8> {
    samples.iter().flat_map(|s| s.to_le_bytes()).collect()
}

/// The inverse of [`samples_to_le`] (a trailing odd byte is ignored).
pub fn samples_from_le(bytes: &[u8]) -> Vec<u16> {
    bytes.chunks_exact(2).map(|c| u16::from_le_bytes([c[0], c[1]])).collect()
}

/// How long a job may take before the device is declared hung (per job, from submission).
pub const DEFAULT_JOB_TIMEOUT: Duration = Duration::from_secs(30);

/// The environment variable naming the simulated device's program (`uhdpipe-simdev`), when it
/// is not beside this program or on the `PATH`.
pub const SIMDEV_ENV: &str = "UHDPIPE_SIMDEV";

/// How long [`LocalSim::start`] waits for the device's socket to appear.
pub const SIMDEV_START_TIMEOUT: Duration = Duration::from_secs(20);

/// A simulated device started by this process: the program `uhdpipe-simdev` (the Verilated
/// RTL behind a vfio-user server; crate `uhdpipe-sim`) as a child process serving a socket in
/// a private directory, talked to over vfio-user exactly as a card would be. The library
/// itself links no simulator: it needs only the program. Dropping this stops the child and
/// removes the directory; if this process dies first, the child sees its standard input
/// close and exits.
pub struct LocalSim {
    dir: PathBuf,
    child: std::process::Child,
    /// The device's socket.
    pub socket: PathBuf,
}

impl LocalSim {
    /// Starts `uhdpipe-simdev` (found by [`simdev_program`]) on a fresh socket and waits
    /// until it serves.
    pub fn start() -> Result<LocalSim> {
        use std::sync::atomic::{AtomicU32, Ordering};
        static N: AtomicU32 = AtomicU32::new(0);
        let program = simdev_program()?;
        let dir = std::env::temp_dir().join(format!("uhdpipe-sim-{}-{}", std::process::id(), N.fetch_add(1, Ordering::Relaxed)));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).map_err(|source| Error::Io { path: dir.display().to_string(), source })?;
        let socket = dir.join("device.sock");
        let mut child = std::process::Command::new(&program)
            .arg("--socket")
            .arg(&socket)
            .arg("--exit-with-stdin")
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .map_err(|source| Error::Io { path: program.display().to_string(), source })?;
        // What the device writes to its standard error, read as it comes (an unread pipe would
        // stall it once full) and kept for the error message should it stop early.
        let stderr = child.stderr.take().map(|mut e| {
            std::thread::spawn(move || {
                use std::io::Read;
                let mut text = Vec::new();
                let mut buf = [0u8; 4096];
                while let Ok(n @ 1..) = e.read(&mut buf) {
                    if text.len() < 16 * 1024 {
                        text.extend_from_slice(&buf[..n]);
                    }
                }
                String::from_utf8_lossy(&text).into_owned()
            })
        });
        let mut sim = LocalSim { dir, child, socket };
        let deadline = Instant::now() + SIMDEV_START_TIMEOUT;
        while !sim.socket.exists() {
            if let Some(status) = sim.child.try_wait().map_err(|source| Error::Io { path: program.display().to_string(), source })? {
                let err = stderr.and_then(|t| t.join().ok()).unwrap_or_default();
                return Err(Error::Backend(format!("the simulated device ({}) exited ({status}) before serving: {}", program.display(), err.trim())));
            }
            if Instant::now() > deadline {
                return Err(Error::Backend(format!("the simulated device ({}) did not open its socket within {} s", program.display(), SIMDEV_START_TIMEOUT.as_secs())));
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        Ok(sim)
    }
}

/// The simulated device's program: `$UHDPIPE_SIMDEV` if set, else `uhdpipe-simdev` beside
/// this program (or one folder up, as for Cargo's test binaries in `target/*/deps/`), else
/// the first on the `PATH`. An error says how to build it when there is none.
pub fn simdev_program() -> Result<PathBuf> {
    const NAME: &str = "uhdpipe-simdev";
    if let Some(p) = std::env::var_os(SIMDEV_ENV) {
        return Ok(PathBuf::from(p));
    }
    let exe = std::env::current_exe().ok();
    let beside = exe.iter().flat_map(|e| e.ancestors().skip(1).take(2).map(|d| d.join(NAME)));
    let on_path = std::env::var_os("PATH").into_iter().flat_map(|p| std::env::split_paths(&p).map(|d| d.join(NAME)).collect::<Vec<_>>());
    beside.chain(on_path).find(|p| p.is_file()).ok_or_else(|| {
        Error::Backend(format!(
            "--backend sim needs the simulated device's program `{NAME}`, which is not beside this program nor on the PATH: build it with `cargo build --release -p uhdpipe-sim --bin {NAME}` (it needs Verilator: ci/setup.sh installs it), or name it with {SIMDEV_ENV}=PATH"
        ))
    })
}

impl Drop for LocalSim {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// DMA memory mapped for the device.
#[derive(Debug)]
pub struct Buffer {
    mem: DmaBuffer,
    iova: u64,
}

impl Buffer {
    /// Its I/O virtual address (what descriptors name).
    pub fn iova(&self) -> u64 {
        self.iova
    }
    /// Its length in bytes (a whole number of pages).
    pub fn len(&self) -> usize {
        self.mem.len()
    }
    /// Never empty.
    pub fn is_empty(&self) -> bool {
        false
    }
    /// The contents.
    pub fn bytes(&self) -> &[u8] {
        self.mem.as_slice()
    }
    /// The contents, writable.
    pub fn bytes_mut(&mut self) -> &mut [u8] {
        self.mem.as_mut_slice()
    }
}

/// A job: an operation on `count` samples from `src` into `dst`.
#[derive(Debug)]
pub struct Job {
    /// The operation.
    pub op: Op,
    /// Samples.
    pub count: u32,
    /// The source buffer.
    pub src: Buffer,
    /// Bytes of `src` the job may read (from its start).
    pub src_len: u64,
    /// The destination buffer.
    pub dst: Buffer,
    /// Bytes of `dst` the job may write.
    pub dst_len: u64,
}

/// A submitted job, to wait for.
#[derive(Debug)]
#[must_use = "a ticket is how the job's buffers come back: wait for it"]
pub struct Ticket {
    tag: u32,
    deadline: Instant,
    job: Option<Job>,
}

/// A finished job: its status, device clocks, and its buffers back.
#[derive(Debug)]
pub struct Outcome {
    /// The device's status for the job.
    pub status: Status,
    /// Device clocks from descriptor fetch to completion.
    pub cycles: u32,
    /// The job, buffers included (for a raw submission: `None`).
    pub job: Option<Job>,
}

struct Inner {
    q: JobQueue<Box<dyn Transport>>,
    next_tag: u32,
    pending: HashSet<u32>,
    done: HashMap<u32, Completion>,
    lost: HashMap<u32, String>,
}

/// A device with its job queues, shareable between threads.
pub struct Accelerator {
    inner: Mutex<Inner>,
    changed: Condvar,
    irq: uhdpipe_driver::event::EventFd,
    /// How long a waiter sleeps on the interrupt before polling again (long with interrupts,
    /// short when the queue only polls).
    nap: Duration,
    _local: Option<LocalSim>,
    /// The per-job timeout (from submission).
    pub job_timeout: Duration,
}

impl Accelerator {
    /// Opens the simulated device at `socket`, or starts one ([`LocalSim`]: a child process).
    pub fn open_sim(socket: Option<&Path>) -> Result<Accelerator> {
        let local = if socket.is_none() { Some(LocalSim::start()?) } else { None };
        let path = socket.map(Path::to_path_buf).unwrap_or_else(|| local.as_ref().unwrap().socket.clone());
        let mut a = Self::connect(&path, QueueConfig::default())?;
        a._local = local;
        Ok(a)
    }

    /// Connects to a vfio-user device server at `socket` with this queue configuration.
    pub fn connect(socket: &Path, cfg: QueueConfig) -> Result<Accelerator> {
        let mut c = Client::connect(socket, REPLY_TIMEOUT)?;
        let bar = c.region_info(0)?.size;
        Self::with_transport(Box::new(c), QueueConfig { bar_size: bar, ..cfg })
    }

    /// Opens a card bound to vfio-pci at `bdf` through the kernel VFIO transport (never run
    /// against a card yet: these machines have no VFIO; see `uhdpipe_driver::vfio`).
    pub fn open_vfio(bdf: &str) -> Result<Accelerator> {
        let v = uhdpipe_driver::vfio::kernel::KernelVfio::open(Path::new("/"), bdf)?;
        Self::with_transport(Box::new(v), QueueConfig::default())
    }

    /// The accelerator over any transport.
    pub fn with_transport(t: Box<dyn Transport>, cfg: QueueConfig) -> Result<Accelerator> {
        let q = JobQueue::open(t, cfg)?;
        let irq = q.interrupt()?;
        let nap = Duration::from_millis(if q.has_interrupts() { 20 } else { 1 });
        Ok(Accelerator { inner: Mutex::new(Inner { q, next_tag: 1, pending: HashSet::new(), done: HashMap::new(), lost: HashMap::new() }), changed: Condvar::new(), irq, nap, _local: None, job_timeout: DEFAULT_JOB_TIMEOUT })
    }

    fn lock(&self) -> MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Jobs the device holds at once.
    pub fn capacity(&self) -> u32 {
        self.lock().q.capacity()
    }

    /// A buffer of at least `len` bytes, zero-filled and mapped for device reads and writes.
    pub fn alloc(&self, len: usize) -> Result<Buffer> {
        let mem = DmaBuffer::new(len)?;
        let iova = self.lock().q.map(&mem, DMA_READ | DMA_WRITE)?;
        Ok(Buffer { mem, iova })
    }

    /// Unmaps and frees a buffer.
    pub fn free(&self, b: Buffer) -> Result<()> {
        self.lock().q.unmap(b.iova, b.mem.len())?;
        Ok(())
    }

    /// Submits a job; waits for room if the queue is full.
    pub fn submit(&self, job: Job) -> Result<Ticket> {
        if job.src_len > job.src.len() as u64 || job.dst_len > job.dst.len() as u64 {
            return Err(Error::Usage(format!("job names {} / {} bytes of buffers of {} / {}", job.src_len, job.dst_len, job.src.len(), job.dst.len())));
        }
        let d = Descriptor::new(job.op, 0, job.count, (job.src.iova, job.src_len), (job.dst.iova, job.dst_len));
        let mut t = self.submit_descriptor(d)?;
        t.job = Some(job);
        Ok(t)
    }

    /// Submits a descriptor as it is (tag replaced): for tests of the device's checks.
    /// Safe for this process only because the device's IOMMU mappings are this
    /// accelerator's buffers: a descriptor naming a buffer in use by another job may corrupt
    /// that job's data, never other memory.
    pub fn submit_descriptor(&self, mut d: Descriptor) -> Result<Ticket> {
        let deadline = Instant::now() + self.job_timeout;
        let mut g = self.lock();
        loop {
            if g.q.in_flight() < g.q.capacity() {
                break;
            }
            // Full: collect completions (waking their waiters) until there is room.
            Self::collect(&mut g)?;
            if g.q.in_flight() >= g.q.capacity() {
                if Instant::now() >= deadline {
                    return Err(self.hung(&mut g, "waiting for room in the submission queue"));
                }
                drop(g);
                self.changed.notify_all();
                let _ = self.irq.wait(Duration::from_millis(5));
                g = self.lock();
            }
        }
        let tag = g.next_tag;
        g.next_tag = g.next_tag.wrapping_add(1).max(1);
        d.words[0] = (d.words[0] & 0xffff_ffff) | (tag as u64) << 32;
        g.q.submit(&[d])?;
        g.pending.insert(tag);
        Ok(Ticket { tag, deadline, job: None })
    }

    /// Takes the device's completions into the done map.
    fn collect(g: &mut Inner) -> Result<bool> {
        let got = g.q.poll()?;
        let any = !got.is_empty();
        for c in got {
            if g.pending.remove(&c.tag) {
                g.done.insert(c.tag, c);
            }
        }
        Ok(any)
    }

    /// Declares the device hung: resets it, fails every job in flight, and returns the error.
    fn hung(&self, g: &mut Inner, what: &str) -> Error {
        let why = format!("device hung ({what}): no completion within {:?}; the device was reset and every job in flight failed", self.job_timeout);
        let reset = g.q.reset();
        let lost: Vec<u32> = g.pending.drain().collect();
        for tag in lost {
            g.lost.insert(tag, why.clone());
        }
        self.changed.notify_all();
        match reset {
            Ok(()) => Error::Backend(why),
            Err(e) => Error::Backend(format!("{why}; the reset failed too: {e}")),
        }
    }

    /// Waits for a job; its outcome (buffers back), or an error if the device failed it.
    pub fn wait(&self, mut t: Ticket) -> Result<Outcome> {
        let mut g = self.lock();
        loop {
            if let Some(c) = g.done.remove(&t.tag) {
                let status = Status::from_code(c.status).ok_or_else(|| Error::Backend(format!("the device returned unknown status {} for job {}", c.status, t.tag)))?;
                return Ok(Outcome { status, cycles: c.cycles, job: t.job.take() });
            }
            if let Some(why) = g.lost.remove(&t.tag) {
                return Err(Error::Backend(why));
            }
            if Self::collect(&mut g)? {
                self.changed.notify_all();
                continue;
            }
            if Instant::now() >= t.deadline {
                let e = self.hung(&mut g, &format!("job {}", t.tag));
                g.lost.remove(&t.tag);
                return Err(e);
            }
            // Sleep on the interrupt without holding the queue.
            drop(g);
            let _ = self.irq.wait(self.nap);
            g = self.lock();
        }
    }

    /// Packs 10-bit samples on the device (one job, waited for): `uhdpipe_model::pack::pack10`.
    pub fn pack10(&self, samples: &[u16]) -> Result<Vec<u8>> {
        let n = samples.len();
        let mut src = self.alloc(2 * n)?;
        src.bytes_mut()[..2 * n].copy_from_slice(&samples_to_le(samples));
        let out = packed_len(n as u64);
        let dst = self.alloc(out as usize)?;
        let r = self.run(Job { op: Op::Pack10, count: n as u32, src_len: (2 * n as u64).div_ceil(8) * 8, src, dst_len: out, dst }, out as usize)?;
        Ok(r)
    }

    /// Unpacks `n` samples on the device: `uhdpipe_model::pack::unpack10`.
    pub fn unpack10(&self, bytes: &[u8], n: usize) -> Result<Vec<u16>> {
        let need = packed_len(n as u64) as usize;
        if bytes.len() < need {
            return Err(Error::Usage(format!("{n} packed samples need {need} bytes, got {}", bytes.len())));
        }
        let mut src = self.alloc(need)?;
        src.bytes_mut()[..need].copy_from_slice(&bytes[..need]);
        let dst = self.alloc(2 * n)?;
        let out = self.run(Job { op: Op::Unpack10, count: n as u32, src_len: (need as u64).div_ceil(8) * 8, src, dst_len: 2 * n as u64, dst }, 2 * n)?;
        Ok(samples_from_le(&out))
    }

    /// Decodes a picture's slices (HQ or LD) on the device ([`Op::DecodeHq`]): `slices` the picture's
    /// slice bytes end to end, `coefficients` how many it has (the padded component sizes
    /// summed); returns them in slice order (`uhdpipe_model::slice::slice_order_coefficients`),
    /// as `uhdpipe_model::slice::picture_from_slice_order` takes them. A picture the device
    /// cannot take (sizes past its 16-bit walk, more than 16 bands) is refused naming why; a
    /// slice past the data or a coefficient past the device's range fails the job.
    pub fn decode_hq_slices(&self, walk: &SliceWalk, slices: &[u8], coefficients: usize) -> Result<Vec<i64>> {
        let params = hq_params((walk.slices_x, walk.slices_y), walk.prefix_bytes, walk.size_scaler, walk.low_delay, [walk.xq[0], walk.xr[0], walk.yq[0], walk.yr[0]], [walk.xq[1], walk.xr[1], walk.yq[1], walk.yr[1]], &walk.bands)
            .map_err(|e| Error::Usage(format!("the device cannot decode this picture: {e}")))?;
        if slices.is_empty() || slices.len() >= 1 << 32 || coefficients == 0 || coefficients >= 1 << 30 {
            return Err(Error::Usage(format!("the device decodes 1 byte to 4 GiB of slices into 1 to 2^30 coefficients, not {} bytes into {coefficients}", slices.len())));
        }
        let mut p = self.alloc(64)?;
        for (k, w) in params.iter().enumerate() {
            p.bytes_mut()[8 * k..8 * k + 8].copy_from_slice(&w.to_le_bytes());
        }
        let src_len = slices.len().div_ceil(8) * 8;
        let mut src = self.alloc(src_len)?;
        src.bytes_mut()[..slices.len()].copy_from_slice(slices);
        let dst = self.alloc(4 * coefficients)?;
        let d = Descriptor::decode_hq(0, slices.len() as u32, coefficients as u32, (src.iova, src_len as u64), (dst.iova, 4 * coefficients as u64), p.iova);
        let outcome = self.submit_descriptor(d).and_then(|t| self.wait(t));
        let values: Vec<i64> = dst.bytes()[..4 * coefficients].chunks_exact(4).map(|c| coefficient_value(u32::from_le_bytes([c[0], c[1], c[2], c[3]]))).collect();
        let freed = self.free(p).and(self.free(src)).and(self.free(dst));
        let outcome = outcome?;
        freed?;
        match outcome.status {
            Status::Ok => Ok(values),
            s => Err(Error::Backend(format!("the device failed the picture: {}", s.describe()))),
        }
    }

    /// Runs one job, returns the first `out` bytes of its destination, frees its buffers.
    fn run(&self, job: Job, out: usize) -> Result<Vec<u8>> {
        if job.count == 0 {
            self.free(job.src)?;
            self.free(job.dst)?;
            return Ok(Vec::new());
        }
        let o = self.wait(self.submit(job)?)?;
        let job = o.job.expect("the job comes back");
        let result = job.dst.bytes()[..out].to_vec();
        self.free(job.src)?;
        self.free(job.dst)?;
        match o.status {
            Status::Ok => Ok(result),
            s => Err(Error::Backend(format!("the device failed the job: {}", s.describe()))),
        }
    }

    /// Reads a job-queue register by name (counters, status).
    pub fn queue_register(&self, name: &str) -> Result<u32> {
        Ok(self.lock().q.read(name)?)
    }
}
