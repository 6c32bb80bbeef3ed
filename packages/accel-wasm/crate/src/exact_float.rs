//! The exact fast path of float parsing (Clinger's), as in `src/ts/scan-number.ts`, for texts
//! of at most 16 bytes after the sign, digits with at most one '.', read as two words.
//!
//! Such a text is m / 10^f with m its digits and f the digits after the '.'. With a '.', m has
//! at most 15 digits, below 2^53, so m and 10^f are exact doubles and the one IEEE division
//! rounds the exact value once, correctly, which is what `core`'s parser returns too. Without
//! one, f = 0 and converting m (up to 16 digits) is that one correct rounding. DOUBLE cells of
//! 15 significant digits take it: a digit loop was slower than `core` (which reads 8 digits at
//! a time itself).

use crate::number::{eight_digits, leading_digits, read_word, POWERS_OF_TEN};

/// The powers of ten that are exact doubles, up to the largest `f`.
const POWERS: [f64; 16] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
];

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x8080_8080_8080_8080;
const DOTS: u64 = 0x2e2e_2e2e_2e2e_2e2e;

/// The index of the first '.' in `word` (first byte low), 8 when there is none. A borrow can
/// only flag bytes above a real match, so the lowest flag is exact.
#[inline(always)]
fn first_dot(word: u64) -> usize {
    let x = word ^ DOTS;
    (x.wrapping_sub(ONES) & !x & HIGHS).trailing_zeros() as usize / 8
}

/// The 16 bytes `lo`, `hi` (first byte low) without byte `k`, the bytes after it moved down.
#[inline(always)]
fn without_byte(lo: u64, hi: u64, k: usize) -> (u64, u64) {
    if k < 8 {
        let below = (1u64 << (k * 8)) - 1;
        ((lo & below) | ((lo >> 8) & !below) | (hi << 56), hi >> 8)
    } else {
        let below = (1u64 << ((k - 8) * 8)) - 1;
        (lo, (hi & below) | ((hi >> 8) & !below))
    }
}

/// The value of the float text `input[at..at + len]` when the fast path applies to it and 16
/// bytes can be read from where its digits start; None for anything else, valid or not, which
/// the general parser then reads or rejects.
#[inline(always)]
pub fn exact_f64_in(input: &[u8], at: usize, len: usize) -> Option<f64> {
    let first = *input.get(at)?;
    let neg = first == b'-';
    let signed = (neg || first == b'+') as usize;
    let from = at + signed;
    let n = len.wrapping_sub(signed);
    if n.wrapping_sub(1) >= 16 || from.checked_add(16)? > input.len() {
        return None;
    }
    // from + 16 <= input.len().
    let (lo, hi) = unsafe {
        let text = input.as_ptr().add(from);
        (read_word(text), read_word(text.add(8)))
    };
    let mut k = first_dot(lo);
    if k == 8 {
        k += first_dot(hi);
    }
    let (lo, hi, count, fraction) = if k < n {
        let (lo, hi) = without_byte(lo, hi, k);
        (lo, hi, n - 1, n - 1 - k)
    } else {
        (lo, hi, n, 0)
    };
    let mantissa = match count {
        0 => return None,
        1..=8 => leading_digits(lo, count)?,
        _ => eight_digits(lo)? * POWERS_OF_TEN[count - 8] + leading_digits(hi, count - 8)?,
    };
    let magnitude = mantissa as f64 / POWERS[fraction];
    Some(if neg { -magnitude } else { magnitude })
}
