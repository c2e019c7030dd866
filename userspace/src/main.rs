//! The `uhdpipe` command line.

use clap::{Parser, Subcommand};
use std::io::IsTerminal;
use std::process::ExitCode;
use uhdpipe::decode::{decode_to, OutputFormat};
use uhdpipe::{open_input, open_output, read_input, stderr_progress, Backend, Error};

/// uhdpipe — VC-2 (SMPTE ST 2042) light compression and 8K/4K/HD scaling for live
/// production over IP, on an FPGA accelerator or its bit-exact CPU model.
#[derive(Parser)]
#[command(name = "uhdpipe", version, propagate_version = true)]
#[command(after_help = "Examples:\n  uhdpipe info clip.vc2\n  uhdpipe scale in8k.y4m -o out4k.y4m --size 3840x2160\n  uhdpipe decode clip.vc2 -o clip.y4m\n  uhdpipe decode clip.vc2 -o - | ffplay -\n  uhdpipe decode clip.vc2 -o pictures.yuv      (raw planar, every picture/field in stream order)")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(clap::Args)]
struct BackendArg {
    /// Where the job runs: `model` (the bit-exact CPU reference, default), `sim` (the
    /// simulated PCIe device) or `vfio:BDF` (a card bound to vfio-pci, e.g. vfio:0000:65:00.0).
    #[arg(long, default_value = "model", value_name = "BACKEND")]
    backend: Backend,
}

#[derive(Subcommand)]
enum Command {
    /// Decode a VC-2 stream to Y4M or raw planar pictures.
    ///
    /// Y4M output (any name but .yuv/.raw, or `-` for standard output) weaves field pairs
    /// into interlaced frames and carries frame rate, aspect ratio, interlacing and colour
    /// range; it cannot change format mid-stream. Raw output (.yuv or .raw) writes every
    /// picture — a field is a picture — in stream order: planes Y, Cb, Cr, samples of more
    /// than 8 bits as 16-bit little-endian (FFmpeg's yuv422p10le etc.). Pictures decoded
    /// before a stream error are written before the error is reported.
    Decode {
        /// Input VC-2 stream (`-` for standard input).
        input: String,
        /// Output file: .y4m (default format), .yuv/.raw (raw planar), or `-` (Y4M to stdout).
        #[arg(short, long)]
        output: String,
        /// Force the output format instead of inferring it from the name.
        #[arg(long, value_parser = ["y4m", "raw"])]
        format: Option<String>,
        /// No progress on stderr.
        #[arg(short, long)]
        quiet: bool,
        /// Worker threads (0 = one per core). Changes speed only, never the output.
        #[arg(long, default_value_t = 0)]
        threads: usize,
        #[command(flatten)]
        backend: BackendArg,
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
    /// Describe a VC-2 stream: sequence parameters, picture count, wavelet, depth, slices,
    /// bytes per picture. Every picture is decoded, so a corrupt stream is reported.
    Info {
        /// Input VC-2 stream (`-` for standard input).
        input: String,
        #[command(flatten)]
        backend: BackendArg,
    },
}

fn run(cli: Cli) -> Result<(), Error> {
    match cli.command {
        Command::Decode { input, output, format, quiet, threads, backend } => {
            backend.backend.require_available("decode")?;
            rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build_global()
                .map_err(|e| Error::Usage(format!("cannot start {threads} worker threads: {e}")))?;
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
            let summary = decode_to(&data, &input, sink, format, |n| {
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
                    "decoded {} picture(s){dims} from {} bytes in {secs:.2} s ({:.1} pictures/s) on backend model -> {output} ({} frame(s), {})",
                    summary.pictures,
                    summary.stream_bytes,
                    summary.pictures as f64 / secs.max(1e-9),
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
