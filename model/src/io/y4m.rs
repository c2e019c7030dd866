//! YUV4MPEG2 (`.y4m`) reading and writing.
//!
//! Written here rather than taken from the `y4m` crate because that crate neither exposes
//! the interlace field (`I`) nor 9/14-bit tags, both of which VC-2 needs. Supports the
//! colour-space tags FFmpeg reads and writes: `420jpeg`, `420mpeg2`, `420paldv`, `420`,
//! `422`, `444`, each optionally with `p9`, `p10`, `p12`, `p14` or `p16` (samples above 8
//! bits are 16-bit little-endian), and `mono`/`mono16`... (monochrome is refused: VC-2 always
//! has three components).
//!
//! The reader checks the header's sizes before allocating anything (see [`super`]): width
//! and height non-zero, at most the decoder's [`Limits`], even where the chroma format
//! subsamples; frames are read in bounded chunks, so a truncated one is reported with the
//! bytes expected and found.

use super::raw::{read_bounded, Layout};
use super::to_io;
use crate::error::{Error, ErrorKind, Position};
use crate::params::{ChromaFormat, Limits};
use crate::picture::{Picture, Plane};
use std::io::{self, BufRead, Write};

/// Longest header line (stream or frame header) read.
const MAX_LINE: usize = 4096;

/// Interlacing as the `I` tag states it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Interlace {
    /// `Ip`: progressive.
    Progressive,
    /// `It`: interlaced, top field first.
    TopFieldFirst,
    /// `Ib`: interlaced, bottom field first.
    BottomFieldFirst,
    /// `Im`: mixed (per frame); read as progressive frames.
    Mixed,
}

/// A Y4M stream header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    /// Frame width.
    pub width: usize,
    /// Frame height.
    pub height: usize,
    /// Frame rate numerator and denominator (`F`); 25:1 if absent.
    pub frame_rate: (u64, u64),
    /// Interlacing (`I`); progressive if absent.
    pub interlace: Interlace,
    /// Pixel aspect ratio (`A`); 1:1 if absent or 0:0.
    pub pixel_aspect: (u64, u64),
    /// Chroma format.
    pub chroma: ChromaFormat,
    /// Bit depth.
    pub depth: u32,
    /// Colour-range / colour-space hints from `X` tags, verbatim (e.g. `COLORRANGE=LIMITED`).
    pub extensions: Vec<String>,
}

fn invalid(msg: impl Into<String>) -> io::Error {
    to_io(Error::new(ErrorKind::BadPictureFile(msg.into())))
}

fn ratio(v: &str, tag: char) -> io::Result<(u64, u64)> {
    let (a, b) = v.split_once(':').ok_or_else(|| invalid(format!("Y4M tag {tag}{v}: expected N:D")))?;
    let p = |s: &str| s.parse::<u64>().map_err(|_| invalid(format!("Y4M tag {tag}{v}: not a number")));
    Ok((p(a)?, p(b)?))
}

/// The `C` tag for a chroma format and bit depth, if Y4M has one.
pub fn colorspace_tag(chroma: ChromaFormat, depth: u32) -> Option<String> {
    let base = match chroma {
        ChromaFormat::C420 => "420",
        ChromaFormat::C422 => "422",
        ChromaFormat::C444 => "444",
    };
    match depth {
        8 => Some(if chroma == ChromaFormat::C420 { "420jpeg".to_string() } else { base.to_string() }),
        9 | 10 | 12 | 14 | 16 => Some(format!("{base}p{depth}")),
        _ => None,
    }
}

fn parse_colorspace(v: &str) -> io::Result<(ChromaFormat, u32)> {
    let (chroma, rest) = if let Some(r) = v.strip_prefix("420") {
        (ChromaFormat::C420, r)
    } else if let Some(r) = v.strip_prefix("422") {
        (ChromaFormat::C422, r)
    } else if let Some(r) = v.strip_prefix("444") {
        (ChromaFormat::C444, r)
    } else {
        return Err(invalid(format!("Y4M colour space C{v} is not supported (VC-2 needs 4:2:0, 4:2:2 or 4:4:4)")));
    };
    let depth = match rest {
        "" | "jpeg" | "mpeg2" | "paldv" => 8,
        "p9" => 9,
        "p10" => 10,
        "p12" => 12,
        "p14" => 14,
        "p16" => 16,
        _ => return Err(invalid(format!("Y4M colour space C{v} is not supported"))),
    };
    Ok((chroma, depth))
}

impl Header {
    /// Parses the header line (without its newline), refusing sizes the reader cannot take
    /// (see [`Layout`]: zero, beyond the default [`Limits`], odd where chroma subsamples).
    pub fn parse(line: &str) -> io::Result<Header> {
        let mut it = line.split(' ');
        if it.next() != Some("YUV4MPEG2") {
            return Err(invalid("not a Y4M stream: it must start with \"YUV4MPEG2 \""));
        }
        let mut h = Header {
            width: 0,
            height: 0,
            frame_rate: (25, 1),
            interlace: Interlace::Progressive,
            pixel_aspect: (1, 1),
            chroma: ChromaFormat::C420,
            depth: 8,
            extensions: Vec::new(),
        };
        let (mut width, mut height) = (None, None);
        let size = |v: &str, name: &str, tag: char| v.parse::<usize>().map_err(|_| invalid(format!("Y4M {name} {tag}{v}: expected a decimal number")));
        for tok in it.filter(|t| !t.is_empty()) {
            let (tag, v) = tok.split_at(1);
            let tag = tag.chars().next().unwrap_or(' ');
            match tag {
                'W' => width = Some(size(v, "width", 'W')?),
                'H' => height = Some(size(v, "height", 'H')?),
                'F' => h.frame_rate = ratio(v, 'F')?,
                'A' => {
                    let a = ratio(v, 'A')?;
                    if a.0 != 0 && a.1 != 0 {
                        h.pixel_aspect = a;
                    }
                }
                'I' => {
                    h.interlace = match v {
                        "p" | "?" => Interlace::Progressive,
                        "t" => Interlace::TopFieldFirst,
                        "b" => Interlace::BottomFieldFirst,
                        "m" => Interlace::Mixed,
                        _ => return Err(invalid(format!("Y4M interlace tag I{v} is not p, t, b or m"))),
                    }
                }
                'C' => (h.chroma, h.depth) = parse_colorspace(v)?,
                'X' => h.extensions.push(v.to_string()),
                _ => {} // unknown tags are ignored, as the format allows
            }
        }
        h.width = width.ok_or_else(|| invalid("Y4M header has no W (width) tag"))?;
        h.height = height.ok_or_else(|| invalid("Y4M header has no H (height) tag"))?;
        if h.frame_rate.0 == 0 || h.frame_rate.1 == 0 {
            return Err(invalid("Y4M frame rate must be non-zero"));
        }
        h.layout()?;
        Ok(h)
    }

    /// The header line (with its newline).
    pub fn to_line(&self) -> io::Result<String> {
        let cs = colorspace_tag(self.chroma, self.depth)
            .ok_or_else(|| invalid(format!("Y4M cannot carry {}-bit samples (it has tags for 8, 9, 10, 12, 14 and 16 bits): write raw planar instead", self.depth)))?;
        let i = match self.interlace {
            Interlace::Progressive => "p",
            Interlace::TopFieldFirst => "t",
            Interlace::BottomFieldFirst => "b",
            Interlace::Mixed => "m",
        };
        let mut s = format!(
            "YUV4MPEG2 W{} H{} F{}:{} I{} A{}:{} C{}",
            self.width, self.height, self.frame_rate.0, self.frame_rate.1, i, self.pixel_aspect.0, self.pixel_aspect.1, cs
        );
        for x in &self.extensions {
            s.push_str(" X");
            s.push_str(x);
        }
        s.push('\n');
        Ok(s)
    }

    /// Chroma plane dimensions.
    pub fn chroma_size(&self) -> (usize, usize) {
        let (sx, sy) = self.chroma.shifts();
        (self.width >> sx, self.height >> sy)
    }

    /// A frame's layout, checked against the default [`Limits`] (see [`Layout::new`]).
    pub fn layout(&self) -> io::Result<Layout> {
        Layout::new(self.width, self.height, self.chroma, self.depth, &Limits::default()).map_err(to_io)
    }
}

/// Reads a Y4M stream frame by frame.
pub struct Reader<R> {
    r: R,
    header: Header,
    layout: Layout,
    frames: u64,
    /// Bytes consumed so far (the stream position errors report).
    offset: u64,
    /// The bytes of a frame, kept across frames.
    buf: Vec<u8>,
}

impl<R: BufRead> Reader<R> {
    /// Reads and checks the header (see [`Header::parse`]).
    pub fn new(mut r: R) -> io::Result<Self> {
        let what = || "Y4M stream header".to_string();
        let line = read_line(&mut r, MAX_LINE, what, 0)?.ok_or_else(|| {
            let expected = "a line \"YUV4MPEG2 W.. H.. ...\" ending in a newline".into();
            error_at(ErrorKind::Truncated { what: what().into(), expected, found: 0 }, 0)
        })?;
        let header = Header::parse(&line)?;
        let layout = header.layout()?;
        Ok(Reader { r, header, layout, frames: 0, offset: line.len() as u64 + 1, buf: Vec::new() })
    }

    /// The stream header.
    pub fn header(&self) -> &Header {
        &self.header
    }

    /// The next frame, or `None` at a clean end of input. A truncated frame, or a malformed
    /// frame header, is an error at its stream position naming what was expected.
    pub fn next_frame(&mut self) -> io::Result<Option<Picture>> {
        let n = self.frames;
        let header_at = self.offset;
        let Some(line) = read_line(&mut self.r, MAX_LINE, || format!("Y4M frame {n} header"), header_at)? else {
            return Ok(None);
        };
        if line != "FRAME" && !line.starts_with("FRAME ") {
            let found: String = line.chars().take(20).collect();
            return Err(error_at(ErrorKind::BadPictureFile(format!("Y4M frame {n}: expected \"FRAME\", found {found:?}")), header_at));
        }
        self.offset += line.len() as u64 + 1;
        let data_at = self.offset;
        let got = read_bounded(&mut self.r, self.layout.bytes(), &mut self.buf)?;
        if got < self.layout.bytes() {
            return Err(error_at(ErrorKind::Truncated { what: format!("Y4M frame {n}").into(), expected: self.layout.describe().into(), found: got as u64 }, data_at));
        }
        self.offset += got as u64;
        let picture = self.layout.picture(&self.buf, n as u32, Some(data_at)).map_err(to_io)?;
        self.frames += 1;
        Ok(Some(picture))
    }
}

/// A content error at a stream position.
fn error_at(kind: ErrorKind, byte: u64) -> io::Error {
    to_io(Error::at(kind, Position { byte, bit: 7 }))
}

/// One header line without its newline, starting at stream position `offset`; `None` at a
/// clean end of input. A line cut short by the end of input is [`ErrorKind::Truncated`]
/// (`what` names it); one longer than `max` bytes, or not text, is refused.
fn read_line<R: BufRead>(r: &mut R, max: usize, what: impl Fn() -> String, offset: u64) -> io::Result<Option<String>> {
    let mut buf = Vec::new();
    loop {
        let avail = match r.fill_buf() {
            Ok(a) => a,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if avail.is_empty() {
            if buf.is_empty() {
                return Ok(None);
            }
            let found = buf.len() as u64;
            return Err(error_at(ErrorKind::Truncated { what: what().into(), expected: "a line ending in a newline".into(), found }, offset));
        }
        let end = avail.iter().position(|&b| b == b'\n');
        let take = end.unwrap_or(avail.len());
        if buf.len() + take > max {
            return Err(error_at(ErrorKind::BadPictureFile(format!("{} is longer than {max} bytes", what())), offset));
        }
        buf.extend_from_slice(&avail[..take]);
        r.consume(take + end.map_or(0, |_| 1));
        if end.is_some() {
            break;
        }
    }
    let text = String::from_utf8(buf).map_err(|_| error_at(ErrorKind::BadPictureFile(format!("{} is not ASCII text", what())), offset))?;
    Ok(Some(text))
}

/// Writes Y4M frames.
pub struct Writer<W: Write> {
    w: W,
    header: Header,
    started: bool,
}

impl<W: Write> Writer<W> {
    /// A writer; the header is written with the first frame.
    pub fn new(w: W, header: Header) -> io::Result<Self> {
        header.to_line()?; // fail early if Y4M cannot carry this format
        Ok(Writer { w, header, started: false })
    }

    /// The stream header.
    pub fn header(&self) -> &Header {
        &self.header
    }

    /// Writes one frame, which must match the header.
    pub fn write_frame(&mut self, p: &Picture) -> io::Result<()> {
        let h = &self.header;
        let (cw, ch) = h.chroma_size();
        let want = [(h.width, h.height), (cw, ch), (cw, ch)];
        for (plane, (w, hh)) in p.planes.iter().zip(want) {
            if plane.width != w || plane.height != hh || plane.depth != h.depth {
                return Err(invalid(format!(
                    "picture {} is {}x{} at {} bits but the Y4M stream is {}x{} at {} bits (Y4M cannot change format mid-stream)",
                    p.picture_number, plane.width, plane.height, plane.depth, w, hh, h.depth
                )));
            }
        }
        if !self.started {
            self.w.write_all(self.header.to_line()?.as_bytes())?;
            self.started = true;
        }
        self.w.write_all(b"FRAME\n")?;
        let mut buf = Vec::new();
        for plane in &p.planes {
            super::raw::plane_bytes(plane, &mut buf);
        }
        self.w.write_all(&buf)
    }

    /// Flushes and returns the inner writer.
    pub fn finish(mut self) -> io::Result<W> {
        if !self.started {
            self.w.write_all(self.header.to_line()?.as_bytes())?;
        }
        self.w.flush()?;
        Ok(self.w)
    }
}

/// Weaves two fields into a frame: `first` is the earlier field in time; it holds the top
/// lines (even rows) when `top_field_first`.
pub fn weave(first: &Picture, second: &Picture, top_field_first: bool) -> Picture {
    let (top, bottom) = if top_field_first { (first, second) } else { (second, first) };
    let planes: Vec<Plane> = top
        .planes
        .iter()
        .zip(bottom.planes.iter())
        .map(|(t, b)| {
            let mut data = Vec::with_capacity(t.data.len() * 2);
            for y in 0..t.height {
                data.extend_from_slice(t.row(y));
                data.extend_from_slice(b.row(y));
            }
            Plane { width: t.width, height: t.height * 2, depth: t.depth, data }
        })
        .collect();
    Picture { picture_number: first.picture_number / 2, planes: planes.try_into().expect("three planes") }
}

/// Splits a frame into its two fields, earliest first (the inverse of [`weave`]).
pub fn split_fields(frame: &Picture, top_field_first: bool) -> (Picture, Picture) {
    let field = |parity: usize| {
        let planes: Vec<Plane> = frame
            .planes
            .iter()
            .map(|p| {
                let mut data = Vec::with_capacity(p.data.len() / 2);
                for y in (parity..p.height).step_by(2) {
                    data.extend_from_slice(p.row(y));
                }
                Plane { width: p.width, height: p.height / 2, depth: p.depth, data }
            })
            .collect();
        planes.try_into().expect("three planes")
    };
    let (first, second) = if top_field_first { (0, 1) } else { (1, 0) };
    let n = frame.picture_number.wrapping_mul(2);
    (Picture { picture_number: n, planes: field(first) }, Picture { picture_number: n.wrapping_add(1), planes: field(second) })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ffmpeg_style_headers_parse() {
        let h = Header::parse("YUV4MPEG2 W1920 H1080 F50:1 Ip A1:1 C422p10 XYSCSS=422P10 XCOLORRANGE=LIMITED").unwrap();
        assert_eq!((h.width, h.height, h.depth, h.chroma), (1920, 1080, 10, ChromaFormat::C422));
        assert_eq!(h.frame_rate, (50, 1));
        assert_eq!(h.extensions, vec!["YSCSS=422P10", "COLORRANGE=LIMITED"]);
        let h = Header::parse("YUV4MPEG2 W64 H32 F30000:1001 It A0:0 C420jpeg").unwrap();
        assert_eq!((h.interlace, h.depth, h.pixel_aspect), (Interlace::TopFieldFirst, 8, (1, 1)));
        assert_eq!(Header::parse("YUV4MPEG2 W64 H32 C444p12").unwrap().depth, 12);
        assert!(Header::parse("YUV4MPEG2 W64 H32 Cmono").is_err());
        assert!(Header::parse("YUV4MPEG2 W63 H32 C420").is_err());
        assert!(Header::parse("YUV4MPEG W64 H32").is_err());
    }

    #[test]
    fn write_then_read_round_trips() {
        let h = Header::parse("YUV4MPEG2 W4 H2 F25:1 Ib A1:1 C422p10").unwrap();
        let mk = |n: u32| Picture {
            picture_number: n,
            planes: [
                Plane { width: 4, height: 2, depth: 10, data: (0..8).map(|v| v * 100 + n as u16).collect() },
                Plane::filled(2, 2, 10, 512),
                Plane::filled(2, 2, 10, 1023),
            ],
        };
        let mut w = Writer::new(Vec::new(), h.clone()).unwrap();
        w.write_frame(&mk(0)).unwrap();
        w.write_frame(&mk(1)).unwrap();
        let bytes = w.finish().unwrap();
        let mut r = Reader::new(&bytes[..]).unwrap();
        assert_eq!(r.header(), &h);
        assert_eq!(r.next_frame().unwrap().unwrap(), mk(0));
        assert_eq!(r.next_frame().unwrap().unwrap(), mk(1));
        assert!(r.next_frame().unwrap().is_none());
        // Truncated input is an error, not a short frame.
        assert!(Reader::new(&bytes[..bytes.len() - 1]).unwrap().next_frame().is_ok());
        let mut r = Reader::new(&bytes[..bytes.len() - 1]).unwrap();
        r.next_frame().unwrap();
        assert!(r.next_frame().is_err());
    }

    fn kind(e: &io::Error) -> ErrorKind {
        crate::io::model_error(e).unwrap_or_else(|| panic!("not a content error: {e}")).kind.clone()
    }

    fn header_err(line: &str) -> io::Error {
        Header::parse(line).unwrap_err()
    }

    #[test]
    fn absurd_zero_and_odd_sizes_are_refused_in_the_header() {
        // The reproduction of issue 33: this header used to panic the frame reader.
        let e = Reader::new(&b"YUV4MPEG2 W4000000000 H4000000000 F25:1 Ip A1:1 C422p10\nFRAME\n"[..]).err().unwrap();
        assert_eq!(e.kind(), io::ErrorKind::InvalidData);
        assert_eq!(e.to_string(), "picture 4000000000x4000000000 exceeds the decoder limit 16384x16384");
        assert!(matches!(kind(&header_err("YUV4MPEG2 W100000 H100000 C422p10")), ErrorKind::PictureTooLarge { width: 100000, height: 100000, .. }));
        assert!(matches!(kind(&header_err("YUV4MPEG2 W16386 H2 C422p10")), ErrorKind::PictureTooLarge { .. }));
        assert!(Header::parse("YUV4MPEG2 W16384 H16384 C420p16").is_ok(), "the limit itself is accepted");
        let e = header_err("YUV4MPEG2 W99999999999999999999999 H2");
        assert_eq!(e.to_string(), "Y4M width W99999999999999999999999: expected a decimal number");
        assert!(header_err("YUV4MPEG2 W4 H-2").to_string().contains("Y4M height H-2: expected a decimal number"));
        assert!(matches!(kind(&header_err("YUV4MPEG2 W0 H2 C444")), ErrorKind::BadValue { what: "picture width", value: 0, .. }));
        assert!(matches!(kind(&header_err("YUV4MPEG2 W2 H0 C444")), ErrorKind::BadValue { what: "picture height", value: 0, .. }));
        let e = header_err("YUV4MPEG2 W1919 H1080 C422p10");
        assert_eq!(e.to_string(), "picture width = 1919 is invalid: 4:2:2 chroma is half as wide as luma, so the width must be even");
        assert!(matches!(kind(&header_err("YUV4MPEG2 W63 H32 C420jpeg")), ErrorKind::BadValue { what: "picture width", value: 63, .. }));
        assert!(matches!(kind(&header_err("YUV4MPEG2 W64 H31 C420jpeg")), ErrorKind::BadValue { what: "picture height", value: 31, .. }));
        assert!(matches!(kind(&header_err("YUV4MPEG2 W64 H31")), ErrorKind::BadValue { what: "picture height", .. }), "4:2:0 is the default");
        assert!(Header::parse("YUV4MPEG2 W63 H31 C444").is_ok());
        assert!(Header::parse("YUV4MPEG2 W64 H31 C422").is_ok());
    }

    #[test]
    fn bad_and_missing_fields_are_named() {
        for (line, want) in [
            ("YUV4MPEG2 H2 C444", "Y4M header has no W (width) tag"),
            ("YUV4MPEG2 W2 C444", "Y4M header has no H (height) tag"),
            ("YUV4MPEG2 W W2 H2", "Y4M width W: expected a decimal number"),
            ("YUV4MPEG2 W2 H2 C444 F0:1", "Y4M frame rate must be non-zero"),
            ("YUV4MPEG2 W2 H2 C444 F25", "Y4M tag F25: expected N:D"),
            ("YUV4MPEG2 W2 H2 C444 Fx:1", "Y4M tag Fx:1: not a number"),
            ("YUV4MPEG2 W2 H2 C444 Ix", "Y4M interlace tag Ix is not p, t, b or m"),
            ("YUV4MPEG2 W2 H2 Cmono", "Y4M colour space Cmono is not supported"),
            ("YUV4MPEG2 W2 H2 C444p11", "Y4M colour space C444p11 is not supported"),
            ("YUV4MPEG W2 H2", "not a Y4M stream"),
        ] {
            let e = header_err(line);
            assert_eq!(e.kind(), io::ErrorKind::InvalidData, "{line}");
            assert!(e.to_string().contains(want), "{line}: {e}");
            assert!(matches!(kind(&e), ErrorKind::BadPictureFile(_)), "{line}");
        }
        let long = format!("YUV4MPEG2 W2 H2 X{}\n", "a".repeat(5000));
        let e = Reader::new(long.as_bytes()).err().unwrap();
        assert!(e.to_string().contains("Y4M stream header is longer than 4096 bytes"), "{e}");
        let e = Reader::new(&b"YUV4MPEG2 W2 H2 C444 X\xff\n"[..]).err().unwrap();
        assert!(e.to_string().contains("Y4M stream header is not ASCII text"), "{e}");
    }

    #[test]
    fn truncated_headers_say_what_they_lack() {
        let e = Reader::new(&b""[..]).err().unwrap();
        assert_eq!(e.kind(), io::ErrorKind::UnexpectedEof);
        assert!(matches!(kind(&e), ErrorKind::Truncated { found: 0, .. }));
        assert!(e.to_string().starts_with("at byte 0: Y4M stream header truncated: expected a line \"YUV4MPEG2"), "{e}");
        let e = Reader::new(&b"YUV4MPEG2 W4 H2"[..]).err().unwrap();
        assert_eq!(e.to_string(), "at byte 0: Y4M stream header truncated: expected a line ending in a newline, found 15 bytes");
        // A frame header cut short, and one that is not a frame header.
        let mut r = Reader::new(&b"YUV4MPEG2 W2 H2 C444\nFRA"[..]).unwrap();
        let e = r.next_frame().unwrap_err();
        assert_eq!(e.to_string(), "at byte 21: Y4M frame 0 header truncated: expected a line ending in a newline, found 3 bytes");
        let mut r = Reader::new(&b"YUV4MPEG2 W2 H2 C444\nFRAMES\n"[..]).unwrap();
        assert_eq!(r.next_frame().unwrap_err().to_string(), "at byte 21: Y4M frame 0: expected \"FRAME\", found \"FRAMES\"");
        let mut r = Reader::new(&b"YUV4MPEG2 W2 H2 C444\n"[..]).unwrap();
        assert!(r.next_frame().unwrap().is_none(), "no frames is a clean end");
    }

    #[test]
    fn truncated_frames_say_how_much_and_allocate_no_more_than_the_input_backs() {
        let head = b"YUV4MPEG2 W4 H2 F25:1 Ip C422p10\n";
        let mut bytes = head.to_vec();
        bytes.extend_from_slice(b"FRAME\n");
        bytes.extend_from_slice(&[0u8; 32]);
        bytes.extend_from_slice(b"FRAME\n");
        bytes.extend_from_slice(&[0u8; 13]);
        let mut r = Reader::new(&bytes[..]).unwrap();
        assert!(r.next_frame().unwrap().is_some());
        let e = r.next_frame().unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::UnexpectedEof);
        let at = head.len() + 6 + 32 + 6;
        assert_eq!(e.to_string(), format!("at byte {at}: Y4M frame 1 truncated: expected 32 bytes of samples (4x2 4:2:2 10-bit), found 13 bytes"));
        // "FRAME" and nothing after it.
        let mut r = Reader::new(&b"YUV4MPEG2 W4 H2 C444\nFRAME\n"[..]).unwrap();
        assert!(matches!(kind(&r.next_frame().unwrap_err()), ErrorKind::Truncated { found: 0, .. }));
        // The largest frame the limit allows (1.5 GiB) over ten bytes: reported without the
        // buffer growing to the frame's size.
        let mut r = Reader::new(&b"YUV4MPEG2 W16384 H16384 C444p16\nFRAME\n0123456789"[..]).unwrap();
        let e = r.next_frame().unwrap_err();
        assert!(e.to_string().ends_with("Y4M frame 0 truncated: expected 1610612736 bytes of samples (16384x16384 4:4:4 16-bit), found 10 bytes"), "{e}");
        assert!(r.buf.capacity() <= 2 << 20, "the frame buffer grew to {} bytes", r.buf.capacity());
        // A sample beyond the stated depth is reported at its position.
        let mut bytes = b"YUV4MPEG2 W2 H1 C444p10\nFRAME\n".to_vec();
        bytes.extend_from_slice(&[0, 0, 0, 0, 0, 0, 0xff, 0xff, 0, 0, 0, 0]);
        let e = Reader::new(&bytes[..]).unwrap().next_frame().unwrap_err();
        assert_eq!(e.to_string(), "at byte 36: sample value 65535 exceeds the 10-bit range (0 to 1023)");
    }

    #[test]
    fn weave_and_split_are_inverse() {
        let frame = Picture {
            picture_number: 3,
            planes: [
                Plane { width: 2, height: 4, depth: 8, data: (0..8).collect() },
                Plane { width: 1, height: 4, depth: 8, data: (10..14).collect() },
                Plane { width: 1, height: 4, depth: 8, data: (20..24).collect() },
            ],
        };
        for tff in [true, false] {
            let (a, b) = split_fields(&frame, tff);
            assert_eq!(a.planes[0].data, if tff { vec![0, 1, 4, 5] } else { vec![2, 3, 6, 7] });
            assert_eq!(weave(&a, &b, tff), frame);
        }
    }
}
