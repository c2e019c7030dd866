//! `uhdpipe info`: what a VC-2 stream contains.

use crate::{Error, Result};
use std::fmt::Write as _;
use uhdpipe_model::slice::{PictureCoding, SliceSizing};
use uhdpipe_model::tables::{BASE_VIDEO_FORMATS, COLOR_MATRICES, COLOR_PRIMARIES, TRANSFER_FUNCTIONS, WAVELET_NAMES};
use uhdpipe_model::{Decoder, Event, SequenceHeader};

/// Per-sequence facts.
#[derive(Debug, Clone)]
pub struct SequenceInfo {
    /// The sequence header.
    pub header: SequenceHeader,
    /// Pictures in the sequence.
    pub pictures: u64,
    /// Coded bytes of each picture (with parse info headers).
    pub picture_bytes: Vec<u64>,
    /// Transform parameters of the first picture.
    pub first_coding: Option<PictureCoding>,
    /// Whether transform parameters changed between pictures.
    pub coding_varies: bool,
    /// Auxiliary data units.
    pub auxiliary: u64,
    /// Padding data units.
    pub padding: u64,
}

/// Facts about a whole stream.
#[derive(Debug, Clone, Default)]
pub struct StreamInfo {
    /// Stream length.
    pub bytes: u64,
    /// The sequences.
    pub sequences: Vec<SequenceInfo>,
}

/// Parses a whole stream (decoding every picture, so a corrupt one is reported).
pub fn stream_info(data: &[u8], name: &str) -> Result<StreamInfo> {
    let mut info = StreamInfo { bytes: data.len() as u64, sequences: Vec::new() };
    let mut dec = Decoder::new(data);
    while let Some(ev) = dec.next_event().map_err(|source| Error::Decode { path: name.to_string(), source })? {
        match ev {
            Event::SequenceHeader(header) => info.sequences.push(SequenceInfo {
                header,
                pictures: 0,
                picture_bytes: Vec::new(),
                first_coding: None,
                coding_varies: false,
                auxiliary: 0,
                padding: 0,
            }),
            Event::Picture { coded_bytes, coding, .. } => {
                let s = info.sequences.last_mut().expect("pictures follow a sequence header");
                s.pictures += 1;
                s.picture_bytes.push(coded_bytes);
                match &s.first_coding {
                    None => s.first_coding = Some(coding),
                    Some(c) if *c != coding => s.coding_varies = true,
                    Some(_) => {}
                }
            }
            Event::Auxiliary { .. } => info.sequences.last_mut().expect("inside a sequence").auxiliary += 1,
            Event::Padding(_) => info.sequences.last_mut().expect("inside a sequence").padding += 1,
            // only from a decoder that defers slices, which this is not
            Event::EndOfSequence | Event::CodedPicture(_) => {}
        }
    }
    Ok(info)
}

fn name_of(table: &[&'static str], i: u64) -> &'static str {
    table.get(i as usize).copied().unwrap_or("?")
}

/// Human-readable report.
pub fn format_info(info: &StreamInfo, name: &str) -> String {
    let mut s = String::new();
    let total: u64 = info.sequences.iter().map(|q| q.pictures).sum();
    let _ = writeln!(s, "{name}: {} bytes, {} sequence(s), {} picture(s)", info.bytes, info.sequences.len(), total);
    // Consecutive sequences with identical headers and transform parameters (FFmpeg makes
    // every picture its own sequence) are reported once, with their pictures pooled.
    let mut groups: Vec<(usize, usize, SequenceInfo)> = Vec::new();
    for (i, q) in info.sequences.iter().enumerate() {
        match groups.last_mut() {
            Some((_, last, g)) if g.header == q.header && g.first_coding == q.first_coding && !q.coding_varies => {
                *last = i;
                g.pictures += q.pictures;
                g.picture_bytes.extend_from_slice(&q.picture_bytes);
                g.auxiliary += q.auxiliary;
                g.padding += q.padding;
            }
            _ => groups.push((i, i, q.clone())),
        }
    }
    for (first, last, q) in &groups {
        let h = &q.header;
        let v = &h.video;
        let c = &h.coding;
        if first == last {
            let _ = writeln!(s, "sequence {first}:");
        } else {
            let _ = writeln!(s, "sequences {first}-{last} ({} sequences with identical headers):", last - first + 1);
        }
        let _ = writeln!(
            s,
            "  version {}.{}, profile {}, level {}",
            h.parse.major_version,
            h.parse.minor_version,
            if h.parse.profile == 0 { "low delay" } else { "high quality" },
            h.parse.level
        );
        let _ = writeln!(s, "  base video format {} ({})", h.base_video_format, BASE_VIDEO_FORMATS[h.base_video_format as usize].name);
        let _ = writeln!(
            s,
            "  frame {}x{} {} {}, {}",
            v.frame_width,
            v.frame_height,
            v.chroma.name(),
            if v.source_sampling == 1 { if v.top_field_first { "interlaced (top field first)" } else { "interlaced (bottom field first)" } } else { "progressive" },
            if h.picture_coding_mode == 1 { "pictures are fields" } else { "pictures are frames" }
        );
        let fps = v.frame_rate_numer as f64 / v.frame_rate_denom as f64;
        let _ = writeln!(s, "  frame rate {}/{} ({fps:.3} fps), pixel aspect {}:{}", v.frame_rate_numer, v.frame_rate_denom, v.pixel_aspect_ratio_numer, v.pixel_aspect_ratio_denom);
        let _ = writeln!(s, "  clean area {}x{} at ({}, {})", v.clean_width, v.clean_height, v.left_offset, v.top_offset);
        let _ = writeln!(
            s,
            "  luma {}-bit (offset {}, excursion {}), colour difference {}-bit (offset {}, excursion {})",
            c.luma_depth, v.luma_offset, v.luma_excursion, c.color_diff_depth, v.color_diff_offset, v.color_diff_excursion
        );
        let _ = writeln!(
            s,
            "  colour: primaries {}, matrix {}, transfer {}",
            name_of(&COLOR_PRIMARIES, v.color_primaries_index),
            name_of(&COLOR_MATRICES, v.color_matrix_index),
            name_of(&TRANSFER_FUNCTIONS, v.transfer_function_index)
        );
        let _ = writeln!(s, "  pictures: {} ({} luma samples each, {}x{} per picture)", q.pictures, c.luma_width * c.luma_height, c.luma_width, c.luma_height);
        if let Some(pc) = &q.first_coding {
            let t = &pc.transform;
            let wavelet = if t.wavelet_index == t.wavelet_index_ho {
                WAVELET_NAMES[t.wavelet_index].to_string()
            } else {
                format!("{} vertical, {} horizontal", WAVELET_NAMES[t.wavelet_index], WAVELET_NAMES[t.wavelet_index_ho])
            };
            let _ = writeln!(s, "  wavelet {wavelet}, depth {}{}", t.dwt_depth, if t.dwt_depth_ho > 0 { format!(" + {} horizontal-only", t.dwt_depth_ho) } else { String::new() });
            let sizing = match pc.sizing {
                SliceSizing::LowDelay { numerator, denominator } => format!("{numerator}/{denominator} bytes per slice"),
                SliceSizing::HighQuality { prefix_bytes, size_scaler } => format!("prefix {prefix_bytes} bytes, size scaler {size_scaler}"),
            };
            let _ = writeln!(s, "  slices {}x{} ({sizing}), {} quantisation matrix {:?}", pc.slices_x, pc.slices_y, if pc.custom_quant_matrix { "custom" } else { "default" }, pc.quant_matrix);
            if q.coding_varies {
                let _ = writeln!(s, "  (transform parameters vary between pictures; the first picture's are shown)");
            }
        }
        if !q.picture_bytes.is_empty() {
            let min = q.picture_bytes.iter().min().unwrap();
            let max = q.picture_bytes.iter().max().unwrap();
            let mean = q.picture_bytes.iter().sum::<u64>() as f64 / q.picture_bytes.len() as f64;
            let bpp = mean * 8.0 / (c.luma_width * c.luma_height) as f64;
            let _ = writeln!(s, "  bytes per picture: min {min}, mean {mean:.0}, max {max} ({bpp:.2} bits per luma sample)");
        }
        if q.auxiliary + q.padding > 0 {
            let _ = writeln!(s, "  auxiliary data units {}, padding units {}", q.auxiliary, q.padding);
        }
    }
    s
}
