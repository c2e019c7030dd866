//! Deterministic test pictures and values shared by the testbenches and benchmarks.

/// Deterministic pseudo-random non-negative values (a 64-bit mix of `i` and `k`).
pub fn noise(i: u64, k: u64) -> i64 {
    let mut x = i.wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ k.wrapping_mul(0xc2b2_ae3d_27d4_eb4f);
    x ^= x >> 29;
    x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x ^= x >> 32;
    (x >> 1) as i64
}

/// A smooth natural-looking `w` × `h` picture: sums of low-frequency sinusoids, offset to
/// signed 10-bit, so that a transform sees the correlations of real content.
pub fn natural(w: usize, h: usize) -> Vec<i64> {
    (0..w * h)
        .map(|i| {
            let (x, y) = ((i % w) as f64, (i / w) as f64);
            let v = 512.0 + 200.0 * (x / 17.0).sin() * (y / 23.0).cos() + 150.0 * ((x + 2.0 * y) / 41.0).sin() + 60.0 * ((x * y) / 900.0).cos();
            v.round().clamp(0.0, 1023.0) as i64 - 512
        })
        .collect()
}

/// Full-scale 12-bit `w` × `h` pictures, two per pattern: 2047 where `pattern(x, y)` holds
/// and −2048 elsewhere, then the opposite polarity (the extremes tests' pictures: shapes that
/// drive the lifting to its bounds).
pub fn full_scale(w: usize, h: usize, patterns: &[&dyn Fn(usize, usize) -> bool]) -> Vec<Vec<i64>> {
    patterns.iter().flat_map(|p| [(2047, -2048), (-2048, 2047)].map(|(hi, lo)| (0..w * h).map(|i| if p(i % w, i / w) { hi } else { lo }).collect())).collect()
}

/// A deterministic diagonal texture, offset to signed 10-bit (the cycle benchmarks' content:
/// they do not check outputs, so anything busy does).
pub fn texture(w: usize, h: usize) -> Vec<i64> {
    (0..w * h).map(|i| (((i % w) * 7 + (i / w) * 13) % 1024) as i64 - 512).collect()
}

/// Picture sizes from `WxH` command-line arguments, or `default` when there are none (the
/// cycle benchmarks' argument convention). Panics with the offending text otherwise.
pub fn sizes_from_args(default: &[(usize, usize)]) -> Vec<(usize, usize)> {
    sizes_from(&std::env::args().skip(1).collect::<Vec<_>>(), default)
}

/// The wavelets a cycle benchmark runs: the index after `--wavelet` in `args` (removed from
/// them, so that the rest are sizes), else all seven VC-2 wavelets. Panics on an index
/// outside 0–6.
pub fn wavelets_from(args: &mut Vec<String>) -> Vec<u8> {
    let Some(i) = args.iter().position(|a| a == "--wavelet") else { return (0..7).collect() };
    let w = args.get(i + 1).and_then(|d| d.parse().ok()).filter(|d| *d < 7).expect("--wavelet takes a VC-2 wavelet index, 0-6");
    args.drain(i..i + 2);
    vec![w]
}

/// `WxH` sizes from `args` (`default` when there are none).
pub fn sizes_from(args: &[String], default: &[(usize, usize)]) -> Vec<(usize, usize)> {
    if args.is_empty() {
        return default.to_vec();
    }
    args.iter()
        .map(|a| {
            let (w, h) = a.split_once('x').unwrap_or_else(|| panic!("{a}: sizes are WxH"));
            (w.parse().unwrap_or_else(|_| panic!("{a}: width")), h.parse().unwrap_or_else(|_| panic!("{a}: height")))
        })
        .collect()
}
