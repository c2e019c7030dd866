//! `uhdpipe decode`: a VC-2 stream to Y4M or raw planar pictures.

use crate::{Error, Result};
use std::io::Write;
use uhdpipe_model::io::{raw, y4m};
use crate::accel::Accelerator;
use uhdpipe_model::slice::{picture_from_slice_order, SliceWalk};
use uhdpipe_model::{CodedPicture, Decoder, Event, Picture, SequenceHeader};

/// Output file format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputFormat {
    /// YUV4MPEG2; fields are woven into interlaced frames.
    Y4m,
    /// Raw planar, every picture (a field is a picture) in stream order, as the conformance
    /// suite lays out its expected pictures.
    Raw,
}

impl OutputFormat {
    /// The format an output path implies: `.yuv`/`.raw` are raw, anything else (and `-`) Y4M.
    pub fn from_path(path: &str) -> Self {
        let lower = path.to_ascii_lowercase();
        if lower.ends_with(".yuv") || lower.ends_with(".raw") {
            OutputFormat::Raw
        } else {
            OutputFormat::Y4m
        }
    }
}

/// What a decode did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DecodeSummary {
    /// Pictures decoded (fields count singly).
    pub pictures: u64,
    /// Frames written (Y4M: woven field pairs count once).
    pub frames_written: u64,
    /// Sequences seen.
    pub sequences: u64,
    /// Stream bytes.
    pub stream_bytes: u64,
    /// Last sequence header.
    pub last_header: Option<SequenceHeader>,
}

/// The Y4M header for a sequence.
pub fn y4m_header(sh: &SequenceHeader) -> Result<y4m::Header> {
    let v = &sh.video;
    let c = &sh.coding;
    if c.luma_depth != c.color_diff_depth {
        return Err(Error::Usage(format!(
            "the stream's luma is {}-bit and its colour difference {}-bit; Y4M needs one depth: write raw planar (.yuv) instead",
            c.luma_depth, c.color_diff_depth
        )));
    }
    let interlace = match (v.source_sampling, v.top_field_first) {
        (0, _) => y4m::Interlace::Progressive,
        (_, true) => y4m::Interlace::TopFieldFirst,
        (_, false) => y4m::Interlace::BottomFieldFirst,
    };
    let full = v.luma_offset == 0 && v.luma_excursion == (1u64 << c.luma_depth) - 1;
    let h = y4m::Header {
        width: v.frame_width as usize,
        height: v.frame_height as usize,
        frame_rate: (v.frame_rate_numer, v.frame_rate_denom),
        interlace,
        pixel_aspect: (v.pixel_aspect_ratio_numer, v.pixel_aspect_ratio_denom),
        chroma: v.chroma,
        depth: c.luma_depth,
        extensions: vec![format!("COLORRANGE={}", if full { "FULL" } else { "LIMITED" })],
    };
    h.to_line().map_err(|e| Error::Usage(e.to_string()))?;
    Ok(h)
}

#[allow(clippy::large_enum_variant)] // one per decode: size is irrelevant
enum Sink<W: Write> {
    Y4m { writer: Option<y4m::Writer<W>>, out: Option<W>, pending_field: Option<Picture>, fields: bool, tff: bool },
    Raw(W),
}

/// Decodes `data` (named `name` in errors) and writes pictures to `out`. Pictures decoded
/// before an error are written before the error is returned. `progress` is called after
/// every picture with the running count.
pub fn decode_to<W: Write>(data: &[u8], name: &str, out: W, format: OutputFormat, progress: impl FnMut(u64)) -> Result<DecodeSummary> {
    decode_on(data, name, out, format, None, progress)
}

/// Samples the device's slice decoder takes: its coefficients are sized for pictures of up
/// to 12 bits.
pub const DEVICE_MAX_DEPTH: u32 = 12;

/// One picture's slices (HQ or LD) decoded on the device (its slice decoder), then finished on the
/// host as the model finishes a picture (inverse transform, clipping, offset) — until the
/// device's own inverse transform takes that over. Refuses what the device build lacks,
/// naming it.
pub fn device_picture(acc: &Accelerator, seq: &SequenceHeader, cp: &CodedPicture, stream: &[u8]) -> Result<Picture> {
    let depth = seq.coding.luma_depth.max(seq.coding.color_diff_depth);
    if depth > DEVICE_MAX_DEPTH {
        return Err(Error::Usage(format!("this device build decodes pictures of up to {DEVICE_MAX_DEPTH} bits, and the stream's are {depth}-bit: use --backend model")));
    }
    let c = &seq.coding;
    let t = cp.coding.transform;
    let count: usize = [(c.luma_width, c.luma_height), (c.color_diff_width, c.color_diff_height), (c.color_diff_width, c.color_diff_height)]
        .iter()
        .map(|&(w, h)| {
            let (pw, ph) = t.padded_size(w, h);
            pw * ph
        })
        .sum();
    let values = acc.decode_hq_slices(&SliceWalk::new(seq, &cp.coding), &cp.slice_bytes(stream), count)?;
    picture_from_slice_order(seq, &cp.coding, cp.is_ld, cp.dc_prediction, cp.picture_number, &values).map_err(|source| Error::Decode { path: "the device's coefficients".into(), source })
}

/// [`decode_to`], with each picture's slices decoded on `device` when one is given
/// ([`device_picture`]).
pub fn decode_on<W: Write>(
    data: &[u8],
    name: &str,
    out: W,
    format: OutputFormat,
    device: Option<&Accelerator>,
    mut progress: impl FnMut(u64),
) -> Result<DecodeSummary> {
    let out_name = "output";
    let io = |source| Error::Io { path: out_name.to_string(), source };
    let mut sink = match format {
        OutputFormat::Y4m => Sink::Y4m { writer: None, out: Some(out), pending_field: None, fields: false, tff: true },
        OutputFormat::Raw => Sink::Raw(out),
    };
    let mut summary = DecodeSummary { stream_bytes: data.len() as u64, ..Default::default() };
    let mut dec = Decoder::new(data);
    if device.is_some() {
        dec = dec.with_deferred_slices();
    }
    let result: Result<()> = (|| {
        while let Some(ev) = dec.next_event().map_err(|source| Error::Decode { path: name.to_string(), source })? {
            match ev {
                Event::SequenceHeader(sh) => {
                    summary.sequences += 1;
                    summary.last_header = Some(sh);
                    if let Sink::Y4m { writer, out, pending_field, fields, tff } = &mut sink {
                        let h = y4m_header(&sh)?;
                        match writer {
                            Some(w) if w.header() != &h => {
                                return Err(Error::Usage(format!(
                                    "{name}: the picture format changes at sequence {} ({}x{} {} {}-bit); Y4M cannot change format mid-stream: write raw planar (.yuv) instead",
                                    summary.sequences, h.width, h.height, h.chroma.name(), h.depth
                                )))
                            }
                            Some(_) => {}
                            None => *writer = Some(y4m::Writer::new(out.take().expect("output unused"), h).map_err(io)?),
                        }
                        if pending_field.is_some() {
                            return Err(Error::Usage(format!("{name}: a sequence ended after an odd number of fields; Y4M needs field pairs")));
                        }
                        *fields = sh.picture_coding_mode == 1;
                        *tff = sh.video.top_field_first;
                    }
                }
                Event::Picture { picture, .. } => {
                    summary.pictures += 1;
                    emit(&mut sink, &mut summary, picture)?;
                    progress(summary.pictures);
                }
                Event::CodedPicture(cp) => {
                    let seq = *dec.sequence_header().expect("a picture follows a sequence header");
                    let picture = device_picture(device.expect("only a device defers slices"), &seq, &cp, data).map_err(|e| match e {
                        Error::Usage(m) | Error::Backend(m) => Error::Backend(format!("{name}: picture {}: {m}", summary.pictures)),
                        e => e,
                    })?;
                    summary.pictures += 1;
                    emit(&mut sink, &mut summary, picture)?;
                    progress(summary.pictures);
                }
                Event::Auxiliary { .. } | Event::Padding(_) | Event::EndOfSequence => {}
            }
        }
        Ok(())
    })();
    // Flush what was decoded even if the stream then failed.
    finish(sink, result, name, summary)
}

/// Writes a decoded picture to the sink (Y4M weaves field pairs).
fn emit<W: Write>(sink: &mut Sink<W>, summary: &mut DecodeSummary, picture: Picture) -> Result<()> {
    let io = |source| Error::Io { path: "output".to_string(), source };
    match sink {
        Sink::Raw(w) => {
            raw::write_picture(w, &picture).map_err(io)?;
            summary.frames_written += 1;
        }
        Sink::Y4m { writer, pending_field, fields, tff, .. } => {
            let w = writer.as_mut().expect("a picture follows a sequence header");
            if *fields {
                match pending_field.take() {
                    None => *pending_field = Some(picture),
                    Some(first) => {
                        w.write_frame(&y4m::weave(&first, &picture, *tff)).map_err(io)?;
                        summary.frames_written += 1;
                    }
                }
            } else {
                w.write_frame(&picture).map_err(io)?;
                summary.frames_written += 1;
            }
        }
    }
    Ok(())
}

/// Flushes the sink after the decode loop, then reports the loop's result.
fn finish<W: Write>(sink: Sink<W>, result: Result<()>, name: &str, summary: DecodeSummary) -> Result<DecodeSummary> {
    let io = |source| Error::Io { path: "output".to_string(), source };
    let flushed = match sink {
        Sink::Raw(mut w) => w.flush().map_err(io),
        Sink::Y4m { writer: Some(w), pending_field, .. } => {
            w.finish().map_err(io)?;
            if pending_field.is_some() && result.is_ok() {
                return Err(Error::Usage(format!("{name}: the stream ends after an odd number of fields; the last field was not written (Y4M needs field pairs; raw output keeps every field)")));
            }
            Ok(())
        }
        Sink::Y4m { writer: None, .. } => Ok(()),
    };
    result?;
    flushed?;
    Ok(summary)
}
