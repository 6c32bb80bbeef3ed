import type { Socket } from 'node:net';

/**
 * Bounds how long written bytes may sit in the socket's buffer (`writeTimeout`). A write that
 * leaves the buffer above its high-water mark — the server or the network stopped taking
 * bytes — arms the timer, and the socket's drain disarms it; writes the kernel takes at once
 * never arm it, so each write costs one flag check. Reading is not involved: a server that is
 * merely slow to answer is `readTimeout`'s business.
 */
export class WriteTimeout {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private watched: Socket | undefined;

  constructor(
    readonly timeoutMs: number,
    private readonly expired: () => void,
  ) {}

  /** Arms the timer when `socket` now has to drain and it is not armed already. */
  afterWrite(socket: Socket): void {
    if (this.timer !== undefined || !socket.writableNeedDrain) return;
    this.watched = socket;
    socket.once('drain', this.drained);
    this.timer = setTimeout(() => {
      this.stop();
      this.expired();
    }, this.timeoutMs);
  }

  private readonly drained = (): void => this.stop();

  /** Disarms the timer (drained, socket replaced by TLS, or connection ended). */
  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.watched?.off('drain', this.drained);
    this.watched = undefined;
  }
}
