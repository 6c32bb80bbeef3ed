import { errorFromErrPacket, isErrPacket } from '../packets/err-packet.js';
import { isOkPacket, type OkPacket, parseOkPacket } from '../packets/ok-packet.js';
import { outOfSync } from '../protocol/wire-errors.js';
import { Command, type CommandContext } from './command.js';

/**
 * A command answered by one OK or ERR: COM_PING, COM_INIT_DB, COM_RESET_CONNECTION.
 * States: `sent` → settled.
 */
export class SimpleCommand extends Command<OkPacket> {
  constructor(
    readonly commandByte: number,
    private readonly argument = '',
  ) {
    super();
  }

  start(context: CommandContext): void {
    context.sendText(this.commandByte, this.argument);
  }

  handle(payload: Uint8Array, context: CommandContext): void {
    if (isErrPacket(payload)) {
      this.fail(errorFromErrPacket(payload));
      return;
    }
    if (!isOkPacket(payload))
      throw outOfSync(`command 0x${this.commandByte.toString(16)} expected OK`);
    const ok = parseOkPacket(payload);
    context.serverStatus = ok.status;
    this.finish(ok);
  }
}
