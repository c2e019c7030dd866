//! (A.2–A.4) Bit-level reading and writing of VC-2 syntax.
//!
//! [`BitReader`] reads the unbounded syntax elements of headers (`read_bool`, `read_nbits`,
//! `read_uint_lit`, `read_uint`); it returns an error, never panics, at the end of its data.
//! [`BlockReader`] reads the bounded blocks of slice data (A.4.2): past a block's end every
//! bit reads as 1, which is how the standard pads a block, so it never fails.
//! [`BitWriter`] is the encoder's mirror image of both.

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

    /// (A.4.4) `read_sint`: a signed interleaved exp-Golomb integer. Magnitudes beyond
    /// `i64::MAX` are an error.
    pub fn read_sint(&mut self, what: &'static str) -> Result<i64> {
        let start = self.position();
        let m = self.read_uint(what)?;
        if m == 0 {
            return Ok(0);
        }
        let m = i64::try_from(m).map_err(|_| Error::at(ErrorKind::ValueTooLong(what), start))?;
        Ok(if self.read_bool(what)? { -m } else { m })
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

/// MSB-first bit writer: the encoder's counterpart of [`BitReader`] (A.2–A.4 in reverse).
/// Bits collect in a 64-bit accumulator and leave it a whole byte at a time.
#[derive(Debug, Default, Clone)]
pub struct BitWriter {
    bytes: Vec<u8>,
    /// Pending bits, right-aligned; `fill` of them are valid.
    acc: u64,
    fill: u32,
}

impl BitWriter {
    /// An empty writer.
    pub fn new() -> Self {
        Self::default()
    }

    /// An empty writer that will hold about `bytes` bytes without reallocating.
    pub fn with_capacity(bytes: usize) -> Self {
        BitWriter { bytes: Vec::with_capacity(bytes), acc: 0, fill: 0 }
    }

    /// Bits written so far.
    pub fn bit_len(&self) -> u64 {
        self.bytes.len() as u64 * 8 + self.fill as u64
    }

    /// Appends the low `n` bits of `v` (n <= 32), MSB first.
    #[inline]
    fn put(&mut self, v: u64, n: u32) {
        debug_assert!(n <= 32);
        self.acc = (self.acc << n) | (v & ((1u64 << n) - 1));
        self.fill += n;
        while self.fill >= 8 {
            self.fill -= 8;
            self.bytes.push((self.acc >> self.fill) as u8);
        }
    }

    /// (A.3.2) writes one bit (`read_bool`'s inverse).
    #[inline]
    pub fn write_bool(&mut self, b: bool) {
        self.put(b as u64, 1);
    }

    /// (A.3.3) writes `n` bits of `v`, MSB first (`read_nbits`'s inverse), n <= 64.
    pub fn write_nbits(&mut self, v: u64, n: u32) {
        debug_assert!(n <= 64);
        if n > 32 {
            self.put(v >> 32, n - 32);
            self.put(v, 32);
        } else {
            self.put(v, n);
        }
    }

    /// (A.3.4) writes an `n`-byte big-endian integer (`read_uint_lit`'s inverse).
    pub fn write_uint_lit(&mut self, v: u64, n: u32) {
        self.write_nbits(v, 8 * n);
    }

    /// (A.4.3) writes an interleaved exp-Golomb unsigned integer (`read_uint`'s inverse):
    /// each bit of `v + 1` after its leading one, preceded by a 0; then a 1.
    #[inline]
    pub fn write_uint(&mut self, v: u64) {
        let x = v as u128 + 1;
        let n = 127 - x.leading_zeros(); // bits after the leading one
        if n <= 15 {
            // Interleave the n data bits with 0 flags in one go.
            let data = (x as u32) & ((1u32 << n) - 1);
            let mut spread = 0u64;
            for i in 0..n {
                spread |= (((data >> i) & 1) as u64) << (2 * i);
            }
            self.put(spread << 1 | 1, 2 * n + 1);
        } else {
            for i in (0..n).rev() {
                self.put(((x >> i) & 1) as u64, 2);
            }
            self.put(1, 1);
        }
    }

    /// (A.4.4) writes a signed interleaved exp-Golomb integer (`read_sint`'s inverse):
    /// the magnitude, then a sign bit (1 = negative) if it is not zero.
    #[inline]
    pub fn write_sint(&mut self, v: i64) {
        self.write_uint(v.unsigned_abs());
        if v != 0 {
            self.put((v < 0) as u64, 1);
        }
    }

    /// (A.2.4) `byte_align`'s inverse: pads with 0 bits to a byte boundary.
    pub fn byte_align(&mut self) {
        if self.fill > 0 {
            self.put(0, 8 - self.fill);
        }
    }

    /// Pads with 1 bits to a byte boundary (how a slice data block ends, A.4.2).
    pub fn byte_align_ones(&mut self) {
        if self.fill > 0 {
            self.put(u64::MAX, 8 - self.fill);
        }
    }

    /// Appends whole bytes (the writer must be byte-aligned).
    pub fn write_bytes(&mut self, b: &[u8]) {
        assert_eq!(self.fill, 0, "write_bytes needs a byte-aligned writer");
        self.bytes.extend_from_slice(b);
    }

    /// The bytes written, padded with 0 bits to a whole byte.
    pub fn into_bytes(mut self) -> Vec<u8> {
        self.byte_align();
        self.bytes
    }
}

/// Length in bits of `v`'s (A.4.3) unsigned exp-Golomb code: `2·⌊log2(v+1)⌋ + 1`.
#[inline]
pub fn uint_bits(v: u64) -> u32 {
    match v.checked_add(1) {
        Some(x) => 2 * (63 - x.leading_zeros()) + 1,
        None => 129,
    }
}

/// Length in bits of a signed (A.4.4) code of magnitude `m`: one more than
/// [`uint_bits`] unless `m` is zero.
#[inline]
pub fn sint_bits(m: u64) -> u32 {
    uint_bits(m) + (m != 0) as u32
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

    #[test]
    fn writer_round_trips_through_reader() {
        let mut vals: Vec<i64> = (-300..300).collect();
        vals.extend([i64::MAX, i64::MIN + 1, 1 << 40, -(1 << 33), 65535, 65536, -65537]);
        let mut w = BitWriter::new();
        w.write_nbits(0x2a, 7);
        for &v in &vals {
            w.write_sint(v);
            w.write_uint(v.unsigned_abs());
            w.write_bool(v & 1 == 1);
        }
        let expect_bits: u64 = 7 + vals.iter().map(|&v| sint_bits(v.unsigned_abs()) as u64 + uint_bits(v.unsigned_abs()) as u64 + 1).sum::<u64>();
        assert_eq!(w.bit_len(), expect_bits);
        w.write_uint_lit(0xdead_beef, 4);
        let data = w.into_bytes();
        let mut r = BitReader::new(&data, 0);
        assert_eq!(r.read_nbits(7, "x").unwrap(), 0x2a);
        for &v in &vals {
            assert_eq!(r.read_sint("s").unwrap(), v);
            assert_eq!(r.read_uint("u").unwrap(), v.unsigned_abs());
            assert_eq!(r.read_bool("b").unwrap(), v & 1 == 1);
        }
        assert_eq!(r.read_uint_lit(4, "lit").unwrap(), 0xdead_beef);
    }
}
