//! Date and time text and ROWDAT_1 packing, mirrored by `src/ts/scan-temporal.ts`
//! (grammars are documented there).

use crate::number::all_digits;
use crate::status::BAD_TIME;

pub enum Parsed {
    Zero,
    Invalid,
    Value(i64),
}

const DAYS_IN_MONTH: [u32; 13] = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

#[inline]
fn two_digits(s: &[u8], p: usize) -> i32 {
    let a = s[p].wrapping_sub(b'0');
    let b = s[p + 1].wrapping_sub(b'0');
    if a > 9 || b > 9 {
        -1
    } else {
        (a * 10 + b) as i32
    }
}

pub fn is_leap_year(year: i64) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

fn days_in_month(year: i64, month: i64) -> i64 {
    if month == 2 && is_leap_year(year) {
        29
    } else {
        DAYS_IN_MONTH[month as usize] as i64
    }
}

/// Days before each month (1 to 12) in a year that starts on March 1st.
const DAYS_BEFORE_MONTH: [u32; 13] = [0, 306, 337, 0, 31, 61, 92, 122, 153, 184, 214, 245, 275];

/// Days since 1970-01-01 of a proleptic Gregorian date of the years 0 to 9999, in u32 with the
/// divisions by constants written as multiplications: the wasm backend leaves those to the
/// engine, and V8 divides (7 ns of a DATETIME cell's 20).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    // Years start on March 1st and are counted from 400 years (146097 days) before year 0, so
    // that year 0's January and February count from a positive year too.
    let y = (year + 400) as u32 - (month <= 2) as u32;
    // y / 400 for y <= 10399, and then y / 100 for y < 400.
    let era = (y * 5243) >> 21;
    let year_of_era = y - era * 400;
    let day_of_year = DAYS_BEFORE_MONTH[month as usize] + day as u32 - 1;
    let centuries = (year_of_era * 5243) >> 19;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - centuries + day_of_year;
    (era * 146097 + day_of_era) as i64 - 719468 - 146097
}

/// The civil date of a day count as (year, month, day).
pub fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719468;
    let era = z.div_euclid(146097);
    let day_of_era = z - era * 146097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_index = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_index + 2) / 5 + 1;
    let month = if month_index < 10 {
        month_index + 3
    } else {
        month_index - 9
    };
    let year = year_of_era + era * 400 + if month <= 2 { 1 } else { 0 };
    (year, month, day)
}

/// Check a civil date and give its day count.
pub fn checked_days(year: i64, month: i64, day: i64) -> Parsed {
    if year == 0 && month == 0 && day == 0 {
        return Parsed::Zero;
    }
    if !(0..=9999).contains(&year) || !(1..=12).contains(&month) || day < 1 {
        return Parsed::Invalid;
    }
    // Every month has 28 days: the leap year test only runs for the last days of February.
    if day > 28 && day > days_in_month(year, month) {
        return Parsed::Invalid;
    }
    Parsed::Value(days_from_civil(year, month, day))
}

/// `YYYY-MM-DD` at the start of `s` (which has at least 10 bytes).
fn date_parts(s: &[u8]) -> Option<(i64, i64, i64)> {
    let c = two_digits(s, 0);
    let y = two_digits(s, 2);
    let m = two_digits(s, 5);
    let d = two_digits(s, 8);
    if c < 0 || y < 0 || m < 0 || d < 0 || s[4] != b'-' || s[7] != b'-' {
        return None;
    }
    Some(((c * 100 + y) as i64, m as i64, d as i64))
}

/// DATE text → days since epoch.
#[inline]
pub fn parse_date(s: &[u8]) -> Parsed {
    if s.len() != 10 {
        return Parsed::Invalid;
    }
    match date_parts(s) {
        Some((year, month, day)) => checked_days(year, month, day),
        None => Parsed::Invalid,
    }
}

const ZEROS: u64 = 0x3030_3030_3030_3030;

/// The 8 bytes `word` (first byte low) against a template: when the bytes `digit_bytes` marks
/// are ASCII digits and the others equal `separators`, the number each digit starts with the
/// digit after it, in its byte (10a + b; what the separators start is meaningless).
#[inline(always)]
fn template_pairs(word: u64, digit_bytes: u64, separators: u64) -> Option<u64> {
    // The separators' bytes become '0', so that all 8 are digits when the text is right.
    let digits = (word & digit_bytes) | (ZEROS & !digit_bytes);
    if word & !digit_bytes != separators || !all_digits(digits) {
        return None;
    }
    Some(digits.wrapping_sub(ZEROS).wrapping_mul(10 << 8 | 1) >> 8)
}

/// The date and the seconds of the day of a `YYYY-MM-DD[ T]HH:MM:SS` start of `s` (19 bytes or
/// more), or None when anything is off: two words checked against templates and the day's two
/// digits, instead of seven calls of `two_digits` (a third of a DATETIME cell's time).
#[inline(always)]
fn datetime_words(s: &[u8]) -> Option<(i64, i64, i64, i64)> {
    let word = |at: usize| {
        let mut bytes = [0u8; 8];
        bytes.copy_from_slice(&s[at..at + 8]);
        u64::from_le_bytes(bytes)
    };
    if s.len() < 19 || (s[10] != b' ' && s[10] != b'T') {
        return None;
    }
    let date = template_pairs(word(0), 0x00FF_FF00_FFFF_FFFF, 0x2D00_002D_0000_0000)?;
    let clock = template_pairs(word(11), 0xFFFF_00FF_FF00_FFFF, 0x0000_3A00_003A_0000)?;
    let day = two_digits(s, 8);
    let byte = |word: u64, at: u32| (word >> (at * 8)) as u8 as i64;
    let (hour, minute, second) = (byte(clock, 0), byte(clock, 3), byte(clock, 6));
    if day < 0 || hour > 23 || minute > 59 || second > 59 {
        return None;
    }
    let year = byte(date, 0) * 100 + byte(date, 2);
    Some((year, byte(date, 5), day as i64, hour * 3600 + minute * 60 + second))
}

/// Microseconds per unit of the last of 1 to 6 fraction digits.
const FRACTION_UNITS: [u32; 7] = [0, 100_000, 10_000, 1_000, 100, 10, 1];

/// The microseconds of the 1 to 6 fraction digits `digits`, or None for a non-digit. Scaled once
/// at the end: a scale divided by 10 per digit is a division per digit in V8.
#[inline(always)]
fn fraction_micros(digits: &[u8]) -> Option<u32> {
    let mut value = 0u32;
    for &c in digits {
        let d = c.wrapping_sub(b'0');
        if d > 9 {
            return None;
        }
        value = value * 10 + d as u32;
    }
    Some(value * FRACTION_UNITS[digits.len()])
}

/// DATETIME/TIMESTAMP text → microseconds since epoch (UTC).
#[inline]
pub fn parse_datetime(s: &[u8]) -> Parsed {
    let length = s.len();
    if length < 10 || (length != 10 && (length < 19 || length == 20 || length > 26)) {
        return Parsed::Invalid;
    }
    let parts = if length == 10 {
        date_parts(s).map(|(year, month, day)| (year, month, day, 0))
    } else {
        datetime_words(s)
    };
    let (year, month, day, seconds) = match parts {
        Some(parts) => parts,
        None => return Parsed::Invalid,
    };
    let mut micros: i64 = 0;
    if length > 19 {
        if s[19] != b'.' {
            return Parsed::Invalid;
        }
        micros = match fraction_micros(&s[20..]) {
            Some(micros) => micros as i64,
            None => return Parsed::Invalid,
        };
    }
    match checked_days(year, month, day) {
        Parsed::Zero => {
            if seconds == 0 && micros == 0 {
                Parsed::Zero
            } else {
                Parsed::Invalid
            }
        }
        Parsed::Value(days) => Parsed::Value((days * 86400 + seconds) * 1_000_000 + micros),
        Parsed::Invalid => Parsed::Invalid,
    }
}

/// A checked TIME: sign (1 or -1), H·10000 + M·100 + S, microseconds.
pub struct Time {
    pub negative: bool,
    pub hms: u64,
    pub micros: u64,
}

/// TIME text check and fields.
#[inline]
pub fn scan_time(s: &[u8]) -> Result<Time, u32> {
    let mut p = 0;
    let mut negative = false;
    if s.first() == Some(&b'-') {
        negative = true;
        p = 1;
    }
    let mut hours: u64 = 0;
    let mut hour_digits = 0;
    while p < s.len() && hour_digits < 10 {
        let d = s[p].wrapping_sub(b'0');
        if d > 9 {
            break;
        }
        hours = hours * 10 + d as u64;
        hour_digits += 1;
        p += 1;
    }
    if hour_digits == 0 || hour_digits > 9 || s.len() - p < 6 || s[p] != b':' || s[p + 3] != b':' {
        return Err(BAD_TIME);
    }
    let minute = two_digits(s, p + 1);
    let second = two_digits(s, p + 4);
    if minute < 0 || second < 0 || minute > 59 || second > 59 {
        return Err(BAD_TIME);
    }
    p += 6;
    let mut micros: u64 = 0;
    if p < s.len() {
        let rest = s.len() - p;
        if s[p] != b'.' || rest < 2 || rest > 7 {
            return Err(BAD_TIME);
        }
        micros = match fraction_micros(&s[p + 1..]) {
            Some(micros) => micros as u64,
            None => return Err(BAD_TIME),
        };
    }
    Ok(Time {
        negative,
        hms: hours * 10000 + minute as u64 * 100 + second as u64,
        micros,
    })
}
