//! One lifting step along a line, for every VC-2 wavelet that has a step in this position:
//! ST 2042-1 15.4.4.1 `lift1`…`lift4` on a stream of sample pairs, one pair per clock.
//!
//! **Function.** The stream carries a line's de-interleaved pairs `(e_n, o_n)`. The unit
//! updates one parity (fixed at build time: the *target*) from a window of the other (the
//! *source*): `t_n ±= (Σ_j c_j · s_{clamp(n + base + j)} + r) >> S`, the source index clamped
//! to the line (`0..N−1`), exactly the model's `lift_line`. Which step it is — taps, offset,
//! shift, add or subtract — is chosen at run time by `cfg_wavelet` from the *variants* the
//! unit was built with ([`LiftUnit::new`]); a wavelet with no step here passes the pairs
//! through unchanged (with the same latency). Each variant is a [`super::lift_mac`]: shift
//! and add, no multiplier.
//!
//! **Window.** Nine pairs (source offsets −4..=+4 around the centre pair), a shift register
//! that advances when a pair arrives, or with no input while a line's last pair has not yet
//! left the centre and no pair of the next line has entered (the flush: a line's tail needs
//! no further input, so lines may come with gaps and the last line of a picture is not held
//! back; once the next line has begun, the window waits for its pairs, so that no gap ever
//! lands inside a line). Offsets past a line's last pair
//! take the last pair's source, offsets before its first pair the first's (the clamp), so
//! lines follow each other with no gap.
//!
//! **Framing** (built with `framing`: the first unit of a row). Lines are `cfg_pairs` pairs
//! long; the unit counts pairs and checks the markers exactly as [`super::legall_h`] does:
//! any mismatch pulses `err_line`, and the unit resynchronises so that the next well-formed
//! line comes out exactly right (a pair where a line should start without `in_first` is
//! dropped with every pair up to the next `in_first`; `in_first` inside a line starts a new
//! line; an early `in_last` ends the line; a line reaching `cfg_pairs` without `in_last` is
//! ended and its surplus dropped). Units built without it trust `in_first`/`in_last`.
//!
//! **Throughput:** one pair per clock in and out, lines back to back. **Latency:** a pair
//! leaves the window four pairs after it entered (or at the flush), then eight clocks: tap
//! register, the MAC's four, the selected variant's register, the result register, the
//! output queue.
//!
//! **Handshake.** Video streams (crate docs). `in_ready` is the output queue's "second entry
//! empty" register, the enable of every stage. **Reset:** none; registers start empty.
//!
//! **Post-shift** (built with `post_shift`, the last step of synthesis): when `cfg_shift` is
//! high both samples leave as `(x + 1) >> 1` (`filter_bit_shift` 1 undone, 15.4.4.2); the
//! `+1` is added in the delay line, so the result register keeps one adder.
//!
//! **Build-time parameters:** `V` sample bits (two's complement, the parent sizes it from the
//! worst case); `A` MAC accumulator bits (`V` plus the coefficient growth).

use super::lift_mac::{LiftMac, TAPS};
use super::pair_queue::PairQueue;
use rust_hdl::prelude::*;

/// Variants a unit can hold (the most any position has: LeGall, Deslauriers-Dubuc, Haar,
/// Fidelity and Daubechies in the second synthesis step).
pub const VARIANTS: usize = 5;

/// One variant: the lifting step it computes and the wavelets that select it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Variant {
    /// Tap weights.
    pub taps: Vec<i64>,
    /// Source offset of the first tap relative to the target index.
    pub base: i32,
    /// Right shift `S`.
    pub shift: u32,
    /// Subtract (else add).
    pub sub: bool,
    /// Bit `w` set: VC-2 wavelet index `w` uses this variant.
    pub wavelets: u8,
}

/// The block; ports below are its whole interface.
#[derive(LogicBlock)]
pub struct LiftUnit<const V: usize, const A: usize> {
    /// Clock.
    pub clock: Signal<In, Clock>,
    /// Input stream: a pair is offered.
    pub in_valid: Signal<In, Bit>,
    /// Input stream: the unit takes it at this edge (a register).
    pub in_ready: Signal<Out, Bit>,
    /// Input stream: even sample `e_n`, `V`-bit two's complement.
    pub in_e: Signal<In, Bits<V>>,
    /// Input stream: odd sample `o_n`, `V`-bit two's complement.
    pub in_o: Signal<In, Bits<V>>,
    /// Input stream: first pair of a line.
    pub in_first: Signal<In, Bit>,
    /// Input stream: last pair of a line.
    pub in_last: Signal<In, Bit>,
    /// Input stream: start of picture (carried).
    pub in_sop: Signal<In, Bit>,
    /// Run-time register: VC-2 wavelet index 0..=6 (change between pictures, with the unit
    /// empty, at least two clocks before the next pair: it is decoded into registers).
    pub cfg_wavelet: Signal<In, Bits<3>>,
    /// Run-time register (framing unit only): pairs per line, 1..=4096.
    pub cfg_pairs: Signal<In, Bits<13>>,
    /// Run-time register (framing unit only): `cfg_pairs == 1`.
    pub cfg_single: Signal<In, Bit>,
    /// Protocol error (framing unit only; else low): high for one clock when a line breaks
    /// the framing.
    pub err_line: Signal<Out, Bit>,
    /// Run-time register: undo `filter_bit_shift` 1 on the way out (used only when built with
    /// `post_shift`).
    pub cfg_shift: Signal<In, Bit>,
    /// Output stream: a pair is offered.
    pub out_valid: Signal<Out, Bit>,
    /// Output stream: the consumer takes it.
    pub out_ready: Signal<In, Bit>,
    /// Output stream: even sample.
    pub out_e: Signal<Out, Bits<V>>,
    /// Output stream: odd sample.
    pub out_o: Signal<Out, Bits<V>>,
    /// Output stream: first pair of a line.
    pub out_first: Signal<Out, Bit>,
    /// Output stream: last pair of a line.
    pub out_last: Signal<Out, Bit>,
    /// Output stream: start of picture.
    pub out_sop: Signal<Out, Bit>,
    /// Range error: high for one clock when a pair whose target (or, with the post-shift,
    /// either sample) does not fit `V` bits enters the output queue — the lifting step's
    /// bracket, the update `t ± y` or the post-shift's `+1` wrapped. The pair leaves wrapped.
    /// Only a parent sized from the worst *real* stream (`vc2-bit-widths`) can see it.
    pub err_range: Signal<Out, Bit>,
    mac0: LiftMac<V, A>,
    mac1: LiftMac<V, A>,
    mac2: LiftMac<V, A>,
    mac3: LiftMac<V, A>,
    mac4: LiftMac<V, A>,
    odd_t: Constant<Bit>,
    post: Constant<Bit>,
    framing: Constant<Bit>,
    // framing (built with `framing`; see the module docs)
    cfg_m2: Signal<Local, Bits<13>>,
    r_m1: Signal<Local, Bits<13>>,
    at_end: Signal<Local, Bit>,
    eff_first: Signal<Local, Bit>,
    eff_last: Signal<Local, Bit>,
    accept: Signal<Local, Bit>,
    err_now: Signal<Local, Bit>,
    r: DFF<Bits<13>>,
    in_line: DFF<Bit>,
    dropping: DFF<Bit>,
    err: DFF<Bit>,
    iv: Signal<Local, Bit>,
    ifirst: Signal<Local, Bit>,
    ilast: Signal<Local, Bit>,
    vmask: [Constant<Bits<8>>; VARIANTS],
    vsub: [Constant<Bit>; VARIANTS],
    one8: Constant<Bits<8>>,
    ext: Constant<Bits<A>>,
    msb: Constant<Bits<V>>,
    one: Constant<Bits<V>>,
    // window: slot 0 newest (offset +4 from the centre, slot 4), slot 8 oldest (−4)
    wv: [DFF<Bit>; TAPS],
    we: [DFF<Bits<V>>; TAPS],
    wo: [DFF<Bits<V>>; TAPS],
    wf: [DFF<Bit>; TAPS],
    wl: [DFF<Bit>; TAPS],
    ws: [DFF<Bit>; TAPS],
    src: [Signal<Local, Bits<V>>; TAPS],
    cx: [Signal<Local, Bits<V>>; TAPS],
    stop: [Signal<Local, Bit>; 8],
    flush: Signal<Local, Bit>,
    // the newest pair that entered the window ended its line
    tail: DFF<Bit>,
    adv: Signal<Local, Bit>,
    free: Signal<Local, Bit>,
    wbit: Signal<Local, Bits<8>>,
    sel: [DFF<Bit>; VARIANTS],
    // tap register (the MACs' input) and the centre pair beside it
    rx: [DFF<Bits<A>>; TAPS],
    r0v: DFF<Bit>,
    r0t: DFF<Bits<V>>,
    r0u: DFF<Bits<V>>,
    r0f: DFF<Bit>,
    r0l: DFF<Bit>,
    r0s: DFF<Bit>,
    // delay line beside the MACs (4 clocks) and the variant select (1)
    dv: [DFF<Bit>; 5],
    dt: [DFF<Bits<V>>; 5],
    du: [DFF<Bits<V>>; 5],
    df: [DFF<Bit>; 5],
    dl: [DFF<Bit>; 5],
    ds: [DFF<Bit>; 5],
    y: Signal<Local, Bits<V>>,
    ysub: Signal<Local, Bit>,
    ry: DFF<Bits<V>>,
    rsub: DFF<Bit>,
    res: Signal<Local, Bits<V>>,
    // range check: the selected bracket wrapped (registered with ry), the post-shift's +1
    // wrapped (with dt[4]), the update's sign test, the pair's flag (with oe)
    yovf: Signal<Local, Bit>,
    rovf: DFF<Bit>,
    povf: DFF<Bit>,
    tm: Signal<Local, Bit>,
    ym: Signal<Local, Bit>,
    rm: Signal<Local, Bit>,
    oerr: DFF<Bit>,
    maxpos: Constant<Bits<V>>,
    // result register
    ov: DFF<Bit>,
    oe: DFF<Bits<V>>,
    oo: DFF<Bits<V>>,
    of: DFF<Bit>,
    ol: DFF<Bit>,
    os: DFF<Bit>,
    // output queue
    q: PairQueue<V, 1>,
}

impl<const V: usize, const A: usize> LiftUnit<V, A> {
    /// A unit updating the odd samples (`odd_target`) or the even ones, holding `variants`
    /// (at most [`VARIANTS`]); `post_shift` builds the synthesis output shift.
    pub fn new(odd_target: bool, variants: &[Variant], post_shift: bool, framing: bool) -> Self {
        assert!(variants.len() <= VARIANTS && V < 64 && A < 64 && A > V);
        let mac = |k: usize| match variants.get(k) {
            Some(v) => LiftMac::new(&v.taps, v.base, v.shift),
            None => LiftMac::new(&[], 0, 0),
        };
        let ext = ((1u64 << A) - 1) & !((1u64 << V) - 1);
        Self {
            clock: Default::default(),
            in_valid: Default::default(),
            in_ready: Default::default(),
            in_e: Default::default(),
            in_o: Default::default(),
            in_first: Default::default(),
            in_last: Default::default(),
            in_sop: Default::default(),
            cfg_wavelet: Default::default(),
            cfg_shift: Default::default(),
            out_valid: Default::default(),
            out_ready: Default::default(),
            out_e: Default::default(),
            out_o: Default::default(),
            out_first: Default::default(),
            out_last: Default::default(),
            out_sop: Default::default(),
            err_range: Default::default(),
            mac0: mac(0),
            mac1: mac(1),
            mac2: mac(2),
            mac3: mac(3),
            mac4: mac(4),
            odd_t: Constant::new(odd_target),
            post: Constant::new(post_shift),
            framing: Constant::new(framing),
            cfg_pairs: Default::default(),
            cfg_single: Default::default(),
            err_line: Default::default(),
            cfg_m2: Default::default(),
            r_m1: Default::default(),
            at_end: Default::default(),
            eff_first: Default::default(),
            eff_last: Default::default(),
            accept: Default::default(),
            err_now: Default::default(),
            r: Default::default(),
            in_line: Default::default(),
            dropping: Default::default(),
            err: Default::default(),
            iv: Default::default(),
            ifirst: Default::default(),
            ilast: Default::default(),
            vmask: std::array::from_fn(|k| Constant::new((variants.get(k).map_or(0, |v| v.wavelets) as u64).to_bits())),
            vsub: std::array::from_fn(|k| Constant::new(variants.get(k).is_some_and(|v| v.sub))),
            one8: Constant::new(1u64.to_bits()),
            ext: Constant::new(ext.to_bits()),
            msb: Constant::new((1u64 << (V - 1)).to_bits()),
            one: Constant::new(1u64.to_bits()),
            wv: Default::default(),
            we: Default::default(),
            wo: Default::default(),
            wf: Default::default(),
            wl: Default::default(),
            ws: Default::default(),
            src: Default::default(),
            cx: Default::default(),
            stop: Default::default(),
            flush: Default::default(),
            tail: Default::default(),
            adv: Default::default(),
            free: Default::default(),
            wbit: Default::default(),
            sel: Default::default(),
            rx: Default::default(),
            r0v: Default::default(),
            r0t: Default::default(),
            r0u: Default::default(),
            r0f: Default::default(),
            r0l: Default::default(),
            r0s: Default::default(),
            dv: Default::default(),
            dt: Default::default(),
            du: Default::default(),
            df: Default::default(),
            dl: Default::default(),
            ds: Default::default(),
            y: Default::default(),
            ysub: Default::default(),
            ry: Default::default(),
            rsub: Default::default(),
            res: Default::default(),
            yovf: Default::default(),
            rovf: Default::default(),
            povf: Default::default(),
            tm: Default::default(),
            ym: Default::default(),
            rm: Default::default(),
            oerr: Default::default(),
            maxpos: Constant::new(((1u64 << (V - 1)) - 1).to_bits()),
            ov: Default::default(),
            oe: Default::default(),
            oo: Default::default(),
            of: Default::default(),
            ol: Default::default(),
            os: Default::default(),
            q: Default::default(),
        }
    }
}

impl<const V: usize, const A: usize> Logic for LiftUnit<V, A> {
    #[hdl_gen]
    fn update(&mut self) {
        for k in 0..9 {
            self.wv[k].clock.next = self.clock.val();
            self.we[k].clock.next = self.clock.val();
            self.wo[k].clock.next = self.clock.val();
            self.wf[k].clock.next = self.clock.val();
            self.wl[k].clock.next = self.clock.val();
            self.ws[k].clock.next = self.clock.val();
            self.rx[k].clock.next = self.clock.val();
            self.wv[k].d.next = self.wv[k].q.val();
            self.we[k].d.next = self.we[k].q.val();
            self.wo[k].d.next = self.wo[k].q.val();
            self.wf[k].d.next = self.wf[k].q.val();
            self.wl[k].d.next = self.wl[k].q.val();
            self.ws[k].d.next = self.ws[k].q.val();
            self.rx[k].d.next = self.rx[k].q.val();
        }
        for k in 0..5 {
            self.dv[k].clock.next = self.clock.val();
            self.dt[k].clock.next = self.clock.val();
            self.du[k].clock.next = self.clock.val();
            self.df[k].clock.next = self.clock.val();
            self.dl[k].clock.next = self.clock.val();
            self.ds[k].clock.next = self.clock.val();
            self.dv[k].d.next = self.dv[k].q.val();
            self.dt[k].d.next = self.dt[k].q.val();
            self.du[k].d.next = self.du[k].q.val();
            self.df[k].d.next = self.df[k].q.val();
            self.dl[k].d.next = self.dl[k].q.val();
            self.ds[k].d.next = self.ds[k].q.val();
        }
        for k in 0..5 {
            self.sel[k].clock.next = self.clock.val();
            self.sel[k].d.next = self.sel[k].q.val();
        }
        dff_setup!(self, clock, tail, ry, rsub, rovf, povf, oerr, r, in_line, dropping, err, r0v, r0t, r0u, r0f, r0l, r0s, ov, oe, oo, of, ol, os);
        self.mac0.clock.next = self.clock.val();
        self.mac1.clock.next = self.clock.val();
        self.mac2.clock.next = self.clock.val();
        self.mac3.clock.next = self.clock.val();
        self.mac4.clock.next = self.clock.val();
        // Run-time wavelet, decoded into one register per variant.
        self.wbit.next = self.one8.val() << self.cfg_wavelet.val();
        for k in 0..5 {
            self.sel[k].d.next = (self.vmask[k].val() & self.wbit.val()).any();
        }
        // Every stage advances while the output queue has room; the window also needs a
        // pair, or a line tail to flush.
        self.free.next = self.q.free.val();
        self.in_ready.next = self.free.val();
        // (only while the newest pair in the window ends its line: a bubble must never land
        // inside the next line)
        self.flush.next = false;
        for k in 0..5 {
            if self.wv[k].q.val() & self.wl[k].q.val() & self.tail.q.val() {
                self.flush.next = true;
            }
        }
        // Framing (the first unit only): count pairs, check the markers; beats that break
        // them are dropped or end the line (see the module docs and legall_h).
        self.cfg_m2.next = self.cfg_pairs.val() - 2;
        self.r_m1.next = self.r.q.val() - 1;
        self.eff_first.next = self.in_first.val() | !self.in_line.q.val();
        self.at_end.next = !self.r.q.val().any();
        if self.in_first.val() {
            self.at_end.next = self.cfg_single.val();
        }
        self.eff_last.next = self.in_last.val() | self.at_end.val();
        self.accept.next = self.in_first.val() | self.in_line.q.val();
        self.err_now.next = false;
        if self.in_first.val() & self.in_line.q.val() {
            self.err_now.next = true;
        }
        if self.accept.val() & (self.in_last.val() != self.at_end.val()) {
            self.err_now.next = true;
        }
        if !self.accept.val() & !self.dropping.q.val() {
            self.err_now.next = true;
        }
        self.err.d.next = false;
        if self.framing.val() & self.free.val() & self.in_valid.val() {
            self.err.d.next = self.err_now.val();
            if self.accept.val() {
                self.dropping.d.next = false;
                self.r.d.next = self.r_m1.val();
                if self.in_first.val() {
                    self.r.d.next = self.cfg_m2.val();
                }
                self.in_line.d.next = !self.eff_last.val();
            } else {
                self.dropping.d.next = true;
            }
        }
        self.err_line.next = self.err.q.val() & self.framing.val();
        self.iv.next = self.in_valid.val();
        self.ifirst.next = self.in_first.val();
        self.ilast.next = self.in_last.val();
        if self.framing.val() {
            self.iv.next = self.in_valid.val() & self.accept.val();
            self.ifirst.next = self.eff_first.val();
            self.ilast.next = self.eff_last.val();
        }
        self.adv.next = self.free.val() & (self.iv.val() | self.flush.val());
        // Source samples of the window, clamped to the centre pair's line.
        for k in 0..9 {
            self.src[k].next = self.wo[k].q.val();
            if self.odd_t.val() {
                self.src[k].next = self.we[k].q.val();
            }
        }
        self.cx[4].next = self.src[4].val();
        self.stop[4].next = self.wl[4].q.val();
        self.cx[5].next = self.src[3].val();
        if self.stop[4].val() {
            self.cx[5].next = self.cx[4].val();
        }
        self.stop[5].next = self.stop[4].val() | self.wl[3].q.val();
        self.cx[6].next = self.src[2].val();
        if self.stop[5].val() {
            self.cx[6].next = self.cx[5].val();
        }
        self.stop[6].next = self.stop[5].val() | self.wl[2].q.val();
        self.cx[7].next = self.src[1].val();
        if self.stop[6].val() {
            self.cx[7].next = self.cx[6].val();
        }
        self.stop[7].next = self.stop[6].val() | self.wl[1].q.val();
        self.cx[8].next = self.src[0].val();
        if self.stop[7].val() {
            self.cx[8].next = self.cx[7].val();
        }
        self.stop[3].next = self.wf[4].q.val();
        self.cx[3].next = self.src[5].val();
        if self.stop[3].val() {
            self.cx[3].next = self.cx[4].val();
        }
        self.stop[2].next = self.stop[3].val() | self.wf[5].q.val();
        self.cx[2].next = self.src[6].val();
        if self.stop[2].val() {
            self.cx[2].next = self.cx[3].val();
        }
        self.stop[1].next = self.stop[2].val() | self.wf[6].q.val();
        self.cx[1].next = self.src[7].val();
        if self.stop[1].val() {
            self.cx[1].next = self.cx[2].val();
        }
        self.stop[0].next = self.stop[1].val() | self.wf[7].q.val();
        self.cx[0].next = self.src[8].val();
        if self.stop[0].val() {
            self.cx[0].next = self.cx[1].val();
        }
        if self.adv.val() & self.iv.val() {
            self.tail.d.next = self.ilast.val();
        }
        if self.adv.val() {
            self.wv[0].d.next = self.iv.val();
            self.we[0].d.next = self.in_e.val();
            self.wo[0].d.next = self.in_o.val();
            self.wf[0].d.next = self.ifirst.val();
            self.wl[0].d.next = self.ilast.val();
            self.ws[0].d.next = self.in_sop.val() & self.in_first.val();
            for k in 1..9 {
                self.wv[k].d.next = self.wv[k - 1].q.val();
                self.we[k].d.next = self.we[k - 1].q.val();
                self.wo[k].d.next = self.wo[k - 1].q.val();
                self.wf[k].d.next = self.wf[k - 1].q.val();
                self.wl[k].d.next = self.wl[k - 1].q.val();
                self.ws[k].d.next = self.ws[k - 1].q.val();
            }
        }
        // Tap register: the centre pair leaves the window with its clamped sources
        // (sign-extended to the accumulator width).
        if self.free.val() {
            self.r0v.d.next = self.adv.val() & self.wv[4].q.val();
            // (unrolled: rust-hdl cannot bit_cast an array element inside a loop)
            self.rx[0].d.next = bit_cast::<A, V>(self.cx[0].val());
            if (self.cx[0].val() & self.msb.val()).any() {
                self.rx[0].d.next = bit_cast::<A, V>(self.cx[0].val()) | self.ext.val();
            }
            self.rx[1].d.next = bit_cast::<A, V>(self.cx[1].val());
            if (self.cx[1].val() & self.msb.val()).any() {
                self.rx[1].d.next = bit_cast::<A, V>(self.cx[1].val()) | self.ext.val();
            }
            self.rx[2].d.next = bit_cast::<A, V>(self.cx[2].val());
            if (self.cx[2].val() & self.msb.val()).any() {
                self.rx[2].d.next = bit_cast::<A, V>(self.cx[2].val()) | self.ext.val();
            }
            self.rx[3].d.next = bit_cast::<A, V>(self.cx[3].val());
            if (self.cx[3].val() & self.msb.val()).any() {
                self.rx[3].d.next = bit_cast::<A, V>(self.cx[3].val()) | self.ext.val();
            }
            self.rx[4].d.next = bit_cast::<A, V>(self.cx[4].val());
            if (self.cx[4].val() & self.msb.val()).any() {
                self.rx[4].d.next = bit_cast::<A, V>(self.cx[4].val()) | self.ext.val();
            }
            self.rx[5].d.next = bit_cast::<A, V>(self.cx[5].val());
            if (self.cx[5].val() & self.msb.val()).any() {
                self.rx[5].d.next = bit_cast::<A, V>(self.cx[5].val()) | self.ext.val();
            }
            self.rx[6].d.next = bit_cast::<A, V>(self.cx[6].val());
            if (self.cx[6].val() & self.msb.val()).any() {
                self.rx[6].d.next = bit_cast::<A, V>(self.cx[6].val()) | self.ext.val();
            }
            self.rx[7].d.next = bit_cast::<A, V>(self.cx[7].val());
            if (self.cx[7].val() & self.msb.val()).any() {
                self.rx[7].d.next = bit_cast::<A, V>(self.cx[7].val()) | self.ext.val();
            }
            self.rx[8].d.next = bit_cast::<A, V>(self.cx[8].val());
            if (self.cx[8].val() & self.msb.val()).any() {
                self.rx[8].d.next = bit_cast::<A, V>(self.cx[8].val()) | self.ext.val();
            }
            self.r0t.d.next = self.we[4].q.val();
            self.r0u.d.next = self.wo[4].q.val();
            if self.odd_t.val() {
                self.r0t.d.next = self.wo[4].q.val();
                self.r0u.d.next = self.we[4].q.val();
            }
            self.r0f.d.next = self.wf[4].q.val();
            self.r0l.d.next = self.wl[4].q.val();
            self.r0s.d.next = self.ws[4].q.val();
            // Delay line beside the MACs; the post-shift's +1 enters at its last stage.
            self.dv[0].d.next = self.r0v.q.val();
            self.dt[0].d.next = self.r0t.q.val();
            self.du[0].d.next = self.r0u.q.val();
            self.df[0].d.next = self.r0f.q.val();
            self.dl[0].d.next = self.r0l.q.val();
            self.ds[0].d.next = self.r0s.q.val();
            for k in 1..5 {
                self.dv[k].d.next = self.dv[k - 1].q.val();
                self.dt[k].d.next = self.dt[k - 1].q.val();
                self.du[k].d.next = self.du[k - 1].q.val();
                self.df[k].d.next = self.df[k - 1].q.val();
                self.dl[k].d.next = self.dl[k - 1].q.val();
                self.ds[k].d.next = self.ds[k - 1].q.val();
            }
            self.povf.d.next = false;
            if self.post.val() & self.cfg_shift.val() {
                self.dt[4].d.next = self.dt[3].q.val() + self.one.val();
                self.du[4].d.next = self.du[3].q.val() + self.one.val();
                self.povf.d.next = (self.dt[3].q.val() == self.maxpos.val()) | (self.du[3].q.val() == self.maxpos.val());
            }
        }
        self.mac0.en.next = self.free.val();
        self.mac1.en.next = self.free.val();
        self.mac2.en.next = self.free.val();
        self.mac3.en.next = self.free.val();
        self.mac4.en.next = self.free.val();
        for k in 0..9 {
            self.mac0.x[k].next = self.rx[k].q.val();
            self.mac1.x[k].next = self.rx[k].q.val();
            self.mac2.x[k].next = self.rx[k].q.val();
            self.mac3.x[k].next = self.rx[k].q.val();
            self.mac4.x[k].next = self.rx[k].q.val();
        }
        // The selected variant's step (none: 0).
        self.y.next = 0.into();
        self.ysub.next = false;
        self.yovf.next = false;
        if self.sel[0].q.val() {
            self.y.next = self.mac0.y.val();
            self.ysub.next = self.vsub[0].val();
            self.yovf.next = self.mac0.ovf.val();
        }
        if self.sel[1].q.val() {
            self.y.next = self.mac1.y.val();
            self.ysub.next = self.vsub[1].val();
            self.yovf.next = self.mac1.ovf.val();
        }
        if self.sel[2].q.val() {
            self.y.next = self.mac2.y.val();
            self.ysub.next = self.vsub[2].val();
            self.yovf.next = self.mac2.ovf.val();
        }
        if self.sel[3].q.val() {
            self.y.next = self.mac3.y.val();
            self.ysub.next = self.vsub[3].val();
            self.yovf.next = self.mac3.ovf.val();
        }
        if self.sel[4].q.val() {
            self.y.next = self.mac4.y.val();
            self.ysub.next = self.vsub[4].val();
            self.yovf.next = self.mac4.ovf.val();
        }
        // the selected variant's step, registered (its add/subtract with it)
        if self.free.val() {
            self.ry.d.next = self.y.val();
            self.rsub.d.next = self.ysub.val();
            self.rovf.d.next = self.yovf.val();
        }
        self.res.next = self.dt[4].q.val() + self.ry.q.val();
        if self.rsub.q.val() {
            self.res.next = self.dt[4].q.val() - self.ry.q.val();
        }
        // Range check: t ± y wrapped when the operands' signs allow no wrap yet the result's
        // sign differs from t's (add: same signs; subtract: different signs).
        self.tm.next = (self.dt[4].q.val() & self.msb.val()).any();
        self.ym.next = (self.ry.q.val() & self.msb.val()).any();
        self.rm.next = (self.res.val() & self.msb.val()).any();
        if self.free.val() {
            self.oerr.d.next = self.dv[4].q.val() & (self.rovf.q.val() | self.povf.q.val() | ((self.tm.val() ^ self.rm.val()) & !(self.tm.val() ^ self.ym.val() ^ self.rsub.q.val())));
            self.ov.d.next = self.dv[4].q.val();
            self.oe.d.next = self.res.val();
            self.oo.d.next = self.du[4].q.val();
            if self.odd_t.val() {
                self.oe.d.next = self.du[4].q.val();
                self.oo.d.next = self.res.val();
            }
            if self.post.val() & self.cfg_shift.val() {
                self.oe.d.next = (self.res.val() >> 1) | (self.res.val() & self.msb.val());
                self.oo.d.next = (self.du[4].q.val() >> 1) | (self.du[4].q.val() & self.msb.val());
                if self.odd_t.val() {
                    self.oe.d.next = (self.du[4].q.val() >> 1) | (self.du[4].q.val() & self.msb.val());
                    self.oo.d.next = (self.res.val() >> 1) | (self.res.val() & self.msb.val());
                }
            }
            self.of.d.next = self.df[4].q.val();
            self.ol.d.next = self.dl[4].q.val();
            self.os.d.next = self.ds[4].q.val();
        }
        // Output queue.
        self.q.clock.next = self.clock.val();
        self.q.push.next = self.ov.q.val();
        self.q.in_a[0].next = self.oe.q.val();
        self.q.in_b[0].next = self.oo.q.val();
        self.q.in_first.next = self.of.q.val();
        self.q.in_last.next = self.ol.q.val();
        self.q.in_sop.next = self.os.q.val();
        self.q.out_ready.next = self.out_ready.val();
        self.out_valid.next = self.q.out_valid.val();
        self.out_e.next = self.q.out_a[0].val();
        self.out_o.next = self.q.out_b[0].val();
        self.out_first.next = self.q.out_first.val();
        self.out_last.next = self.q.out_last.val();
        self.out_sop.next = self.q.out_sop.val();
        self.err_range.next = self.ov.q.val() & self.oerr.q.val() & self.free.val();
    }
}
