//! ROWDAT_1 (external-functions.md §5): what decoding (`rowdat_decode.rs`) and encoding
//! (`rowdat_encode.rs`) share. The plan holds 4 words per column: (op, source element for the
//! encoder, 0, 0); ops are `RowdatOp` in src/rowdat1-plan.ts.

pub const NULL: u32 = 0;
pub const INT8: u32 = 1;
pub const UINT8: u32 = 2;
pub const INT16: u32 = 3;
pub const UINT16: u32 = 4;
pub const INT32: u32 = 5;
pub const UINT32: u32 = 6;
pub const INT64: u32 = 7;
pub const UINT64: u32 = 8;
pub const FLOAT32: u32 = 9;
pub const FLOAT64: u32 = 10;
pub const DATE: u32 = 12;
pub const DATETIME: u32 = 13;
pub const TIME: u32 = 14;

/// Encoder source elements (`SourceElement` in src/rowdat1-plan.ts).
pub const SRC_FLOAT32: u32 = 10;

pub const FLAG_NULL_FLOAT_NAN: u32 = 1;
pub const TIME_TEXT_MAX: usize = 24;
pub const MICROS_PER_DAY: i64 = 86_400_000_000;

/// Bytes after the null flag; 0 for length-prefixed types.
pub fn width(op: u32) -> usize {
    match op {
        NULL | INT8 | UINT8 => 1,
        INT16 | UINT16 => 2,
        INT32 | UINT32 | FLOAT32 => 4,
        INT64 | UINT64 | FLOAT64 | DATE | DATETIME | TIME => 8,
        _ => 0,
    }
}

/// Bytes per decoded value slot; 0 for types decoded to offsets + data.
pub fn slot(op: u32) -> usize {
    match op {
        INT8 | UINT8 => 1,
        INT16 | UINT16 => 2,
        INT32 | UINT32 | DATE => 4,
        INT64 | UINT64 | FLOAT32 | FLOAT64 | DATETIME => 8,
        _ => 0,
    }
}

pub fn is_variable(op: u32) -> bool {
    width(op) == 0 || op == TIME
}

pub fn u32_at(s: &[u8], p: usize) -> u32 {
    u32::from_le_bytes([s[p], s[p + 1], s[p + 2], s[p + 3]])
}

pub fn u64_at(s: &[u8], p: usize) -> u64 {
    u32_at(s, p) as u64 | (u32_at(s, p + 4) as u64) << 32
}
