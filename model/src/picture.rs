//! Decoded pictures: three planes of unsigned samples at the stream's bit depths.

use crate::params::ChromaFormat;

/// One plane (Y, C1 or C2) of a picture.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plane {
    /// Width in samples.
    pub width: usize,
    /// Height in samples.
    pub height: usize,
    /// Bit depth (1..=16); samples are in `0..2^depth`.
    pub depth: u32,
    /// Row-major samples.
    pub data: Vec<u16>,
}

impl Plane {
    /// A plane filled with `value`.
    pub fn filled(width: usize, height: usize, depth: u32, value: u16) -> Self {
        Plane { width, height, depth, data: vec![value; width * height] }
    }
    /// Row `y`.
    pub fn row(&self, y: usize) -> &[u16] {
        &self.data[y * self.width..(y + 1) * self.width]
    }
}

/// A decoded picture (a frame, or a field when the stream codes fields).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picture {
    /// (12.2) picture_number.
    pub picture_number: u32,
    /// Y, C1 (Cb), C2 (Cr).
    pub planes: [Plane; 3],
}

impl Picture {
    /// The chroma format implied by the plane sizes.
    pub fn chroma_format(&self) -> Option<ChromaFormat> {
        let (y, c) = (&self.planes[0], &self.planes[1]);
        if c.width == y.width && c.height == y.height {
            Some(ChromaFormat::C444)
        } else if c.width == y.width / 2 && c.height == y.height {
            Some(ChromaFormat::C422)
        } else if c.width == y.width / 2 && c.height == y.height / 2 {
            Some(ChromaFormat::C420)
        } else {
            None
        }
    }
}

/// A synthetic picture for tests and benchmarks: a diagonal gradient, a checkerboard of
/// edges and uniform noise (from `seed`), so that every subband carries data. Samples use
/// the whole `depth`-bit range.
pub fn test_pattern(width: usize, height: usize, chroma: ChromaFormat, depth: u32, seed: u64) -> Picture {
    let (sx, sy) = chroma.shifts();
    let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    let max = (1u64 << depth) - 1;
    let planes = [0usize, 1, 2].map(|c| {
        let (pw, ph) = if c == 0 { (width, height) } else { (width >> sx, height >> sy) };
        let data = (0..pw * ph)
            .map(|i| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                let (px, py) = ((i % pw) as u64, (i / pw) as u64);
                let smooth = (px * 7 + py * 3 + c as u64 * 50) * max / (7 * pw as u64 + 3 * ph as u64 + 150);
                let edge = if (px / 9 + py / 5) % 2 == 0 { max / 8 } else { 0 };
                (smooth + edge + x % (max / 16 + 1)).min(max) as u16
            })
            .collect();
        Plane { width: pw, height: ph, depth, data }
    });
    Picture { picture_number: 0, planes }
}
