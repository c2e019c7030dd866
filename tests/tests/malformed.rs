//! Malformed streams: truncation at every parse-unit boundary and inside units, random bit
//! flips, wrong parse offsets, absurd sizes and values. Each must give an error (or, for
//! flips that happen to leave a valid stream, pictures) — never a panic, a hang or a huge
//! allocation.

use uhdpipe_model::params::Limits;
use uhdpipe_model::{Decoder, ErrorKind, Event};
use uhdpipe_tests::synth::{self, grey_stream, parse_unit_offsets, Seq};
use uhdpipe_tests::{conformance_dir, files_with_ext};

/// Decodes a whole stream; Ok(picture count) or the error. `max` bounds frame dimensions.
fn decode(data: &[u8], max: u64) -> Result<usize, uhdpipe_model::Error> {
    let mut d = Decoder::new(data).with_limits(Limits { max_width: max, max_height: max });
    let mut n = 0;
    while let Some(ev) = d.next_event()? {
        if let Event::Picture { .. } = ev {
            n += 1;
        }
    }
    Ok(n)
}

/// Streams to mutate: synthetic ones and one small stream from each conformance feature set
/// (HQ and LD, fragments, fields, every wavelet).
fn corpus() -> Vec<(String, Vec<u8>)> {
    let mut v = vec![
        ("grey hq 4:2:2".to_string(), grey_stream(&Seq::default(), 1, 3, (4, 2))),
        ("grey hq fields v2".to_string(), grey_stream(&Seq { picture_coding_mode: 1, major_version: 2, ..Seq::default() }, 6, 2, (2, 2))),
    ];
    let dir = conformance_dir();
    let mut sets: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).filter(|p| p.join("decoder").is_dir()).collect();
    sets.sort();
    for set in sets {
        let streams = files_with_ext(&set.join("decoder"), "vc2");
        // picture_numbers[start_at_zero] is small and has several pictures.
        let pick = streams.iter().find(|p| p.to_string_lossy().contains("picture_numbers[start_at_zero]")).unwrap_or(&streams[0]);
        v.push((pick.display().to_string(), std::fs::read(pick).unwrap()));
    }
    assert!(v.len() >= 10);
    v
}

#[test]
fn corpus_decodes_cleanly() {
    for (name, data) in corpus() {
        assert!(decode(&data, 16384).unwrap() > 0, "{name}");
    }
}

#[test]
fn truncation_anywhere_is_an_error() {
    for (name, data) in corpus() {
        let units = parse_unit_offsets(&data);
        let mut cuts: Vec<usize> = units.iter().map(|&(o, _)| o).collect();
        // ... and a few places inside each unit: inside the parse info, just after it, mid-payload.
        for w in units.windows(2) {
            let (a, b) = (w[0].0, w[1].0);
            cuts.extend([a + 1, a + 12, a + 13, a + (b - a) / 2, b - 1]);
        }
        cuts.extend([data.len() - 1, 1, 4]);
        for cut in cuts {
            if cut == 0 || cut >= data.len() {
                continue;
            }
            // Cutting right after an end of sequence leaves a valid (shorter) stream.
            let after_eos = units.iter().any(|&(o, c)| c == 0x10 && o + 13 == cut);
            let r = decode(&data[..cut], 16384);
            if after_eos {
                assert!(r.is_ok(), "{name} cut at {cut} (after an end of sequence): {r:?}");
            } else {
                let e = r.expect_err(&format!("{name} cut at {cut} decoded without error"));
                let p = e.position.expect("stream errors carry a position");
                assert!(p.byte <= cut as u64, "{name} cut at {cut}: error position {} is past the end", p.byte);
            }
        }
    }
}

#[test]
fn random_bit_flips_never_panic() {
    let mut x: u64 = 0x2545F4914F6CDD1D;
    let mut rnd = move |n: usize| {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        (x % n as u64) as usize
    };
    let (mut ok, mut err) = (0, 0);
    for (_name, data) in corpus() {
        for trial in 0..120 {
            let mut d = data.clone();
            let flips = 1 + trial % 4;
            for _ in 0..flips {
                let i = rnd(d.len());
                d[i] ^= 1 << rnd(8);
            }
            // Limit sizes so a flip that claims a huge (but legal) picture stays cheap.
            match decode(&d, 1024) {
                Ok(_) => ok += 1,
                Err(_) => err += 1,
            }
        }
        // Garbage runs overwriting a stretch of the stream.
        for _ in 0..20 {
            let mut d = data.clone();
            let start = rnd(d.len());
            let len = (1 + rnd(64)).min(d.len() - start);
            for b in &mut d[start..start + len] {
                *b = rnd(256) as u8;
            }
            let _ = decode(&d, 1024);
        }
    }
    println!("bit flips: {ok} streams still decoded, {err} gave errors");
    assert!(err > 0);
}

#[test]
fn wrong_next_parse_offsets_are_errors() {
    let data = grey_stream(&Seq::default(), 1, 2, (2, 2));
    let units = parse_unit_offsets(&data);
    for &(off, code) in &units {
        let orig = u32::from_be_bytes(data[off + 5..off + 9].try_into().unwrap());
        let mut bad_values = vec![orig.wrapping_add(1), orig.wrapping_sub(1), 5, 12, u32::MAX, 0x8000_0000];
        if code == 0x10 {
            bad_values = vec![1, 14, 1000, u32::MAX];
        }
        if code == 0x00 {
            bad_values.push(0); // only pictures may omit it
        }
        for v in bad_values {
            let mut d = data.clone();
            d[off + 5..off + 9].copy_from_slice(&v.to_be_bytes());
            let e = decode(&d, 16384).expect_err(&format!("unit at {off} (code 0x{code:02x}) with next_parse_offset {v} accepted"));
            assert!(e.position.is_some());
        }
        // previous_parse_offset too.
        let mut d = data.clone();
        d[off + 12] ^= 0x01;
        assert!(decode(&d, 16384).is_err(), "previous_parse_offset of unit at {off} changed");
    }
    // A picture may omit next_parse_offset (0): still decodes.
    let pic = units.iter().find(|u| u.1 == 0xE8).unwrap().0;
    let mut d = data.clone();
    d[pic + 5..pic + 9].copy_from_slice(&0u32.to_be_bytes());
    assert_eq!(decode(&d, 16384).unwrap(), 1);
}

#[test]
fn absurd_sizes_are_refused_before_allocation() {
    // Beyond the documented 16384 limit.
    let s = grey_stream(&Seq { size: Some((100_000, 100_000)), ..Seq::default() }, 1, 1, (1, 1));
    assert!(matches!(decode(&s, 16384).unwrap_err().kind, ErrorKind::PictureTooLarge { .. }));
    let s = grey_stream(&Seq { size: Some((16, 1 << 40)), ..Seq::default() }, 1, 1, (1, 1));
    assert!(matches!(decode(&s, 16384).unwrap_err().kind, ErrorKind::PictureTooLarge { .. }));
    // Zero size.
    let s = grey_stream(&Seq { size: Some((0, 16)), ..Seq::default() }, 1, 1, (1, 1));
    assert!(matches!(decode(&s, 16384).unwrap_err().kind, ErrorKind::BadValue { .. }));
    // More slices than the stream has bytes.
    let mut units = vec![(0x00, synth::sequence_header(&Seq::default()))];
    let mut w = synth::BitWriter::default();
    w.write_nbits(0, 32);
    w.write_uint(1);
    w.write_uint(2);
    w.write_bool(false);
    w.write_bool(false);
    w.write_uint(1 << 30);
    w.write_uint(1 << 30);
    w.write_uint(0);
    w.write_uint(1);
    w.write_bool(false);
    units.push((0xE8, w.into_bytes()));
    units.push((0x10, vec![]));
    assert!(matches!(decode(&synth::stream(&units), 16384).unwrap_err().kind, ErrorKind::BadValue { what: "slices_x * slices_y", .. }));
    // Absurd transform depth.
    let s = grey_stream(&Seq::default(), 1, 1000, (1, 1));
    assert!(matches!(decode(&s, 16384).unwrap_err().kind, ErrorKind::BadValue { .. }));
    // Wavelet index out of range.
    let s = grey_stream(&Seq::default(), 9, 1, (1, 1));
    assert!(matches!(decode(&s, 16384).unwrap_err().kind, ErrorKind::BadValue { what: "wavelet_index", .. }));
    // A 65-bit exp-Golomb frame width.
    let mut w = synth::BitWriter::default();
    for v in [3u64, 0, 3, 0, 0] {
        w.write_uint(v);
    }
    w.write_bool(true);
    for _ in 0..70 {
        w.write_bool(false);
        w.write_bool(true);
    }
    w.write_bool(true);
    let s = synth::stream(&[(0x00, w.into_bytes()), (0x10, vec![])]);
    assert!(matches!(decode(&s, 16384).unwrap_err().kind, ErrorKind::ValueTooLong(_)));
}

/// A stream of one 64x32 HQ LeGall depth-1 picture with one slice: `qindex`, and a luma
/// block holding the single coefficient `coeff` (colour-difference blocks empty).
fn one_coefficient_stream(qindex: u8, coeff: i64) -> Vec<u8> {
    let mut w = synth::BitWriter::default();
    w.write_nbits(0, 32); // picture number
    w.write_uint(1); // LeGall
    w.write_uint(1); // depth 1
    w.write_bool(false); // no asymmetric wavelet
    w.write_bool(false); // no horizontal-only levels
    w.write_uint(1); // slices_x
    w.write_uint(1); // slices_y
    w.write_uint(0); // slice_prefix_bytes
    w.write_uint(1); // slice_size_scaler
    w.write_bool(false); // default quantisation matrix
    w.byte_align();
    let mut pic = w.into_bytes();
    let mut b = synth::BitWriter::default();
    b.write_sint(coeff);
    let block = b.into_bytes();
    pic.push(qindex);
    pic.push(block.len() as u8);
    pic.extend_from_slice(&block);
    pic.extend_from_slice(&[0, 0]);
    synth::stream(&[(0x00, synth::sequence_header(&Seq::default())), (0xE8, pic), (0x10, vec![])])
}

/// A coefficient so large that no transform arithmetic can hold it is an error naming its
/// offset, not an overflow.
#[test]
fn huge_coefficients_are_errors_not_overflows() {
    // qindex 200 (factor ~2^50) times a magnitude of 2^40.
    let e = decode(&one_coefficient_stream(200, 1 << 40), 16384).unwrap_err();
    assert!(matches!(e.kind, ErrorKind::CoefficientOverflow { .. }), "{e}");
    assert!(e.position.is_some());
}

/// Coefficients too big for 32-bit arithmetic but fine in 64 bits decode exactly (the
/// decoder widens instead of failing or overflowing).
#[test]
fn large_coefficients_widen_to_64_bits() {
    // qindex 0: dequantises to itself, beyond the i32 limit.
    let pics = uhdpipe_model::decode_all(&one_coefficient_stream(0, 1 << 33)).unwrap();
    // A huge positive DC coefficient saturates the top-left samples to white.
    assert_eq!(pics[0].planes[0].data[0], 255); // base format 0 is 8-bit
}
