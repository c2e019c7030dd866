//! The slice decoder (`uhdpipe_hq_slices`, Verilated) against the model's
//! `slice_order_coefficients` on every HQ and LD picture of the conformance suite
//! (`tests/conformance/features.csv`: all seven wavelets, depths 1–4, the asymmetric set,
//! 4:4:4/4:2:2/4:2:0, fields, lossless, fragments, custom matrices, prefix bytes, size
//! scalers, dangling bits), under random idle input and output back-pressure; then corrupt
//! and truncated slices: an error or coefficients exactly the model's, never a hang, and the
//! next picture exact.

use std::path::{Path, PathBuf};
use uhdpipe_model::slice::{slice_order_coefficients, SliceCoefficient, SliceWalk};
use uhdpipe_model::{Decoder, Event, SequenceHeader};
use uhdpipe_sim::hq_slices::{decode_picture, unsupported, HqSlices, Outcome};
use uhdpipe_sim::Chance;

/// One picture of a stream: its sequence header, walk and slice bytes.
struct Case {
    name: String,
    is_ld: bool,
    seq: SequenceHeader,
    coding: uhdpipe_model::slice::PictureCoding,
    data: Vec<u8>,
}

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf()
}

/// The conformance cases' folder (`ci/conformance-cases.sh` generates or finds them).
fn conformance_dir() -> PathBuf {
    let root = repo_root();
    let out = std::process::Command::new("bash")
        .arg(root.join("ci/conformance-cases.sh"))
        .arg(root.join("tests/conformance/features.csv"))
        .current_dir(&root)
        .output()
        .expect("run ci/conformance-cases.sh");
    assert!(out.status.success(), "ci/conformance-cases.sh failed:\n{}", String::from_utf8_lossy(&out.stderr));
    PathBuf::from(String::from_utf8(out.stdout).unwrap().trim().lines().last().unwrap())
}

/// Every picture (HQ and LD) of every stream of the suite.
fn pictures() -> Vec<Case> {
    let dir = conformance_dir();
    let mut sets: Vec<PathBuf> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).filter(|p| p.join("decoder").is_dir()).collect();
    sets.sort();
    let mut cases = Vec::new();
    for set in sets {
        let mut streams: Vec<PathBuf> = std::fs::read_dir(set.join("decoder")).unwrap().map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|e| e == "vc2")).collect();
        streams.sort();
        for s in streams {
            let bytes = std::fs::read(&s).unwrap();
            let mut d = Decoder::new(&bytes);
            let mut n = 0;
            while let Some(ev) = d.next_event().unwrap() {
                if let Event::Picture { coding, slice_data, .. } = ev {
                    let is_ld = matches!(coding.sizing, uhdpipe_model::slice::SliceSizing::LowDelay { .. });
                    let data: Vec<u8> = slice_data.iter().flat_map(|r| bytes[r.start as usize..r.end as usize].iter().copied()).collect();
                    let name = format!("{}/{} picture {n}", set.file_name().unwrap().to_string_lossy(), s.file_name().unwrap().to_string_lossy());
                    cases.push(Case { name, is_ld, seq: *d.sequence_header().unwrap(), coding, data });
                    n += 1;
                }
            }
        }
    }
    cases
}

/// A bound no correct run comes near: a clock per bit and per coefficient, twice over with
/// the stalls, plus the per-slice and per-band overheads.
fn clock_limit(c: &Case, coefficients: usize) -> u64 {
    let slices = c.coding.slice_count() * (3 * (c.coding.quant_matrix.len() as u64 + 2) + 20);
    8 * (c.data.len() as u64 + coefficients as u64 + slices) + 10_000
}

/// Exact below 2^22 in magnitude, flagged at or above it; the same order, components and
/// bands.
fn check(name: &str, got: &Outcome, want: &[SliceCoefficient]) {
    assert_eq!(got.error, 0, "{name}: error status");
    assert_eq!(got.coefficients.len(), want.len(), "{name}: coefficient count");
    let mut flagged = 0;
    for (i, (g, w)) in got.coefficients.iter().zip(want).enumerate() {
        assert_eq!((g.comp, g.band), (w.comp, w.band), "{name}: coefficient {i}'s component and band");
        if w.value.unsigned_abs() >= 1 << 22 {
            flagged += 1;
        } else {
            assert_eq!(g.value, w.value, "{name}: coefficient {i} (component {}, band {})", w.comp, w.band);
        }
    }
    assert!(got.flagged >= flagged, "{name}: {flagged} coefficients beyond the range, {} flagged", got.flagged);
    assert_eq!(got.range as u64, got.flagged, "{name}: st_range counts the flagged coefficients");
}

#[test]
fn conformance_pictures_decode_exactly_under_back_pressure() {
    let cases = pictures();
    let ld = cases.iter().filter(|c| c.is_ld).count();
    assert!(cases.len() - ld > 500 && ld > 100, "expected the suite's HQ and LD pictures, found {} HQ and {ld} LD", cases.len() - ld);
    let mut d = HqSlices::new();
    let (mut pictures, mut coefficients, mut clocks, mut skipped) = (0, 0u64, 0u64, Vec::new());
    for (i, c) in cases.iter().enumerate() {
        let walk = SliceWalk::new(&c.seq, &c.coding);
        if let Some(why) = unsupported(&walk, c.data.len()) {
            skipped.push(format!("{}: {why}", c.name));
            continue;
        }
        let want = slice_order_coefficients(&c.seq, &c.coding, c.is_ld, &c.data).unwrap();
        let stall = [0, 250, 600][i % 3];
        let got = decode_picture(&mut d, &walk, &c.data, stall, i as u64 + 1, clock_limit(c, want.len()));
        check(&c.name, &got, &want);
        // eor marks the last coefficient of each band row of a slice (LD: C1 and C2 alternate
        // in a band, so its end is where the band or the luma/chroma part changes)
        let part = |w: &SliceCoefficient| (if c.is_ld { w.comp.min(1) } else { w.comp }, w.band);
        let mut ends = Vec::new();
        for (k, w) in want.iter().enumerate() {
            if k + 1 == want.len() || part(&want[k + 1]) != part(w) {
                ends.push(k);
            }
        }
        assert!(ends.iter().all(|e| got.row_ends.contains(e)), "{}: out_eor missing at a band's end", c.name);
        pictures += 1;
        coefficients += want.len() as u64;
        if stall == 0 {
            clocks += got.clocks;
        }
    }
    println!("hq_slices: {pictures} conformance pictures ({ld} LD), {coefficients} coefficients exact; unstalled runs {clocks} clocks; skipped {}: {skipped:?}", skipped.len());
    assert!(skipped.is_empty(), "pictures the block cannot take: {skipped:?}");
}

#[test]
fn corrupt_and_truncated_slices_error_or_match_and_never_hang() {
    let cases: Vec<Case> = pictures().into_iter().filter(|c| c.name.contains("legall_hq") || c.name.contains("dd137_hq") || c.name.contains("_ld")).collect();
    let mut d = HqSlices::new();
    let mut rng = Chance::new(7);
    let (mut errors, mut decoded) = (0, 0);
    for (i, c) in cases.iter().enumerate().take(60) {
        let walk = SliceWalk::new(&c.seq, &c.coding);
        for trial in 0..20u64 {
            let mut data = c.data.clone();
            match trial % 4 {
                // cut short
                0 => data.truncate((rng_u64(&mut rng) as usize) % data.len().max(1)),
                // a length byte or anything else: random bytes changed
                1 | 2 => {
                    for _ in 0..1 + trial % 3 {
                        let k = rng_u64(&mut rng) as usize % data.len().max(1);
                        if let Some(b) = data.get_mut(k) {
                            *b ^= 1 << (rng_u64(&mut rng) % 8);
                        }
                    }
                }
                // bytes appended: the walk ends where the slices do
                _ => data.extend_from_slice(&[0xff; 13]),
            }
            let name = format!("{} trial {trial}", c.name);
            let model = slice_order_coefficients(&c.seq, &c.coding, c.is_ld, &data);
            let limit = clock_limit(c, 4 * (c.seq.coding.luma_width * c.seq.coding.luma_height) + 4096);
            let got = decode_picture(&mut d, &walk, &data, [0, 400][trial as usize % 2], 1000 * i as u64 + trial, limit);
            match model {
                Ok(want) => {
                    check(&name, &got, &want);
                    decoded += 1;
                }
                // a coefficient past even the model's 64-bit range, or a code longer than 64
                // bits: the block flags it (and reads on to the code's end)
                Err(e) if matches!(e.kind, uhdpipe_model::ErrorKind::CoefficientOverflow { .. } | uhdpipe_model::ErrorKind::ValueTooLong(_)) => {
                    assert_eq!(got.error, 0, "{name}: status");
                    assert!(got.flagged > 0, "{name}: the model overflows ({e}), the block flags nothing");
                }
                Err(e) => {
                    // 1: a slice past the data; 2 (LD): slice_y_length longer than its slice
                    let want = if matches!(e.kind, uhdpipe_model::ErrorKind::BadValue { what: "slice_y_length", .. }) { 2 } else { 1 };
                    assert_eq!(got.error, want, "{name}: the model refuses it ({e}) but the block gave status {}", got.error);
                    errors += 1;
                }
            }
        }
        // the next good picture is exact
        let want = slice_order_coefficients(&c.seq, &c.coding, c.is_ld, &c.data).unwrap();
        let got = decode_picture(&mut d, &walk, &c.data, 300, i as u64, clock_limit(c, want.len()));
        check(&c.name, &got, &want);
    }
    println!("hq_slices corruption: {errors} refused by both, {decoded} decoded alike");
    assert!(errors > 0 && decoded > 0, "both outcomes exercised");
}

fn rng_u64(r: &mut Chance) -> u64 {
    (0..64).fold(0u64, |v, _| (v << 1) | r.hit(500) as u64)
}
