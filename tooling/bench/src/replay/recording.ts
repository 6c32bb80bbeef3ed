/** What the recording proxy captured from a real server, and all the replay server serves. */
export interface Recording {
  /** The server greeting frame (sequence id 0), with the hidden capabilities removed. */
  readonly greeting: Buffer;
  /** The OK frame that ended authentication; its sequence id is rewritten per client. */
  readonly authOk: Buffer;
  /** Each query's complete response frames (sequence ids 1…n), by exact SQL text. */
  readonly responses: ReadonlyMap<string, Buffer>;
}

/** A recording that is still being filled. */
export class RecordingBuilder {
  greeting: Buffer | undefined;
  authOk: Buffer | undefined;
  readonly responses = new Map<string, Buffer>();

  /** The first response to a query wins: later ones are the same bytes or session-dependent. */
  addResponse(sql: string, frames: Buffer): void {
    if (!this.responses.has(sql)) this.responses.set(sql, frames);
  }

  finish(): Recording {
    if (!this.greeting || !this.authOk) {
      throw new Error('the recording holds no complete handshake: no client logged in through it');
    }
    return { greeting: this.greeting, authOk: this.authOk, responses: new Map(this.responses) };
  }
}
