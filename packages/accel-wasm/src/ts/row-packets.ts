/**
 * MySQL packet framing over a byte array, mirroring `crate/src/frames.rs` step for step: finds
 * the row packets of a result set, stopping before anything else.
 */

/** A frame header: a 3-byte little-endian payload length and a sequence id. */
const FRAME_HEADER = 4;
/** A frame this long continues in the next one: the packet is not whole. */
const MAX_FRAME_PAYLOAD = 0xffffff;
const ERR_LEAD = 0xff;
const EOF_LEAD = 0xfe;
/**
 * A packet led by 0xfe is an EOF when shorter than this; a row can start with 0xfe only as the
 * 8-byte length of a first cell, which makes it at least this long.
 */
const EOF_MAX_LENGTH = 9;

/**
 * Finds up to `maxRows` whole MySQL row packets framed in `bytes` from `from` to `to`, the
 * first with sequence id `sequence`, and writes each payload's (start, end) offsets in `bytes`
 * to `bounds` from index `boundsAt`, as `decodeRows` takes them. It stops before anything that
 * is not such a packet: an EOF or ERR packet, a frame of 2^24−1 bytes (a packet continued in
 * the next frame), an empty frame, a frame cut by `to`, a sequence id out of order; whoever
 * reads the packets goes on from there. Returns how many it found; they end where the last
 * pair does.
 *
 * `bounds` must have room for `min(maxRows, (to - from) / 5)` pairs from `boundsAt`: a frame
 * takes at least five bytes.
 */
export function scanRowPackets(
  bytes: Uint8Array,
  from: number,
  to: number,
  sequence: number,
  bounds: Uint32Array,
  boundsAt: number,
  maxRows: number,
): number {
  let at = from;
  let expected = sequence & 0xff;
  let count = 0;
  let out = boundsAt;
  while (count < maxRows && at + FRAME_HEADER <= to) {
    const length =
      (bytes[at] as number) | ((bytes[at + 1] as number) << 8) | ((bytes[at + 2] as number) << 16);
    const payload = at + FRAME_HEADER;
    if (length === 0 || length === MAX_FRAME_PAYLOAD || length > to - payload) break;
    if (bytes[at + 3] !== expected) break;
    const lead = bytes[payload] as number;
    if (lead === ERR_LEAD || (lead === EOF_LEAD && length < EOF_MAX_LENGTH)) break;
    at = payload + length;
    bounds[out] = payload;
    bounds[out + 1] = at;
    out += 2;
    count += 1;
    expected = (expected + 1) & 0xff;
  }
  return count;
}
