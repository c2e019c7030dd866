//! LL joiner between synthesis levels: the inverse of [`super::ll_pack`]. It merges a level's
//! band stream (HL, LH, HH from outside) with the LL rows the next deeper level has just
//! synthesised, into the beats [`super::legall_v`] (synthesis) takes.
//!
//! **Function.** The band stream carries rows alternating L (`ext_b` = HL; `ext_a` ignored
//! when joining) and H (`ext_a` = LH, `ext_b` = HH), one column per beat, rows marked by
//! `first`/`last`, a picture starting at `sop` (on an L row). The LL stream carries the
//! deeper level's output rows as sample pairs (`even`, `odd`) = LL columns `2n`, `2n+1`.
//! With `cfg_join` high, each L-row beat `c` leaves with `a` = LL column `c` (the even one of
//! a pair, then the odd one) and `b` = HL; H-row beats leave unchanged. With `cfg_join` low
//! (the deepest level: its LL comes in on the band stream) every beat leaves unchanged.
//! Values are sign-extended from `A` (bands) and taken from `X` (LL) to `W` bits.
//!
//! **Throughput:** one beat per clock. **Latency:** none (combinational: `out_valid` follows
//! the inputs; `ext_ready` and `ll_ready` follow `out_ready`, which is a register in the
//! vertical block). **Reset:** none needed (starts expecting an L row and an even LL sample).
//!
//! **Protocol errors.** In an L row the two streams must agree. The join keeps them in step
//! picture by picture, using the vertical block's framing state (`pic_idle`) to tell the
//! cases apart, and pulses `err` for every beat or pair it drops:
//! - a band beat without `sop` where a picture must start (`pic_idle`): that picture is
//!   broken (the vertical block drops it), so its band beats are dropped up to the next
//!   `sop` and its LL picture with them (LL pairs up to the next LL picture start);
//! - a band picture start while the LL stream is inside a picture (the band picture above
//!   was cut short): LL pairs are dropped up to the LL picture start;
//! - an LL picture start while the band stream is inside a picture (the LL picture was cut
//!   short below): band beats are dropped up to the band picture start;
//! - row starts out of step inside a picture: the stream that is behind is dropped up to its
//!   next row start.
//!
//! **Picture numbers** (`cfg_tags` high). Without them a picture lost below — broken on a
//! deeper level's stream and dropped there before any of its LL rows left, or missing there
//! altogether — cannot be told from a late one: the join would pair this level's band
//! picture with the LL of the picture after, and stay a picture out of step. With
//! `cfg_tags`, each band picture's first beat carries its number (`ext_tag`, 4 bits, from
//! the decoder that made the bands) and each LL picture's first pair the number the level
//! below read with its bands (`ll_tag`). When both streams are at a picture start the join
//! compares them (modulo 16):
//! - equal: the pictures are joined;
//! - the LL number ahead by 1–7 (this band picture's LL was lost below): the band picture
//!   is dropped up to the next band `sop`;
//! - the LL number behind by 1–8 (this LL picture's bands were lost here: dropped for a
//!   missing `sop`, or missing from the stream): the LL picture is dropped up to the next LL
//!   picture start.
//!
//! With picture numbers, a band beat without `sop` where a picture must start drops only the
//! band beats (the numbers decide about its LL picture). Without them (`cfg_tags` low: a
//! stream source that cannot number its pictures) it also drops the next LL picture, which
//! is right when the start marker alone was lost, and a picture missing from a deeper
//! level's stream altogether leaves the levels above a picture out of step.
//! `out_tag` is `ext_tag` (the band picture's number goes on with it).
//!
//! **Lanes.** A band beat carries `P` pairs (`ext_a[j]`, `ext_b[j]`); an LL beat carries
//! `R = max(P / 2, 1)` sample pairs, i.e. `P` LL columns when `P ≥ 2`: each L-row band beat
//! then takes one whole LL beat, lane `j`'s `a` = LL column `j` of it. With `P = 1` an LL
//! pair serves two band beats (the even sample, then the odd), as above.
//!
//! **Build-time parameters:** `A` band bits, `X` LL bits, `W ≥ max(A, X)` output bits, `P`
//! band pairs per beat, `R = max(P / 2, 1)` LL pairs per beat.

use super::sext::Sext;
use rust_hdl::prelude::*;

/// The block; ports below are its whole interface.
#[derive(LogicBlock)]
pub struct LlJoin<const A: usize, const X: usize, const W: usize, const P: usize, const R: usize> {
    /// Clock.
    pub clock: Signal<In, Clock>,
    /// Run-time register: join the LL stream (the level is not the deepest).
    pub cfg_join: Signal<In, Bit>,
    /// Band stream: a beat is offered.
    pub ext_valid: Signal<In, Bit>,
    /// Band stream: the beat is taken (or dropped) at this edge.
    pub ext_ready: Signal<Out, Bit>,
    /// Band stream: pair `j`'s lane a (LL at the deepest level, else ignored, in L rows; LH
    /// in H rows), `A`-bit two's complement.
    pub ext_a: [Signal<In, Bits<A>>; P],
    /// Band stream: pair `j`'s lane b (HL in L rows, HH in H rows).
    pub ext_b: [Signal<In, Bits<A>>; P],
    /// Band stream: first beat of a row.
    pub ext_first: Signal<In, Bit>,
    /// Band stream: last beat of a row.
    pub ext_last: Signal<In, Bit>,
    /// Band stream: first beat of a picture (with `ext_first`).
    pub ext_sop: Signal<In, Bit>,
    /// LL stream: a beat of `R` sample pairs is offered.
    pub ll_valid: Signal<In, Bit>,
    /// LL stream: the beat is taken (after its last sample has left, or dropped) at this edge.
    pub ll_ready: Signal<Out, Bit>,
    /// LL stream: pair `i`'s even sample (LL column `2i` of the beat), `X`-bit two's complement.
    pub ll_even: [Signal<In, Bits<X>>; R],
    /// LL stream: pair `i`'s odd sample.
    pub ll_odd: [Signal<In, Bits<X>>; R],
    /// LL stream: first pair of a row.
    pub ll_first: Signal<In, Bit>,
    /// LL stream: first pair of a picture.
    pub ll_sop: Signal<In, Bit>,
    /// Output stream: a beat is offered.
    pub out_valid: Signal<Out, Bit>,
    /// Output stream: the consumer takes it.
    pub out_ready: Signal<In, Bit>,
    /// Output stream: pair `j`'s lane a, `W`-bit two's complement.
    pub out_a: [Signal<Out, Bits<W>>; P],
    /// Output stream: pair `j`'s lane b.
    pub out_b: [Signal<Out, Bits<W>>; P],
    /// Output stream: first beat of a row.
    pub out_first: Signal<Out, Bit>,
    /// Output stream: last beat of a row.
    pub out_last: Signal<Out, Bit>,
    /// Output stream: first beat of a picture.
    pub out_sop: Signal<Out, Bit>,
    /// The vertical block's framing state: the next band beat must start a picture.
    pub pic_idle: Signal<In, Bit>,
    /// Run-time register: compare picture numbers (module docs).
    pub cfg_tags: Signal<In, Bit>,
    /// Band stream: the picture's number (read with `ext_sop`), 4 bits.
    pub ext_tag: Signal<In, Bits<4>>,
    /// LL stream: the picture's number (read with `ll_sop`).
    pub ll_tag: Signal<In, Bits<4>>,
    /// Output stream: the picture's number (`ext_tag`).
    pub out_tag: Signal<Out, Bits<4>>,
    /// Protocol error: high for one clock after a beat or pair was dropped.
    pub err: Signal<Out, Bit>,
    // one LL pair feeds two band beats (P = 1), else one LL beat feeds one band beat
    split: Constant<Bit>,
    sa: [Sext<A, W>; P],
    sb: [Sext<A, W>; P],
    se: [Sext<X, W>; R],
    so: [Sext<X, W>; R],
    row_h: DFF<Bit>,
    half: DFF<Bit>,
    err_r: DFF<Bit>,
    drop_e: DFF<Bit>,
    kill_l: DFF<Bit>,
    killed: DFF<Bit>,
    killing: Signal<Local, Bit>,
    r2: Signal<Local, Bit>,
    r3: Signal<Local, Bit>,
    e_sop: Signal<Local, Bit>,
    cur_h: Signal<Local, Bit>,
    need: Signal<Local, Bit>,
    both: Signal<Local, Bit>,
    l_first: Signal<Local, Bit>,
    l_sop: Signal<Local, Bit>,
    drop_ext: Signal<Local, Bit>,
    drop_ll: Signal<Local, Bit>,
    fire: Signal<Local, Bit>,
    at_start: Signal<Local, Bit>,
    tdiff: Signal<Local, Bits<4>>,
    ll_ahead: Signal<Local, Bit>,
    ll_behind: Signal<Local, Bit>,
}

impl<const A: usize, const X: usize, const W: usize, const P: usize, const R: usize> Default for LlJoin<A, X, W, P, R> {
    fn default() -> Self {
        assert!(W >= A && W >= X && W < 64);
        assert!(R == (P / 2).max(1), "R = max(P / 2, 1): an LL beat is P values, or one pair for two band beats");
        Self {
            clock: Default::default(),
            cfg_join: Default::default(),
            ext_valid: Default::default(),
            ext_ready: Default::default(),
            ext_a: std::array::from_fn(|_| Default::default()),
            ext_b: std::array::from_fn(|_| Default::default()),
            ext_first: Default::default(),
            ext_last: Default::default(),
            ext_sop: Default::default(),
            ll_valid: Default::default(),
            ll_ready: Default::default(),
            ll_even: std::array::from_fn(|_| Default::default()),
            ll_odd: std::array::from_fn(|_| Default::default()),
            ll_first: Default::default(),
            ll_sop: Default::default(),
            out_valid: Default::default(),
            out_ready: Default::default(),
            out_a: std::array::from_fn(|_| Default::default()),
            out_b: std::array::from_fn(|_| Default::default()),
            out_first: Default::default(),
            out_last: Default::default(),
            out_sop: Default::default(),
            err: Default::default(),
            pic_idle: Default::default(),
            cfg_tags: Default::default(),
            ext_tag: Default::default(),
            ll_tag: Default::default(),
            out_tag: Default::default(),
            at_start: Default::default(),
            tdiff: Default::default(),
            ll_ahead: Default::default(),
            ll_behind: Default::default(),
            drop_e: Default::default(),
            kill_l: Default::default(),
            killed: Default::default(),
            killing: Default::default(),
            r2: Default::default(),
            r3: Default::default(),
            split: Constant::new(P == 1),
            sa: std::array::from_fn(|_| Default::default()),
            sb: std::array::from_fn(|_| Default::default()),
            se: std::array::from_fn(|_| Default::default()),
            so: std::array::from_fn(|_| Default::default()),
            row_h: Default::default(),
            half: Default::default(),
            err_r: Default::default(),
            e_sop: Default::default(),
            cur_h: Default::default(),
            need: Default::default(),
            both: Default::default(),
            l_first: Default::default(),
            l_sop: Default::default(),
            drop_ext: Default::default(),
            drop_ll: Default::default(),
            fire: Default::default(),
        }
    }
}

impl<const A: usize, const X: usize, const W: usize, const P: usize, const R: usize> Logic for LlJoin<A, X, W, P, R> {
    #[hdl_gen]
    fn update(&mut self) {
        dff_setup!(self, clock, row_h, half, err_r, drop_e, kill_l, killed);
        // Sign extensions.
        for j in 0..P {
            self.sa[j].a.next = self.ext_a[j].val();
            self.sb[j].a.next = self.ext_b[j].val();
        }
        for i in 0..R {
            self.se[i].a.next = self.ll_even[i].val();
            self.so[i].a.next = self.ll_odd[i].val();
        }
        // Which row the band beat belongs to (a picture starts with an L row) and whether it
        // needs an LL sample.
        self.e_sop.next = self.ext_sop.val() & self.ext_first.val();
        self.cur_h.next = self.row_h.q.val() & !self.e_sop.val();
        self.need.next = self.cfg_join.val() & !self.cur_h.val();
        self.both.next = self.need.val() & self.ext_valid.val() & self.ll_valid.val();
        self.l_first.next = self.ll_first.val() & !self.half.q.val();
        self.l_sop.next = self.ll_sop.val() & self.l_first.val();
        // Disagreement: drop the stream that is behind (module docs).
        // The LL stream is being emptied of a broken picture's LL: up to (not including) an
        // LL picture start met after at least one pair was dropped.
        self.killing.next = self.kill_l.q.val() & !(self.ll_valid.val() & self.l_sop.val() & self.killed.q.val());
        // A band beat without sop where a picture must start.
        self.r2.next = self.cfg_join.val() & self.ext_valid.val() & !self.e_sop.val() & !self.drop_e.q.val() & self.pic_idle.val();
        self.drop_ext.next = self.cfg_join.val() & self.ext_valid.val() & !self.e_sop.val() & self.drop_e.q.val();
        if self.r2.val() {
            self.drop_ext.next = true;
        }
        // An LL picture start inside a band picture (r3), or an LL row start inside a band row.
        self.r3.next = self.both.val() & !self.killing.val() & self.l_sop.val() & !self.e_sop.val();
        if self.r3.val() | (self.both.val() & !self.killing.val() & self.l_first.val() & !self.ext_first.val()) {
            self.drop_ext.next = true;
        }
        self.drop_ll.next = self.cfg_join.val() & self.ll_valid.val() & self.killing.val();
        if self.both.val() & !self.drop_ext.val() & ((self.e_sop.val() & !self.l_sop.val()) | (self.ext_first.val() & !self.l_first.val())) {
            self.drop_ll.next = true;
        }
        // Both streams at a picture start: compare the pictures' numbers.
        self.at_start.next = self.cfg_tags.val() & self.both.val() & !self.killing.val() & self.e_sop.val() & self.l_sop.val();
        self.tdiff.next = self.ll_tag.val() - self.ext_tag.val();
        self.ll_ahead.next = self.at_start.val() & self.tdiff.val().any() & !self.tdiff.val().get_bit(3);
        self.ll_behind.next = self.at_start.val() & self.tdiff.val().get_bit(3);
        if self.ll_ahead.val() {
            self.drop_ext.next = true;
        }
        if self.ll_behind.val() {
            self.drop_ll.next = true;
        }
        // Output.
        self.out_valid.next = self.ext_valid.val() & !self.drop_ext.val();
        if self.need.val() {
            self.out_valid.next = self.both.val() & !self.drop_ext.val() & !self.drop_ll.val() & !self.killing.val();
        }
        // Lane a: the band's, or in a joined L row the LL — value j of the LL beat (P ≥ 2), or
        // the pair's even then odd sample (P = 1: the loop below runs only then).
        for j in 0..P {
            self.out_a[j].next = self.sa[j].y.val();
            self.out_b[j].next = self.sb[j].y.val();
        }
        if self.need.val() {
            for i in 0..(P / 2) {
                self.out_a[2 * i].next = self.se[i].y.val();
                self.out_a[2 * i + 1].next = self.so[i].y.val();
            }
            for i in 0..(2 / (P + 1)) {
                self.out_a[i].next = self.se[i].y.val();
                if self.half.q.val() {
                    self.out_a[i].next = self.so[i].y.val();
                }
            }
        }
        self.out_first.next = self.ext_first.val();
        self.out_last.next = self.ext_last.val();
        self.out_sop.next = self.ext_sop.val();
        self.out_tag.next = self.ext_tag.val();
        self.fire.next = self.out_valid.val() & self.out_ready.val();
        self.ext_ready.next = self.drop_ext.val();
        if self.need.val() {
            if self.both.val() & !self.drop_ext.val() & !self.drop_ll.val() & !self.killing.val() {
                self.ext_ready.next = self.out_ready.val();
            }
        } else if !self.drop_ext.val() {
            self.ext_ready.next = self.out_ready.val();
        }
        self.ll_ready.next = self.drop_ll.val() | (self.fire.val() & self.need.val() & (self.half.q.val() | !self.split.val()));
        // State.
        if self.fire.val() {
            self.row_h.d.next = self.cur_h.val() ^ self.ext_last.val();
            if self.need.val() {
                self.half.d.next = !self.half.q.val() & self.split.val();
            }
        }
        if self.drop_ll.val() {
            self.half.d.next = false;
        }
        // Band beats are dropped up to the next picture start once a picture is known broken.
        if self.ext_valid.val() & self.e_sop.val() {
            self.drop_e.d.next = false;
        }
        if self.r2.val() | self.r3.val() | self.ll_ahead.val() {
            self.drop_e.d.next = true;
        }
        if self.r2.val() & !self.cfg_tags.val() {
            self.kill_l.d.next = true;
            self.killed.d.next = false;
        }
        // (the LL picture start is dropped now and its pairs up to the next one)
        if self.ll_behind.val() {
            self.kill_l.d.next = true;
            self.killed.d.next = true;
        }
        if self.drop_ll.val() & self.kill_l.q.val() {
            self.killed.d.next = true;
        }
        if self.kill_l.q.val() & !self.killing.val() {
            self.kill_l.d.next = false;
        }
        self.err_r.d.next = self.drop_ext.val() | self.drop_ll.val();
        self.err.next = self.err_r.q.val();
    }
}
