//! LeGall (5,3) vertical analysis (VC-2 wavelet index 1, the vertical half of ST 2042-1
//! 15.4.3 `vh_analysis` run in reverse), `2P` columns per clock, with three line buffers
//! per column lane and no frame buffer. It follows [`super::legall_h`] in a 2-D level.
//!
//! **Function.** A picture is `cfg_rows` rows of `cfg_pairs` beats; a beat carries `P`
//! column pairs (`a[k]`, `b[k]`: the L and H outputs of the horizontal pass's lane `k`),
//! each column lifted on its own: the lanes share the control (one schedule) and have
//! their own arithmetic ([`super::legall_v_lane`]) and line buffers. Per column, with even rows
//! `e_m` and odd rows `o_m` (`M = cfg_rows / 2` pairs):
//! `H_m = o_m − ⌊(e_m + e_{m+1} + 1) / 2⌋` (`e_M = e_{M−1}`),
//! `L_m = e_m + ⌊(H_{m−1} + H_m + 2) / 4⌋` (`H_{−1} = H_0`) — no bit shift (the horizontal
//! pass applied it), exactly the vertical lifting of `uhdpipe_model::wavelet::vh_analysis`.
//! Output rows alternate `L_0, H_0, L_1, H_1, …`: in an L row (`out_vhigh` low) `a` is LL
//! and `b` is HL; in an H row `a` is LH and `b` is HH.
//!
//! **Schedule and throughput.** Input rows 0 and 1 only fill the buffers (`E ← e_0`,
//! `O ← o_0`). Each even row `2m+2` reads `e_m`, `o_m`, `H_{m−1}`, computes and outputs
//! `L_m`, and stores `e_{m+1}` and `H_m`; each odd row `2m+3` outputs `H_m` from the buffer
//! and stores `o_{m+1}`. After the last row the block generates two flush rows itself
//! (`L_{M−1}` with the bottom edge, then `H_{M−1}`) while `in_ready` is low. One beat per
//! clock, so a picture takes `cfg_pairs · (cfg_rows + 2)` clocks: 0.19 % over the nominal
//! rate at 1080 rows. Rows narrower than seven beats wait six clocks at each row start (the
//! line-buffer write-back of the row above must land before the next row reads it).
//!
//! **Latency:** two input rows plus eight clocks to the first output beat.
//!
//! **Pipeline:** issue (S0, line buffers read into their read registers; the read address
//! straight from the column register) → S1 (the words in the line buffers' output
//! registers; E/O written) → S2 (the words registered again in the lanes: the route from a
//! block RAM is a path of its own) → S3 (`e + e_next + 1`) → S4 (H) → S5 (`H_prev + H + 2`;
//! H buffer written) → S6 (L, the output register). All stages advance together when the output register is free, so
//! `in_ready = free ∧ ¬flushing ∧ ¬cooling`, kept in one register computed from the
//! next-state values (flushing and cooling predicted without the framing check: see the
//! code).
//!
//! **Handshake.** Video streams (crate docs) with `first`/`last` marking rows and `sop` the
//! first beat of a picture (with `first`).
//!
//! **Protocol errors.** The block counts beats and rows itself. A picture starts at a beat
//! with `in_sop` and `in_first`. Any beat that disagrees with the count (a missing or extra
//! `in_first`/`in_last`, i.e. a short or long row, an `in_sop` inside a picture) pulses
//! `err_pic` for one clock; the broken picture is abandoned (what it already produced stays
//! out, with no flush rows) and every beat is dropped until the next `in_sop`, whose picture
//! comes out exactly right. An `in_sop` inside a picture starts the new picture at once.
//!
//! **Synthesis** (`S = 1`, the inverse transform's vertical pass, ST 2042-1 15.4.3
//! `vh_synthesis`): input rows alternate `L_m` (`a` = LL, `b` = HL) and `H_m` (`a` = LH,
//! `b` = HH); per column `e_m = L_m − ⌊(H_{m−1} + H_m + 2) / 4⌋` (`H_{−1} = H_0`) and
//! `o_m = H_m + ⌊(e_m + e_{m+1} + 1) / 2⌋` (`e_M = e_{M−1}`); output rows `e_0, o_0, e_1, …`
//! (`out_vhigh` marks the odd ones), each beat (`a`, `b`) = the row's (L, H) columns for the
//! horizontal synthesis. The same buffers, pipeline and framing with the row kinds swapped:
//! each odd row `2m+1` reads `L_m`, `H_{m−1}`, `e_{m−1}`, computes `e_m` (stored) and
//! outputs `o_{m−1}` (nothing for `m = 0`); each even row from row 2 on outputs the buffered
//! `e_m`; the two flush rows output `e_{M−1}`, then `o_{M−1}`. Same throughput and latency.
//!
//! **Picture numbers.** `in_tag` is read with a picture's first beat and leaves on
//! `out_tag` with the picture's first output beat (carried down the pipeline beside the
//! `sop` marker); the inverse transform's joins compare them ([`super::ll_join`]).
//!
//! **Reset:** none needed: registers start at zero (idle, waiting for `in_sop`).
//!
//! **Build-time parameters:** `W` input bits, `V` datapath and output bits (`V ≥ W`, sized
//! by the user from the worst case), `N` line-buffer address bits (rows up to `2^N` beats),
//! `S` the direction (0 analysis, 1 synthesis), `P` column pairs per beat (1 for 2
//! samples per clock; `ppc / 2`).
//! **Run-time registers:** `cfg_pairs`, `cfg_rows`.
//! **Resources:** `6P` `V × 2^N` line-buffer RAMs (E, O and H for each column lane).

use super::legall_v_lane::LegallVLane;
use super::line_ram::LineRam;
use rust_hdl::prelude::*;

/// The block; ports below are its whole interface.
#[derive(LogicBlock)]
pub struct LegallV<const W: usize, const V: usize, const N: usize, const S: usize, const P: usize> {
    /// Clock; every register updates on its rising edge.
    pub clock: Signal<In, Clock>,
    /// Input stream: a beat is offered.
    pub in_valid: Signal<In, Bit>,
    /// Input stream: the block takes the beat at this edge.
    pub in_ready: Signal<Out, Bit>,
    /// Input stream: column pair `k`'s first column (`W`-bit two's complement).
    pub in_a: [Signal<In, Bits<W>>; P],
    /// Input stream: column pair `k`'s second column (`W`-bit two's complement).
    pub in_b: [Signal<In, Bits<W>>; P],
    /// Input stream: first beat of a row.
    pub in_first: Signal<In, Bit>,
    /// Input stream: last beat of a row.
    pub in_last: Signal<In, Bit>,
    /// Input stream: first beat of a picture (with `in_first`).
    pub in_sop: Signal<In, Bit>,
    /// Input stream: the picture's number (read with `in_sop`), 4 bits.
    pub in_tag: Signal<In, Bits<4>>,
    /// Output stream: the picture's number (with `out_sop`).
    pub out_tag: Signal<Out, Bits<4>>,
    /// Run-time register: beats per row, 1..=`2^N` (13 bits). Change only between pictures,
    /// at least two clocks before the next one's first beat (it is decoded into registers).
    pub cfg_pairs: Signal<In, Bits<13>>,
    /// Run-time register: rows per picture, even, 2..=8190 (13 bits); as `cfg_pairs`.
    pub cfg_rows: Signal<In, Bits<13>>,
    /// Protocol error: high for one clock when a picture breaks the framing.
    pub err_pic: Signal<Out, Bit>,
    /// Output stream: a beat is offered.
    pub out_valid: Signal<Out, Bit>,
    /// Output stream: the consumer takes the beat at this edge.
    pub out_ready: Signal<In, Bit>,
    /// Output stream: pair `k`'s first column (LL in L rows, LH in H rows), `V`-bit two's
    /// complement.
    pub out_a: [Signal<Out, Bits<V>>; P],
    /// Output stream: pair `k`'s second column (HL in L rows, HH in H rows), `V`-bit two's
    /// complement.
    pub out_b: [Signal<Out, Bits<V>>; P],
    /// Output stream: first beat of a row.
    pub out_first: Signal<Out, Bit>,
    /// Output stream: last beat of a row.
    pub out_last: Signal<Out, Bit>,
    /// Output stream: first beat of a picture.
    pub out_sop: Signal<Out, Bit>,
    /// Output stream: this row is vertically high-pass (LH, HH); low for L rows (LL, HL).
    pub out_vhigh: Signal<Out, Bit>,
    /// Run-time register: also send the L rows' LL lane on the `ll_*` stream (the next
    /// level's input). When low, `ll_valid` stays low.
    pub cfg_ll: Signal<In, Bit>,
    /// Run-time register: Haar (VC-2 wavelets 3 and 4) instead of LeGall (5,3): the
    /// neighbour rows of both lifting steps are the centre row (same schedule, same latency).
    pub cfg_haar: Signal<In, Bit>,
    /// LL stream: a beat of `P` coefficients is offered (a copy of the first columns of an
    /// L-row beat).
    pub ll_valid: Signal<Out, Bit>,
    /// LL stream: the consumer takes it. Independent of `out_ready`: each stream has its own
    /// two-entry queue, and the pipeline advances while both have room.
    pub ll_ready: Signal<In, Bit>,
    /// LL stream: pair `k`'s coefficient, `V`-bit two's complement.
    pub ll_c: [Signal<Out, Bits<V>>; P],
    /// LL stream: first coefficient of a row.
    pub ll_first: Signal<Out, Bit>,
    /// LL stream: last coefficient of a row.
    pub ll_last: Signal<Out, Bit>,
    /// LL stream: first coefficient of a picture.
    pub ll_sop: Signal<Out, Bit>,
    /// Framing state: no picture is open and none is being dropped — the next beat must
    /// start a picture (a register; [`super::ll_join`] uses it to tell a picture whose start
    /// marker is missing from the tail of a broken one).
    pub pic_idle: Signal<Out, Bit>,
    lane_a: [LegallVLane<W, V, S>; P],
    lane_b: [LegallVLane<W, V, S>; P],
    syn: Constant<Bit>,
    have_e: DFF<Bit>,
    cur_havee: Signal<Local, Bit>,
    flush2: DFF<Bit>,
    flush3: DFF<Bit>,
    flush4: DFF<Bit>,
    m04: DFF<Bit>,
    m05: DFF<Bit>,
    ram_ea: [LineRam<V, N>; P],
    ram_eb: [LineRam<V, N>; P],
    ram_oa: [LineRam<V, N>; P],
    ram_ob: [LineRam<V, N>; P],
    ram_ha: [LineRam<V, N>; P],
    ram_hb: [LineRam<V, N>; P],
    one: Constant<Bits<13>>,
    seven: Constant<Bits<13>>,
    // framing state: the next beat starts a row; beats left after the next one; rows left
    // after the current one; the next beat's column; the current row's kind
    in_pic: DFF<Bit>,
    dropping: DFF<Bit>,
    flushing: DFF<Bit>,
    f2: DFF<Bit>,
    pos_first: DFF<Bit>,
    cl: DFF<Bits<13>>,
    rl: DFF<Bits<13>>,
    col: DFF<Bits<N>>,
    y_odd: DFF<Bit>,
    early: DFF<Bit>,
    have_h: DFF<Bit>,
    err: DFF<Bit>,
    // run-time register decodes, registered (cfg_* are stable between pictures)
    narrow: DFF<Bit>,
    p1: DFF<Bit>,
    p2: DFF<Bit>,
    // the next beat ends its row (kept as a register so that framing checks are shallow)
    nlast: DFF<Bit>,
    // narrow rows: enabled clocks left before the next row may start, and whether nonzero
    cool: DFF<Bits<3>>,
    cooling: DFF<Bit>,
    cool_is1: Signal<Local, Bit>,
    one3: Constant<Bits<3>>,
    six3: Constant<Bits<3>>,
    cl_is1: Signal<Local, Bit>,
    two: Constant<Bits<13>>,
    cfg_m2: DFF<Bits<13>>,
    rows_m1: DFF<Bits<13>>,
    rows_m2: DFF<Bits<13>>,
    // registered zero tests of `rl` and of the start values (`pic_end` without a carry
    // chain or a wide OR behind the start mux)
    rl_zero: DFF<Bit>,
    rm1_zero: DFF<Bit>,
    rm2_zero: DFF<Bit>,
    rl_is1: Signal<Local, Bit>,
    cur_rlz: Signal<Local, Bit>,
    rlm1_z: Signal<Local, Bit>,
    // locals
    free: Signal<Local, Bit>,
    hold: Signal<Local, Bit>,
    go: Signal<Local, Bit>,
    nflush: Signal<Local, Bit>,
    ncool: Signal<Local, Bit>,
    start: Signal<Local, Bit>,
    at_end: Signal<Local, Bit>,
    ok_cont: Signal<Local, Bit>,
    accept: Signal<Local, Bit>,
    take: Signal<Local, Bit>,
    err_now: Signal<Local, Bit>,
    issue: Signal<Local, Bit>,
    adv: Signal<Local, Bit>,
    b_first: Signal<Local, Bit>,
    b_last: Signal<Local, Bit>,
    cur_odd: Signal<Local, Bit>,
    cur_early: Signal<Local, Bit>,
    cur_haveh: Signal<Local, Bit>,
    cur_rl: Signal<Local, Bits<13>>,
    rl_m1: Signal<Local, Bits<13>>,
    cl_m1: Signal<Local, Bits<13>>,
    addr: Signal<Local, Bits<N>>,
    addr_p1: Signal<Local, Bits<N>>,
    col_p1: Signal<Local, Bits<N>>,
    pic_end: Signal<Local, Bit>,
    c_comp: Signal<Local, Bit>,
    c_emit: Signal<Local, Bit>,
    // pipeline control: S0..S5 (beat valid, column, kind, markers) and S6 (output)
    v0: DFF<Bit>,
    c0: DFF<Bits<N>>,
    we_e0: DFF<Bit>,
    we_o0: DFF<Bit>,
    comp0: DFF<Bit>,
    emit0: DFF<Bit>,
    flush0: DFF<Bit>,
    m00: DFF<Bit>,
    first0: DFF<Bit>,
    last0: DFF<Bit>,
    sop0: DFF<Bit>,
    v1: DFF<Bit>,
    c1: DFF<Bits<N>>,
    we_e1: DFF<Bit>,
    we_o1: DFF<Bit>,
    comp1: DFF<Bit>,
    emit1: DFF<Bit>,
    flush1: DFF<Bit>,
    m01: DFF<Bit>,
    first1: DFF<Bit>,
    last1: DFF<Bit>,
    sop1: DFF<Bit>,
    v2: DFF<Bit>,
    c2: DFF<Bits<N>>,
    comp2: DFF<Bit>,
    emit2: DFF<Bit>,
    m02: DFF<Bit>,
    first2: DFF<Bit>,
    last2: DFF<Bit>,
    sop2: DFF<Bit>,
    v3: DFF<Bit>,
    c3: DFF<Bits<N>>,
    comp3: DFF<Bit>,
    emit3: DFF<Bit>,
    m03: DFF<Bit>,
    first3: DFF<Bit>,
    last3: DFF<Bit>,
    sop3: DFF<Bit>,
    v4: DFF<Bit>,
    c4: DFF<Bits<N>>,
    comp4: DFF<Bit>,
    emit4: DFF<Bit>,
    first4: DFF<Bit>,
    last4: DFF<Bit>,
    sop4: DFF<Bit>,
    v5: DFF<Bit>,
    c5: DFF<Bits<N>>,
    comp5: DFF<Bit>,
    emit5: DFF<Bit>,
    first5: DFF<Bit>,
    last5: DFF<Bit>,
    sop5: DFF<Bit>,
    // picture numbers: the current picture's, then beside sop0..sop5, os and the queue
    tg: DFF<Bits<4>>,
    cur_tg: Signal<Local, Bits<4>>,
    tg0: DFF<Bits<4>>,
    tg1: DFF<Bits<4>>,
    tg2: DFF<Bits<4>>,
    tg3: DFF<Bits<4>>,
    tg4: DFF<Bits<4>>,
    tg5: DFF<Bits<4>>,
    otg: DFF<Bits<4>>,
    q0t: DFF<Bits<4>>,
    q1t: DFF<Bits<4>>,
    ov: DFF<Bit>,
    of: DFF<Bit>,
    oe: DFF<Bit>,
    os: DFF<Bit>,
    oh: DFF<Bit>,
    // the pipeline is stalled / the block refuses input: registered copies of
    // `q1v | l1v` and `!(free ∧ ¬flushing ∧ ¬cooling)`, computed from the next-state values
    // (the latter's flushing and cooling predicted: see the code) so that they fan out from
    // single registers
    stall_r: DFF<Bit>,
    nrdy_r: DFF<Bit>,
    // output queue (two entries; q0 is the head)
    push: Signal<Local, Bit>,
    pop: Signal<Local, Bit>,
    q0v: DFF<Bit>,
    q0a: [DFF<Bits<V>>; P],
    q0b: [DFF<Bits<V>>; P],
    q0f: DFF<Bit>,
    q0l: DFF<Bit>,
    q0s: DFF<Bit>,
    q0h: DFF<Bit>,
    q1v: DFF<Bit>,
    q1a: [DFF<Bits<V>>; P],
    q1b: [DFF<Bits<V>>; P],
    q1f: DFF<Bit>,
    q1l: DFF<Bit>,
    q1s: DFF<Bit>,
    q1h: DFF<Bit>,
    // LL queue (two entries; l0 is the head)
    lpush: Signal<Local, Bit>,
    lpop: Signal<Local, Bit>,
    ll_on: DFF<Bit>,
    l0v: DFF<Bit>,
    l0c: [DFF<Bits<V>>; P],
    l0f: DFF<Bit>,
    l0l: DFF<Bit>,
    l0s: DFF<Bit>,
    l1v: DFF<Bit>,
    l1c: [DFF<Bits<V>>; P],
    l1f: DFF<Bit>,
    l1l: DFF<Bit>,
    l1s: DFF<Bit>,
}

impl<const W: usize, const V: usize, const N: usize, const S: usize, const P: usize> Default for LegallV<W, V, N, S, P> {
    fn default() -> Self {
        assert!(V >= W && N <= 12 && S < 2 && P >= 1);
        Self {
            clock: Default::default(),
            in_valid: Default::default(),
            in_ready: Default::default(),
            in_a: std::array::from_fn(|_| Default::default()),
            in_b: std::array::from_fn(|_| Default::default()),
            in_first: Default::default(),
            in_last: Default::default(),
            in_sop: Default::default(),
            in_tag: Default::default(),
            out_tag: Default::default(),
            tg: Default::default(),
            cur_tg: Default::default(),
            tg0: Default::default(),
            tg1: Default::default(),
            tg2: Default::default(),
            tg3: Default::default(),
            tg4: Default::default(),
            tg5: Default::default(),
            otg: Default::default(),
            q0t: Default::default(),
            q1t: Default::default(),
            cfg_pairs: Default::default(),
            cfg_rows: Default::default(),
            err_pic: Default::default(),
            out_valid: Default::default(),
            out_ready: Default::default(),
            out_a: std::array::from_fn(|_| Default::default()),
            out_b: std::array::from_fn(|_| Default::default()),
            out_first: Default::default(),
            out_last: Default::default(),
            out_sop: Default::default(),
            out_vhigh: Default::default(),
            lane_a: std::array::from_fn(|_| Default::default()),
            lane_b: std::array::from_fn(|_| Default::default()),
            pic_idle: Default::default(),
            syn: Constant::new(S == 1),
            have_e: Default::default(),
            cur_havee: Default::default(),
            flush2: Default::default(),
            flush3: Default::default(),
            flush4: Default::default(),
            m04: Default::default(),
            m05: Default::default(),
            ram_ea: std::array::from_fn(|_| Default::default()),
            ram_eb: std::array::from_fn(|_| Default::default()),
            ram_oa: std::array::from_fn(|_| Default::default()),
            ram_ob: std::array::from_fn(|_| Default::default()),
            ram_ha: std::array::from_fn(|_| Default::default()),
            ram_hb: std::array::from_fn(|_| Default::default()),
            one: Constant::new(1u64.to_bits()),
            seven: Constant::new(7u64.to_bits()),
            in_pic: Default::default(),
            dropping: Default::default(),
            flushing: Default::default(),
            f2: Default::default(),
            pos_first: Default::default(),
            cl: Default::default(),
            rl: Default::default(),
            col: Default::default(),
            y_odd: Default::default(),
            early: Default::default(),
            have_h: Default::default(),
            err: Default::default(),
            free: Default::default(),
            narrow: Default::default(),
            p2: Default::default(),
            nlast: Default::default(),
            cool: Default::default(),
            cooling: Default::default(),
            cool_is1: Default::default(),
            one3: Constant::new(1u64.to_bits()),
            six3: Constant::new(6u64.to_bits()),
            cl_is1: Default::default(),
            two: Constant::new(2u64.to_bits()),
            hold: Default::default(),
            go: Default::default(),
            nflush: Default::default(),
            ncool: Default::default(),
            start: Default::default(),
            p1: Default::default(),
            at_end: Default::default(),
            ok_cont: Default::default(),
            accept: Default::default(),
            take: Default::default(),
            err_now: Default::default(),
            issue: Default::default(),
            adv: Default::default(),
            b_first: Default::default(),
            b_last: Default::default(),
            cur_odd: Default::default(),
            cur_early: Default::default(),
            cur_haveh: Default::default(),
            cur_rl: Default::default(),
            rl_m1: Default::default(),
            cl_m1: Default::default(),
            cfg_m2: Default::default(),
            rows_m1: Default::default(),
            rows_m2: Default::default(),
            rl_zero: Default::default(),
            rm1_zero: Default::default(),
            rm2_zero: Default::default(),
            rl_is1: Default::default(),
            cur_rlz: Default::default(),
            rlm1_z: Default::default(),
            addr: Default::default(),
            addr_p1: Default::default(),
            col_p1: Default::default(),
            pic_end: Default::default(),
            c_comp: Default::default(),
            c_emit: Default::default(),
            v0: Default::default(),
            c0: Default::default(),
            we_e0: Default::default(),
            we_o0: Default::default(),
            comp0: Default::default(),
            emit0: Default::default(),
            flush0: Default::default(),
            m00: Default::default(),
            first0: Default::default(),
            last0: Default::default(),
            sop0: Default::default(),
            v1: Default::default(),
            c1: Default::default(),
            we_e1: Default::default(),
            we_o1: Default::default(),
            comp1: Default::default(),
            emit1: Default::default(),
            flush1: Default::default(),
            m01: Default::default(),
            first1: Default::default(),
            last1: Default::default(),
            sop1: Default::default(),
            v2: Default::default(),
            c2: Default::default(),
            comp2: Default::default(),
            emit2: Default::default(),
            m02: Default::default(),
            first2: Default::default(),
            last2: Default::default(),
            sop2: Default::default(),
            v3: Default::default(),
            c3: Default::default(),
            comp3: Default::default(),
            emit3: Default::default(),
            m03: Default::default(),
            first3: Default::default(),
            last3: Default::default(),
            sop3: Default::default(),
            v4: Default::default(),
            c4: Default::default(),
            comp4: Default::default(),
            emit4: Default::default(),
            first4: Default::default(),
            last4: Default::default(),
            sop4: Default::default(),
            v5: Default::default(),
            c5: Default::default(),
            comp5: Default::default(),
            emit5: Default::default(),
            first5: Default::default(),
            last5: Default::default(),
            sop5: Default::default(),
            ov: Default::default(),
            of: Default::default(),
            oe: Default::default(),
            os: Default::default(),
            oh: Default::default(),
            stall_r: Default::default(),
            nrdy_r: Default::default(),
            push: Default::default(),
            pop: Default::default(),
            q0v: Default::default(),
            q0a: std::array::from_fn(|_| Default::default()),
            q0b: std::array::from_fn(|_| Default::default()),
            q0f: Default::default(),
            q0l: Default::default(),
            q0s: Default::default(),
            q0h: Default::default(),
            q1v: Default::default(),
            q1a: std::array::from_fn(|_| Default::default()),
            q1b: std::array::from_fn(|_| Default::default()),
            q1f: Default::default(),
            q1l: Default::default(),
            q1s: Default::default(),
            q1h: Default::default(),
            cfg_ll: Default::default(),
            cfg_haar: Default::default(),
            ll_valid: Default::default(),
            ll_ready: Default::default(),
            ll_c: std::array::from_fn(|_| Default::default()),
            ll_first: Default::default(),
            ll_last: Default::default(),
            ll_sop: Default::default(),
            lpush: Default::default(),
            lpop: Default::default(),
            ll_on: Default::default(),
            l0v: Default::default(),
            l0c: std::array::from_fn(|_| Default::default()),
            l0f: Default::default(),
            l0l: Default::default(),
            l0s: Default::default(),
            l1v: Default::default(),
            l1c: std::array::from_fn(|_| Default::default()),
            l1f: Default::default(),
            l1l: Default::default(),
            l1s: Default::default(),
        }
    }
}

impl<const W: usize, const V: usize, const N: usize, const S: usize, const P: usize> Logic for LegallV<W, V, N, S, P> {
    #[hdl_gen]
    fn update(&mut self) {
        dff_setup!(
            self, clock, have_e, flush2, flush3, flush4, m04, m05, in_pic, dropping, flushing, f2, pos_first, cl, rl, col, y_odd, early, have_h, err, narrow, p1, p2, nlast, cool, cooling, cfg_m2, rows_m1,
            rows_m2, rl_zero, rm1_zero, rm2_zero, v0, c0, we_e0, we_o0, comp0, emit0, flush0, m00, first0, last0, sop0, v1, c1, we_e1, we_o1, comp1, emit1, flush1, m01, first1, last1, sop1, v2, c2, comp2, emit2, m02, first2,
            last2, sop2, v3, c3, comp3, emit3, m03, first3, last3, sop3, v4, c4, comp4, emit4, first4, last4, sop4, v5, c5, comp5, emit5, first5, last5, sop5, tg, tg0, tg1, tg2, tg3, tg4, tg5, otg, q0t, q1t, ov, of, oe, os, oh, stall_r, nrdy_r,
            q0v, q0f, q0l, q0s, q0h, q1v, q1f, q1l, q1s, q1h, ll_on, l0v, l0f, l0l, l0s, l1v, l1f, l1l, l1s
        );
        for k in 0..P {
            self.lane_a[k].clock.next = self.clock.val();
            self.lane_b[k].clock.next = self.clock.val();
            self.ram_ea[k].clock.next = self.clock.val();
            self.ram_eb[k].clock.next = self.clock.val();
            self.ram_oa[k].clock.next = self.clock.val();
            self.ram_ob[k].clock.next = self.clock.val();
            self.ram_ha[k].clock.next = self.clock.val();
            self.ram_hb[k].clock.next = self.clock.val();
            self.q0a[k].clock.next = self.clock.val();
            self.q0b[k].clock.next = self.clock.val();
            self.q1a[k].clock.next = self.clock.val();
            self.q1b[k].clock.next = self.clock.val();
            self.l0c[k].clock.next = self.clock.val();
            self.l1c[k].clock.next = self.clock.val();
            self.q0a[k].d.next = self.q0a[k].q.val();
            self.q0b[k].d.next = self.q0b[k].q.val();
            self.q1a[k].d.next = self.q1a[k].q.val();
            self.q1b[k].d.next = self.q1b[k].q.val();
            self.l0c[k].d.next = self.l0c[k].q.val();
            self.l1c[k].d.next = self.l1c[k].q.val();
        }
        // Every stage advances together while the output queue has a free entry: a register,
        // so that the consumer's ready never reaches the pipeline's enable combinationally.
        self.free.next = !self.stall_r.q.val();
        self.ll_on.d.next = self.cfg_ll.val();
        // A row narrower than the pipeline waits at its start until the last write-back of the
        // row above has landed: six enabled clocks after the row's last beat issued (the H
        // buffer is written from S5), counted by `cool`.
        self.narrow.d.next = self.cfg_pairs.val() < self.seven.val();
        self.hold.next = self.cooling.q.val();
        self.cool_is1.next = self.cool.q.val() == self.one3.val();
        self.in_ready.next = !self.nrdy_r.q.val();
        self.take.next = self.in_valid.val() & !self.nrdy_r.q.val();
        // Framing of an input beat against the counters.
        self.start.next = self.in_sop.val() & self.in_first.val();
        self.p1.d.next = self.cfg_pairs.val() == self.one.val();
        self.p2.d.next = self.cfg_pairs.val() == self.two.val();
        self.cl_is1.next = self.cl.q.val() == self.one.val();
        self.at_end.next = self.nlast.q.val();
        self.ok_cont.next = self.in_pic.q.val() & !self.in_sop.val() & (self.in_first.val() == self.pos_first.q.val()) & (self.in_last.val() == self.at_end.val());
        self.accept.next = self.ok_cont.val();
        if self.start.val() {
            self.accept.next = self.in_last.val() == self.p1.q.val();
        }
        self.err_now.next = false;
        if self.start.val() & (self.in_pic.q.val() | (self.in_last.val() != self.p1.q.val())) {
            self.err_now.next = true;
        }
        if !self.start.val() & self.in_pic.q.val() & !self.ok_cont.val() {
            self.err_now.next = true;
        }
        if !self.start.val() & !self.in_pic.q.val() & !self.dropping.q.val() {
            self.err_now.next = true;
        }
        // The beat issued this clock: an accepted input beat, or a generated flush beat.
        self.issue.next = self.take.val() & self.accept.val();
        if self.flushing.q.val() {
            self.issue.next = self.free.val() & !self.hold.val();
        }
        // The row and column bookkeeping advances with every beat taken, accepted or not
        // (`adv`, no framing decision behind it: the framing check is the deepest logic on
        // the input). A rejected beat leaves it meaningless, which is harmless: the picture
        // is abandoned, every beat up to the next `in_sop` is rejected, and a picture start
        // loads all of it afresh (the start values below). Only what must not move on a
        // rejected beat — the pipeline's beat valid, the picture and flush state, the
        // narrow-row wait — takes `issue`.
        self.adv.next = self.take.val();
        if self.flushing.q.val() {
            self.adv.next = self.free.val() & !self.hold.val();
        }
        self.b_first.next = self.in_first.val();
        self.b_last.next = self.in_last.val();
        if self.flushing.q.val() {
            self.b_first.next = self.pos_first.q.val();
            self.b_last.next = self.at_end.val();
        }
        self.cur_odd.next = self.y_odd.q.val();
        self.cur_early.next = self.early.q.val();
        self.cur_haveh.next = self.have_h.q.val();
        self.cur_havee.next = self.have_e.q.val();
        self.cur_tg.next = self.tg.q.val();
        self.cur_rl.next = self.rl.q.val();
        self.addr.next = self.col.q.val();
        self.rows_m1.d.next = self.cfg_rows.val() - 1;
        self.rows_m2.d.next = self.cfg_rows.val() - 2;
        self.rm1_zero.d.next = self.cfg_rows.val() == self.one.val();
        self.rm2_zero.d.next = self.cfg_rows.val() == self.two.val();
        self.rl_is1.next = self.rl.q.val() == self.one.val();
        self.cur_rlz.next = self.rl_zero.q.val();
        self.rlm1_z.next = self.rl_is1.val();
        if self.start.val() & !self.flushing.q.val() {
            self.cur_rlz.next = self.rm1_zero.q.val();
            self.rlm1_z.next = self.rm2_zero.q.val();
        }
        if self.start.val() & !self.flushing.q.val() {
            self.cur_odd.next = false;
            self.cur_early.next = true;
            self.cur_haveh.next = false;
            self.cur_havee.next = false;
            self.cur_tg.next = self.in_tag.val();
            self.cur_rl.next = self.rows_m1.q.val();
            self.addr.next = 0.into();
        }
        // (both decrements come from registers; the start mux picks one afterwards, so that
        // the input beat's framing decision does not wait for a carry chain)
        self.rl_m1.next = self.rl.q.val() - 1;
        if self.start.val() & !self.flushing.q.val() {
            self.rl_m1.next = self.rows_m2.q.val();
        }
        self.cl_m1.next = self.cl.q.val() - 1;
        self.cfg_m2.d.next = self.cfg_pairs.val() - 2;
        // (the increment is taken from the register, not through the start mux)
        self.col_p1.next = self.col.q.val() + 1;
        self.addr_p1.next = self.col_p1.val();
        if self.start.val() & !self.flushing.q.val() {
            self.addr_p1.next = 1.into();
        }
        self.pic_end.next = self.b_last.val() & self.cur_rlz.val();
        // What the beat does: compute (even rows from row 2 on, first flush row) or emit the
        // buffered H (odd rows from row 3 on, second flush row).
        self.c_comp.next = !self.cur_odd.val() & !self.cur_early.val();
        self.c_emit.next = self.cur_odd.val() & !self.cur_early.val();
        if self.flushing.q.val() {
            self.c_comp.next = !self.f2.q.val();
            self.c_emit.next = self.f2.q.val();
        }
        // Synthesis: compute in odd rows (row 1 on: its result only fills the buffer) and
        // the second flush row; emit the buffered e in even rows from row 2 on and the first
        // flush row.
        if self.syn.val() {
            self.c_comp.next = self.cur_odd.val();
            self.c_emit.next = !self.cur_odd.val() & !self.cur_early.val();
            if self.flushing.q.val() {
                self.c_comp.next = self.f2.q.val();
                self.c_emit.next = !self.f2.q.val();
            }
        }
        // Line buffers: read at issue (two-clock read: the words come out with the beat in
        // S1, and the lanes register them again in S2), E/O written from S1, H written from
        // S5. The read address is the column register itself, not `addr`: `addr` differs from
        // it only at a picture's first beat (the start mux sets column 0), and the first row
        // of a picture reads nothing it uses (it only fills the buffers; its beats neither
        // compute nor emit), so the address leaves a register for the block RAM's own
        // address register with no logic between them.
        for k in 0..P {
            self.ram_ea[k].read_address.next = self.col.q.val();
        }
        for k in 0..P {
            self.ram_eb[k].read_address.next = self.col.q.val();
        }
        for k in 0..P {
            self.ram_oa[k].read_address.next = self.col.q.val();
        }
        for k in 0..P {
            self.ram_ob[k].read_address.next = self.col.q.val();
        }
        for k in 0..P {
            self.ram_ha[k].read_address.next = self.col.q.val();
        }
        for k in 0..P {
            self.ram_hb[k].read_address.next = self.col.q.val();
        }
        for k in 0..P {
            self.ram_ea[k].read_enable.next = self.free.val();
        }
        for k in 0..P {
            self.ram_eb[k].read_enable.next = self.free.val();
        }
        for k in 0..P {
            self.ram_oa[k].read_enable.next = self.free.val();
        }
        for k in 0..P {
            self.ram_ob[k].read_enable.next = self.free.val();
        }
        for k in 0..P {
            self.ram_ha[k].read_enable.next = self.free.val();
        }
        for k in 0..P {
            self.ram_hb[k].read_enable.next = self.free.val();
        }
        for k in 0..P {
            self.ram_ea[k].write_address.next = self.c1.q.val();
        }
        for k in 0..P {
            self.ram_eb[k].write_address.next = self.c1.q.val();
        }
        for k in 0..P {
            self.ram_oa[k].write_address.next = self.c1.q.val();
        }
        for k in 0..P {
            self.ram_ob[k].write_address.next = self.c1.q.val();
        }
        for k in 0..P {
            self.ram_ha[k].write_address.next = self.c5.q.val();
        }
        for k in 0..P {
            self.ram_hb[k].write_address.next = self.c5.q.val();
        }
        for k in 0..P {
            self.ram_ea[k].write_enable.next = self.v1.q.val() & self.we_e1.q.val();
        }
        for k in 0..P {
            self.ram_eb[k].write_enable.next = self.v1.q.val() & self.we_e1.q.val();
        }
        for k in 0..P {
            self.ram_oa[k].write_enable.next = self.v1.q.val() & self.we_o1.q.val();
        }
        for k in 0..P {
            self.ram_ob[k].write_enable.next = self.v1.q.val() & self.we_o1.q.val();
        }
        for k in 0..P {
            self.ram_ha[k].write_enable.next = self.v5.q.val() & self.comp5.q.val();
        }
        for k in 0..P {
            self.ram_hb[k].write_enable.next = self.v5.q.val() & self.comp5.q.val();
        }
        for k in 0..P {
            self.ram_ea[k].write_data.next = self.lane_a[k].x1.val();
        }
        for k in 0..P {
            self.ram_eb[k].write_data.next = self.lane_b[k].x1.val();
        }
        for k in 0..P {
            self.ram_oa[k].write_data.next = self.lane_a[k].x1.val();
        }
        for k in 0..P {
            self.ram_ob[k].write_data.next = self.lane_b[k].x1.val();
        }
        for k in 0..P {
            self.ram_ha[k].write_data.next = self.lane_a[k].h5.val();
        }
        for k in 0..P {
            self.ram_hb[k].write_data.next = self.lane_b[k].h5.val();
        }
        // Datapath lanes.
        for k in 0..P {
            self.lane_a[k].en.next = self.free.val();
        }
        for k in 0..P {
            self.lane_b[k].en.next = self.free.val();
        }
        for k in 0..P {
            self.lane_a[k].x_in.next = self.in_a[k].val();
        }
        for k in 0..P {
            self.lane_b[k].x_in.next = self.in_b[k].val();
        }
        for k in 0..P {
            self.lane_a[k].ram_e.next = self.ram_ea[k].read_data.val();
        }
        for k in 0..P {
            self.lane_b[k].ram_e.next = self.ram_eb[k].read_data.val();
        }
        for k in 0..P {
            self.lane_a[k].ram_o.next = self.ram_oa[k].read_data.val();
        }
        for k in 0..P {
            self.lane_b[k].ram_o.next = self.ram_ob[k].read_data.val();
        }
        for k in 0..P {
            self.lane_a[k].ram_h.next = self.ram_ha[k].read_data.val();
        }
        for k in 0..P {
            self.lane_b[k].ram_h.next = self.ram_hb[k].read_data.val();
        }
        for k in 0..P {
            self.lane_a[k].haar.next = self.cfg_haar.val();
        }
        for k in 0..P {
            self.lane_b[k].haar.next = self.cfg_haar.val();
        }
        for k in 0..P {
            self.lane_a[k].edge2.next = self.flush2.q.val();
        }
        for k in 0..P {
            self.lane_b[k].edge2.next = self.flush2.q.val();
        }
        for k in 0..P {
            self.lane_a[k].edge4.next = self.m04.q.val();
        }
        for k in 0..P {
            self.lane_b[k].edge4.next = self.m04.q.val();
        }
        if self.syn.val() {
            for k in 0..P {
                self.lane_a[k].edge2.next = self.m02.q.val();
            }
            for k in 0..P {
                self.lane_b[k].edge2.next = self.m02.q.val();
            }
            for k in 0..P {
                self.lane_a[k].edge4.next = self.flush4.q.val();
            }
            for k in 0..P {
                self.lane_b[k].edge4.next = self.flush4.q.val();
            }
        }
        for k in 0..P {
            self.lane_a[k].comp5.next = self.comp5.q.val();
        }
        for k in 0..P {
            self.lane_b[k].comp5.next = self.comp5.q.val();
        }
        // Framing state.
        self.err.d.next = false;
        if self.take.val() & !self.flushing.q.val() {
            self.err.d.next = self.err_now.val();
            if !self.accept.val() {
                self.dropping.d.next = true;
                self.in_pic.d.next = false;
            }
        }
        self.err_pic.next = self.err.q.val();
        self.pic_idle.next = !self.in_pic.q.val() & !self.dropping.q.val();
        if self.issue.val() {
            self.dropping.d.next = false;
            if !self.flushing.q.val() {
                self.in_pic.d.next = true;
            }
            if self.b_last.val() {
                if self.flushing.q.val() {
                    self.f2.d.next = true;
                    if self.f2.q.val() {
                        self.flushing.d.next = false;
                        self.f2.d.next = false;
                    }
                } else if self.pic_end.val() {
                    self.in_pic.d.next = false;
                    self.flushing.d.next = true;
                    self.f2.d.next = false;
                }
            }
        }
        if self.adv.val() {
            self.cl.d.next = self.cl_m1.val();
            if self.b_first.val() {
                self.cl.d.next = self.cfg_m2.q.val();
            }
            self.pos_first.d.next = self.b_last.val();
            self.nlast.d.next = self.cl_is1.val();
            if self.b_first.val() {
                self.nlast.d.next = self.p2.q.val();
            }
            if self.b_last.val() {
                self.nlast.d.next = self.p1.q.val();
            }
            self.col.d.next = self.addr_p1.val();
            self.rl.d.next = self.cur_rl.val();
            self.rl_zero.d.next = self.cur_rlz.val();
            self.y_odd.d.next = self.cur_odd.val();
            self.early.d.next = self.cur_early.val();
            self.have_h.d.next = self.cur_haveh.val();
            self.have_e.d.next = self.cur_havee.val();
            self.tg.d.next = self.cur_tg.val();
            if self.b_last.val() {
                self.col.d.next = 0.into();
                self.rl.d.next = self.rl_m1.val();
                self.rl_zero.d.next = self.rlm1_z.val();
                self.y_odd.d.next = !self.cur_odd.val();
                self.early.d.next = self.cur_early.val() & !self.cur_odd.val();
                self.have_h.d.next = self.cur_haveh.val() | self.c_comp.val();
                self.have_e.d.next = self.cur_havee.val() | self.c_emit.val();
            }
        }
        if self.free.val() & self.cooling.q.val() {
            self.cool.d.next = self.cool.q.val() - 1;
            self.cooling.d.next = !self.cool_is1.val();
        }
        if self.issue.val() & self.b_last.val() & self.narrow.q.val() {
            self.cool.d.next = self.six3.val();
            self.cooling.d.next = true;
        }
        // Pipeline control.
        if self.free.val() {
            self.v0.d.next = self.issue.val();
            self.c0.d.next = self.addr.val();
            self.we_e0.d.next = !self.cur_odd.val() & !self.flushing.q.val();
            self.we_o0.d.next = self.cur_odd.val() & !self.flushing.q.val();
            self.comp0.d.next = self.c_comp.val();
            self.emit0.d.next = self.c_emit.val();
            self.flush0.d.next = self.flushing.q.val() & (self.f2.q.val() == self.syn.val());
            self.m00.d.next = !self.cur_haveh.val();
            self.first0.d.next = self.b_first.val();
            self.last0.d.next = self.b_last.val();
            self.sop0.d.next = self.c_comp.val() & self.b_first.val() & !self.cur_haveh.val();
            if self.syn.val() {
                self.sop0.d.next = self.c_emit.val() & self.b_first.val() & !self.cur_havee.val();
            }
            self.tg0.d.next = self.cur_tg.val();
            self.v1.d.next = self.v0.q.val();
            self.c1.d.next = self.c0.q.val();
            self.we_e1.d.next = self.we_e0.q.val();
            self.we_o1.d.next = self.we_o0.q.val();
            self.comp1.d.next = self.comp0.q.val();
            self.emit1.d.next = self.emit0.q.val();
            self.flush1.d.next = self.flush0.q.val();
            self.flush2.d.next = self.flush1.q.val();
            self.flush3.d.next = self.flush2.q.val();
            self.flush4.d.next = self.flush3.q.val();
            self.m04.d.next = self.m03.q.val();
            self.m05.d.next = self.m04.q.val();
            self.m01.d.next = self.m00.q.val();
            self.first1.d.next = self.first0.q.val();
            self.last1.d.next = self.last0.q.val();
            self.sop1.d.next = self.sop0.q.val();
            self.tg1.d.next = self.tg0.q.val();
            self.v2.d.next = self.v1.q.val();
            self.c2.d.next = self.c1.q.val();
            self.comp2.d.next = self.comp1.q.val();
            self.emit2.d.next = self.emit1.q.val();
            self.m02.d.next = self.m01.q.val();
            self.first2.d.next = self.first1.q.val();
            self.last2.d.next = self.last1.q.val();
            self.sop2.d.next = self.sop1.q.val();
            self.tg2.d.next = self.tg1.q.val();
            self.v3.d.next = self.v2.q.val();
            self.c3.d.next = self.c2.q.val();
            self.comp3.d.next = self.comp2.q.val();
            self.emit3.d.next = self.emit2.q.val();
            self.m03.d.next = self.m02.q.val();
            self.first3.d.next = self.first2.q.val();
            self.last3.d.next = self.last2.q.val();
            self.sop3.d.next = self.sop2.q.val();
            self.tg3.d.next = self.tg2.q.val();
            self.v4.d.next = self.v3.q.val();
            self.c4.d.next = self.c3.q.val();
            self.comp4.d.next = self.comp3.q.val();
            self.emit4.d.next = self.emit3.q.val();
            self.first4.d.next = self.first3.q.val();
            self.last4.d.next = self.last3.q.val();
            self.sop4.d.next = self.sop3.q.val();
            self.tg4.d.next = self.tg3.q.val();
            self.v5.d.next = self.v4.q.val();
            self.c5.d.next = self.c4.q.val();
            self.comp5.d.next = self.comp4.q.val();
            self.emit5.d.next = self.emit4.q.val();
            self.first5.d.next = self.first4.q.val();
            self.last5.d.next = self.last4.q.val();
            self.sop5.d.next = self.sop4.q.val();
            self.tg5.d.next = self.tg4.q.val();
            self.ov.d.next = self.v5.q.val() & (self.comp5.q.val() | self.emit5.q.val());
            if self.syn.val() {
                self.ov.d.next = self.v5.q.val() & ((self.comp5.q.val() & !self.m05.q.val()) | self.emit5.q.val());
            }
            self.of.d.next = self.first5.q.val();
            self.oe.d.next = self.last5.q.val();
            self.os.d.next = self.sop5.q.val();
            self.otg.d.next = self.tg5.q.val();
            self.oh.d.next = self.emit5.q.val();
            if self.syn.val() {
                self.oh.d.next = self.comp5.q.val();
            }
        }
        // Output queue: S6 moves in whenever the pipeline advances.
        self.push.next = self.ov.q.val() & self.free.val();
        self.pop.next = self.q0v.q.val() & self.out_ready.val();
        if self.pop.val() {
            self.q0v.d.next = self.q1v.q.val();
            for k in 0..P {
                self.q0a[k].d.next = self.q1a[k].q.val();
            }
            for k in 0..P {
                self.q0b[k].d.next = self.q1b[k].q.val();
            }
            self.q0f.d.next = self.q1f.q.val();
            self.q0l.d.next = self.q1l.q.val();
            self.q0s.d.next = self.q1s.q.val();
            self.q0t.d.next = self.q1t.q.val();
            self.q0h.d.next = self.q1h.q.val();
            self.q1v.d.next = false;
        }
        if self.push.val() {
            if !self.q0v.q.val() | (self.pop.val() & !self.q1v.q.val()) {
                self.q0v.d.next = true;
                for k in 0..P {
                    self.q0a[k].d.next = self.lane_a[k].out.val();
                }
                for k in 0..P {
                    self.q0b[k].d.next = self.lane_b[k].out.val();
                }
                self.q0f.d.next = self.of.q.val();
                self.q0l.d.next = self.oe.q.val();
                self.q0s.d.next = self.os.q.val();
                self.q0t.d.next = self.otg.q.val();
                self.q0h.d.next = self.oh.q.val();
            } else {
                self.q1v.d.next = true;
                for k in 0..P {
                    self.q1a[k].d.next = self.lane_a[k].out.val();
                }
                for k in 0..P {
                    self.q1b[k].d.next = self.lane_b[k].out.val();
                }
                self.q1f.d.next = self.of.q.val();
                self.q1l.d.next = self.oe.q.val();
                self.q1s.d.next = self.os.q.val();
                self.q1t.d.next = self.otg.q.val();
                self.q1h.d.next = self.oh.q.val();
            }
        }
        // LL queue: L-row results (lane a) also move in when the next level is on.
        self.lpush.next = self.ov.q.val() & self.free.val() & !self.oh.q.val() & self.ll_on.q.val();
        self.lpop.next = self.l0v.q.val() & self.ll_ready.val();
        if self.lpop.val() {
            self.l0v.d.next = self.l1v.q.val();
            for k in 0..P {
                self.l0c[k].d.next = self.l1c[k].q.val();
            }
            self.l0f.d.next = self.l1f.q.val();
            self.l0l.d.next = self.l1l.q.val();
            self.l0s.d.next = self.l1s.q.val();
            self.l1v.d.next = false;
        }
        if self.lpush.val() {
            if !self.l0v.q.val() | (self.lpop.val() & !self.l1v.q.val()) {
                self.l0v.d.next = true;
                for k in 0..P {
                    self.l0c[k].d.next = self.lane_a[k].out.val();
                }
                self.l0f.d.next = self.of.q.val();
                self.l0l.d.next = self.oe.q.val();
                self.l0s.d.next = self.os.q.val();
            } else {
                self.l1v.d.next = true;
                for k in 0..P {
                    self.l1c[k].d.next = self.lane_a[k].out.val();
                }
                self.l1f.d.next = self.of.q.val();
                self.l1l.d.next = self.oe.q.val();
                self.l1s.d.next = self.os.q.val();
            }
        }
        self.ll_valid.next = self.l0v.q.val();
        for k in 0..P {
            self.ll_c[k].next = self.l0c[k].q.val();
        }
        self.ll_first.next = self.l0f.q.val();
        self.ll_last.next = self.l0l.q.val();
        self.ll_sop.next = self.l0s.q.val();
        self.stall_r.d.next = self.q1v.d.val() | self.l1v.d.val();
        // `in_ready`'s register holds a superset of "flushing or cooling next clock". The exact
        // next states wait for the input beat's framing decision (`accept`), the deepest logic
        // behind `in_valid`; the superset assumes that a beat taken is accepted (`go`). On a
        // legal stream every beat taken is accepted, so the two agree and the rate is the same;
        // a rejected beat that would have ended a row or the picture costs one idle clock, and
        // the register is exact again the clock after (those terms need a beat taken, and
        // `in_ready` is low then).
        self.go.next = self.take.val();
        if self.flushing.q.val() {
            self.go.next = self.free.val() & !self.hold.val();
        }
        self.nflush.next = (self.flushing.q.val() & !(self.go.val() & self.at_end.val() & self.f2.q.val()))
            | (!self.flushing.q.val() & self.take.val() & self.in_last.val() & self.cur_rlz.val());
        self.ncool.next = (self.cooling.q.val() & !(self.free.val() & self.cool_is1.val())) | (self.go.val() & self.b_last.val() & self.narrow.q.val());
        self.nrdy_r.d.next = self.q1v.d.val() | self.l1v.d.val() | self.nflush.val() | self.ncool.val();
        self.out_valid.next = self.q0v.q.val();
        for k in 0..P {
            self.out_a[k].next = self.q0a[k].q.val();
        }
        for k in 0..P {
            self.out_b[k].next = self.q0b[k].q.val();
        }
        self.out_first.next = self.q0f.q.val();
        self.out_last.next = self.q0l.q.val();
        self.out_sop.next = self.q0s.q.val();
        self.out_tag.next = self.q0t.q.val();
        self.out_vhigh.next = self.q0h.q.val();
    }
}
