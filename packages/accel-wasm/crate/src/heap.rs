//! A size-class allocator over wasm linear memory: blocks are powers of two from 16 bytes to
//! 2 GiB; freed blocks go to a per-class free list and are reused, so a steady workload stops
//! growing memory after warm-up. Memory is never returned (wasm cannot shrink).

use core::arch::wasm32;
use core::ptr::null_mut;

const MIN_CLASS: u32 = 4;
const MAX_CLASS: u32 = 31;
const PAGE: u64 = 65536;

static mut FREE: [usize; 32] = [0; 32];
static mut TOP: usize = 0;

extern "C" {
    static __heap_base: u8;
}

/// The class (log2 of the block size) that holds `size` bytes.
fn class_for(size: usize) -> Option<u32> {
    if size <= 1 << MIN_CLASS {
        return Some(MIN_CLASS);
    }
    let class = usize::BITS - (size - 1).leading_zeros();
    if class > MAX_CLASS {
        None
    } else {
        Some(class)
    }
}

/// The usable size of the block that `alloc(size)` returns.
pub fn block_size(size: usize) -> usize {
    match class_for(size) {
        Some(class) => 1usize << class,
        None => 0,
    }
}

/// A 16-byte aligned block of at least `size` bytes, or null when memory cannot grow.
pub fn alloc(size: usize) -> *mut u8 {
    let class = match class_for(size) {
        Some(class) => class,
        None => return null_mut(),
    };
    unsafe {
        let head = FREE[class as usize];
        if head != 0 {
            FREE[class as usize] = *(head as *const usize);
            return head as *mut u8;
        }
        if TOP == 0 {
            TOP = ((&__heap_base as *const u8 as usize) + 15) & !15;
        }
        let start = TOP as u64;
        let end = start + (1u64 << class);
        let have = wasm32::memory_size(0) as u64 * PAGE;
        if end > have {
            let pages = (end - have + PAGE - 1) / PAGE;
            if end > (1u64 << 32) || wasm32::memory_grow(0, pages as usize) == usize::MAX {
                return null_mut();
            }
        }
        TOP = end as usize;
        start as usize as *mut u8
    }
}

/// Return a block from `alloc(size)` (same `size`, or any size of the same class).
pub fn free(ptr: *mut u8, size: usize) {
    if ptr.is_null() {
        return;
    }
    if let Some(class) = class_for(size) {
        unsafe {
            *(ptr as *mut usize) = FREE[class as usize];
            FREE[class as usize] = ptr as usize;
        }
    }
}

/// Export: a block of at least `size` bytes (0 when out of memory).
#[no_mangle]
pub extern "C" fn acc_alloc(size: u32) -> *mut u8 {
    alloc(size as usize)
}

/// Export: give back a block from `acc_alloc`.
#[no_mangle]
pub extern "C" fn acc_free(ptr: *mut u8, size: u32) {
    free(ptr, size as usize)
}
