//! Tables of SMPTE ST 2042-1 (Annexes B, C, D and section 15 lifting filters).
//!
//! Transcribed from the standard (cross-checked against the `vc2-data-tables` package that
//! the BBC's conformance software uses); the conformance tests in `tests/` exercise them.

/// (Table 11.1 / Annex B) A base video format's defaults.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BaseVideoFormat {
    /// Name as in Annex B.
    pub name: &'static str,
    /// Frame width in luma samples.
    pub frame_width: u64,
    /// Frame height in luma samples.
    pub frame_height: u64,
    /// 0 = 4:4:4, 1 = 4:2:2, 2 = 4:2:0.
    pub color_diff_format_index: u64,
    /// 0 = progressive, 1 = interlaced.
    pub source_sampling: u64,
    /// Top field first.
    pub top_field_first: bool,
    /// Index into [`PRESET_FRAME_RATES`].
    pub frame_rate_index: u64,
    /// Index into [`PRESET_PIXEL_ASPECT_RATIOS`].
    pub pixel_aspect_ratio_index: u64,
    /// Clean area width.
    pub clean_width: u64,
    /// Clean area height.
    pub clean_height: u64,
    /// Clean area left offset.
    pub left_offset: u64,
    /// Clean area top offset.
    pub top_offset: u64,
    /// Index into [`PRESET_SIGNAL_RANGES`].
    pub signal_range_index: u64,
    /// Index into [`PRESET_COLOR_SPECS`].
    pub color_spec_index: u64,
}

macro_rules! bvf {
    ($n:expr, $w:expr, $h:expr, $c:expr, $s:expr, $t:expr, $fr:expr, $par:expr, $cw:expr, $ch:expr, $lo:expr, $to:expr, $sr:expr, $cs:expr) => {
        BaseVideoFormat {
            name: $n,
            frame_width: $w,
            frame_height: $h,
            color_diff_format_index: $c,
            source_sampling: $s,
            top_field_first: $t,
            frame_rate_index: $fr,
            pixel_aspect_ratio_index: $par,
            clean_width: $cw,
            clean_height: $ch,
            left_offset: $lo,
            top_offset: $to,
            signal_range_index: $sr,
            color_spec_index: $cs,
        }
    };
}

/// (Annex B, Table B.1) Base video formats, indexed by `base_video_format`.
pub const BASE_VIDEO_FORMATS: [BaseVideoFormat; 23] = [
    bvf!("custom_format", 640, 480, 2, 0, false, 1, 1, 640, 480, 0, 0, 1, 0),
    bvf!("qsif525", 176, 120, 2, 0, false, 9, 2, 176, 120, 0, 0, 1, 1),
    bvf!("qcif", 176, 144, 2, 0, true, 10, 3, 176, 144, 0, 0, 1, 2),
    bvf!("sif525", 352, 240, 2, 0, false, 9, 2, 352, 240, 0, 0, 1, 1),
    bvf!("cif", 352, 288, 2, 0, true, 10, 3, 352, 288, 0, 0, 1, 2),
    bvf!("4sif525", 704, 480, 2, 0, false, 9, 2, 704, 480, 0, 0, 1, 1),
    bvf!("4cif", 704, 576, 2, 0, true, 10, 3, 704, 576, 0, 0, 1, 2),
    bvf!("sd480i_60", 720, 480, 1, 1, false, 4, 2, 704, 480, 8, 0, 3, 1),
    bvf!("sd576i_50", 720, 576, 1, 1, true, 3, 3, 704, 576, 8, 0, 3, 2),
    bvf!("hd720p_60", 1280, 720, 1, 0, true, 7, 1, 1280, 720, 0, 0, 3, 3),
    bvf!("hd720p_50", 1280, 720, 1, 0, true, 6, 1, 1280, 720, 0, 0, 3, 3),
    bvf!("hd1080i_60", 1920, 1080, 1, 1, true, 4, 1, 1920, 1080, 0, 0, 3, 3),
    bvf!("hd1080i_50", 1920, 1080, 1, 1, true, 3, 1, 1920, 1080, 0, 0, 3, 3),
    bvf!("hd1080p_60", 1920, 1080, 1, 0, true, 7, 1, 1920, 1080, 0, 0, 3, 3),
    bvf!("hd1080p_50", 1920, 1080, 1, 0, true, 6, 1, 1920, 1080, 0, 0, 3, 3),
    bvf!("dc2k", 2048, 1080, 0, 0, true, 2, 1, 2048, 1080, 0, 0, 4, 4),
    bvf!("dc4k", 4096, 2160, 0, 0, true, 2, 1, 4096, 2160, 0, 0, 4, 4),
    bvf!("uhdtv4k_60", 3840, 2160, 1, 0, true, 7, 1, 3840, 2160, 0, 0, 3, 5),
    bvf!("uhdtv4k_50", 3840, 2160, 1, 0, true, 6, 1, 3840, 2160, 0, 0, 3, 5),
    bvf!("uhdtv8k_60", 7680, 4320, 1, 0, true, 7, 1, 7680, 4320, 0, 0, 3, 5),
    bvf!("uhdtv8k_50", 7680, 4320, 1, 0, true, 6, 1, 7680, 4320, 0, 0, 3, 5),
    bvf!("hd1080p_24", 1920, 1080, 1, 0, true, 1, 1, 1920, 1080, 0, 0, 3, 3),
    bvf!("sd_pro486", 720, 486, 1, 1, false, 4, 2, 720, 486, 0, 0, 3, 3),
];

/// (Table 11.3) Preset frame rates (numerator, denominator), index 1..=16 (0 is custom).
pub const PRESET_FRAME_RATES: [(u64, u64); 17] = [
    (0, 0),
    (24000, 1001),
    (24, 1),
    (25, 1),
    (30000, 1001),
    (30, 1),
    (50, 1),
    (60000, 1001),
    (60, 1),
    (15000, 1001),
    (25, 2),
    (48, 1),
    (48000, 1001),
    (96, 1),
    (100, 1),
    (120000, 1001),
    (120, 1),
];


/// (Table 11.4) Preset pixel aspect ratios, index 1..=6 (0 is custom).
pub const PRESET_PIXEL_ASPECT_RATIOS: [(u64, u64); 7] =
    [(0, 0), (1, 1), (10, 11), (12, 11), (40, 33), (16, 11), (4, 3)];

/// (Table 11.5) Preset signal ranges (luma_offset, luma_excursion, color_diff_offset,
/// color_diff_excursion), index 1..=8 (0 is custom).
pub const PRESET_SIGNAL_RANGES: [(u64, u64, u64, u64); 9] = [
    (0, 0, 0, 0),
    (0, 255, 128, 255),
    (16, 219, 128, 224),
    (64, 876, 512, 896),
    (256, 3504, 2048, 3584),
    (0, 1023, 512, 1023),
    (0, 4095, 2048, 4095),
    (4096, 56064, 32768, 57344),
    (0, 65535, 32768, 65535),
];


/// (Table 11.6) Preset colour specs (color_primaries_index, color_matrix_index,
/// transfer_function_index), index 0..=7.
pub const PRESET_COLOR_SPECS: [(u64, u64, u64); 8] =
    [(0, 0, 0), (1, 1, 0), (2, 1, 0), (0, 0, 0), (3, 2, 3), (4, 4, 0), (4, 4, 4), (4, 4, 5)];


/// (Table 11.7) Colour primaries names, by index.
pub const COLOR_PRIMARIES: [&str; 5] =
    ["BT.709 (hdtv)", "BT.601 525 (sdtv_525)", "BT.601 625 (sdtv_625)", "ST 428-1 (d_cinema)", "BT.2020 (uhdtv)"];

/// (Table 11.8) Colour matrix names, by index.
pub const COLOR_MATRICES: [&str; 5] =
    ["BT.709 (hdtv)", "BT.601 (sdtv)", "YCgCo (reversible)", "RGB", "BT.2020 (uhdtv)"];

/// (Table 11.9) Transfer function names, by index.
pub const TRANSFER_FUNCTIONS: [&str; 6] = [
    "TV gamma (BT.709/BT.2020)",
    "extended gamut (BT.1361)",
    "linear",
    "D-cinema (ST 428-1)",
    "PQ (BT.2100)",
    "HLG (BT.2100)",
];

/// (Table 12.1) Wavelet filter names, by `wavelet_index`.
pub const WAVELET_NAMES: [&str; 7] = [
    "Deslauriers-Dubuc (9,7)",
    "LeGall (5,3)",
    "Deslauriers-Dubuc (13,7)",
    "Haar (no shift)",
    "Haar (single shift)",
    "Fidelity",
    "Daubechies (9,7)",
];

/// (15.4.4.1) The four lifting operations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LiftType {
    /// lift1: even samples += weighted odd samples.
    EvenAddOdd,
    /// lift2: even samples -= weighted odd samples.
    EvenSubtractOdd,
    /// lift3: odd samples += weighted even samples.
    OddAddEven,
    /// lift4: odd samples -= weighted even samples.
    OddSubtractEven,
}

impl LiftType {
    /// The operation that undoes this one (analysis uses the inverse of each synthesis stage).
    pub fn inverse(self) -> LiftType {
        match self {
            LiftType::EvenAddOdd => LiftType::EvenSubtractOdd,
            LiftType::EvenSubtractOdd => LiftType::EvenAddOdd,
            LiftType::OddAddEven => LiftType::OddSubtractEven,
            LiftType::OddSubtractEven => LiftType::OddAddEven,
        }
    }

    /// Whether the operation writes the even samples (lift1, lift2) or the odd ones.
    #[inline]
    pub fn targets_even(self) -> bool {
        matches!(self, LiftType::EvenAddOdd | LiftType::EvenSubtractOdd)
    }

    /// Whether the operation adds the weighted sum (lift1, lift3) or subtracts it.
    #[inline]
    pub fn adds(self) -> bool {
        matches!(self, LiftType::EvenAddOdd | LiftType::OddAddEven)
    }
}

/// (15.4.4.3, Tables 15.1–15.7) One lifting stage of a synthesis filter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LiftStage {
    /// Which lifting operation.
    pub lift: LiftType,
    /// Right shift `S` applied to the weighted sum (with rounding).
    pub shift: u32,
    /// Offset `D` of the first tap.
    pub d: i32,
    /// Tap weights (length `L`).
    pub taps: &'static [i32],
}

impl LiftStage {
    /// Index offset from the target index `n` to the first source index, in the
    /// de-interleaved domain: `n + D - 1` for even targets, `n + D` for odd targets.
    #[inline]
    pub fn source_base(&self) -> isize {
        self.d as isize - if self.lift.targets_even() { 1 } else { 0 }
    }
}

/// A wavelet filter: synthesis lifting stages in order and the `filter_bit_shift`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LiftingFilter {
    /// (15.4.2) filter_bit_shift.
    pub bit_shift: u32,
    /// Synthesis stages, in the order the decoder applies them.
    pub stages: &'static [LiftStage],
}

use LiftType::*;

const fn st(lift: LiftType, shift: u32, d: i32, taps: &'static [i32]) -> LiftStage {
    LiftStage { lift, shift, d, taps }
}

/// (Tables 15.1–15.7) The seven wavelet filters, indexed by `wavelet_index`.
pub const LIFTING_FILTERS: [LiftingFilter; 7] = [
    // 0: Deslauriers-Dubuc (9,7)
    LiftingFilter {
        bit_shift: 1,
        stages: &[st(EvenSubtractOdd, 2, 0, &[1, 1]), st(OddAddEven, 4, -1, &[-1, 9, 9, -1])],
    },
    // 1: LeGall (5,3)
    LiftingFilter { bit_shift: 1, stages: &[st(EvenSubtractOdd, 2, 0, &[1, 1]), st(OddAddEven, 1, 0, &[1, 1])] },
    // 2: Deslauriers-Dubuc (13,7)
    LiftingFilter {
        bit_shift: 1,
        stages: &[st(EvenSubtractOdd, 5, -1, &[-1, 9, 9, -1]), st(OddAddEven, 4, -1, &[-1, 9, 9, -1])],
    },
    // 3: Haar with no shift
    LiftingFilter { bit_shift: 0, stages: &[st(EvenSubtractOdd, 1, 1, &[1]), st(OddAddEven, 0, 0, &[1])] },
    // 4: Haar with single shift
    LiftingFilter { bit_shift: 1, stages: &[st(EvenSubtractOdd, 1, 1, &[1]), st(OddAddEven, 0, 0, &[1])] },
    // 5: Fidelity
    LiftingFilter {
        bit_shift: 0,
        stages: &[
            st(OddAddEven, 8, -3, &[-2, -10, -25, 81, 81, -25, 10, -2]),
            st(EvenSubtractOdd, 8, -3, &[-8, 21, -46, 161, 161, -46, 21, -8]),
        ],
    },
    // 6: Daubechies (9,7)
    LiftingFilter {
        bit_shift: 1,
        stages: &[
            st(EvenSubtractOdd, 12, 0, &[1817, 1817]),
            st(OddSubtractEven, 12, 0, &[3616, 3616]),
            st(EvenAddOdd, 12, 0, &[217, 217]),
            st(OddAddEven, 12, 0, &[6497, 6497]),
        ],
    },
];

/// The default quantisation matrix for a transform, in bitstream order, if the standard
/// defines one.
pub fn default_quant_matrix(wavelet_index: u64, wavelet_index_ho: u64, dwt_depth: u64, dwt_depth_ho: u64) -> Option<&'static [u8]> {
    let key = (wavelet_index, wavelet_index_ho, dwt_depth, dwt_depth_ho);
    DEFAULT_QUANT_MATRICES
        .iter()
        .find(|((a, b, c, d), _)| (*a as u64, *b as u64, *c as u64, *d as u64) == key)
        .map(|(_, m)| *m)
}

/// (wavelet_index, wavelet_index_ho, dwt_depth, dwt_depth_ho).
pub type QuantMatrixKey = (u8, u8, u8, u8);

/// (Annex D, Tables D.1–D.8) Default quantisation matrices, keyed by
/// (wavelet_index, wavelet_index_ho, dwt_depth, dwt_depth_ho); values in bitstream order
/// (level 0: LL or L; levels 1..=dwt_depth_ho: H; further levels: HL, LH, HH).
pub const DEFAULT_QUANT_MATRICES: &[(QuantMatrixKey, &[u8])] = &[
    ((0, 0, 0, 0), &[0]),
    ((0, 0, 0, 1), &[3, 0]),
    ((0, 0, 0, 2), &[3, 0, 3]),
    ((0, 0, 0, 3), &[3, 0, 3, 5]),
    ((0, 0, 0, 4), &[3, 0, 3, 5, 8]),
    ((0, 0, 1, 0), &[5, 3, 3, 0]),
    ((0, 0, 1, 1), &[3, 0, 3, 3, 0]),
    ((0, 0, 1, 2), &[3, 0, 3, 5, 5, 3]),
    ((0, 0, 1, 3), &[3, 0, 3, 5, 8, 8, 5]),
    ((0, 0, 1, 4), &[3, 0, 3, 5, 8, 10, 10, 8]),
    ((0, 0, 2, 0), &[5, 3, 3, 0, 4, 4, 1]),
    ((0, 0, 2, 1), &[3, 0, 3, 3, 0, 4, 4, 1]),
    ((0, 0, 2, 2), &[3, 0, 3, 5, 5, 3, 6, 6, 4]),
    ((0, 0, 2, 3), &[3, 0, 3, 5, 8, 8, 5, 9, 9, 6]),
    ((0, 0, 3, 0), &[5, 3, 3, 0, 4, 4, 1, 5, 5, 2]),
    ((0, 0, 3, 1), &[3, 0, 3, 3, 0, 4, 4, 1, 5, 5, 2]),
    ((0, 0, 3, 2), &[3, 0, 3, 5, 5, 3, 6, 6, 4, 7, 7, 5]),
    ((0, 0, 4, 0), &[5, 3, 3, 0, 4, 4, 1, 5, 5, 2, 6, 6, 3]),
    ((0, 0, 4, 1), &[3, 0, 3, 3, 0, 4, 4, 1, 5, 5, 2, 6, 6, 3]),
    ((1, 1, 0, 0), &[0]),
    ((1, 1, 0, 1), &[2, 0]),
    ((1, 1, 0, 2), &[2, 0, 3]),
    ((1, 1, 0, 3), &[2, 0, 3, 6]),
    ((1, 1, 0, 4), &[2, 0, 3, 6, 8]),
    ((1, 1, 1, 0), &[4, 2, 2, 0]),
    ((1, 1, 1, 1), &[2, 0, 3, 3, 1]),
    ((1, 1, 1, 2), &[2, 0, 3, 6, 6, 4]),
    ((1, 1, 1, 3), &[2, 0, 3, 6, 8, 8, 6]),
    ((1, 1, 1, 4), &[2, 0, 3, 6, 8, 11, 11, 9]),
    ((1, 1, 2, 0), &[4, 2, 2, 0, 4, 4, 2]),
    ((1, 1, 2, 1), &[2, 0, 3, 3, 1, 4, 4, 2]),
    ((1, 1, 2, 2), &[2, 0, 3, 6, 6, 4, 7, 7, 5]),
    ((1, 1, 2, 3), &[2, 0, 3, 6, 8, 8, 6, 10, 10, 8]),
    ((1, 1, 3, 0), &[4, 2, 2, 0, 4, 4, 2, 5, 5, 3]),
    ((1, 1, 3, 1), &[2, 0, 3, 3, 1, 4, 4, 2, 6, 6, 4]),
    ((1, 1, 3, 2), &[2, 0, 3, 6, 6, 4, 7, 7, 5, 9, 9, 7]),
    ((1, 1, 4, 0), &[4, 2, 2, 0, 4, 4, 2, 5, 5, 3, 7, 7, 5]),
    ((1, 1, 4, 1), &[2, 0, 3, 3, 1, 4, 4, 2, 6, 6, 4, 8, 8, 6]),
    ((2, 2, 0, 0), &[0]),
    ((2, 2, 0, 1), &[3, 0]),
    ((2, 2, 0, 2), &[3, 0, 3]),
    ((2, 2, 0, 3), &[3, 0, 3, 5]),
    ((2, 2, 0, 4), &[3, 0, 3, 5, 8]),
    ((2, 2, 1, 0), &[5, 3, 3, 0]),
    ((2, 2, 1, 1), &[3, 0, 3, 3, 0]),
    ((2, 2, 1, 2), &[3, 0, 3, 5, 5, 2]),
    ((2, 2, 1, 3), &[3, 0, 3, 5, 8, 8, 5]),
    ((2, 2, 1, 4), &[3, 0, 3, 5, 8, 10, 10, 8]),
    ((2, 2, 2, 0), &[5, 3, 3, 0, 4, 4, 1]),
    ((2, 2, 2, 1), &[3, 0, 3, 3, 0, 4, 4, 1]),
    ((2, 2, 2, 2), &[3, 0, 3, 5, 5, 2, 6, 6, 4]),
    ((2, 2, 2, 3), &[3, 0, 3, 5, 8, 8, 5, 9, 9, 6]),
    ((2, 2, 3, 0), &[5, 3, 3, 0, 4, 4, 1, 5, 5, 2]),
    ((2, 2, 3, 1), &[3, 0, 3, 3, 0, 4, 4, 1, 5, 5, 2]),
    ((2, 2, 3, 2), &[3, 0, 3, 5, 5, 2, 6, 6, 4, 7, 7, 5]),
    ((2, 2, 4, 0), &[5, 3, 3, 0, 4, 4, 1, 5, 5, 2, 6, 6, 3]),
    ((2, 2, 4, 1), &[3, 0, 3, 3, 0, 4, 4, 1, 5, 5, 2, 6, 6, 3]),
    ((3, 1, 0, 0), &[0]),
    ((3, 1, 0, 1), &[2, 0]),
    ((3, 1, 0, 2), &[2, 0, 3]),
    ((3, 1, 0, 3), &[2, 0, 3, 6]),
    ((3, 1, 0, 4), &[2, 0, 3, 6, 8]),
    ((3, 1, 1, 0), &[6, 4, 2, 0]),
    ((3, 1, 1, 1), &[3, 1, 4, 2, 0]),
    ((3, 1, 1, 2), &[2, 0, 3, 6, 4, 2]),
    ((3, 1, 1, 3), &[2, 0, 3, 6, 8, 7, 4]),
    ((3, 1, 1, 4), &[2, 0, 3, 6, 8, 11, 9, 7]),
    ((3, 1, 2, 0), &[6, 4, 2, 0, 5, 3, 1]),
    ((3, 1, 2, 1), &[3, 1, 4, 2, 0, 5, 3, 1]),
    ((3, 1, 2, 2), &[2, 0, 3, 6, 4, 2, 6, 5, 2]),
    ((3, 1, 2, 3), &[2, 0, 3, 6, 8, 7, 4, 9, 7, 5]),
    ((3, 1, 3, 0), &[6, 4, 2, 0, 5, 3, 1, 6, 4, 2]),
    ((3, 1, 3, 1), &[3, 1, 4, 2, 0, 5, 3, 1, 6, 4, 2]),
    ((3, 1, 3, 2), &[2, 0, 3, 6, 4, 2, 6, 5, 2, 7, 5, 3]),
    ((3, 1, 4, 0), &[6, 4, 2, 0, 5, 3, 1, 6, 4, 2, 6, 5, 2]),
    ((3, 1, 4, 1), &[3, 1, 4, 2, 0, 5, 3, 1, 6, 4, 2, 6, 5, 2]),
    ((3, 3, 0, 0), &[0]),
    ((3, 3, 0, 1), &[4, 0]),
    ((3, 3, 0, 2), &[6, 2, 0]),
    ((3, 3, 0, 3), &[8, 4, 2, 0]),
    ((3, 3, 0, 4), &[10, 6, 4, 2, 0]),
    ((3, 3, 1, 0), &[8, 4, 4, 0]),
    ((3, 3, 1, 1), &[10, 6, 4, 4, 0]),
    ((3, 3, 1, 2), &[12, 8, 6, 4, 4, 0]),
    ((3, 3, 1, 3), &[14, 10, 8, 6, 4, 4, 0]),
    ((3, 3, 1, 4), &[16, 12, 10, 8, 6, 4, 4, 0]),
    ((3, 3, 2, 0), &[12, 8, 8, 4, 4, 4, 0]),
    ((3, 3, 2, 1), &[14, 10, 8, 8, 4, 4, 4, 0]),
    ((3, 3, 2, 2), &[16, 12, 10, 8, 8, 4, 4, 4, 0]),
    ((3, 3, 2, 3), &[18, 14, 12, 10, 8, 8, 4, 4, 4, 0]),
    ((3, 3, 3, 0), &[16, 12, 12, 8, 8, 8, 4, 4, 4, 0]),
    ((3, 3, 3, 1), &[18, 14, 12, 12, 8, 8, 8, 4, 4, 4, 0]),
    ((3, 3, 3, 2), &[20, 16, 14, 12, 12, 8, 8, 8, 4, 4, 4, 0]),
    ((3, 3, 4, 0), &[20, 16, 16, 12, 12, 12, 8, 8, 8, 4, 4, 4, 0]),
    ((3, 3, 4, 1), &[22, 18, 16, 16, 12, 12, 12, 8, 8, 8, 4, 4, 4, 0]),
    ((4, 4, 0, 0), &[0]),
    ((4, 4, 0, 1), &[4, 0]),
    ((4, 4, 0, 2), &[4, 0, 2]),
    ((4, 4, 0, 3), &[4, 0, 2, 4]),
    ((4, 4, 0, 4), &[4, 0, 2, 4, 6]),
    ((4, 4, 1, 0), &[8, 4, 4, 0]),
    ((4, 4, 1, 1), &[6, 2, 4, 4, 0]),
    ((4, 4, 1, 2), &[4, 0, 2, 4, 4, 0]),
    ((4, 4, 1, 3), &[4, 0, 2, 4, 6, 6, 2]),
    ((4, 4, 1, 4), &[4, 0, 2, 4, 6, 8, 8, 4]),
    ((4, 4, 2, 0), &[8, 4, 4, 0, 4, 4, 0]),
    ((4, 4, 2, 1), &[6, 2, 4, 4, 0, 4, 4, 0]),
    ((4, 4, 2, 2), &[4, 0, 2, 4, 4, 0, 4, 4, 0]),
    ((4, 4, 2, 3), &[4, 0, 2, 4, 6, 6, 2, 6, 6, 2]),
    ((4, 4, 3, 0), &[8, 4, 4, 0, 4, 4, 0, 4, 4, 0]),
    ((4, 4, 3, 1), &[6, 2, 4, 4, 0, 4, 4, 0, 4, 4, 0]),
    ((4, 4, 3, 2), &[4, 0, 2, 4, 4, 0, 4, 4, 0, 4, 4, 0]),
    ((4, 4, 4, 0), &[8, 4, 4, 0, 4, 4, 0, 4, 4, 0, 4, 4, 0]),
    ((4, 4, 4, 1), &[6, 2, 4, 4, 0, 4, 4, 0, 4, 4, 0, 4, 4, 0]),
    ((5, 5, 0, 0), &[0]),
    ((5, 5, 0, 1), &[0, 4]),
    ((5, 5, 0, 2), &[0, 4, 6]),
    ((5, 5, 0, 3), &[0, 4, 6, 8]),
    ((5, 5, 0, 4), &[0, 4, 6, 8, 11]),
    ((5, 5, 1, 0), &[0, 4, 4, 8]),
    ((5, 5, 1, 1), &[0, 4, 6, 6, 10]),
    ((5, 5, 1, 2), &[0, 4, 6, 8, 8, 12]),
    ((5, 5, 1, 3), &[0, 4, 6, 8, 11, 11, 15]),
    ((5, 5, 1, 4), &[0, 4, 6, 8, 11, 13, 13, 17]),
    ((5, 5, 2, 0), &[0, 4, 4, 8, 8, 8, 12]),
    ((5, 5, 2, 1), &[0, 4, 6, 6, 10, 11, 11, 15]),
    ((5, 5, 2, 2), &[0, 4, 6, 8, 8, 12, 13, 13, 17]),
    ((5, 5, 2, 3), &[0, 4, 6, 8, 11, 11, 15, 15, 15, 19]),
    ((5, 5, 3, 0), &[0, 4, 4, 8, 8, 8, 12, 13, 13, 17]),
    ((5, 5, 3, 1), &[0, 4, 6, 6, 10, 11, 11, 15, 15, 15, 19]),
    ((5, 5, 3, 2), &[0, 4, 6, 8, 8, 12, 13, 13, 17, 17, 17, 21]),
    ((5, 5, 4, 0), &[0, 4, 4, 8, 8, 8, 12, 13, 13, 17, 17, 17, 21]),
    ((5, 5, 4, 1), &[0, 4, 6, 6, 10, 11, 11, 15, 15, 15, 19, 19, 19, 23]),
    ((6, 6, 0, 0), &[0]),
    ((6, 6, 0, 1), &[1, 0]),
    ((6, 6, 0, 2), &[1, 0, 3]),
    ((6, 6, 0, 3), &[1, 0, 3, 6]),
    ((6, 6, 0, 4), &[1, 0, 3, 6, 10]),
    ((6, 6, 1, 0), &[3, 1, 1, 0]),
    ((6, 6, 1, 1), &[1, 0, 3, 3, 2]),
    ((6, 6, 1, 2), &[1, 0, 3, 6, 6, 5]),
    ((6, 6, 1, 3), &[1, 0, 3, 6, 10, 10, 8]),
    ((6, 6, 1, 4), &[1, 0, 3, 6, 10, 13, 13, 12]),
    ((6, 6, 2, 0), &[3, 1, 1, 0, 4, 4, 2]),
    ((6, 6, 2, 1), &[1, 0, 3, 3, 2, 6, 6, 4]),
    ((6, 6, 2, 2), &[1, 0, 3, 6, 6, 5, 9, 9, 8]),
    ((6, 6, 2, 3), &[1, 0, 3, 6, 10, 10, 8, 12, 12, 11]),
    ((6, 6, 3, 0), &[3, 1, 1, 0, 4, 4, 2, 6, 6, 5]),
    ((6, 6, 3, 1), &[1, 0, 3, 3, 2, 6, 6, 4, 8, 8, 7]),
    ((6, 6, 3, 2), &[1, 0, 3, 6, 6, 5, 9, 9, 8, 11, 11, 10]),
    ((6, 6, 4, 0), &[3, 1, 1, 0, 4, 4, 2, 6, 6, 5, 9, 9, 7]),
    ((6, 6, 4, 1), &[1, 0, 3, 3, 2, 6, 6, 4, 8, 8, 7, 11, 11, 9]),
];
