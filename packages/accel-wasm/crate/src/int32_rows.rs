//! The text decoder's loop for tables of INT columns alone (the INT32 op), where the work per
//! cell is what counts: two rows at a time, no op to dispatch on, no range check for texts of
//! up to 8 bytes, and a row's end checked once the row is read rather than at every cell.

use crate::int_run::Target;
use crate::number::read_word;
use crate::state::Col;

/// The length byte of a NULL.
const NULL: usize = 0xfb;

/// The longest INT32 text `int32_text` reads, "-2147483648": longer ones (with leading zeros)
/// are left to the general path.
const INT32_TEXT: usize = 11;

/// The bytes from a row's start that `int32_pair` may read for `columns` columns: it consumes
/// no cell longer than 1 + INT32_TEXT bytes and reads none beyond that from the cell's start.
fn int32_pair_reach(columns: usize) -> usize {
    columns.saturating_mul(1 + INT32_TEXT)
}

const ZEROS: u64 = 0x3030_3030_3030_3030;

/// 256 to the power 8 - `count % 8`: multiplying by it moves the low `count` (1 to 8) bytes
/// of a word to the top: one instruction where x86 needs several to shift by a variable count.
const TO_TOP: [u64; 8] = [1, 1 << 56, 1 << 48, 1 << 40, 1 << 32, 1 << 24, 1 << 16, 1 << 8];

/// The low `count` (1 to 8) bytes of `word`, each minus '0', moved to the top with zeros
/// below: the form `non_digits` and `digits_value` take. Subtracting before the move needs no
/// '0' filler below the text; what the digits borrow from above them is moved out.
#[inline(always)]
fn top_digits(word: u64, count: usize) -> u64 {
    word.wrapping_sub(ZEROS).wrapping_mul(TO_TOP[count % 8])
}

/// Non-zero when a byte of `top_digits` was not a digit (see `number::eight_digits`).
#[inline(always)]
fn non_digits(digits: u64) -> u64 {
    (digits | digits.wrapping_add(0x7676_7676_7676_7676)) & 0x8080_8080_8080_8080
}

/// The value of the 8 digits of a `top_digits` word.
#[inline(always)]
fn digits_value(digits: u64) -> u64 {
    let pairs = digits.wrapping_mul(10 << 8 | 1) >> 8;
    let quads = (pairs & 0x00FF_00FF_00FF_00FF).wrapping_mul(100 << 16 | 1) >> 16;
    (quads & 0x0000_FFFF_0000_FFFF).wrapping_mul(10_000 << 32 | 1) >> 32
}

/// What turns a leading '-' into a '0', which adds nothing to the value: cheaper than
/// shifting the sign out and counting the digits.
const SIGN_TO_ZERO: u64 = (b'-' ^ b'0') as u64;

/// The sign and `top_digits` of a text of `len` (1 to 8) bytes whose first 8 bytes `word`
/// holds. A lone '-' stays, for `non_digits` to refuse.
#[inline(always)]
fn signed_digits(word: u64, len: usize) -> (bool, u64) {
    let neg = word as u8 == b'-' && len != 1;
    (neg, top_digits(word ^ neg as u64 * SIGN_TO_ZERO, len))
}

#[inline(always)]
fn signed(neg: bool, v: u64) -> u32 {
    (if neg { v.wrapping_neg() } else { v }) as u32
}

/// The INT32 value of the cell text of `len` bytes at `text` whose first 8 bytes `word` holds,
/// when it is an optional '-' and digits, at most INT32_TEXT bytes, in range; None for anything
/// else, which the general path then reads or rejects.
///
/// # Safety
/// 8 bytes must be readable from `text`, and `len` of them when `len` is more.
#[inline(always)]
unsafe fn int32_text(text: *const u8, word: u64, len: usize) -> Option<u32> {
    if len.wrapping_sub(1) < 8 {
        let (neg, digits) = signed_digits(word, len);
        // At most 8 digits: always in range.
        return if non_digits(digits) == 0 {
            Some(signed(neg, digits_value(digits)))
        } else {
            None
        };
    }
    if len.wrapping_sub(9) > INT32_TEXT - 9 {
        return None;
    }
    // The last 8 bytes must all be digits, and are read where they end; before them are 1 to 3
    // bytes, a '-' (made a '0' here) and digits, or digits.
    let neg = word as u8 == b'-';
    let low = read_word(text.add(len - 8)).wrapping_sub(ZEROS);
    let high = top_digits(word ^ neg as u64 * SIGN_TO_ZERO, len - 8);
    if non_digits(low) | non_digits(high) != 0 {
        return None;
    }
    let v = digits_value(high) * 100_000_000 + digits_value(low);
    if v > 2_147_483_647 + neg as u64 {
        return None;
    }
    Some(signed(neg, v))
}

/// Where `int32_rows` stopped: for each row of the pair it did not finish, the column and
/// position where the general path carries on.
pub type PairStop = [(usize, usize); 2];

/// Decode rows from `r` on two at a time while every cell of both rows is a NULL or a plain
/// INT32 text (all columns are INT32) and each row ends where its bounds say. The two rows'
/// chains of positions (each cell starts where the last one's length says) are independent, so
/// the processor overlaps them, where one row's chain alone bounds the general path. A pair of
/// rows that is anything else (a '+', leading zeros, a value out of range, a bad length or
/// bound, a row near the input's end) is left from the column where it differs to the general
/// path, which reads it or finds its error; `stop` says where. A cell is not checked against
/// its row's end: a row that ran past it starts over in the general path, as that is rare and
/// the check would be one more per cell.
/// Returns the first row not decoded, a pair's first row (with `stop`) or `rows`.
///
/// # Safety
/// A column slot a target, each for `bounds.len() / 2` rows.
#[inline(never)]
pub unsafe fn int32_rows(
    targets: &[Target],
    cols: &mut [Col],
    input: &[u8],
    bounds: &[u32],
    base: u32,
    mut r: usize,
    stop: &mut PairStop,
) -> usize {
    let rows = bounds.len() / 2;
    let len = input.len();
    let reach = int32_pair_reach(targets.len());
    let from = input.as_ptr();
    while r + 1 < rows {
        let bound = |i: usize| bounds.get_unchecked(2 * r + i).wrapping_sub(base) as usize;
        let (s0, e0, s1, e1) = (bound(0), bound(1), bound(2), bound(3));
        if s0 > e0 || e0 > len || s1 > e1 || e1 > len || len - s0 < reach || len - s1 < reach {
            *stop = [(0, s0), (0, s1)];
            return r;
        }
        // Both rows' reach is within the input: the reads of `int32_pair` are.
        let (mut c, mut a, mut b) = (0, from.add(s0), from.add(s1));
        loop {
            (c, a, b) = int32_pair(targets, c, a, b, r);
            if c == targets.len() {
                break;
            }
            // Where the loop stops at a cell but for a NULL (in either row), both cells are read
            // here: out of the loop, a NULL costs the loop nothing.
            let ((va, la), (vb, lb)) = match (null_or_int32(a), null_or_int32(b)) {
                (Some(cell_a), Some(cell_b)) => (cell_a, cell_b),
                _ => break,
            };
            let col = cols.get_unchecked_mut(c);
            let values = targets.get_unchecked(c).values.add(r * 4) as *mut u32;
            values.write(va.unwrap_or_else(|| null_cell(col, r)));
            values.add(1).write(vb.unwrap_or_else(|| null_cell(col, r + 1)));
            a = a.add(la);
            b = b.add(lb);
            c += 1;
        }
        let (a, b) = (a.offset_from(from) as usize, b.offset_from(from) as usize);
        if c == targets.len() && a == e0 && b == e1 {
            r += 2;
            continue;
        }
        *stop = [
            if a <= e0 { (c, a) } else { (0, s0) },
            if b <= e1 { (c, b) } else { (0, s1) },
        ];
        return r;
    }
    if r < rows {
        stop[0] = (0, bounds[2 * r].wrapping_sub(base) as usize);
    }
    r
}

/// The cells of rows `r` and `r + 1` from column `c`, at `a` and `b`, that are plain INT32
/// texts: the column reached and where each row is then.
#[inline(always)]
unsafe fn int32_pair(
    targets: &[Target],
    mut c: usize,
    mut a: *const u8,
    mut b: *const u8,
    r: usize,
) -> (usize, *const u8, *const u8) {
    let offset = r * 4;
    while c < targets.len() {
        // Each cell read whole before the next: with both read side by side the engine ran out
        // of registers, and the processor overlaps the two all the same.
        let la = *a as usize;
        let va = match int32_text(a.add(1), read_word(a.add(1)), la) {
            Some(v) => v,
            None => break,
        };
        let lb = *b as usize;
        let vb = match int32_text(b.add(1), read_word(b.add(1)), lb) {
            Some(v) => v,
            None => break,
        };
        let values = targets.get_unchecked(c).values.add(offset) as *mut u32;
        values.write(va);
        values.add(1).write(vb);
        a = a.add(1 + la);
        b = b.add(1 + lb);
        c += 1;
    }
    (c, a, b)
}

/// The cell at `at` when it is a NULL (None) or a plain INT32 text, with the bytes it takes.
///
/// # Safety
/// As for `int32_pair`'s cells.
#[inline(always)]
unsafe fn null_or_int32(at: *const u8) -> Option<(Option<u32>, usize)> {
    let len = *at as usize;
    if len == NULL {
        return Some((None, 1));
    }
    int32_text(at.add(1), read_word(at.add(1)), len).map(|v| (Some(v), 1 + len))
}

/// Mark row `row` of `col` null; returns the value its slot takes.
fn null_cell(col: &mut Col, row: usize) -> u32 {
    col.null_count += 1;
    unsafe { *col.validity.ptr.add(row >> 3) &= !(1u8 << (row & 7)) };
    0
}
