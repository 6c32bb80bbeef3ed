import { describe, expect, it } from 'vitest';
import type { CommandContext } from '../commands/command.js';
import type { InfileChunk } from './infile-source.js';
import {
  INFILE_UPLOAD_LIMITS,
  InfileUpload,
  type InfileUploadLimits,
  infileUploadLimits,
} from './infile-upload.js';

/**
 * A context that records the packets written and the drain waits between them; a drain wait
 * stays pending until `release` is called when `holdDrains` is set.
 */
function recordingContext(holdDrains = false) {
  const events: (Uint8Array | 'drain')[] = [];
  const waiting: (() => void)[] = [];
  const context = {
    sendUncopied: (payload: Uint8Array) => events.push(payload),
    drained: () => {
      events.push('drain');
      return holdDrains ? new Promise<void>((resolve) => waiting.push(resolve)) : Promise.resolve();
    },
  } as unknown as CommandContext;
  const packets = () => events.filter((event): event is Uint8Array => event !== 'drain');
  const release = () => {
    for (const resolve of waiting.splice(0)) resolve();
  };
  return { context, events, packets, release, waiting };
}

function joined(parts: Uint8Array[]): Uint8Array {
  return Buffer.concat(parts);
}

/** Lets every pending promise callback and I/O callback run. */
function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

const SMALL: InfileUploadLimits = {
  gatherBytes: 1024,
  eagerPacketBytes: 256,
  largeChunkBytes: 512,
  largePacketBytes: 4096,
  writeAheadBytes: 4096,
};

describe('InfileUpload', () => {
  it('gathers small chunks and text into packets of 256 KiB to 1 MiB, without waiting', async () => {
    const { context, events, packets } = recordingContext();
    const lines = Array.from({ length: 100_000 }, (_unused, index) => `${index}\tnamé-${index}\n`);
    await new InfileUpload(context).sendAll(
      lines.map((line, index) => (index % 2 === 0 ? line : new TextEncoder().encode(line))),
    );
    const sent = packets();
    const total = joined(sent).length;
    expect(sent.every((packet) => packet.length <= 1 << 20)).toBe(true);
    // A packet goes out at the first chunk boundary past 256 KiB, or when its buffer is full.
    expect(sent.length).toBeLessThanOrEqual(Math.ceil(total / (256 << 10)) + total / (1 << 20));
    // Packets share their buffer until it is full, rather than one buffer each.
    expect(sent[1]!.buffer).toBe(sent[0]!.buffer);
    expect(new TextDecoder().decode(joined(sent))).toBe(lines.join(''));
    // Less than the write-ahead was written, so the upload never waited for the socket.
    expect(events).not.toContain('drain');
  });

  it('waits for the drain only once it has written the write-ahead', async () => {
    const { context, events, packets } = recordingContext();
    const chunk = new Uint8Array(100).fill(0x61);
    await new InfileUpload(context, SMALL).sendAll(Array.from({ length: 200 }, () => chunk));
    expect(joined(packets()).length).toBe(20_000);
    let written = 0;
    for (const event of events) {
      if (event === 'drain') {
        expect(written).toBeGreaterThanOrEqual(SMALL.writeAheadBytes);
        expect(written).toBeLessThan(SMALL.writeAheadBytes + SMALL.gatherBytes);
        written = 0;
      } else {
        written += event.length;
      }
    }
    expect(events.filter((event) => event === 'drain').length).toBe(4);
  });

  it('stops reading the source while the socket has not drained', async () => {
    const { context, packets, release, waiting } = recordingContext(true);
    let pulled = 0;
    function* source(): Generator<InfileChunk> {
      for (let index = 0; index < 100; index += 1) {
        pulled += 1;
        yield new Uint8Array(300).fill(0x62);
      }
    }
    const done = new InfileUpload(context, SMALL).sendAll(source());
    await settle();
    expect(waiting.length).toBe(1);
    const before = pulled;
    expect(joined(packets()).length).toBeGreaterThanOrEqual(SMALL.writeAheadBytes);
    expect(before * 300).toBeLessThan(SMALL.writeAheadBytes + SMALL.gatherBytes);
    await settle();
    expect(pulled).toBe(before);
    release();
    await settle();
    expect(pulled).toBeGreaterThan(before);
    while (waiting.length > 0) {
      release();
      await settle();
    }
    await done;
    expect(joined(packets()).length).toBe(30_000);
  });

  it('loses nothing when the source refills the chunk it yielded', async () => {
    // The socket copies what it holds only when it drains, as the kernel does.
    const held: Uint8Array[] = [];
    const copies: Uint8Array[] = [];
    const context = {
      sendUncopied: (payload: Uint8Array) => held.push(payload),
      drained: async () => {
        copies.push(...held.splice(0).map((payload) => payload.slice()));
      },
    } as unknown as CommandContext;
    const reused = new Uint8Array(700);
    const expected: number[] = [];
    function* source(): Generator<InfileChunk> {
      for (let index = 0; index < 60; index += 1) {
        const length = index % 3 === 0 ? 700 : 300;
        reused.fill(index, 0, length);
        expected.push(...new Array<number>(length).fill(index));
        yield reused.subarray(0, length);
      }
    }
    await new InfileUpload(context, SMALL).sendAll(source());
    copies.push(...held.splice(0));
    expect([...joined(copies)]).toEqual(expected);
  });

  // SMALL's 256-byte eager size and 1 KiB buffer, with every chunk here gathered.
  const crossings: [string, InfileChunk[]][] = [
    ['one chunk longer than the buffer', [new Uint8Array(1100).fill(0x63)]],
    ['the same chunk as text', ['c'.repeat(1100)]],
    [
      'the sixth of six chunks below the eager size',
      Array.from({ length: 6 }, () => new Uint8Array(200).fill(0x64)),
    ],
  ];
  for (const [name, chunks] of crossings) {
    it(`sends a chunk that crossed a buffer's end before asking for more: ${name}`, async () => {
      const { context, packets } = recordingContext();
      let sentWhenAskedAgain = -1;
      function* source(): Generator<InfileChunk> {
        yield* chunks;
        sentWhenAskedAgain = joined(packets()).length;
      }
      await new InfileUpload(context, { ...SMALL, largeChunkBytes: 4096 }).sendAll(source());
      const yielded = chunks.reduce(
        (total, chunk) =>
          total + (typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length),
        0,
      );
      expect(sentWhenAskedAgain).toBe(yielded);
    });
  }

  it('sends a large chunk by reference, then waits for the drain', async () => {
    const { context, events, packets } = recordingContext();
    const small = new TextEncoder().encode('head\n');
    const large = new Uint8Array(20 << 20).fill(0x61);
    await new InfileUpload(context).sendAll([small, large]);
    const sent = packets();
    expect(sent.map((packet) => packet.length)).toEqual([5, 8 << 20, 8 << 20, 4 << 20]);
    expect(sent[1]!.buffer).toBe(large.buffer);
    expect(events.at(-1)).toBe('drain');
    expect(joined(sent).length).toBe(small.length + large.length);
  });

  it('cuts chunks around 16 MiB into packets that each fit one frame', async () => {
    const { context, packets } = recordingContext();
    const frameLimit = (1 << 24) - 1;
    const chunks = [3 << 20, frameLimit, 1 << 24, frameLimit + 2].map((length, index) =>
      new Uint8Array(length).fill(0x30 + index),
    );
    await new InfileUpload(context).sendAll(chunks);
    const sent = packets();
    expect(sent.every((packet) => packet.length <= INFILE_UPLOAD_LIMITS.largePacketBytes)).toBe(
      true,
    );
    // The 3 MiB chunk was gathered into 1 MiB packets; the others went by reference.
    expect(sent.slice(0, 3).map((packet) => packet.length)).toEqual([1 << 20, 1 << 20, 1 << 20]);
    expect(INFILE_UPLOAD_LIMITS.largePacketBytes).toBeLessThan(frameLimit);
    expect(Buffer.compare(joined(sent), Buffer.concat(chunks))).toBe(0);
  });

  it('splits text longer than a packet between characters', async () => {
    const { context, packets } = recordingContext();
    const limits = { ...SMALL, gatherBytes: 7 };
    const text = `a${'😀ü'.repeat(50)}z`;
    await new InfileUpload(context, limits).sendAll([text, 'é']);
    const strict = new TextDecoder('utf-8', { fatal: true });
    for (const packet of packets()) {
      expect(packet.length).toBeLessThanOrEqual(7);
      expect(() => strict.decode(packet)).not.toThrow();
    }
    expect(strict.decode(joined(packets()))).toBe(`${text}é`);
  });

  it('encodes long text into full packets', async () => {
    const { context, packets } = recordingContext();
    const text = 'ü'.repeat(600_000);
    await new InfileUpload(context).sendAll([text]);
    expect(packets().map((packet) => packet.length)).toEqual([1 << 20, 1_200_000 - (1 << 20)]);
    expect(new TextDecoder().decode(joined(packets()))).toBe(text);
  });

  it('stops reading the source when the socket write fails', async () => {
    const failure = new Error('socket gone');
    const context = {
      sendUncopied: () => {
        throw failure;
      },
      drained: () => Promise.resolve(),
    } as unknown as CommandContext;
    let closed = false;
    function* source(): Generator<InfileChunk> {
      try {
        for (;;) yield new Uint8Array(1 << 17);
      } finally {
        closed = true;
      }
    }
    await expect(new InfileUpload(context).sendAll(source())).rejects.toBe(failure);
    expect(closed).toBe(true);
  });
});

describe('infileUploadLimits', () => {
  it('keeps the default sizes without maxAllowedPacket, or when it is above them', () => {
    expect(infileUploadLimits(undefined)).toBe(INFILE_UPLOAD_LIMITS);
    expect(infileUploadLimits(64 << 20)).toEqual(INFILE_UPLOAD_LIMITS);
    expect(infileUploadLimits(2 << 20)).toEqual({
      ...INFILE_UPLOAD_LIMITS,
      largePacketBytes: (2 << 20) - 1,
    });
  });

  it('keeps every packet shorter than maxAllowedPacket, and the write-ahead as it is', async () => {
    const limits = infileUploadLimits(4096);
    expect(limits).toMatchObject({
      gatherBytes: 4095,
      eagerPacketBytes: 4095,
      largePacketBytes: 4095,
      writeAheadBytes: INFILE_UPLOAD_LIMITS.writeAheadBytes,
      largeChunkBytes: INFILE_UPLOAD_LIMITS.largeChunkBytes,
    });
    const { context, events, packets } = recordingContext();
    const small = new Uint8Array(1000).fill(0x61);
    const large = new Uint8Array(5 << 20).fill(0x62);
    const chunks: InfileChunk[] = [
      ...Array.from({ length: 9000 }, () => small),
      'ü€😀'.repeat(2000),
      large,
    ];
    await new InfileUpload(context, limits).sendAll(chunks);
    const sent = packets();
    expect(Math.max(...sent.map((packet) => packet.length))).toBe(4095);
    // The large chunk still goes by reference, in packets cut from its own memory.
    expect(sent.filter((packet) => packet.buffer === large.buffer)).toHaveLength(
      Math.ceil(large.length / 4095),
    );
    // 9 MB of small chunks: the first drain wait comes once the 8 MiB write-ahead is written
    // (not after a packet's worth), the second after the large chunk, as without a cap.
    const firstDrain = events.indexOf('drain');
    const writtenBefore = joined(sent.slice(0, firstDrain)).length;
    expect(writtenBefore).toBeGreaterThanOrEqual(INFILE_UPLOAD_LIMITS.writeAheadBytes);
    expect(writtenBefore).toBeLessThan(INFILE_UPLOAD_LIMITS.writeAheadBytes + 4095);
    expect(events.filter((event) => event === 'drain')).toHaveLength(2);
    expect(events.at(-1)).toBe('drain');
    expect(joined(sent).length).toBe(9_000_000 + 18_000 + large.length);
  });

  it('fills capped text packets up to the last whole character', async () => {
    const { context, packets } = recordingContext();
    const text = 'ab😀ü€'.repeat(3000);
    await new InfileUpload(context, infileUploadLimits(1024)).sendAll([text]);
    const sent = packets();
    const strict = new TextDecoder('utf-8', { fatal: true });
    for (const packet of sent.slice(0, -1)) {
      // Full up to 1023 bytes, short only by a character that did not fit (at most 4 bytes).
      expect(packet.length).toBeLessThanOrEqual(1023);
      expect(packet.length).toBeGreaterThan(1023 - 4);
      expect(() => strict.decode(packet)).not.toThrow();
    }
    expect(strict.decode(joined(sent))).toBe(text);
  });
});
