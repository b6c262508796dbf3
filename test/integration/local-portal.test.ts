// The local portal as `npm start` serves it (the API server with Vite's dev server behind it): nothing of .local/ or
// outside the web app is served, no absolute path of the repository leaks into what is, and every answer carries the
// security headers CloudFront sends in AWS.

import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createLocalApi, type LocalApiOptions } from '#infra/local/api-server.ts';
import { createWebPortal, LOCAL_CLIENT_IDS } from '#infra/local/runtime.ts';
import { contentSecurityPolicy, securityHeaders } from '#shared/http/security-headers.ts';

const REPOSITORY = join(import.meta.dirname, '..', '..');
// Where `npm start` keeps its data (.local/), with a folder of this run's own: keys, the database file, running.json.
const dataDir = join(REPOSITORY, '.local', `test-${randomUUID()}`);
const secrets = [
  join(dataDir, 'keys', 'staff.private.jwk.json'),
  join(dataDir, 'keys', 'licence-signing-key.pem'),
  join(dataDir, 'ddb', 'shared-local-instance.db'),
  join(dataDir, 'running.json'),
];

let url: string;
let stop: () => Promise<void>;
beforeAll(async () => {
  for (const file of secrets) {
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, '{"secret":"do not serve"}');
  }
  const options: LocalApiOptions = { issuerBase: '', keysDir: inject('keysDir'), clientIds: LOCAL_CLIENT_IDS };
  const server = createLocalApi(options);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  options.issuerBase = `${url}/local-idp`;
  const portal = await createWebPortal(server);
  options.web = portal.middlewares;
  stop = async () => {
    await portal.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  };
});
afterAll(async () => {
  await stop?.();
  rmSync(dataDir, { recursive: true, force: true });
});

async function get(path: string) {
  const response = await fetch(`${url}${path}`, { headers: { accept: '*/*' } });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

describe('what the local portal serves', () => {
  it('never serves .local/ (keys, the database, running.json) or files outside the web app, however asked', async () => {
    const paths = [
      ...secrets.flatMap((file) => [`/@fs${file}`, `/@fs${file}?import`, `/@fs${file}?raw`, file.slice(REPOSITORY.length)]),
      `/@fs${join(REPOSITORY, '.local', 'running.json')}`,
      `/@fs${join(REPOSITORY, 'infra', 'local', 'seed.ts')}`,
      `/@fs${join(REPOSITORY, 'package.json')}`,
      '/@fs/etc/passwd',
      `/@fs${join(REPOSITORY, 'web', '..', '.local', 'running.json')}`,
      '/web/../.local/running.json',
      '/web/%2e%2e/.local/running.json',
      '/infra/local/seed.ts',
      '/package.json',
    ];
    for (const path of paths) {
      const response = await get(path);
      expect([403, 404], `${path} answered ${response.status}`).toContain(response.status);
      expect(response.text, path).not.toContain('do not serve');
      expect(response.text, `${path}: the refusal names the repository's path`).not.toContain(REPOSITORY);
    }
  });

  it('leaks no absolute path of the repository in the page or any module it loads, source maps included', async () => {
    // Crawl the page's module graph as the browser would load it.
    const seen = new Set<string>();
    const queue = ['/', '/licences'];
    const leaks: string[] = [];
    while (queue.length && seen.size < 300) {
      const path = queue.shift()!;
      if (seen.has(path)) continue;
      seen.add(path);
      const response = await get(path);
      expect(response.status, path).toBe(200);
      const maps = [...response.text.matchAll(/sourceMappingURL=data:application\/json;(?:charset=utf-8;)?base64,([A-Za-z0-9+/=]+)/g)];
      const decoded = maps.map((match) => Buffer.from(match[1]!, 'base64').toString('utf8'));
      for (const text of [response.text, ...decoded]) if (text.includes(REPOSITORY)) leaks.push(path);
      const specifiers = [
        ...response.text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*|<script[^>]*\bsrc=|<link[^>]*\bhref=)["'](\/[^"']+)["']/g),
      ].map((match) => match[1]!);
      for (const specifier of specifiers) if (!seen.has(specifier)) queue.push(specifier);
    }
    expect(seen.size).toBeGreaterThan(10);
    expect([...seen].some((path) => path.includes('main.tsx'))).toBe(true);
    expect([...seen].filter((path) => path.startsWith('/@fs/'))).toEqual([]);
    expect(leaks).toEqual([]);
  });
});

describe('security headers on the local portal and API', () => {
  it('sends on a page and on an API answer the headers CloudFront sends, from the one definition', async () => {
    const page = await get('/licences');
    const api = await get('/api/health');
    const notFound = await get('/api/nothing-here');
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(api.status).toBe(200);
    for (const response of [page, api, notFound]) {
      for (const [name, value] of Object.entries(securityHeaders({ https: false, devServer: true }))) {
        expect(response.headers.get(name), name).toBe(value);
      }
    }
    expect(api.headers.get('x-content-type-options')).toBe('nosniff');
    // The local CSP differs from AWS's only where Vite's dev server needs it to, and says so.
    const local = page.headers.get('content-security-policy')!;
    const aws = contentSecurityPolicy();
    expect(local).toContain("frame-ancestors 'none'");
    expect(local).toContain("script-src 'self'");
    expect(local.replace(" 'unsafe-inline'", '')).toBe(aws.replace('; upgrade-insecure-requests', ''));
    expect(page.headers.get('strict-transport-security')).toBeNull();
  });
});
