//! A growable byte buffer in linear memory. `repr(C)` because the TypeScript side reads
//! `ptr` and `len` directly to copy results out.

use crate::heap;
use core::ptr::{copy_nonoverlapping, null_mut, write_bytes};

#[repr(C)]
pub struct Buf {
    pub ptr: *mut u8,
    pub len: usize,
    pub cap: usize,
}

impl Buf {
    pub const EMPTY: Buf = Buf {
        ptr: null_mut(),
        len: 0,
        cap: 0,
    };

    /// Make room for `total` bytes, keeping the first `len`. False when out of memory.
    #[inline(always)]
    pub fn reserve(&mut self, total: usize) -> bool {
        (total <= self.cap && !self.ptr.is_null()) || self.grow(total)
    }

    /// `reserve` when the buffer must move: out of line, so that the check is all a push of a
    /// cell inlines.
    #[inline(never)]
    fn grow(&mut self, total: usize) -> bool {
        let want = core::cmp::max(total, self.cap.saturating_mul(2));
        let ptr = heap::alloc(want);
        if ptr.is_null() {
            return false;
        }
        unsafe {
            if !self.ptr.is_null() {
                copy_nonoverlapping(self.ptr, ptr, self.len);
                heap::free(self.ptr, self.cap);
            }
        }
        self.ptr = ptr;
        self.cap = heap::block_size(want);
        true
    }

    /// Set the length to `total` bytes, growing first (new bytes are not initialised).
    pub fn resize(&mut self, total: usize) -> bool {
        if !self.reserve(total) {
            return false;
        }
        self.len = total;
        true
    }

    /// Set the length to `total` zero bytes.
    pub fn zeroed(&mut self, total: usize) -> bool {
        self.filled(total, 0)
    }

    /// Set the length to `total` bytes of `byte`.
    pub fn filled(&mut self, total: usize, byte: u8) -> bool {
        if !self.resize(total) {
            return false;
        }
        unsafe { write_bytes(self.ptr, byte, total) };
        true
    }

    pub fn push(&mut self, bytes: &[u8]) -> bool {
        let total = match self.len.checked_add(bytes.len()) {
            Some(total) => total,
            None => return false,
        };
        if !self.reserve(total) {
            return false;
        }
        unsafe { copy_nonoverlapping(bytes.as_ptr(), self.ptr.add(self.len), bytes.len()) };
        self.len = total;
        true
    }

    /// `push` of a cell of the input from which `readable` bytes may be read. Up to 64 bytes
    /// are moved as 2 or 8 words, past the end of the cell (the next push overwrites those
    /// bytes, and `len` leaves them out): in V8 a `memory.copy` is a call out of the compiled
    /// code, which costs more than a few words. Straight-line, because LLVM turns a loop of
    /// word copies back into `memory.copy`. Always 8 words was slower for short strings (4
    /// times the stores), 2, 4 or 8 no faster than this.
    #[inline(always)]
    pub fn push_cell(&mut self, bytes: &[u8], readable: usize) -> bool {
        let words = match bytes.len() {
            0..=16 => 2,
            17..=64 => 8,
            _ => return self.push(bytes),
        };
        if words * 8 > readable || !self.reserve(self.len + words * 8) {
            return self.push(bytes);
        }
        unsafe {
            let from = bytes.as_ptr() as *const u64;
            let to = self.ptr.add(self.len) as *mut u64;
            copy_two_words(from, to);
            if words == 8 {
                copy_two_words(from.add(2), to.add(2));
                copy_two_words(from.add(4), to.add(4));
                copy_two_words(from.add(6), to.add(6));
            }
        }
        self.len += bytes.len();
        true
    }

    pub fn as_slice(&self) -> &[u8] {
        if self.ptr.is_null() {
            &[]
        } else {
            unsafe { core::slice::from_raw_parts(self.ptr, self.len) }
        }
    }
}

#[inline(always)]
unsafe fn copy_two_words(from: *const u64, to: *mut u64) {
    let a = from.read_unaligned();
    let b = from.add(1).read_unaligned();
    to.write_unaligned(a);
    to.add(1).write_unaligned(b);
}
