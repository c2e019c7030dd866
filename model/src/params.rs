//! (11) Sequence header: parse parameters, base video format, source parameters and
//! picture coding mode, and the coding parameters derived from them (11.6).

use crate::bits::BitReader;
use crate::error::{Error, ErrorKind, Result};
use crate::math::intlog2;
use crate::tables::*;

/// (11.2) Parse parameters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ParseParameters {
    /// major_version (1, 2 or 3).
    pub major_version: u64,
    /// minor_version (0).
    pub minor_version: u64,
    /// profile: 0 = low delay, 3 = high quality.
    pub profile: u64,
    /// level (0 = unconstrained).
    pub level: u64,
}

/// Colour difference sampling (11.4.4).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChromaFormat {
    /// 4:4:4 (index 0).
    C444,
    /// 4:2:2 (index 1).
    C422,
    /// 4:2:0 (index 2).
    C420,
}

impl ChromaFormat {
    /// From `color_diff_format_index`.
    pub fn from_index(i: u64) -> Option<Self> {
        match i {
            0 => Some(ChromaFormat::C444),
            1 => Some(ChromaFormat::C422),
            2 => Some(ChromaFormat::C420),
            _ => None,
        }
    }
    /// The `color_diff_format_index`.
    pub fn index(self) -> u64 {
        match self {
            ChromaFormat::C444 => 0,
            ChromaFormat::C422 => 1,
            ChromaFormat::C420 => 2,
        }
    }
    /// Horizontal and vertical subsampling shifts of the colour-difference planes.
    pub fn shifts(self) -> (u32, u32) {
        match self {
            ChromaFormat::C444 => (0, 0),
            ChromaFormat::C422 => (1, 0),
            ChromaFormat::C420 => (1, 1),
        }
    }
    /// "4:2:2" etc.
    pub fn name(self) -> &'static str {
        match self {
            ChromaFormat::C444 => "4:4:4",
            ChromaFormat::C422 => "4:2:2",
            ChromaFormat::C420 => "4:2:0",
        }
    }
}

/// (11.4) Video parameters: the source's format after base-format defaults and overrides.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VideoParameters {
    /// Frame width in luma samples.
    pub frame_width: u64,
    /// Frame height in luma samples.
    pub frame_height: u64,
    /// Colour difference sampling.
    pub chroma: ChromaFormat,
    /// 0 = progressive, 1 = interlaced.
    pub source_sampling: u64,
    /// Top field first (from the base video format only).
    pub top_field_first: bool,
    /// Frame rate numerator.
    pub frame_rate_numer: u64,
    /// Frame rate denominator.
    pub frame_rate_denom: u64,
    /// Pixel aspect ratio numerator.
    pub pixel_aspect_ratio_numer: u64,
    /// Pixel aspect ratio denominator.
    pub pixel_aspect_ratio_denom: u64,
    /// Clean area width.
    pub clean_width: u64,
    /// Clean area height.
    pub clean_height: u64,
    /// Clean area left offset.
    pub left_offset: u64,
    /// Clean area top offset.
    pub top_offset: u64,
    /// Luma offset (black level code).
    pub luma_offset: u64,
    /// Luma excursion.
    pub luma_excursion: u64,
    /// Colour-difference offset (zero level code).
    pub color_diff_offset: u64,
    /// Colour-difference excursion.
    pub color_diff_excursion: u64,
    /// Colour primaries (Table 11.7).
    pub color_primaries_index: u64,
    /// Colour matrix (Table 11.8).
    pub color_matrix_index: u64,
    /// Transfer function (Table 11.9).
    pub transfer_function_index: u64,
}

/// A decoded sequence header (11.1) plus the derived coding parameters (11.6).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SequenceHeader {
    /// (11.2) parse parameters.
    pub parse: ParseParameters,
    /// (11.3) base_video_format index.
    pub base_video_format: u64,
    /// (11.4) video parameters.
    pub video: VideoParameters,
    /// (11.5) 0 = pictures are frames, 1 = pictures are fields.
    pub picture_coding_mode: u64,
    /// Derived picture dimensions and depths.
    pub coding: CodingParameters,
}

/// (11.6) Coding parameters derived from the sequence header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CodingParameters {
    /// Luma picture width.
    pub luma_width: usize,
    /// Luma picture height (a field's height when pictures are fields).
    pub luma_height: usize,
    /// Colour-difference picture width.
    pub color_diff_width: usize,
    /// Colour-difference picture height.
    pub color_diff_height: usize,
    /// (11.6.2) luma bit depth, intlog2(luma_excursion + 1).
    pub luma_depth: u32,
    /// (11.6.2) colour-difference bit depth.
    pub color_diff_depth: u32,
}

/// Limits the decoder enforces before allocating (documented in the crate docs).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest frame width accepted.
    pub max_width: u64,
    /// Largest frame height accepted.
    pub max_height: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits { max_width: 16384, max_height: 16384 }
    }
}

/// Largest bit depth the model decodes (samples are held in 16 bits).
pub const MAX_DEPTH: u32 = 16;

fn bad(r: &BitReader<'_>, what: &'static str, value: u64, why: &'static str) -> Error {
    r.error(ErrorKind::BadValue { what, value, why })
}

/// (11.1) `sequence_header`.
pub fn sequence_header(r: &mut BitReader<'_>, limits: &Limits) -> Result<SequenceHeader> {
    let parse = parse_parameters(r)?;
    let base_video_format = r.read_uint("base_video_format")?;
    if base_video_format as usize >= BASE_VIDEO_FORMATS.len() {
        return Err(bad(r, "base_video_format", base_video_format, "must be 0..=22 (Table 11.1)"));
    }
    let video = source_parameters(r, base_video_format, limits)?;
    let picture_coding_mode = r.read_uint("picture_coding_mode")?;
    if picture_coding_mode > 1 {
        return Err(bad(r, "picture_coding_mode", picture_coding_mode, "must be 0 (frames) or 1 (fields)"));
    }
    let coding = set_coding_parameters(r, &video, picture_coding_mode)?;
    Ok(SequenceHeader { parse, base_video_format, video, picture_coding_mode, coding })
}

/// (11.2.1) `parse_parameters`.
fn parse_parameters(r: &mut BitReader<'_>) -> Result<ParseParameters> {
    let major_version = r.read_uint("major_version")?;
    if !(1..=3).contains(&major_version) {
        return Err(bad(r, "major_version", major_version, "must be 1, 2 or 3"));
    }
    let minor_version = r.read_uint("minor_version")?;
    if minor_version != 0 {
        return Err(bad(r, "minor_version", minor_version, "must be 0"));
    }
    let profile = r.read_uint("profile")?;
    if profile != 0 && profile != 3 {
        return Err(bad(r, "profile", profile, "must be 0 (low delay) or 3 (high quality)"));
    }
    let level = r.read_uint("level")?;
    Ok(ParseParameters { major_version, minor_version, profile, level })
}

/// (11.4.2) `set_source_defaults`.
pub(crate) fn set_source_defaults(base_video_format: u64) -> VideoParameters {
    let b = &BASE_VIDEO_FORMATS[base_video_format as usize];
    let (frn, frd) = PRESET_FRAME_RATES[b.frame_rate_index as usize];
    let (pan, pad) = PRESET_PIXEL_ASPECT_RATIOS[b.pixel_aspect_ratio_index as usize];
    let (lo, le, co, ce) = PRESET_SIGNAL_RANGES[b.signal_range_index as usize];
    let (cp, cm, tf) = PRESET_COLOR_SPECS[b.color_spec_index as usize];
    VideoParameters {
        frame_width: b.frame_width,
        frame_height: b.frame_height,
        chroma: ChromaFormat::from_index(b.color_diff_format_index).expect("table holds valid indices"),
        source_sampling: b.source_sampling,
        top_field_first: b.top_field_first,
        frame_rate_numer: frn,
        frame_rate_denom: frd,
        pixel_aspect_ratio_numer: pan,
        pixel_aspect_ratio_denom: pad,
        clean_width: b.clean_width,
        clean_height: b.clean_height,
        left_offset: b.left_offset,
        top_offset: b.top_offset,
        luma_offset: lo,
        luma_excursion: le,
        color_diff_offset: co,
        color_diff_excursion: ce,
        color_primaries_index: cp,
        color_matrix_index: cm,
        transfer_function_index: tf,
    }
}

/// (11.4.1) `source_parameters`.
fn source_parameters(r: &mut BitReader<'_>, base_video_format: u64, limits: &Limits) -> Result<VideoParameters> {
    let mut v = set_source_defaults(base_video_format);
    frame_size(r, &mut v, limits)?;
    color_diff_sampling_format(r, &mut v)?;
    scan_format(r, &mut v)?;
    frame_rate(r, &mut v)?;
    pixel_aspect_ratio(r, &mut v)?;
    clean_area(r, &mut v)?;
    signal_range(r, &mut v)?;
    color_spec(r, &mut v)?;
    Ok(v)
}

/// (11.4.3) `frame_size`.
fn frame_size(r: &mut BitReader<'_>, v: &mut VideoParameters, limits: &Limits) -> Result<()> {
    if r.read_bool("custom_dimensions_flag")? {
        v.frame_width = r.read_uint("frame_width")?;
        v.frame_height = r.read_uint("frame_height")?;
        if v.frame_width == 0 || v.frame_height == 0 {
            return Err(bad(r, "frame_width x frame_height", 0, "frame dimensions must be non-zero"));
        }
    }
    if v.frame_width > limits.max_width || v.frame_height > limits.max_height {
        return Err(r.error(ErrorKind::PictureTooLarge {
            width: v.frame_width,
            height: v.frame_height,
            max_width: limits.max_width,
            max_height: limits.max_height,
        }));
    }
    Ok(())
}

/// (11.4.4) `color_diff_sampling_format`.
fn color_diff_sampling_format(r: &mut BitReader<'_>, v: &mut VideoParameters) -> Result<()> {
    if r.read_bool("custom_color_diff_format_flag")? {
        let i = r.read_uint("color_diff_format_index")?;
        v.chroma = ChromaFormat::from_index(i)
            .ok_or_else(|| bad(r, "color_diff_format_index", i, "must be 0 (4:4:4), 1 (4:2:2) or 2 (4:2:0)"))?;
    }
    Ok(())
}

/// (11.4.5) `scan_format`.
fn scan_format(r: &mut BitReader<'_>, v: &mut VideoParameters) -> Result<()> {
    if r.read_bool("custom_scan_format_flag")? {
        let s = r.read_uint("source_sampling")?;
        if s > 1 {
            return Err(bad(r, "source_sampling", s, "must be 0 (progressive) or 1 (interlaced)"));
        }
        v.source_sampling = s;
    }
    Ok(())
}

/// (11.4.6) `frame_rate`.
fn frame_rate(r: &mut BitReader<'_>, v: &mut VideoParameters) -> Result<()> {
    if r.read_bool("custom_frame_rate_flag")? {
        let index = r.read_uint("frame_rate_index")?;
        if index == 0 {
            v.frame_rate_numer = r.read_uint("frame_rate_numer")?;
            v.frame_rate_denom = r.read_uint("frame_rate_denom")?;
            if v.frame_rate_numer == 0 || v.frame_rate_denom == 0 {
                return Err(bad(r, "frame_rate_numer/denom", 0, "frame rate terms must be non-zero"));
            }
        } else {
            let &(n, d) = PRESET_FRAME_RATES
                .get(index as usize)
                .ok_or_else(|| bad(r, "frame_rate_index", index, "must be 0..=16 (Table 11.3)"))?;
            v.frame_rate_numer = n;
            v.frame_rate_denom = d;
        }
    }
    Ok(())
}

/// (11.4.7) `pixel_aspect_ratio`.
fn pixel_aspect_ratio(r: &mut BitReader<'_>, v: &mut VideoParameters) -> Result<()> {
    if r.read_bool("custom_pixel_aspect_ratio_flag")? {
        let index = r.read_uint("pixel_aspect_ratio_index")?;
        if index == 0 {
            v.pixel_aspect_ratio_numer = r.read_uint("pixel_aspect_ratio_numer")?;
            v.pixel_aspect_ratio_denom = r.read_uint("pixel_aspect_ratio_denom")?;
            if v.pixel_aspect_ratio_numer == 0 || v.pixel_aspect_ratio_denom == 0 {
                return Err(bad(r, "pixel_aspect_ratio_numer/denom", 0, "aspect ratio terms must be non-zero"));
            }
        } else {
            let &(n, d) = PRESET_PIXEL_ASPECT_RATIOS
                .get(index as usize)
                .ok_or_else(|| bad(r, "pixel_aspect_ratio_index", index, "must be 0..=6 (Table 11.4)"))?;
            v.pixel_aspect_ratio_numer = n;
            v.pixel_aspect_ratio_denom = d;
        }
    }
    Ok(())
}

/// (11.4.8) `clean_area`.
fn clean_area(r: &mut BitReader<'_>, v: &mut VideoParameters) -> Result<()> {
    if r.read_bool("custom_clean_area_flag")? {
        v.clean_width = r.read_uint("clean_width")?;
        v.clean_height = r.read_uint("clean_height")?;
        v.left_offset = r.read_uint("left_offset")?;
        v.top_offset = r.read_uint("top_offset")?;
    }
    let fits = |a: u64, b: u64, lim: u64| a.checked_add(b).is_some_and(|s| s <= lim);
    if !fits(v.clean_width, v.left_offset, v.frame_width) || !fits(v.clean_height, v.top_offset, v.frame_height) {
        return Err(bad(r, "clean_width/height + offsets", v.clean_width, "clean area must lie inside the frame"));
    }
    Ok(())
}

/// (11.4.9) `signal_range`.
fn signal_range(r: &mut BitReader<'_>, v: &mut VideoParameters) -> Result<()> {
    if r.read_bool("custom_signal_range_flag")? {
        let index = r.read_uint("signal_range_index")?;
        if index == 0 {
            v.luma_offset = r.read_uint("luma_offset")?;
            v.luma_excursion = r.read_uint("luma_excursion")?;
            if v.luma_excursion < 1 {
                return Err(bad(r, "luma_excursion", 0, "must be at least 1"));
            }
            v.color_diff_offset = r.read_uint("color_diff_offset")?;
            v.color_diff_excursion = r.read_uint("color_diff_excursion")?;
            if v.color_diff_excursion < 1 {
                return Err(bad(r, "color_diff_excursion", 0, "must be at least 1"));
            }
        } else {
            let &(lo, le, co, ce) = PRESET_SIGNAL_RANGES
                .get(index as usize)
                .ok_or_else(|| bad(r, "signal_range_index", index, "must be 0..=8 (Table 11.5)"))?;
            v.luma_offset = lo;
            v.luma_excursion = le;
            v.color_diff_offset = co;
            v.color_diff_excursion = ce;
        }
    }
    Ok(())
}

/// (11.4.10.1) `color_spec`.
fn color_spec(r: &mut BitReader<'_>, v: &mut VideoParameters) -> Result<()> {
    if r.read_bool("custom_color_spec_flag")? {
        let index = r.read_uint("color_spec_index")?;
        let &(cp, cm, tf) = PRESET_COLOR_SPECS
            .get(index as usize)
            .ok_or_else(|| bad(r, "color_spec_index", index, "must be 0..=7 (Table 11.6)"))?;
        v.color_primaries_index = cp;
        v.color_matrix_index = cm;
        v.transfer_function_index = tf;
        if index == 0 {
            color_primaries(r, v)?;
            color_matrix(r, v)?;
            transfer_function(r, v)?;
        }
    }
    Ok(())
}

/// (11.4.10.2) `color_primaries`.
fn color_primaries(r: &mut BitReader<'_>, v: &mut VideoParameters) -> Result<()> {
    if r.read_bool("custom_color_primaries_flag")? {
        let i = r.read_uint("color_primaries_index")?;
        if i as usize >= COLOR_PRIMARIES.len() {
            return Err(bad(r, "color_primaries_index", i, "must be 0..=4 (Table 11.7)"));
        }
        v.color_primaries_index = i;
    }
    Ok(())
}

/// (11.4.10.3) `color_matrix`.
fn color_matrix(r: &mut BitReader<'_>, v: &mut VideoParameters) -> Result<()> {
    if r.read_bool("custom_color_matrix_flag")? {
        let i = r.read_uint("color_matrix_index")?;
        if i as usize >= COLOR_MATRICES.len() {
            return Err(bad(r, "color_matrix_index", i, "must be 0..=4 (Table 11.8)"));
        }
        v.color_matrix_index = i;
    }
    Ok(())
}

/// (11.4.10.4) `transfer_function`.
fn transfer_function(r: &mut BitReader<'_>, v: &mut VideoParameters) -> Result<()> {
    if r.read_bool("custom_transfer_function_flag")? {
        let i = r.read_uint("transfer_function_index")?;
        if i as usize >= TRANSFER_FUNCTIONS.len() {
            return Err(bad(r, "transfer_function_index", i, "must be 0..=5 (Table 11.9)"));
        }
        v.transfer_function_index = i;
    }
    Ok(())
}

/// (11.6.1) `set_coding_parameters`: `picture_dimensions` and `video_depth`, with the
/// checks of (11.6) that the derived dimensions are usable.
fn set_coding_parameters(r: &BitReader<'_>, v: &VideoParameters, picture_coding_mode: u64) -> Result<CodingParameters> {
    let (sx, sy) = v.chroma.shifts();
    let fields = picture_coding_mode as u32;
    let luma_width = v.frame_width;
    let luma_height = v.frame_height >> fields;
    let color_diff_width = v.frame_width >> sx;
    let color_diff_height = (v.frame_height >> sy) >> fields;
    if luma_height == 0
        || color_diff_width == 0
        || color_diff_height == 0
        || !v.frame_height.is_multiple_of(luma_height)
        || !v.frame_width.is_multiple_of(color_diff_width)
        || !v.frame_height.is_multiple_of(color_diff_height)
    {
        return Err(bad(
            r,
            "picture dimensions",
            v.frame_width,
            "frame size does not divide evenly into pictures for this chroma format and coding mode",
        ));
    }
    let luma_depth = intlog2(v.luma_excursion.saturating_add(1));
    let color_diff_depth = intlog2(v.color_diff_excursion.saturating_add(1));
    for (what, d, e) in [("luma_excursion", luma_depth, v.luma_excursion), ("color_diff_excursion", color_diff_depth, v.color_diff_excursion)] {
        if d > MAX_DEPTH {
            return Err(bad(r, what, e, "bit depths above 16 are not supported by this decoder"));
        }
    }
    Ok(CodingParameters {
        luma_width: luma_width as usize,
        luma_height: luma_height as usize,
        color_diff_width: color_diff_width as usize,
        color_diff_height: color_diff_height as usize,
        luma_depth,
        color_diff_depth,
    })
}
