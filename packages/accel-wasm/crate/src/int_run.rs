//! Integer cells for the text decoder (`text`): one at a time (`int_cell`), and the run of one
//! row's consecutive integer cells of any width (`int_run`). Tables of INT columns alone go
//! through `int32_rows` instead.

use crate::number::{
    parse_int64_in, parse_small_int_in, quick_int_word, quick_long_int, quick_long_int_at,
    read_word,
};
use crate::state::fail;
use crate::status::OUT_OF_RANGE;
use crate::text::{OP_INT16, OP_INT32, OP_INT64, OP_INT8, OP_UINT16, OP_UINT32, OP_UINT64, OP_UINT8};

/// What the cell loop needs of a column, 8 bytes a column instead of its 16-byte plan entry and
/// 64-byte `Col`: the loop's working set and address arithmetic shrink.
#[derive(Clone, Copy)]
pub struct Target {
    pub op: u32,
    pub values: *mut u8,
}

#[inline]
pub unsafe fn store<T>(values: *mut u8, row: usize, value: T) {
    (values as *mut T).add(row).write(value)
}

/// `int_cell` for the run of short cells, given what `quick_int` or `quick_long_int` answered.
macro_rules! run_int {
    ($values:expr, $row:expr, $c:expr, $neg:expr, $v:expr, $min:expr, $max:expr, $width:ty) => {{
        let v = if $neg { -($v as i64) } else { $v as i64 };
        if v < $min || v > $max {
            fail(OUT_OF_RANGE, $row, $c as i32);
            return u64::MAX;
        }
        store($values, $row, v as $width);
    }};
}

pub fn is_int(op: u32) -> bool {
    matches!(op, OP_INT8..=OP_UINT64)
}

/// Decode the run of integer cells of row `r` from column `c` at `at` that `quick_int` or
/// `quick_long_int` answer, below `fast_end` (below which 17 bytes can be read after a length
/// byte). A function of its own without calls, so that the engine keeps its state in registers
/// (wasm engines save none across a call).
/// Returns where the run ended (column << 32 | position), leaving that cell untouched for the
/// general path, or u64::MAX after recording an out-of-range value.
#[inline(never)]
pub unsafe fn int_run(
    targets: &[Target],
    c: usize,
    input: &[u8],
    at: usize,
    end: usize,
    fast_end: usize,
    r: usize,
) -> u64 {
    let mut cur = input.as_ptr().add(at);
    let run_end = input.as_ptr().add(fast_end);
    let row_end = input.as_ptr().add(end);
    let mut target = targets.as_ptr().add(c);
    let targets_end = targets.as_ptr().add(targets.len());
    while target < targets_end && cur < run_end {
        let Target { op, values } = *target;
        let length = *cur as usize;
        // A column of another type ends the run before its text is read as an integer: the
        // cell after a run is often one (a DOUBLE cost 3 ns a row more read as an integer).
        if !is_int(op) || length == 0 || length >= row_end as usize - cur as usize {
            break;
        }
        let text = cur.add(1);
        let column = target.offset_from(targets.as_ptr()) as usize;
        if length <= 8 {
            // cur < run_end: cur + 9 <= the input's end.
            let (neg, v) = match quick_int_word(read_word(text), length) {
                Some(quick) => quick,
                None => break,
            };
            match op {
                OP_INT8 => run_int!(values, r, column, neg, v, -128, 127, u8),
                OP_UINT8 => run_int!(values, r, column, neg, v, 0, 255, u8),
                OP_INT16 => run_int!(values, r, column, neg, v, -32768, 32767, u16),
                OP_UINT16 => run_int!(values, r, column, neg, v, 0, 65535, u16),
                OP_INT32 => run_int!(values, r, column, neg, v, -2147483648, 2147483647, u32),
                OP_UINT32 => run_int!(values, r, column, neg, v, 0, 4294967295, u32),
                OP_INT64 => store(values, r, if neg { v.wrapping_neg() } else { v }),
                OP_UINT64 if !neg || v == 0 => store(values, r, v),
                _ => break,
            }
        } else {
            // cur < run_end: cur + 18 <= the input's end.
            let (neg, v) = match quick_long_int_at(text, length) {
                Some(quick) => quick,
                None => break,
            };
            match op {
                OP_INT32 => run_int!(values, r, column, neg, v, -2147483648, 2147483647, u32),
                OP_UINT32 => run_int!(values, r, column, neg, v, 0, 4294967295, u32),
                OP_INT64 => store(values, r, if neg { v.wrapping_neg() } else { v }),
                OP_UINT64 if !neg || v == 0 => store(values, r, v),
                _ => break,
            }
        }
        cur = text.add(length);
        target = target.add(1);
    }
    let at = cur as usize - input.as_ptr() as usize;
    let c = target.offset_from(targets.as_ptr()) as usize;
    (c as u64) << 32 | at as u64
}

/// One integer cell of at most 32 bits, in its own match arm so that each width and range is a
/// constant of its own code rather than a second `match` on the op per cell. The one-word read
/// answers for nearly every cell; the rest goes out of line to `small_int_rest`.
macro_rules! int_cell {
    ($values:expr, $row:expr, $column:expr, $input:expr, $at:expr, $len:expr, $min:expr, $max:expr, $width:ty) => {{
        let v = match $crate::number::quick_int($input, $at, $len) {
            Some((neg, v)) => {
                if neg {
                    -(v as i64)
                } else {
                    v as i64
                }
            }
            None => match $crate::int_run::small_int_rest($input, $at, $len, $min, $max) {
                Ok(v) => v,
                Err(status) => return $crate::state::fail(status, $row, $column),
            },
        };
        if v < $min || v > $max {
            return $crate::state::fail($crate::status::OUT_OF_RANGE, $row, $column);
        }
        $crate::int_run::store($values, $row, v as $width);
    }};
}
pub(crate) use int_cell;

/// What `quick_int` leaves of an integer cell of at most 32 bits; the caller checks the range.
#[inline(never)]
pub fn small_int_rest(input: &[u8], at: usize, len: usize, min: i64, max: i64) -> Result<i64, u32> {
    match quick_long_int(input, at, len) {
        Some((neg, v)) => Ok(if neg { -(v as i64) } else { v as i64 }),
        None => parse_small_int_in(input, at, len, min, max),
    }
}

/// What `quick_int` leaves of a 64-bit integer cell, out of line like `small_int_rest`.
#[inline(never)]
pub fn int64_rest(input: &[u8], at: usize, len: usize, unsigned: bool) -> Result<u64, u32> {
    parse_int64_in(input, at, len, unsigned)
}
