import { describe, expect, it } from 'vitest';
import { SimpleCommand } from '../commands/simple-command.js';
import type { OkPacket } from '../packets/ok-packet.js';
import { CommandByte } from '../protocol/protocol-constants.js';
import { enqueueStoppable, type StopTarget } from './stop-on-signal.js';

/** A target that records what it was asked and answers every enqueue with `answer`. */
function target(answer: Promise<OkPacket>) {
  const enqueued: unknown[] = [];
  const stopTarget: StopTarget = {
    enqueue: <T>(command: unknown) => {
      enqueued.push(command);
      return answer as unknown as Promise<T>;
    },
    withdraw: () => true,
    kill: () => Promise.resolve(),
  };
  return { enqueued, stopTarget };
}

describe('enqueueStoppable', () => {
  it('hands back the command promise itself when there is neither a signal nor a timeout', () => {
    const answer = new Promise<OkPacket>(() => undefined);
    const { enqueued, stopTarget } = target(answer);
    const command = new SimpleCommand(CommandByte.PING);
    expect(enqueueStoppable(stopTarget, command, {})).toBe(answer);
    expect(enqueued).toEqual([command]);
  });

  it('rejects, without enqueuing or throwing, for a signal that is already aborted', async () => {
    const { enqueued, stopTarget } = target(new Promise<OkPacket>(() => undefined));
    const signal = AbortSignal.abort(new Error('not wanted'));
    const stopped = enqueueStoppable(stopTarget, new SimpleCommand(CommandByte.PING), { signal });
    await expect(stopped).rejects.toMatchObject({ errno: 1317 });
    expect(enqueued).toEqual([]);
  });
});
