//! State shared with the TypeScript side: per-column slots (outputs of the decoders, inputs
//! of the encoder), two extra buffers (ROWDAT_1 row ids, encoder output) and an info block
//! (status, row, column, row count). All persist between calls, so steady use reuses memory.

use crate::buf::Buf;
use crate::heap;
use core::mem::size_of;
use core::ptr::{copy_nonoverlapping, null_mut, write_bytes};

/// One column's buffers. 16 words, the stride the TypeScript side reads with.
#[repr(C)]
pub struct Col {
    pub validity: Buf,
    pub values: Buf,
    pub offsets: Buf,
    pub data: Buf,
    pub null_count: u32,
    /// Bytes per value slot (a whole vector for vectors).
    pub slot: u32,
    _pad: [u32; 2],
}

pub const EXTRA_ROW_IDS: usize = 0;
pub const EXTRA_OUTPUT: usize = 1;

static mut COLS: *mut Col = null_mut();
static mut COL_CAP: usize = 0;
static mut EXTRA: [Buf; 2] = [Buf::EMPTY, Buf::EMPTY];
/// status, row, column (as i32 bits), rows.
static mut INFO: [u32; 4] = [0; 4];

/// The first `count` column slots, growing the slot array when needed.
pub fn columns(count: usize) -> Option<&'static mut [Col]> {
    unsafe {
        if count > COL_CAP {
            let want = core::cmp::max(count, COL_CAP * 2);
            let bytes = want.checked_mul(size_of::<Col>())?;
            let ptr = heap::alloc(bytes) as *mut Col;
            if ptr.is_null() {
                return None;
            }
            write_bytes(ptr as *mut u8, 0, bytes);
            if !COLS.is_null() {
                copy_nonoverlapping(COLS, ptr, COL_CAP);
                heap::free(COLS as *mut u8, COL_CAP * size_of::<Col>());
            }
            COLS = ptr;
            COL_CAP = heap::block_size(bytes) / size_of::<Col>();
        }
        if COLS.is_null() {
            return Some(&mut []);
        }
        Some(core::slice::from_raw_parts_mut(COLS, count))
    }
}

pub fn extra(index: usize) -> &'static mut Buf {
    unsafe { &mut EXTRA[index] }
}

/// Record a failure; returns `status` for convenience.
pub fn fail(status: u32, row: usize, column: i32) -> u32 {
    unsafe {
        INFO[0] = status;
        INFO[1] = row as u32;
        INFO[2] = column as u32;
    }
    status
}

pub fn set_rows(rows: usize) {
    unsafe {
        INFO[0] = 0;
        INFO[3] = rows as u32;
    }
}

/// Export: the column slots (ensuring `count` of them); 0 when out of memory.
#[no_mangle]
pub extern "C" fn acc_columns(count: u32) -> *mut Col {
    match columns(count as usize) {
        Some(_) => unsafe { COLS },
        None => null_mut(),
    }
}

/// Export: ensure column `column`'s buffer `which` (0 validity … 3 data) holds `len` bytes and
/// return where to write them (0 when out of memory). Used to pass encoder inputs in.
#[no_mangle]
pub extern "C" fn acc_column_buffer(column: u32, which: u32, len: u32) -> *mut u8 {
    let cols = match columns(column as usize + 1) {
        Some(cols) => cols,
        None => return null_mut(),
    };
    let col = &mut cols[column as usize];
    let buf = match which {
        0 => &mut col.validity,
        1 => &mut col.values,
        2 => &mut col.offsets,
        _ => &mut col.data,
    };
    if buf.resize(len as usize) {
        buf.ptr
    } else {
        null_mut()
    }
}

/// Export: the two extra buffers (row ids, encoder output) as `Buf` structs.
#[no_mangle]
pub extern "C" fn acc_extra() -> *mut Buf {
    unsafe { EXTRA.as_mut_ptr() }
}

/// Export: ensure extra buffer `which` holds `len` bytes and return where to write them.
#[no_mangle]
pub extern "C" fn acc_extra_buffer(which: u32, len: u32) -> *mut u8 {
    let buf = extra(if which == 0 {
        EXTRA_ROW_IDS
    } else {
        EXTRA_OUTPUT
    });
    if buf.resize(len as usize) {
        buf.ptr
    } else {
        null_mut()
    }
}

/// Export: the info block (status, row, column, rows).
#[no_mangle]
pub extern "C" fn acc_info() -> *const u32 {
    unsafe { INFO.as_ptr() }
}
