//! (A.2–A.4) Bit-level reading of VC-2 syntax.
//!
//! [`BitReader`] reads the unbounded syntax elements of headers (`read_bool`, `read_nbits`,
//! `read_uint_lit`, `read_uint`); it returns an error, never panics, at the end of its data.
//! [`BlockReader`] reads the bounded blocks of slice data (A.4.2): past a block's end every
//! bit reads as 1, which is how the standard pads a block, so it never fails.

use crate::error::{Error, ErrorKind, Position, Result};

/// Reader of unbounded syntax elements over a byte slice that starts `base` bytes into the
/// stream (so errors report stream offsets).
#[derive(Debug, Clone)]
pub struct BitReader<'a> {
    data: &'a [u8],
    base: u64,
    /// Next bit to read, counted from the start of `data` (MSB first).
    pos: u64,
}

impl<'a> BitReader<'a> {
    /// A reader over `data`, whose first byte is at stream offset `base`.
    pub fn new(data: &'a [u8], base: u64) -> Self {
        BitReader { data, base, pos: 0 }
    }

    /// Current stream position.
    pub fn position(&self) -> Position {
        Position { byte: self.base + self.pos / 8, bit: 7 - (self.pos % 8) as u8 }
    }

    /// Byte offset (from the start of `data`) of the next unread byte, rounding up.
    pub fn aligned_byte_offset(&self) -> usize {
        self.pos.div_ceil(8) as usize
    }

    /// An error of `kind` at the current position.
    pub fn error(&self, kind: ErrorKind) -> Error {
        Error::at(kind, self.position())
    }

    /// (A.2.3) `read_bit`.
    #[inline]
    pub fn read_bit(&mut self, what: &'static str) -> Result<u32> {
        let byte = self.pos / 8;
        match self.data.get(byte as usize) {
            Some(b) => {
                let bit = (b >> (7 - (self.pos % 8))) & 1;
                self.pos += 1;
                Ok(bit as u32)
            }
            None => Err(self.error(ErrorKind::UnexpectedEnd(what))),
        }
    }

    /// (A.2.4) `byte_align`.
    pub fn byte_align(&mut self) {
        self.pos = self.pos.div_ceil(8) * 8;
    }

    /// (A.3.2) `read_bool`.
    pub fn read_bool(&mut self, what: &'static str) -> Result<bool> {
        Ok(self.read_bit(what)? == 1)
    }

    /// (A.3.3) `read_nbits(n)` for n <= 64.
    pub fn read_nbits(&mut self, n: u32, what: &'static str) -> Result<u64> {
        debug_assert!(n <= 64);
        if self.pos + n as u64 > self.data.len() as u64 * 8 {
            return Err(self.error(ErrorKind::UnexpectedEnd(what)));
        }
        let mut v = 0u64;
        for _ in 0..n {
            v = (v << 1) | self.read_bit(what)? as u64;
        }
        Ok(v)
    }

    /// (A.3.4) `read_uint_lit(n)`: an n-byte big-endian unsigned integer.
    pub fn read_uint_lit(&mut self, n: u32, what: &'static str) -> Result<u64> {
        self.read_nbits(8 * n, what)
    }

    /// (A.4.3) `read_uint`: an interleaved exp-Golomb unsigned integer. Values that need
    /// more than 64 bits are an error (no conforming stream sends them).
    pub fn read_uint(&mut self, what: &'static str) -> Result<u64> {
        let start = self.position();
        let mut value: u64 = 1;
        while self.read_bit(what)? == 0 {
            if value >> 63 != 0 {
                return Err(Error::at(ErrorKind::ValueTooLong(what), start));
            }
            value = (value << 1) | self.read_bit(what)? as u64;
        }
        Ok(value - 1)
    }

    /// Skips `n` bytes (the reader must be byte-aligned).
    pub fn skip_bytes(&mut self, n: u64, what: &'static str) -> Result<()> {
        debug_assert_eq!(self.pos % 8, 0);
        let end = self.pos + n * 8;
        if end > self.data.len() as u64 * 8 {
            return Err(self.error(ErrorKind::UnexpectedEnd(what)));
        }
        self.pos = end;
        Ok(())
    }
}

/// (A.4.2) Reader of one bounded block of slice data: `bits` bits starting at bit `start`
/// of `data`. Bits past the block's end read as 1 and consume nothing.
///
/// Bits are kept in a 64-bit register refilled a byte at a time (at least 56 valid bits
/// after every refill), so that the exp-Golomb decoder in `slice` decodes a short code with
/// one table look-up and a shift.
#[derive(Debug, Clone)]
pub struct BlockReader<'a> {
    data: &'a [u8],
    /// Absolute bit position of the next unread bit (the MSB of `buf`).
    pos: u64,
    end: u64,
    /// Bits from `pos` on, MSB first; the top `count` are valid, the rest zero.
    buf: u64,
    count: u32,
    /// Next byte of `data` not yet loaded into `buf`.
    next: usize,
}

impl<'a> BlockReader<'a> {
    /// Guaranteed valid bits of [`BlockReader::peek`] (beyond them, padding ones or zeros).
    pub const PEEK_BITS: u32 = 56;

    /// A block of `bits` bits starting at bit offset `start` into `data`. The caller
    /// guarantees `start + bits <= 8 * data.len()`.
    #[inline]
    pub fn new(data: &'a [u8], start: u64, bits: u64) -> Self {
        debug_assert!(start + bits <= data.len() as u64 * 8);
        let mut r = BlockReader { data, pos: start, end: start + bits, buf: 0, count: 0, next: 0 };
        r.seek(start);
        r
    }

    /// Restarts reading at absolute bit `pos` (`<= end`).
    fn seek(&mut self, pos: u64) {
        self.pos = pos;
        self.next = (pos / 8) as usize;
        self.buf = 0;
        self.count = 0;
        self.refill();
        let skip = (pos % 8) as u32;
        self.buf <<= skip;
        self.count -= skip;
    }

    /// Big-endian 64 bits at byte `i` of `data`, zero past its end.
    #[inline(always)]
    fn load(&self, i: usize) -> u64 {
        match self.data.get(i..i + 8) {
            Some(b) => u64::from_be_bytes(b.try_into().expect("8 bytes")),
            None => {
                let mut b = [0u8; 8];
                if i < self.data.len() {
                    let n = self.data.len() - i;
                    b[..n].copy_from_slice(&self.data[i..]);
                }
                u64::from_be_bytes(b)
            }
        }
    }

    /// Tops `buf` up to 56..=63 valid bits.
    #[inline(always)]
    fn refill(&mut self) {
        self.buf |= self.load(self.next) >> self.count;
        self.next += ((63 - self.count) >> 3) as usize;
        self.count |= 56;
    }

    /// Bits left in the block.
    #[inline]
    pub fn bits_left(&self) -> u64 {
        self.end - self.pos
    }

    /// The next bits, MSB first: at least [`Self::PEEK_BITS`] of them are the block's
    /// (1 past its end); lower bits may be anything.
    #[inline(always)]
    pub fn peek(&mut self) -> u64 {
        let left = self.end - self.pos;
        if left == 0 {
            return u64::MAX;
        }
        if self.count < Self::PEEK_BITS {
            self.refill();
        }
        if left < 64 {
            self.buf | (u64::MAX >> left)
        } else {
            self.buf
        }
    }

    /// Consumes `n` bits (never past the block's end: padding bits cost nothing).
    #[inline(always)]
    pub fn consume(&mut self, n: u32) {
        let left = self.end - self.pos;
        if n as u64 >= left {
            self.pos = self.end;
            self.buf = u64::MAX;
        } else if n <= self.count {
            self.buf <<= n;
            self.count -= n;
            self.pos += n as u64;
        } else {
            self.seek(self.pos + n as u64);
        }
    }

    /// (A.4.2) `read_bitb`.
    #[inline]
    pub fn read_bitb(&mut self) -> u32 {
        if self.pos == self.end {
            return 1;
        }
        let b = (self.peek() >> 63) as u32;
        self.consume(1);
        b
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn read_uint_decodes_interleaved_exp_golomb() {
        // 1 -> 0; 001 -> 1; 011 -> 2; 00001 -> 3; then 0101 1 -> (1,0,1) -> 1 0 1 +..
        // Code for 3: value+1 = 4 = 0b100 -> bits "0 0 0 0 1".
        let data = [0b1001_0110, 0b0001_0000];
        let mut r = BitReader::new(&data, 0);
        assert_eq!(r.read_uint("t").unwrap(), 0);
        assert_eq!(r.read_uint("t").unwrap(), 1);
        assert_eq!(r.read_uint("t").unwrap(), 2);
        assert_eq!(r.read_uint("t").unwrap(), 3);
    }

    #[test]
    fn reading_past_the_end_is_an_error_with_position() {
        let data = [0u8; 2];
        let mut r = BitReader::new(&data, 100);
        let e = r.read_uint("frame_width").unwrap_err();
        assert_eq!(e.kind, ErrorKind::UnexpectedEnd("frame_width"));
        assert_eq!(e.position.unwrap().byte, 102);
    }

    #[test]
    fn over_long_exp_golomb_is_an_error() {
        let data = [0u8; 64];
        let mut r = BitReader::new(&data, 0);
        assert!(matches!(r.read_uint("x").unwrap_err().kind, ErrorKind::ValueTooLong(_)));
    }

    #[test]
    fn block_reader_pads_with_ones() {
        let data = [0b0000_0000, 0xff];
        let mut b = BlockReader::new(&data, 2, 3);
        assert_eq!(b.peek() >> 61, 0);
        assert_eq!(b.peek() & (u64::MAX >> 3), u64::MAX >> 3);
        assert_eq!(b.read_bitb(), 0);
        b.consume(10);
        assert_eq!(b.bits_left(), 0);
        assert_eq!(b.read_bitb(), 1);
        assert_eq!(b.peek(), u64::MAX);
    }

    #[test]
    fn block_reader_peek_is_exact_at_any_alignment() {
        let data: Vec<u8> = (0..20u8).map(|i| i.wrapping_mul(37) ^ 0x5a).collect();
        let bit = |p: u64| ((data[(p / 8) as usize] >> (7 - p % 8)) & 1) as u64;
        let mask = !(u64::MAX >> BlockReader::PEEK_BITS);
        for start in 0..40u64 {
            let mut b = BlockReader::new(&data, start, 160 - start);
            let mut pos = start;
            // Peek after consuming runs of every length: the guaranteed bits are exact.
            for step in [0u32, 1, 3, 7, 8, 13, 30, 2, 5] {
                b.consume(step);
                pos += step as u64;
                let expect = (0..64).fold(0u64, |acc, i| (acc << 1) | if pos + i < 160 { bit(pos + i) } else { 1 });
                assert_eq!(b.peek() & mask, expect & mask, "start {start} at {pos}");
                assert_eq!(b.bits_left(), 160 - pos);
            }
        }
    }
}
