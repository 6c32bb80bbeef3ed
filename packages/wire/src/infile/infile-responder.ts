import { createReadStream } from 'node:fs';
import { InterfaceError, OperationalError } from '@s2/core-cursor';
import type { InfileResponder } from '../commands/query-command.js';
import { ClientErrno } from '../protocol/protocol-constants.js';
import { namedInfiles } from './infile-names.js';
import { type InfileChunk, type InfileSource, infileChunks } from './infile-source.js';
import { InfileUpload, infileUploadLimits } from './infile-upload.js';

/** The stream marker of wire-protocol.md §16.3. */
const STREAM_NAME = ':stream:';
/** Bytes per read of a named file. */
const FILE_READ_BYTES = 1 << 20;

/**
 * Answers LOCAL INFILE requests for one statement: only for a file (or `:stream:`) the
 * statement named. The data goes in large packets (see `InfileUpload`), waiting only for the
 * socket's drain; the empty packet that ends the data is always sent, so the server answers
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
    let chunks: AsyncIterable<InfileChunk>;
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
      chunks = createReadStream(fileName, { highWaterMark: FILE_READ_BYTES });
    }
    try {
      await new InfileUpload(context, infileUploadLimits(context.options.maxAllowedPacket)).sendAll(
        chunks,
      );
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
