import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fakeCloudSession, someRegionId } from './fake-cloud-session.js';

const chunkSize = 256 * 1024;
const totalBytes = 128 * 1024 * 1024;
const allowedGrowth = 64 * 1024 * 1024;

/** Yields `totalBytes` of varying content without ever holding more than one chunk. */
async function* generatedBytes(hash: ReturnType<typeof createHash>): AsyncGenerator<Uint8Array> {
  for (let offset = 0, index = 0; offset < totalBytes; offset += chunkSize, index += 1) {
    const chunk = Buffer.allocUnsafe(chunkSize);
    chunk.fill(index % 251);
    chunk.writeUInt32BE(index, 0);
    hash.update(chunk);
    yield chunk;
  }
}

describe('streamed transfers', () => {
  it(`uploads and downloads ${totalBytes / 2 ** 20} MB with bounded memory and identical bytes`, async () => {
    const session = fakeCloudSession();
    const group = await session.manager.createWorkspaceGroup({
      name: 'big',
      regionId: await someRegionId(session),
    });
    const stage = group.stage;
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sample = () => {
      peak = Math.max(peak, process.memoryUsage().rss);
    };

    const sent = createHash('sha256');
    let reported = 0;
    const info = await stage.uploadFile(generatedBytes(sent), 'big.bin', {
      size: totalBytes,
      onProgress: (transferred) => {
        reported = transferred;
        sample();
      },
    });
    expect(info.size).toBe(totalBytes);
    expect(reported).toBe(totalBytes);

    const received = createHash('sha256');
    let receivedBytes = 0;
    const stream = await stage.open('big.bin', 'rb');
    for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) {
      received.update(chunk);
      receivedBytes += chunk.byteLength;
      if (receivedBytes % (8 * chunkSize) < chunk.byteLength) sample();
    }
    sample();
    expect(receivedBytes).toBe(totalBytes);
    expect(received.digest('hex')).toBe(sent.digest('hex'));
    const growth = peak - baseline;
    console.info(
      `streamed ${totalBytes / 2 ** 20} MB each way; peak RSS growth ${(growth / 2 ** 20).toFixed(1)} MB`,
    );
    expect(growth).toBeLessThan(allowedGrowth);
  }, 60_000);
});
