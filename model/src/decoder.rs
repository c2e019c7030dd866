//! (10) Stream syntax: sequences of data units, each introduced by a parse info header,
//! decoded into events (sequence headers, pictures, auxiliary data, end of sequence).
//!
//! # Leniency
//! The decoder follows ST 2042-1 and the checks of the BBC's conformance decoder, with one
//! documented exception: an end-of-sequence data unit may carry `next_parse_offset` 13
//! (pointing just past itself) as well as the 0 the standard requires, because FFmpeg's
//! encoder writes 13. Everything else the standard forbids is an error naming the byte
//! offset. Picture numbers must increase by one within a sequence (12.2); a new sequence
//! may start from any number.

use crate::bits::BitReader;
use crate::error::{Error, ErrorKind, Position, Result};
use crate::params::{sequence_header, Limits, SequenceHeader};
use crate::picture::Picture;
use crate::slice::{slice_bytes_used, transform_parameters, PictureAssembler, PictureCoding, SpareBuffers};

/// (10.5.1) Bytes in a parse info header.
pub const PARSE_INFO_HEADER_BYTES: u64 = 13;
/// (10.5.1) `parse_info_prefix`, "BBCD".
pub const PARSE_INFO_PREFIX: u32 = 0x4242_4344;

/// (Table 10.1) Parse codes.
pub mod parse_code {
    /// Sequence header.
    pub const SEQUENCE_HEADER: u8 = 0x00;
    /// End of sequence.
    pub const END_OF_SEQUENCE: u8 = 0x10;
    /// Auxiliary data (0x20–0x27).
    pub const AUXILIARY_DATA: u8 = 0x20;
    /// Padding data.
    pub const PADDING_DATA: u8 = 0x30;
    /// Low-delay picture.
    pub const LD_PICTURE: u8 = 0xC8;
    /// High-quality picture.
    pub const HQ_PICTURE: u8 = 0xE8;
    /// Low-delay picture fragment.
    pub const LD_FRAGMENT: u8 = 0xCC;
    /// High-quality picture fragment.
    pub const HQ_FRAGMENT: u8 = 0xEC;
}

fn is_known_parse_code(c: u8) -> bool {
    use parse_code::*;
    matches!(c, SEQUENCE_HEADER | END_OF_SEQUENCE | PADDING_DATA | LD_PICTURE | HQ_PICTURE | LD_FRAGMENT | HQ_FRAGMENT)
        || (c & 0xF8) == AUXILIARY_DATA
}
/// (Table 10.2) `is_picture`.
fn is_picture(c: u8) -> bool {
    (c & 0x8C) == 0x88
}
/// (Table 10.2) `is_fragment`.
fn is_fragment(c: u8) -> bool {
    (c & 0x0C) == 0x0C
}
/// (Table 10.2) `is_ld`.
fn is_ld(c: u8) -> bool {
    (c & 0xF8) == 0xC8
}
/// (Table 10.2) `using_dc_prediction`.
fn using_dc_prediction(c: u8) -> bool {
    (c & 0x28) == 0x08
}

/// (10.5.1) A parse info header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ParseInfo {
    /// Stream offset of the header.
    pub offset: u64,
    /// parse_code.
    pub parse_code: u8,
    /// next_parse_offset.
    pub next_parse_offset: u32,
    /// previous_parse_offset.
    pub previous_parse_offset: u32,
}

/// What one data unit (or the completion of a fragmented picture) produced.
#[derive(Debug)]
pub enum Event {
    /// A sequence header (the first of each sequence; repeats are checked and not reported).
    SequenceHeader(SequenceHeader),
    /// A decoded picture, with its data unit's stream offset and coded size in bytes
    /// (all fragments' data units for a fragmented picture).
    Picture {
        /// The picture.
        picture: Picture,
        /// Stream offset of the (first) data unit.
        offset: u64,
        /// Coded bytes including parse info headers.
        coded_bytes: u64,
        /// The picture's transform parameters.
        coding: PictureCoding,
        /// Stream byte ranges of the picture's slices: one range per data unit (several for
        /// a fragmented picture), which put end to end are every slice in order — what a
        /// slice decoder (such as the device's) is given.
        slice_data: Vec<std::ops::Range<u64>>,
    },
    /// Auxiliary data (10.4.4): parse code and payload.
    Auxiliary {
        /// Parse code (0x20..=0x27).
        parse_code: u8,
        /// Payload bytes.
        data: Vec<u8>,
    },
    /// A picture whose slices are left to a slice decoder (only from a decoder made
    /// [`Decoder::with_deferred_slices`]): its parameters and where its slices are; the
    /// slices' extents are checked, their contents not.
    CodedPicture(CodedPicture),
    /// Padding data (10.4.5), payload length.
    Padding(u64),
    /// End of a sequence.
    EndOfSequence,
}

/// A picture not yet decoded: what a slice decoder (the device's) and
/// [`crate::slice::picture_from_slice_order`] need.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodedPicture {
    /// picture_number.
    pub picture_number: u32,
    /// The picture's transform parameters.
    pub coding: PictureCoding,
    /// Low-delay profile (LD slices) rather than high quality.
    pub is_ld: bool,
    /// (Table 10.2) `using_dc_prediction`.
    pub dc_prediction: bool,
    /// Stream offset of the (first) data unit.
    pub offset: u64,
    /// Coded bytes including parse info headers.
    pub coded_bytes: u64,
    /// Stream byte ranges of the slices, one per data unit; end to end, every slice in order.
    pub slice_data: Vec<std::ops::Range<u64>>,
}

impl CodedPicture {
    /// The slices' bytes, end to end, from the stream they were parsed from.
    pub fn slice_bytes(&self, stream: &[u8]) -> Vec<u8> {
        let mut v = Vec::with_capacity(self.slice_data.iter().map(|r| (r.end - r.start) as usize).sum());
        for r in &self.slice_data {
            v.extend_from_slice(&stream[r.start as usize..r.end as usize]);
        }
        v
    }
}

struct Fragmented<'a> {
    assembler: PictureAssembler<'a>,
    offset: u64,
    coded_bytes: u64,
    slice_data: Vec<std::ops::Range<u64>>,
}

/// Decoder over a whole stream held in memory.
///
/// Call [`Decoder::next_event`] until it returns `Ok(None)` (the stream ended cleanly
/// after an end of sequence) or an error. An error is final: the stream cannot be
/// resynchronised reliably, and the decoder returns `None` afterwards.
pub struct Decoder<'a> {
    data: &'a [u8],
    pos: u64,
    limits: Limits,
    failed: bool,
    // Sequence state (reset at each sequence start).
    in_sequence: bool,
    seq: Option<SequenceHeader>,
    seq_bytes: Vec<u8>,
    last: Option<ParseInfo>,
    last_picture_number: Option<u32>,
    fragment: Option<Fragmented<'a>>,
    spare: Option<SpareBuffers>,
    recycled: Option<Picture>,
    deferred: bool,
}

impl<'a> Decoder<'a> {
    /// A decoder over `data` with the default [`Limits`].
    pub fn new(data: &'a [u8]) -> Self {
        Decoder {
            data,
            pos: 0,
            limits: Limits::default(),
            failed: false,
            in_sequence: false,
            seq: None,
            seq_bytes: Vec::new(),
            last: None,
            last_picture_number: None,
            fragment: None,
            spare: None,
            recycled: None,
            deferred: false,
        }
    }

    /// A decoder that parses pictures but leaves their slices to a slice decoder: each
    /// picture comes as [`Event::CodedPicture`] (slice extents checked) instead of
    /// [`Event::Picture`].
    pub fn with_deferred_slices(mut self) -> Self {
        self.deferred = true;
        self
    }

    /// Sets the picture size limits (checked before any allocation).
    pub fn with_limits(mut self, limits: Limits) -> Self {
        self.limits = limits;
        self
    }

    /// Gives the decoder coefficient buffers from an earlier decoder (see
    /// [`Decoder::take_buffers`]) so that decoding many short streams does not reallocate.
    pub fn with_buffers(mut self, buffers: Option<SpareBuffers>) -> Self {
        self.spare = buffers;
        self
    }

    /// Takes the decoder's coefficient buffers for reuse by another decoder.
    pub fn take_buffers(&mut self) -> Option<SpareBuffers> {
        self.spare.take()
    }

    /// Returns a picture the caller has finished with, so that the next picture of the same
    /// format is decoded into its memory instead of freshly allocated (and page-faulted) memory.
    pub fn recycle(&mut self, picture: Picture) {
        self.recycled = Some(picture);
    }

    /// The current sequence header, once one has been read.
    pub fn sequence_header(&self) -> Option<&SequenceHeader> {
        self.seq.as_ref()
    }

    /// Stream offset of the next data unit.
    pub fn offset(&self) -> u64 {
        self.pos
    }

    fn err(&self, kind: ErrorKind, byte: u64) -> Error {
        Error::at(kind, Position { byte, bit: 7 })
    }

    /// Decodes up to the next event.
    pub fn next_event(&mut self) -> Result<Option<Event>> {
        if self.failed {
            return Ok(None);
        }
        let r = self.step();
        if r.is_err() {
            self.failed = true;
        }
        r
    }

    fn step(&mut self) -> Result<Option<Event>> {
        loop {
            if self.pos == self.data.len() as u64 {
                if self.in_sequence {
                    return Err(self.err(ErrorKind::UnexpectedEnd("parse info (the stream ends before its end of sequence)"), self.pos));
                }
                return Ok(None);
            }
            let pi = self.parse_info()?;
            if !self.in_sequence {
                // (10.4.1) parse_sequence: a sequence starts with a sequence header.
                if pi.parse_code != parse_code::SEQUENCE_HEADER {
                    return Err(self.err(
                        ErrorKind::BadSequence(format!("a sequence must start with a sequence header, found parse code 0x{:02x}", pi.parse_code)),
                        pi.offset,
                    ));
                }
                self.in_sequence = true;
            }
            if let Some(ev) = self.data_unit(pi)? {
                return Ok(Some(ev));
            }
        }
    }

    /// (10.5.1) `parse_info`, with the consistency checks on both offsets.
    fn parse_info(&mut self) -> Result<ParseInfo> {
        let off = self.pos;
        let rest = &self.data[off as usize..];
        if (rest.len() as u64) < PARSE_INFO_HEADER_BYTES {
            return Err(self.err(ErrorKind::UnexpectedEnd("parse info header (13 bytes)"), off));
        }
        let prefix = u32::from_be_bytes(rest[0..4].try_into().unwrap());
        if prefix != PARSE_INFO_PREFIX {
            return Err(self.err(ErrorKind::BadParseInfoPrefix(prefix), off));
        }
        let code = rest[4];
        if !is_known_parse_code(code) {
            return Err(self.err(ErrorKind::BadParseCode(code), off + 4));
        }
        let next = u32::from_be_bytes(rest[5..9].try_into().unwrap());
        let prev = u32::from_be_bytes(rest[9..13].try_into().unwrap());
        // Offsets chain across sequences (the conformance decoder keeps the last parse
        // info between sequences); a sequence's first unit may also say 0, as a stream
        // made by concatenating files does.
        let actual = self.last.map(|l| off - l.offset);
        if let (Some(last), Some(actual)) = (self.last, actual) {
            if last.next_parse_offset != 0 && last.next_parse_offset as u64 != actual {
                return Err(self.err(ErrorKind::InconsistentNextParseOffset { stated: last.next_parse_offset as u64, actual }, last.offset + 5));
            }
        }
        let prev_ok = match actual {
            Some(a) => prev as u64 == a || (!self.in_sequence && prev == 0),
            None => prev == 0,
        };
        if !prev_ok {
            return Err(self.err(ErrorKind::InconsistentPreviousParseOffset { stated: prev as u64, actual: actual.unwrap_or(0) }, off + 9));
        }
        let n = next as u64;
        if code == parse_code::END_OF_SEQUENCE {
            if n != 0 && n != PARSE_INFO_HEADER_BYTES {
                return Err(self.err(ErrorKind::InvalidNextParseOffset { offset: n, why: "an end of sequence must have next_parse_offset 0 (13 is tolerated)" }, off + 5));
            }
        } else {
            if n == 0 && !(is_picture(code) || is_fragment(code)) {
                return Err(self.err(ErrorKind::InvalidNextParseOffset { offset: 0, why: "only pictures and fragments may omit next_parse_offset" }, off + 5));
            }
            if (1..PARSE_INFO_HEADER_BYTES).contains(&n) {
                return Err(self.err(ErrorKind::InvalidNextParseOffset { offset: n, why: "values 1 to 12 are not allowed" }, off + 5));
            }
            if n > rest.len() as u64 {
                return Err(self.err(
                    ErrorKind::InvalidNextParseOffset { offset: n, why: "points past the end of the stream (truncated stream?)" },
                    off + 5,
                ));
            }
        }
        let pi = ParseInfo { offset: off, parse_code: code, next_parse_offset: next, previous_parse_offset: prev };
        self.last = Some(pi);
        self.pos = off + PARSE_INFO_HEADER_BYTES;
        Ok(pi)
    }

    /// The data unit's payload: up to next_parse_offset when known, else to the stream end.
    fn payload(&self, pi: &ParseInfo) -> &'a [u8] {
        let start = (pi.offset + PARSE_INFO_HEADER_BYTES) as usize;
        let end = if pi.next_parse_offset != 0 { pi.offset as usize + pi.next_parse_offset as usize } else { self.data.len() };
        &self.data[start..end.max(start)]
    }

    fn data_unit(&mut self, pi: ParseInfo) -> Result<Option<Event>> {
        let code = pi.parse_code;
        let body_off = pi.offset + PARSE_INFO_HEADER_BYTES;
        if code == parse_code::END_OF_SEQUENCE {
            if let Some(f) = &self.fragment {
                return Err(self.err(
                    ErrorKind::BadSequence(format!(
                        "sequence ends inside a fragmented picture ({} of {} slices received)",
                        f.assembler.slices_done(),
                        f.assembler.coding().slice_count()
                    )),
                    pi.offset,
                ));
            }
            self.in_sequence = false;
            self.seq = None;
            self.seq_bytes.clear();
            self.last_picture_number = None;
            return Ok(Some(Event::EndOfSequence));
        }
        if code == parse_code::SEQUENCE_HEADER {
            let body = self.payload(&pi);
            let mut r = BitReader::new(body, body_off);
            let sh = sequence_header(&mut r, &self.limits)?;
            let used = &body[..r.aligned_byte_offset()];
            self.pos = body_off + r.aligned_byte_offset() as u64;
            if self.seq.is_some() {
                // (11.1) repeated sequence headers must be identical.
                if used != self.seq_bytes.as_slice() {
                    return Err(self.err(ErrorKind::BadSequence("sequence header changed within a sequence".into()), pi.offset));
                }
                return Ok(None);
            }
            self.seq_bytes = used.to_vec();
            self.seq = Some(sh);
            return Ok(Some(Event::SequenceHeader(sh)));
        }
        if (code & 0xF8) == parse_code::AUXILIARY_DATA || code == parse_code::PADDING_DATA {
            let body = self.payload(&pi);
            self.pos = body_off + body.len() as u64;
            return Ok(Some(if code == parse_code::PADDING_DATA {
                Event::Padding(body.len() as u64)
            } else {
                Event::Auxiliary { parse_code: code, data: body.to_vec() }
            }));
        }
        let seq = self.seq.ok_or_else(|| self.err(ErrorKind::BadSequence("picture before any sequence header".into()), pi.offset))?;
        let profile_ld = seq.parse.profile == 0;
        if profile_ld != is_ld(code) {
            return Err(self.err(
                ErrorKind::BadSequence(format!("parse code 0x{code:02x} is not allowed in the {} profile", if profile_ld { "low-delay" } else { "high-quality" })),
                pi.offset,
            ));
        }
        if is_fragment(code) {
            if seq.parse.major_version < 3 {
                return Err(self.err(ErrorKind::BadSequence("picture fragments need major_version 3".into()), pi.offset));
            }
            return self.fragment_parse(pi, &seq);
        }
        if let Some(f) = &self.fragment {
            return Err(self.err(
                ErrorKind::BadSequence(format!("picture inside a fragmented picture ({} slices still missing)", f.assembler.coding().slice_count() - f.assembler.slices_done())),
                pi.offset,
            ));
        }
        self.picture_parse(pi, &seq).map(Some)
    }

    fn check_picture_number(&mut self, n: u32, at: u64) -> Result<()> {
        if let Some(last) = self.last_picture_number {
            if n != last.wrapping_add(1) {
                return Err(self.err(
                    ErrorKind::BadValue { what: "picture_number", value: n as u64, why: "must be one more than the previous picture's (12.2)" },
                    at,
                ));
            }
        }
        self.last_picture_number = Some(n);
        Ok(())
    }

    /// (12.1) `picture_parse` and (15.2) `picture_decode`.
    fn picture_parse(&mut self, pi: ParseInfo, seq: &SequenceHeader) -> Result<Event> {
        let body = self.payload(&pi);
        let body_off = pi.offset + PARSE_INFO_HEADER_BYTES;
        let mut r = BitReader::new(body, body_off);
        let picture_number = r.read_uint_lit(4, "picture_number")? as u32;
        self.check_picture_number(picture_number, body_off)?;
        let coding = transform_parameters(&mut r, seq.parse.major_version, is_ld(pi.parse_code), self.data.len() as u64)?;
        r.byte_align();
        let start = r.aligned_byte_offset();
        if self.deferred {
            let used = slice_bytes_used(&coding, is_ld(pi.parse_code), &body[start..], body_off + start as u64, 0, coding.slice_count())?;
            let end = body_off + (start + used) as u64;
            self.pos = end;
            return Ok(Event::CodedPicture(CodedPicture {
                picture_number,
                is_ld: is_ld(pi.parse_code),
                dc_prediction: using_dc_prediction(pi.parse_code),
                offset: pi.offset,
                coded_bytes: end - pi.offset,
                slice_data: std::iter::once(body_off + start as u64..end).collect(),
                coding,
            }));
        }
        let mut asm = PictureAssembler::new(seq, coding.clone(), is_ld(pi.parse_code), using_dc_prediction(pi.parse_code), picture_number, self.spare.take());
        let used = asm.decode_slices(&body[start..], body_off + start as u64, 0, coding.slice_count())?;
        let end = body_off + (start + used) as u64;
        self.pos = end;
        let (picture, spare) = asm.finish(Position { byte: body_off, bit: 7 }, self.recycled.take())?;
        self.spare = spare;
        let slice_data = std::iter::once(body_off + start as u64..end).collect();
        Ok(Event::Picture { picture, offset: pi.offset, coded_bytes: end - pi.offset, coding, slice_data })
    }

    /// (14.1) `fragment_parse`.
    fn fragment_parse(&mut self, pi: ParseInfo, seq: &SequenceHeader) -> Result<Option<Event>> {
        let body = self.payload(&pi);
        let body_off = pi.offset + PARSE_INFO_HEADER_BYTES;
        let mut r = BitReader::new(body, body_off);
        // (14.2) fragment_header
        let picture_number = r.read_uint_lit(4, "picture_number")? as u32;
        let _fragment_data_length = r.read_uint_lit(2, "fragment_data_length")?;
        let slice_count = r.read_uint_lit(2, "fragment_slice_count")?;
        if slice_count == 0 {
            if let Some(f) = &self.fragment {
                return Err(self.err(
                    ErrorKind::BadSequence(format!("fragmented picture restarted with {} slices missing", f.assembler.coding().slice_count() - f.assembler.slices_done())),
                    pi.offset,
                ));
            }
            self.check_picture_number(picture_number, body_off)?;
            let coding = transform_parameters(&mut r, seq.parse.major_version, is_ld(pi.parse_code), self.data.len() as u64)?;
            self.pos = body_off + r.aligned_byte_offset() as u64;
            let assembler = PictureAssembler::new(seq, coding, is_ld(pi.parse_code), using_dc_prediction(pi.parse_code), picture_number, self.spare.take());
            self.fragment = Some(Fragmented { assembler, offset: pi.offset, coded_bytes: self.pos - pi.offset, slice_data: Vec::new() });
            return Ok(None);
        }
        let Some(mut f) = self.fragment.take() else {
            return Err(self.err(ErrorKind::BadSequence("picture fragment with slices but no preceding first fragment".into()), pi.offset));
        };
        if picture_number != self.last_picture_number.unwrap_or(picture_number) {
            return Err(self.err(
                ErrorKind::BadValue { what: "picture_number", value: picture_number as u64, why: "changed within a fragmented picture" },
                body_off,
            ));
        }
        let x = r.read_uint_lit(2, "fragment_x_offset")?;
        let y = r.read_uint_lit(2, "fragment_y_offset")?;
        let coding = f.assembler.coding();
        let done = f.assembler.slices_done();
        if slice_count > coding.slice_count() - done {
            return Err(self.err(
                ErrorKind::BadValue { what: "fragment_slice_count", value: slice_count, why: "more slices than the picture has left" },
                body_off + 6,
            ));
        }
        if x != done % coding.slices_x || y != done / coding.slices_x {
            return Err(self.err(
                ErrorKind::BadValue { what: "fragment_x_offset/fragment_y_offset", value: y * coding.slices_x + x, why: "fragments must carry consecutive slices" },
                body_off + 8,
            ));
        }
        let start = r.aligned_byte_offset();
        let used = if self.deferred {
            f.assembler.skip_slices(&body[start..], body_off + start as u64, done, slice_count)?
        } else {
            f.assembler.decode_slices(&body[start..], body_off + start as u64, done, slice_count)?
        };
        self.pos = body_off + (start + used) as u64;
        if used > 0 {
            f.slice_data.push(body_off + start as u64..self.pos);
        }
        f.coded_bytes += self.pos - pi.offset;
        if f.assembler.is_complete() && self.deferred {
            let coding = f.assembler.coding().clone();
            return Ok(Some(Event::CodedPicture(CodedPicture {
                picture_number,
                is_ld: is_ld(pi.parse_code),
                dc_prediction: using_dc_prediction(pi.parse_code),
                offset: f.offset,
                coded_bytes: f.coded_bytes,
                slice_data: f.slice_data,
                coding,
            })));
        }
        if f.assembler.is_complete() {
            let coding = f.assembler.coding().clone();
            let (picture, spare) = f.assembler.finish(Position { byte: body_off, bit: 7 }, self.recycled.take())?;
            self.spare = spare;
            return Ok(Some(Event::Picture { picture, offset: f.offset, coded_bytes: f.coded_bytes, coding, slice_data: f.slice_data }));
        }
        self.fragment = Some(f);
        Ok(None)
    }
}

/// Decodes every picture of a stream held in memory.
pub fn decode_all(data: &[u8]) -> Result<Vec<Picture>> {
    let mut d = Decoder::new(data);
    let mut out = Vec::new();
    while let Some(ev) = d.next_event()? {
        if let Event::Picture { picture, .. } = ev {
            out.push(picture);
        }
    }
    Ok(out)
}
