//! YUV4MPEG2 (`.y4m`) reading and writing.
//!
//! Written here rather than taken from the `y4m` crate because that crate neither exposes
//! the interlace field (`I`) nor 9/14-bit tags, both of which VC-2 needs. Supports the
//! colour-space tags FFmpeg reads and writes: `420jpeg`, `420mpeg2`, `420paldv`, `420`,
//! `422`, `444`, each optionally with `p9`, `p10`, `p12`, `p14` or `p16` (samples above 8
//! bits are 16-bit little-endian), and `mono`/`mono16`... (monochrome is refused: VC-2 always
//! has three components).

use crate::params::ChromaFormat;
use crate::picture::{Picture, Plane};
use std::io::{self, BufRead, Write};

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
    io::Error::new(io::ErrorKind::InvalidData, msg.into())
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
    /// Parses the header line (without its newline).
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
        for tok in it.filter(|t| !t.is_empty()) {
            let (tag, v) = tok.split_at(1);
            let tag = tag.chars().next().unwrap_or(' ');
            match tag {
                'W' => h.width = v.parse().map_err(|_| invalid(format!("Y4M width W{v} is not a number")))?,
                'H' => h.height = v.parse().map_err(|_| invalid(format!("Y4M height H{v} is not a number")))?,
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
        if h.width == 0 || h.height == 0 {
            return Err(invalid("Y4M header lacks a non-zero W and H"));
        }
        if h.frame_rate.0 == 0 || h.frame_rate.1 == 0 {
            return Err(invalid("Y4M frame rate must be non-zero"));
        }
        let (sx, sy) = h.chroma.shifts();
        if !h.width.is_multiple_of(1 << sx) || !h.height.is_multiple_of(1 << sy) {
            return Err(invalid(format!("{}x{} does not divide into {} chroma", h.width, h.height, h.chroma.name())));
        }
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
}

/// Reads a Y4M stream frame by frame.
pub struct Reader<R> {
    r: R,
    header: Header,
    frames: u64,
}

impl<R: BufRead> Reader<R> {
    /// Reads the header.
    pub fn new(mut r: R) -> io::Result<Self> {
        let line = read_line(&mut r, 4096)?.ok_or_else(|| invalid("empty input: expected a Y4M header"))?;
        let header = Header::parse(&line)?;
        Ok(Reader { r, header, frames: 0 })
    }

    /// The stream header.
    pub fn header(&self) -> &Header {
        &self.header
    }

    /// The next frame, or `None` at the end.
    pub fn next_frame(&mut self) -> io::Result<Option<Picture>> {
        let Some(line) = read_line(&mut self.r, 4096)? else { return Ok(None) };
        if line != "FRAME" && !line.starts_with("FRAME ") {
            return Err(invalid(format!("Y4M frame {}: expected \"FRAME\", found {:?}", self.frames, line.chars().take(20).collect::<String>())));
        }
        let h = &self.header;
        let (cw, ch) = h.chroma_size();
        let mut planes = Vec::with_capacity(3);
        for (w, hh) in [(h.width, h.height), (cw, ch), (cw, ch)] {
            let p = super::raw::read_plane(&mut self.r, w, hh, h.depth)?
                .ok_or_else(|| io::Error::new(io::ErrorKind::UnexpectedEof, format!("Y4M frame {} truncated", self.frames)))?;
            planes.push(p);
        }
        let picture_number = self.frames as u32;
        self.frames += 1;
        Ok(Some(Picture { picture_number, planes: planes.try_into().expect("three planes") }))
    }
}

fn read_line<R: BufRead>(r: &mut R, max: usize) -> io::Result<Option<String>> {
    let mut buf = Vec::new();
    loop {
        let avail = r.fill_buf()?;
        if avail.is_empty() {
            if buf.is_empty() {
                return Ok(None);
            }
            return Err(io::Error::new(io::ErrorKind::UnexpectedEof, "Y4M header line not terminated"));
        }
        if let Some(i) = avail.iter().position(|&b| b == b'\n') {
            buf.extend_from_slice(&avail[..i]);
            r.consume(i + 1);
            break;
        }
        let n = avail.len();
        buf.extend_from_slice(avail);
        r.consume(n);
        if buf.len() > max {
            return Err(invalid("Y4M header line too long"));
        }
    }
    String::from_utf8(buf).map(Some).map_err(|_| invalid("Y4M header is not ASCII"))
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
