import { Socket } from 'node:net';
import { useTestDatabase } from '@s2/test-server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { connect, openConnection } from '../index.js';

const database = useTestDatabase();

afterEach(() => {
  vi.restoreAllMocks();
});

describe('socketOptions', () => {
  it('defaults to TCP_NODELAY and keep-alive probes after a minute', async () => {
    const noDelay = vi.spyOn(Socket.prototype, 'setNoDelay');
    const keepAlive = vi.spyOn(Socket.prototype, 'setKeepAlive');
    await using connection = await openConnection(database.url);
    expect(noDelay).toHaveBeenCalledWith(true);
    expect(keepAlive).toHaveBeenCalledWith(true, 60_000);
    expect((await connection.query('SELECT 1'))[0]?.rows()).toEqual([[1]]);
  });

  it('passes the given settings to the socket', async () => {
    const noDelay = vi.spyOn(Socket.prototype, 'setNoDelay');
    const keepAlive = vi.spyOn(Socket.prototype, 'setKeepAlive');
    await using connection = await openConnection({
      url: database.url,
      socketOptions: { noDelay: false, keepAliveInitialDelay: 5_000 },
    });
    expect(noDelay).toHaveBeenCalledWith(false);
    expect(keepAlive).toHaveBeenCalledWith(true, 5_000);
    keepAlive.mockClear();
    await using withoutKeepAlive = await openConnection({
      url: database.url,
      socketOptions: { keepAlive: false },
    });
    expect(keepAlive).toHaveBeenCalledWith(false, 60_000);
    expect((await connection.query('SELECT 1'))[0]?.rows()).toEqual([[1]]);
    expect((await withoutKeepAlive.query('SELECT 2'))[0]?.rows()).toEqual([[2]]);
  });

  it.runIf(process.platform === 'linux')(
    "applies the Python-style socket_options URL parameter (Linux's numbers)",
    async () => {
      const noDelay = vi.spyOn(Socket.prototype, 'setNoDelay');
      const keepAlive = vi.spyOn(Socket.prototype, 'setKeepAlive');
      // IPPROTO_TCP (6): TCP_NODELAY (1) off, TCP_KEEPIDLE (4) 30 s.
      const socketOptions = encodeURIComponent(JSON.stringify({ 6: { 1: 0, 4: 30 } }));
      await using connection = await connect(`${database.url}?socket_options=${socketOptions}`);
      expect(noDelay).toHaveBeenCalledWith(false);
      expect(keepAlive).toHaveBeenCalledWith(true, 30_000);
      expect(await connection.query('SELECT 1')).toEqual([[1]]);
      const refused = encodeURIComponent(JSON.stringify({ 6: { 5: 10 } }));
      await expect(connect(`${database.url}?socket_options=${refused}`)).rejects.toThrow(
        'level 6 option 5 cannot be set from Node',
      );
    },
  );
});
