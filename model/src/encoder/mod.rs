//! A VC-2 high-quality-profile encoder, shaped like the hardware that must match it: one
//! pass, slice by slice, each slice's quantisation index chosen from its own coefficients
//! against a fixed byte budget ([`rate`] specifies it exactly).
//!
//! Per picture: samples are offset to signed (the inverse of 15.5 `offset_component`), the
//! component is padded to the transform's size by repeating its last column and row (any
//! padding is valid — the decoder discards it — and repetition costs the fewest bits), the
//! forward transform runs ([`crate::wavelet::dwt`], exact inverse of the decoder's), and
//! every slice is quantised, costed and coded (13.5.4 `hq_slice` in reverse). The stream is
//! a sequence header, the pictures (numbered from 0, fields in pairs), and an end of
//! sequence, with both parse offsets of every data unit filled in (10.5.1).
//!
//! `threads` change only speed: slices are coded independently and assembled in order.

pub mod header;
pub mod rate;

use crate::bits::BitWriter;
use crate::decoder::{parse_code, PARSE_INFO_HEADER_BYTES};
use crate::error::{Error, ErrorKind, Result};
use crate::params::{SequenceHeader, VideoParameters};
use crate::picture::Picture;
use crate::slice::{PictureCoding, SliceSizing};
use crate::wavelet::{analysis_fits, dwt, Band, Coef, TransformParams};
use header::SequenceSyntax;
use rate::ComponentSlice;

/// How big each picture may be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rate {
    /// Quantisation index 0 everywhere, sizes unbounded: decodes to the exact input.
    Lossless,
    /// Every picture's data unit takes this many bytes (parse info included); see
    /// [`rate`] for how they are dealt out to slices.
    PictureBytes(u64),
}

/// What to encode with: everything but the source format.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EncoderConfig {
    /// Wavelets and depths (12.4.1, 12.4.4).
    pub transform: TransformParams,
    /// slices_x and slices_y; `None` picks [`default_slices`].
    pub slices: Option<(u64, u64)>,
    /// Picture size rule.
    pub rate: Rate,
    /// A custom quantisation matrix (bitstream order, one value per band); `None` uses the
    /// standard's default for the transform (Annex D).
    pub quant_matrix: Option<Vec<u64>>,
    /// Whether zeros after a component's last non-zero coefficient are sent.
    pub trailing: Trailing,
}

/// What happens to the zero coefficients after the last non-zero one of a slice component.
///
/// The standard lets a component end early: a decoder reads 1 bits past its end, which
/// decode as zeros (A.4.2). FFmpeg's decoder (5.1.9, `libavcodec/dirac_vlc.c`)
/// implements that only partly: when a component's bytes hold fewer codes than its
/// coefficients, its reader looks at the byte that *follows* the component (the next
/// component's length byte, or the next slice's quantisation index) and, for 30 of the
/// 256 values, writes a spurious coefficient `+1` after the decoded ones; a component of
/// no bytes is decoded from the following bytes instead. [`Trailing::Compatible`] (the
/// default) avoids exactly those cases at a cost of a few bytes per picture (see
/// [`rate`], "FFmpeg's reader"), so every decoder agrees while trailing zeros are still
/// omitted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Trailing {
    /// End each component at its last non-zero coefficient, and keep the bytes that FFmpeg's
    /// reader looks at past a short component safe: every component takes at least one
    /// unit, a colour-difference length byte never takes a value of [`rate::ffmpeg_unsafe`]
    /// (one more unit of padding instead) and neither does a slice's quantisation index
    /// (the next index is used). Decodable by FFmpeg, except in slice rows whose budget
    /// cannot hold that even at qindex 255, which fall back to [`Trailing::Omit`].
    #[default]
    Compatible,
    /// Send every coefficient (decodable by FFmpeg too) unless the slice's budget cannot
    /// hold them even at qindex 255.
    Code,
    /// End each component at its last non-zero coefficient (conforming decoders only).
    Omit,
}

impl Default for EncoderConfig {
    /// LeGall (5,3), three levels, default slices, lossless.
    fn default() -> Self {
        EncoderConfig {
            transform: TransformParams { wavelet_index: 1, wavelet_index_ho: 1, dwt_depth: 3, dwt_depth_ho: 0 },
            slices: None,
            rate: Rate::Lossless,
            quant_matrix: None,
            trailing: Trailing::Compatible,
        }
    }
}

/// One encoded picture.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EncodedPicture {
    /// Bytes to append to the stream: the sequence header's data unit before the first
    /// picture, then the picture's.
    pub bytes: Vec<u8>,
    /// Size of the picture's data unit alone.
    pub picture_bytes: u64,
    /// Each slice's quantisation index, in raster order.
    pub qindex: Vec<u8>,
}

fn cannot(msg: impl Into<String>) -> Error {
    Error::new(ErrorKind::CannotEncode(msg.into()))
}

/// DC-band dimensions (luma, then colour difference) that slices must divide.
fn dc_bands(t: &TransformParams, seq: &SequenceHeader) -> [(usize, usize); 2] {
    let c = &seq.coding;
    [(c.luma_width, c.luma_height), (c.color_diff_width, c.color_diff_height)].map(|(w, h)| (t.subband_width(0, w), t.subband_height(0, h)))
}

/// The default slice counts: the most slices for which every component's DC band divides
/// evenly and a luma slice stays at least 32 samples wide and 8 lines high (after padding).
pub fn default_slices(t: &TransformParams, seq: &SequenceHeader) -> (u64, u64) {
    let dc = dc_bands(t, seq);
    let (pw, ph) = t.padded_size(seq.coding.luma_width, seq.coding.luma_height);
    let gcd = |mut a: usize, mut b: usize| {
        while b != 0 {
            (a, b) = (b, a % b);
        }
        a
    };
    let best = |g: usize, padded: usize, min: usize| (1..=g).filter(|d| g.is_multiple_of(*d) && padded / d >= min).max().unwrap_or(1) as u64;
    (best(gcd(dc[0].0, dc[1].0), pw, 32), best(gcd(dc[0].1, dc[1].1), ph, 8))
}

/// Checks that `slices` divide every component's DC band (hence every band) evenly.
pub fn check_slices(t: &TransformParams, seq: &SequenceHeader, slices: (u64, u64)) -> Result<()> {
    let (sx, sy) = slices;
    for (name, (w, h)) in ["luma", "colour-difference"].iter().zip(dc_bands(t, seq)) {
        if sx == 0 || sy == 0 || !(w as u64).is_multiple_of(sx) || !(h as u64).is_multiple_of(sy) {
            return Err(cannot(format!(
                "{sx}x{sy} slices do not divide the {name} DC band ({w}x{h} coefficients after {} transform levels): choose counts that divide {w} and {h}",
                t.levels()
            )));
        }
    }
    Ok(())
}

/// A VC-2 HQ encoder for one sequence.
#[derive(Debug)]
pub struct Encoder {
    syntax: SequenceSyntax,
    seq: SequenceHeader,
    header_unit: Vec<u8>,
    coding: PictureCoding,
    rate: Rate,
    trailing: Trailing,
    picture_number: u32,
    /// Size of the last data unit written (the next one's previous_parse_offset).
    previous: u32,
    started: bool,
    /// The lossy budget's payload and scaler (the same for every picture: the preamble's
    /// length does not depend on the picture number).
    budget: BudgetPlan,
}

impl Encoder {
    /// An encoder for pictures of `video`'s format, coded as frames
    /// (`picture_coding_mode` 0) or fields (1).
    pub fn new(video: VideoParameters, picture_coding_mode: u64, config: EncoderConfig) -> Result<Self> {
        let t = config.transform;
        if t.wavelet_index > 6 || t.wavelet_index_ho > 6 {
            return Err(cannot("wavelet indices are 0..=6 (Table 12.1)"));
        }
        if t.levels() as u64 > crate::slice::MAX_LEVELS {
            return Err(cannot(format!("at most {} transform levels", crate::slice::MAX_LEVELS)));
        }
        if picture_coding_mode > 1 {
            return Err(cannot("picture_coding_mode must be 0 (frames) or 1 (fields)"));
        }
        let base = header::choose_base_video_format(&video);
        let asymmetric = t.dwt_depth_ho > 0 || t.wavelet_index_ho != t.wavelet_index;
        let syntax = SequenceSyntax {
            major_version: header::required_major_version(base, &video, asymmetric),
            profile: 3,
            level: 0,
            base_video_format: base,
            video,
            picture_coding_mode,
        };
        let payload = header::sequence_header(&syntax);
        // Reading our own header back validates it and derives the coding parameters.
        let seq = crate::params::sequence_header(&mut crate::bits::BitReader::new(&payload, 0), &Default::default())
            .map_err(|e| cannot(format!("the source format cannot be signalled: {}", e.kind)))?;
        if seq.video != video {
            return Err(cannot("the source format does not survive its own sequence header (top_field_first must match a base video format)"));
        }
        let custom_quant_matrix = config.quant_matrix.is_some();
        let quant_matrix = match config.quant_matrix {
            Some(m) => {
                if m.len() != t.bands().len() {
                    return Err(cannot(format!("the quantisation matrix needs {} values (one per band) for this transform, not {}", t.bands().len(), m.len())));
                }
                m
            }
            None => crate::tables::default_quant_matrix(t.wavelet_index as u64, t.wavelet_index_ho as u64, t.dwt_depth as u64, t.dwt_depth_ho as u64)
                .ok_or_else(|| {
                    cannot(format!(
                        "the standard has no default quantisation matrix for wavelet {}/{} with {} 2-D and {} horizontal-only levels: give a custom one",
                        t.wavelet_index, t.wavelet_index_ho, t.dwt_depth, t.dwt_depth_ho
                    ))
                })?
                .iter()
                .map(|&v| v as u64)
                .collect(),
        };
        let slices = match config.slices {
            Some(s) => s,
            None => default_slices(&t, &seq),
        };
        check_slices(&t, &seq, slices)?;
        if let Rate::PictureBytes(n) = config.rate {
            if n > u32::MAX as u64 {
                return Err(cannot(format!("{n} bytes per picture: a data unit holds at most {} (next_parse_offset is 32 bits)", u32::MAX)));
            }
        }
        let coding = PictureCoding {
            transform: t,
            slices_x: slices.0,
            slices_y: slices.1,
            sizing: SliceSizing::HighQuality { prefix_bytes: 0, size_scaler: 1 },
            quant_matrix,
            custom_quant_matrix,
        };
        let mut w = BitWriter::new();
        let len = PARSE_INFO_HEADER_BYTES as u32 + payload.len() as u32;
        header::parse_info(&mut w, parse_code::SEQUENCE_HEADER, len, 0);
        w.write_bytes(&payload);
        let mut enc = Encoder {
            syntax,
            seq,
            header_unit: w.into_bytes(),
            coding,
            rate: config.rate,
            trailing: config.trailing,
            picture_number: 0,
            previous: 0,
            started: false,
            budget: BudgetPlan { payload: 0, size_scaler: 1 },
        };
        if let Rate::PictureBytes(n) = config.rate {
            let min = enc.minimum_picture_bytes();
            if n < min {
                return Err(cannot(format!("{n} bytes per picture is too few: this format and slicing need at least {min}")));
            }
        }
        enc.budget = enc.budget_plan()?;
        Ok(enc)
    }

    /// The sequence header as a decoder reads it (with the derived coding parameters).
    pub fn sequence_header(&self) -> &SequenceHeader {
        &self.seq
    }

    /// The sequence header syntax chosen (base format, version).
    pub fn syntax(&self) -> &SequenceSyntax {
        &self.syntax
    }

    /// The picture coding parameters (slices, matrix); the scaler is set per picture.
    pub fn coding(&self) -> &PictureCoding {
        &self.coding
    }

    /// The smallest picture budget this format and slicing can meet (every slice at its
    /// four bytes of header).
    pub fn minimum_picture_bytes(&self) -> u64 {
        let preamble = header::picture_preamble(0, self.syntax.major_version, &self.coding).len() as u64;
        PARSE_INFO_HEADER_BYTES + preamble + 4 * self.coding.slice_count()
    }

    /// Encodes the next picture (a frame, or a field when coding fields). Its planes must
    /// have the sequence's dimensions and bit depths.
    pub fn encode(&mut self, picture: &Picture) -> Result<EncodedPicture> {
        self.check_picture(picture)?;
        let c = &self.seq.coding;
        let depths = [c.luma_depth, c.color_diff_depth, c.color_diff_depth];
        let t = self.coding.transform;
        let (coded, padding) = if depths.iter().all(|&d| analysis_fits::<i32>(&t, d)) {
            self.code_slices::<i32>(picture, depths)?
        } else {
            self.code_slices::<i64>(picture, depths)?
        };
        let mut out = Vec::new();
        if !self.started {
            out.extend_from_slice(&self.header_unit);
            self.previous = self.header_unit.len() as u32;
            self.started = true;
        }
        let (unit, qindex) = self.assemble(coded, padding)?;
        self.previous = unit.len() as u32;
        let picture_bytes = unit.len() as u64;
        out.extend_from_slice(&unit);
        self.picture_number = self.picture_number.wrapping_add(1);
        Ok(EncodedPicture { bytes: out, picture_bytes, qindex })
    }

    /// Ends the sequence: the bytes to append (the sequence header too if no picture was
    /// encoded, then the end-of-sequence data unit).
    pub fn finish(mut self) -> Vec<u8> {
        let mut out = Vec::new();
        if !self.started {
            out.extend_from_slice(&self.header_unit);
            self.previous = self.header_unit.len() as u32;
        }
        let mut w = BitWriter::new();
        header::parse_info(&mut w, parse_code::END_OF_SEQUENCE, 0, self.previous);
        out.extend_from_slice(&w.into_bytes());
        out
    }

    fn check_picture(&self, p: &Picture) -> Result<()> {
        let c = &self.seq.coding;
        let want = [(c.luma_width, c.luma_height, c.luma_depth), (c.color_diff_width, c.color_diff_height, c.color_diff_depth), (c.color_diff_width, c.color_diff_height, c.color_diff_depth)];
        for (i, (plane, (w, h, d))) in p.planes.iter().zip(want).enumerate() {
            if (plane.width, plane.height) != (w, h) || plane.data.len() != w * h {
                return Err(cannot(format!("picture component {i} is {}x{}, the sequence codes {w}x{h}", plane.width, plane.height)));
            }
            if plane.depth != d {
                return Err(cannot(format!("picture component {i} has {} bits, the sequence codes {d}", plane.depth)));
            }
            let max = ((1u32 << d) - 1) as u16;
            if let Some(pos) = plane.data.iter().position(|&s| s > max) {
                return Err(cannot(format!("picture component {i} sample {} at ({}, {}) exceeds {d} bits", plane.data[pos], pos % w, pos / w)));
            }
        }
        Ok(())
    }

    /// Transforms the picture and codes it slice row by slice row ([`rate`], "Row
    /// decision"). Returns the coded slices (raster order) and the padding bytes left over.
    fn code_slices<T: Coef>(&self, picture: &Picture, depths: [u32; 3]) -> Result<(Vec<CodedSlice>, u64)> {
        use rayon::prelude::*;
        let t = self.coding.transform;
        let bands: Vec<Vec<Band<T>>> = picture.planes.par_iter().zip(depths.par_iter()).map(|(plane, &d)| dwt(&t, padded_component(plane, d, &t))).collect();
        let (sx_n, sy_n) = (self.coding.slices_x, self.coding.slices_y);
        let matrix = &self.coding.quant_matrix;
        let budget = self.budget;
        let format = rate::SliceFormat { prefix_bytes: 0, size_scaler: budget.size_scaler };
        let units = budget.payload / budget.size_scaler;
        let mut coded = Vec::with_capacity((sx_n * sy_n) as usize);
        let mut carry = 0u64;
        let mut hint = 16u8;
        let mut row: Vec<[ComponentSlice; 3]> = (0..sx_n).map(|_| Default::default()).collect();
        for sy in 0..sy_n {
            row.par_iter_mut().enumerate().for_each(|(sx, comps)| {
                for (comp, b) in comps.iter_mut().zip(&bands) {
                    gather(comp, b, sx as u64, sy, sx_n, sy_n);
                }
            });
            let plan: Vec<(u8, Trailing)> = match self.rate {
                Rate::Lossless => vec![(0, self.trailing); sx_n as usize],
                Rate::PictureBytes(_) => {
                    let avail = sx_n * 4 + budget.size_scaler * rate::row_units(sy, sy_n, units) + carry;
                    let p = rate::plan_row(&row, matrix, &format, self.trailing, avail, hint)
                        .ok_or_else(|| cannot(format!("slice row {sy} does not fit its {avail} bytes even at qindex 255")))?;
                    carry = p.leftover;
                    hint = p.slices.iter().map(|s| s.0).max().unwrap_or(hint);
                    p.slices.iter().map(|&(q, _)| (q, p.trailing)).collect()
                }
            };
            let mut out = Vec::with_capacity(row.len());
            row.par_iter()
                .zip(plan.par_iter())
                .map(|(comps, &(q, tr))| CodedSlice { qindex: q, trailing: tr, data: std::array::from_fn(|i| code_component(&comps[i], q, matrix, tr)) })
                .collect_into_vec(&mut out);
            coded.extend(out);
        }
        Ok((coded, carry))
    }

    /// The payload and scaler of a lossy picture (see [`rate`], "Budget"); for lossless
    /// pictures, zeros (unused). Computed once, by [`Encoder::new`].
    fn budget_plan(&self) -> Result<BudgetPlan> {
        let Rate::PictureBytes(total) = self.rate else { return Ok(BudgetPlan { payload: 0, size_scaler: 1 }) };
        let n = self.coding.slice_count();
        let mut k = 1;
        for _ in 0..8 {
            let mut coding = self.coding.clone();
            coding.sizing = SliceSizing::HighQuality { prefix_bytes: 0, size_scaler: k };
            let preamble = header::picture_preamble(0, self.syntax.major_version, &coding).len() as u64;
            let payload = total
                .checked_sub(PARSE_INFO_HEADER_BYTES + preamble + 4 * n)
                .ok_or_else(|| cannot(format!("{total} bytes per picture is too few for {n} slices")))?;
            let k2 = rate::size_scaler_for(payload, n);
            if k2 == k {
                return Ok(BudgetPlan { payload, size_scaler: k });
            }
            k = k2;
        }
        Err(cannot("slice_size_scaler did not settle (picture budget at a size-field boundary)"))
    }

    /// Builds the picture's data unit from its coded slices, adding `padding` bytes to the
    /// last slices ([`rate`], "Coding and padding").
    fn assemble(&self, coded: Vec<CodedSlice>, padding: u64) -> Result<(Vec<u8>, Vec<u8>)> {
        let n = self.coding.slice_count();
        let k = match self.rate {
            Rate::Lossless => {
                let largest = coded.iter().flat_map(|c| c.data.iter().map(|d| d.len() as u64)).max().unwrap_or(0);
                largest.div_ceil(255).max(1)
            }
            Rate::PictureBytes(_) => self.budget.size_scaler,
        };
        // Units of each component (as costed), padding added from the last slice backwards;
        // with Trailing::Compatible no colour-difference length lands on an unsafe value.
        let mut units: Vec<[u64; 3]> = coded.iter().map(|c| std::array::from_fn(|i| rate::component_units(c.data[i].len() as u64, k, i, c.trailing))).collect();
        let mut spare = padding / k;
        'pad: for (c, u) in coded.iter().zip(units.iter_mut()).rev() {
            for i in (0..3).rev() {
                if spare == 0 {
                    break 'pad;
                }
                let mut add = spare.min(255u64.saturating_sub(u[i]));
                if c.trailing == Trailing::Compatible && i > 0 && rate::ffmpeg_unsafe((u[i] + add) as u8) {
                    // u[i] is safe, so add > 0; one unit less gives an even, safe length.
                    add -= 1;
                }
                u[i] += add;
                spare -= add;
            }
        }
        let mut coding = self.coding.clone();
        coding.sizing = SliceSizing::HighQuality { prefix_bytes: 0, size_scaler: k };
        let preamble = header::picture_preamble(self.picture_number, self.syntax.major_version, &coding);
        let mut slices = Vec::with_capacity(coded.iter().map(|c| 4 + c.data.iter().map(|d| d.len()).sum::<usize>()).sum::<usize>() + 16);
        let mut qindex = Vec::with_capacity(n as usize);
        for (c, units) in coded.into_iter().zip(units) {
            slices.push(c.qindex);
            for (data, u) in c.data.iter().zip(units) {
                if u > 255 {
                    return Err(cannot("a slice component is longer than 255 units"));
                }
                slices.push(u as u8);
                slices.extend_from_slice(data);
                slices.resize(slices.len() + (k * u) as usize - data.len(), 0xFF);
            }
            qindex.push(c.qindex);
        }
        let len = PARSE_INFO_HEADER_BYTES as usize + preamble.len() + slices.len();
        let len32 = u32::try_from(len).map_err(|_| cannot(format!("the picture takes {len} bytes: more than a data unit can hold (next_parse_offset is 32 bits)")))?;
        let mut w = BitWriter::with_capacity(len);
        header::parse_info(&mut w, parse_code::HQ_PICTURE, len32, self.previous);
        w.write_bytes(&preamble);
        w.write_bytes(&slices);
        Ok((w.into_bytes(), qindex))
    }
}

/// Payload bytes shared by a picture's slices and the scaler they are counted in.
#[derive(Debug, Clone, Copy)]
struct BudgetPlan {
    payload: u64,
    size_scaler: u64,
}

/// A slice at its chosen index: each component's data, ending at its last non-zero
/// coefficient and padded with 1 bits to a byte, and the trailing-zero rule its row used.
#[derive(Debug)]
struct CodedSlice {
    qindex: u8,
    trailing: Trailing,
    data: [Vec<u8>; 3],
}

/// A component offset to signed values and padded (last column and row repeated) to the
/// transform's dimensions.
fn padded_component<T: Coef>(plane: &crate::picture::Plane, depth: u32, t: &TransformParams) -> Band<T> {
    let (pw, ph) = t.padded_size(plane.width, plane.height);
    let half = 1i64 << (depth - 1);
    let mut b = Band::zeroed(pw, ph);
    for y in 0..ph {
        let src = plane.row(y.min(plane.height - 1));
        let dst = &mut b.data[y * pw..(y + 1) * pw];
        for (d, &s) in dst.iter_mut().zip(src) {
            *d = T::from_i64(s as i64 - half);
        }
        let edge = dst[plane.width - 1];
        dst[plane.width..].fill(edge);
    }
    b
}

/// Collects slice (sx, sy)'s coefficients of one component's bands (13.5.6.2 bounds).
fn gather<T: Coef>(out: &mut ComponentSlice, bands: &[Band<T>], sx: u64, sy: u64, sx_n: u64, sy_n: u64) {
    out.clear();
    for b in bands {
        let (w, h) = (b.width as u64, b.height as u64);
        let (x1, x2) = ((w * sx / sx_n) as usize, (w * (sx + 1) / sx_n) as usize);
        let (y1, y2) = ((h * sy / sy_n) as usize, (h * (sy + 1) / sy_n) as usize);
        for y in y1..y2 {
            out.coeffs.extend(b.row(y)[x1..x2].iter().map(|v| v.to_i64()));
        }
        out.end_band();
    }
}

/// Codes one component of a slice at index `q`: the codes up to the last non-zero
/// quantised coefficient, then 1 bits to a byte boundary, and with [`Trailing::Code`] as
/// many more 1 bits (whole bytes) as there are zeros after it.
fn code_component(c: &ComponentSlice, q: u8, matrix: &[u64], trailing: Trailing) -> Vec<u8> {
    let quantiser = rate::Quantiser::get();
    let mut values = Vec::with_capacity(c.coeffs.len());
    let mut start = 0;
    for (&(end, _), &m) in c.bands.iter().zip(matrix) {
        let qb = (q as u64).saturating_sub(m) as u8;
        values.extend(c.coeffs[start..end].iter().map(|&v| quantiser.forward_quant(v, qb)));
        start = end;
    }
    let last = values.iter().rposition(|&v| v != 0).map_or(0, |i| i + 1);
    let mut w = BitWriter::with_capacity(last);
    for &v in &values[..last] {
        w.write_sint(v);
    }
    // With Trailing::Code the zeros after the last non-zero value are sent: each is a 1 bit.
    let zeros = if trailing == Trailing::Code { (values.len() - last) as u64 } else { 0 };
    let bytes_needed = (w.bit_len() + zeros).div_ceil(8);
    w.byte_align_ones();
    let pad = bytes_needed.saturating_sub(w.bit_len() / 8) as usize;
    w.write_bytes(&vec![0xFF; pad]);
    let bytes = w.into_bytes();
    debug_assert_eq!(bytes.len() as u64, c.coded_bits(q, matrix, trailing).div_ceil(8), "coded size differs from its cost");
    bytes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::params::ChromaFormat;
    use crate::decode_all;
    use crate::picture::test_pattern as test_picture;

    fn encode_stream(pics: &[Picture], video: VideoParameters, mode: u64, config: EncoderConfig) -> (Vec<u8>, Vec<EncodedPicture>) {
        let mut e = Encoder::new(video, mode, config).unwrap();
        let mut out = Vec::new();
        let mut coded = Vec::new();
        for p in pics {
            let c = e.encode(p).unwrap();
            out.extend_from_slice(&c.bytes);
            coded.push(c);
        }
        out.extend(e.finish());
        (out, coded)
    }

    fn decoded_pictures(stream: &[u8]) -> Vec<Picture> {
        decode_all(stream).unwrap()
    }

    #[test]
    fn lossless_round_trips_every_wavelet_and_format() {
        for (wavelet, depth, ho) in [(0, 2, 0), (1, 3, 0), (2, 1, 0), (3, 2, 0), (4, 3, 0), (5, 1, 0), (6, 2, 0), (1, 2, 1), (4, 0, 2), (1, 0, 0)] {
            for (chroma, bits) in [(ChromaFormat::C422, 10), (ChromaFormat::C420, 8), (ChromaFormat::C444, 12), (ChromaFormat::C422, 16)] {
                let (w, h) = (52, 30);
                let pic = test_picture(w, h, chroma, bits, wavelet as u64 * 31 + bits as u64);
                let video = header::default_video_parameters(w as u64, h as u64, chroma, bits, false, (25, 1));
                let transform = TransformParams { wavelet_index: wavelet, wavelet_index_ho: if ho > 0 { 4 } else { wavelet }, dwt_depth: depth, dwt_depth_ho: ho };
                let matrix = if ho > 0 || crate::tables::default_quant_matrix(wavelet as u64, transform.wavelet_index_ho as u64, depth as u64, ho as u64).is_none() {
                    Some(vec![0; transform.bands().len()])
                } else {
                    None
                };
                for trailing in [Trailing::Code, Trailing::Omit, Trailing::Compatible] {
                    let config = EncoderConfig { transform, slices: Some((1, 1)), rate: Rate::Lossless, quant_matrix: matrix.clone(), trailing };
                    let (stream, _) = encode_stream(std::slice::from_ref(&pic), video, 0, config);
                    let got = decoded_pictures(&stream);
                    assert_eq!(got.len(), 1);
                    assert_eq!(got[0].planes, pic.planes, "wavelet {wavelet} depth {depth}/{ho} {chroma:?} {bits}-bit");
                }
            }
        }
    }

    #[test]
    fn lossy_pictures_take_exactly_their_budget_and_decode() {
        let (w, h) = (128, 64);
        let pics: Vec<Picture> = (0..3).map(|i| test_picture(w, h, ChromaFormat::C422, 10, i)).collect();
        let video = header::default_video_parameters(w as u64, h as u64, ChromaFormat::C422, 10, false, (50, 1));
        for (bytes, trailing) in [
            (300u64, Trailing::Code),
            (300, Trailing::Compatible),
            (2_000, Trailing::Omit),
            (2_000, Trailing::Compatible),
            (9_000, Trailing::Code),
            (9_000, Trailing::Compatible),
            (40_000, Trailing::Omit),
            (40_000, Trailing::Compatible),
        ] {
            let config = EncoderConfig { rate: Rate::PictureBytes(bytes), slices: Some((8, 4)), trailing, ..Default::default() };
            let (stream, coded) = encode_stream(&pics, video, 0, config);
            // Exact with slice_size_scaler 1 (small budgets); short of it by less than the
            // scaler otherwise.
            let e = Encoder::new(video, 0, EncoderConfig { rate: Rate::PictureBytes(bytes), slices: Some((8, 4)), ..Default::default() }).unwrap();
            let k = e.budget.size_scaler;
            assert_eq!(k == 1, bytes <= 2000);
            for c in &coded {
                assert!(c.picture_bytes <= bytes && c.picture_bytes + k > bytes, "{} of {bytes} (k = {k})", c.picture_bytes);
            }
            let got = decoded_pictures(&stream);
            assert_eq!(got.len(), 3);
            // More bytes, lower quantisation indices.
            let mean_q: f64 = coded.iter().flat_map(|c| c.qindex.iter()).map(|&q| q as f64).sum::<f64>() / 96.0;
            assert!(mean_q < if bytes >= 40_000 { 12.0 } else { 80.0 }, "{bytes}: mean q {mean_q}");
            for (i, p) in got.iter().enumerate() {
                assert_eq!(p.picture_number, i as u32);
            }
        }
    }

    #[test]
    fn hardware_row_search_chooses_the_same_indices() {
        let (w, h) = (128, 64);
        let pic = test_picture(w, h, ChromaFormat::C420, 10, 9);
        let video = header::default_video_parameters(w as u64, h as u64, ChromaFormat::C420, 10, false, (25, 1));
        for bytes in [400u64, 3000, 12000] {
            let config = EncoderConfig { rate: Rate::PictureBytes(bytes), slices: Some((4, 4)), ..Default::default() };
            let e = Encoder::new(video, 0, config).unwrap();
            let t = e.coding.transform;
            let bands: Vec<Vec<Band<i32>>> = pic.planes.iter().map(|p| dwt(&t, padded_component(p, 10, &t))).collect();
            let plan = e.budget;
            let f = rate::SliceFormat { prefix_bytes: 0, size_scaler: plan.size_scaler };
            for sy in 0..4u64 {
                let row: Vec<[ComponentSlice; 3]> = (0..4u64)
                    .map(|sx| {
                        let mut comps: [ComponentSlice; 3] = Default::default();
                        for (c, b) in comps.iter_mut().zip(&bands) {
                            gather(c, b, sx, sy, 4, 4);
                        }
                        comps
                    })
                    .collect();
                let avail = 16 + plan.size_scaler * rate::row_units(sy, 4, plan.payload / plan.size_scaler);
                let m = &e.coding.quant_matrix;
                for tr in [Trailing::Code, Trailing::Omit, Trailing::Compatible] {
                    assert_eq!(rate::smallest_fitting_row(&row, m, &f, tr, avail, 20), rate::hardware_row_search(&row, m, &f, tr, avail));
                }
            }
        }
    }

    /// Complete interleaved exp-Golomb codes in `data` (no bits read past its end).
    fn complete_codes(data: &[u8]) -> u64 {
        let bit = |i: usize| (data[i / 8] >> (7 - i % 8)) & 1 == 1;
        let (mut i, mut n, end) = (0, 0, data.len() * 8);
        'codes: while i < end {
            let mut nonzero = false;
            loop {
                if i >= end {
                    break 'codes;
                }
                if bit(i) {
                    i += 1;
                    break;
                }
                // A follow bit 0 and a data bit.
                i += 2;
                nonzero = true;
            }
            if nonzero {
                // The sign bit.
                i += 1;
            }
            if i > end {
                break;
            }
            n += 1;
        }
        n
    }

    /// Walks a one-picture stream's slices: for each component its coefficient count, its
    /// data and the byte after it (the next length byte, quantisation index or parse info).
    fn components(stream: &[u8], e: &Encoder, k: u64, counts: &[[u64; 3]]) -> Vec<(u64, Vec<u8>, u8)> {
        let mut coding = e.coding.clone();
        coding.sizing = SliceSizing::HighQuality { prefix_bytes: 0, size_scaler: k };
        let start = e.header_unit.len() + PARSE_INFO_HEADER_BYTES as usize + header::picture_preamble(0, e.syntax.major_version, &coding).len();
        let mut at = start;
        let mut out = Vec::new();
        for n in counts {
            at += 1; // qindex
            for &n in n {
                let len = (stream[at] as u64 * k) as usize;
                let data = stream[at + 1..at + 1 + len].to_vec();
                at += 1 + len;
                out.push((n, data, stream[at]));
            }
        }
        out
    }

    /// Every slice's coefficient counts per component, in raster order.
    fn coefficient_counts(e: &Encoder, pic: &Picture) -> Vec<[u64; 3]> {
        let t = e.coding.transform;
        let bands: Vec<Vec<Band<i32>>> = pic.planes.iter().map(|p| dwt(&t, padded_component(p, p.depth, &t))).collect();
        let (sx_n, sy_n) = (e.coding.slices_x, e.coding.slices_y);
        let mut c = ComponentSlice::default();
        (0..sy_n)
            .flat_map(|sy| (0..sx_n).map(move |sx| (sx, sy)))
            .map(|(sx, sy)| {
                std::array::from_fn(|i| {
                    gather(&mut c, &bands[i], sx, sy, sx_n, sy_n);
                    c.coeffs.len() as u64
                })
            })
            .collect()
    }

    #[test]
    fn compatible_components_meet_ffmpegs_condition() {
        // FFmpeg's reader decodes a component exactly when its bytes hold a code for every
        // coefficient, or it has at least one byte and the byte after it is safe (rate.rs,
        // "FFmpeg's reader"). Compatible streams always meet that; Omit streams do not.
        let (w, h) = (128, 64);
        let video = header::default_video_parameters(w as u64, h as u64, ChromaFormat::C422, 10, false, (50, 1));
        let mut omit_failures = 0;
        for seed in 0..6 {
            // Smooth content with light noise, so that components end in runs of zeros, and
            // one noisy colour-difference component, so that its lengths reach the unsafe
            // values after a short component.
            let mut pic = test_picture(w, h, ChromaFormat::C422, 10, seed);
            let mut x = seed * 77 + 1;
            for (c, p) in pic.planes.iter_mut().enumerate() {
                let pw = p.width;
                let noise = if c as u64 == 1 + seed % 2 { 4 + seed % 3 } else { 0 };
                for (i, v) in p.data.iter_mut().enumerate() {
                    x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                    let (px, py) = ((i % pw) as u64, (i / pw) as u64);
                    *v = (100 + px * (2 + c as u64) + py * 4 + if (px / 20 + py / 13) % 3 == 0 { 150 } else { 0 } + (x >> (60 - noise))).min(1023) as u16;
                }
            }
            for (bytes, slices) in [(600u64, (8, 8)), (1_500, (8, 8)), (2_500, (8, 8)), (3_000, (4, 4)), (4_000, (8, 4)), (6_000, (4, 2)), (8_000, (8, 8)), (12_000, (2, 2)), (20_000, (2, 2))] {
                for trailing in [Trailing::Compatible, Trailing::Omit] {
                    let config = EncoderConfig { rate: Rate::PictureBytes(bytes), slices: Some(slices), trailing, ..Default::default() };
                    let mut e = Encoder::new(video, 0, config).unwrap();
                    let k = e.budget.size_scaler;
                    let counts = coefficient_counts(&e, &pic);
                    let coded = e.encode(&pic).unwrap();
                    let mut stream = coded.bytes.clone();
                    stream.extend(e.finish());
                    let e = Encoder::new(video, 0, EncoderConfig { rate: Rate::PictureBytes(bytes), slices: Some(slices), trailing, ..Default::default() }).unwrap();
                    let comps = components(&stream, &e, k, &counts);
                    assert_eq!(comps.len() as u64, 3 * slices.0 * slices.1);
                    let exact = |(n, data, next): &(u64, Vec<u8>, u8)| complete_codes(data) >= *n || (!data.is_empty() && !rate::ffmpeg_unsafe(*next));
                    match trailing {
                        Trailing::Compatible => {
                            for (i, c) in comps.iter().enumerate() {
                                assert!(exact(c), "seed {seed}, {bytes} bytes: slice {} component {}: {} of {} codes, next byte {}", i / 3, i % 3, complete_codes(&c.1), c.0, c.2);
                            }
                            assert!(coded.qindex.iter().all(|&q| !rate::ffmpeg_unsafe(q)));
                        }
                        _ => omit_failures += comps.iter().filter(|c| !exact(c)).count(),
                    }
                    assert_eq!(decoded_pictures(&stream).len(), 1);
                }
            }
        }
        assert!(omit_failures > 0, "the Omit streams never met the condition's failing case");
    }

    #[test]
    fn compatible_costs_equal_coded_sizes() {
        // Random slices at every index: the size the rate control counts is the size coded.
        let mut x = 0x1234_5678_9abc_def1u64;
        let mut next = move || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        let matrix = [4u64, 2, 2, 0, 4, 4, 6];
        let sizes = [4usize, 4, 4, 4, 16, 16, 16];
        for s in 0..200 {
            let scale = 1 + s % 14;
            let comps: [ComponentSlice; 3] = std::array::from_fn(|_| {
                let mut c = ComponentSlice::default();
                for &n in &sizes {
                    // Sparse: most high-band coefficients are small.
                    c.coeffs.extend((0..n).map(|_| if next() % 3 == 0 { ((next() % (1 << scale)) as i64) - (1 << (scale - 1)) } else { 0 }));
                    c.end_band();
                }
                c
            });
            for k in [1u64, 2, 5] {
                let f = rate::SliceFormat { prefix_bytes: 0, size_scaler: k };
                for q in 0..=255u8 {
                    for tr in [Trailing::Code, Trailing::Omit, Trailing::Compatible] {
                        let qc = rate::coded_index(q, tr);
                        let units: Vec<u64> = (0..3).map(|i| rate::component_units(code_component(&comps[i], qc, &matrix, tr).len() as u64, k, i, tr)).collect();
                        let coded = units.iter().all(|&u| u <= 255).then(|| 4 + k * units.iter().sum::<u64>());
                        assert_eq!(rate::slice_bytes(&comps, q, &matrix, &f, tr), coded, "slice {s} q {q} k {k} {tr:?}");
                        if tr == Trailing::Compatible {
                            assert!(!rate::ffmpeg_unsafe(qc) && units.iter().all(|&u| u >= 1) && units[1..].iter().all(|&u| u > 255 || !rate::ffmpeg_unsafe(u as u8)));
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn bad_options_are_clear_errors() {
        let video = header::default_video_parameters(64, 36, ChromaFormat::C420, 8, false, (25, 1));
        let err = |c: EncoderConfig| Encoder::new(video, 0, c).unwrap_err().to_string();
        assert!(err(EncoderConfig { slices: Some((3, 1)), ..Default::default() }).contains("do not divide"));
        assert!(err(EncoderConfig { rate: Rate::PictureBytes(20), ..Default::default() }).contains("at least"));
        assert!(err(EncoderConfig { quant_matrix: Some(vec![1, 2]), ..Default::default() }).contains("values"));
        let t = TransformParams { wavelet_index: 1, wavelet_index_ho: 1, dwt_depth: 6, dwt_depth_ho: 0 };
        assert!(err(EncoderConfig { transform: t, ..Default::default() }).contains("default quantisation matrix"));
        let mut e = Encoder::new(video, 0, EncoderConfig::default()).unwrap();
        let wrong = test_picture(64, 36, ChromaFormat::C422, 8, 1);
        assert!(e.encode(&wrong).unwrap_err().to_string().contains("component 1"));
        let mut deep = test_picture(64, 36, ChromaFormat::C420, 8, 1);
        deep.planes[0].data[5] = 300;
        assert!(e.encode(&deep).unwrap_err().to_string().contains("exceeds 8 bits"));
    }
}
