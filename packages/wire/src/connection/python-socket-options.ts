import { InterfaceError } from '@s2/core-cursor';
import type { SocketOptions } from './connection-options.js';
import { checkInteger } from './option-checks.js';

/**
 * The Python SDK's `socket_options` (`{ level: { option: value } }`) is a list of setsockopt
 * calls with the numbers of the OS it runs on. Node has no setsockopt, but three of them are
 * socket methods; the numbers are Linux's (<sys/socket.h>, <netinet/tcp.h>, and what Python's
 * socket module reports there). Other OSes number them differently, so there the option is
 * refused rather than read with the wrong table.
 */
const LINUX = {
  SOL_SOCKET: 1,
  SO_KEEPALIVE: 9,
  IPPROTO_TCP: 6,
  TCP_NODELAY: 1,
  TCP_KEEPIDLE: 4,
} as const;

/** Linux refuses a longer idle time (MAX_TCP_KEEPIDLE). */
const MAX_KEEPIDLE_SECONDS = 32_767;

const APPLICABLE = 'SO_KEEPALIVE (1/9), TCP_NODELAY (6/1) and TCP_KEEPIDLE (6/4, seconds)';

/** `socket_options` as `socketOptions`; an option Node cannot set is an InterfaceError. */
export function fromPythonSocketOptions(
  levels: Readonly<Record<string, Readonly<Record<string, number>>>>,
  platform: NodeJS.Platform = process.platform,
): SocketOptions {
  const entries = Object.entries(levels).flatMap(([level, options]) =>
    Object.entries(options).map(([option, value]) => ({
      level: Number(level),
      option: Number(option),
      value,
    })),
  );
  if (entries.length > 0 && platform !== 'linux') {
    throw new InterfaceError(
      `Option socket_options holds setsockopt numbers, which differ between operating systems; ` +
        `only Linux's are known (not ${platform}'s). Use socketOptions`,
    );
  }
  const socketOptions: SocketOptions = {};
  for (const { level, option, value } of entries) {
    if (level === LINUX.SOL_SOCKET && option === LINUX.SO_KEEPALIVE) {
      socketOptions.keepAlive = value !== 0;
    } else if (level === LINUX.IPPROTO_TCP && option === LINUX.TCP_NODELAY) {
      socketOptions.noDelay = value !== 0;
    } else if (level === LINUX.IPPROTO_TCP && option === LINUX.TCP_KEEPIDLE) {
      const seconds = checkInteger('socket_options TCP_KEEPIDLE', value, 1, MAX_KEEPIDLE_SECONDS);
      socketOptions.keepAliveInitialDelay = seconds * 1000;
    } else {
      throw new InterfaceError(
        `Option socket_options: level ${level} option ${option} cannot be set from Node, ` +
          `which applies only ${APPLICABLE}. Remove it or use socketOptions`,
      );
    }
  }
  return socketOptions;
}
