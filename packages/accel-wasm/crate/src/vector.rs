//! VECTOR values, mirrored by `src/ts/scan-vector.ts` (grammar documented there). `out` is
//! the row's slot: `dims` elements of the element type (F16 widened to f32).

use crate::number::{parse_f64, parse_int64, parse_small_int};
use crate::status::{BAD_NUMBER, BAD_VECTOR, OK, VECTOR_LENGTH};

pub const F32: u32 = 1;
pub const F64: u32 = 2;
pub const I8: u32 = 3;
pub const I16: u32 = 4;
// 5 is I32, the default arm below.
pub const I64: u32 = 6;
pub const F16: u32 = 7;

/// Wire bytes per element, by element code.
pub const ELEMENT_BYTES: [u32; 8] = [0, 4, 8, 1, 2, 4, 8, 2];
/// Bytes per element in the output (F16 is widened to 4).
pub const OUTPUT_BYTES: [u32; 8] = [0, 4, 8, 1, 2, 4, 8, 4];

/// Float16 bits → float32 bits.
pub fn f16_to_f32_bits(half: u32) -> u32 {
    let sign = (half & 0x8000) << 16;
    let exponent = (half >> 10) & 0x1f;
    let mut mantissa = half & 0x3ff;
    if exponent == 0 {
        if mantissa == 0 {
            return sign;
        }
        let mut biased = 113;
        while mantissa & 0x400 == 0 {
            mantissa <<= 1;
            biased -= 1;
        }
        return sign | (biased << 23) | ((mantissa & 0x3ff) << 13);
    }
    if exponent == 31 {
        return sign | 0x7f80_0000 | (mantissa << 13);
    }
    sign | ((exponent + 112) << 23) | (mantissa << 13)
}

fn round_shift(value: u64, shift: u32) -> u64 {
    let quotient = value >> shift;
    let remainder = value & ((1u64 << shift) - 1);
    let half = 1u64 << (shift - 1);
    if remainder > half || (remainder == half && quotient & 1 == 1) {
        quotient + 1
    } else {
        quotient
    }
}

/// Float64 → float16 bits, round to nearest even.
pub fn f64_to_f16_bits(value: f64) -> u32 {
    let bits = value.to_bits();
    let sign = ((bits >> 48) & 0x8000) as u32;
    let biased = ((bits >> 52) & 0x7ff) as i32;
    let mantissa = bits & ((1u64 << 52) - 1);
    if biased == 0x7ff {
        return sign | if mantissa != 0 { 0x7e00 } else { 0x7c00 };
    }
    let exponent = biased - 1023;
    if exponent > 15 {
        return sign | 0x7c00;
    }
    if exponent >= -14 {
        return sign | ((((exponent + 15) as u64) << 10) + round_shift(mantissa, 42)) as u32;
    }
    if exponent < -25 {
        return sign;
    }
    sign | round_shift(mantissa | (1u64 << 52), (28 - exponent) as u32) as u32
}

#[inline]
fn is_space(c: u8) -> bool {
    c == b' ' || c == b'\t' || c == b'\n' || c == b'\r'
}

unsafe fn store_element(token: &[u8], element: u32, out: *mut u8, i: usize) -> u32 {
    match element {
        F32 | F64 | F16 => {
            let value = match parse_f64(token, false) {
                Ok(value) => value,
                Err(_) => return BAD_VECTOR,
            };
            match element {
                F32 => (out as *mut f32).add(i).write(value as f32),
                F64 => (out as *mut f64).add(i).write(value),
                _ => (out as *mut u32)
                    .add(i)
                    .write(f16_to_f32_bits(f64_to_f16_bits(value))),
            }
            OK
        }
        I64 => match parse_int64(token, false) {
            Ok(bits) => {
                (out as *mut u64).add(i).write(bits);
                OK
            }
            Err(BAD_NUMBER) => BAD_VECTOR,
            Err(status) => status,
        },
        _ => {
            let limit: i64 = match element {
                I8 => 1 << 7,
                I16 => 1 << 15,
                _ => 1 << 31,
            };
            match parse_small_int(token, -limit, limit - 1) {
                Ok(value) => {
                    match element {
                        I8 => (out as *mut i8).add(i).write(value as i8),
                        I16 => (out as *mut i16).add(i).write(value as i16),
                        _ => (out as *mut i32).add(i).write(value as i32),
                    }
                    OK
                }
                Err(BAD_NUMBER) => BAD_VECTOR,
                Err(status) => status,
            }
        }
    }
}

/// Parse JSON vector text into `out` (room for `dims` elements).
///
/// # Safety
/// `out` must have room for `dims` output elements of `element`.
pub unsafe fn parse_json(s: &[u8], element: u32, dims: usize, out: *mut u8) -> u32 {
    let e = s.len();
    let mut p = 0;
    while p < e && is_space(s[p]) {
        p += 1;
    }
    if p >= e || s[p] != b'[' {
        return BAD_VECTOR;
    }
    p += 1;
    while p < e && is_space(s[p]) {
        p += 1;
    }
    let mut count = 0;
    if p < e && s[p] == b']' {
        p += 1;
    } else {
        loop {
            let start = p;
            while p < e {
                let c = s[p];
                if c == b',' || c == b']' || is_space(c) {
                    break;
                }
                p += 1;
            }
            if p == start {
                return BAD_VECTOR;
            }
            if count == dims {
                return VECTOR_LENGTH;
            }
            let status = store_element(&s[start..p], element, out, count);
            if status != OK {
                return status;
            }
            count += 1;
            while p < e && is_space(s[p]) {
                p += 1;
            }
            if p >= e {
                return BAD_VECTOR;
            }
            let c = s[p];
            p += 1;
            if c == b']' {
                break;
            }
            if c != b',' {
                return BAD_VECTOR;
            }
            while p < e && is_space(s[p]) {
                p += 1;
            }
        }
    }
    while p < e && is_space(s[p]) {
        p += 1;
    }
    if p != e {
        return BAD_VECTOR;
    }
    if count == dims {
        OK
    } else {
        VECTOR_LENGTH
    }
}

/// Copy a packed little-endian binary vector into `out`.
///
/// # Safety
/// `out` must have room for `dims` output elements of `element`.
pub unsafe fn copy_binary(s: &[u8], element: u32, dims: usize, out: *mut u8) -> u32 {
    let size = ELEMENT_BYTES[element as usize & 7] as usize;
    if s.len() != dims * size {
        return VECTOR_LENGTH;
    }
    if element == F16 {
        let out = out as *mut u32;
        for (i, pair) in s.chunks_exact(2).enumerate() {
            out.add(i)
                .write(f16_to_f32_bits(pair[0] as u32 | (pair[1] as u32) << 8));
        }
    } else {
        core::ptr::copy_nonoverlapping(s.as_ptr(), out, s.len());
    }
    OK
}
