//! Status codes, shared with `src/status.ts`: 0 is success, 1..=11 are `ROW_ERROR_CODES`
//! (index + 1), `OUT_OF_MEMORY` means linear memory could not grow.

pub const OK: u32 = 0;
pub const TRUNCATED: u32 = 1;
pub const BAD_LENGTH: u32 = 2;
pub const TRAILING_BYTES: u32 = 3;
pub const BAD_NUMBER: u32 = 4;
pub const OUT_OF_RANGE: u32 = 5;
pub const BAD_DATE: u32 = 6;
pub const BAD_DATETIME: u32 = 7;
pub const BAD_TIME: u32 = 8;
pub const BAD_VECTOR: u32 = 9;
pub const VECTOR_LENGTH: u32 = 10;
pub const UNEXPECTED_VALUE: u32 = 11;
pub const OUT_OF_MEMORY: u32 = 255;
