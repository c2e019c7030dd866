//! Hand-built VC-2 streams for tests that need exact control of the syntax: a bit writer
//! with the standard's exp-Golomb code, and builders for sequence headers, grey HQ
//! pictures and whole streams with correct parse offsets.

/// MSB-first bit writer.
#[derive(Default)]
pub struct BitWriter {
    bytes: Vec<u8>,
    bits: u32,
}

impl BitWriter {
    /// Appends one bit.
    pub fn bit(&mut self, b: bool) {
        if self.bits.is_multiple_of(8) {
            self.bytes.push(0);
        }
        if b {
            let last = self.bytes.last_mut().unwrap();
            *last |= 0x80 >> (self.bits % 8);
        }
        self.bits += 1;
    }
    /// Appends `n` bits of `v`, MSB first.
    pub fn nbits(&mut self, v: u64, n: u32) {
        for i in (0..n).rev() {
            self.bit((v >> i) & 1 == 1);
        }
    }
    /// (A.4.3) interleaved exp-Golomb unsigned integer.
    pub fn uint(&mut self, v: u64) {
        let x = v as u128 + 1;
        let n = 127 - x.leading_zeros(); // bits after the leading 1
        for i in (0..n).rev() {
            self.bit(false);
            self.bit((x >> i) & 1 == 1);
        }
        self.bit(true);
    }
    /// (A.4.4) signed exp-Golomb.
    pub fn sint(&mut self, v: i64) {
        self.uint(v.unsigned_abs());
        if v != 0 {
            self.bit(v < 0);
        }
    }
    /// Pads to a byte boundary with zeros.
    pub fn align(&mut self) {
        self.bits = self.bytes.len() as u32 * 8;
    }
    /// The bytes written (padded).
    pub fn into_bytes(self) -> Vec<u8> {
        self.bytes
    }
}

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
    w.uint(s.major_version);
    w.uint(0);
    w.uint(s.profile);
    w.uint(0); // level
    w.uint(s.base_video_format);
    match s.size {
        Some((fw, fh)) => {
            w.bit(true);
            w.uint(fw);
            w.uint(fh);
        }
        None => w.bit(false),
    }
    match s.chroma {
        Some(c) => {
            w.bit(true);
            w.uint(c);
        }
        None => w.bit(false),
    }
    for _ in 0..3 {
        w.bit(false); // scan format, frame rate, pixel aspect ratio: base format's
    }
    match s.size {
        // A custom frame size needs a clean area that fits it (11.4.8).
        Some((fw, fh)) => {
            w.bit(true);
            for v in [fw, fh, 0, 0] {
                w.uint(v);
            }
        }
        None => w.bit(false),
    }
    w.bit(false); // signal range
    w.bit(false); // colour spec
    w.uint(s.picture_coding_mode);
    w.into_bytes()
}

/// An HQ picture payload whose slices carry qindex 0 and empty components (a grey picture).
pub fn grey_hq_picture(picture_number: u32, wavelet: u64, depth: u64, slices: (u64, u64), major_version: u64) -> Vec<u8> {
    let mut w = BitWriter::default();
    w.nbits(picture_number as u64, 32);
    w.uint(wavelet);
    w.uint(depth);
    if major_version >= 3 {
        w.bit(false);
        w.bit(false);
    }
    w.uint(slices.0);
    w.uint(slices.1);
    w.uint(0); // slice_prefix_bytes
    w.uint(1); // slice_size_scaler
    w.bit(false); // default quantisation matrix
    w.align();
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
