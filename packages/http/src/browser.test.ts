import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DataApiServer } from '@s2/data-api-server';
import { useTestDatabase } from '@s2/test-server';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalDataApi } from './test-support/local-data-api.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  console.warn(
    `browser test skipped: ${CHROMIUM} is missing (apt-get install -y chromium to run it)`,
  );
}

const database = useTestDatabase();

describe.skipIf(!hasChromium)('@s2/http in headless Chromium', () => {
  let dataApi: DataApiServer;
  let pageServer: Server;
  let pageUrl: string;

  beforeAll(async () => {
    dataApi = await startLocalDataApi(database.url);
    // platform 'browser' fails the build on any node: import, which is part of what is tested.
    const bundle = await build({
      entryPoints: [path.join(import.meta.dirname, 'test-support/browser-page.ts')],
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'browser',
      conditions: ['source'],
      target: 'es2022',
      // core-cursor loads these optional peers only when arrow/polars/BSON output is asked for.
      external: ['apache-arrow', 'nodejs-polars', 'bson'],
    });
    const script = bundle.outputFiles[0]?.text ?? '';
    pageServer = createServer((request, response) => {
      if (request.url === '/app.js') {
        response.writeHead(200, { 'content-type': 'text/javascript' });
        response.end(script);
      } else {
        response.writeHead(200, { 'content-type': 'text/html' });
        response.end('<!doctype html><script type="module" src="/app.js"></script>');
      }
    });
    await new Promise<void>((resolve) => pageServer.listen(0, '127.0.0.1', resolve));
    pageUrl = `http://127.0.0.1:${(pageServer.address() as AddressInfo).port}/`;
  });

  afterAll(async () => {
    pageServer?.closeAllConnections();
    await new Promise((resolve) => pageServer?.close(resolve));
    await dataApi?.stop();
  });

  it('bundles, queries the local Data API across origins and gets exact values', async () => {
    const { chromium } = await import('playwright-core');
    const profile = mkdtempSync(path.join(tmpdir(), 's2-chromium-'));
    const browser = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    try {
      const page = await browser.newPage();
      const target = new URL(database.url);
      const config = {
        url: dataApi.url,
        user: decodeURIComponent(target.username),
        password: decodeURIComponent(target.password),
        database: database.name,
      };
      await page.goto(`${pageUrl}#${encodeURIComponent(JSON.stringify(config))}`);
      await page.waitForFunction(() => 's2Result' in window, undefined, { timeout: 20_000 });
      const result = await page.evaluate(
        () => (window as unknown as { s2Result: unknown }).s2Result,
      );
      expect(result).toEqual({
        ok: true,
        rows: [
          [
            '9007199254740993n',
            '18446744073709551615n',
            '-9223372036854775808n',
            '1.50',
            'bytes:cafe',
            'date:2024-02-29T01:02:03.000Z',
            database.name,
          ],
        ],
        error: 'ProgrammingError 1146',
        sourceTextReviver: expect.any(Boolean),
      });
    } finally {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });
});
