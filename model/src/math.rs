//! (5.5.3) Integer helpers as the standard defines them.
//!
//! The standard's pseudocode uses unbounded integers and floor division; Rust's `/` and `%`
//! truncate toward zero, so every division of a possibly negative value goes through
//! [`floor_div`].

/// (5.5.3) `intlog2(n)`: the number of bits needed to hold `n - 1`, i.e. ceil(log2(n)).
/// `intlog2(0)` and `intlog2(1)` are 0.
pub fn intlog2(n: u64) -> u32 {
    if n <= 1 {
        0
    } else {
        64 - (n - 1).leading_zeros()
    }
}

/// Floor division (the standard's `//`) for a positive divisor.
#[inline]
pub fn floor_div(a: i64, b: i64) -> i64 {
    debug_assert!(b > 0);
    let q = a / b;
    if (a % b) < 0 {
        q - 1
    } else {
        q
    }
}

/// (5.5.3) `mean(a, b, c)` of three values: `(a + b + c + 1) // 3`.
#[inline]
pub fn mean3(a: i64, b: i64, c: i64) -> i64 {
    floor_div(a + b + c + 1, 3)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn intlog2_matches_ceil_log2() {
        assert_eq!(intlog2(0), 0);
        assert_eq!(intlog2(1), 0);
        assert_eq!(intlog2(2), 1);
        assert_eq!(intlog2(3), 2);
        assert_eq!(intlog2(4), 2);
        assert_eq!(intlog2(5), 3);
        assert_eq!(intlog2(1024), 10);
        assert_eq!(intlog2(1025), 11);
        assert_eq!(intlog2(u64::MAX), 64);
    }

    #[test]
    fn floor_division_rounds_down() {
        assert_eq!(floor_div(7, 3), 2);
        assert_eq!(floor_div(-7, 3), -3);
        assert_eq!(floor_div(-6, 3), -2);
        assert_eq!(mean3(-1, -1, -1), -1);
        assert_eq!(mean3(-1, 0, 0), 0);
        assert_eq!(mean3(-2, 0, 0), -1);
        assert_eq!(mean3(1, 1, 0), 1);
    }
}
