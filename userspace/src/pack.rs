//! `uhdpipe pack` / `uhdpipe unpack`: 10-bit 4:2:2 video between Y4M (planar, 16 bits per
//! sample) and the SMPTE ST 2110-20 byte format (pixel groups of two pixels in five bytes:
//! C'B, Y'0, C'R, Y'1, ten bits each, most significant bit first; lines back to back, frames
//! back to back, no headers) — the format live production over IP carries.
//!
//! The bit packing runs on the CPU model (`uhdpipe_model::pack`) or on the device
//! ([`crate::accel`]: one job per frame, several frames in flight); the planes are
//! interleaved into ST 2110 sample order on the host. Both give identical bytes.

use crate::accel::{samples_from_le, samples_to_le, Accelerator, Buffer, Job, Op, Status, Ticket};
use crate::{Error, Result};
use std::collections::VecDeque;
use std::io::{BufRead, Read, Write};
use uhdpipe_model::io::raw::{read_bounded, Layout};
use uhdpipe_model::io::y4m;
use uhdpipe_model::pack::{deinterleave_422, interleave_422, pack10, packed_len, unpack10};
use uhdpipe_model::params::{ChromaFormat, Limits};
use uhdpipe_model::picture::{Picture, Plane};

/// Where the packing runs.
pub enum Engine<'a> {
    /// The CPU model.
    Model,
    /// A device.
    Device(&'a Accelerator),
}

/// Frames a device keeps in flight.
const IN_FLIGHT: usize = 4;

/// What a pack or unpack run did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackSummary {
    /// Frames converted.
    pub frames: u64,
    /// Frame size.
    pub size: (usize, usize),
    /// Bytes of ST 2110-20 data.
    pub packed_bytes: u64,
}

/// One frame's samples in ST 2110-20 order (C'B, Y'0, C'R, Y'1 per pixel pair, line by line).
fn interleave(p: &Picture) -> Vec<u16> {
    let (w, h) = (p.planes[0].width, p.planes[0].height);
    let cw = w / 2;
    let mut s = Vec::with_capacity(2 * w * h);
    for y in 0..h {
        let line = |k: usize, n: usize| &p.planes[k].data[y * n..(y + 1) * n];
        s.extend(interleave_422(line(0, w), line(1, cw), line(2, cw)));
    }
    s
}

/// A frame from its samples in ST 2110-20 order.
fn deinterleave(s: &[u16], (w, h): (usize, usize), number: u32) -> Picture {
    let plane = |width: usize| Plane { width, height: h, depth: 10, data: Vec::with_capacity(width * h) };
    let mut planes = [plane(w), plane(w / 2), plane(w / 2)];
    for line in s.chunks(2 * w) {
        let (y, cb, cr) = deinterleave_422(line);
        planes[0].data.extend(y);
        planes[1].data.extend(cb);
        planes[2].data.extend(cr);
    }
    Picture { picture_number: number, planes }
}

fn check_format(h: &y4m::Header, name: &str) -> Result<()> {
    if h.chroma != ChromaFormat::C422 || h.depth != 10 {
        return Err(Error::Usage(format!("{name}: ST 2110-20 packing here is for 10-bit 4:2:2 (Y4M C422p10), not {:?} {}-bit; convert with e.g. ffmpeg -pix_fmt yuv422p10le", h.chroma, h.depth)));
    }
    Ok(())
}

/// Device jobs in flight, in frame order.
struct Pipeline<'a> {
    acc: &'a Accelerator,
    free: Vec<(Buffer, Buffer)>,
    flying: VecDeque<Ticket>,
}

impl<'a> Pipeline<'a> {
    fn new(acc: &'a Accelerator) -> Self {
        Pipeline { acc, free: Vec::new(), flying: VecDeque::new() }
    }
    /// Submits one job reading `input` and writing `out_len` bytes.
    fn submit(&mut self, op: Op, count: usize, input: &[u8], out_len: usize) -> Result<()> {
        let (mut src, dst) = match self.free.pop() {
            Some((s, d)) if s.len() >= input.len() && d.len() >= out_len => (s, d),
            other => {
                if let Some((s, d)) = other {
                    self.acc.free(s)?;
                    self.acc.free(d)?;
                }
                (self.acc.alloc(input.len())?, self.acc.alloc(out_len)?)
            }
        };
        src.bytes_mut()[..input.len()].copy_from_slice(input);
        let job = Job { op, count: count as u32, src_len: (input.len() as u64).div_ceil(8) * 8, src, dst_len: out_len as u64, dst };
        self.flying.push_back(self.acc.submit(job)?);
        Ok(())
    }
    /// Waits for the oldest job; its first `len` output bytes.
    fn next(&mut self, len: usize) -> Result<Option<Vec<u8>>> {
        let Some(t) = self.flying.pop_front() else { return Ok(None) };
        let o = self.acc.wait(t)?;
        let job = o.job.expect("the job's buffers come back");
        let out = job.dst.bytes()[..len].to_vec();
        self.free.push((job.src, job.dst));
        match o.status {
            Status::Ok => Ok(Some(out)),
            s => Err(Error::Backend(format!("the device failed a frame: {}", s.describe()))),
        }
    }
    fn finish(mut self) -> Result<()> {
        for (s, d) in self.free.drain(..) {
            self.acc.free(s)?;
            self.acc.free(d)?;
        }
        Ok(())
    }
}

/// Packs every frame of a 10-bit 4:2:2 Y4M stream into ST 2110-20 bytes.
pub fn pack_y4m<R: BufRead, W: Write>(input: R, name: &str, mut output: W, engine: Engine, mut progress: impl FnMut(u64)) -> Result<PackSummary> {
    let io_in = |source| Error::Io { path: name.to_string(), source };
    let io_out = |source| Error::Io { path: "output".to_string(), source };
    let mut reader = y4m::Reader::new(input).map_err(io_in)?;
    let h = reader.header().clone();
    check_format(&h, name)?;
    let samples = 2 * h.width * h.height;
    let bytes = packed_len(samples as u64) as usize;
    let mut sum = PackSummary { frames: 0, size: (h.width, h.height), packed_bytes: 0 };
    let mut pipe = match engine {
        Engine::Device(acc) => Some(Pipeline::new(acc)),
        Engine::Model => None,
    };
    let mut emit = |data: &[u8], sum: &mut PackSummary| -> Result<()> {
        output.write_all(data).map_err(io_out)?;
        sum.frames += 1;
        sum.packed_bytes += data.len() as u64;
        progress(sum.frames);
        Ok(())
    };
    while let Some(frame) = reader.next_frame().map_err(io_in)? {
        let s = interleave(&frame);
        match pipe.as_mut() {
            None => {
                let p = pack10(&s).map_err(|e| Error::Usage(format!("{name}, frame {}: {e}", sum.frames)))?;
                emit(&p, &mut sum)?;
            }
            Some(pipe) => {
                pipe.submit(Op::Pack10, samples, &samples_to_le(&s), bytes)?;
                if pipe.flying.len() >= IN_FLIGHT {
                    let out = pipe.next(bytes)?.expect("a job in flight");
                    emit(&out, &mut sum)?;
                }
            }
        }
    }
    if let Some(mut pipe) = pipe {
        while let Some(out) = pipe.next(bytes)? {
            emit(&out, &mut sum)?;
        }
        pipe.finish()?;
    }
    output.flush().map_err(io_out)?;
    Ok(sum)
}

/// Unpacks ST 2110-20 10-bit 4:2:2 frames of `size` into Y4M (frame rate `rate`).
pub fn unpack_to_y4m<R: Read, W: Write>(mut input: R, name: &str, output: W, size: (usize, usize), rate: (u64, u64), engine: Engine, mut progress: impl FnMut(u64)) -> Result<PackSummary> {
    let io_in = |source| Error::Io { path: name.to_string(), source };
    let io_out = |source| Error::Io { path: "output".to_string(), source };
    // The sizes the Y4M reader accepts: non-zero, within the decoder's limits, even width.
    Layout::new(size.0, size.1, ChromaFormat::C422, 10, &Limits::default()).map_err(|e| Error::Usage(format!("--size {}x{}: {e}", size.0, size.1)))?;
    let header = y4m::Header { width: size.0, height: size.1, frame_rate: rate, interlace: y4m::Interlace::Progressive, pixel_aspect: (1, 1), chroma: ChromaFormat::C422, depth: 10, extensions: Vec::new() };
    let mut writer = y4m::Writer::new(output, header).map_err(io_out)?;
    let samples = 2 * size.0 * size.1;
    let bytes = packed_len(samples as u64) as usize;
    let mut sum = PackSummary { frames: 0, size, packed_bytes: 0 };
    let mut pipe = match engine {
        Engine::Device(acc) => Some(Pipeline::new(acc)),
        Engine::Model => None,
    };
    let mut emit = |raw: Vec<u16>, sum: &mut PackSummary| -> Result<()> {
        writer.write_frame(&deinterleave(&raw, size, sum.frames as u32)).map_err(io_out)?;
        sum.frames += 1;
        sum.packed_bytes += bytes as u64;
        progress(sum.frames);
        Ok(())
    };
    let mut buf = Vec::new();
    loop {
        // Bounded reads: a wrong --size over a short input allocates no more than it holds.
        let got = read_bounded(&mut input, bytes, &mut buf).map_err(io_in)?;
        if got == 0 {
            break;
        }
        if got < bytes {
            return Err(Error::Usage(format!("{name}: the input ends {got} bytes into frame {} ({bytes} bytes per {}x{} frame): wrong --size, or a truncated file", sum.frames, size.0, size.1)));
        }
        match pipe.as_mut() {
            None => emit(unpack10(&buf, samples).map_err(|e| Error::Usage(e.to_string()))?, &mut sum)?,
            Some(pipe) => {
                pipe.submit(Op::Unpack10, samples, &buf, 2 * samples)?;
                if pipe.flying.len() >= IN_FLIGHT {
                    let out = pipe.next(2 * samples)?.expect("a job in flight");
                    emit(samples_from_le(&out), &mut sum)?;
                }
            }
        }
    }
    if let Some(mut pipe) = pipe {
        while let Some(out) = pipe.next(2 * samples)? {
            emit(samples_from_le(&out), &mut sum)?;
        }
        pipe.finish()?;
    }
    writer.finish().map_err(io_out)?;
    Ok(sum)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clip(frames: usize) -> Vec<u8> {
        let h = y4m::Header { width: 8, height: 2, frame_rate: (50, 1), interlace: y4m::Interlace::Progressive, pixel_aspect: (1, 1), chroma: ChromaFormat::C422, depth: 10, extensions: Vec::new() };
        let mut w = y4m::Writer::new(Vec::new(), h).unwrap();
        for f in 0..frames {
            let plane = |width: usize, k: u16| Plane { width, height: 2, depth: 10, data: (0..2 * width as u16).map(|i| (i * 37 + k + f as u16 * 5) % 1024).collect() };
            w.write_frame(&Picture { picture_number: f as u32, planes: [plane(8, 1), plane(4, 2), plane(4, 3)] }).unwrap();
        }
        w.finish().unwrap()
    }

    #[test]
    fn pack_then_unpack_is_lossless_on_the_model() {
        let y = clip(3);
        let mut packed = Vec::new();
        let s = pack_y4m(&y[..], "in", &mut packed, Engine::Model, |_| {}).unwrap();
        assert_eq!((s.frames, packed.len()), (3, 3 * 40), "8x2 4:2:2: 32 samples, 40 bytes per frame");
        // The first pixel pair: Cb, Y0, Cr, Y1.
        let first = unpack10(&packed[..5], 4).unwrap();
        assert_eq!(first, vec![2, 1, 3, 38]);
        let mut back = Vec::new();
        unpack_to_y4m(&packed[..], "in", &mut back, (8, 2), (50, 1), Engine::Model, |_| {}).unwrap();
        assert_eq!(back, y);
        let err = unpack_to_y4m(&packed[..100], "in", Vec::new(), (8, 2), (50, 1), Engine::Model, |_| {}).unwrap_err();
        assert!(err.to_string().contains("truncated"), "{err}");
    }
}
