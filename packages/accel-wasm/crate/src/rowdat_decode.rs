//! ROWDAT_1 → row ids + columns, mirrored by `src/ts/rowdat1-decode.ts`: two passes, framing
//! first (TRUNCATED / BAD_LENGTH in byte order), then values (row-major).

use crate::buf::Buf;
use crate::rowdat::*;
use crate::state::{columns, extra, fail, set_rows, Col, EXTRA_ROW_IDS};
use crate::status::*;
use crate::temporal::{checked_days, Parsed};
use core::slice::from_raw_parts;

fn push_two(data: &mut Buf, value: u64) -> bool {
    data.push(&[b'0' + (value / 10) as u8, b'0' + (value % 10) as u8])
}

/// `[-]HH:MM:SS[.ffffff]`; false when the packed value is not a time.
fn format_time(data: &mut Buf, bits: u64) -> Result<(), u32> {
    let value = bits as i64;
    let magnitude = value.unsigned_abs();
    let micros = magnitude % 1_000_000;
    let hms = magnitude / 1_000_000;
    let seconds = hms % 100;
    let minutes = (hms / 100) % 100;
    if seconds > 59 || minutes > 59 {
        return Err(BAD_TIME);
    }
    let mut text = [0u8; TIME_TEXT_MAX];
    let mut n = 0;
    if value < 0 {
        text[0] = b'-';
        n = 1;
    }
    let hours = hms / 10000;
    let mut digits = [0u8; 20];
    let mut count = 0;
    let mut h = hours;
    while h > 0 || count < 2 {
        digits[count] = b'0' + (h % 10) as u8;
        h /= 10;
        count += 1;
    }
    while count > 0 {
        count -= 1;
        text[n] = digits[count];
        n += 1;
    }
    let ok = data.push(&text[..n])
        && data.push(b":")
        && push_two(data, minutes)
        && data.push(b":")
        && push_two(data, seconds);
    if !ok {
        return Err(OUT_OF_MEMORY);
    }
    if micros != 0 {
        let mut fraction = [b'.', 0, 0, 0, 0, 0, 0];
        let mut m = micros;
        for i in (1..7).rev() {
            fraction[i] = b'0' + (m % 10) as u8;
            m /= 10;
        }
        if !data.push(&fraction) {
            return Err(OUT_OF_MEMORY);
        }
    }
    Ok(())
}

/// Export: decode a ROWDAT_1 body. Row count in `acc_info`, row ids in extra buffer 0.
///
/// # Safety
/// The pointers must describe readable memory of the given sizes.
#[no_mangle]
pub unsafe extern "C" fn rowdat_decode(
    plan: *const u32,
    column_count: u32,
    input: *const u8,
    input_len: u32,
) -> u32 {
    let ncols = column_count as usize;
    let plan = from_raw_parts(plan, ncols * 4);
    let s = from_raw_parts(input, input_len as usize);
    let n = s.len();
    let cols = match columns(ncols) {
        Some(cols) => cols,
        None => return OUT_OF_MEMORY,
    };
    for col in cols.iter_mut() {
        col.data.len = 0;
    }

    // Pass 1: framing and sizes (data sizes are kept in data.len until pass 2).
    let mut rows = 0usize;
    let mut p = 0usize;
    while p < n {
        if n - p < 8 {
            return fail(TRUNCATED, rows, -1);
        }
        p += 8;
        for c in 0..ncols {
            if p >= n {
                return fail(TRUNCATED, rows, c as i32);
            }
            let is_null = s[p] == 1;
            p += 1;
            let op = plan[c * 4];
            let w = width(op);
            if w > 0 {
                if n - p < w {
                    return fail(TRUNCATED, rows, c as i32);
                }
                if op == TIME {
                    cols[c].data.len += TIME_TEXT_MAX;
                }
                p += w;
                continue;
            }
            if n - p < 8 {
                return fail(TRUNCATED, rows, c as i32);
            }
            let length = u64_at(s, p);
            p += 8;
            if length >> 63 != 0 {
                return fail(BAD_LENGTH, rows, c as i32);
            }
            if length > (n - p) as u64 {
                return fail(TRUNCATED, rows, c as i32);
            }
            if !is_null {
                cols[c].data.len += length as usize;
            }
            p += length as usize;
        }
        rows += 1;
    }

    let row_ids = extra(EXTRA_ROW_IDS);
    if !row_ids.resize(rows * 8) {
        return OUT_OF_MEMORY;
    }
    for (c, col) in cols.iter_mut().enumerate() {
        let op = plan[c * 4];
        let size = col.data.len;
        col.data.len = 0;
        col.null_count = 0;
        col.slot = slot(op) as u32;
        if !col.validity.zeroed((rows + 7) / 8) || !col.values.zeroed(slot(op) * rows) {
            return OUT_OF_MEMORY;
        }
        if is_variable(op) {
            if !col.offsets.resize((rows + 1) * 4) || !col.data.reserve(size) {
                return OUT_OF_MEMORY;
            }
            (col.offsets.ptr as *mut i32).write(0);
        } else {
            col.offsets.len = 0;
        }
    }

    // Pass 2: values.
    p = 0;
    for r in 0..rows {
        core::ptr::copy_nonoverlapping(s.as_ptr().add(p), row_ids.ptr.add(r * 8), 8);
        p += 8;
        for c in 0..ncols {
            let col: &mut Col = &mut cols[c];
            let op = plan[c * 4];
            let mut present = s[p] != 1 && op != NULL;
            p += 1;
            let w = width(op);
            if w == 0 {
                let length = u32_at(s, p) as usize;
                p += 8;
                if present && !col.data.push(&s[p..p + length]) {
                    return OUT_OF_MEMORY;
                }
                p += length;
            } else {
                if present {
                    let out = col.values.ptr;
                    match op {
                        FLOAT32 => {
                            let value = f32::from_bits(u32_at(s, p)) as f64;
                            let value = if value.is_nan() { f64::NAN } else { value };
                            (out as *mut f64).add(r).write(value);
                        }
                        DATE => {
                            let v = u64_at(s, p);
                            let parsed = if v >> 32 != 0 {
                                Parsed::Invalid
                            } else if v == 0 {
                                Parsed::Zero
                            } else {
                                let v = v as i64;
                                checked_days(v / 10000, (v / 100) % 100, v % 100)
                            };
                            match parsed {
                                Parsed::Value(days) => (out as *mut i32).add(r).write(days as i32),
                                Parsed::Zero => present = false,
                                Parsed::Invalid => return fail(BAD_DATE, r, c as i32),
                            }
                        }
                        DATETIME => {
                            let v = u64_at(s, p);
                            if v == 0 {
                                present = false;
                            } else {
                                let micros = (v & 0xfffff) as i64;
                                let second = ((v >> 20) & 0x3f) as i64;
                                let minute = ((v >> 26) & 0x3f) as i64;
                                let hour = ((v >> 32) & 0x1f) as i64;
                                let day = ((v >> 37) & 0x1f) as i64;
                                let month = ((v >> 42) & 0xf) as i64;
                                let year = (v >> 46) as i64;
                                let days = match checked_days(year, month, day) {
                                    Parsed::Value(days) => days,
                                    _ => return fail(BAD_DATETIME, r, c as i32),
                                };
                                if micros > 999_999 || second > 59 || minute > 59 || hour > 23 {
                                    return fail(BAD_DATETIME, r, c as i32);
                                }
                                let seconds = days * 86400 + hour * 3600 + minute * 60 + second;
                                (out as *mut i64).add(r).write(seconds * 1_000_000 + micros);
                            }
                        }
                        TIME => {
                            if let Err(status) = format_time(&mut col.data, u64_at(s, p)) {
                                return if status == OUT_OF_MEMORY {
                                    status
                                } else {
                                    fail(status, r, c as i32)
                                };
                            }
                        }
                        _ => core::ptr::copy_nonoverlapping(s.as_ptr().add(p), out.add(r * w), w),
                    }
                }
                p += w;
            }
            if is_variable(op) {
                (col.offsets.ptr as *mut i32)
                    .add(r + 1)
                    .write(col.data.len as i32);
            }
            if present {
                *col.validity.ptr.add(r >> 3) |= 1 << (r & 7);
            } else {
                col.null_count += 1;
            }
        }
    }
    set_rows(rows);
    OK
}
