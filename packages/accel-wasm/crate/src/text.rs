//! The MySQL text-protocol row decoder, mirrored by `src/ts/text-decoder.ts`: rows in order,
//! columns in order, the first problem wins. Rows are (start, end) pairs into the input.

use crate::buf::Buf;
use crate::int32_rows::{int32_rows, PairStop};
use crate::int_run::{int64_rest, int_cell, int_run, is_int, store, Target};
use crate::number::{is_decimal_text, parse_f64_in, quick_int};
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

/// The targets of the last call, kept so that steady use reuses the memory.
static mut TARGETS: Buf = Buf::EMPTY;

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
    store(col.values.ptr, row, value)
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
    } else {
        // One store for the usual slots: `write_bytes` of a variable length is a `memory.fill`,
        // a call out of the compiled code in V8.
        let slot = col.values.ptr.add(row * col.slot as usize);
        match col.slot {
            0 => {}
            4 => (slot as *mut u32).write_unaligned(0),
            8 => (slot as *mut u64).write_unaligned(0),
            bytes => core::ptr::write_bytes(slot, 0, bytes as usize),
        }
    }
}

/// The length of the cell at `input[at]` (`at < end`) whose length byte is 0xfc or above:
/// (length, bytes of the length prefix), or the status.
#[inline(never)]
fn long_length(input: &[u8], at: usize, end: usize) -> Result<(usize, usize), u32> {
    let row = &input[at..end];
    let rest = row.len();
    match row[0] {
        0xfc => {
            if rest < 3 {
                return Err(TRUNCATED);
            }
            Ok((row[1] as usize | (row[2] as usize) << 8, 3))
        }
        0xfd => {
            if rest < 4 {
                return Err(TRUNCATED);
            }
            let length = row[1] as usize | (row[2] as usize) << 8 | (row[3] as usize) << 16;
            Ok((length, 4))
        }
        0xfe => {
            if rest < 9 || row[5] | row[6] | row[7] | row[8] != 0 {
                return Err(TRUNCATED);
            }
            Ok((u32::from_le_bytes([row[1], row[2], row[3], row[4]]) as usize, 9))
        }
        _ => Err(BAD_LENGTH),
    }
}

/// A cell of any op but the integers. Returns OK, a status already recorded with `fail`, or
/// OUT_OF_MEMORY. Inlined: out of line, the call per cell cost the mixed 8-column table about
/// 15 ns a row (8%).
#[inline(always)]
unsafe fn other_cell(
    col: &mut Col,
    op: u32,
    plan: &[u32],
    c: usize,
    value: &[u8],
    readable: usize,
    r: usize,
    invalid_null: bool,
) -> u32 {
    let column = c as i32;
    match op {
        OP_NULL => return fail(UNEXPECTED_VALUE, r, column),
        OP_DECIMAL_TEXT => {
            if !is_decimal_text(value) {
                return fail(BAD_NUMBER, r, column);
            }
            if !col.data.push_cell(value, readable) {
                return OUT_OF_MEMORY;
            }
            set_offset(col, r);
        }
        OP_DATE => match parse_date(value) {
            Parsed::Value(days) => put(col, r, days as i32),
            Parsed::Zero => set_null(col, op, r),
            Parsed::Invalid => {
                if !invalid_null {
                    return fail(BAD_DATE, r, column);
                }
                set_null(col, op, r);
            }
        },
        OP_DATETIME => match parse_datetime(value) {
            Parsed::Value(micros) => put(col, r, micros),
            Parsed::Zero => set_null(col, op, r),
            Parsed::Invalid => {
                if !invalid_null {
                    return fail(BAD_DATETIME, r, column);
                }
                set_null(col, op, r);
            }
        },
        OP_TIME => {
            if let Err(status) = scan_time(value) {
                return fail(status, r, column);
            }
            if !col.data.push_cell(value, readable) {
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
            if !col.data.push_cell(value, readable) {
                return OUT_OF_MEMORY;
            }
            set_offset(col, r);
        }
    }
    OK
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
    if !TARGETS.resize(ncols * core::mem::size_of::<Target>()) {
        return OUT_OF_MEMORY;
    }
    let targets = core::slice::from_raw_parts_mut(TARGETS.ptr as *mut Target, ncols);
    for (c, col) in cols.iter_mut().enumerate() {
        let p = &plan[c * 4..c * 4 + 4];
        if !prepare(col, p[0], p[1], p[2], rows, hint) {
            return OUT_OF_MEMORY;
        }
        targets[c] = Target {
            op: p[0],
            values: col.values.ptr,
        };
    }

    let word_end = input.len().saturating_sub(17);
    let all_int32 = ncols != 0 && targets.iter().all(|t| t.op == OP_INT32);
    // The first row of the pair `int32_rows` stopped at (`rows`: none yet), and where its two
    // rows carry on.
    let mut pair = rows;
    let mut stop: PairStop = [(0, 0); 2];
    let mut r = 0;
    while r < rows {
        if all_int32 && r.wrapping_sub(pair) > 1 {
            r = int32_rows(targets, cols, input, bounds, base, r, &mut stop);
            pair = r;
            if r == rows {
                break;
            }
        }
        let start = bounds[2 * r].wrapping_sub(base) as usize;
        let end = bounds[2 * r + 1].wrapping_sub(base) as usize;
        if start > end || end > input.len() {
            return fail(TRUNCATED, r, -1);
        }
        // `at` walks the row in `input` itself, so that the integer reads may look past its end.
        let (mut c, mut at) = match r.wrapping_sub(pair) {
            0 => stop[0],
            1 => stop[1],
            _ => (0, start),
        };
        // Below `fast_end`, a cell's length byte is in the row and 17 bytes can be read after it.
        let fast_end = core::cmp::min(end, word_end);
        loop {
            if c < ncols && at < fast_end && is_int(targets.get_unchecked(c).op) {
                let length = *input.get_unchecked(at) as usize;
                if length.wrapping_sub(1) < 16 {
                    let end_of_run = int_run(targets, c, input, at, end, fast_end, r);
                    if end_of_run == u64::MAX {
                        return OUT_OF_RANGE;
                    }
                    at = end_of_run as u32 as usize;
                    c = (end_of_run >> 32) as usize;
                }
            }
            if c == ncols {
                break;
            }
            // c < ncols, and `cols` and `targets` were made for exactly ncols columns.
            let Target { op, values } = *targets.get_unchecked(c);
            let column = c as i32;
            c += 1;
            if at >= end {
                return fail(TRUNCATED, r, column);
            }
            // at < end <= input.len().
            let first = *input.get_unchecked(at);
            let length: usize;
            if first < 0xfb {
                length = first as usize;
                at += 1;
            } else if first == 0xfb {
                at += 1;
                set_null(cols.get_unchecked_mut(c - 1), op, r);
                continue;
            } else {
                match long_length(input, at, end) {
                    Ok((len, prefix)) => {
                        length = len;
                        at += prefix;
                    }
                    Err(status) => return fail(status, r, column),
                }
            }
            if length > end - at {
                return fail(TRUNCATED, r, column);
            }
            match op {
                OP_INT8 => int_cell!(values, r, column, input, at, length, -128, 127, u8),
                OP_UINT8 => int_cell!(values, r, column, input, at, length, 0, 255, u8),
                OP_INT16 => int_cell!(values, r, column, input, at, length, -32768, 32767, u16),
                OP_UINT16 => int_cell!(values, r, column, input, at, length, 0, 65535, u16),
                OP_INT32 => {
                    int_cell!(values, r, column, input, at, length, -2147483648, 2147483647, u32)
                }
                OP_UINT32 => int_cell!(values, r, column, input, at, length, 0, 4294967295, u32),
                OP_INT64 | OP_UINT64 => {
                    let bits = match quick_int(input, at, length) {
                        Some((false, v)) => v,
                        Some((true, v)) if op == OP_INT64 => v.wrapping_neg(),
                        _ => match int64_rest(input, at, length, op == OP_UINT64) {
                            Ok(bits) => bits,
                            Err(status) => return fail(status, r, column),
                        },
                    };
                    store(values, r, bits);
                }
                OP_FLOAT64 | OP_DECIMAL_FLOAT64 => {
                    match parse_f64_in(input, at, length, op == OP_FLOAT64) {
                        Ok(v) => store(values, r, v),
                        Err(status) => return fail(status, r, column),
                    }
                }
                _ => {
                    // at + length <= end <= input.len().
                    let value = input.get_unchecked(at..at + length);
                    let col = cols.get_unchecked_mut(c - 1);
                    let readable = input.len() - at;
                    let status = other_cell(col, op, plan, c - 1, value, readable, r, invalid_null);
                    if status != OK {
                        return status;
                    }
                }
            }
            at += length;
        }
        if at != end {
            return fail(TRAILING_BYTES, r, -1);
        }
        r += 1;
    }
    set_rows(rows);
    OK
}
