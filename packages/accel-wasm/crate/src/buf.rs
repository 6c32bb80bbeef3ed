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
    pub fn reserve(&mut self, total: usize) -> bool {
        if total <= self.cap && !self.ptr.is_null() {
            return true;
        }
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

    pub fn as_slice(&self) -> &[u8] {
        if self.ptr.is_null() {
            &[]
        } else {
            unsafe { core::slice::from_raw_parts(self.ptr, self.len) }
        }
    }
}
