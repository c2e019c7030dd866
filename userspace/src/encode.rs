//! `uhdpipe encode`: Y4M in, VC-2 (HQ profile) out, through the model's encoder.

use crate::{Error, Result};
use std::io::{BufRead, Write};
use uhdpipe_model::encoder::{header, Encoder, EncoderConfig, Rate, Trailing};
use uhdpipe_model::io::y4m;
use uhdpipe_model::wavelet::TransformParams;

/// Wavelet names the CLI accepts, with their `wavelet_index` (Table 12.1).
pub const WAVELETS: [(&str, usize); 7] =
    [("dd97", 0), ("legall", 1), ("dd137", 2), ("haar0", 3), ("haar1", 4), ("fidelity", 5), ("daub97", 6)];

/// Parses a wavelet name.
pub fn parse_wavelet(s: &str) -> std::result::Result<usize, String> {
    WAVELETS.iter().find(|(n, _)| *n == s).map(|&(_, i)| i).ok_or_else(|| {
        format!("unknown wavelet '{s}': one of {}", WAVELETS.iter().map(|(n, _)| *n).collect::<Vec<_>>().join(", "))
    })
}

/// How picture sizes are set on the command line.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum RateArg {
    /// Uncompressed size of the picture at its bit depth divided by this.
    Ratio(f64),
    /// Bits per second of the picture data units at the stream's picture rate.
    Bitrate(u64),
    /// Bytes of every picture's data unit.
    PictureBytes(u64),
    /// Lossless.
    Lossless,
}

/// Parses a bit rate: a number with an optional k/M/G suffix (powers of 1000), e.g. `6G`.
pub fn parse_bitrate(s: &str) -> std::result::Result<u64, String> {
    let (num, mult) = match s.chars().last() {
        Some('k' | 'K') => (&s[..s.len() - 1], 1e3),
        Some('m' | 'M') => (&s[..s.len() - 1], 1e6),
        Some('g' | 'G') => (&s[..s.len() - 1], 1e9),
        _ => (s, 1.0),
    };
    let v: f64 = num.parse().map_err(|_| format!("'{s}' is not a bit rate: expected e.g. 250M or 6G"))?;
    if !(v > 0.0 && v.is_finite()) {
        return Err(format!("'{s}': the bit rate must be positive"));
    }
    Ok((v * mult).round() as u64)
}

/// Parses a ratio `N/D` or `N:D` (or an integer).
pub fn parse_rational(s: &str) -> std::result::Result<(u64, u64), String> {
    let bad = || format!("'{s}' is not a rate: expected N/D, e.g. 60000/1001, or an integer");
    let (n, d) = match s.split_once(['/', ':']) {
        Some((n, d)) => (n.parse().map_err(|_| bad())?, d.parse().map_err(|_| bad())?),
        None => (s.parse().map_err(|_| bad())?, 1),
    };
    if n == 0 || d == 0 {
        return Err(bad());
    }
    Ok((n, d))
}

/// Parses `XxY` slice counts.
pub fn parse_slices(s: &str) -> std::result::Result<(u64, u64), String> {
    let (x, y) = crate::scale::parse_size(s).map_err(|_| format!("'{s}' is not a slice count: expected XxY, e.g. 60x135"))?;
    if x == 0 || y == 0 {
        return Err(format!("'{s}': slice counts must be at least 1"));
    }
    Ok((x as u64, y as u64))
}

/// Colour primaries names (Table 11.7 order).
pub const PRIMARIES: [&str; 5] = ["bt709", "bt601-525", "bt601-625", "dcinema", "bt2020"];
/// Colour matrix names (Table 11.8 order).
pub const MATRICES: [&str; 5] = ["bt709", "bt601", "ycgco", "rgb", "bt2020"];
/// Transfer function names (Table 11.9 order).
pub const TRANSFERS: [&str; 6] = ["bt709", "extended", "linear", "dcinema", "pq", "hlg"];

/// Everything `encode` can be told.
#[derive(Debug, Clone, PartialEq)]
pub struct EncodeOptions {
    /// Wavelet (vertical, and horizontal unless `wavelet_ho`).
    pub wavelet: usize,
    /// Horizontal wavelet, if different.
    pub wavelet_ho: Option<usize>,
    /// 2-D levels.
    pub depth: usize,
    /// Horizontal-only levels.
    pub depth_ho: usize,
    /// Slice counts (default: the encoder's choice).
    pub slices: Option<(u64, u64)>,
    /// Picture size rule.
    pub rate: RateArg,
    /// Custom quantisation matrix (bitstream order).
    pub quant_matrix: Option<Vec<u64>>,
    /// Frame rate override.
    pub frame_rate: Option<(u64, u64)>,
    /// Full-range (true) or video-range signal levels; default from the Y4M header
    /// (`XCOLORRANGE=FULL`), else video range.
    pub full_range: Option<bool>,
    /// Colour primaries index override.
    pub primaries: Option<u64>,
    /// Colour matrix index override.
    pub matrix: Option<u64>,
    /// Transfer function index override.
    pub transfer: Option<u64>,
    /// What happens to the zeros after a slice component's last non-zero coefficient
    /// (default [`Trailing::Compatible`]: omitted, with the few bytes FFmpeg's decoder needs).
    pub trailing: Trailing,
}

impl Default for EncodeOptions {
    fn default() -> Self {
        EncodeOptions {
            wavelet: 1,
            wavelet_ho: None,
            depth: 3,
            depth_ho: 0,
            slices: None,
            rate: RateArg::Ratio(4.0),
            quant_matrix: None,
            frame_rate: None,
            full_range: None,
            primaries: None,
            matrix: None,
            transfer: None,
            trailing: Trailing::Compatible,
        }
    }
}

/// What an encode job did.
#[derive(Debug, Clone, PartialEq)]
pub struct EncodeSummary {
    /// Frames read.
    pub frames: u64,
    /// Pictures coded (frames, or twice as many fields).
    pub pictures: u64,
    /// Stream bytes written.
    pub bytes: u64,
    /// Frame size.
    pub size: (usize, usize),
    /// Picture budget (None = lossless).
    pub picture_bytes: Option<u64>,
    /// Mean slice quantisation index over all pictures.
    pub mean_qindex: f64,
    /// Slices per picture.
    pub slices: (u64, u64),
    /// Whether pictures are fields.
    pub fields: bool,
}

/// The bytes per picture a rate asks for, given the format (`pictures_per_frame` 1 or 2).
pub fn picture_bytes(rate: RateArg, h: &y4m::Header, frame_rate: (u64, u64), pictures_per_frame: u64) -> Result<Option<u64>> {
    let (cw, ch) = h.chroma_size();
    let samples = (h.width * h.height + 2 * cw * ch) as u64 / pictures_per_frame;
    match rate {
        RateArg::Lossless => Ok(None),
        RateArg::PictureBytes(n) => Ok(Some(n)),
        RateArg::Ratio(r) => {
            if !(r >= 1.0 && r.is_finite()) {
                return Err(Error::Usage(format!("--ratio {r}: must be at least 1 (use --lossless for exact coding)")));
            }
            Ok(Some(((samples * h.depth as u64) as f64 / 8.0 / r).floor() as u64))
        }
        RateArg::Bitrate(b) => {
            // bytes = b / 8 / (pictures per second), pictures per second = rate · ppf.
            let per_picture = b as u128 * frame_rate.1 as u128 / (8 * frame_rate.0 as u128 * pictures_per_frame as u128);
            Ok(Some(per_picture.min(u64::MAX as u128) as u64))
        }
    }
}

/// Encodes a Y4M stream. Interlaced input (`It`/`Ib`) is coded as fields, earliest first.
pub fn encode_y4m<R: BufRead, W: Write>(input: R, name: &str, mut output: W, opts: &EncodeOptions, mut progress: impl FnMut(u64)) -> Result<EncodeSummary> {
    let io_in = |source| Error::Io { path: name.to_string(), source };
    let io_out = |source| Error::Io { path: "output".to_string(), source };
    let model = |source| Error::Decode { path: name.to_string(), source };
    let mut reader = y4m::Reader::new(input).map_err(io_in)?;
    let h = reader.header().clone();
    let interlaced = match h.interlace {
        y4m::Interlace::TopFieldFirst => Some(true),
        y4m::Interlace::BottomFieldFirst => Some(false),
        y4m::Interlace::Progressive => None,
        y4m::Interlace::Mixed => return Err(Error::Usage(format!("{name}: mixed interlacing (Im) cannot be coded: convert to progressive or to one field order"))),
    };
    if interlaced.is_some() && h.height % 2 != 0 {
        return Err(Error::Usage(format!("{name}: an interlaced frame needs an even number of lines, not {}", h.height)));
    }
    let frame_rate = opts.frame_rate.unwrap_or(h.frame_rate);
    let full = opts.full_range.unwrap_or_else(|| h.extensions.iter().any(|x| x.eq_ignore_ascii_case("COLORRANGE=FULL")));
    let mut video = header::default_video_parameters(h.width as u64, h.height as u64, h.chroma, h.depth, full, frame_rate);
    video.pixel_aspect_ratio_numer = h.pixel_aspect.0.max(1);
    video.pixel_aspect_ratio_denom = h.pixel_aspect.1.max(1);
    if let Some(tff) = interlaced {
        video.source_sampling = 1;
        video.top_field_first = tff;
    }
    video.color_primaries_index = opts.primaries.unwrap_or(video.color_primaries_index);
    video.color_matrix_index = opts.matrix.unwrap_or(video.color_matrix_index);
    video.transfer_function_index = opts.transfer.unwrap_or(video.transfer_function_index);
    let ppf = if interlaced.is_some() { 2 } else { 1 };
    let budget = picture_bytes(opts.rate, &h, frame_rate, ppf)?;
    let config = EncoderConfig {
        transform: TransformParams { wavelet_index: opts.wavelet, wavelet_index_ho: opts.wavelet_ho.unwrap_or(opts.wavelet), dwt_depth: opts.depth, dwt_depth_ho: opts.depth_ho },
        slices: opts.slices,
        rate: budget.map_or(Rate::Lossless, Rate::PictureBytes),
        quant_matrix: opts.quant_matrix.clone(),
        trailing: opts.trailing,
    };
    let mut enc = Encoder::new(video, interlaced.is_some() as u64, config).map_err(|e| Error::Usage(format!("{name}: {e}")))?;
    let slices = (enc.coding().slices_x, enc.coding().slices_y);
    let (mut frames, mut pictures, mut bytes, mut qsum, mut qn) = (0u64, 0u64, 0u64, 0u64, 0u64);
    let mut put = |p: uhdpipe_model::encoder::EncodedPicture, output: &mut W| -> Result<()> {
        output.write_all(&p.bytes).map_err(io_out)?;
        bytes += p.bytes.len() as u64;
        qsum += p.qindex.iter().map(|&q| q as u64).sum::<u64>();
        qn += p.qindex.len() as u64;
        pictures += 1;
        Ok(())
    };
    while let Some(frame) = reader.next_frame().map_err(io_in)? {
        match interlaced {
            Some(tff) => {
                let (a, b) = y4m::split_fields(&frame, tff);
                put(enc.encode(&a).map_err(model)?, &mut output)?;
                put(enc.encode(&b).map_err(model)?, &mut output)?;
            }
            None => put(enc.encode(&frame).map_err(model)?, &mut output)?,
        }
        frames += 1;
        progress(frames);
    }
    let tail = enc.finish();
    output.write_all(&tail).map_err(io_out)?;
    output.flush().map_err(io_out)?;
    bytes += tail.len() as u64;
    Ok(EncodeSummary {
        frames,
        pictures,
        bytes,
        size: (h.width, h.height),
        picture_bytes: budget,
        mean_qindex: if qn > 0 { qsum as f64 / qn as f64 } else { 0.0 },
        slices,
        fields: interlaced.is_some(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn option_values_parse() {
        assert_eq!(parse_bitrate("250M"), Ok(250_000_000));
        assert_eq!(parse_bitrate("6G"), Ok(6_000_000_000));
        assert_eq!(parse_bitrate("1.5k"), Ok(1500));
        assert!(parse_bitrate("-3M").is_err());
        assert!(parse_bitrate("fast").is_err());
        assert_eq!(parse_rational("60000/1001"), Ok((60000, 1001)));
        assert_eq!(parse_rational("50"), Ok((50, 1)));
        assert!(parse_rational("0/1").is_err());
        assert_eq!(parse_slices("60x135"), Ok((60, 135)));
        assert!(parse_slices("0x4").is_err());
        assert_eq!(parse_wavelet("daub97"), Ok(6));
        assert!(parse_wavelet("db4").unwrap_err().contains("legall"));
    }

    #[test]
    fn rates_become_picture_budgets() {
        let h = y4m::Header::parse("YUV4MPEG2 W1920 H1080 F50:1 Ip C422p10").unwrap();
        // 1920·1080·2 samples · 10 bits / 8 / 4.
        assert_eq!(picture_bytes(RateArg::Ratio(4.0), &h, (50, 1), 1).unwrap(), Some(1_296_000));
        // 250 Mbit/s at 50 frames/s: 625,000 bytes; as fields, half each.
        assert_eq!(picture_bytes(RateArg::Bitrate(250_000_000), &h, (50, 1), 1).unwrap(), Some(625_000));
        assert_eq!(picture_bytes(RateArg::Bitrate(250_000_000), &h, (50, 1), 2).unwrap(), Some(312_500));
        assert!(picture_bytes(RateArg::Ratio(0.5), &h, (50, 1), 1).is_err());
    }
}
