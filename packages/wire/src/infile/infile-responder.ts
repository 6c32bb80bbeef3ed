import { createReadStream } from 'node:fs';
import { InterfaceError, OperationalError } from '@s2/core-cursor';
import type { CommandContext } from '../commands/command.js';
import type { InfileResponder } from '../commands/query-command.js';
import { ClientErrno } from '../protocol/protocol-constants.js';
import { namedInfiles } from './infile-names.js';
import { type InfileSource, infileChunks } from './infile-source.js';

/** The stream marker of wire-protocol.md §16.3. */
const STREAM_NAME = ':stream:';
/** Bytes per data packet; kept well below 2^24−1 so no packet is a frame-length multiple. */
const PACKET_BYTES = 1 << 20;

async function upload(chunks: AsyncIterable<Uint8Array>, context: CommandContext): Promise<void> {
  let buffered: Uint8Array[] = [];
  let bufferedBytes = 0;
  const sendBuffered = async (): Promise<void> => {
    if (bufferedBytes === 0) return;
    const packet = new Uint8Array(bufferedBytes);
    let offset = 0;
    for (const part of buffered) {
      packet.set(part, offset);
      offset += part.length;
    }
    buffered = [];
    bufferedBytes = 0;
    context.send(packet);
    await context.drained();
  };
  for await (const chunk of chunks) {
    for (let start = 0; start < chunk.length; ) {
      const piece = chunk.subarray(start, start + PACKET_BYTES - bufferedBytes);
      start += piece.length;
      buffered.push(piece);
      bufferedBytes += piece.length;
      if (bufferedBytes >= PACKET_BYTES) await sendBuffered();
    }
  }
  await sendBuffered();
}

/**
 * Answers LOCAL INFILE requests for one statement: only for a file (or `:stream:`) the
 * statement named. The data goes in packets of up to 1 MiB, waiting for the socket to drain
 * after each; the empty packet that ends the data is always sent, so the server answers
 * and the connection stays in sync even when the request is refused or the source fails.
 * Rows the server received before a source failed may already be loaded.
 */
export function infileResponder(sql: string, stream: InfileSource | undefined): InfileResponder {
  const allowed = namedInfiles(sql);
  return async (fileName, context) => {
    const finish = (): void => context.send(new Uint8Array(0));
    if (!allowed.has(fileName)) {
      finish();
      throw new InterfaceError(
        `The server asked for LOCAL INFILE '${fileName}', which the statement did not name; refused`,
        { errno: ClientErrno.LOCAL_INFILE_REFUSED },
      );
    }
    let chunks: AsyncIterable<Uint8Array>;
    if (fileName === STREAM_NAME) {
      if (stream === undefined) {
        finish();
        throw new OperationalError(
          ':stream: specified for LOCAL INFILE, but no stream was supplied',
          {
            errno: ClientErrno.FILE_NOT_FOUND,
          },
        );
      }
      chunks = infileChunks(stream);
    } else {
      chunks = createReadStream(fileName, { highWaterMark: PACKET_BYTES });
    }
    try {
      await upload(chunks, context);
    } catch (error) {
      finish();
      const missing = (error as { code?: unknown }).code === 'ENOENT';
      throw missing
        ? new OperationalError(`Can't find file '${fileName}'`, {
            errno: ClientErrno.FILE_NOT_FOUND,
            cause: error,
          })
        : new OperationalError(
            `LOCAL INFILE data for '${fileName}' failed: ${error instanceof Error ? error.message : String(error)}`,
            {
              errno: ClientErrno.FILE_NOT_FOUND,
              cause: error,
            },
          );
    }
    finish();
  };
}
