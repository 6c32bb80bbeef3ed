import { connect as netConnect, type Socket } from 'node:net';
import { OperationalError } from '@s2/core-cursor';
import { ClientErrno } from '../protocol/protocol-constants.js';
import type { ResolvedWireOptions } from './connection-options.js';

function where(options: ResolvedWireOptions): string {
  return options.socketPath ?? `${options.host}:${options.port}`;
}

/**
 * Opens the TCP or Unix-domain socket (wire-protocol.md §2) with `socketOptions` (by default
 * TCP_NODELAY and keep-alive on), failing with OperationalError 2003/2002 when it cannot
 * connect within `timeoutMs`.
 */
export function openSocket(options: ResolvedWireOptions, timeoutMs: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket =
      options.socketPath === undefined
        ? netConnect({ host: options.host, port: options.port })
        : netConnect({ path: options.socketPath });
    const errno =
      options.socketPath === undefined ? ClientErrno.CONN_HOST_ERROR : ClientErrno.CONNECTION_ERROR;
    const settle = (error?: OperationalError): void => {
      clearTimeout(timer);
      socket.off('error', onError);
      socket.off('connect', onConnect);
      if (error === undefined) {
        resolve(socket);
        return;
      }
      socket.destroy();
      reject(error);
    };
    const onError = (error: Error): void =>
      settle(
        new OperationalError(`Can't connect to server on '${where(options)}' (${error.message})`, {
          errno,
          cause: error,
        }),
      );
    const onConnect = (): void => {
      const { noDelay, keepAlive, keepAliveInitialDelay } = options.socketOptions;
      socket.setNoDelay(noDelay);
      socket.setKeepAlive(keepAlive, keepAliveInitialDelay);
      settle();
    };
    const timer = setTimeout(
      () =>
        settle(
          new OperationalError(
            `Can't connect to server on '${where(options)}' (timed out after ${timeoutMs} ms)`,
            {
              errno,
            },
          ),
        ),
      timeoutMs,
    );
    socket.once('error', onError);
    socket.once('connect', onConnect);
  });
}
