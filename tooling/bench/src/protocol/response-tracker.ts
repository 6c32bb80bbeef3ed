import {
  EOF_MARKER,
  ERR_MARKER,
  LOCAL_INFILE_MARKER,
  OK_MARKER,
  SERVER_MORE_RESULTS_EXISTS,
} from './packet-constants.js';

type Phase = 'first' | 'columns' | 'columns-eof' | 'rows';

/**
 * Follows the packets of one command's response and says when the last one has arrived, in the
 * classic layout (EOF after the column definitions and after the rows; wire-protocol.md §11.6).
 * Multi-result responses continue while an OK or EOF carries SERVER_MORE_RESULTS_EXISTS.
 */
export class ResponseTracker {
  private phase: Phase = 'first';
  private columnsLeft = 0;
  /** Set when the response asked the client for a LOCAL INFILE: such a response is not replayable. */
  sawLocalInfile = false;
  rowCount = 0;

  /** Feeds one packet payload; returns true when it completed the response. */
  accept(payload: Buffer): boolean {
    const marker = payload[0];
    switch (this.phase) {
      case 'first':
        if (marker === OK_MARKER) return !hasMoreResults(payload, okStatusOffset(payload));
        if (marker === ERR_MARKER) return true;
        if (marker === LOCAL_INFILE_MARKER) {
          this.sawLocalInfile = true;
          return false;
        }
        this.columnsLeft = readLengthEncoded(payload, 0);
        this.phase = 'columns';
        return false;
      case 'columns':
        this.columnsLeft -= 1;
        if (this.columnsLeft === 0) this.phase = 'columns-eof';
        return false;
      case 'columns-eof':
        this.phase = 'rows';
        return false;
      case 'rows':
        if (marker === EOF_MARKER && payload.length < 9) {
          this.phase = 'first';
          return !hasMoreResults(payload, 3);
        }
        if (marker === ERR_MARKER) return true;
        this.rowCount += 1;
        return false;
    }
  }
}

function hasMoreResults(payload: Buffer, statusOffset: number): boolean {
  if (statusOffset + 2 > payload.length) return false;
  return (payload.readUInt16LE(statusOffset) & SERVER_MORE_RESULTS_EXISTS) !== 0;
}

/** The status flags of an OK packet follow two length-encoded integers. */
function okStatusOffset(payload: Buffer): number {
  let offset = 1;
  offset += lengthEncodedSize(payload, offset);
  offset += lengthEncodedSize(payload, offset);
  return offset;
}

function lengthEncodedSize(payload: Buffer, offset: number): number {
  const first = payload[offset] ?? 0;
  if (first < 0xfb) return 1;
  if (first === 0xfc) return 3;
  if (first === 0xfd) return 4;
  return 9;
}

/** Reads a length-encoded integer small enough for a number (column counts, lengths). */
export function readLengthEncoded(payload: Buffer, offset: number): number {
  const first = payload[offset] ?? 0;
  if (first < 0xfb) return first;
  if (first === 0xfc) return payload.readUInt16LE(offset + 1);
  if (first === 0xfd) return payload.readUIntLE(offset + 1, 3);
  return Number(payload.readBigUInt64LE(offset + 1));
}
