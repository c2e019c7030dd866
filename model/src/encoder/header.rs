//! (10.5, 11, 12.2–12.4) Writing the syntax around the slices: parse info, the sequence
//! header (base video format chosen to need the fewest overrides), picture header and
//! transform parameters, and the major version the features used imply (11.2.2).

use crate::bits::BitWriter;
use crate::decoder::PARSE_INFO_PREFIX;
use crate::params::{ChromaFormat, VideoParameters};
use crate::slice::{PictureCoding, SliceSizing};
use crate::tables::*;

/// (10.5.1) `parse_info`, written: prefix, parse code and both offsets.
pub fn parse_info(w: &mut BitWriter, parse_code: u8, next_parse_offset: u32, previous_parse_offset: u32) {
    w.write_uint_lit(PARSE_INFO_PREFIX as u64, 4);
    w.write_uint_lit(parse_code as u64, 1);
    w.write_uint_lit(next_parse_offset as u64, 4);
    w.write_uint_lit(previous_parse_offset as u64, 4);
}

/// Everything a sequence header carries, as the encoder decides it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SequenceSyntax {
    /// (11.2.1) major_version: the lowest the features used allow (11.2.2).
    pub major_version: u64,
    /// (11.2.1) profile: 3 = high quality.
    pub profile: u64,
    /// (11.2.1) level: 0 (unconstrained).
    pub level: u64,
    /// (11.3) base_video_format.
    pub base_video_format: u64,
    /// (11.4) the video parameters signalled.
    pub video: VideoParameters,
    /// (11.5) 0 = frames, 1 = fields.
    pub picture_coding_mode: u64,
}

/// How a group of source parameters is signalled: left at the base format's default, or a
/// custom flag followed by a preset index (or 0 and explicit values).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Signal {
    Default,
    Preset(u64),
    Custom,
}

/// Preset index of `value` in `table` (index 0 is "custom" in every such table).
fn preset<T: PartialEq + Copy>(table: &[T], value: T) -> Option<u64> {
    table.iter().enumerate().skip(1).find(|(_, &t)| t == value).map(|(i, _)| i as u64)
}

/// How each override group of `v` is signalled against base format `base`, in (11.4) order:
/// frame size, colour difference format, scan format, frame rate, pixel aspect ratio,
/// clean area, signal range, colour spec.
fn overrides(base: u64, v: &VideoParameters) -> [Signal; 8] {
    let d = crate::params::set_source_defaults(base);
    let differs = |a: bool| if a { Signal::Custom } else { Signal::Default };
    let rate = (v.frame_rate_numer, v.frame_rate_denom);
    let par = (v.pixel_aspect_ratio_numer, v.pixel_aspect_ratio_denom);
    let range = (v.luma_offset, v.luma_excursion, v.color_diff_offset, v.color_diff_excursion);
    let spec = (v.color_primaries_index, v.color_matrix_index, v.transfer_function_index);
    let group = |same: bool, p: Option<u64>| match (same, p) {
        (true, _) => Signal::Default,
        (false, Some(i)) => Signal::Preset(i),
        (false, None) => Signal::Custom,
    };
    [
        differs((v.frame_width, v.frame_height) != (d.frame_width, d.frame_height)),
        differs(v.chroma != d.chroma),
        differs(v.source_sampling != d.source_sampling),
        group(rate == (d.frame_rate_numer, d.frame_rate_denom), preset(&PRESET_FRAME_RATES, rate)),
        group(par == (d.pixel_aspect_ratio_numer, d.pixel_aspect_ratio_denom), preset(&PRESET_PIXEL_ASPECT_RATIOS, par)),
        differs((v.clean_width, v.clean_height, v.left_offset, v.top_offset) != (d.clean_width, d.clean_height, d.left_offset, d.top_offset)),
        group(range == (d.luma_offset, d.luma_excursion, d.color_diff_offset, d.color_diff_excursion), preset(&PRESET_SIGNAL_RANGES, range)),
        // Colour spec preset 0 is itself "custom" (explicit indices), so search 1.. only.
        group(spec == (d.color_primaries_index, d.color_matrix_index, d.transfer_function_index), preset(&PRESET_COLOR_SPECS, spec)),
    ]
}

/// (11.3) The base video format to signal `v` with: one whose `top_field_first` matches
/// (it cannot be overridden), needing the fewest overrides; ties go to the lowest index.
pub fn choose_base_video_format(v: &VideoParameters) -> u64 {
    (0..BASE_VIDEO_FORMATS.len() as u64)
        .filter(|&b| BASE_VIDEO_FORMATS[b as usize].top_field_first == v.top_field_first)
        .min_by_key(|&b| overrides(b, v).iter().filter(|s| **s != Signal::Default).count())
        .expect("base formats with either field order exist")
}

/// (11.2.2) The major version a sequence must state: 2 for the high-quality profile, 3 if
/// the sequence header uses a version-3 preset or a picture uses an asymmetric transform.
/// (A conforming stream states exactly this; a higher number is an error.)
pub fn required_major_version(base: u64, v: &VideoParameters, asymmetric: bool) -> u64 {
    let o = overrides(base, v);
    let mut version = 2;
    let v3 = |cond: bool, version: &mut u64| {
        if cond {
            *version = 3;
        }
    };
    if let Signal::Preset(i) = o[3] {
        v3(i > 11, &mut version);
    }
    if let Signal::Preset(i) = o[6] {
        v3(i > 4, &mut version);
    }
    match o[7] {
        Signal::Preset(i) => v3(i > 4, &mut version),
        Signal::Custom => {
            v3(v.color_primaries_index > 3 || v.color_matrix_index > 3 || v.transfer_function_index > 3, &mut version);
        }
        Signal::Default => {}
    }
    v3(asymmetric, &mut version);
    version
}

/// (11.1) `sequence_header`, written (without its parse info).
pub fn sequence_header(s: &SequenceSyntax) -> Vec<u8> {
    let mut w = BitWriter::new();
    let v = &s.video;
    // (11.2.1) parse_parameters
    w.write_uint(s.major_version);
    w.write_uint(0);
    w.write_uint(s.profile);
    w.write_uint(s.level);
    // (11.3) base_video_format
    w.write_uint(s.base_video_format);
    // (11.4.1) source_parameters
    let o = overrides(s.base_video_format, v);
    let flag = |w: &mut BitWriter, sig: Signal| {
        w.write_bool(sig != Signal::Default);
        sig != Signal::Default
    };
    if flag(&mut w, o[0]) {
        w.write_uint(v.frame_width);
        w.write_uint(v.frame_height);
    }
    if flag(&mut w, o[1]) {
        w.write_uint(v.chroma.index());
    }
    if flag(&mut w, o[2]) {
        w.write_uint(v.source_sampling);
    }
    let indexed = |w: &mut BitWriter, sig: Signal, values: &[u64]| match sig {
        Signal::Default => w.write_bool(false),
        Signal::Preset(i) => {
            w.write_bool(true);
            w.write_uint(i);
        }
        Signal::Custom => {
            w.write_bool(true);
            w.write_uint(0);
            for &x in values {
                w.write_uint(x);
            }
        }
    };
    indexed(&mut w, o[3], &[v.frame_rate_numer, v.frame_rate_denom]);
    indexed(&mut w, o[4], &[v.pixel_aspect_ratio_numer, v.pixel_aspect_ratio_denom]);
    if flag(&mut w, o[5]) {
        for x in [v.clean_width, v.clean_height, v.left_offset, v.top_offset] {
            w.write_uint(x);
        }
    }
    indexed(&mut w, o[6], &[v.luma_offset, v.luma_excursion, v.color_diff_offset, v.color_diff_excursion]);
    match o[7] {
        sig @ (Signal::Default | Signal::Preset(_)) => indexed(&mut w, sig, &[]),
        Signal::Custom => {
            // (11.4.10.2–4) colour spec 0: each index relative to preset 0's (0, 0, 0).
            w.write_bool(true);
            w.write_uint(0);
            for x in [v.color_primaries_index, v.color_matrix_index, v.transfer_function_index] {
                w.write_bool(x != 0);
                if x != 0 {
                    w.write_uint(x);
                }
            }
        }
    }
    // (11.5) picture_coding_mode
    w.write_uint(s.picture_coding_mode);
    w.into_bytes()
}

/// (12.2) `picture_header` and (12.4.1) `transform_parameters` of an HQ picture, written
/// and byte-aligned: what precedes the slices in a picture data unit.
pub fn picture_preamble(picture_number: u32, major_version: u64, coding: &PictureCoding) -> Vec<u8> {
    let mut w = BitWriter::new();
    w.write_uint_lit(picture_number as u64, 4);
    let t = coding.transform;
    w.write_uint(t.wavelet_index as u64);
    w.write_uint(t.dwt_depth as u64);
    if major_version >= 3 {
        // (12.4.4.1) extended_transform_parameters
        let asym_index = t.wavelet_index_ho != t.wavelet_index;
        w.write_bool(asym_index);
        if asym_index {
            w.write_uint(t.wavelet_index_ho as u64);
        }
        w.write_bool(t.dwt_depth_ho > 0);
        if t.dwt_depth_ho > 0 {
            w.write_uint(t.dwt_depth_ho as u64);
        }
    }
    // (12.4.5.2) slice_parameters
    w.write_uint(coding.slices_x);
    w.write_uint(coding.slices_y);
    match coding.sizing {
        SliceSizing::HighQuality { prefix_bytes, size_scaler } => {
            w.write_uint(prefix_bytes);
            w.write_uint(size_scaler);
        }
        SliceSizing::LowDelay { numerator, denominator } => {
            w.write_uint(numerator);
            w.write_uint(denominator);
        }
    }
    // (12.4.5.3) quant_matrix
    w.write_bool(coding.custom_quant_matrix);
    if coding.custom_quant_matrix {
        for &m in &coding.quant_matrix {
            w.write_uint(m);
        }
    }
    w.into_bytes()
}

/// Video parameters for a `width` x `height` source at `depth` bits: progressive, square
/// pixels, clean area the whole frame, video-range ("limited") or full-range signal
/// levels, and colour spec BT.709 below 3840 samples wide, BT.2020 from there up.
pub fn default_video_parameters(width: u64, height: u64, chroma: ChromaFormat, depth: u32, full_range: bool, frame_rate: (u64, u64)) -> VideoParameters {
    let (luma_offset, luma_excursion, color_diff_offset, color_diff_excursion) = signal_range(depth, full_range);
    let (color_primaries_index, color_matrix_index, transfer_function_index) = if width >= 3840 { (4, 4, 0) } else { (0, 0, 0) };
    VideoParameters {
        frame_width: width,
        frame_height: height,
        chroma,
        source_sampling: 0,
        top_field_first: true,
        frame_rate_numer: frame_rate.0,
        frame_rate_denom: frame_rate.1,
        pixel_aspect_ratio_numer: 1,
        pixel_aspect_ratio_denom: 1,
        clean_width: width,
        clean_height: height,
        left_offset: 0,
        top_offset: 0,
        luma_offset,
        luma_excursion,
        color_diff_offset,
        color_diff_excursion,
        color_primaries_index,
        color_matrix_index,
        transfer_function_index,
    }
}

/// Signal range (luma offset, luma excursion, colour-difference offset and excursion) of
/// `depth`-bit samples: full range uses every code; video range is BT.601/709/2020's
/// 16–235 / 16–240 scaled to the depth (full range below 8 bits, where it has no meaning).
/// Both equal Table 11.5's presets where one exists.
pub fn signal_range(depth: u32, full_range: bool) -> (u64, u64, u64, u64) {
    let max = (1u64 << depth) - 1;
    let mid = 1u64 << (depth - 1);
    if full_range || depth < 8 {
        (0, max, mid, max)
    } else {
        let s = depth - 8;
        (16 << s, 219 << s, mid, 224 << s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bits::BitReader;
    use crate::params::Limits;

    fn round_trip(v: VideoParameters, mode: u64) {
        let base = choose_base_video_format(&v);
        let syntax = SequenceSyntax { major_version: required_major_version(base, &v, false), profile: 3, level: 0, base_video_format: base, video: v, picture_coding_mode: mode };
        let bytes = sequence_header(&syntax);
        let got = crate::params::sequence_header(&mut BitReader::new(&bytes, 0), &Limits::default()).unwrap();
        assert_eq!(got.video, v);
        assert_eq!(got.base_video_format, base);
        assert_eq!(got.picture_coding_mode, mode);
        assert_eq!(got.parse.major_version, syntax.major_version);
    }

    #[test]
    fn headers_read_back_exactly() {
        for (w, h) in [(1920, 1080), (7680, 4320), (64, 32), (720, 576), (3840, 2160), (1280, 720)] {
            for chroma in [ChromaFormat::C444, ChromaFormat::C422, ChromaFormat::C420] {
                for depth in [8, 9, 10, 12, 16] {
                    for full in [false, true] {
                        for rate in [(50, 1), (60000, 1001), (48000, 1001), (7, 3)] {
                            round_trip(default_video_parameters(w, h, chroma, depth, full, rate), 0);
                        }
                    }
                }
            }
        }
        let mut v = default_video_parameters(1920, 1080, ChromaFormat::C422, 10, false, (25, 1));
        v.source_sampling = 1;
        for tff in [true, false] {
            v.top_field_first = tff;
            for spec in [(4, 4, 5), (4, 4, 4), (1, 1, 0), (3, 2, 3), (2, 3, 1), (0, 0, 2)] {
                (v.color_primaries_index, v.color_matrix_index, v.transfer_function_index) = spec;
                round_trip(v, 1);
            }
        }
    }

    #[test]
    fn known_formats_need_no_overrides() {
        let v = crate::params::set_source_defaults(19);
        assert_eq!(choose_base_video_format(&v), 19);
        assert_eq!(required_major_version(19, &v, false), 2);
        // A 10-bit full-range signal needs preset 5, a version-3 feature.
        let v = default_video_parameters(1920, 1080, ChromaFormat::C422, 10, true, (50, 1));
        assert_eq!(required_major_version(choose_base_video_format(&v), &v, false), 3);
        let v = default_video_parameters(1920, 1080, ChromaFormat::C422, 10, false, (50, 1));
        assert_eq!(choose_base_video_format(&v), 14);
        assert_eq!(required_major_version(14, &v, false), 2);
        assert_eq!(required_major_version(14, &v, true), 3);
    }
}
