import { Buffer } from 'node:buffer';
import { frameOutgoing, type SequenceCounter } from './packet-framing.js';
import { FRAME_HEADER_LENGTH, MAX_FRAME_PAYLOAD } from './protocol-constants.js';

/** Bytes before the text: the frame header and the command byte. */
const TEXT_OFFSET = FRAME_HEADER_LENGTH + 1;

/**
 * Text up to this many UTF-16 code units is first tried as ASCII, copied in a loop into a frame
 * of its exact size: for a short statement (SELECT 1) that costs less than the native UTF-8
 * encode and the view that trims the frame to what it wrote.
 */
const SHORT_TEXT = 64;

/** The frame of a short ASCII `text`, or undefined when it holds another character. */
function shortAsciiFrame(
  command: number,
  text: string,
  sequence: SequenceCounter,
): Uint8Array | undefined {
  const count = text.length;
  const frame = Buffer.allocUnsafe(TEXT_OFFSET + count);
  for (let index = 0; index < count; index += 1) {
    const code = text.charCodeAt(index);
    if (code > 0x7f) return undefined;
    frame[TEXT_OFFSET + index] = code;
  }
  frame[0] = count + 1;
  frame[1] = 0;
  frame[2] = 0;
  frame[3] = sequence.take();
  frame[4] = command;
  return frame;
}

/**
 * One framed command whose payload is a command byte and UTF-8 text (COM_QUERY, COM_INIT_DB).
 * The text is encoded straight into the frame, and the frame is a Buffer (small ones come from
 * Node's pool), so a query costs one encode and no copy before the socket takes it. Text that
 * might not fit one frame goes through `frameOutgoing`, which splits it.
 */
export function frameCommandText(
  command: number,
  text: string,
  sequence: SequenceCounter,
): Uint8Array {
  if (text.length <= SHORT_TEXT) {
    const frame = shortAsciiFrame(command, text, sequence);
    if (frame !== undefined) return frame;
  }
  // UTF-8 needs at most 3 bytes per UTF-16 code unit.
  const most = text.length * 3;
  if (most + 1 >= MAX_FRAME_PAYLOAD) {
    const payload = Buffer.allocUnsafe(1 + Buffer.byteLength(text, 'utf8'));
    payload[0] = command;
    payload.write(text, 1, 'utf8');
    return frameOutgoing(payload, sequence);
  }
  const frame = Buffer.allocUnsafe(TEXT_OFFSET + most);
  const length = 1 + frame.write(text, TEXT_OFFSET, 'utf8');
  frame[0] = length & 0xff;
  frame[1] = (length >>> 8) & 0xff;
  frame[2] = length >>> 16;
  frame[3] = sequence.take();
  frame[4] = command;
  return frame.subarray(0, FRAME_HEADER_LENGTH + length);
}
