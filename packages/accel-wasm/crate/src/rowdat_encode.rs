//! Row ids + columns → ROWDAT_1, mirrored by `src/ts/rowdat1-encode.ts`: rows in order,
//! columns in order, the first value its wire type cannot carry fails the call.

use crate::rowdat::*;
use crate::state::{columns, extra, fail, set_rows, Col, EXTRA_OUTPUT, EXTRA_ROW_IDS};
use crate::status::*;
use crate::temporal::{civil_from_days, scan_time};
use core::slice::from_raw_parts;

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
pub unsafe extern "C" fn rowdat_encode(
    plan: *const u32,
    column_count: u32,
    rows: u32,
    flags: u32,
) -> u32 {
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
                    out[p + 8..p + 8 + end - start]
                        .copy_from_slice(&col.data.as_slice()[start..end]);
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
                        core::ptr::copy_nonoverlapping(
                            values.add(r * w),
                            out.as_mut_ptr().add(p),
                            w,
                        );
                    } else if op == FLOAT32 {
                        let value = *(values as *const f64).add(r);
                        let bits = if value.is_nan() {
                            0x7fc0_0000
                        } else {
                            (value as f32).to_bits()
                        };
                        out[p..p + 4].copy_from_slice(&bits.to_le_bytes());
                    } else {
                        let value = *(values as *const f32).add(r) as f64;
                        let bits = if value.is_nan() {
                            f64::NAN.to_bits()
                        } else {
                            value.to_bits()
                        };
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
                    let value = if time.negative {
                        -(magnitude as i64)
                    } else {
                        magnitude as i64
                    };
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
