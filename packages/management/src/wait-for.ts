import { ManagementError } from './management-error.js';

/** Options of every wait: poll interval and deadline in milliseconds, and an abort signal. */
export interface WaitOptions {
  /** Milliseconds between polls; default 10 000. */
  waitInterval?: number;
  /** Milliseconds before giving up with a WAIT_TIMEOUT ManagementError; default 600 000. */
  waitTimeout?: number;
  /** Aborts the wait (and the request in flight) with the signal's reason. */
  signal?: AbortSignal | undefined;
}

/** Resolves after `milliseconds`, or rejects with the signal's reason when it aborts. */
export function sleep(milliseconds: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, milliseconds);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** What a wait polls and when it stops. */
export interface WaitPlan<Value> {
  /** Loads the current value (the first call may return a value already at hand). */
  load: () => Promise<Value>;
  /** True when the wait is over. */
  done: (value: Value) => boolean;
  /** A reason when the value can never reach the goal (e.g. state FAILED). */
  failed?: (value: Value) => string | undefined;
  /** Says what is awaited, for error messages: "workspace x to become ACTIVE". */
  description: string;
}

/**
 * Polls until `done`, bounded by the timeout and abortable by the signal. The deadline is
 * checked before each sleep, so a wait never outlives its timeout by more than one request.
 */
export async function waitFor<Value>(
  plan: WaitPlan<Value>,
  options: WaitOptions = {},
): Promise<Value> {
  const interval = options.waitInterval ?? 10_000;
  const timeout = options.waitTimeout ?? 600_000;
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await plan.load();
    if (plan.done(value)) return value;
    const failure = plan.failed?.(value);
    if (failure !== undefined) {
      throw new ManagementError(`Gave up waiting for ${plan.description}: ${failure}`, {
        code: 'WAIT_FAILED',
      });
    }
    const remaining = deadline - Date.now();
    if (remaining <= 0) {
      throw new ManagementError(`Exceeded waiting time (${timeout} ms) for ${plan.description}`, {
        code: 'WAIT_TIMEOUT',
      });
    }
    await sleep(Math.min(interval, remaining), options.signal);
  }
}
