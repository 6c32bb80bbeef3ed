import { describe, expect, it } from 'vitest';
import type { CommandContext } from '../commands/command.js';
import { InfileUpload } from './infile-upload.js';

/** A context that records the packets written and the drain waits between them. */
function recordingContext() {
  const events: (Uint8Array | 'drain')[] = [];
  const context = {
    sendUncopied: (payload: Uint8Array) => events.push(payload),
    drained: async () => {
      events.push('drain');
    },
  } as unknown as CommandContext;
  const packets = () => events.filter((event): event is Uint8Array => event !== 'drain');
  return { context, events, packets };
}

function joined(parts: Uint8Array[]): Uint8Array {
  return Buffer.concat(parts);
}

describe('InfileUpload', () => {
  it('gathers small chunks and text into packets of 1 MiB, without waiting between them', async () => {
    const { context, events, packets } = recordingContext();
    const lines = Array.from({ length: 100_000 }, (_unused, index) => `${index}\tnamé-${index}\n`);
    await new InfileUpload(context).sendAll(
      lines.map((line, index) => (index % 2 === 0 ? line : new TextEncoder().encode(line))),
    );
    const sizes = packets().map((packet) => packet.length);
    expect(sizes.slice(0, -1).every((size) => size > (1 << 20) - 64 && size <= 1 << 20)).toBe(true);
    expect(new TextDecoder().decode(joined(packets()))).toBe(lines.join(''));
    // A drain wait follows a write, never a chunk that was only gathered.
    expect(events.filter((event) => event === 'drain').length).toBe(sizes.length - 1);
  });

  it('sends a large chunk by reference, in packets below the frame limit', async () => {
    const { context, packets } = recordingContext();
    const small = new TextEncoder().encode('head\n');
    const large = new Uint8Array(20 << 20).fill(0x61);
    await new InfileUpload(context).sendAll([small, large]);
    const sent = packets();
    expect(sent.map((packet) => packet.length)).toEqual([5, 8 << 20, 8 << 20, 4 << 20]);
    expect(sent[1]!.buffer).toBe(large.buffer);
    expect(joined(sent).length).toBe(small.length + large.length);
  });

  it('encodes long text once and sends it whole', async () => {
    const { context, packets } = recordingContext();
    const text = 'ü'.repeat(600_000);
    await new InfileUpload(context).sendAll([text]);
    expect(new TextDecoder().decode(joined(packets()))).toBe(text);
  });
});
