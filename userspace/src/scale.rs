//! `uhdpipe scale`: Y4M in, Y4M out at another size (the model's polyphase scaler).

use crate::{Error, Result};
use std::io::{BufRead, Write};
use uhdpipe_model::io::y4m;
use uhdpipe_model::scale::Scaler;

/// What a scale job did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScaleSummary {
    /// Frames scaled.
    pub frames: u64,
    /// Input size.
    pub input: (usize, usize),
    /// Taps used (horizontal, vertical).
    pub taps: (usize, usize),
}

/// Parses `WxH`.
pub fn parse_size(s: &str) -> std::result::Result<(usize, usize), String> {
    let (w, h) = s.split_once(['x', 'X']).ok_or_else(|| format!("'{s}' is not a size: expected WxH, e.g. 3840x2160"))?;
    let p = |v: &str| v.parse::<usize>().map_err(|_| format!("'{s}' is not a size: expected WxH, e.g. 3840x2160"));
    Ok((p(w)?, p(h)?))
}

/// Scales every frame of a Y4M stream to `size`, writing Y4M with the same frame rate,
/// pixel aspect ratio (adjusted so the display aspect ratio is kept), colour space and
/// extensions. Interlaced input is refused: scaling woven fields as frames would mix them.
pub fn scale_y4m<R: BufRead, W: Write>(
    input: R,
    name: &str,
    output: W,
    size: (usize, usize),
    taps: Option<usize>,
    mut progress: impl FnMut(u64),
) -> Result<ScaleSummary> {
    let io_in = |source| Error::Io { path: name.to_string(), source };
    let io_out = |source| Error::Io { path: "output".to_string(), source };
    let mut reader = y4m::Reader::new(input).map_err(io_in)?;
    let h = reader.header().clone();
    if matches!(h.interlace, y4m::Interlace::TopFieldFirst | y4m::Interlace::BottomFieldFirst | y4m::Interlace::Mixed) {
        return Err(Error::Usage(format!("{name}: interlaced input; the scaler works on progressive frames (deinterlace first)")));
    }
    let scaler = Scaler::new(h.chroma, (h.width, h.height), size, taps).map_err(|e| Error::Usage(e.to_string()))?;
    // Keep the display aspect ratio: pixel aspect scales by (in_w / out_w) / (in_h / out_h).
    let (an, ad) = h.pixel_aspect;
    let (num, den) = (an * (h.width * size.1) as u64, ad * (h.height * size.0) as u64);
    let g = gcd(num, den).max(1);
    let out_header = y4m::Header { width: size.0, height: size.1, pixel_aspect: (num / g, den / g), ..h.clone() };
    let mut writer = y4m::Writer::new(output, out_header).map_err(io_out)?;
    let mut frames = 0;
    while let Some(frame) = reader.next_frame().map_err(io_in)? {
        let out = scaler.scale(&frame).map_err(|e| Error::Usage(e.to_string()))?;
        writer.write_frame(&out).map_err(io_out)?;
        frames += 1;
        progress(frames);
    }
    writer.finish().map_err(io_out)?;
    Ok(ScaleSummary { frames, input: (h.width, h.height), taps: (scaler.kernels.0.taps, scaler.kernels.1.taps) })
}

fn gcd(a: u64, b: u64) -> u64 {
    if b == 0 {
        a
    } else {
        gcd(b, a % b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_parse() {
        assert_eq!(parse_size("3840x2160"), Ok((3840, 2160)));
        assert_eq!(parse_size("64X32"), Ok((64, 32)));
        assert!(parse_size("3840").is_err());
        assert!(parse_size("ax2").is_err());
    }

    #[test]
    fn scales_a_y4m_stream_and_keeps_display_aspect() {
        let mut input = b"YUV4MPEG2 W8 H4 F25:1 Ip A1:1 C420jpeg\n".to_vec();
        for v in [10u8, 200] {
            input.extend_from_slice(b"FRAME\n");
            input.extend(std::iter::repeat_n(v, 8 * 4 + 2 * 4 * 2));
        }
        let mut out = Vec::new();
        let s = scale_y4m(&input[..], "in", &mut out, (4, 4), None, |_| {}).unwrap();
        assert_eq!(s.frames, 2);
        let text = String::from_utf8_lossy(&out[..40]).to_string();
        assert!(text.starts_with("YUV4MPEG2 W4 H4 F25:1 Ip A2:1 C420jpeg"), "{text}");
        let mut r = y4m::Reader::new(&out[..]).unwrap();
        assert!(r.next_frame().unwrap().unwrap().planes[0].data.iter().all(|&v| v == 10));
        assert!(r.next_frame().unwrap().unwrap().planes[0].data.iter().all(|&v| v == 200));
        let interlaced = b"YUV4MPEG2 W8 H4 F25:1 It A1:1 C420jpeg\n".to_vec();
        assert!(scale_y4m(&interlaced[..], "in", Vec::new(), (4, 4), None, |_| {}).is_err());
    }
}
