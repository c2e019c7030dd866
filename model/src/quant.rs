//! (13.3) Quantisation: factors, offsets, inverse quantisation, and (for the encoder) the
//! forward quantiser that the standard's informative annex pairs with it.

/// (13.3.2) `quant_factor(index)`. Exact for every index the syntax can carry (0..=255);
/// returned as u128 because `2^(index/4)` exceeds 64 bits above index 255.
pub fn quant_factor(index: u32) -> u128 {
    let base: u128 = 1u128 << (index / 4).min(126);
    match index % 4 {
        0 => 4 * base,
        1 => (503829 * base + 52958) / 105917,
        2 => (665857 * base + 58854) / 117708,
        _ => (440253 * base + 32722) / 65444,
    }
}

/// (13.3.2) `quant_offset(index)`.
pub fn quant_offset(index: u32) -> u128 {
    match index {
        0 => 1,
        1 => 2,
        _ => quant_factor(index).div_ceil(2),
    }
}

/// A band's dequantiser for one slice: factor and offset of its quantisation index, and
/// the dequantised magnitudes of the small values that dominate coded data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dequantiser {
    /// `quant_factor(qi)`.
    pub factor: u128,
    /// `quant_offset(qi)`.
    pub offset: u128,
    /// `magnitude(m)` for m in 0..SMALL_MAGNITUDES (saturated to u64).
    pub small: [u64; SMALL_MAGNITUDES],
}

/// How many small magnitudes [`Dequantiser::small`] holds (0..=14: every value whose
/// signed exp-Golomb code fits 8 bits).
pub const SMALL_MAGNITUDES: usize = 15;

impl Dequantiser {
    /// For quantisation index `qi`.
    pub fn new(qi: u32) -> Self {
        let (factor, offset) = (quant_factor(qi), quant_offset(qi));
        let mut small = [0u64; SMALL_MAGNITUDES];
        for (m, v) in small.iter_mut().enumerate().skip(1) {
            *v = ((m as u128).saturating_mul(factor).saturating_add(offset + 2) >> 2).min(u64::MAX as u128) as u64;
        }
        Dequantiser { factor, offset, small }
    }

    /// The dequantiser of every index a slice can carry (0..=255), computed once.
    pub fn for_index(qi: u8) -> &'static Dequantiser {
        static TABLE: std::sync::OnceLock<Vec<Dequantiser>> = std::sync::OnceLock::new();
        &TABLE.get_or_init(|| (0..256).map(Dequantiser::new).collect())[qi as usize]
    }

    /// (13.3.1) The magnitude `inverse_quant` gives a coefficient of magnitude `m > 0`:
    /// `(m·factor + offset + 2) // 4`, saturating at u128::MAX (callers reject anything
    /// that large long before).
    #[inline]
    pub fn magnitude(&self, m: u64) -> u128 {
        if m < (1 << 32) && self.factor < (1 << 31) {
            // Fits 64 bits: the common case.
            (((m * self.factor as u64) + self.offset as u64 + 2) >> 2) as u128
        } else {
            (m as u128).saturating_mul(self.factor).saturating_add(self.offset + 2) >> 2
        }
    }
}

/// (13.3.1) `inverse_quant(quantized_coeff, quant_index)` on i64 values (reference form).
pub fn inverse_quant(quantized_coeff: i64, quant_index: u32) -> i128 {
    let m = quantized_coeff.unsigned_abs();
    if m == 0 {
        return 0;
    }
    let mag = Dequantiser::new(quant_index).magnitude(m) as i128;
    if quantized_coeff < 0 {
        -mag
    } else {
        mag
    }
}

/// Forward quantiser paired with [`inverse_quant`]: `sign(c) * ((4|c|) // quant_factor)`.
pub fn forward_quant(coeff: i64, quant_index: u32) -> i64 {
    let m = (4 * coeff.unsigned_abs() as u128) / quant_factor(quant_index);
    let m = m as i64;
    if coeff < 0 {
        -m
    } else {
        m
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quant_factors_match_table() {
        // Values from the standard's definition evaluated by hand / Python.
        assert_eq!(quant_factor(0), 4);
        assert_eq!(quant_factor(1), 5);
        assert_eq!(quant_factor(2), 6);
        assert_eq!(quant_factor(3), 7);
        assert_eq!(quant_factor(4), 8);
        assert_eq!(quant_factor(5), 10);
        assert_eq!(quant_factor(10), 23);
        assert_eq!(quant_factor(60), 131072);
        assert_eq!(quant_offset(0), 1);
        assert_eq!(quant_offset(1), 2);
        assert_eq!(quant_offset(5), 5);
        assert!(quant_factor(255) > u64::MAX as u128);
    }

    #[test]
    fn small_magnitude_table_matches_inverse_quant() {
        for qi in 0..256 {
            let d = Dequantiser::for_index(qi as u8);
            for m in 1..SMALL_MAGNITUDES as u64 {
                assert_eq!(d.small[m as usize] as u128, d.magnitude(m).min(u64::MAX as u128), "qi {qi} m {m}");
            }
        }
    }

    #[test]
    fn inverse_quant_examples() {
        assert_eq!(inverse_quant(0, 10), 0);
        assert_eq!(inverse_quant(1, 0), 1);
        assert_eq!(inverse_quant(-3, 0), -3);
        // qi 4: factor 8, offset 4: (8m + 4 + 2) // 4
        assert_eq!(inverse_quant(5, 4), 11);
        assert_eq!(inverse_quant(-5, 4), -11);
        for q in 0..64 {
            for c in -300i64..300 {
                let r = inverse_quant(forward_quant(c, q), q);
                // Reconstruction lies within one quantisation step of the value.
                assert!((r - c as i128).unsigned_abs() <= quant_factor(q) / 4 + 1, "q {q} c {c} r {r}");
            }
        }
    }
}
