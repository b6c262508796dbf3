// The route table is the one declaration of the API: it must be consistent with the handler files.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { routeId, routes } from '#functions/routes.ts';
import { workers } from '#functions/workers.ts';

describe('the route table', () => {
  it('declares each method and path once', () => {
    const keys = routes.map((route) => `${route.method} ${route.path}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('gives every route a distinct construct id', () => {
    const ids = routes.map(routeId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('serves everything under /api so the portal stays same-origin', () => {
    for (const route of routes) expect(route.path, route.handler).toMatch(/^\/api\//);
  });

  it.each([...routes, ...workers].map((entry) => [entry.handler] as const))('%s exists and exports a handler', async (handler) => {
    const file = join(import.meta.dirname, '..', '..', 'functions', `${handler}.ts`);
    expect(existsSync(file)).toBe(true);
    const module = (await import(file)) as { handler?: unknown };
    expect(typeof module.handler).toBe('function');
  });

  it('never names one module as both a route and a worker', () => {
    const routeHandlers = new Set(routes.map((route) => route.handler));
    for (const worker of workers) expect(routeHandlers.has(worker.handler), worker.handler).toBe(false);
  });

  it('keeps staff routes under /api/admin and customer routes outside it', () => {
    for (const route of routes) {
      if (route.access === 'staff') expect(route.path).toMatch(/^\/api\/admin\//);
      if (route.access === 'customer') expect(route.path).not.toMatch(/^\/api\/admin\//);
    }
  });
});
