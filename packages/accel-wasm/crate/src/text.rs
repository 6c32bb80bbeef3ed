//! The MySQL text-protocol row decoder, mirrored by `src/ts/text-decoder.ts`: rows in order,
//! columns in order, the first problem wins. Rows are (start, end) pairs into the input.

use crate::number::{
    is_decimal_text, parse_f64, parse_int64_in, parse_small_int_in, quick_int, quick_long_int,
};
use crate::state::{columns, fail, set_rows, Col};
use crate::status::*;
use crate::temporal::{parse_date, parse_datetime, scan_time, Parsed};
use crate::vector::{copy_binary, parse_json, OUTPUT_BYTES};
use core::slice::from_raw_parts;

pub const OP_NULL: u32 = 0;
pub const OP_INT8: u32 = 1;
pub const OP_UINT8: u32 = 2;
pub const OP_INT16: u32 = 3;
pub const OP_UINT16: u32 = 4;
pub const OP_INT32: u32 = 5;
pub const OP_UINT32: u32 = 6;
pub const OP_INT64: u32 = 7;
pub const OP_UINT64: u32 = 8;
pub const OP_FLOAT64: u32 = 9;
pub const OP_DECIMAL_TEXT: u32 = 10;
pub const OP_DECIMAL_FLOAT64: u32 = 11;
pub const OP_DATE: u32 = 12;
pub const OP_DATETIME: u32 = 13;
pub const OP_TIME: u32 = 14;
pub const OP_UTF8: u32 = 15;
pub const OP_BINARY: u32 = 16;
pub const OP_VECTOR_BINARY: u32 = 17;
pub const OP_VECTOR_JSON: u32 = 18;

/// Flag: impossible dates decode as null instead of failing.
const FLAG_INVALID_DATES_NULL: u32 = 1;

fn slot_bytes(op: u32, dims: u32, element: u32) -> u64 {
    match op {
        OP_INT8 | OP_UINT8 => 1,
        OP_INT16 | OP_UINT16 => 2,
        OP_INT32 | OP_UINT32 | OP_DATE => 4,
        OP_INT64 | OP_UINT64 | OP_FLOAT64 | OP_DECIMAL_FLOAT64 | OP_DATETIME => 8,
        OP_VECTOR_BINARY | OP_VECTOR_JSON => {
            dims as u64 * OUTPUT_BYTES[element as usize & 7] as u64
        }
        _ => 0,
    }
}

fn is_variable(op: u32) -> bool {
    matches!(op, OP_DECIMAL_TEXT | OP_TIME | OP_UTF8 | OP_BINARY)
}

/// Size the column's buffers for `rows` rows. False when out of memory.
fn prepare(col: &mut Col, op: u32, dims: u32, element: u32, rows: usize, data_hint: usize) -> bool {
    col.null_count = 0;
    let slot = slot_bytes(op, dims, element);
    let values = slot * rows as u64;
    // Every row starts valid and set_null clears its bit: most cells are not null, and this
    // saves them a read-modify-write of the validity byte.
    if values > u32::MAX as u64 || !col.validity.filled((rows + 7) / 8, 0xff) {
        return false;
    }
    if rows % 8 != 0 {
        unsafe { *col.validity.ptr.add(rows / 8) = (1u8 << (rows % 8)) - 1 };
    }
    col.slot = slot as u32;
    if !col.values.resize(values as usize) {
        return false;
    }
    if is_variable(op) {
        if !col.offsets.resize((rows + 1) * 4) || !col.data.reserve(data_hint) {
            return false;
        }
        unsafe { (col.offsets.ptr as *mut i32).write(0) };
    } else {
        col.offsets.len = 0;
    }
    col.data.len = 0;
    true
}

#[inline]
unsafe fn put<T>(col: &Col, row: usize, value: T) {
    (col.values.ptr as *mut T).add(row).write(value)
}

#[inline]
unsafe fn set_offset(col: &Col, row: usize) {
    (col.offsets.ptr as *mut i32)
        .add(row + 1)
        .write(col.data.len as i32)
}

#[inline]
unsafe fn set_null(col: &mut Col, op: u32, row: usize) {
    col.null_count += 1;
    *col.validity.ptr.add(row >> 3) &= !(1u8 << (row & 7));
    if is_variable(op) {
        set_offset(col, row);
    } else if col.slot != 0 {
        let slot = col.slot as usize;
        core::ptr::write_bytes(col.values.ptr.add(row * slot), 0, slot);
    }
}

/// One integer cell of at most 32 bits, in its own match arm so that each width and range is a
/// constant of its own code rather than a second `match` on the op per cell. The one- or
/// two-word reads answer for nearly every cell; what they leave goes to the full parser.
macro_rules! int_cell {
    ($col:expr, $row:expr, $column:expr, $input:expr, $at:expr, $len:expr, $min:expr, $max:expr, $width:ty) => {{
        let quick = quick_int($input, $at, $len).or_else(|| quick_long_int($input, $at, $len));
        if let Some((neg, v)) = quick {
            let v = if neg { -(v as i64) } else { v as i64 };
            if v < $min || v > $max {
                return fail(OUT_OF_RANGE, $row, $column);
            }
            put($col, $row, v as $width);
        } else {
            match parse_small_int_in($input, $at, $len, $min, $max) {
                Ok(v) => put($col, $row, v as $width),
                Err(status) => return fail(status, $row, $column),
            }
        }
    }};
}

/// Export: decode `rows` rows. `plan` holds 4 words per column (op, dims, element, 0);
/// `bounds` holds (start, end) pairs, minus `base`, into `input`. Returns a status; on failure
/// `acc_info` names the row and column.
///
/// # Safety
/// The pointers must describe readable memory of the given sizes.
#[no_mangle]
pub unsafe extern "C" fn text_decode(
    plan: *const u32,
    column_count: u32,
    input: *const u8,
    input_len: u32,
    bounds: *const u32,
    rows: u32,
    base: u32,
    flags: u32,
) -> u32 {
    let ncols = column_count as usize;
    let rows = rows as usize;
    let plan = from_raw_parts(plan, ncols * 4);
    let input = from_raw_parts(input, input_len as usize);
    let bounds = from_raw_parts(bounds, rows * 2);
    let invalid_null = flags & FLAG_INVALID_DATES_NULL != 0;
    let cols = match columns(ncols) {
        Some(cols) => cols,
        None => return OUT_OF_MEMORY,
    };
    let hint = core::cmp::max(64, input.len() / core::cmp::max(ncols, 1));
    for (c, col) in cols.iter_mut().enumerate() {
        let p = &plan[c * 4..c * 4 + 4];
        if !prepare(col, p[0], p[1], p[2], rows, hint) {
            return OUT_OF_MEMORY;
        }
    }

    for r in 0..rows {
        let start = bounds[2 * r].wrapping_sub(base) as usize;
        let end = bounds[2 * r + 1].wrapping_sub(base) as usize;
        let row = match input.get(start..end) {
            Some(row) => row,
            None => return fail(TRUNCATED, r, -1),
        };
        let mut p = 0usize;
        for c in 0..ncols {
            // c < ncols, and `cols` and `plan` were made for exactly ncols columns: unchecked
            // indexing drops two bounds checks per cell (about a tenth of an INT cell's time).
            let col = cols.get_unchecked_mut(c);
            let op = *plan.get_unchecked(c * 4);
            let first = match row.get(p) {
                Some(&b) => b,
                None => return fail(TRUNCATED, r, c as i32),
            };
            let rest = row.len() - p;
            let length: usize;
            if first < 0xfb {
                length = first as usize;
                p += 1;
            } else if first == 0xfb {
                p += 1;
                set_null(col, op, r);
                continue;
            } else if first == 0xfc {
                if rest < 3 {
                    return fail(TRUNCATED, r, c as i32);
                }
                length = row[p + 1] as usize | (row[p + 2] as usize) << 8;
                p += 3;
            } else if first == 0xfd {
                if rest < 4 {
                    return fail(TRUNCATED, r, c as i32);
                }
                length =
                    row[p + 1] as usize | (row[p + 2] as usize) << 8 | (row[p + 3] as usize) << 16;
                p += 4;
            } else if first == 0xfe {
                if rest < 9 {
                    return fail(TRUNCATED, r, c as i32);
                }
                if row[p + 5] | row[p + 6] | row[p + 7] | row[p + 8] != 0 {
                    return fail(TRUNCATED, r, c as i32);
                }
                length =
                    u32::from_le_bytes([row[p + 1], row[p + 2], row[p + 3], row[p + 4]]) as usize;
                p += 9;
            } else {
                return fail(BAD_LENGTH, r, c as i32);
            }
            if length > row.len() - p {
                return fail(TRUNCATED, r, c as i32);
            }
            let value = &row[p..p + length];
            let column = c as i32;
            match op {
                OP_NULL => return fail(UNEXPECTED_VALUE, r, column),
                OP_INT8 => int_cell!(col, r, column, input, start + p, length, -128, 127, u8),
                OP_UINT8 => int_cell!(col, r, column, input, start + p, length, 0, 255, u8),
                OP_INT16 => int_cell!(col, r, column, input, start + p, length, -32768, 32767, u16),
                OP_UINT16 => int_cell!(col, r, column, input, start + p, length, 0, 65535, u16),
                OP_INT32 => {
                    int_cell!(col, r, column, input, start + p, length, -2147483648, 2147483647, u32)
                }
                OP_UINT32 => int_cell!(col, r, column, input, start + p, length, 0, 4294967295, u32),
                OP_INT64 | OP_UINT64 => match parse_int64_in(input, start + p, length, op == OP_UINT64) {
                    Ok(bits) => put(col, r, bits),
                    Err(status) => return fail(status, r, column),
                },
                OP_FLOAT64 | OP_DECIMAL_FLOAT64 => match parse_f64(value, op == OP_FLOAT64) {
                    Ok(v) => put(col, r, v),
                    Err(status) => return fail(status, r, column),
                },
                OP_DECIMAL_TEXT => {
                    if !is_decimal_text(value) {
                        return fail(BAD_NUMBER, r, column);
                    }
                    if !col.data.push(value) {
                        return OUT_OF_MEMORY;
                    }
                    set_offset(col, r);
                }
                OP_DATE => match parse_date(value) {
                    Parsed::Value(days) => put(col, r, days as i32),
                    Parsed::Zero => {
                        set_null(col, op, r);
                        p += length;
                        continue;
                    }
                    Parsed::Invalid => {
                        if !invalid_null {
                            return fail(BAD_DATE, r, column);
                        }
                        set_null(col, op, r);
                        p += length;
                        continue;
                    }
                },
                OP_DATETIME => match parse_datetime(value) {
                    Parsed::Value(micros) => put(col, r, micros),
                    Parsed::Zero => {
                        set_null(col, op, r);
                        p += length;
                        continue;
                    }
                    Parsed::Invalid => {
                        if !invalid_null {
                            return fail(BAD_DATETIME, r, column);
                        }
                        set_null(col, op, r);
                        p += length;
                        continue;
                    }
                },
                OP_TIME => {
                    if let Err(status) = scan_time(value) {
                        return fail(status, r, column);
                    }
                    if !col.data.push(value) {
                        return OUT_OF_MEMORY;
                    }
                    set_offset(col, r);
                }
                OP_VECTOR_BINARY | OP_VECTOR_JSON => {
                    let dims = plan[c * 4 + 1] as usize;
                    let element = plan[c * 4 + 2];
                    let out = col.values.ptr.add(r * col.slot as usize);
                    let status = if op == OP_VECTOR_BINARY {
                        copy_binary(value, element, dims, out)
                    } else {
                        parse_json(value, element, dims, out)
                    };
                    if status != OK {
                        return fail(status, r, column);
                    }
                }
                _ => {
                    if !col.data.push(value) {
                        return OUT_OF_MEMORY;
                    }
                    set_offset(col, r);
                }
            }
            p += length;
        }
        if p != row.len() {
            return fail(TRAILING_BYTES, r, -1);
        }
    }
    set_rows(rows);
    OK
}
