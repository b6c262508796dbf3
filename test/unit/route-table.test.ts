// The route table is the one declaration of the API: it must be consistent with the handler files.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { routeId, routes } from '#functions/routes.ts';
import { workers } from '#functions/workers.ts';
import { STAFF_GROUPS } from '#shared/accounts/groups.ts';

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

  it("takes method, path and access from each entry's contract, and names the staff groups of every staff route", () => {
    for (const route of routes) {
      expect(route.method).toBe(route.contract.method);
      expect(route.path).toBe(route.contract.path);
      expect(route.access).toBe(route.contract.access.pool);
      if (route.access === 'staff') {
        expect(route.staffGroups.length, route.path).toBeGreaterThan(0);
        for (const group of route.staffGroups) expect(STAFF_GROUPS).toContain(group);
      } else {
        expect(route.staffGroups).toEqual([]);
      }
    }
  });

  it('gives every route a success response: a JSON body schema, a file, or an empty 204', () => {
    for (const route of routes) {
      const { response } = route.contract;
      expect(response.status.length, route.path).toBeGreaterThan(0);
      for (const status of response.status) expect(status, route.path).toBeGreaterThanOrEqual(200);
      if (response.kind === 'json') expect(typeof response.body.safeParse, route.path).toBe('function');
      if (response.kind === 'empty') expect(response.status).toEqual([204]);
    }
  });

  it('keeps the contract modules free of server code, so the web can import them', () => {
    // Every module reachable from shared/api/index.ts through `#shared/...` imports, and what else they import.
    const root = join(import.meta.dirname, '..', '..');
    const allowedPackages = new Set(['zod/mini', 'zod/v4/locales/en.js']);
    const seen = new Set<string>();
    const packages = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const [, specifier] of readFileSync(file, 'utf8').matchAll(/from '([^']+)'/g)) {
        if (specifier!.startsWith('#shared/')) visit(join(root, 'shared', specifier!.slice('#shared/'.length)));
        else if (specifier!.startsWith('.')) visit(join(dirname(file), specifier!));
        else packages.add(specifier!);
      }
    };
    visit(join(root, 'shared', 'api', 'index.ts'));
    visit(join(root, 'shared', 'api', 'openapi.ts'));
    expect([...packages].filter((name) => !allowedPackages.has(name))).toEqual([]);
    const modules = [...seen].map((file) => file.slice(root.length + 1)).sort();
    for (const module of modules) expect(module).not.toMatch(/^shared\/(db|aws|identity|http\/handler|mail|observability)\b/);
    expect(modules).toContain('shared/api/licences.ts');
  });
});
