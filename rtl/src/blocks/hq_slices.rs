//! The slice decoder (HQ and LD; named for the HQ profile it began with): a picture's slice
//! bytes in, its dequantised coefficients out, one per clock — ST 2042-1 13.5.4 `hq_slice`,
//! 13.5.3 `ld_slice`, 13.5.6.3 `slice_band`, 13.5.6.4 `color_diff_slice_band`, A.4.4
//! `read_sintb` and 13.3 `inverse_quant`, in the order
//! `uhdpipe_model::slice::slice_order_coefficients` gives (its specification, which the
//! tests compare with).
//!
//! **Function.** `start` begins a picture whose slices are the `cfg_bytes` bytes of the
//! input stream (eight per beat, byte `k` in bits `8k+7:8k`, exactly `ceil(cfg_bytes / 8)`
//! beats, the last one's extra bytes ignored). Slice by slice in raster order
//! (`cfg_slices_x` × `cfg_slices_y`) the walker skips the `cfg_prefix` prefix bytes, reads
//! the quantisation index, then for each component (Y, C1, C2) its length byte ×
//! `cfg_scaler` and that many bytes of interleaved exp-Golomb codes. Each band's rectangle
//! in the slice (13.5.6.2 `slice_left` … `slice_bottom`) follows from the component's padded
//! size: `slice_left(sx) = floor(PW·sx / slices_x) >> xshift`, because every band's width is
//! `PW >> xshift` exactly; the walker steps `floor(PW·sx / slices_x)` with the quotient and
//! remainder the driver gives (`cfg_xq`/`cfg_xr`, `cfg_yq`/`cfg_yr`, luma `[0]`, chroma
//! `[1]`), so it needs no divider.
//!
//! **LD** (`cfg_ld`): each slice is `slice_bytes(sx, sy)` bytes (13.5.3.2), stepped from
//! `numerator = q·denominator + r` as `q` plus one whenever the running remainder passes the
//! denominator (`cfg_ld_q`, `cfg_ld_r`, `cfg_ld_d`; again no divider); then a 7-bit qindex,
//! `slice_y_length` in `intlog2(8·slice_bytes − 7)` bits, Y's bands in that many bits, and C1
//! and C2 alternating coefficient by coefficient in the rest of the slice (13.5.6.4).
//!
//! A band's index is `max(qindex − matrix[band], 0)`
//! (13.5.3.1); reads past a component's end give 1 bits (A.4.2 `read_bool`), so missing
//! trailing coefficients are zero; unread bytes at a component's end are skipped.
//!
//! **Coefficients.** `out_value` is the dequantised value, 23-bit two's complement (the
//! band lanes of `lift_inv`: every band value of a ≤ 12-bit picture fits). A value whose
//! magnitude is 2^22 or more (or whose code has more than 24 data bits) comes out wrong with
//! `out_ovf` set and is counted in `st_range`; the stream stays in step (the code is still
//! consumed whole). `out_comp`, `out_band` and `out_eor` (the last of its band's row in the
//! slice) say where it goes.
//!
//! **Errors.** A header byte or a component length (or an LD slice) past the `cfg_bytes`
//! bytes ends the walk with `st_error` = 1 (as the model's `slice_extents`: an error, no
//! picture), an LD `slice_y_length` longer than its slice with 2; the rest of the
//! input is taken and dropped, so the stream framing holds and the next picture decodes
//! exactly. Every state moves on or waits for input the job still owes, so a picture ends
//! within a bounded number of clocks once its input has arrived.
//!
//! **Throughput.** One coefficient per clock while the output is taken and at most 64 bits
//! per clock are consumed (any code of ≤ 24 data bits decodes in one clock: codes up to 50
//! bits); one clock per header byte (two per LD header); a component's unread tail at 56
//! bits per clock; one clock to start a component's first band and two at its end (the
//! walker, a code behind the decoder, ends it: a code decoded past the last coefficient lies
//! in the skipped tail and is dropped); a band's last code starts the next band (a clock more
//! only if that band is empty in this slice). **Latency:** six clocks from a code to its
//! coefficient (decode into the code register `k`, the walker's placing, four dequantiser
//! stages). **Handshake:** input and output streams; `in_ready` and the
//! pipeline enable are registers' functions (the output queue's `free`). **Reset:** none
//! needed; `start` (only while `busy` is low) clears the state.
//!
//! **Build time:** nothing (up to 16 bands: `dwt_depth` 4 with up to 3 horizontal-only
//! levels, or depth 5). **Run time:** the `cfg_*` ports, held from `start` until `done`.

use crate::blocks::stream_queue::StreamQueue;
use rust_hdl::prelude::*;
use rust_hdl::widgets::ramrom::rom::ROM;

/// Quantisation indices the factor table holds: above them `quant_factor / 4 ≥ 2^22`, so
/// any non-zero coefficient leaves the 23-bit band lanes.
pub const FACTOR_INDICES: usize = 88;
/// Bits of a dequantised coefficient (two's complement).
pub const COEF_BITS: usize = 23;

/// The block; ports below are its whole interface.
#[derive(LogicBlock)]
pub struct HqSlices {
    /// Clock.
    pub clock: Signal<In, Clock>,
    /// Begins a picture (one clock, while `busy` is low).
    pub start: Signal<In, Bit>,
    /// Run-time: bytes of slice data (all the picture's slices), 0..2^32.
    pub cfg_bytes: Signal<In, Bits<32>>,
    /// Run-time: slices_x, 1..=65535.
    pub cfg_slices_x: Signal<In, Bits<16>>,
    /// Run-time: slices_y, 1..=65535.
    pub cfg_slices_y: Signal<In, Bits<16>>,
    /// Run-time: slice_prefix_bytes.
    pub cfg_prefix: Signal<In, Bits<16>>,
    /// Run-time: slice_size_scaler, 1..=65535.
    pub cfg_scaler: Signal<In, Bits<16>>,
    /// Run-time: bands per component (1 + dwt_depth_ho + 3·dwt_depth), 1..=16.
    pub cfg_bands: Signal<In, Bits<5>>,
    /// Run-time: per band `b` (bits `8b+7:8b`, bitstream order) the quantisation matrix value.
    pub cfg_qm: Signal<In, Bits<128>>,
    /// Run-time: per band `b` its width's shift (bits `8b+3:8b`: band width = PW >> it) and
    /// height's (bits `8b+7:8b+4`).
    pub cfg_shift: Signal<In, Bits<128>>,
    /// Run-time: the picture's slices are low-delay (13.5.3 `ld_slice`): `cfg_prefix` and
    /// `cfg_scaler` are then ignored and each slice's size comes from `cfg_ld_*`.
    pub cfg_ld: Signal<In, Bit>,
    /// Run-time (LD): slice_bytes_numerator / slice_bytes_denominator, 1..2^24.
    pub cfg_ld_q: Signal<In, Bits<24>>,
    /// Run-time (LD): slice_bytes_numerator mod slice_bytes_denominator.
    pub cfg_ld_r: Signal<In, Bits<32>>,
    /// Run-time (LD): slice_bytes_denominator, 1..2^32.
    pub cfg_ld_d: Signal<In, Bits<32>>,
    /// Run-time: padded width / slices_x, luma `[0]` and chroma `[1]`.
    pub cfg_xq: [Signal<In, Bits<16>>; 2],
    /// Run-time: padded width mod slices_x.
    pub cfg_xr: [Signal<In, Bits<16>>; 2],
    /// Run-time: padded height / slices_y.
    pub cfg_yq: [Signal<In, Bits<16>>; 2],
    /// Run-time: padded height mod slices_y.
    pub cfg_yr: [Signal<In, Bits<16>>; 2],
    /// A picture is in progress (or its last coefficients are still leaving).
    pub busy: Signal<Out, Bit>,
    /// One clock when a picture ends (its input all taken; `st_*` then hold its outcome).
    pub done: Signal<Out, Bit>,
    /// The picture's outcome: 0 decoded, 1 a slice runs past the data, 2 an LD
    /// slice_y_length longer than its slice (its coefficients stop there).
    pub st_error: Signal<Out, Bits<4>>,
    /// Coefficients of the picture that left the 23-bit range.
    pub st_range: Signal<Out, Bits<32>>,
    /// Input stream: a beat is offered.
    pub in_valid: Signal<In, Bit>,
    /// Input stream: taken at this edge.
    pub in_ready: Signal<Out, Bit>,
    /// Input stream: eight bytes.
    pub in_data: Signal<In, Bits<64>>,
    /// Output stream: a coefficient is offered.
    pub out_valid: Signal<Out, Bit>,
    /// Output stream: taken at this edge.
    pub out_ready: Signal<In, Bit>,
    /// Output stream: the dequantised value (two's complement).
    pub out_value: Signal<Out, Bits<COEF_BITS>>,
    /// Output stream: the value left the range (it is wrong).
    pub out_ovf: Signal<Out, Bit>,
    /// Output stream: component (0 Y, 1 C1, 2 C2).
    pub out_comp: Signal<Out, Bits<2>>,
    /// Output stream: band (bitstream order).
    pub out_band: Signal<Out, Bits<4>>,
    /// Output stream: the last coefficient of its band's row in this slice.
    pub out_eor: Signal<Out, Bit>,
    q: StreamQueue<24, 7>,
    rom: ROM<Bits<24>, 7>,
    // decode
    mask: Signal<Local, Bits<128>>,
    e: Signal<Local, Bits<128>>,
    dw: Signal<Local, Bits<25>>,
    found: Signal<Local, Bit>,
    dlen: Signal<Local, Bits<8>>,
    dmag: Signal<Local, Bits<25>>,
    dneg: Signal<Local, Bit>,
    kbit: [Constant<Bits<25>>; 24],
    kone: [Constant<Bits<25>>; 25],
    klen: [Constant<Bits<8>>; 25],
    // window and input
    c: Signal<Local, Bits<8>>,
    c6: Signal<Local, Bits<6>>,
    win_in: Signal<Local, Bits<128>>,
    bl_small: Signal<Local, Bit>,
    bl7: Signal<Local, Bits<8>>,
    rem: Signal<Local, Bits<32>>,
    nb: Signal<Local, Bits<8>>,
    take: Signal<Local, Bit>,
    be: Signal<Local, Bits<64>>,
    ins_sh: Signal<Local, Bits<8>>,
    have: Signal<Local, Bit>,
    hdr_ok: Signal<Local, Bit>,
    starved: Signal<Local, Bit>,
    hdr_byte: Signal<Local, Bits<8>>,
    len_bytes: Signal<Local, Bits<32>>,
    avail: Signal<Local, Bits<32>>,
    // walker
    x0s: Signal<Local, Bits<16>>,
    x1s: Signal<Local, Bits<16>>,
    y0s: Signal<Local, Bits<16>>,
    y1s: Signal<Local, Bits<16>>,
    wcalc: Signal<Local, Bits<16>>,
    hcalc: Signal<Local, Bits<16>>,
    qm_cur: Signal<Local, Bits<8>>,
    wnext: Signal<Local, Bits<16>>,
    hnext: Signal<Local, Bits<16>>,
    qm_next: Signal<Local, Bits<8>>,
    nband: Signal<Local, Bits<5>>,
    tcomp: Signal<Local, Bits<2>>,
    // low-delay slices
    ld_t: Signal<Local, Bits<33>>,
    ld_td: Signal<Local, Bits<32>>,
    ld_d33: Signal<Local, Bits<33>>,
    ld_q32: Signal<Local, Bits<32>>,
    lbm1: Signal<Local, Bits<32>>,
    lb: Signal<Local, Bits<8>>,
    ld_need: Signal<Local, Bits<8>>,
    need32: Signal<Local, Bits<32>>,
    ysh: Signal<Local, Bits<8>>,
    hdr32: Signal<Local, Bits<32>>,
    ylen: Signal<Local, Bits<32>>,
    ld_room: Signal<Local, Bits<32>>,
    avail_ld: Signal<Local, Bits<32>>,
    kb32: [Constant<Bits<32>>; 32],
    klb: [Constant<Bits<8>>; 32],
    k7: Constant<Bits<8>>,
    k32: Constant<Bits<8>>,
    emit: Signal<Local, Bit>,
    comp_go: Signal<Local, Bit>,
    en: Signal<Local, Bit>,
    slice_end: Signal<Local, Bit>,
    fillw: Signal<Local, Bits<32>>,
    sx17: Signal<Local, Bits<17>>,
    sy17: Signal<Local, Bits<17>>,
    one16: Constant<Bits<16>>,
    k_eor: Constant<Bits<7>>,
    k8w: Constant<Bits<32>>,
    bw_m1: Signal<Local, Bits<16>>,
    bh_m1: Signal<Local, Bits<16>>,
    sx_m1: Signal<Local, Bits<16>>,
    sy_m1: Signal<Local, Bits<16>>,
    tx: Signal<Local, Bits<17>>,
    ty: Signal<Local, Bits<17>>,
    txd: Signal<Local, Bits<16>>,
    tyd: Signal<Local, Bits<16>>,
    // dequantiser
    off2: Signal<Local, Bits<24>>,
    sum: Signal<Local, Bits<48>>,
    res: Signal<Local, Bits<48>>,
    val: Signal<Local, Bits<COEF_BITS>>,
    ovf: Signal<Local, Bit>,
    k0: Constant<Bits<8>>,
    k1: Constant<Bits<8>>,
    k2: Constant<Bits<8>>,
    k8: Constant<Bits<8>>,
    k50: Constant<Bits<8>>,
    k64: Constant<Bits<8>>,
    k56: Constant<Bits<8>>,
    kfi: Constant<Bits<8>>,
    big22: Constant<Bits<25>>,
    ones: Constant<Bits<128>>,
    // walker states
    s_idle: Constant<Bits<4>>,
    s_prefix: Constant<Bits<4>>,
    s_qindex: Constant<Bits<4>>,
    s_length: Constant<Bits<4>>,
    s_band: Constant<Bits<4>>,
    s_coef: Constant<Bits<4>>,
    s_skip: Constant<Bits<4>>,
    s_drain: Constant<Bits<4>>,
    s_ldsize: Constant<Bits<4>>,
    s_ldhdr: Constant<Bits<4>>,
    kshift: [Constant<Bits<5>>; 25],
    kdpos: [Constant<Bits<128>>; 24],
    kfpos: [Constant<Bits<128>>; 25],
    kspos: [Constant<Bits<128>>; 25],
    state: DFF<Bits<4>>,
    win: DFF<Bits<128>>,
    fill: DFF<Bits<8>>,
    bytes_in: DFF<Bits<32>>,
    bits_left: DFF<Bits<32>>,
    pre_left: DFF<Bits<16>>,
    qindex: DFF<Bits<8>>,
    comp: DFF<Bits<2>>,
    band: DFF<Bits<5>>,
    bsh: DFF<Bits<128>>,
    bqm: DFF<Bits<128>>,
    bw: DFF<Bits<16>>,
    bh: DFF<Bits<16>>,
    col: DFF<Bits<16>>,
    row: DFF<Bits<16>>,
    bqi: DFF<Bits<8>>,
    longc: DFF<Bit>,
    sxn: DFF<Bits<16>>,
    syn: DFF<Bits<16>>,
    lx0: DFF<Bits<16>>,
    lx1: DFF<Bits<16>>,
    lxa: DFF<Bits<16>>,
    ly0: DFF<Bits<16>>,
    ly1: DFF<Bits<16>>,
    lya: DFF<Bits<16>>,
    cx0: DFF<Bits<16>>,
    cx1: DFF<Bits<16>>,
    cxa: DFF<Bits<16>>,
    cy0: DFF<Bits<16>>,
    cy1: DFF<Bits<16>>,
    cya: DFF<Bits<16>>,
    k_v: DFF<Bit>,
    k_mag: DFF<Bits<25>>,
    k_neg: DFF<Bit>,
    k_long: DFF<Bit>,
    s1_v: DFF<Bit>,
    s1_mag: DFF<Bits<25>>,
    s1_neg: DFF<Bit>,
    s1_long: DFF<Bit>,
    s1_qi: DFF<Bits<8>>,
    s1_tag: DFF<Bits<7>>,
    s2_v: DFF<Bit>,
    s2_mag: DFF<Bits<22>>,
    s2_neg: DFF<Bit>,
    s2_zero: DFF<Bit>,
    s2_big: DFF<Bit>,
    s2_f: DFF<Bits<24>>,
    s2_o: DFF<Bits<24>>,
    s2_tag: DFF<Bits<7>>,
    s3_v: DFF<Bit>,
    s3_ll: DFF<Bits<32>>,
    s3_lh: DFF<Bits<32>>,
    s3_hl: DFF<Bits<32>>,
    s3_hh: DFF<Bits<32>>,
    s3_o: DFF<Bits<24>>,
    s3_neg: DFF<Bit>,
    s3_zero: DFF<Bit>,
    s3_big: DFF<Bit>,
    s3_tag: DFF<Bits<7>>,
    s4_v: DFF<Bit>,
    s4_sum: DFF<Bits<48>>,
    s4_neg: DFF<Bit>,
    s4_zero: DFF<Bit>,
    s4_big: DFF<Bit>,
    s4_tag: DFF<Bits<7>>,
    err: DFF<Bits<4>>,
    range: DFF<Bits<32>>,
    done_r: DFF<Bit>,
    ld_acc: DFF<Bits<32>>,
    ld_b: DFF<Bits<32>>,
    ld_rest: DFF<Bits<32>>,
    half: DFF<Bit>,
}

/// The 128-bit word with only bit `k` set (a select by constant mask: rust-hdl writes a bit
/// select's index expression literally, which the generator cannot size).
fn window_bit(k: usize) -> Bits<128> {
    Bits::<128>::from(1u64) << (k as u64)
}

impl Default for HqSlices {
    fn default() -> Self {
        let factors = (0..FACTOR_INDICES as u32).map(|qi| {
            let f = uhdpipe_model::quant::quant_factor(qi);
            assert!(f < 1 << 24, "quant_factor({qi}) fits the table's 24 bits");
            Bits::<24>::from(f as u64)
        });
        Self {
            clock: Default::default(),
            start: Default::default(),
            cfg_bytes: Default::default(),
            cfg_slices_x: Default::default(),
            cfg_slices_y: Default::default(),
            cfg_prefix: Default::default(),
            cfg_scaler: Default::default(),
            cfg_bands: Default::default(),
            cfg_qm: Default::default(),
            cfg_shift: Default::default(),
            cfg_ld: Default::default(),
            cfg_ld_q: Default::default(),
            cfg_ld_r: Default::default(),
            cfg_ld_d: Default::default(),
            cfg_xq: Default::default(),
            cfg_xr: Default::default(),
            cfg_yq: Default::default(),
            cfg_yr: Default::default(),
            busy: Default::default(),
            done: Default::default(),
            st_error: Default::default(),
            st_range: Default::default(),
            in_valid: Default::default(),
            in_ready: Default::default(),
            in_data: Default::default(),
            out_valid: Default::default(),
            out_ready: Default::default(),
            out_value: Default::default(),
            out_ovf: Default::default(),
            out_comp: Default::default(),
            out_band: Default::default(),
            out_eor: Default::default(),
            q: Default::default(),
            rom: factors.into(),
            mask: Default::default(),
            e: Default::default(),
            dw: Default::default(),
            found: Default::default(),
            dlen: Default::default(),
            dmag: Default::default(),
            dneg: Default::default(),
            // data bit j of a code is bit 24 - j of `dw` (MSB first, below the implied 1)
            kbit: std::array::from_fn(|j| Constant::new((1u64 << (24 - j)).to_bits())),
            // a code with i data bits (i = 24 - k): the implied leading 1 at bit i after the shift
            kone: std::array::from_fn(|k| Constant::new((1u64 << (24 - k)).to_bits())),
            klen: std::array::from_fn(|k| {
                let i = 24 - k as u64;
                Constant::new((if i == 0 { 1 } else { 2 * i + 2 }).to_bits())
            }),
            c: Default::default(),
            c6: Default::default(),
            win_in: Default::default(),
            bl_small: Default::default(),
            bl7: Default::default(),
            rem: Default::default(),
            nb: Default::default(),
            take: Default::default(),
            be: Default::default(),
            ins_sh: Default::default(),
            have: Default::default(),
            hdr_ok: Default::default(),
            starved: Default::default(),
            hdr_byte: Default::default(),
            len_bytes: Default::default(),
            avail: Default::default(),
            x0s: Default::default(),
            x1s: Default::default(),
            y0s: Default::default(),
            y1s: Default::default(),
            wcalc: Default::default(),
            hcalc: Default::default(),
            qm_cur: Default::default(),
            wnext: Default::default(),
            hnext: Default::default(),
            qm_next: Default::default(),
            nband: Default::default(),
            tcomp: Default::default(),
            ld_t: Default::default(),
            ld_td: Default::default(),
            ld_d33: Default::default(),
            ld_q32: Default::default(),
            lbm1: Default::default(),
            lb: Default::default(),
            ld_need: Default::default(),
            need32: Default::default(),
            ysh: Default::default(),
            hdr32: Default::default(),
            ylen: Default::default(),
            ld_room: Default::default(),
            avail_ld: Default::default(),
            kb32: std::array::from_fn(|k| Constant::new((1u64 << k).to_bits())),
            // intlog2(8·bytes − 7) = bit length of (bytes − 1), plus 3 (bytes > 1)
            klb: std::array::from_fn(|k| Constant::new((k as u64 + 4).to_bits())),
            k7: Constant::new(7u64.to_bits()),
            k32: Constant::new(32u64.to_bits()),
            emit: Default::default(),
            comp_go: Default::default(),
            en: Default::default(),
            slice_end: Default::default(),
            fillw: Default::default(),
            sx17: Default::default(),
            sy17: Default::default(),
            one16: Constant::new(1u64.to_bits()),
            k_eor: Constant::new(64u64.to_bits()),
            k8w: Constant::new(8u64.to_bits()),
            bw_m1: Default::default(),
            bh_m1: Default::default(),
            sx_m1: Default::default(),
            sy_m1: Default::default(),
            tx: Default::default(),
            ty: Default::default(),
            txd: Default::default(),
            tyd: Default::default(),
            off2: Default::default(),
            sum: Default::default(),
            res: Default::default(),
            val: Default::default(),
            ovf: Default::default(),
            k0: Constant::new(0u64.to_bits()),
            k1: Constant::new(1u64.to_bits()),
            k2: Constant::new(2u64.to_bits()),
            k8: Constant::new(8u64.to_bits()),
            k50: Constant::new(50u64.to_bits()),
            k64: Constant::new(64u64.to_bits()),
            k56: Constant::new(56u64.to_bits()),
            kfi: Constant::new((FACTOR_INDICES as u64).to_bits()),
            big22: Constant::new((1u64 << 22).to_bits()),
            ones: Constant::new(Bits::<128>::mask()),
            s_idle: Constant::new(0u64.to_bits()),
            s_prefix: Constant::new(1u64.to_bits()),
            s_qindex: Constant::new(2u64.to_bits()),
            s_length: Constant::new(3u64.to_bits()),
            s_band: Constant::new(4u64.to_bits()),
            s_coef: Constant::new(5u64.to_bits()),
            s_skip: Constant::new(6u64.to_bits()),
            s_drain: Constant::new(7u64.to_bits()),
            s_ldsize: Constant::new(8u64.to_bits()),
            s_ldhdr: Constant::new(9u64.to_bits()),
            kshift: std::array::from_fn(|k| Constant::new((k as u64 + 1).to_bits())),
            // the window bit of data bit j (position 2j + 1 from the top)
            kdpos: std::array::from_fn(|j| Constant::new(window_bit(126 - 2 * j))),
            // the stop flag and sign bit of a code with 24 - k data bits (positions 2i, 2i + 1)
            kfpos: std::array::from_fn(|k| Constant::new(window_bit(79 + 2 * k))),
            kspos: std::array::from_fn(|k| Constant::new(window_bit(78 + 2 * k))),
            state: Default::default(),
            win: Default::default(),
            fill: Default::default(),
            bytes_in: Default::default(),
            bits_left: Default::default(),
            pre_left: Default::default(),
            qindex: Default::default(),
            comp: Default::default(),
            band: Default::default(),
            bsh: Default::default(),
            bqm: Default::default(),
            bw: Default::default(),
            bh: Default::default(),
            col: Default::default(),
            row: Default::default(),
            bqi: Default::default(),
            longc: Default::default(),
            sxn: Default::default(),
            syn: Default::default(),
            lx0: Default::default(),
            lx1: Default::default(),
            lxa: Default::default(),
            ly0: Default::default(),
            ly1: Default::default(),
            lya: Default::default(),
            cx0: Default::default(),
            cx1: Default::default(),
            cxa: Default::default(),
            cy0: Default::default(),
            cy1: Default::default(),
            cya: Default::default(),
            k_v: Default::default(),
            k_mag: Default::default(),
            k_neg: Default::default(),
            k_long: Default::default(),
            s1_v: Default::default(),
            s1_mag: Default::default(),
            s1_neg: Default::default(),
            s1_long: Default::default(),
            s1_qi: Default::default(),
            s1_tag: Default::default(),
            s2_v: Default::default(),
            s2_mag: Default::default(),
            s2_neg: Default::default(),
            s2_zero: Default::default(),
            s2_big: Default::default(),
            s2_f: Default::default(),
            s2_o: Default::default(),
            s2_tag: Default::default(),
            s3_v: Default::default(),
            s3_ll: Default::default(),
            s3_lh: Default::default(),
            s3_hl: Default::default(),
            s3_hh: Default::default(),
            s3_o: Default::default(),
            s3_neg: Default::default(),
            s3_zero: Default::default(),
            s3_big: Default::default(),
            s3_tag: Default::default(),
            s4_v: Default::default(),
            s4_sum: Default::default(),
            s4_neg: Default::default(),
            s4_zero: Default::default(),
            s4_big: Default::default(),
            s4_tag: Default::default(),
            err: Default::default(),
            range: Default::default(),
            done_r: Default::default(),
            ld_acc: Default::default(),
            ld_b: Default::default(),
            ld_rest: Default::default(),
            half: Default::default(),
        }
    }
}

impl Logic for HqSlices {
    // One `if` per walker state, each with its own conditions inside (as the other blocks'
    // state machines read); collapsing them would change the generated Verilog, not the logic.
    #[allow(clippy::collapsible_if)]
    #[hdl_gen]
    fn update(&mut self) {
        dff_setup!(
            self, clock, state, win, fill, bytes_in, bits_left, pre_left, qindex, comp, band, bsh, bqm, bw, bh, col, row, bqi, longc, sxn, syn, lx0, lx1, lxa, ly0, ly1, lya, cx0, cx1, cxa, cy0, cy1, cya, k_v, k_mag, k_neg, k_long, s1_v, s1_mag, s1_neg, s1_long, s1_qi, s1_tag, s2_v, s2_mag, s2_neg, s2_zero, s2_big, s2_f, s2_o, s2_tag, s3_v, s3_ll, s3_lh, s3_hl, s3_hh, s3_o, s3_neg, s3_zero, s3_big, s3_tag, s4_v, s4_sum, s4_neg, s4_zero, s4_big, s4_tag, err, range, done_r, ld_acc, ld_b, ld_rest, half
        );
        clock!(self, clock, q);
        // The pipeline (decode → factor → products → sum) moves only when the output queue
        // has room: a register, so the consumer never reaches back into the decoder.
        self.en.next = self.q.free.val();

        // ---- the code at the top of the window (bit 127 is the next bit) ----
        // Bits past the component's end read as 1 (A.4.2): force them.
        self.mask.next = 0.into();
        if !self.bits_left.q.val().get_bits::<25>(7).any() {
            self.mask.next = self.ones.val() >> bit_cast::<8, 7>(self.bits_left.q.val().get_bits::<7>(0));
        }
        self.e.next = self.win.q.val() | self.mask.val();
        // The data bits sit at odd positions from the top, the stop flags at even ones.
        self.dw.next = 0.into();
        for j in 0..24 {
            if (self.e.val() & self.kdpos[j].val()).any() {
                self.dw.next = self.dw.val() | self.kbit[j].val();
            }
        }
        // The first stop flag wins: k = 24 - i runs up so the smallest i is written last.
        self.found.next = false;
        self.dlen.next = self.k50.val();
        self.dmag.next = 0.into();
        self.dneg.next = false;
        for k in 0..25 {
            if (self.e.val() & self.kfpos[k].val()).any() {
                self.found.next = true;
                self.dlen.next = self.klen[k].val();
                self.dmag.next = ((self.dw.val() >> self.kshift[k].val()) | self.kone[k].val()) - 1;
                self.dneg.next = (self.e.val() & self.kspos[k].val()).any();
            }
        }
        // A long code's continuation: whatever its value, it is non-zero and out of range.
        if self.longc.q.val() & self.found.val() & (self.dlen.val() == self.k1.val()) {
            self.dlen.next = self.k2.val();
            self.dneg.next = self.e.val().get_bit(126);
        }
        // Enough bits to decode: a whole 50-bit window, or the component's rest.
        // bits_left below 128, and its low bits: every compare in the decode loop is 8 bits wide
        self.bl_small.next = !self.bits_left.q.val().get_bits::<25>(7).any();
        self.bl7.next = bit_cast::<8, 7>(self.bits_left.q.val().get_bits::<7>(0));
        self.have.next = (self.fill.q.val() >= self.k50.val()) | (self.bl_small.val() & (self.fill.q.val() >= self.bl7.val()));
        self.hdr_ok.next = self.fill.q.val() >= self.k8.val();
        self.starved.next = self.bytes_in.q.val() == self.cfg_bytes.val();
        self.hdr_byte.next = self.win.q.val().get_bits::<8>(120);

        // ---- the current band's rectangle in this slice ----
        self.x0s.next = self.lx0.q.val();
        self.x1s.next = self.lx1.q.val();
        self.y0s.next = self.ly0.q.val();
        self.y1s.next = self.ly1.q.val();
        if self.comp.q.val().any() {
            self.x0s.next = self.cx0.q.val();
            self.x1s.next = self.cx1.q.val();
            self.y0s.next = self.cy0.q.val();
            self.y1s.next = self.cy1.q.val();
        }
        self.wcalc.next = (self.x1s.val() >> bit_cast::<16, 4>(self.bsh.q.val().get_bits::<4>(0))) - (self.x0s.val() >> bit_cast::<16, 4>(self.bsh.q.val().get_bits::<4>(0)));
        self.hcalc.next = (self.y1s.val() >> bit_cast::<16, 4>(self.bsh.q.val().get_bits::<4>(4))) - (self.y0s.val() >> bit_cast::<16, 4>(self.bsh.q.val().get_bits::<4>(4)));
        self.qm_cur.next = self.bqm.q.val().get_bits::<8>(0);
        // the next band's, so that a band's last code can start the next band
        self.wnext.next = (self.x1s.val() >> bit_cast::<16, 4>(self.bsh.q.val().get_bits::<4>(8))) - (self.x0s.val() >> bit_cast::<16, 4>(self.bsh.q.val().get_bits::<4>(8)));
        self.hnext.next = (self.y1s.val() >> bit_cast::<16, 4>(self.bsh.q.val().get_bits::<4>(12))) - (self.y0s.val() >> bit_cast::<16, 4>(self.bsh.q.val().get_bits::<4>(12)));
        self.qm_next.next = self.bqm.q.val().get_bits::<8>(8);
        self.nband.next = self.band.q.val() + 1;
        // LD chroma: C1 and C2 alternate, coefficient by coefficient (13.5.6.4)
        self.tcomp.next = self.comp.q.val();
        if self.half.q.val() {
            self.tcomp.next = self.k2.val().get_bits::<2>(0);
        }

        // ---- the walker ----
        self.bw_m1.next = self.bw.q.val() - 1;
        self.bh_m1.next = self.bh.q.val() - 1;
        self.sx_m1.next = self.cfg_slices_x.val() - 1;
        self.sy_m1.next = self.cfg_slices_y.val() - 1;
        self.c.next = 0.into();
        self.emit.next = false;
        self.comp_go.next = false;
        self.slice_end.next = false;
        self.done_r.d.next = false;
        self.len_bytes.next = bit_cast::<16, 8>(self.hdr_byte.val()) * self.cfg_scaler.val();
        // bytes still to come: the window's whole bytes (less the length byte) and the input's
        self.fillw.next = bit_cast::<32, 8>(self.fill.q.val());
        self.avail.next = (self.fillw.val() >> 3) - 1 + (self.cfg_bytes.val() - self.bytes_in.q.val());
        // ---- LD (13.5.3): slice_bytes(sx, sy) stepped without a divider, then the header ----
        self.ld_t.next = bit_cast::<33, 32>(self.ld_acc.q.val()) + bit_cast::<33, 32>(self.cfg_ld_r.val());
        self.ld_d33.next = bit_cast::<33, 32>(self.cfg_ld_d.val());
        // when it carries, the difference is below 2^32
        self.ld_td.next = self.ld_t.val().get_bits::<32>(0) - self.cfg_ld_d.val();
        self.ld_q32.next = bit_cast::<32, 24>(self.cfg_ld_q.val());
        if self.state.q.val() == self.s_ldsize.val() {
            self.ld_b.d.next = self.ld_q32.val();
            self.ld_acc.d.next = self.ld_t.val().get_bits::<32>(0);
            if self.ld_t.val() >= self.ld_d33.val() {
                self.ld_b.d.next = self.ld_q32.val() + 1;
                self.ld_acc.d.next = self.ld_td.val();
            }
            self.state.d.next = self.s_ldhdr.val();
        }
        // length_bits = intlog2(8·slice_bytes − 7): the bit length of slice_bytes − 1, plus 3
        self.lbm1.next = self.ld_b.q.val() - 1;
        self.lb.next = 0.into();
        for k in 0..32 {
            if (self.lbm1.val() & self.kb32[k].val()).any() {
                self.lb.next = self.klb[k].val();
            }
        }
        self.ld_need.next = self.k7.val() + self.lb.val();
        self.need32.next = bit_cast::<32, 8>(self.ld_need.val());
        // slice_y_length: the lb bits after the 7-bit qindex (lb ≤ 27: slices below 2^24 bytes)
        self.ysh.next = self.k32.val() - self.lb.val();
        self.hdr32.next = self.win.q.val().get_bits::<32>(89);
        self.ylen.next = self.hdr32.val() >> self.ysh.val();
        if !self.lb.val().any() {
            self.ylen.next = 0.into();
        }
        self.ld_room.next = (self.ld_b.q.val() << 3) - self.need32.val();
        self.avail_ld.next = (self.fillw.val() >> 3) + (self.cfg_bytes.val() - self.bytes_in.q.val());
        if self.state.q.val() == self.s_ldhdr.val() {
            if self.ld_b.q.val() > self.avail_ld.val() {
                // the slice runs past the data
                self.err.d.next = 1.into();
                self.state.d.next = self.s_drain.val();
            } else if self.fill.q.val() >= self.ld_need.val() {
                self.c.next = self.ld_need.val();
                self.qindex.d.next = bit_cast::<8, 7>(self.win.q.val().get_bits::<7>(121));
                if self.ylen.val() > self.ld_room.val() {
                    // slice_y_length longer than the slice
                    self.err.d.next = 2.into();
                    self.state.d.next = self.s_drain.val();
                } else {
                    self.bits_left.d.next = self.ylen.val();
                    self.ld_rest.d.next = self.ld_room.val() - self.ylen.val();
                    self.comp.d.next = 0.into();
                    self.half.d.next = false;
                    self.comp_go.next = true;
                }
            } else if self.starved.val() {
                self.err.d.next = 1.into();
                self.state.d.next = self.s_drain.val();
            }
        }
        if self.state.q.val() == self.s_prefix.val() {
            if self.hdr_ok.val() {
                self.c.next = self.k8.val();
                self.pre_left.d.next = self.pre_left.q.val() - 1;
                if self.pre_left.q.val() == self.one16.val() {
                    self.state.d.next = self.s_qindex.val();
                }
            } else if self.starved.val() {
                self.err.d.next = 1.into();
                self.state.d.next = self.s_drain.val();
            }
        }
        if self.state.q.val() == self.s_qindex.val() {
            if self.hdr_ok.val() {
                self.c.next = self.k8.val();
                self.qindex.d.next = self.hdr_byte.val();
                self.comp.d.next = 0.into();
                self.state.d.next = self.s_length.val();
            } else if self.starved.val() {
                self.err.d.next = 1.into();
                self.state.d.next = self.s_drain.val();
            }
        }
        if self.state.q.val() == self.s_length.val() {
            if self.hdr_ok.val() {
                self.c.next = self.k8.val();
                if self.len_bytes.val() > self.avail.val() {
                    self.err.d.next = 1.into();
                    self.state.d.next = self.s_drain.val();
                } else {
                    self.bits_left.d.next = self.len_bytes.val() << 3;
                    self.comp_go.next = true;
                }
            } else if self.starved.val() {
                self.err.d.next = 1.into();
                self.state.d.next = self.s_drain.val();
            }
        }
        if self.state.q.val() == self.s_band.val() {
            if self.band.q.val() == self.cfg_bands.val() {
                // (a code decoded ahead lies in the tail the skip drops)
                self.state.d.next = self.s_skip.val();
                self.k_v.d.next = false;
                self.longc.d.next = false;
            } else {
                self.bw.d.next = self.wcalc.val();
                self.bh.d.next = self.hcalc.val();
                self.col.d.next = 0.into();
                self.row.d.next = 0.into();
                self.bqi.d.next = 0.into();
                if self.qindex.q.val() > self.qm_cur.val() {
                    self.bqi.d.next = self.qindex.q.val() - self.qm_cur.val();
                }
                if self.wcalc.val().any() & self.hcalc.val().any() {
                    self.state.d.next = self.s_coef.val();
                } else {
                    self.band.d.next = self.band.q.val() + 1;
                    self.bsh.d.next = self.bsh.q.val() >> 8;
                    self.bqm.d.next = self.bqm.q.val() >> 8;
                }
            }
        }
        if (self.state.q.val() == self.s_coef.val()) & self.en.val() {
            // The decoder: the code at the window's top goes to the code register `k`.
            self.k_v.d.next = false;
            if self.have.val() {
                // consume the code's real bits (the forced 1s past the end cost nothing)
                self.c.next = self.dlen.val();
                if self.bl_small.val() & (self.bl7.val() < self.dlen.val()) {
                    self.c.next = self.bl7.val();
                }
                self.bits_left.d.next = self.bits_left.q.val() - bit_cast::<32, 8>(self.c.val());
                self.k_v.d.next = self.found.val();
                self.k_mag.d.next = self.dmag.val();
                self.k_neg.d.next = self.dneg.val();
                self.k_long.d.next = self.longc.q.val();
                // more than 24 data bits: keep reading pairs until the stop flag
                self.longc.d.next = !self.found.val();
            }
            // The walker, one code behind: places the code in `k` (and decides nothing the
            // decoder's clock waits for). A code decoded past the component's last coefficient
            // lies inside the component's tail, which is skipped: it is dropped.
            if self.k_v.q.val() {
                self.emit.next = true;
                if self.cfg_ld.val() & self.comp.q.val().any() & !self.half.q.val() {
                    // LD chroma: C1 here, C2 of the same place next
                    self.half.d.next = true;
                } else {
                    self.half.d.next = false;
                    self.col.d.next = self.col.q.val() + 1;
                    if self.col.q.val() == self.bw_m1.val() {
                        self.col.d.next = 0.into();
                        self.row.d.next = self.row.q.val() + 1;
                        if self.row.q.val() == self.bh_m1.val() {
                            // the band's last code starts the next band (no clock between)
                            self.row.d.next = 0.into();
                            self.band.d.next = self.nband.val();
                            self.bsh.d.next = self.bsh.q.val() >> 8;
                            self.bqm.d.next = self.bqm.q.val() >> 8;
                            self.bw.d.next = self.wnext.val();
                            self.bh.d.next = self.hnext.val();
                            self.bqi.d.next = 0.into();
                            if self.qindex.q.val() > self.qm_next.val() {
                                self.bqi.d.next = self.qindex.q.val() - self.qm_next.val();
                            }
                            if self.nband.val() == self.cfg_bands.val() {
                                self.state.d.next = self.s_skip.val();
                                self.k_v.d.next = false;
                                self.longc.d.next = false;
                            } else if !(self.wnext.val().any() & self.hnext.val().any()) {
                                self.state.d.next = self.s_band.val();
                            }
                        }
                    }
                }
            }
        }
        if self.state.q.val() == self.s_skip.val() {
            if self.bits_left.q.val().any() {
                // the component's unread tail, at most 56 bits a clock (every consumption is
                // below 64: a 6-bit shift)
                self.c.next = self.fill.q.val();
                if self.c.val() > self.k56.val() {
                    self.c.next = self.k56.val();
                }
                if self.bl_small.val() & (self.bl7.val() < self.c.val()) {
                    self.c.next = self.bl7.val();
                }
                self.bits_left.d.next = self.bits_left.q.val() - bit_cast::<32, 8>(self.c.val());
            } else if self.cfg_ld.val() {
                if self.comp.q.val().any() {
                    self.slice_end.next = true;
                } else {
                    // LD: the rest of the slice is C1 and C2, interleaved
                    self.comp.d.next = 1.into();
                    self.bits_left.d.next = self.ld_rest.q.val();
                    self.comp_go.next = true;
                }
            } else if self.comp.q.val() == self.k2.val().get_bits::<2>(0) {
                self.slice_end.next = true;
            } else {
                self.comp.d.next = self.comp.q.val() + 1;
                self.state.d.next = self.s_length.val();
            }
        }
        // a component's bands begin (its length read, or LD's luma or chroma part)
        if self.comp_go.val() {
            self.bsh.d.next = self.cfg_shift.val();
            self.bqm.d.next = self.cfg_qm.val();
            self.band.d.next = 0.into();
            self.state.d.next = self.s_band.val();
        }
        // ---- the next slice: step the boundaries (floor(PW·sx / slices_x) without a divider) ----
        self.sx17.next = bit_cast::<17, 16>(self.cfg_slices_x.val());
        self.sy17.next = bit_cast::<17, 16>(self.cfg_slices_y.val());
        self.tx.next = 0.into();
        self.ty.next = 0.into();
        self.txd.next = 0.into();
        self.tyd.next = 0.into();
        if self.slice_end.val() {
            self.state.d.next = self.s_qindex.val();
            if self.cfg_prefix.val().any() {
                self.state.d.next = self.s_prefix.val();
            }
            if self.cfg_ld.val() {
                self.state.d.next = self.s_ldsize.val();
            }
            self.pre_left.d.next = self.cfg_prefix.val();
            if self.sxn.q.val() == self.sx_m1.val() {
                self.sxn.d.next = 0.into();
                self.lx0.d.next = 0.into();
                self.lx1.d.next = self.cfg_xq[0].val();
                self.lxa.d.next = self.cfg_xr[0].val();
                self.cx0.d.next = 0.into();
                self.cx1.d.next = self.cfg_xq[1].val();
                self.cxa.d.next = self.cfg_xr[1].val();
                self.syn.d.next = self.syn.q.val() + 1;
                if self.syn.q.val() == self.sy_m1.val() {
                    self.state.d.next = self.s_drain.val();
                }
                self.ly0.d.next = self.ly1.q.val();
                self.ty.next = bit_cast::<17, 16>(self.lya.q.val()) + bit_cast::<17, 16>(self.cfg_yr[0].val());
                self.tyd.next = self.ty.val().get_bits::<16>(0) - self.cfg_slices_y.val();
                self.ly1.d.next = self.ly1.q.val() + self.cfg_yq[0].val();
                self.lya.d.next = self.ty.val().get_bits::<16>(0);
                if self.ty.val() >= self.sy17.val() {
                    self.ly1.d.next = self.ly1.q.val() + self.cfg_yq[0].val() + 1;
                    self.lya.d.next = self.tyd.val();
                }
                self.cy0.d.next = self.cy1.q.val();
                self.ty.next = bit_cast::<17, 16>(self.cya.q.val()) + bit_cast::<17, 16>(self.cfg_yr[1].val());
                self.tyd.next = self.ty.val().get_bits::<16>(0) - self.cfg_slices_y.val();
                self.cy1.d.next = self.cy1.q.val() + self.cfg_yq[1].val();
                self.cya.d.next = self.ty.val().get_bits::<16>(0);
                if self.ty.val() >= self.sy17.val() {
                    self.cy1.d.next = self.cy1.q.val() + self.cfg_yq[1].val() + 1;
                    self.cya.d.next = self.tyd.val();
                }
            } else {
                self.sxn.d.next = self.sxn.q.val() + 1;
                self.lx0.d.next = self.lx1.q.val();
                self.tx.next = bit_cast::<17, 16>(self.lxa.q.val()) + bit_cast::<17, 16>(self.cfg_xr[0].val());
                self.txd.next = self.tx.val().get_bits::<16>(0) - self.cfg_slices_x.val();
                self.lx1.d.next = self.lx1.q.val() + self.cfg_xq[0].val();
                self.lxa.d.next = self.tx.val().get_bits::<16>(0);
                if self.tx.val() >= self.sx17.val() {
                    self.lx1.d.next = self.lx1.q.val() + self.cfg_xq[0].val() + 1;
                    self.lxa.d.next = self.txd.val();
                }
                self.cx0.d.next = self.cx1.q.val();
                self.tx.next = bit_cast::<17, 16>(self.cxa.q.val()) + bit_cast::<17, 16>(self.cfg_xr[1].val());
                self.txd.next = self.tx.val().get_bits::<16>(0) - self.cfg_slices_x.val();
                self.cx1.d.next = self.cx1.q.val() + self.cfg_xq[1].val();
                self.cxa.d.next = self.tx.val().get_bits::<16>(0);
                if self.tx.val() >= self.sx17.val() {
                    self.cx1.d.next = self.cx1.q.val() + self.cfg_xq[1].val() + 1;
                    self.cxa.d.next = self.txd.val();
                }
            }
        }

        // ---- the window: append a beat when at most 64 bits are held, then consume ----
        self.rem.next = self.cfg_bytes.val() - self.bytes_in.q.val();
        self.nb.next = self.k8.val();
        if self.rem.val() < self.k8w.val() {
            self.nb.next = self.rem.val().get_bits::<8>(0);
        }
        self.in_ready.next = (self.state.q.val() != self.s_idle.val()) & !self.starved.val() & (self.fill.q.val() <= self.k64.val());
        self.take.next = self.in_valid.val() & self.in_ready.val();
        // byte 0 first: the beat MSB-first
        self.be.next = (bit_cast::<64, 8>(self.in_data.val().get_bits::<8>(0)) << 56)
            | (bit_cast::<64, 8>(self.in_data.val().get_bits::<8>(8)) << 48)
            | (bit_cast::<64, 8>(self.in_data.val().get_bits::<8>(16)) << 40)
            | (bit_cast::<64, 8>(self.in_data.val().get_bits::<8>(24)) << 32)
            | (bit_cast::<64, 8>(self.in_data.val().get_bits::<8>(32)) << 24)
            | (bit_cast::<64, 8>(self.in_data.val().get_bits::<8>(40)) << 16)
            | (bit_cast::<64, 8>(self.in_data.val().get_bits::<8>(48)) << 8)
            | bit_cast::<64, 8>(self.in_data.val().get_bits::<8>(56));
        // The beat goes in below the bits held (a position from registers only), so the one
        // shift in the decode loop is the consumption's, by fewer than 64 bits.
        self.ins_sh.next = self.k64.val() - self.fill.q.val();
        self.win_in.next = self.win.q.val();
        self.fill.d.next = self.fill.q.val() - self.c.val();
        if self.take.val() {
            // bytes past the data's end stay outside `fill`; nothing after them is appended
            self.win_in.next = self.win.q.val() | (bit_cast::<128, 64>(self.be.val()) << self.ins_sh.val());
            self.fill.d.next = self.fill.q.val() - self.c.val() + (self.nb.val() << 3);
            self.bytes_in.d.next = self.bytes_in.q.val() + bit_cast::<32, 8>(self.nb.val());
        }
        self.c6.next = self.c.val().get_bits::<6>(0);
        self.win.d.next = self.win_in.val() << self.c6.val();
        if self.state.q.val() == self.s_drain.val() {
            // whatever the window holds is dropped, so the rest of the input keeps coming
            self.win.d.next = 0.into();
            self.fill.d.next = 0.into();
            if self.starved.val() & !self.s1_v.q.val() & !self.s2_v.q.val() & !self.s3_v.q.val() & !self.s4_v.q.val() {
                self.state.d.next = self.s_idle.val();
                self.done_r.d.next = true;
            }
        }

        // ---- dequantisation (13.3.1): (m·quant_factor + quant_offset + 2) >> 2 ----
        self.rom.address.next = self.s1_qi.q.val().get_bits::<7>(0);
        self.off2.next = (self.rom.data.val() + 1) >> 1;
        if self.s1_qi.q.val() == self.k0.val() {
            self.off2.next = 1.into();
        }
        if self.s1_qi.q.val() == self.k1.val() {
            self.off2.next = 2.into();
        }
        self.sum.next = bit_cast::<48, 32>(self.s3_ll.q.val())
            + (bit_cast::<48, 32>(self.s3_lh.q.val()) << 16)
            + (bit_cast::<48, 32>(self.s3_hl.q.val()) << 16)
            + (bit_cast::<48, 32>(self.s3_hh.q.val()) << 32)
            + bit_cast::<48, 24>(self.s3_o.q.val())
            + 2;
        self.res.next = self.s4_sum.q.val() >> 2;
        self.ovf.next = self.s4_big.q.val() | self.res.val().get_bits::<26>(22).any();
        self.val.next = self.res.val().get_bits::<COEF_BITS>(0);
        if self.s4_neg.q.val() {
            self.val.next = !self.res.val().get_bits::<COEF_BITS>(0) + 1;
        }
        if self.s4_zero.q.val() {
            self.val.next = 0.into();
            self.ovf.next = false;
        }
        if self.en.val() {
            self.s1_v.d.next = self.emit.val();
            self.s1_mag.d.next = self.k_mag.q.val();
            self.s1_neg.d.next = self.k_neg.q.val();
            self.s1_long.d.next = self.k_long.q.val();
            self.s1_qi.d.next = self.bqi.q.val();
            self.s1_tag.d.next = bit_cast::<7, 2>(self.tcomp.val()) | (bit_cast::<7, 5>(self.band.q.val()) << 2);
            if self.col.q.val() == self.bw_m1.val() {
                self.s1_tag.d.next = bit_cast::<7, 2>(self.tcomp.val()) | (bit_cast::<7, 5>(self.band.q.val()) << 2) | self.k_eor.val();
            }
            self.s2_v.d.next = self.s1_v.q.val();
            self.s2_mag.d.next = self.s1_mag.q.val().get_bits::<22>(0);
            self.s2_neg.d.next = self.s1_neg.q.val();
            self.s2_zero.d.next = !self.s1_mag.q.val().any() & !self.s1_long.q.val();
            self.s2_big.d.next = self.s1_long.q.val() | (self.s1_mag.q.val() >= self.big22.val()) | (self.s1_qi.q.val() >= self.kfi.val());
            self.s2_f.d.next = self.rom.data.val();
            self.s2_o.d.next = self.off2.val();
            self.s2_tag.d.next = self.s1_tag.q.val();
            self.s3_v.d.next = self.s2_v.q.val();
            self.s3_ll.d.next = self.s2_mag.q.val().get_bits::<16>(0) * self.s2_f.q.val().get_bits::<16>(0);
            self.s3_lh.d.next = self.s2_mag.q.val().get_bits::<16>(0) * bit_cast::<16, 8>(self.s2_f.q.val().get_bits::<8>(16));
            self.s3_hl.d.next = bit_cast::<16, 6>(self.s2_mag.q.val().get_bits::<6>(16)) * self.s2_f.q.val().get_bits::<16>(0);
            self.s3_hh.d.next = bit_cast::<16, 6>(self.s2_mag.q.val().get_bits::<6>(16)) * bit_cast::<16, 8>(self.s2_f.q.val().get_bits::<8>(16));
            self.s3_o.d.next = self.s2_o.q.val();
            self.s3_neg.d.next = self.s2_neg.q.val();
            self.s3_zero.d.next = self.s2_zero.q.val();
            self.s3_big.d.next = self.s2_big.q.val();
            self.s3_tag.d.next = self.s2_tag.q.val();
            self.s4_v.d.next = self.s3_v.q.val();
            self.s4_sum.d.next = self.sum.val();
            self.s4_neg.d.next = self.s3_neg.q.val();
            self.s4_zero.d.next = self.s3_zero.q.val();
            self.s4_big.d.next = self.s3_big.q.val();
            self.s4_tag.d.next = self.s3_tag.q.val();
        }
        self.q.push.next = self.en.val() & self.s4_v.q.val();
        self.q.in_data.next = bit_cast::<24, COEF_BITS>(self.val.val());
        if self.ovf.val() {
            self.q.in_data.next = bit_cast::<24, COEF_BITS>(self.val.val()) | (bit_cast::<24, 8>(self.k1.val()) << 23);
        }
        self.q.in_side.next = self.s4_tag.q.val();
        if self.en.val() & self.s4_v.q.val() & self.ovf.val() {
            self.range.d.next = self.range.q.val() + 1;
        }

        // ---- a new picture ----
        if self.start.val() {
            self.state.d.next = self.s_qindex.val();
            if self.cfg_prefix.val().any() {
                self.state.d.next = self.s_prefix.val();
            }
            if self.cfg_ld.val() {
                self.state.d.next = self.s_ldsize.val();
            }
            self.pre_left.d.next = self.cfg_prefix.val();
            self.win.d.next = 0.into();
            self.fill.d.next = 0.into();
            self.bytes_in.d.next = 0.into();
            self.bits_left.d.next = 0.into();
            self.longc.d.next = false;
            self.k_v.d.next = false;
            self.half.d.next = false;
            self.ld_acc.d.next = 0.into();
            self.err.d.next = 0.into();
            self.range.d.next = 0.into();
            self.sxn.d.next = 0.into();
            self.syn.d.next = 0.into();
            self.lx0.d.next = 0.into();
            self.lx1.d.next = self.cfg_xq[0].val();
            self.lxa.d.next = self.cfg_xr[0].val();
            self.cx0.d.next = 0.into();
            self.cx1.d.next = self.cfg_xq[1].val();
            self.cxa.d.next = self.cfg_xr[1].val();
            self.ly0.d.next = 0.into();
            self.ly1.d.next = self.cfg_yq[0].val();
            self.lya.d.next = self.cfg_yr[0].val();
            self.cy0.d.next = 0.into();
            self.cy1.d.next = self.cfg_yq[1].val();
            self.cya.d.next = self.cfg_yr[1].val();
        }
        self.busy.next = (self.state.q.val() != self.s_idle.val()) | self.s1_v.q.val() | self.s2_v.q.val() | self.s3_v.q.val() | self.s4_v.q.val() | self.q.out_valid.val();
        self.done.next = self.done_r.q.val();
        self.st_error.next = self.err.q.val();
        self.st_range.next = self.range.q.val();
        self.q.out_ready.next = self.out_ready.val();
        self.out_valid.next = self.q.out_valid.val();
        self.out_value.next = self.q.out_data.val().get_bits::<COEF_BITS>(0);
        self.out_ovf.next = self.q.out_data.val().get_bit(23);
        self.out_comp.next = self.q.out_side.val().get_bits::<2>(0);
        self.out_band.next = self.q.out_side.val().get_bits::<4>(2);
        self.out_eor.next = self.q.out_side.val().get_bit(6);
    }
}
