//! The `uhdpipe` command line.

use clap::{Parser, Subcommand};
use std::io::IsTerminal;
use std::process::ExitCode;
use uhdpipe::decode::{decode_on, OutputFormat};
use uhdpipe::{open_input, open_output, read_input, stderr_progress, Backend, Error};
use uhdpipe_model::encoder::Trailing;

/// uhdpipe — VC-2 (SMPTE ST 2042) light compression and 8K/4K/HD scaling for live
/// production over IP, on an FPGA accelerator or its bit-exact CPU model.
#[derive(Parser)]
#[command(name = "uhdpipe", version, propagate_version = true)]
#[command(after_help = "Examples:\n  uhdpipe encode clip.y4m -o clip.vc2 --ratio 6\n  ffmpeg -i in.mov -pix_fmt yuv422p10le -f yuv4mpegpipe - | uhdpipe encode - -o out.vc2 --bitrate 1.5G\n  uhdpipe info clip.vc2\n  uhdpipe scale in8k.y4m -o out4k.y4m --size 3840x2160\n  uhdpipe pack clip10.y4m -o clip.st2110 --backend sim     (10-bit 4:2:2 to ST 2110-20 bytes on the simulated device)\n  uhdpipe devinfo --backend sim\n  uhdpipe decode clip.vc2 -o clip.y4m\n  uhdpipe decode clip.vc2 -o clip.y4m --backend sim     (VC-2 slices decoded on the simulated device)\n  uhdpipe decode clip.vc2 -o - | ffplay -\n  uhdpipe decode clip.vc2 -o pictures.yuv      (raw planar, every picture/field in stream order)")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// Options of the long-running jobs (encode, decode).
#[derive(clap::Args)]
struct JobArgs {
    /// No progress or summary on stderr.
    #[arg(short, long)]
    quiet: bool,
    /// Worker threads (0 = one per core). Changes speed only, never the output.
    #[arg(long, default_value_t = 0)]
    threads: usize,
    #[command(flatten)]
    backend: BackendArg,
}

#[derive(clap::Args)]
struct BackendArg {
    /// Where the job runs: `model` (the bit-exact CPU reference, default), `sim` (the
    /// simulated PCIe device) or `vfio:BDF` (a card bound to vfio-pci, e.g. vfio:0000:65:00.0).
    #[arg(long, default_value = "model", value_name = "BACKEND")]
    backend: Backend,
}

// Parsed once per run: the size of the largest variant does not matter.
#[allow(clippy::large_enum_variant)]
#[derive(Subcommand)]
enum Command {
    /// Describe the device: identification, register-map version, capabilities, build
    /// parameters and register blocks, read through the driver.
    ///
    /// With --backend sim this starts the simulated device (the Verilated RTL behind a
    /// vfio-user server on a private UNIX socket) unless --socket names one already running,
    /// and talks to it with the same driver a real card uses.
    #[command(after_help = "Example:\n  uhdpipe devinfo --backend sim")]
    Devinfo {
        /// Where the device is: `sim` (the simulated device) or `vfio:BDF` (a card bound to
        /// vfio-pci; not in this build yet).
        #[arg(long, default_value = "sim", value_name = "BACKEND")]
        backend: Backend,
        /// The UNIX socket of a running simulated device (default: start one).
        #[arg(long, value_name = "PATH")]
        socket: Option<std::path::PathBuf>,
    },
    /// Encode Y4M video to a VC-2 stream (high-quality profile).
    ///
    /// Each picture gets a byte budget, dealt out to its rows of slices; each row takes the
    /// smallest quantisation index whose coded size fits its share plus what the rows above
    /// left unused, its slices step one index finer while bytes remain (the one-pass search
    /// the hardware encoder runs), and the last row is padded, so every picture has the same
    /// size (constant bit rate). Set the budget with --ratio (default 4),
    /// --bitrate or --picture-bytes, or use --lossless. Interlaced Y4M (It/Ib) is coded
    /// as fields. The sequence header signals the frame size, chroma format, bit depth and
    /// range, frame rate and pixel aspect ratio from the Y4M header, and BT.709 colour
    /// (BT.2020 from 3840 samples wide) unless --primaries/--matrix/--transfer say
    /// otherwise. Output is identical for any --threads.
    #[command(after_help = "Examples:\n  uhdpipe encode in.y4m -o out.vc2                       (LeGall 5/3, 3 levels, 4:1)\n  uhdpipe encode in.y4m -o out.vc2 --bitrate 6G --wavelet dd97 --depth 4\n  uhdpipe encode in.y4m -o out.vc2 --lossless\n  uhdpipe encode hdr.y4m -o out.vc2 --transfer pq --primaries bt2020 --matrix bt2020\n  ffmpeg -i in.mov -pix_fmt yuv422p10le -f yuv4mpegpipe - | uhdpipe encode - -o out.vc2")]
    Encode {
        /// Input Y4M (`-` for standard input): 4:4:4, 4:2:2 or 4:2:0, 8 to 16 bits.
        input: String,
        /// Output VC-2 stream (`-` for standard output).
        #[arg(short, long)]
        output: String,
        /// Wavelet filter: legall (LeGall 5/3), dd97 (Deslauriers-Dubuc 9/7), dd137
        /// (Deslauriers-Dubuc 13/7), haar0 (Haar, no shift), haar1 (Haar, one shift),
        /// fidelity, daub97 (Daubechies 9/7).
        #[arg(long, default_value = "legall", value_parser = uhdpipe::encode::parse_wavelet)]
        wavelet: usize,
        /// Transform levels (2-D).
        #[arg(long, default_value_t = 3)]
        depth: usize,
        /// Horizontal-only transform levels, coded after the 2-D ones (VC-2 version 3).
        #[arg(long, default_value_t = 0)]
        depth_ho: usize,
        /// Horizontal wavelet of an asymmetric transform (default: --wavelet).
        #[arg(long, value_parser = uhdpipe::encode::parse_wavelet)]
        wavelet_ho: Option<usize>,
        /// Slices per picture, XxY. They must divide every component's lowest band evenly;
        /// the default is the most slices of at least 32x8 luma samples that do.
        #[arg(long, value_parser = uhdpipe::encode::parse_slices)]
        slices: Option<(u64, u64)>,
        /// Compression ratio: uncompressed picture size at its bit depth / coded size.
        #[arg(long, group = "rate")]
        ratio: Option<f64>,
        /// Bit rate of the coded pictures, bits per second with k/M/G suffixes (e.g. 6G),
        /// at the stream's frame rate.
        #[arg(long, group = "rate", value_parser = uhdpipe::encode::parse_bitrate)]
        bitrate: Option<u64>,
        /// Bytes of every picture data unit (parse info and headers included).
        #[arg(long, group = "rate")]
        picture_bytes: Option<u64>,
        /// Lossless: quantisation index 0, pictures as large as they need to be.
        #[arg(long, group = "rate")]
        lossless: bool,
        /// Custom quantisation matrix: one value per band in bitstream order (LL, then HL
        /// LH HH per level), space-separated; required for transforms without a default.
        #[arg(long, value_name = "\"V V ...\"")]
        quant_matrix: Option<String>,
        /// Frame rate N/D (default: the Y4M header's).
        #[arg(long, value_parser = uhdpipe::encode::parse_rational)]
        frame_rate: Option<(u64, u64)>,
        /// Signal range: full or limited (video range). Default: the Y4M header's
        /// XCOLORRANGE, else limited.
        #[arg(long, value_parser = ["full", "limited"])]
        range: Option<String>,
        /// Colour primaries: bt709, bt601-525, bt601-625, dcinema, bt2020.
        #[arg(long, value_parser = uhdpipe::encode::PRIMARIES)]
        primaries: Option<String>,
        /// Colour matrix: bt709, bt601, ycgco, rgb, bt2020.
        #[arg(long, value_parser = uhdpipe::encode::MATRICES)]
        matrix: Option<String>,
        /// Transfer function: bt709 (SDR gamma), extended, linear, dcinema, pq, hlg.
        #[arg(long, value_parser = uhdpipe::encode::TRANSFERS)]
        transfer: Option<String>,
        /// Zeros after a slice component's last non-zero coefficient: `compatible` (the
        /// default) omits them and spends the few bytes FFmpeg's decoder needs to read such
        /// slices exactly; `code` sends every one (larger pictures, lower quality); `omit`
        /// omits them with nothing for FFmpeg (valid VC-2, but FFmpeg 5.1 misreads it).
        #[arg(long, value_parser = ["compatible", "code", "omit"], default_value = "compatible")]
        trailing_zeros: String,
        /// The same as `--trailing-zeros omit`.
        #[arg(long, conflicts_with = "trailing_zeros")]
        omit_trailing_zeros: bool,
        #[command(flatten)]
        job: JobArgs,
    },
    /// Decode a VC-2 stream to Y4M or raw planar pictures.
    ///
    /// Y4M output (any name but .yuv/.raw, or `-` for standard output) weaves field pairs
    /// into interlaced frames and carries frame rate, aspect ratio, interlacing and colour
    /// range; it cannot change format mid-stream. Raw output (.yuv or .raw) writes every
    /// picture — a field is a picture — in stream order: planes Y, Cb, Cr, samples of more
    /// than 8 bits as 16-bit little-endian (FFmpeg's yuv422p10le etc.). Pictures decoded
    /// before a stream error are written before the error is reported.
    ///
    /// With --backend sim each picture's slices are decoded on the simulated device (its RTL
    /// slice decoder, through the driver: slices to dequantised coefficients) and the
    /// inverse transform runs on the host, giving exactly the model's bytes. This device
    /// build takes HQ and LD pictures of up to 12 bits; deeper pictures are refused by name.
    #[command(after_help = "Examples:\n  uhdpipe decode clip.vc2 -o clip.y4m\n  uhdpipe decode clip.vc2 -o clip.yuv --backend sim     (slices decoded on the simulated device)")]
    Decode {
        /// Input VC-2 stream (`-` for standard input).
        input: String,
        /// Output file: .y4m (default format), .yuv/.raw (raw planar), or `-` (Y4M to stdout).
        #[arg(short, long)]
        output: String,
        /// Force the output format instead of inferring it from the name.
        #[arg(long, value_parser = ["y4m", "raw"])]
        format: Option<String>,
        #[command(flatten)]
        job: JobArgs,
    },
    /// Scale Y4M video to another size with the polyphase scaler (8K ↔ 4K ↔ HD or any ratio).
    ///
    /// Separable 64-phase windowed-sinc (Lanczos) filter in integer arithmetic, the exact
    /// function the hardware scaler computes. Chroma keeps its siting (4:2:2 co-sited with
    /// even luma samples, 4:2:0 co-sited horizontally and centred vertically); edges
    /// replicate; results are clamped to the code range. The pixel aspect ratio is adjusted
    /// so the display aspect ratio is kept. Input must be progressive.
    Scale {
        /// Input Y4M (`-` for standard input).
        input: String,
        /// Output Y4M (`-` for standard output).
        #[arg(short, long)]
        output: String,
        /// Output size WxH, e.g. 3840x2160.
        #[arg(long, value_parser = uhdpipe::scale::parse_size)]
        size: (usize, usize),
        /// Filter taps on both axes: 4, 6, 8 or 12. Default: 6 when enlarging (Lanczos-3),
        /// 8 or 12 when shrinking (12 gives Lanczos-3 quality at 2:1).
        #[arg(long)]
        taps: Option<usize>,
        /// No progress on stderr.
        #[arg(short, long)]
        quiet: bool,
        #[command(flatten)]
        backend: BackendArg,
    },
    /// Pack 10-bit 4:2:2 Y4M video into SMPTE ST 2110-20 bytes (the format live production
    /// over IP carries): pixel groups of two pixels in five bytes — C'B, Y'0, C'R, Y'1, ten
    /// bits each, most significant bit first — lines and frames back to back, no headers.
    ///
    /// With --backend sim the bit packing runs on the simulated device (the Verilated RTL
    /// behind vfio-user, through the real driver; one job per frame, four in flight), which
    /// gives the same bytes as the model.
    #[command(after_help = "Examples:\n  uhdpipe pack clip.y4m -o clip.st2110 --backend sim\n  ffmpeg -i in.mov -pix_fmt yuv422p10le -f yuv4mpegpipe - | uhdpipe pack - -o out.st2110")]
    Pack {
        /// Input Y4M, 10-bit 4:2:2 (`-` for standard input).
        input: String,
        /// Output ST 2110-20 bytes (`-` for standard output).
        #[arg(short, long)]
        output: String,
        /// The UNIX socket of a running simulated device (with --backend sim; default: start one).
        #[arg(long, value_name = "PATH")]
        socket: Option<std::path::PathBuf>,
        /// No progress or summary on stderr.
        #[arg(short, long)]
        quiet: bool,
        #[command(flatten)]
        backend: BackendArg,
    },
    /// Unpack SMPTE ST 2110-20 10-bit 4:2:2 bytes (as `uhdpipe pack` writes them) into Y4M.
    #[command(after_help = "Example:\n  uhdpipe unpack clip.st2110 --size 1920x1080 -o clip.y4m --backend sim")]
    Unpack {
        /// Input ST 2110-20 bytes (`-` for standard input).
        input: String,
        /// Output Y4M (`-` for standard output).
        #[arg(short, long)]
        output: String,
        /// Frame size WxH (the bytes carry none), e.g. 1920x1080.
        #[arg(long, value_parser = uhdpipe::scale::parse_size)]
        size: (usize, usize),
        /// Frame rate for the Y4M header, N or N:D.
        #[arg(long, default_value = "50", value_parser = parse_rate)]
        rate: (u64, u64),
        /// The UNIX socket of a running simulated device (with --backend sim; default: start one).
        #[arg(long, value_name = "PATH")]
        socket: Option<std::path::PathBuf>,
        /// No progress or summary on stderr.
        #[arg(short, long)]
        quiet: bool,
        #[command(flatten)]
        backend: BackendArg,
    },
    /// Describe a VC-2 stream: sequence parameters, picture count, wavelet, depth, slices,
    /// bytes per picture. Every picture is decoded, so a corrupt stream is reported.
    Info {
        /// Input VC-2 stream (`-` for standard input).
        input: String,
        #[command(flatten)]
        backend: BackendArg,
    },
}

fn parse_rate(s: &str) -> Result<(u64, u64), String> {
    let bad = || format!("'{s}' is not a frame rate: expected N or N:D, e.g. 50 or 60000:1001");
    let (n, d) = s.split_once(':').unwrap_or((s, "1"));
    let (n, d) = (n.parse::<u64>().map_err(|_| bad())?, d.parse::<u64>().map_err(|_| bad())?);
    if n == 0 || d == 0 {
        return Err(bad());
    }
    Ok((n, d))
}

/// The accelerator for `--backend sim` (and `--socket`), or none for the model.
fn accelerator(backend: &Backend, socket: Option<&std::path::Path>, job: &str) -> Result<Option<uhdpipe::accel::Accelerator>, Error> {
    backend.require_available(job)?;
    match backend {
        Backend::Sim => Ok(Some(uhdpipe::accel::Accelerator::open_sim(socket)?)),
        Backend::Vfio(bdf) => Ok(Some(uhdpipe::accel::Accelerator::open_vfio(bdf)?)),
        Backend::Model => Ok(None),
    }
}

fn start_threads(threads: usize) -> Result<(), Error> {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build_global()
        .map_err(|e| Error::Usage(format!("cannot start {threads} worker threads: {e}")))
}

fn index_of(names: &[&str], v: Option<String>) -> Option<u64> {
    v.and_then(|v| names.iter().position(|n| *n == v)).map(|i| i as u64)
}

fn run(cli: Cli) -> Result<(), Error> {
    match cli.command {
        Command::Encode {
            input, output, wavelet, depth, depth_ho, wavelet_ho, slices, ratio, bitrate, picture_bytes, lossless, quant_matrix,
            frame_rate, range, primaries, matrix, transfer, trailing_zeros, omit_trailing_zeros, job,
        } => {
            let JobArgs { quiet, threads, backend } = job;
            use uhdpipe::encode::{self, RateArg};
            backend.backend.require_available("encode")?;
            start_threads(threads)?;
            let rate = match (ratio, bitrate, picture_bytes, lossless) {
                (Some(r), ..) => RateArg::Ratio(r),
                (_, Some(b), ..) => RateArg::Bitrate(b),
                (_, _, Some(n), _) => RateArg::PictureBytes(n),
                (.., true) => RateArg::Lossless,
                _ => RateArg::Ratio(4.0),
            };
            let quant_matrix = quant_matrix
                .map(|m| m.split_whitespace().map(|v| v.parse::<u64>()).collect::<Result<Vec<_>, _>>())
                .transpose()
                .map_err(|_| Error::Usage("--quant-matrix: expected space-separated non-negative integers".into()))?;
            let opts = encode::EncodeOptions {
                wavelet, wavelet_ho, depth, depth_ho, slices, rate, quant_matrix, frame_rate,
                full_range: range.map(|r| r == "full"),
                primaries: index_of(&encode::PRIMARIES, primaries),
                matrix: index_of(&encode::MATRICES, matrix),
                transfer: index_of(&encode::TRANSFERS, transfer),
                trailing: match (omit_trailing_zeros, trailing_zeros.as_str()) {
                    (true, _) | (_, "omit") => Trailing::Omit,
                    (_, "code") => Trailing::Code,
                    _ => Trailing::Compatible,
                },
            };
            let show = !quiet && std::io::stderr().is_terminal();
            let mut report = stderr_progress("encoded", "frames");
            let start = std::time::Instant::now();
            let s = encode::encode_y4m(open_input(&input)?, &input, open_output(&output)?, &opts, |n| {
                if show {
                    report(n)
                }
            })?;
            if !quiet {
                let secs = start.elapsed().as_secs_f64();
                let pixels = (s.size.0 * s.size.1) as f64 * s.frames as f64;
                eprintln!(
                    "{}encoded {} frame(s) {}x{} as {} {} in {secs:.2} s ({:.2} frames/s) on backend model -> {output}: {} bytes, {:.3} bits/pixel, {}x{} slices, mean qindex {:.1}{}",
                    if show { "\r" } else { "" },
                    s.frames, s.size.0, s.size.1, s.pictures, if s.fields { "fields" } else { "pictures" },
                    s.frames as f64 / secs.max(1e-9),
                    s.bytes,
                    s.bytes as f64 * 8.0 / pixels.max(1.0),
                    s.slices.0, s.slices.1, s.mean_qindex,
                    s.picture_bytes.map(|b| format!(", {b} bytes/picture budget")).unwrap_or_else(|| ", lossless".into()),
                );
            }
            Ok(())
        }
        Command::Decode { input, output, format, job } => {
            let JobArgs { quiet, threads, backend } = job;
            let acc = accelerator(&backend.backend, None, "decode")?;
            start_threads(threads)?;
            let data = read_input(&input)?;
            let format = match format.as_deref() {
                Some("raw") => OutputFormat::Raw,
                Some(_) => OutputFormat::Y4m,
                None if output == "-" => OutputFormat::Y4m,
                None => OutputFormat::from_path(&output),
            };
            let sink = open_output(&output)?;
            let show = !quiet && std::io::stderr().is_terminal();
            let mut report = stderr_progress("decoded", "pictures");
            let start = std::time::Instant::now();
            let summary = decode_on(&data, &input, sink, format, acc.as_ref(), |n| {
                if show {
                    report(n)
                }
            })?;
            if show {
                eprint!("\r");
            }
            let secs = start.elapsed().as_secs_f64();
            if !quiet {
                let dims = summary
                    .last_header
                    .map(|h| format!(" {}x{} {} {}-bit", h.video.frame_width, h.video.frame_height, h.video.chroma.name(), h.coding.luma_depth))
                    .unwrap_or_default();
                eprintln!(
                    "decoded {} picture(s){dims} from {} bytes in {secs:.2} s ({:.1} pictures/s) on backend {}{} -> {output} ({} frame(s), {})",
                    summary.pictures,
                    summary.stream_bytes,
                    summary.pictures as f64 / secs.max(1e-9),
                    backend.backend,
                    if acc.is_some() { " (slices on the device, inverse transform on the host)" } else { "" },
                    summary.frames_written,
                    if format == OutputFormat::Raw { "raw planar" } else { "Y4M" }
                );
            }
            Ok(())
        }
        Command::Scale { input, output, size, taps, quiet, backend } => {
            backend.backend.require_available("scale")?;
            let show = !quiet && std::io::stderr().is_terminal();
            let mut report = stderr_progress("scaled", "frames");
            let start = std::time::Instant::now();
            let s = uhdpipe::scale::scale_y4m(open_input(&input)?, &input, open_output(&output)?, size, taps, |n| {
                if show {
                    report(n)
                }
            })?;
            if !quiet {
                let secs = start.elapsed().as_secs_f64();
                eprintln!(
                    "{}scaled {} frame(s) {}x{} -> {}x{} ({}/{} taps) in {secs:.2} s ({:.1} frames/s) on backend model -> {output}",
                    if show { "\r" } else { "" },
                    s.frames, s.input.0, s.input.1, size.0, size.1, s.taps.0, s.taps.1,
                    s.frames as f64 / secs.max(1e-9)
                );
            }
            Ok(())
        }
        Command::Pack { input, output, socket, quiet, backend } => {
            let acc = accelerator(&backend.backend, socket.as_deref(), "pack")?;
            let engine = acc.as_ref().map_or(uhdpipe::pack::Engine::Model, uhdpipe::pack::Engine::Device);
            let show = !quiet && std::io::stderr().is_terminal();
            let mut report = stderr_progress("packed", "frames");
            let start = std::time::Instant::now();
            let s = uhdpipe::pack::pack_y4m(open_input(&input)?, &input, open_output(&output)?, engine, |n| {
                if show {
                    report(n)
                }
            })?;
            if !quiet {
                let secs = start.elapsed().as_secs_f64();
                eprintln!(
                    "{}packed {} frame(s) {}x{} into {} bytes of ST 2110-20 in {secs:.2} s ({:.1} frames/s) on backend {} -> {output}",
                    if show { "\r" } else { "" },
                    s.frames, s.size.0, s.size.1, s.packed_bytes, s.frames as f64 / secs.max(1e-9), backend.backend
                );
            }
            Ok(())
        }
        Command::Unpack { input, output, size, rate, socket, quiet, backend } => {
            let acc = accelerator(&backend.backend, socket.as_deref(), "unpack")?;
            let engine = acc.as_ref().map_or(uhdpipe::pack::Engine::Model, uhdpipe::pack::Engine::Device);
            let show = !quiet && std::io::stderr().is_terminal();
            let mut report = stderr_progress("unpacked", "frames");
            let start = std::time::Instant::now();
            let s = uhdpipe::pack::unpack_to_y4m(open_input(&input)?, &input, open_output(&output)?, size, rate, engine, |n| {
                if show {
                    report(n)
                }
            })?;
            if !quiet {
                let secs = start.elapsed().as_secs_f64();
                eprintln!(
                    "{}unpacked {} frame(s) {}x{} from {} bytes of ST 2110-20 in {secs:.2} s ({:.1} frames/s) on backend {} -> {output}",
                    if show { "\r" } else { "" },
                    s.frames, s.size.0, s.size.1, s.packed_bytes, s.frames as f64 / secs.max(1e-9), backend.backend
                );
            }
            Ok(())
        }
        Command::Devinfo { backend, socket } => {
            print!("{}", uhdpipe::devinfo::devinfo(&backend, socket.as_deref())?);
            Ok(())
        }
        Command::Info { input, backend } => {
            backend.backend.require_available("info")?;
            let data = read_input(&input)?;
            let info = uhdpipe::info::stream_info(&data, &input)?;
            print!("{}", uhdpipe::info::format_info(&info, &input));
            Ok(())
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("uhdpipe: error: {e}");
            ExitCode::FAILURE
        }
    }
}
