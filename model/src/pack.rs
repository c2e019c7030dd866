//! 10-bit sample packing: the byte format of SMPTE ST 2110-20 video (and of SDI payloads
//! carried over IP) for 10-bit samples, and the device's first pipeline stage.
//!
//! Samples are packed **most significant bit first** into consecutive bits of a byte string:
//! four samples make five bytes. ST 2110-20 sends 4:2:2 10-bit video as pixel groups of two
//! pixels in five bytes in the order C'B, Y'0, C'R, Y'1 — which is this packing applied to the
//! samples interleaved in that order ([`interleave_422`]). A sample count that is not a
//! multiple of four ends in a partial group padded with zero bits to the byte.
//!
//! This module is the specification the RTL stage (`rtl/src/blocks/pack10.rs`,
//! `unpack10.rs`) matches bit for bit; the device's descriptors name the same byte counts
//! ([`packed_len`]).

use crate::error::{Error, ErrorKind, Position, Result};

/// The largest 10-bit sample.
pub const MAX_SAMPLE: u16 = 1023;

/// Bytes that `n` packed samples occupy: `ceil(10 n / 8)`.
pub fn packed_len(n: u64) -> u64 {
    (10 * n).div_ceil(8)
}

/// Packs `samples` (each 0..=1023) MSB first; an error naming the first sample above 1023
/// (its position is its byte offset in a 16-bit little-endian buffer).
pub fn pack10(samples: &[u16]) -> Result<Vec<u8>> {
    let mut out = Vec::with_capacity(packed_len(samples.len() as u64) as usize);
    for (g, group) in samples.chunks(4).enumerate() {
        let mut x = 0u64;
        for i in 0..4 {
            let s = group.get(i).copied().unwrap_or(0);
            if s > MAX_SAMPLE {
                let index = (4 * g + i) as u64;
                return Err(Error::at(ErrorKind::BadValue { what: "sample", value: s as u64, why: "above 1023, the 10-bit maximum" }, Position { byte: 2 * index, bit: 7 }));
            }
            x = (x << 10) | s as u64;
        }
        let bytes = x.to_be_bytes(); // the 40-bit group is bytes 3..8
        out.extend_from_slice(&bytes[3..3 + (10 * group.len()).div_ceil(8)]);
    }
    Ok(out)
}

/// Unpacks `n` samples from `bytes`, which must hold at least [`packed_len`]`(n)` bytes (an
/// error otherwise, at the end of the bytes); bytes beyond are ignored.
pub fn unpack10(bytes: &[u8], n: usize) -> Result<Vec<u16>> {
    let need = packed_len(n as u64);
    if (bytes.len() as u64) < need {
        return Err(Error::at(ErrorKind::UnexpectedEnd("packed 10-bit samples"), Position { byte: bytes.len() as u64, bit: 7 }));
    }
    let mut out = Vec::with_capacity(n);
    for (g, chunk) in bytes[..need as usize].chunks(5).enumerate() {
        let mut b = [0u8; 8];
        b[3..3 + chunk.len()].copy_from_slice(chunk);
        let x = u64::from_be_bytes(b);
        for i in 0..4.min(n - 4 * g) {
            out.push(((x >> (30 - 10 * i)) & 0x3ff) as u16);
        }
    }
    Ok(out)
}

/// ST 2110-20 sample order for 4:2:2: one line's planes `y` (`2k` samples), `cb` and `cr`
/// (`k` each) as C'B, Y'0, C'R, Y'1 per pixel pair. Panics if the lengths disagree (a
/// programming error, not stream content).
pub fn interleave_422(y: &[u16], cb: &[u16], cr: &[u16]) -> Vec<u16> {
    assert!(y.len() == 2 * cb.len() && cb.len() == cr.len(), "4:2:2 line: Y must have twice the samples of Cb and Cr");
    let mut out = Vec::with_capacity(2 * y.len());
    for i in 0..cb.len() {
        out.extend_from_slice(&[cb[i], y[2 * i], cr[i], y[2 * i + 1]]);
    }
    out
}

/// The inverse of [`interleave_422`]: (Y, Cb, Cr) of one line from its interleaved samples
/// (a multiple of four).
pub fn deinterleave_422(s: &[u16]) -> (Vec<u16>, Vec<u16>, Vec<u16>) {
    assert!(s.len().is_multiple_of(4), "4:2:2 interleaved line: a multiple of four samples");
    let k = s.len() / 4;
    let (mut y, mut cb, mut cr) = (Vec::with_capacity(2 * k), Vec::with_capacity(k), Vec::with_capacity(k));
    for g in s.chunks(4) {
        cb.push(g[0]);
        y.push(g[1]);
        cr.push(g[2]);
        y.push(g[3]);
    }
    (y, cb, cr)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn known_group() {
        // 0x3FF, 0x000, 0x2AA, 0x155: 1111111111 0000000000 1010101010 0101010101
        assert_eq!(pack10(&[0x3ff, 0, 0x2aa, 0x155]).unwrap(), vec![0xff, 0xc0, 0x0a, 0xa9, 0x55]);
        // a lone sample: 10 bits padded to two bytes
        assert_eq!(pack10(&[0x201]).unwrap(), vec![0x80, 0x40]);
        assert_eq!(packed_len(0), 0);
        assert_eq!(packed_len(1), 2);
        assert_eq!(packed_len(3), 4);
        assert_eq!(packed_len(4), 5);
    }

    #[test]
    fn range_and_length_errors() {
        let e = pack10(&[1, 2, 3, 4, 5, 1024]).unwrap_err();
        assert_eq!(e.position, Some(Position { byte: 10, bit: 7 }));
        assert!(matches!(e.kind, ErrorKind::BadValue { value: 1024, .. }));
        assert!(unpack10(&[0; 4], 4).is_err());
    }

    #[test]
    fn interleave_round_trip() {
        let y = [1, 2, 3, 4];
        let (cb, cr) = ([10, 11], [20, 21]);
        let s = interleave_422(&y, &cb, &cr);
        assert_eq!(s, vec![10, 1, 20, 2, 11, 3, 21, 4]);
        assert_eq!(deinterleave_422(&s), (y.to_vec(), cb.to_vec(), cr.to_vec()));
    }

    proptest! {
        #[test]
        fn unpack_inverts_pack(s in proptest::collection::vec(0u16..1024, 0..64)) {
            let p = pack10(&s).unwrap();
            prop_assert_eq!(p.len() as u64, packed_len(s.len() as u64));
            prop_assert_eq!(unpack10(&p, s.len()).unwrap(), s);
        }
    }
}
