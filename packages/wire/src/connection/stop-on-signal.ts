import type { Command, PipelineCommand } from '../commands/command.js';
import { abortError } from './abort-error.js';

/** A command a signal or timeout may stop. */
export interface StoppableCommand<T> extends Command<T> {
  /**
   * Present on a command of several statements that sends more as it goes (the pipelined
   * executeMany). Called when a stop finds it running: it sends no more, and every statement
   * it already sent is killed in turn, not only the one running.
   */
  stopSending?(): void;
}

/** When to stop a command. */
export interface StopOptions {
  readonly signal?: AbortSignal | undefined;
  /** Milliseconds after which the command is stopped as an aborted signal stops it. */
  readonly timeout?: number | undefined;
}

/** What stopping needs from the connection. */
export interface StopTarget {
  enqueue<T>(command: Command<T>): Promise<T>;
  /** Takes a command that has not started out of the FIFO; false when it already started. */
  withdraw(command: PipelineCommand): boolean;
  /**
   * Stops the statement the server is running for `command` (KILL QUERY), if it still runs
   * one; with `eachStatement`, each one after it too, until the command ends.
   */
  kill(command: PipelineCommand, eachStatement: boolean): Promise<void>;
}

/**
 * Enqueues `command` on `target`, stopped by `options`' signal or timeout: a command still
 * queued is withdrawn, a running one is killed on the server, and either way the caller gets
 * `abortError` (errno 1317) with the stop's reason as cause, even when the command then ended
 * without an error (an interrupted SLEEP(), or rows already sent all done): the caller asked to
 * stop, so whether it stopped in time is not left for it to guess.
 */
export function enqueueStoppable<T>(
  target: StopTarget,
  command: StoppableCommand<T>,
  options: StopOptions,
): Promise<T> {
  const { signal, timeout } = options;
  // Most commands have neither: they get the command's own promise, without the microtask
  // hops an async function adds when it returns one.
  if (signal === undefined && timeout === undefined) return target.enqueue(command);
  return enqueueStopping(target, command, signal, timeout);
}

async function enqueueStopping<T>(
  target: StopTarget,
  command: StoppableCommand<T>,
  signal: AbortSignal | undefined,
  timeout: number | undefined,
): Promise<T> {
  if (signal?.aborted) throw abortError(signal.reason);
  let stopReason: { value: unknown } | undefined;
  const stop = (reason: unknown): void => {
    if (command.settled) return;
    stopReason = { value: reason };
    if (target.withdraw(command)) {
      command.fail(abortError(reason));
      return;
    }
    command.stopSending?.();
    target.kill(command, command.stopSending !== undefined).catch(() => {
      // A failed KILL leaves the query running; the command then ends on its own.
    });
  };
  const onAbort = (): void => stop(signal?.reason);
  signal?.addEventListener('abort', onAbort, { once: true });
  const timer =
    timeout === undefined
      ? undefined
      : setTimeout(() => stop(new Error(`query timed out after ${timeout} ms`)), timeout);
  let result: T;
  try {
    result = await target.enqueue(command);
  } catch (error) {
    throw stopReason === undefined ? error : abortError(stopReason.value, error);
  } finally {
    signal?.removeEventListener('abort', onAbort);
    clearTimeout(timer);
  }
  if (stopReason !== undefined) throw abortError(stopReason.value);
  return result;
}
