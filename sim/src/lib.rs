//! # uhdpipe simulation
//!
//! The committed Verilog of the RTL blocks (`rtl/verilog/`), built with Verilator by this
//! crate's build script and driven from Rust through a small C shim per block
//! (`csrc/<block>.cpp` on top of `csrc/harness.h`). Tests here compare every block bit for
//! bit with the reference model under random valid/ready back-pressure; each block can also
//! run in rust-hdl's own simulator behind the same [`Dut`] trait. [`device`] is the simulated PCIe
//! device: the Verilated RTL behind a vfio-user server.

pub mod core;
pub mod device;
pub mod hq_slices;
pub mod legall_fwd;
pub mod legall_h;
pub mod legall_inv;
pub mod legall_v;
/// Only with the `lift-fwd` feature (its Verilated models take ~7 minutes each to build).
#[cfg(feature = "lift-fwd")]
pub mod lift_fwd;
pub mod lift_h;
/// Only with the `lift-inv` feature (its Verilated models take ~7 minutes each to build).
#[cfg(feature = "lift-inv")]
pub mod lift_inv;
pub mod lift_v;
pub mod pictures;

/// A clocked block driven port by port: the one interface testbenches use for both
/// simulators (Verilator and rust-hdl's).
pub trait Dut {
    /// The block's port values (`repr(C)`, shared with its C shim).
    type Ports;
    /// Applies `p`'s inputs, settles the logic, and writes the outputs into `p`.
    fn eval(&mut self, p: &mut Self::Ports);
    /// One rising clock edge.
    fn tick(&mut self);
}

/// A boxed block drives like the block (so one test can pick a build at run time).
impl<D: Dut + ?Sized> Dut for Box<D> {
    type Ports = D::Ports;

    fn eval(&mut self, p: &mut Self::Ports) {
        (**self).eval(p)
    }

    fn tick(&mut self) {
        (**self).tick()
    }
}

/// A small xorshift generator for testbench decisions (idle and stall cycles), so that a
/// failing seed replays exactly.
#[derive(Debug, Clone)]
pub struct Chance(u64);

impl Chance {
    /// A generator from `seed` (any value).
    pub fn new(seed: u64) -> Self {
        Chance(seed | 1)
    }
    /// True with probability `per_mille / 1000`.
    pub fn hit(&mut self, per_mille: u32) -> bool {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        ((self.0 % 1000) as u32) < per_mille
    }
}

/// The signed value of an output lane: the low `bits` bits of `v` (1..=64), two's
/// complement, sign-extended.
pub fn sext(v: impl Into<u64>, bits: u32) -> i64 {
    let sh = 64 - bits;
    ((v.into() << sh) as i64) >> sh
}

/// A `repr(C)` ports struct whose layout can be compared with its C twin's (the shim's
/// `uhdpipe_<design>_layout()`, `csrc/harness.h` `UHDPIPE_LAYOUT`).
pub trait PortLayout {
    /// `size=N;field@offset+size;…` for every field, in declaration order.
    fn layout() -> String;
}

/// `port_layout!(Type, [field, …])` implements [`PortLayout`] for a ports struct, every field
/// listed in declaration order (a field left out of the list still shows in the size, which
/// then disagrees with the C struct's).
macro_rules! port_layout {
    ($t:ty, [$($f:ident),* $(,)?]) => {
        impl $crate::PortLayout for $t {
            fn layout() -> String {
                let v = <$t>::default();
                let mut s = format!("size={};", std::mem::size_of::<$t>());
                $(s += &format!("{}@{}+{};", stringify!($f), std::mem::offset_of!($t, $f), std::mem::size_of_val(&v.$f));)*
                s
            }
        }
    };
}
pub(crate) use port_layout;

/// The wrapper of one Verilated block: `verilated!(Type, design, PortsType, "doc")` declares
/// `Type` (owning the model), its `extern "C"` shim functions `uhdpipe_<design>_*`, `new`,
/// `trace_to`, `Drop` and [`Dut`].
macro_rules! verilated {
    ($ty:ident, $name:ident, $ports:ty, $doc:expr) => {
        #[doc = $doc]
        pub struct $ty {
            inner: std::ptr::NonNull<std::ffi::c_void>,
        }

        // SAFETY: the model is plain memory owned by this value; it may move between threads
        // (it is never shared: every method takes `&mut self`).
        unsafe impl Send for $ty {}

        impl $ty {
            /// A fresh instance, clock low, registers at their initial values. The first one
            /// checks that the shim's C ports struct and its Rust mirror have the same layout.
            pub fn new() -> Self {
                extern "C" {
                    #[link_name = concat!("uhdpipe_", stringify!($name), "_new")]
                    fn new_model() -> *mut std::ffi::c_void;
                    #[link_name = concat!("uhdpipe_", stringify!($name), "_layout")]
                    fn c_layout() -> *const std::ffi::c_char;
                }
                static CHECKED: std::sync::Once = std::sync::Once::new();
                CHECKED.call_once(|| {
                    // SAFETY: the shim returns a NUL-terminated string it owns for the life of
                    // the program.
                    let c = unsafe { std::ffi::CStr::from_ptr(c_layout()) }.to_string_lossy().into_owned();
                    let rust = <$ports as $crate::PortLayout>::layout();
                    assert_eq!(c, rust, concat!("the C ports struct of ", stringify!($name), " (left, sim/csrc) and its Rust mirror ", stringify!($ports), " (right) disagree"));
                });
                // SAFETY: the shim allocates a model and returns a valid, owned pointer.
                let p = unsafe { new_model() };
                $ty { inner: std::ptr::NonNull::new(p).expect("Verilated model allocation") }
            }

            /// Records an FST waveform of every signal to `path` from now on (GTKWave opens
            /// it). Needs the crate's `fst` feature (`cargo test -p uhdpipe-sim --features
            /// fst`); without it, returns an error saying so.
            pub fn trace_to(&mut self, path: &std::path::Path) -> Result<(), String> {
                extern "C" {
                    #[link_name = concat!("uhdpipe_", stringify!($name), "_trace")]
                    fn trace(s: *mut std::ffi::c_void, path: *const std::ffi::c_char) -> i32;
                }
                let c = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).map_err(|_| "path contains a NUL byte".to_string())?;
                // SAFETY: `inner` is live; `c` is a NUL-terminated string that outlives the
                // call (the shim copies the name when it opens the file).
                let ok = unsafe { trace(self.inner.as_ptr(), c.as_ptr()) };
                if ok == 1 {
                    Ok(())
                } else {
                    Err("this build has no waveform support: enable the uhdpipe-sim `fst` feature".into())
                }
            }
        }

        impl Default for $ty {
            fn default() -> Self {
                Self::new()
            }
        }

        impl Drop for $ty {
            fn drop(&mut self) {
                extern "C" {
                    #[link_name = concat!("uhdpipe_", stringify!($name), "_free")]
                    fn free(s: *mut std::ffi::c_void);
                }
                // SAFETY: `inner` came from the shim's `new` and is freed exactly once here.
                unsafe { free(self.inner.as_ptr()) }
            }
        }

        impl $crate::Dut for $ty {
            type Ports = $ports;

            fn eval(&mut self, p: &mut $ports) {
                extern "C" {
                    #[link_name = concat!("uhdpipe_", stringify!($name), "_eval")]
                    fn eval(s: *mut std::ffi::c_void, p: *mut $ports);
                }
                // SAFETY: `inner` is live (owned by self); `p` is a valid exclusive pointer to
                // a repr(C) struct laid out as the shim's.
                unsafe { eval(self.inner.as_ptr(), p) }
            }

            fn tick(&mut self) {
                extern "C" {
                    #[link_name = concat!("uhdpipe_", stringify!($name), "_tick")]
                    fn tick(s: *mut std::ffi::c_void);
                }
                // SAFETY: `inner` is live (owned by self).
                unsafe { tick(self.inner.as_ptr()) }
            }
        }
    };
}
pub(crate) use verilated;

/// The wrapper of one block in rust-hdl's own simulator: `hdl_sim!(Type, BlockType, "doc")`
/// declares `Type` (owning the block, boxed), `new` (connected, clock low, settled),
/// `Default`, and the `settle` / `edge` steps a [`Dut`] implementation uses (`eval` is the
/// block's own: it maps the ports).
macro_rules! hdl_sim {
    ($ty:ident, $block:ty, $doc:expr) => {
        $crate::hdl_sim!($ty, $block, <$block>::default(), $doc);
    };
    ($ty:ident, $block:ty, $ctor:expr, $doc:expr) => {
        #[doc = $doc]
        pub struct $ty {
            uut: Box<$block>,
        }

        impl $ty {
            /// A fresh instance, clock low.
            pub fn new() -> Self {
                use rust_hdl::prelude::*;
                let mut uut: Box<$block> = Box::new($ctor);
                uut.connect_all();
                uut.clock.next = Clock::from(false);
                let mut s = $ty { uut };
                s.settle();
                s
            }

            /// Propagates every change until the logic is stable.
            fn settle(&mut self) {
                assert!(rust_hdl::prelude::simulate(&mut *self.uut, 1000), "rust-hdl simulation did not settle");
            }

            /// One rising clock edge, then the clock low again.
            fn edge(&mut self) {
                use rust_hdl::prelude::*;
                self.uut.clock.next = Clock::from(true);
                self.settle();
                self.uut.clock.next = Clock::from(false);
                self.settle();
            }
        }

        impl Default for $ty {
            fn default() -> Self {
                Self::new()
            }
        }
    };
}
pub(crate) use hdl_sim;
