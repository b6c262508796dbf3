// Generated from the route table: fast-check requests built from each route's schemas, mixed with hostile values (wrong
// types, NUL, lone surrogates, huge and deeply nested input, unknown keys, percent-encoded path parameters), sent through
// the local API. Never a 5xx; every refusal has the error body and writes nothing (attempt counters aside); every
// success matches the response schema. Bounded and seeded: a failure prints the seed to replay.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { routes, type Route } from '#functions/routes.ts';
import {
  expectContractAnswer,
  hostileArbitrary,
  hostilePathSegment,
  hostileValue,
  PATH_PARAMETERS,
  pathFor,
  pathParameterNames,
  seededApi,
  send,
  tableSnapshot,
  tokenFor,
  validArbitrary,
} from '../../support/route-checks.ts';

/** Fixed, so a run is repeatable; FUZZ_SEED=<n> replays another. */
const SEED = Number(process.env.FUZZ_SEED ?? 20261129);
const RUNS_PER_ROUTE = Number(process.env.FUZZ_RUNS ?? 15);

const suite = seededApi();

interface FuzzRequest {
  path: string;
  query: string;
  body?: string;
  contentType?: string;
}

function requestArbitrary(route: Route): fc.Arbitrary<FuzzRequest> {
  const { request } = route.contract;
  const names = pathParameterNames(route);
  const pathValues = fc.record(
    Object.fromEntries(
      names.map((name) => [
        name,
        fc.oneof(
          { arbitrary: fc.constant(encodeURIComponent(PATH_PARAMETERS[name]!(suite.fixture.own))), weight: 2 },
          {
            arbitrary: request.path
              ? validArbitrary(request.path).map((value) => encodeURIComponent(String((value as Record<string, unknown>)[name])))
              : fc.constant('x'),
            weight: 1,
          },
          { arbitrary: hostilePathSegment, weight: 2 },
        ),
      ]),
    ),
  );
  const query = request.query
    ? fc.oneof(validArbitrary(request.query), hostileArbitrary(request.query)).map((value) => {
        // Values are cut to 1,000 characters: a longer URL is refused by the HTTP server (431) before the API sees it.
        // URLSearchParams turns a lone surrogate into U+FFFD, as a browser would (a URL cannot carry one).
        const text = (item: unknown) => (typeof item === 'string' ? item : JSON.stringify(item)).slice(0, 1000);
        if (value === null || typeof value !== 'object' || Array.isArray(value)) return `?${new URLSearchParams({ q: text(value) })}`;
        const search = new URLSearchParams();
        for (const [name, item] of Object.entries(value)) search.append(name, text(item));
        return search.size ? `?${search}` : '';
      })
    : fc.oneof(fc.constant(''), fc.constant('?unexpected=1'));
  const body: fc.Arbitrary<Pick<FuzzRequest, 'body' | 'contentType'>> = request.body
    ? fc.oneof(
        { arbitrary: validArbitrary(request.body).map((value) => ({ body: JSON.stringify(value) })), weight: 2 },
        { arbitrary: hostileArbitrary(request.body).map((value) => ({ body: JSON.stringify(value) ?? 'null' })), weight: 4 },
        { arbitrary: hostileValue.map((value) => ({ body: JSON.stringify(value) ?? 'null' })), weight: 1 },
        {
          arbitrary: fc.constantFrom(
            { body: '{"email":' },
            { body: 'x'.repeat(70_000) },
            { body: JSON.stringify({ email: 'a@b.cd', pad: 'x'.repeat(70_000) }) },
            { body: '{"a":1}', contentType: 'text/plain' },
            { body: '' },
          ),
          weight: 1,
        },
      )
    : route.method === 'GET'
      ? fc.constant({})
      : fc.oneof(fc.constant({}), fc.constant({ body: '{"unexpected":true}' }));
  return fc.record({ pathValues, query, body }).map(({ pathValues: values, query: search, body: sent }) => ({
    path: pathFor(route, values as Record<string, string>) + search,
    query: search,
    ...sent,
  }));
}

/**
 * The table as the last request left it. The file's table is its own and its requests run one at a time, so the table
 * after one request's check is the table before the next: one scan per request (after it) instead of two. A success
 * may write, so its table is scanned afresh for the next request.
 */
let current: Record<string, unknown> | undefined;

describe('fuzz', () => {
  it.each(routes.map((route) => [`${route.method} ${route.path}`, route] as const))('%s', async (what, route) => {
    const token = tokenFor(route, suite.fixture);
    const details = await fc.check(
      fc.asyncProperty(requestArbitrary(route), async (request) => {
        const before = current ?? (await tableSnapshot());
        current = undefined;
        const response = await send(suite.api, route.method, request.path, {
          ...(token ? { token } : {}),
          ...(request.body !== undefined ? { body: request.body } : {}),
          ...(request.contentType ? { contentType: request.contentType } : {}),
        });
        const label = `${what} ${request.path.slice(0, 200)} ${String(request.body).slice(0, 200)}`;
        expectContractAnswer(route, response, label);
        // A refusal writes nothing but the attempt counters it rightly keeps (lockouts, rate limits: see tableSnapshot).
        const after = await tableSnapshot();
        if (response.status >= 400) expect(after, `${label} wrote to the table`).toEqual(before);
        current = after;
      }),
      { seed: SEED, numRuns: RUNS_PER_ROUTE, endOnFailure: true },
    );
    // fast-check's own report would print 70 KB bodies whole: this one is short and names the seed to replay.
    if (details.failed) {
      const error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
      throw new Error(
        `${what} failed with FUZZ_SEED=${details.seed} (path ${details.counterexamplePath}): ${error.slice(0, 1500)}\n` +
          `request: ${JSON.stringify(details.counterexample).slice(0, 600)}`,
      );
    }
  });
});
