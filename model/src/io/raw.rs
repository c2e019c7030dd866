//! Raw planar pictures: Y, then C1 (Cb), then C2 (Cr), each row-major; samples of up to 8
//! bits take one byte, deeper samples two bytes little-endian (FFmpeg's `yuv422p10le` etc.,
//! and the layout of the VC-2 conformance suite's `picture_N.raw` files).

use crate::picture::{Picture, Plane};
use std::io::{self, Read, Write};

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

/// Reads one plane of the given shape; `Ok(None)` at a clean end of input.
pub fn read_plane<R: Read>(r: &mut R, width: usize, height: usize, depth: u32) -> io::Result<Option<Plane>> {
    let bps = bytes_per_sample(depth);
    let mut buf = vec![0u8; width * height * bps];
    let mut got = 0;
    while got < buf.len() {
        let n = r.read(&mut buf[got..])?;
        if n == 0 {
            break;
        }
        got += n;
    }
    if got == 0 {
        return Ok(None);
    }
    if got < buf.len() {
        return Err(io::Error::new(io::ErrorKind::UnexpectedEof, format!("raw plane truncated: {got} of {} bytes", buf.len())));
    }
    let max = ((1u32 << depth) - 1) as u16;
    let data: Vec<u16> = if bps == 1 {
        buf.iter().map(|&b| b as u16).collect()
    } else {
        buf.chunks_exact(2).map(|c| u16::from_le_bytes([c[0], c[1]])).collect()
    };
    let peak = data.iter().copied().max().unwrap_or(0);
    if peak > max {
        return Err(io::Error::new(io::ErrorKind::InvalidData, format!("sample value {peak} exceeds the {depth}-bit range")));
    }
    Ok(Some(Plane { width, height, depth, data }))
}
