import { afterEach, expect, it } from 'vitest';
import { CommandByte } from '../protocol/protocol-constants.js';
import { SimpleCommand } from './simple-command.js';

/*
 * A command's result is guarded against unhandled rejections only when it fails (a command that
 * succeeds then costs no promise reaction); either way nobody needs to have awaited it.
 */

const unhandled: unknown[] = [];
const record = (reason: unknown): void => {
  unhandled.push(reason);
};

afterEach(() => {
  process.off('unhandledRejection', record);
  unhandled.length = 0;
});

async function settleTasks(): Promise<void> {
  for (let round = 0; round < 3; round++) await new Promise((resolve) => setTimeout(resolve, 0));
}

it('a command failed before anyone awaited it is no unhandled rejection', async () => {
  process.on('unhandledRejection', record);
  const command = new SimpleCommand(CommandByte.PING);
  command.fail(new Error('connection lost'));
  await settleTasks();
  expect(unhandled).toEqual([]);
  await expect(command.result).rejects.toThrow('connection lost');
});

it('a command failed after being awaited still rejects its awaiter, once', async () => {
  const command = new SimpleCommand(CommandByte.PING);
  const awaited = command.result.then(
    () => 'resolved',
    (error: unknown) => (error as Error).message,
  );
  command.fail(new Error('first'));
  command.fail(new Error('second'));
  expect(await awaited).toBe('first');
  expect(command.settled).toBe(true);
});
