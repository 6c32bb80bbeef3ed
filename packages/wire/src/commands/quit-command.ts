import { PacketWriter } from '../protocol/packet-writer.js';
import { CommandByte } from '../protocol/protocol-constants.js';
import { Command, type CommandContext } from './command.js';

/** COM_QUIT: sent, never answered; the server closes the socket. */
export class QuitCommand extends Command<void> {
  start(context: CommandContext): void {
    context.send(new PacketWriter(1).u8(CommandByte.QUIT).finish());
    this.finish();
  }

  handle(): void {
    // Servers answer COM_QUIT by closing the socket; a stray reply needs no action.
  }
}
