//! `s2_accel`: the row parser of the @s2 SDK, compiled to `wasm32-unknown-unknown`.
//!
//! `no_std`, no dependencies, no allocator crate: memory is managed by `heap` (size classes
//! over linear memory) and `buf` (growable buffers). Nothing here may panic on bad input: every
//! byte read is bounds-checked and every problem becomes a status code (see `status`), which
//! the TypeScript side turns into a `RowDecodeError`. A panic would trap (`unreachable`).
//!
//! Exports (all `extern "C"`): `acc_alloc`, `acc_free` (the input regions), `acc_columns`
//! (per-column output slots), `acc_extra` (row ids and encoder output), `acc_info` (status,
//! row, column, row count), `frame_scan` (row packets in a socket chunk), `text_decode`,
//! `rowdat_decode`, `rowdat_encode`.

#![no_std]

mod buf;
mod exact_float;
mod frames;
mod heap;
mod int32_rows;
mod int_run;
mod number;
mod rowdat;
mod rowdat_decode;
mod rowdat_encode;
mod state;
mod status;
mod temporal;
mod text;
mod vector;

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    core::arch::wasm32::unreachable()
}
