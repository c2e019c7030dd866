//! Raw planar pictures: Y, then C1 (Cb), then C2 (Cr), each row-major; samples of up to 8
//! bits take one byte, deeper samples two bytes little-endian (FFmpeg's `yuv422p10le` etc.,
//! and the layout of the VC-2 conformance suite's `picture_N.raw` files).

use super::to_io;
use crate::error::{Error, ErrorKind, Position, Result};
use crate::params::{ChromaFormat, Limits, MAX_DEPTH};
use crate::picture::{Picture, Plane};
use std::io::{self, Read, Write};

/// Most bytes read ahead of what the input has shown it holds: buffers grow by at most this
/// much beyond the data actually read, so a short input is found before a large allocation.
const CHUNK: usize = 1 << 20;

/// Bytes per sample for a bit depth.
pub fn bytes_per_sample(depth: u32) -> usize {
    if depth <= 8 {
        1
    } else {
        2
    }
}

/// Serialises one plane.
pub fn plane_bytes(p: &Plane, out: &mut Vec<u8>) {
    if bytes_per_sample(p.depth) == 1 {
        out.extend(p.data.iter().map(|&v| v as u8));
    } else {
        let start = out.len();
        out.resize(start + p.data.len() * 2, 0);
        for (c, v) in out[start..].chunks_exact_mut(2).zip(&p.data) {
            c.copy_from_slice(&v.to_le_bytes());
        }
    }
}

/// Serialises a picture.
pub fn picture_bytes(p: &Picture) -> Vec<u8> {
    let mut out = Vec::new();
    for plane in &p.planes {
        plane_bytes(plane, &mut out);
    }
    out
}

/// Writes a picture.
pub fn write_picture<W: Write>(w: &mut W, p: &Picture) -> io::Result<()> {
    w.write_all(&picture_bytes(p))
}

/// The shape and byte size of raw planar pictures, checked: width and height non-zero and
/// within the [`Limits`], even where the chroma format subsamples (4:2:2 width, 4:2:0 width
/// and height), bit depth 1 to [`MAX_DEPTH`], and every size computed without overflow.
/// Only [`Layout::new`] makes one, so every `Layout` has passed those checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Layout {
    width: usize,
    height: usize,
    chroma: ChromaFormat,
    depth: u32,
    /// Bytes of one plane of each component (Y, Cb, Cr).
    plane_bytes: [usize; 3],
    /// Bytes of one picture.
    bytes: usize,
}

impl Layout {
    /// Checks a picture shape (see [`Layout`]) and computes its sizes.
    pub fn new(width: usize, height: usize, chroma: ChromaFormat, depth: u32, limits: &Limits) -> Result<Layout> {
        check_depth(depth)?;
        let luma = plane_len(width, height, depth, limits)?;
        let bad = |what, value: usize, why| Error::new(ErrorKind::BadValue { what, value: value as u64, why });
        match chroma {
            ChromaFormat::C444 => {}
            ChromaFormat::C422 if !width.is_multiple_of(2) => return Err(bad("picture width", width, "4:2:2 chroma is half as wide as luma, so the width must be even")),
            ChromaFormat::C420 if !width.is_multiple_of(2) => return Err(bad("picture width", width, "4:2:0 chroma is half as wide as luma, so the width must be even")),
            ChromaFormat::C420 if !height.is_multiple_of(2) => {
                return Err(bad("picture height", height, "4:2:0 chroma is half as high as luma, so the height must be even"))
            }
            ChromaFormat::C422 | ChromaFormat::C420 => {}
        }
        let (cw, ch) = chroma_size(width, height, chroma);
        let c = plane_len(cw, ch, depth, limits)?;
        let bytes = c.checked_mul(2).and_then(|c2| c2.checked_add(luma)).ok_or_else(|| too_big(width, height))?;
        Ok(Layout { width, height, chroma, depth, plane_bytes: [luma, c, c], bytes })
    }

    /// Bytes of one picture.
    pub fn bytes(&self) -> usize {
        self.bytes
    }

    /// Width and height of each plane (Y, Cb, Cr).
    pub fn plane_sizes(&self) -> [(usize, usize); 3] {
        let c = chroma_size(self.width, self.height, self.chroma);
        [(self.width, self.height), c, c]
    }

    /// What one picture holds, for error messages: "24 bytes of samples (4x2 4:2:2 10-bit)".
    pub fn describe(&self) -> String {
        format!("{} bytes of samples ({}x{} {} {}-bit)", self.bytes, self.width, self.height, self.chroma.name(), self.depth)
    }

    /// A picture from exactly [`Layout::bytes`] bytes, `number` its picture number; an error
    /// (at `offset`, the stream position of `bytes`) if a sample exceeds the bit depth.
    pub fn picture(&self, bytes: &[u8], number: u32, offset: Option<u64>) -> Result<Picture> {
        if bytes.len() != self.bytes {
            return Err(Error::new(ErrorKind::BadPictureFile(format!("{} bytes given for a picture of {}", bytes.len(), self.describe()))));
        }
        let mut rest = bytes;
        let mut at = offset;
        let mut plane = |k: usize| {
            let (w, h) = self.plane_sizes()[k];
            let (mine, next) = rest.split_at(self.plane_bytes[k]);
            rest = next;
            let p = plane_from_bytes(mine, w, h, self.depth, at);
            at = at.map(|o| o + mine.len() as u64);
            p
        };
        Ok(Picture { picture_number: number, planes: [plane(0)?, plane(1)?, plane(2)?] })
    }
}

fn chroma_size(width: usize, height: usize, chroma: ChromaFormat) -> (usize, usize) {
    let (sx, sy) = chroma.shifts();
    (width >> sx, height >> sy)
}

/// Sizes whose byte count overflows `usize` (reachable only with limits above the default).
fn too_big(width: usize, height: usize) -> Error {
    Error::new(ErrorKind::BadPictureFile(format!("a {width}x{height} picture has more bytes than this machine can address")))
}

fn check_depth(depth: u32) -> Result<()> {
    if depth == 0 || depth > MAX_DEPTH {
        return Err(Error::new(ErrorKind::BadValue { what: "bit depth", value: depth as u64, why: "must be 1 to 16" }));
    }
    Ok(())
}

/// Bytes of a plane, after checking its size is non-zero and within `limits`.
fn plane_len(width: usize, height: usize, depth: u32, limits: &Limits) -> Result<usize> {
    let zero = |what, why| Error::new(ErrorKind::BadValue { what, value: 0, why });
    if width == 0 {
        return Err(zero("picture width", "a picture needs at least one sample per line"));
    }
    if height == 0 {
        return Err(zero("picture height", "a picture needs at least one line"));
    }
    if width as u64 > limits.max_width || height as u64 > limits.max_height {
        return Err(Error::new(ErrorKind::PictureTooLarge { width: width as u64, height: height as u64, max_width: limits.max_width, max_height: limits.max_height }));
    }
    width.checked_mul(height).and_then(|n| n.checked_mul(bytes_per_sample(depth))).ok_or_else(|| too_big(width, height))
}

/// Samples from their bytes; an error (at `offset`, if known) if one exceeds the bit depth.
fn plane_from_bytes(bytes: &[u8], width: usize, height: usize, depth: u32, offset: Option<u64>) -> Result<Plane> {
    let data: Vec<u16> =
        if bytes_per_sample(depth) == 1 { bytes.iter().map(|&b| b as u16).collect() } else { bytes.chunks_exact(2).map(|c| u16::from_le_bytes([c[0], c[1]])).collect() };
    let max = ((1u32 << depth) - 1) as u16;
    if let Some(i) = data.iter().position(|&v| v > max) {
        let e = ErrorKind::BadPictureFile(format!("sample value {} exceeds the {depth}-bit range (0 to {max})", data[i]));
        return Err(match offset {
            Some(o) => Error::at(e, Position { byte: o + (i * bytes_per_sample(depth)) as u64, bit: 7 }),
            None => Error::new(e),
        });
    }
    Ok(Plane { width, height, depth, data })
}

/// Reads up to `len` bytes into `buf` (replacing its contents), short only at the end of the
/// input; the bytes read. `buf` grows with the data actually read, at most 1 MiB beyond it,
/// so a size claimed by a header costs no more memory than the input backs. Interrupted
/// reads are retried.
pub fn read_bounded<R: Read>(r: &mut R, len: usize, buf: &mut Vec<u8>) -> io::Result<usize> {
    buf.clear();
    while buf.len() < len {
        let mut filled = buf.len();
        buf.resize(filled + (len - filled).min(CHUNK), 0);
        while filled < buf.len() {
            match r.read(&mut buf[filled..]) {
                Ok(0) => {
                    buf.truncate(filled);
                    return Ok(filled);
                }
                Ok(n) => filled += n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
    }
    Ok(buf.len())
}

/// Reads one raw planar picture of `layout` (numbered `number`); `Ok(None)` at a clean end of
/// input. A picture cut short is an error naming the bytes expected and found.
pub fn read_picture<R: Read>(r: &mut R, layout: &Layout, number: u32) -> io::Result<Option<Picture>> {
    let mut buf = Vec::new();
    match read_bounded(r, layout.bytes, &mut buf)? {
        0 => Ok(None),
        n if n < layout.bytes => {
            Err(to_io(Error::new(ErrorKind::Truncated { what: format!("raw picture {number}").into(), expected: layout.describe().into(), found: n as u64 })))
        }
        _ => layout.picture(&buf, number, None).map(Some).map_err(to_io),
    }
}

/// Reads one plane of the given shape; `Ok(None)` at a clean end of input. The shape is
/// checked first (non-zero, within the default [`Limits`], depth 1 to [`MAX_DEPTH`]); a plane
/// cut short is an error naming the bytes expected and found.
pub fn read_plane<R: Read>(r: &mut R, width: usize, height: usize, depth: u32) -> io::Result<Option<Plane>> {
    check_depth(depth).map_err(to_io)?;
    let len = plane_len(width, height, depth, &Limits::default()).map_err(to_io)?;
    let mut buf = Vec::new();
    match read_bounded(r, len, &mut buf)? {
        0 => Ok(None),
        n if n < len => {
            let expected = format!("{len} bytes of samples ({width}x{height} {depth}-bit)");
            Err(to_io(Error::new(ErrorKind::Truncated { what: "raw plane".into(), expected: expected.into(), found: n as u64 })))
        }
        _ => plane_from_bytes(&buf, width, height, depth, None).map(Some).map_err(to_io),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::model_error;

    fn kind(e: &io::Error) -> ErrorKind {
        model_error(e).unwrap_or_else(|| panic!("not a content error: {e}")).kind.clone()
    }

    #[test]
    fn layouts_refuse_zero_huge_and_odd_sizes() {
        let l = Limits::default();
        let ok = Layout::new(6, 4, ChromaFormat::C420, 10, &l).unwrap();
        assert_eq!((ok.plane_bytes, ok.bytes, ok.plane_sizes()), ([48, 12, 12], 72, [(6, 4), (3, 2), (3, 2)]));
        assert_eq!(ok.describe(), "72 bytes of samples (6x4 4:2:0 10-bit)");
        assert_eq!(Layout::new(16384, 16384, ChromaFormat::C444, 16, &l).unwrap().bytes(), 3 << 29);
        // Odd sizes where the format allows them.
        assert!(Layout::new(7, 5, ChromaFormat::C444, 8, &l).is_ok());
        assert!(Layout::new(8, 5, ChromaFormat::C422, 8, &l).is_ok());
        let bad = |w, h, c, d| Layout::new(w, h, c, d, &l).unwrap_err().kind;
        assert!(matches!(bad(0, 4, ChromaFormat::C444, 8), ErrorKind::BadValue { what: "picture width", value: 0, .. }));
        assert!(matches!(bad(4, 0, ChromaFormat::C444, 8), ErrorKind::BadValue { what: "picture height", value: 0, .. }));
        assert!(matches!(bad(16385, 4, ChromaFormat::C444, 8), ErrorKind::PictureTooLarge { width: 16385, max_width: 16384, .. }));
        assert!(matches!(bad(4, 16385, ChromaFormat::C444, 8), ErrorKind::PictureTooLarge { height: 16385, .. }));
        assert!(matches!(bad(usize::MAX, usize::MAX, ChromaFormat::C422, 10), ErrorKind::PictureTooLarge { .. }));
        assert!(matches!(bad(7, 4, ChromaFormat::C422, 10), ErrorKind::BadValue { what: "picture width", value: 7, .. }));
        assert!(matches!(bad(7, 4, ChromaFormat::C420, 10), ErrorKind::BadValue { what: "picture width", value: 7, .. }));
        assert!(matches!(bad(8, 5, ChromaFormat::C420, 10), ErrorKind::BadValue { what: "picture height", value: 5, .. }));
        assert!(bad(7, 4, ChromaFormat::C422, 10).to_string().contains("4:2:2 chroma is half as wide as luma, so the width must be even"));
        assert!(matches!(bad(4, 4, ChromaFormat::C444, 0), ErrorKind::BadValue { what: "bit depth", value: 0, .. }));
        assert!(matches!(bad(4, 4, ChromaFormat::C444, 17), ErrorKind::BadValue { what: "bit depth", value: 17, .. }));
        // Limits above the default: the byte count is checked arithmetic, not an overflow.
        let huge = Limits { max_width: u64::MAX, max_height: u64::MAX };
        assert!(matches!(Layout::new(usize::MAX / 2, 4, ChromaFormat::C444, 16, &huge).unwrap_err().kind, ErrorKind::BadPictureFile(_)));
    }

    #[test]
    fn pictures_round_trip_and_truncation_says_how_much() {
        let l = Layout::new(4, 2, ChromaFormat::C422, 10, &Limits::default()).unwrap();
        let p = crate::picture::test_pattern(4, 2, ChromaFormat::C422, 10, 7);
        let bytes = picture_bytes(&p);
        assert_eq!(bytes.len(), l.bytes());
        let mut r = &bytes[..];
        assert_eq!(read_picture(&mut r, &l, p.picture_number).unwrap().unwrap(), p);
        assert!(read_picture(&mut r, &l, 1).unwrap().is_none(), "a clean end");
        let e = read_picture(&mut &bytes[..13], &l, 0).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::UnexpectedEof);
        assert_eq!(e.to_string(), "raw picture 0 truncated: expected 32 bytes of samples (4x2 4:2:2 10-bit), found 13 bytes");
        // A sample beyond the bit depth.
        let mut over = bytes.clone();
        over[1] = 0x04; // sample 0 becomes >= 1024
        let e = read_picture(&mut &over[..], &l, 0).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::InvalidData);
        assert!(e.to_string().contains("exceeds the 10-bit range"), "{e}");
    }

    #[test]
    fn planes_check_their_shape_before_allocating() {
        // The old reader multiplied these unchecked ("capacity overflow" / overflow panic).
        let e = read_plane(&mut &[0u8; 4][..], usize::MAX, usize::MAX, 10).unwrap_err();
        assert!(matches!(kind(&e), ErrorKind::PictureTooLarge { .. }), "{e}");
        assert!(matches!(kind(&read_plane(&mut &[0u8; 4][..], 100_000, 100_000, 10).unwrap_err()), ErrorKind::PictureTooLarge { .. }));
        assert!(matches!(kind(&read_plane(&mut &[0u8; 4][..], 0, 2, 8).unwrap_err()), ErrorKind::BadValue { value: 0, .. }));
        assert!(matches!(kind(&read_plane(&mut &[0u8; 4][..], 2, 2, 32).unwrap_err()), ErrorKind::BadValue { what: "bit depth", .. }));
        let e = read_plane(&mut &[1u8, 0, 2][..], 2, 1, 10).unwrap_err();
        assert_eq!(e.to_string(), "raw plane truncated: expected 4 bytes of samples (2x1 10-bit), found 3 bytes");
        assert!(matches!(kind(&e), ErrorKind::Truncated { found: 3, .. }));
        assert_eq!(read_plane(&mut &[1u8, 0, 2, 0][..], 2, 1, 10).unwrap().unwrap().data, vec![1, 2]);
        assert!(read_plane(&mut &[][..], 2, 1, 10).unwrap().is_none());
        // The largest plane over a short input: an error, and no 512 MiB buffer first.
        let mut buf = Vec::new();
        assert_eq!(read_bounded(&mut &[5u8; 10][..], 16384 * 16384 * 2, &mut buf).unwrap(), 10);
        assert!(buf.capacity() <= 2 * CHUNK, "buffer grew to {} bytes for 10 bytes of input", buf.capacity());
    }

    /// A reader that is interrupted before every read and returns a byte at a time.
    struct Stuttering<'a>(&'a [u8], bool);

    impl Read for Stuttering<'_> {
        fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
            self.1 = !self.1;
            if self.1 {
                return Err(io::Error::new(io::ErrorKind::Interrupted, "again"));
            }
            let n = self.0.len().min(out.len()).min(1);
            out[..n].copy_from_slice(&self.0[..n]);
            self.0 = &self.0[n..];
            Ok(n)
        }
    }

    #[test]
    fn bounded_reads_retry_interrupts_and_gather_short_reads() {
        let data: Vec<u8> = (0..50).collect();
        let mut buf = Vec::new();
        assert_eq!(read_bounded(&mut Stuttering(&data, false), 40, &mut buf).unwrap(), 40);
        assert_eq!(buf, data[..40]);
        assert_eq!(read_bounded(&mut Stuttering(&data, false), 60, &mut buf).unwrap(), 50);
        assert_eq!(buf, data);
    }
}
