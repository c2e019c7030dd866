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
