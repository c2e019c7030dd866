//! The encoder against the reference decoder: every stream across a pairwise matrix of
//! options (wavelets × depths × chroma formats × bit depths × rates), plus fields, an
//! asymmetric transform with a custom matrix, version-3 colour signalling, odd sizes and
//! large slices, must pass `vc2-bitstream-validator`, and our decoder must give exactly the
//! pictures it writes. Lossless streams must give back the source. One 1080p picture is
//! validated too (the validator takes ~25 s for it); 8K validation is `ci/validate-8k.sh`.

use uhdpipe_model::encoder::{header, EncodedPicture, Encoder, EncoderConfig, Rate, Trailing};
use uhdpipe_model::io::raw;
use uhdpipe_model::picture::{test_pattern, Picture};
use uhdpipe_model::wavelet::TransformParams;
use uhdpipe_model::{ChromaFormat, VideoParameters};
use uhdpipe_tests::validate;

/// One encoder configuration to check.
#[derive(Debug, Clone)]
struct Case {
    name: String,
    size: (usize, usize),
    video: VideoParameters,
    fields: bool,
    config: EncoderConfig,
}

const CHROMAS: [ChromaFormat; 3] = [ChromaFormat::C444, ChromaFormat::C422, ChromaFormat::C420];
const DEPTHS: [u32; 4] = [8, 10, 12, 16];

/// Rates as (name, rule): bits per picture sample for lossy ones.
fn rate(i: usize, samples: usize, depth: u32) -> (&'static str, Rate, Trailing) {
    let bytes = |bits_per_sample: f64| Rate::PictureBytes((samples as f64 * bits_per_sample / 8.0) as u64 + 64);
    match i {
        0 => ("lossless", Rate::Lossless, Trailing::Code),
        1 => ("high", bytes(depth as f64 / 2.5), Trailing::Code),
        2 => ("mid", bytes(depth as f64 / 6.0), Trailing::Code),
        // Under one bit per coefficient: slices must omit trailing zeros.
        3 => ("low", bytes(0.4), Trailing::Code),
        _ => ("omit", bytes(depth as f64 / 5.0), Trailing::Omit),
    }
}

/// A greedy all-pairs covering of the factors (deterministic).
fn pairwise(levels: &[usize]) -> Vec<Vec<usize>> {
    let n = levels.len();
    let mut uncovered = std::collections::HashSet::new();
    for a in 0..n {
        for b in a + 1..n {
            for x in 0..levels[a] {
                for y in 0..levels[b] {
                    uncovered.insert((a, x, b, y));
                }
            }
        }
    }
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    let mut rows = Vec::new();
    while !uncovered.is_empty() {
        let mut best: Option<(usize, Vec<usize>)> = None;
        for _ in 0..64 {
            let cand: Vec<usize> = levels
                .iter()
                .map(|&l| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    (seed % l as u64) as usize
                })
                .collect();
            let gain = (0..n).flat_map(|a| (a + 1..n).map(move |b| (a, b))).filter(|&(a, b)| uncovered.contains(&(a, cand[a], b, cand[b]))).count();
            if best.as_ref().is_none_or(|(g, _)| gain > *g) {
                best = Some((gain, cand));
            }
        }
        let (gain, row) = best.unwrap();
        if gain == 0 {
            // Cover one remaining pair directly.
            let &(a, x, b, y) = uncovered.iter().next().unwrap();
            let mut row = vec![0; n];
            row[a] = x;
            row[b] = y;
            for a in 0..n {
                for b in a + 1..n {
                    uncovered.remove(&(a, row[a], b, row[b]));
                }
            }
            rows.push(row);
            continue;
        }
        for a in 0..n {
            for b in a + 1..n {
                uncovered.remove(&(a, row[a], b, row[b]));
            }
        }
        rows.push(row);
    }
    rows
}

fn transform(wavelet: usize, depth: usize) -> TransformParams {
    TransformParams { wavelet_index: wavelet, wavelet_index_ho: wavelet, dwt_depth: depth, dwt_depth_ho: 0 }
}

fn cases() -> Vec<Case> {
    let (w, h) = (96, 64);
    let mut v = Vec::new();
    for row in pairwise(&[7, 5, 3, 4, 5]) {
        let (wavelet, depth, chroma, bits) = (row[0], row[1], CHROMAS[row[2]], DEPTHS[row[3]]);
        let (sx, sy) = chroma.shifts();
        let samples = w * h + 2 * (w >> sx) * (h >> sy);
        let (rname, rate, trailing) = rate(row[4], samples, bits);
        v.push(Case {
            name: format!("{}_d{depth}_{}_{bits}b_{rname}", uhdpipe::encode::WAVELETS.iter().find(|x| x.1 == wavelet).unwrap().0, chroma.name().replace(':', "")),
            size: (w, h),
            video: header::default_video_parameters(w as u64, h as u64, chroma, bits, false, (25, 1)),
            fields: false,
            config: EncoderConfig { transform: transform(wavelet, depth), slices: None, rate, quant_matrix: None, trailing },
        });
    }
    // Fields, both orders.
    for tff in [true, false] {
        let mut video = header::default_video_parameters(96, 64, ChromaFormat::C422, 10, false, (30000, 1001));
        video.source_sampling = 1;
        video.top_field_first = tff;
        v.push(Case {
            name: format!("fields_{}", if tff { "tff" } else { "bff" }),
            size: (96, 64),
            video,
            fields: true,
            config: EncoderConfig { transform: transform(1, 2), rate: Rate::PictureBytes(2500), ..Default::default() },
        });
    }
    // Asymmetric transform (version 3) with a custom quantisation matrix.
    v.push(Case {
        name: "asym_legall_haar1_ho2_custom_matrix".into(),
        size: (128, 32),
        video: header::default_video_parameters(128, 32, ChromaFormat::C444, 10, false, (50, 1)),
        fields: false,
        config: EncoderConfig {
            transform: TransformParams { wavelet_index: 1, wavelet_index_ho: 4, dwt_depth: 2, dwt_depth_ho: 2 },
            slices: Some((2, 2)),
            rate: Rate::PictureBytes(6000),
            quant_matrix: Some(vec![8, 4, 4, 2, 2, 0, 2, 0, 0]),
            trailing: Trailing::Code,
        },
    });
    // Version-3 signalling: full-range 10-bit (signal range preset 5), BT.2020 with PQ.
    let mut video = header::default_video_parameters(96, 64, ChromaFormat::C422, 10, true, (120, 1));
    (video.color_primaries_index, video.color_matrix_index, video.transfer_function_index) = (4, 4, 4);
    v.push(Case { name: "v3_fullrange_bt2020_pq_120fps".into(), size: (96, 64), video, fields: false, config: EncoderConfig { rate: Rate::PictureBytes(5000), ..Default::default() } });
    // Odd size (padding) and few large slices (slice_size_scaler > 1).
    v.push(Case {
        name: "odd_size_100x58".into(),
        size: (100, 58),
        video: header::default_video_parameters(100, 58, ChromaFormat::C420, 8, false, (25, 1)),
        fields: false,
        config: EncoderConfig { transform: transform(0, 1), slices: Some((5, 1)), rate: Rate::PictureBytes(6000), ..Default::default() },
    });
    v.push(Case {
        name: "large_slices_scaler".into(),
        size: (128, 64),
        video: header::default_video_parameters(128, 64, ChromaFormat::C422, 12, false, (25, 1)),
        fields: false,
        config: EncoderConfig { transform: transform(6, 3), slices: Some((1, 1)), rate: Rate::PictureBytes(20000), ..Default::default() },
    });
    v
}

/// Encodes two frames (four fields when coding fields) of the case's format.
fn encode(case: &Case) -> (Vec<u8>, Vec<Picture>, Vec<EncodedPicture>) {
    let chroma = case.video.chroma;
    let depth = uhdpipe_model::math::intlog2(case.video.luma_excursion + 1);
    let mut enc = Encoder::new(case.video, case.fields as u64, case.config.clone()).unwrap_or_else(|e| panic!("{}: {e}", case.name));
    let mut stream = Vec::new();
    let mut sources = Vec::new();
    let mut coded = Vec::new();
    for f in 0..2 {
        let frame = test_pattern(case.size.0, case.size.1, chroma, depth, f + 7);
        let pictures = if case.fields {
            let (a, b) = uhdpipe_model::io::y4m::split_fields(&frame, case.video.top_field_first);
            vec![a, b]
        } else {
            vec![frame]
        };
        for p in pictures {
            let c = enc.encode(&p).unwrap_or_else(|e| panic!("{}: {e}", case.name));
            stream.extend_from_slice(&c.bytes);
            sources.push(p);
            coded.push(c);
        }
    }
    stream.extend(enc.finish());
    (stream, sources, coded)
}

/// Encodes, validates and decodes one case; returns a failure description.
fn check(case: &Case) -> Option<String> {
    let (stream, sources, coded) = encode(case);
    if let Rate::PictureBytes(n) = case.config.rate {
        if let Some(c) = coded.iter().find(|c| c.picture_bytes > n) {
            return Some(format!("{}: picture of {} bytes exceeds its budget {n}", case.name, c.picture_bytes));
        }
    }
    let truth = match validate(&stream, &case.name) {
        Ok(p) => p,
        Err(report) => return Some(format!("{}: the validator rejects the stream:\n{report}", case.name)),
    };
    let ours = match uhdpipe_model::decode_all(&stream) {
        Ok(p) => p,
        Err(e) => return Some(format!("{}: our decoder fails: {e}", case.name)),
    };
    if truth.len() != sources.len() || ours.len() != sources.len() {
        return Some(format!("{}: {} pictures coded, validator gave {}, we gave {}", case.name, sources.len(), truth.len(), ours.len()));
    }
    for (i, ((t, o), s)) in truth.iter().zip(&ours).zip(&sources).enumerate() {
        if raw::picture_bytes(o) != *t {
            return Some(format!("{}: picture {i} differs from the validator's", case.name));
        }
        if case.config.rate == Rate::Lossless && o.planes != s.planes {
            return Some(format!("{}: lossless picture {i} differs from the source", case.name));
        }
    }
    None
}

/// Runs `f` on every item on both cores; returns the failures it reports.
fn on_both_cores<T: Sync>(items: &[T], f: impl Fn(&T) -> Option<String> + Sync) -> Vec<String> {
    let next = std::sync::atomic::AtomicUsize::new(0);
    let failures = std::sync::Mutex::new(Vec::new());
    std::thread::scope(|s| {
        for _ in 0..2 {
            s.spawn(|| loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let Some(item) = items.get(i) else { break };
                if let Some(failure) = f(item) {
                    failures.lock().unwrap().push(failure);
                }
            });
        }
    });
    failures.into_inner().unwrap()
}

#[test]
fn pairwise_matrix_validates_and_decodes_like_the_reference() {
    let cases = cases();
    // Every pair of option values appears: 7 wavelets × 5 depths alone need 35 cases.
    assert!(cases.len() >= 35 + 6, "{} cases", cases.len());
    let failures = on_both_cores(&cases, check);
    println!("encoder matrix: {} cases, {} failures", cases.len(), failures.len());
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn hd_picture_validates() {
    let video = header::default_video_parameters(1920, 1080, ChromaFormat::C422, 10, false, (50, 1));
    let case = Case { name: "hd_1080p_legall_ratio5".into(), size: (1920, 1080), video, fields: false, config: EncoderConfig::default() };
    let mut case = case;
    case.config.rate = Rate::PictureBytes(1920 * 1080 * 2 * 10 / 8 / 5);
    // One picture only: the validator needs ~25 s for it.
    let mut enc = Encoder::new(case.video, 0, case.config.clone()).unwrap();
    let pic = test_pattern(1920, 1080, ChromaFormat::C422, 10, 3);
    let mut stream = enc.encode(&pic).unwrap().bytes;
    stream.extend(enc.finish());
    let truth = validate(&stream, &case.name).unwrap_or_else(|r| panic!("validator rejects the 1080p stream:\n{r}"));
    let ours = uhdpipe_model::decode_all(&stream).unwrap();
    assert_eq!(truth.len(), 1);
    assert!(raw::picture_bytes(&ours[0]) == truth[0], "1080p picture differs from the validator's");
}

/// A number or boolean field of the generator's flat JSON metadata.
fn json_field(text: &str, key: &str) -> u64 {
    let at = text.find(&format!("\"{key}\": ")).unwrap_or_else(|| panic!("no {key} in {text}")) + key.len() + 4;
    let v: String = text[at..].chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
    match v.as_str() {
        "true" => 1,
        "false" => 0,
        n => n.parse().unwrap_or_else(|_| panic!("{key} = {n}")),
    }
}

/// The video parameters a generator picture's JSON states.
fn json_video(text: &str) -> (VideoParameters, u64) {
    let f = |k| json_field(text, k);
    let video = VideoParameters {
        frame_width: f("frame_width"),
        frame_height: f("frame_height"),
        chroma: ChromaFormat::from_index(f("color_diff_format_index")).unwrap(),
        source_sampling: f("source_sampling"),
        top_field_first: f("top_field_first") == 1,
        frame_rate_numer: f("frame_rate_numer"),
        frame_rate_denom: f("frame_rate_denom"),
        pixel_aspect_ratio_numer: f("pixel_aspect_ratio_numer"),
        pixel_aspect_ratio_denom: f("pixel_aspect_ratio_denom"),
        clean_width: f("clean_width"),
        clean_height: f("clean_height"),
        left_offset: f("left_offset"),
        top_offset: f("top_offset"),
        luma_offset: f("luma_offset"),
        luma_excursion: f("luma_excursion"),
        color_diff_offset: f("color_diff_offset"),
        color_diff_excursion: f("color_diff_excursion"),
        color_primaries_index: f("color_primaries_index"),
        color_matrix_index: f("color_matrix_index"),
        transfer_function_index: f("transfer_function_index"),
    };
    (video, f("picture_coding_mode"))
}

/// The encoder test cases `vc2-test-case-generator --encoder-only` makes for
/// `tests/conformance/encoder-features.csv` (moving sprite, ramps, noise, grey, the
/// signal-range patterns that drive every filter stage to its extremes, and real pictures)
/// must encode, validate and decode. Each case is coded twice: at the feature set's rate
/// (lossless or `picture_bytes`) and losslessly, where the decoded pictures must equal the
/// source exactly — so no arithmetic in the encoder overflowed or clipped, even on the
/// signal-range patterns.
#[test]
fn generator_encoder_cases_encode_validate_and_decode() {
    let features = uhdpipe_tests::repo_root().join("tests/conformance/encoder-features.csv");
    let dir = std::path::PathBuf::from(uhdpipe_tests::run_ci_script("conformance-cases.sh", &[features.to_str().unwrap(), "encoder"]));
    let csv = std::fs::read_to_string(&features).unwrap();
    let rows: Vec<Vec<&str>> = csv.lines().map(|l| l.split(',').collect()).collect();
    let key = |k: &str| rows.iter().find(|r| r[0] == k).unwrap_or_else(|| panic!("no {k} row"));
    let mut cases = Vec::new();
    for (col, set) in key("name").iter().enumerate().skip(1) {
        let value = |k: &str| key(k)[col].to_string();
        let transform = TransformParams {
            wavelet_index: value("wavelet_index").parse().unwrap(),
            wavelet_index_ho: value("wavelet_index_ho").parse().unwrap(),
            dwt_depth: value("dwt_depth").parse().unwrap(),
            dwt_depth_ho: value("dwt_depth_ho").parse().unwrap(),
        };
        let lossless = value("lossless") == "TRUE";
        let set_rate = if lossless { Rate::Lossless } else { Rate::PictureBytes(value("picture_bytes").parse().unwrap()) };
        let set_dir = dir.join(set).join("encoder");
        let mut names: Vec<_> = std::fs::read_dir(&set_dir).unwrap().map(|e| e.unwrap().path()).filter(|p| p.is_dir()).collect();
        names.sort();
        assert!(names.len() >= 7, "{}: {} cases", set_dir.display(), names.len());
        for case_dir in names {
            for rate in [set_rate, Rate::Lossless] {
                cases.push((case_dir.clone(), transform, rate));
            }
        }
    }
    let pictures = std::sync::atomic::AtomicUsize::new(0);
    let failures = on_both_cores(&cases, |(case_dir, transform, rate)| {
        let name = format!("{}/{} ({rate:?})", case_dir.parent().unwrap().parent().unwrap().file_name().unwrap().to_string_lossy(), case_dir.file_name().unwrap().to_string_lossy());
        let mut sources = Vec::new();
        let mut mode = 0;
        let mut video = None;
        while let Ok(meta) = std::fs::read_to_string(case_dir.join(format!("picture_{}.json", sources.len()))) {
            let (v, m) = json_video(&meta);
            let data = std::fs::read(case_dir.join(format!("picture_{}.raw", sources.len()))).unwrap();
            let (lw, lh) = (v.frame_width as usize, (v.frame_height >> m) as usize);
            let (sx, sy) = v.chroma.shifts();
            let (cw, ch) = (lw >> sx, ((v.frame_height >> sy) >> m) as usize);
            let dl = uhdpipe_model::math::intlog2(v.luma_excursion + 1);
            let dc = uhdpipe_model::math::intlog2(v.color_diff_excursion + 1);
            let mut r = &data[..];
            let planes = [(lw, lh, dl), (cw, ch, dc), (cw, ch, dc)].map(|(w, h, d)| raw::read_plane(&mut r, w, h, d).unwrap().unwrap());
            sources.push(Picture { picture_number: sources.len() as u32, planes });
            (video, mode) = (Some(v), m);
        }
        let video = video.unwrap_or_else(|| panic!("{name}: no pictures"));
        let config = EncoderConfig { transform: *transform, slices: None, rate: *rate, quant_matrix: None, trailing: Trailing::Code };
        let result = (|| {
            let mut enc = Encoder::new(video, mode, config).map_err(|e| format!("{name}: {e}"))?;
            let mut stream = Vec::new();
            for p in &sources {
                stream.extend(enc.encode(p).map_err(|e| format!("{name}: {e}"))?.bytes);
            }
            stream.extend(enc.finish());
            let truth = validate(&stream, "gen-case").map_err(|r| format!("{name}: the validator rejects the stream:\n{r}"))?;
            let ours = uhdpipe_model::decode_all(&stream).map_err(|e| format!("{name}: {e}"))?;
            if ours.len() != sources.len() || truth.len() != sources.len() {
                return Err(format!("{name}: {} pictures, validator {}, ours {}", sources.len(), truth.len(), ours.len()));
            }
            for (i, ((o, t), s)) in ours.iter().zip(&truth).zip(&sources).enumerate() {
                if raw::picture_bytes(o) != *t {
                    return Err(format!("{name}: picture {i} differs from the validator's"));
                }
                if *rate == Rate::Lossless && o.planes != s.planes {
                    return Err(format!("{name}: lossless picture {i} differs from the source (overflow or clipping)"));
                }
            }
            pictures.fetch_add(sources.len(), std::sync::atomic::Ordering::Relaxed);
            Ok(())
        })();
        result.err()
    });
    println!("generator encoder cases: {} streams, {} pictures, {} failures", cases.len(), pictures.into_inner(), failures.len());
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// With the default options (LeGall 5/3, Deslauriers-Dubuc 9/7, both Haars; 4:2:2 10-bit;
/// default slices) at rates of at least one bit per coefficient, FFmpeg's decoder gives
/// exactly our pictures.
#[test]
fn ffmpeg_decodes_default_streams_exactly() {
    let video = header::default_video_parameters(1920, 1080, ChromaFormat::C422, 10, false, (50, 1));
    let frames: Vec<Picture> = (0..2).map(|i| test_pattern(1920, 1080, ChromaFormat::C422, 10, 40 + i)).collect();
    let mut failures = Vec::new();
    for wavelet in [1, 0, 3, 4] {
        for ratio in [3u64, 7] {
            let config = EncoderConfig { transform: transform(wavelet, 3), rate: Rate::PictureBytes(1920 * 1080 * 20 / 8 / ratio), ..Default::default() };
            let mut enc = Encoder::new(video, 0, config).unwrap();
            let mut stream = Vec::new();
            for f in &frames {
                stream.extend(enc.encode(f).unwrap().bytes);
            }
            stream.extend(enc.finish());
            let ours: Vec<u8> = uhdpipe_model::decode_all(&stream).unwrap().iter().flat_map(raw::picture_bytes).collect();
            let theirs = uhdpipe_tests::ffmpeg_decode(&stream, "yuv422p10le", "ffmpeg-interop");
            if ours != theirs {
                failures.push(format!("wavelet {wavelet} ratio {ratio}: FFmpeg decodes differently"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
