//! The Verilated `uhdpipe_legall_h` (rtl/src/blocks/legall_h.rs: LeGall 5/3 horizontal
//! analysis, two samples per clock, 12-bit in, 16-bit out).

use std::ptr::NonNull;

#[repr(C)]
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
/// Port values (inputs set by the caller, outputs filled by [`LegallH::eval`]).
pub struct Ports {
    /// in_valid.
    pub in_valid: u8,
    /// in_first.
    pub in_first: u8,
    /// in_last.
    pub in_last: u8,
    /// out_ready.
    pub out_ready: u8,
    /// in_even (low 12 bits used, two's complement).
    pub in_even: u16,
    /// in_odd (low 12 bits used, two's complement).
    pub in_odd: u16,
    /// in_ready (output).
    pub in_ready: u8,
    /// out_valid (output).
    pub out_valid: u8,
    /// out_first (output).
    pub out_first: u8,
    /// out_last (output).
    pub out_last: u8,
    /// out_low (output, 16-bit two's complement).
    pub out_low: u16,
    /// out_high (output, 16-bit two's complement).
    pub out_high: u16,
}

#[repr(C)]
struct Opaque {
    _private: [u8; 0],
}

extern "C" {
    fn uhdpipe_legall_h_new() -> *mut Opaque;
    fn uhdpipe_legall_h_free(s: *mut Opaque);
    fn uhdpipe_legall_h_eval(s: *mut Opaque, p: *mut Ports);
    fn uhdpipe_legall_h_tick(s: *mut Opaque);
}

/// One instance of the Verilated block.
pub struct LegallH {
    inner: NonNull<Opaque>,
}

// SAFETY: the model is plain memory owned by this value; it may move between threads (it is
// never shared: every method takes `&mut self`).
unsafe impl Send for LegallH {}

impl LegallH {
    /// A fresh instance, clock low, registers at their initial values.
    pub fn new() -> Self {
        // SAFETY: the shim allocates a model and returns a valid, owned pointer.
        let p = unsafe { uhdpipe_legall_h_new() };
        LegallH { inner: NonNull::new(p).expect("Verilated model allocation") }
    }

    /// Applies `p`'s inputs, settles the logic, and writes the outputs into `p`.
    pub fn eval(&mut self, p: &mut Ports) {
        // SAFETY: `inner` is live (owned by self); `p` is a valid exclusive pointer to a
        // repr(C) struct laid out as the shim's.
        unsafe { uhdpipe_legall_h_eval(self.inner.as_ptr(), p) }
    }

    /// One rising clock edge.
    pub fn tick(&mut self) {
        // SAFETY: `inner` is live (owned by self).
        unsafe { uhdpipe_legall_h_tick(self.inner.as_ptr()) }
    }
}

impl Default for LegallH {
    fn default() -> Self {
        Self::new()
    }
}

impl Drop for LegallH {
    fn drop(&mut self) {
        // SAFETY: `inner` came from `uhdpipe_legall_h_new` and is freed exactly once here.
        unsafe { uhdpipe_legall_h_free(self.inner.as_ptr()) }
    }
}
