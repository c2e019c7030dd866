//! The job formats shared by the driver and the device: 64-byte submission descriptors and
//! 16-byte completion entries (little-endian 64-bit words, as the device's AXI4 master
//! reads and writes them), the operations and the status codes.
//!
//! [`check`] is the specification of the device's descriptor checks: the RTL
//! (`rtl/src/blocks/job_engine.rs`) refuses exactly the descriptors it refuses, with the same
//! status, so that a job can only touch the buffers its descriptor names.
//!
//! **Descriptor** (one SQ entry, eight words):
//!
//! | word | bits | field |
//! |---|---|---|
//! | 0 | 7:0 | operation ([`Op`]) |
//! | 0 | 31:8 | reserved, 0 |
//! | 0 | 63:32 | tag, returned in the completion |
//! | 1 | 31:0 | sample count `n` |
//! | 1 | 63:32 | reserved, 0 |
//! | 2 | 47:0 | source buffer I/O virtual address, 8-byte aligned (63:48 reserved, 0) |
//! | 3 | 39:0 | source buffer length in bytes (63:40 reserved, 0) |
//! | 4 | 47:0 | destination buffer I/O virtual address, 8-byte aligned (63:48 reserved, 0) |
//! | 5 | 39:0 | destination buffer length in bytes (63:40 reserved, 0) |
//! | 6 | 47:0 | [`Op::DecodeHq`]: its parameter block's I/O virtual address, 8-byte aligned (63:48 reserved, 0); other operations: reserved, 0 |
//! | 7 | 31:0 | [`Op::DecodeHq`]: the coefficient count `m` (63:32 reserved, 0); other operations: reserved, 0 |
//!
//! **Completion** (one CQ entry, two words): word 0 = tag (31:0), status (39:32), the
//! device's SQ head after this job (63:48); word 1 = the job's clocks from descriptor fetch
//! to completion, saturating (31:0), and the phase bit (63), which the device inverts each
//! time it wraps around the queue (1 on the first pass), so that software recognises new
//! entries without reading a register.

/// Bytes per descriptor.
pub const DESCRIPTOR_BYTES: usize = 64;
/// Bytes per completion entry.
pub const COMPLETION_BYTES: usize = 16;

/// What a job does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Op {
    /// Nothing: the device only writes a completion (buffers are not checked).
    Nop = 0,
    /// `n` 16-bit little-endian samples (each 0..=1023) from the source become
    /// `ceil(10 n / 8)` bytes of MSB-first 10-bit packing in the destination
    /// (`uhdpipe_model::pack::pack10`).
    Pack10 = 1,
    /// The inverse: `ceil(10 n / 8)` packed bytes become `n` 16-bit samples
    /// (`uhdpipe_model::pack::unpack10`).
    Unpack10 = 2,
    /// A picture's slices, HQ or LD (the source's first `n` bytes), become its `m` dequantised
    /// coefficients (word 7) in the order `uhdpipe_model::slice::slice_order_coefficients`
    /// gives, each a 32-bit little-endian word ([`coefficient_value`]): bits 22:0 the value
    /// (two's complement), 23 out of range (the value is wrong), 25:24 the component, 29:26
    /// the band, 30 the last of its band's row in the slice, 31 zero; a word of zeros after a
    /// [`Status::SliceData`] error. Word 6 points at the 64-byte parameter block
    /// [`hq_params`] builds. The destination must hold `4 m` bytes.
    DecodeHq = 3,
}

/// A job's outcome (completion word 0, bits 39:32).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Status {
    /// Done.
    Ok = 0,
    /// Unknown operation; nothing was read or written.
    BadOp = 1,
    /// A reserved field is not zero; nothing was read or written.
    BadDescriptor = 2,
    /// A buffer address is not 8-byte aligned; nothing was read or written.
    Alignment = 3,
    /// The job needs more bytes than a buffer's length (the source is read in whole 8-byte
    /// words, so it must cover them); nothing was read or written.
    OutOfBounds = 4,
    /// Reading the source failed (the bus answered with an error); the destination is
    /// undefined.
    ReadError = 5,
    /// Writing the destination failed; it is partly written.
    WriteError = 6,
    /// A source sample of a pack job is above 1023; the destination is written but undefined.
    SampleRange = 7,
    /// A slice of a decode job runs past the picture's data (a header byte or a component
    /// length); the coefficients after it are zero.
    SliceData = 8,
    /// A decode job's coefficient left the device's 23-bit range (a stream no ≤ 12-bit
    /// picture gives); the coefficients are written but some are wrong.
    CoefficientRange = 9,
}

impl Status {
    /// The status with code `code`, if there is one.
    pub fn from_code(code: u8) -> Option<Status> {
        use Status::*;
        [Ok, BadOp, BadDescriptor, Alignment, OutOfBounds, ReadError, WriteError, SampleRange, SliceData, CoefficientRange].into_iter().find(|s| *s as u8 == code)
    }
    /// What it means, for messages.
    pub fn describe(self) -> &'static str {
        match self {
            Status::Ok => "done",
            Status::BadOp => "unknown operation",
            Status::BadDescriptor => "reserved descriptor field not zero",
            Status::Alignment => "buffer address not 8-byte aligned",
            Status::OutOfBounds => "the job does not fit in the buffers its descriptor names",
            Status::ReadError => "reading the source buffer failed",
            Status::WriteError => "writing the destination buffer failed",
            Status::SampleRange => "a sample is above 1023",
            Status::SliceData => "a slice runs past the picture's data",
            Status::CoefficientRange => "a coefficient is beyond the device's 23-bit range",
        }
    }
}

/// A submission descriptor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Descriptor {
    /// The eight words exactly as the device reads them (reserved fields included, so that
    /// tests can send malformed ones).
    pub words: [u64; 8],
}

impl Descriptor {
    /// A well-formed descriptor.
    pub fn new(op: Op, tag: u32, count: u32, src: (u64, u64), dst: (u64, u64)) -> Self {
        Descriptor { words: [op as u64 | (tag as u64) << 32, count as u64, src.0, src.1, dst.0, dst.1, 0, 0] }
    }
    /// A well-formed [`Op::DecodeHq`] descriptor: `bytes` slice bytes in `src`, `coefficients`
    /// out to `dst`, the parameter block at `params` (an I/O virtual address).
    pub fn decode_hq(tag: u32, bytes: u32, coefficients: u32, src: (u64, u64), dst: (u64, u64), params: u64) -> Self {
        Descriptor { words: [Op::DecodeHq as u64 | (tag as u64) << 32, bytes as u64, src.0, src.1, dst.0, dst.1, params, coefficients as u64] }
    }
    /// The 64 bytes.
    pub fn to_bytes(&self) -> [u8; DESCRIPTOR_BYTES] {
        let mut b = [0u8; DESCRIPTOR_BYTES];
        for (i, w) in self.words.iter().enumerate() {
            b[8 * i..8 * i + 8].copy_from_slice(&w.to_le_bytes());
        }
        b
    }
    /// The tag.
    pub fn tag(&self) -> u32 {
        (self.words[0] >> 32) as u32
    }
}

/// A completion entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Completion {
    /// The descriptor's tag.
    pub tag: u32,
    /// The status code ([`Status::from_code`]).
    pub status: u8,
    /// The device's SQ head after this job.
    pub sq_head: u16,
    /// Clocks the job took (saturating).
    pub cycles: u32,
    /// The phase bit.
    pub phase: bool,
}

impl Completion {
    /// Decodes an entry's two words.
    pub fn from_words(w0: u64, w1: u64) -> Self {
        Completion { tag: w0 as u32, status: (w0 >> 32) as u8, sq_head: (w0 >> 48) as u16, cycles: w1 as u32, phase: w1 >> 63 == 1 }
    }
}

/// Bytes `n` samples take packed ([`Op::Pack10`]'s output): `ceil(10 n / 8)`.
pub fn packed_len(n: u64) -> u64 {
    (10 * n).div_ceil(8)
}

/// What a valid job moves: source words read and destination bytes written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Extent {
    /// 8-byte words read from the source.
    pub read_words: u64,
    /// Bytes written to the destination.
    pub write_bytes: u64,
}

/// The device's descriptor checks, in its order: the status a descriptor completes with
/// before anything is read or written (`Err`), or what the job will move.
pub fn check(d: &Descriptor) -> Result<Extent, Status> {
    let w = &d.words;
    let hq = w[0] & 0xff == Op::DecodeHq as u64;
    let words67 = if hq { w[6] >> 48 != 0 || w[7] >> 32 != 0 } else { w[6] != 0 || w[7] != 0 };
    let reserved = (w[0] >> 8) & 0xff_ffff != 0 || w[1] >> 32 != 0 || w[2] >> 48 != 0 || w[3] >> 40 != 0 || w[4] >> 48 != 0 || w[5] >> 40 != 0 || words67;
    if reserved {
        return Err(Status::BadDescriptor);
    }
    let n = w[1] & 0xffff_ffff;
    let m = w[7] & 0xffff_ffff;
    let (input, output) = match w[0] & 0xff {
        0 => return Ok(Extent { read_words: 0, write_bytes: 0 }),
        1 => (2 * n, packed_len(n)),
        2 => (packed_len(n), 2 * n),
        3 => (n, 4 * m),
        _ => return Err(Status::BadOp),
    };
    if (w[2] | w[4] | if hq { w[6] } else { 0 }) & 7 != 0 {
        return Err(Status::Alignment);
    }
    let read_words = input.div_ceil(8);
    if 8 * read_words > w[3] || output > w[5] {
        return Err(Status::OutOfBounds);
    }
    // A job with nothing to do completes at once (a decode reads its parameters only when
    // it has slices and coefficients).
    if n == 0 || (hq && m == 0) {
        return Ok(Extent { read_words: 0, write_bytes: 0 });
    }
    Ok(Extent { read_words: read_words + if hq { 8 } else { 0 }, write_bytes: output })
}

/// The coefficient an [`Op::DecodeHq`] output word holds (its low 23 bits, sign-extended).
pub fn coefficient_value(word: u32) -> i64 {
    ((word << 9) as i32 >> 9) as i64
}

/// The 64-byte parameter block of an [`Op::DecodeHq`] job, as eight words: slices_x,
/// slices_y, slice_prefix_bytes, slice_size_scaler (16 bits each, word 0); the luma (word 1)
/// and chroma (word 2) walk — padded width / slices_x, its remainder, padded height /
/// slices_y, its remainder (16 bits each); the band count (word 3, bits 4:0); per band `b`
/// its quantisation matrix value (words 4–5, bits `8b+7:8b` of the 128); its width and
/// height shifts (words 6–7, bits `8b+3:8b` and `8b+7:8b+4`). A low-delay picture
/// (`low_delay` = its `slice_bytes_numerator` and `_denominator`, 13.5.3.2) sets word 3's
/// bit 7, puts numerator / denominator in its bits 31:8 and the denominator in 63:32, and
/// the remainder in word 0's bits 63:32 (where an HQ picture's prefix and scaler go). The
/// values `uhdpipe_model::slice::SliceWalk` holds; what does not fit is refused, naming it.
#[allow(clippy::too_many_arguments)]
pub fn hq_params(slices: (u64, u64), prefix_bytes: u64, size_scaler: u64, low_delay: Option<(u64, u64)>, luma: [u64; 4], chroma: [u64; 4], bands: &[(u32, u32, u64)]) -> Result<[u64; 8], String> {
    let f16 = |v: u64, what: &str| if v < 1 << 16 { Ok(v) } else { Err(format!("{what} {v} is above the device's 65535")) };
    if bands.is_empty() || bands.len() > 16 {
        return Err(format!("{} wavelet bands (the device takes 1 to 16: dwt_depth + dwt_depth_ho up to 5)", bands.len()));
    }
    let mut p = [0u64; 8];
    p[0] = f16(slices.0, "slices_x")? | f16(slices.1, "slices_y")? << 16;
    match low_delay {
        None => p[0] |= f16(prefix_bytes, "slice_prefix_bytes")? << 32 | f16(size_scaler, "slice_size_scaler")? << 48,
        Some((numerator, denominator)) => {
            if denominator == 0 || denominator >= 1 << 32 || numerator < denominator {
                return Err(format!("slice_bytes {numerator}/{denominator} (the device takes denominators below 2^32 and slices of at least a byte)"));
            }
            let (q, r) = (numerator / denominator, numerator % denominator);
            if q >= (1 << 24) - 1 {
                return Err(format!("low-delay slices of {q} bytes (the device takes them below 16 MiB)"));
            }
            p[0] |= r << 32;
            p[3] = 1 << 7 | q << 8 | denominator << 32;
        }
    }
    for (k, walk) in [luma, chroma].iter().enumerate() {
        let mut v = 0;
        for (i, &x) in walk.iter().enumerate() {
            v |= f16(x, "a padded picture size")? << (16 * i);
        }
        p[1 + k] = v;
    }
    p[3] |= bands.len() as u64;
    let (mut qm, mut sh) = (0u128, 0u128);
    for (b, &(xs, ys, m)) in bands.iter().enumerate() {
        if m > 255 {
            return Err(format!("quantisation matrix value {m} is above the device's 255"));
        }
        if xs > 15 || ys > 15 {
            return Err("a band shift above 15".into());
        }
        qm |= (m as u128) << (8 * b);
        sh |= ((xs | ys << 4) as u128) << (8 * b);
    }
    p[4] = qm as u64;
    p[5] = (qm >> 64) as u64;
    p[6] = sh as u64;
    p[7] = (sh >> 64) as u64;
    Ok(p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checks_in_order() {
        let ok = Descriptor::new(Op::Pack10, 7, 5, (0x1000, 16), (0x2000, 7));
        assert_eq!(check(&ok), Ok(Extent { read_words: 2, write_bytes: 7 }));
        let mut d = ok;
        d.words[3] = 15; // 10 bytes of input, but the device reads two whole words
        assert_eq!(check(&d), Err(Status::OutOfBounds));
        d.words[2] = 0x1004;
        assert_eq!(check(&d), Err(Status::Alignment));
        d.words[0] = 9;
        assert_eq!(check(&d), Err(Status::BadOp));
        d.words[7] = 1;
        assert_eq!(check(&d), Err(Status::BadDescriptor));
        let nop = Descriptor::new(Op::Nop, 1, 99, (3, 0), (5, 0));
        assert_eq!(check(&nop), Ok(Extent { read_words: 0, write_bytes: 0 }));
        let un = Descriptor::new(Op::Unpack10, 1, 4, (0, 8), (8, 8));
        assert_eq!(check(&un), Ok(Extent { read_words: 1, write_bytes: 8 }));
        // a decode: words 6 and 7 are its own; 9 slice bytes read as two words, plus the
        // parameter block's eight
        let hq = Descriptor::decode_hq(1, 9, 3, (0x100, 16), (0x200, 12), 0x300);
        assert_eq!(check(&hq), Ok(Extent { read_words: 10, write_bytes: 12 }));
        let mut d = hq;
        d.words[5] = 11;
        assert_eq!(check(&d), Err(Status::OutOfBounds));
        d.words[6] = 0x304;
        assert_eq!(check(&d), Err(Status::Alignment));
        d.words[7] |= 1 << 32;
        assert_eq!(check(&d), Err(Status::BadDescriptor));
    }

    #[test]
    fn coefficient_words() {
        assert_eq!(coefficient_value(0x007f_ffff), -1);
        assert_eq!(coefficient_value(0x7f40_0000), -(1 << 22));
        assert_eq!(coefficient_value(0x4fbf_ffff), (1 << 22) - 1);
        assert_eq!(coefficient_value(0x0100_0005), 5);
    }

    #[test]
    fn completion_fields() {
        let c = Completion::from_words(0x0003_0004_dead_beef, 1 << 63 | 1234);
        assert_eq!(c, Completion { tag: 0xdead_beef, status: 4, sq_head: 3, cycles: 1234, phase: true });
        assert_eq!(Status::from_code(4), Some(Status::OutOfBounds));
        assert_eq!(Status::from_code(9), Some(Status::CoefficientRange));
        assert_eq!(Status::from_code(10), None);
    }
}
