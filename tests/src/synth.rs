//! Hand-built VC-2 streams for tests that need exact control of the syntax: a bit writer
//! with the standard's exp-Golomb code, and builders for sequence headers, grey HQ
//! pictures and whole streams with correct parse offsets.

pub use uhdpipe_model::bits::BitWriter;

/// Sequence header fields the builders vary.
#[derive(Clone, Debug)]
pub struct Seq {
    /// major_version.
    pub major_version: u64,
    /// 0 = low delay, 3 = high quality.
    pub profile: u64,
    /// Custom frame size, if any.
    pub size: Option<(u64, u64)>,
    /// Custom colour_diff_format_index, if any.
    pub chroma: Option<u64>,
    /// picture_coding_mode.
    pub picture_coding_mode: u64,
    /// base_video_format.
    pub base_video_format: u64,
}

impl Default for Seq {
    fn default() -> Self {
        Seq { major_version: 3, profile: 3, size: Some((64, 32)), chroma: Some(1), picture_coding_mode: 0, base_video_format: 0 }
    }
}

/// A sequence header payload (without parse info).
pub fn sequence_header(s: &Seq) -> Vec<u8> {
    let mut w = BitWriter::default();
    w.write_uint(s.major_version);
    w.write_uint(0);
    w.write_uint(s.profile);
    w.write_uint(0); // level
    w.write_uint(s.base_video_format);
    match s.size {
        Some((fw, fh)) => {
            w.write_bool(true);
            w.write_uint(fw);
            w.write_uint(fh);
        }
        None => w.write_bool(false),
    }
    match s.chroma {
        Some(c) => {
            w.write_bool(true);
            w.write_uint(c);
        }
        None => w.write_bool(false),
    }
    for _ in 0..3 {
        w.write_bool(false); // scan format, frame rate, pixel aspect ratio: base format's
    }
    match s.size {
        // A custom frame size needs a clean area that fits it (11.4.8).
        Some((fw, fh)) => {
            w.write_bool(true);
            for v in [fw, fh, 0, 0] {
                w.write_uint(v);
            }
        }
        None => w.write_bool(false),
    }
    w.write_bool(false); // signal range
    w.write_bool(false); // colour spec
    w.write_uint(s.picture_coding_mode);
    w.into_bytes()
}

/// An HQ picture payload whose slices carry qindex 0 and empty components (a grey picture).
pub fn grey_hq_picture(picture_number: u32, wavelet: u64, depth: u64, slices: (u64, u64), major_version: u64) -> Vec<u8> {
    let mut w = BitWriter::default();
    w.write_nbits(picture_number as u64, 32);
    w.write_uint(wavelet);
    w.write_uint(depth);
    if major_version >= 3 {
        w.write_bool(false);
        w.write_bool(false);
    }
    w.write_uint(slices.0);
    w.write_uint(slices.1);
    w.write_uint(0); // slice_prefix_bytes
    w.write_uint(1); // slice_size_scaler
    w.write_bool(false); // default quantisation matrix
    w.byte_align();
    let mut v = w.into_bytes();
    for _ in 0..slices.0 * slices.1 {
        v.extend_from_slice(&[0, 0, 0, 0]);
    }
    v
}

/// Joins data units `(parse_code, payload)` into a stream with correct next/previous
/// parse offsets (end of sequence gets next_parse_offset 0).
pub fn stream(units: &[(u8, Vec<u8>)]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut prev = 0u32;
    for (code, payload) in units {
        let len = 13 + payload.len() as u32;
        out.extend_from_slice(b"BBCD");
        out.push(*code);
        out.extend_from_slice(&(if *code == 0x10 { 0 } else { len }).to_be_bytes());
        out.extend_from_slice(&prev.to_be_bytes());
        out.extend_from_slice(payload);
        prev = len;
    }
    out
}

/// A one-picture grey HQ stream.
pub fn grey_stream(s: &Seq, wavelet: u64, depth: u64, slices: (u64, u64)) -> Vec<u8> {
    let pictures = if s.picture_coding_mode == 1 { 2 } else { 1 };
    let mut units = vec![(0x00, sequence_header(s))];
    for n in 0..pictures {
        units.push((0xE8, grey_hq_picture(n, wavelet, depth, slices, s.major_version)));
    }
    units.push((0x10, Vec::new()));
    stream(&units)
}

/// Offsets of every parse info in a well-formed stream (walking next_parse_offset, or the
/// prefix search when a picture omits it).
pub fn parse_unit_offsets(data: &[u8]) -> Vec<(usize, u8)> {
    let mut v = Vec::new();
    let mut p = 0usize;
    while p + 13 <= data.len() {
        let code = data[p + 4];
        v.push((p, code));
        let next = u32::from_be_bytes(data[p + 5..p + 9].try_into().unwrap()) as usize;
        if code == 0x10 {
            p += 13;
        } else if next != 0 {
            p += next;
        } else {
            match data[p + 13..].windows(4).position(|w| w == b"BBCD") {
                Some(i) => p += 13 + i,
                None => break,
            }
        }
    }
    v
}
