//! ROWDAT_1 (external-functions.md §5), mirrored by `src/ts/rowdat1-decode.ts` and
//! `src/ts/rowdat1-encode.ts`: decoding in two passes (framing, then values), encoding rows in
//! order. The plan holds 4 words per column: (op, source element for the encoder, 0, 0).

use crate::buf::Buf;
use crate::state::{columns, extra, fail, set_rows, Col, EXTRA_OUTPUT, EXTRA_ROW_IDS};
use crate::status::*;
use crate::temporal::{checked_days, civil_from_days, scan_time, Parsed};
use core::slice::from_raw_parts;

const NULL: u32 = 0;
const INT8: u32 = 1;
const UINT8: u32 = 2;
const INT16: u32 = 3;
const UINT16: u32 = 4;
const INT32: u32 = 5;
const UINT32: u32 = 6;
const INT64: u32 = 7;
const UINT64: u32 = 8;
const FLOAT32: u32 = 9;
const FLOAT64: u32 = 10;
const DATE: u32 = 12;
const DATETIME: u32 = 13;
const TIME: u32 = 14;

/// Encoder source elements (`SourceElement` in src/rowdat1-plan.ts).
const SRC_FLOAT32: u32 = 10;

const FLAG_NULL_FLOAT_NAN: u32 = 1;
const TIME_TEXT_MAX: usize = 24;
const MICROS_PER_DAY: i64 = 86_400_000_000;

/// Bytes after the null flag; 0 for length-prefixed types.
fn width(op: u32) -> usize {
    match op {
        NULL | INT8 | UINT8 => 1,
        INT16 | UINT16 => 2,
        INT32 | UINT32 | FLOAT32 => 4,
        INT64 | UINT64 | FLOAT64 | DATE | DATETIME | TIME => 8,
        _ => 0,
    }
}

/// Bytes per decoded value slot; 0 for types decoded to offsets + data.
fn slot(op: u32) -> usize {
    match op {
        INT8 | UINT8 => 1,
        INT16 | UINT16 => 2,
        INT32 | UINT32 | DATE => 4,
        INT64 | UINT64 | FLOAT32 | FLOAT64 | DATETIME => 8,
        _ => 0,
    }
}

fn is_variable(op: u32) -> bool {
    width(op) == 0 || op == TIME
}

fn u32_at(s: &[u8], p: usize) -> u32 {
    u32::from_le_bytes([s[p], s[p + 1], s[p + 2], s[p + 3]])
}

fn u64_at(s: &[u8], p: usize) -> u64 {
    u32_at(s, p) as u64 | (u32_at(s, p + 4) as u64) << 32
}

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
                (col.offsets.ptr as *mut i32).add(r + 1).write(col.data.len as i32);
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

fn present(col: &Col, row: usize) -> bool {
    match col.validity.as_slice().get(row >> 3) {
        Some(&bits) => bits & (1 << (row & 7)) != 0,
        None => false,
    }
}

/// The integer at `row` of an integer source, widened.
unsafe fn int_at(col: &Col, source: u32, row: usize) -> i128 {
    let p = col.values.ptr;
    match source {
        INT8 => *(p as *const i8).add(row) as i128,
        UINT8 => *p.add(row) as i128,
        INT16 => *(p as *const i16).add(row) as i128,
        UINT16 => *(p as *const u16).add(row) as i128,
        INT32 => *(p as *const i32).add(row) as i128,
        UINT32 => *(p as *const u32).add(row) as i128,
        INT64 => *(p as *const i64).add(row) as i128,
        _ => *(p as *const u64).add(row) as i128,
    }
}

fn int_range(op: u32) -> (i128, i128) {
    match op {
        INT8 => (-128, 127),
        UINT8 => (0, 255),
        INT16 => (-32768, 32767),
        UINT16 => (0, 65535),
        INT32 => (-2147483648, 2147483647),
        UINT32 => (0, 4294967295),
        INT64 => (i64::MIN as i128, i64::MAX as i128),
        _ => (0, u64::MAX as i128),
    }
}

/// Export: encode `rows` rows from the column slots (and row ids in extra buffer 0) into
/// extra buffer 1.
///
/// # Safety
/// The column slots must hold validated inputs (see src/rowdat1.ts) for `rows` rows.
#[no_mangle]
pub unsafe extern "C" fn rowdat_encode(plan: *const u32, column_count: u32, rows: u32, flags: u32) -> u32 {
    let ncols = column_count as usize;
    let rows = rows as usize;
    let plan = from_raw_parts(plan, ncols * 4);
    let nan_nulls = flags & FLAG_NULL_FLOAT_NAN != 0;
    let cols = match columns(ncols) {
        Some(cols) => cols,
        None => return OUT_OF_MEMORY,
    };
    let row_ids = extra(EXTRA_ROW_IDS).as_slice();
    if row_ids.len() < rows * 8 {
        return fail(TRUNCATED, 0, -1);
    }
    let mut size = rows as u64 * 8;
    for (c, col) in cols.iter().enumerate() {
        let w = width(plan[c * 4]) as u64;
        if w > 0 {
            size += rows as u64 * (1 + w);
            continue;
        }
        size += rows as u64 * 9;
        let offsets = col.offsets.as_slice();
        for r in 0..rows {
            if present(col, r) {
                let start = u32_at(offsets, r * 4) as u64;
                size += u32_at(offsets, r * 4 + 4) as u64 - start;
            }
        }
    }
    let output = extra(EXTRA_OUTPUT);
    if size > u32::MAX as u64 || !output.zeroed(size as usize) {
        return OUT_OF_MEMORY;
    }
    let out = core::slice::from_raw_parts_mut(output.ptr, output.len);

    let mut p = 0usize;
    for r in 0..rows {
        out[p..p + 8].copy_from_slice(&row_ids[r * 8..r * 8 + 8]);
        p += 8;
        for c in 0..ncols {
            let col = &cols[c];
            let op = plan[c * 4];
            let source = plan[c * 4 + 1];
            let w = width(op);
            let is_present = op != NULL && present(col, r);
            out[p] = if is_present { 0 } else { 1 };
            p += 1;
            if w == 0 {
                if is_present {
                    let offsets = col.offsets.as_slice();
                    let start = u32_at(offsets, r * 4) as usize;
                    let end = u32_at(offsets, r * 4 + 4) as usize;
                    out[p..p + 4].copy_from_slice(&((end - start) as u32).to_le_bytes());
                    out[p + 8..p + 8 + end - start].copy_from_slice(&col.data.as_slice()[start..end]);
                    p += end - start;
                }
                p += 8;
                continue;
            }
            if !is_present {
                if nan_nulls && op == FLOAT64 {
                    out[p + 6] = 0xf8;
                    out[p + 7] = 0x7f;
                } else if nan_nulls && op == FLOAT32 {
                    out[p + 2] = 0xc0;
                    out[p + 3] = 0x7f;
                }
                p += w;
                continue;
            }
            let values = col.values.ptr;
            match op {
                FLOAT32 | FLOAT64 => {
                    if (op == FLOAT32) == (source == SRC_FLOAT32) {
                        core::ptr::copy_nonoverlapping(values.add(r * w), out.as_mut_ptr().add(p), w);
                    } else if op == FLOAT32 {
                        let value = *(values as *const f64).add(r);
                        let bits = if value.is_nan() { 0x7fc0_0000 } else { (value as f32).to_bits() };
                        out[p..p + 4].copy_from_slice(&bits.to_le_bytes());
                    } else {
                        let value = *(values as *const f32).add(r) as f64;
                        let bits = if value.is_nan() { f64::NAN.to_bits() } else { value.to_bits() };
                        out[p..p + 8].copy_from_slice(&bits.to_le_bytes());
                    }
                }
                DATE => {
                    let days = *(values as *const i32).add(r) as i64;
                    let (year, month, day) = civil_from_days(days);
                    if !(0..=9999).contains(&year) {
                        return fail(OUT_OF_RANGE, r, c as i32);
                    }
                    let packed = (year * 10000 + month * 100 + day) as u64;
                    out[p..p + 8].copy_from_slice(&packed.to_le_bytes());
                }
                DATETIME => {
                    let micros = *(values as *const i64).add(r);
                    let days = micros.div_euclid(MICROS_PER_DAY);
                    let in_day = micros.rem_euclid(MICROS_PER_DAY);
                    let (year, month, day) = civil_from_days(days);
                    if !(0..=9999).contains(&year) {
                        return fail(OUT_OF_RANGE, r, c as i32);
                    }
                    let bits = (year as u64) << 46
                        | (month as u64) << 42
                        | (day as u64) << 37
                        | ((in_day / 3_600_000_000) as u64) << 32
                        | ((in_day / 60_000_000 % 60) as u64) << 26
                        | ((in_day / 1_000_000 % 60) as u64) << 20
                        | (in_day % 1_000_000) as u64;
                    out[p..p + 8].copy_from_slice(&bits.to_le_bytes());
                }
                TIME => {
                    let offsets = col.offsets.as_slice();
                    let start = u32_at(offsets, r * 4) as usize;
                    let end = u32_at(offsets, r * 4 + 4) as usize;
                    let time = match scan_time(&col.data.as_slice()[start..end]) {
                        Ok(time) => time,
                        Err(status) => return fail(status, r, c as i32),
                    };
                    let magnitude = time.hms as u128 * 1_000_000 + time.micros as u128;
                    if magnitude > i64::MAX as u128 {
                        return fail(OUT_OF_RANGE, r, c as i32);
                    }
                    let value = if time.negative { -(magnitude as i64) } else { magnitude as i64 };
                    out[p..p + 8].copy_from_slice(&value.to_le_bytes());
                }
                _ => {
                    let value = int_at(col, source, r);
                    let (min, max) = int_range(op);
                    if value < min || value > max {
                        return fail(OUT_OF_RANGE, r, c as i32);
                    }
                    let bytes = (value as u64).to_le_bytes();
                    out[p..p + w].copy_from_slice(&bytes[..w]);
                }
            }
            p += w;
        }
    }
    set_rows(rows);
    OK
}
