//! Number scanning, mirrored by `src/ts/scan-number.ts` (grammars are documented there).

use crate::exact_float::exact_f64_in;
use crate::status::{BAD_NUMBER, OUT_OF_RANGE};

/// Split an optional sign off the front: (negative, rest).
#[inline]
fn sign(s: &[u8]) -> (bool, &[u8]) {
    match s.first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    }
}

const ASCII_ZEROS: u64 = 0x3030_3030_3030_3030;

/// The 8 bytes of `input` from `at`, the first in the low byte (the caller checked they exist).
#[inline(always)]
fn word_at(input: &[u8], at: usize) -> u64 {
    let mut bytes = [0u8; 8];
    bytes.copy_from_slice(&input[at..at + 8]);
    u64::from_le_bytes(bytes)
}

/// The 8 bytes at `from`, the first in the low byte.
///
/// # Safety
/// The 8 bytes must be readable.
#[inline(always)]
pub unsafe fn read_word(from: *const u8) -> u64 {
    u64::from_le(core::ptr::read_unaligned(from as *const u64))
}

/// Whether the 8 bytes of `chunk` are all ASCII digits.
#[inline(always)]
pub fn all_digits(chunk: u64) -> bool {
    // Every byte minus '0' is at most 9 when the subtraction sets no high bit and adding 0x76
    // to it sets none either. The lowest byte that is not a digit borrows nothing and sets one
    // of them; what it borrows or carries only spoils the bytes above it.
    let digits = chunk.wrapping_sub(ASCII_ZEROS);
    (digits | digits.wrapping_add(0x7676_7676_7676_7676)) & 0x8080_8080_8080_8080 == 0
}

/// The value of 8 ASCII digits held little-endian in `chunk` (first digit in the low byte), or
/// None when any byte is not a digit: three multiplications instead of eight steps.
#[inline]
pub fn eight_digits(chunk: u64) -> Option<u64> {
    if !all_digits(chunk) {
        return None;
    }
    let digits = chunk.wrapping_sub(ASCII_ZEROS);
    // Neighbouring digits, then pairs, then quads are combined in place (10a + b in each even
    // byte, 100a + b in each even 16-bit lane, then 10000a + b in the top half).
    let pairs = digits.wrapping_mul(10 << 8 | 1) >> 8;
    let quads = (pairs & 0x00FF_00FF_00FF_00FF).wrapping_mul(100 << 16 | 1) >> 16;
    Some((quads & 0x0000_FFFF_0000_FFFF).wrapping_mul(10_000 << 32 | 1) >> 32)
}

/// The value of the `count` (1 to 8) ASCII digits at the front of `word`, 8 bytes read from
/// memory with the first digit in the low byte (what follows the digits is ignored), or None
/// when one of them is not a digit. Moving the digits to the top and filling the bytes below
/// with '0' turns any length into one 8-digit block: no loop and no branch per digit.
#[inline(always)]
pub fn leading_digits(word: u64, count: usize) -> Option<u64> {
    let shift = (8 - count) * 8;
    eight_digits((word << shift) | (ASCII_ZEROS & ((1u64 << shift) - 1)))
}

/// The sign length and the digits (1 to 8 of them) of the number text `input[at..at + len]` as
/// one word read from where the digits start, when 8 bytes can be read there; None otherwise.
#[inline(always)]
fn short_number(input: &[u8], at: usize, len: usize) -> Option<(bool, usize, u64)> {
    let neg = len > 1 && input[at] == b'-';
    let signed = neg || (len > 1 && input[at] == b'+');
    let from = at + signed as usize;
    let count = len.wrapping_sub(signed as usize);
    if count == 0 || count > 8 || from + 8 > input.len() {
        return None;
    }
    Some((neg, count, word_at(input, from)))
}

/// Reads the leading digits of `digits` 8 at a time while a whole block is left: (their
/// value, how many). What is left (or a block holding a non-digit) goes through the caller's
/// digit loop, which is also cheaper than a block for texts under 8 digits.
#[inline]
fn digit_blocks(digits: &[u8], max_blocks: usize) -> (u64, usize) {
    let mut value = 0u64;
    let mut used = 0usize;
    while used + 8 <= digits.len() && used / 8 < max_blocks {
        match eight_digits(word_at(digits, used)) {
            Some(v) => value = value * 100_000_000 + v,
            None => break,
        }
        used += 8;
    }
    (value, used)
}

/// An integer of at most 32 bits in `[min, max]`.
#[inline]
pub fn parse_small_int(s: &[u8], min: i64, max: i64) -> Result<i64, u32> {
    let (neg, digits) = sign(s);
    if digits.is_empty() {
        return Err(BAD_NUMBER);
    }
    let (block, used) = digit_blocks(digits, 1);
    let mut v = block as i64;
    for &c in &digits[used..] {
        let d = c.wrapping_sub(b'0');
        if d > 9 {
            return Err(BAD_NUMBER);
        }
        if v < 1_000_000_000_000 {
            v = v * 10 + d as i64;
        }
    }
    if neg {
        v = -v;
    }
    if v < min || v > max {
        return Err(OUT_OF_RANGE);
    }
    Ok(v)
}

/// `parse_small_int` of `input[at..at + len]`; a text of up to 8 digits is read as one block
/// when 8 bytes can be read from where its digits start (they can, but for the input's end).
#[inline(always)]
pub fn parse_small_int_in(input: &[u8], at: usize, len: usize, min: i64, max: i64) -> Result<i64, u32> {
    if let Some((neg, count, word)) = short_number(input, at, len) {
        let v = match leading_digits(word, count) {
            Some(v) => v as i64,
            None => return Err(BAD_NUMBER),
        };
        let v = if neg { -v } else { v };
        return if v < min || v > max { Err(OUT_OF_RANGE) } else { Ok(v) };
    }
    parse_small_int(&input[at..at + len], min, max)
}

pub const POWERS_OF_TEN: [u64; 9] = [
    1,
    10,
    100,
    1_000,
    10_000,
    100_000,
    1_000_000,
    10_000_000,
    100_000_000,
];

/// The integer text `input[at..at + len]`, an optional '-' and 1 to 8 bytes in all, read as
/// one 8-byte word when 8 bytes can be read from `at`: (negative, magnitude). None for anything
/// else (longer, a '+', a non-digit, the input's last bytes), which `quick_long_int` or the full
/// parsers then read or reject: this path only has to be right when it answers.
#[inline(always)]
pub fn quick_int(input: &[u8], at: usize, len: usize) -> Option<(bool, u64)> {
    if len.wrapping_sub(1) >= 8 || at.checked_add(8)? > input.len() {
        return None;
    }
    quick_int_word(word_at(input, at), len)
}

/// `quick_int` of the text of `len` bytes whose first 8 bytes (or more) `word` holds.
#[inline(always)]
pub fn quick_int_word(word: u64, len: usize) -> Option<(bool, u64)> {
    if len.wrapping_sub(1) >= 8 {
        return None;
    }
    let neg = word as u8 == b'-';
    let count = len - neg as usize;
    // The text moves to the top of the word, where `leading_digits` would move the digits, and
    // the bytes below its digits (the '-' among them) become '0': one shift for all lengths.
    let digits = (word << ((8 - len) * 8)) & TOP_BYTES[count] | BELOW_TOP[count];
    eight_digits(digits).map(|v| (neg, v))
}

/// The top `count` bytes of a word, for `count` 0 to 8.
const TOP_BYTES: [u64; 9] = [
    0,
    0xFF00_0000_0000_0000,
    0xFFFF_0000_0000_0000,
    0xFFFF_FF00_0000_0000,
    0xFFFF_FFFF_0000_0000,
    0xFFFF_FFFF_FF00_0000,
    0xFFFF_FFFF_FFFF_0000,
    0xFFFF_FFFF_FFFF_FF00,
    0xFFFF_FFFF_FFFF_FFFF,
];

/// '0' in the bytes below the top `count`; none at all for 0 digits (a lone '-'), so that the
/// digit check refuses it.
const BELOW_TOP: [u64; 9] = [
    0,
    0x0030_3030_3030_3030,
    0x0000_3030_3030_3030,
    0x0000_0030_3030_3030,
    0x0000_0000_3030_3030,
    0x0000_0000_0030_3030,
    0x0000_0000_0000_3030,
    0x0000_0000_0000_0030,
    0,
];

/// `quick_int` for texts of 9 to 16 digits after an optional '-', read as two words when 17
/// bytes can be read from `at`.
#[inline]
pub fn quick_long_int(input: &[u8], at: usize, len: usize) -> Option<(bool, u64)> {
    if len.wrapping_sub(9) >= 8 || at.checked_add(17)? > input.len() {
        return None;
    }
    // at + 17 <= input.len().
    unsafe { quick_long_int_at(input.as_ptr().add(at), len) }
}

/// `quick_long_int` of the text of `len` bytes at `text`.
///
/// # Safety
/// 17 bytes must be readable from `text`.
#[inline(always)]
pub unsafe fn quick_long_int_at(text: *const u8, len: usize) -> Option<(bool, u64)> {
    if len.wrapping_sub(9) >= 8 {
        return None;
    }
    let neg = *text == b'-';
    let from = text.add(neg as usize);
    let count = len - neg as usize;
    if count <= 8 {
        return None;
    }
    let high = eight_digits(read_word(from))?;
    let low = leading_digits(read_word(from.add(8)), count - 8)?;
    Some((neg, high * POWERS_OF_TEN[count - 8] + low))
}

/// `parse_int64` of `input[at..at + len]`, with the one-block read of `parse_small_int_in`.
#[inline]
pub fn parse_int64_in(input: &[u8], at: usize, len: usize, unsigned: bool) -> Result<u64, u32> {
    if let Some((neg, v)) = quick_int(input, at, len).or_else(|| quick_long_int(input, at, len)) {
        if neg && unsigned && v != 0 {
            return Err(OUT_OF_RANGE);
        }
        return Ok(if neg { v.wrapping_neg() } else { v });
    }
    if let Some((neg, count, word)) = short_number(input, at, len) {
        let v = match leading_digits(word, count) {
            Some(v) => v,
            None => return Err(BAD_NUMBER),
        };
        if neg && unsigned && v != 0 {
            return Err(OUT_OF_RANGE);
        }
        return Ok(if neg { v.wrapping_neg() } else { v });
    }
    parse_int64(&input[at..at + len], unsigned)
}

/// A 64-bit integer, signed or unsigned; returns its two's complement bits. (No `checked_mul`:
/// on wasm32 it becomes a 128-bit multiply helper call per digit.) Two blocks (16 digits,
/// below 10^16) cannot overflow.
#[inline]
pub fn parse_int64(s: &[u8], unsigned: bool) -> Result<u64, u32> {
    let (neg, digits) = sign(s);
    if digits.is_empty() {
        return Err(BAD_NUMBER);
    }
    let (block, used) = digit_blocks(digits, 2);
    let mut v: u64 = block;
    let mut overflow = false;
    for &c in &digits[used..] {
        let d = c.wrapping_sub(b'0');
        if d > 9 {
            return Err(BAD_NUMBER);
        }
        if v > 1_844_674_407_370_955_161 || (v == 1_844_674_407_370_955_161 && d > 5) {
            overflow = true;
        } else {
            v = v * 10 + d as u64;
        }
    }
    if overflow {
        return Err(OUT_OF_RANGE);
    }
    if unsigned {
        if neg && v != 0 {
            return Err(OUT_OF_RANGE);
        }
        return Ok(v);
    }
    if neg {
        if v > 1u64 << 63 {
            return Err(OUT_OF_RANGE);
        }
        Ok(v.wrapping_neg())
    } else {
        if v > i64::MAX as u64 {
            return Err(OUT_OF_RANGE);
        }
        Ok(v)
    }
}

#[inline]
fn is_digit(c: u8) -> bool {
    c.wrapping_sub(b'0') <= 9
}

/// The decimal grammar.
pub fn is_decimal_text(s: &[u8]) -> bool {
    let (_, s) = sign(s);
    let mut p = 0;
    let mut digits = 0;
    while p < s.len() && is_digit(s[p]) {
        p += 1;
        digits += 1;
    }
    if p < s.len() && s[p] == b'.' {
        p += 1;
        while p < s.len() && is_digit(s[p]) {
            p += 1;
            digits += 1;
        }
    }
    if digits == 0 {
        return false;
    }
    if p < s.len() && (s[p] | 0x20) == b'e' {
        p += 1;
        if p < s.len() && (s[p] == b'-' || s[p] == b'+') {
            p += 1;
        }
        if p >= s.len() || !is_digit(s[p]) {
            return false;
        }
        while p < s.len() && is_digit(s[p]) {
            p += 1;
        }
    }
    p == s.len()
}

/// A float64 from the float grammar (the words inf/infinity/nan only when `words`).
///
/// `core`'s parser is documented to accept exactly `[+-]?(inf|infinity|nan)` (any case) or
/// `[+-]?(digits(.digits?)?|.digits)([eE][+-]?digits)?`, i.e. the float grammar, and it rounds
/// correctly; so it is used as is, with the words refused when not wanted (they are the only
/// accepted texts containing an `i` or `n`) and NaN made canonical.
#[inline]
pub fn parse_f64(s: &[u8], words: bool) -> Result<f64, u32> {
    let text = match core::str::from_utf8(s) {
        Ok(text) => text,
        Err(_) => return Err(BAD_NUMBER),
    };
    let value: f64 = match text.parse() {
        Ok(value) => value,
        Err(_) => return Err(BAD_NUMBER),
    };
    if value.is_finite() {
        return Ok(value);
    }
    if !words && s.iter().any(|&c| c | 0x20 == b'i' || c | 0x20 == b'n') {
        return Err(BAD_NUMBER);
    }
    Ok(if value.is_nan() { f64::NAN } else { value })
}

/// `parse_f64` of `input[at..at + len]`, through the exact fast path when it applies.
#[inline(always)]
pub fn parse_f64_in(input: &[u8], at: usize, len: usize, words: bool) -> Result<f64, u32> {
    match exact_f64_in(input, at, len) {
        Some(value) => Ok(value),
        None => parse_f64(&input[at..at + len], words),
    }
}
