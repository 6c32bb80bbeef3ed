//! MySQL packet framing over bytes already in linear memory, mirrored by
//! `src/ts/row-packets.ts`: finds the row packets of a result set so that a batch builder can
//! copy a socket chunk in whole and leave the per-row header walk to this loop.

/// A frame header: a 3-byte little-endian payload length and a sequence id.
const FRAME_HEADER: usize = 4;
/// A frame this long continues in the next one: the packet is not whole.
const MAX_FRAME_PAYLOAD: usize = 0xff_ffff;
const ERR_LEAD: u8 = 0xff;
const EOF_LEAD: u8 = 0xfe;
/// A packet led by 0xfe is an EOF when shorter than this; a row can start with 0xfe only as
/// the 8-byte length of a first cell, which makes it at least this long.
const EOF_MAX_LENGTH: usize = 9;

/// Finds up to `max_rows` whole row packets framed in `bytes[from..to]`, the first with
/// sequence id `sequence`, and writes each payload's (start, end) offsets from `bytes` to
/// `bounds`. It stops before anything that is not such a packet: an EOF or ERR, a frame of
/// 2^24−1 bytes, an empty frame, a frame cut by `to`, a sequence id out of order. Returns how
/// many it found.
///
/// The caller guarantees `bytes[..to]` is readable and `bounds` has room for
/// `min(max_rows, (to - from) / 5)` pairs: a frame takes at least five bytes.
#[no_mangle]
pub unsafe extern "C" fn frame_scan(
    bytes: *const u8,
    from: u32,
    to: u32,
    bounds: *mut u32,
    sequence: u32,
    max_rows: u32,
) -> u32 {
    let end = to as usize;
    let mut at = from as usize;
    let mut expected = sequence & 0xff;
    let mut count = 0usize;
    let mut out = bounds;
    while count < max_rows as usize && at + FRAME_HEADER <= end {
        let header = u32::from_le((bytes.add(at) as *const u32).read_unaligned());
        let length = (header & 0xff_ffff) as usize;
        let payload = at + FRAME_HEADER;
        if length == 0 || length == MAX_FRAME_PAYLOAD || length > end - payload {
            break;
        }
        if header >> 24 != expected {
            break;
        }
        let lead = *bytes.add(payload);
        if lead == ERR_LEAD || (lead == EOF_LEAD && length < EOF_MAX_LENGTH) {
            break;
        }
        at = payload + length;
        out.write(payload as u32);
        out.add(1).write(at as u32);
        out = out.add(2);
        count += 1;
        expected = (expected + 1) & 0xff;
    }
    count as u32
}
