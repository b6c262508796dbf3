// The local API Gateway: turns HTTP requests into HTTP API (payload 2.0) events, verifies bearer JWTs as the JWT
// authorizer does, and invokes the very handler modules that run on Lambda, dispatched from the one route table.

import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Context } from 'aws-lambda';
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import { routes, type Access, type Route } from '#functions/routes.ts';
import type { PoolName } from '#shared/config.ts';
import type { ErrorBody } from '#shared/http/errors.ts';
import type { HttpEvent, HttpResult } from '#shared/http/handler.ts';
import { localJwks } from '#shared/identity/local-keys.ts';
import { securityHeaders } from '#shared/http/security-headers.ts';

export interface LocalApiOptions {
  /** Issuer prefix; `${issuerBase}/${pool}` must be this server's own URL plus /local-idp/<pool>. */
  issuerBase: string;
  keysDir: string;
  clientIds: Record<PoolName, string>;
  /**
   * Tests only: take the source IP from X-Forwarded-For, so tests can act as many clients (API Gateway takes it from
   * the connection, and so does `npm start`).
   */
  trustForwardedFor?: boolean;
  /** Where non-API requests go (the web portal); 404 when absent. */
  web?: (request: IncomingMessage, response: ServerResponse, next: () => void) => void;
  /** Origins the pages may call besides their own: the local S3 server, where browsers upload attachments. */
  connectSources?: readonly string[];
}

const FUNCTIONS_DIR = join(import.meta.dirname, '..', '..', 'functions');

/**
 * What CloudFront's response-headers policy adds to every answer, portal and API (shared/http/security-headers.ts), as
 * the local server over plain HTTP with Vite's dev server behind it: no HSTS, no upgrade to TLS, inline styles allowed.
 */
export const LOCAL_SECURITY_HEADERS = securityHeaders({ https: false, devServer: true });
/** Lambda's limit for a synchronous invocation's payload (6 MB): API Gateway cannot hand a larger body to a handler. */
export const MAX_BODY_BYTES = 6 * 1024 * 1024;
/** A client that keeps sending far beyond the limit after its 413 is cut off instead of drained for ever. */
const MAX_DRAIN_BYTES = 64 * 1024 * 1024;

interface CompiledRoute {
  route: Route;
  /** The route's own path, or its view-as mount (shared/accounts/view-as.ts). */
  path: string;
  /** Whose tokens the mount's authorizer accepts: the route's pool, or staff on a view-as mount. */
  access: Access;
  pattern: RegExp;
  parameterNames: string[];
}

function compile(route: Route, path: string, access: Access): CompiledRoute {
  const parameterNames: string[] = [];
  const source = path
    .split('/')
    .map((segment) => {
      const match = /^\{(\w+)\}$/.exec(segment);
      if (!match) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      parameterNames.push(match[1]!);
      return '([^/]+)';
    })
    .join('/');
  return { route, path, access, pattern: new RegExp(`^${source}$`), parameterNames };
}

/**
 * Every mount API Gateway has: each route at its path, and each customer route again under its view-as path. As API
 * Gateway does, a literal segment wins over a parameter (`/customers/search` before `/customers/{accountId}`) whatever
 * the order of the route table: mounts with fewer parameters are tried first (a stable sort).
 */
const compiledRoutes = routes
  .flatMap((route) => [compile(route, route.path, route.access), ...(route.viewAsPath ? [compile(route, route.viewAsPath, 'staff')] : [])])
  .sort((a, b) => a.parameterNames.length - b.parameterNames.length);

/** A path parameter that is not valid percent-encoding (`%`, `%ZZ`, a cut UTF-8 sequence): API Gateway answers 400. */
export class MalformedPathError extends Error {
  constructor(readonly parameter: string) {
    super(`The path parameter ${parameter} is not valid percent-encoding.`);
  }
}

export function matchRoute(method: string, path: string) {
  for (const compiled of compiledRoutes) {
    if (compiled.route.method !== method) continue;
    const match = compiled.pattern.exec(path);
    if (!match) continue;
    const pathParameters = Object.fromEntries(
      compiled.parameterNames.map((name, index) => {
        try {
          return [name, decodeURIComponent(match[index + 1]!)];
        } catch {
          throw new MalformedPathError(name);
        }
      }),
    );
    return { route: compiled.route, path: compiled.path, access: compiled.access, pathParameters };
  }
  return undefined;
}

type Handler = (event: HttpEvent, context: Context) => Promise<HttpResult>;
const handlers = new Map<string, Promise<Handler>>();

function loadHandler(route: Route): Promise<Handler> {
  let loaded = handlers.get(route.handler);
  if (!loaded) {
    const url = pathToFileURL(join(FUNCTIONS_DIR, `${route.handler}.ts`)).href;
    loaded = import(url).then((module: { handler?: Handler }) => {
      if (typeof module.handler !== 'function') throw new Error(`${route.handler} does not export handler`);
      return module.handler;
    });
    handlers.set(route.handler, loaded);
  }
  return loaded;
}

/** API Gateway hands claims to Lambda as strings; lists become "[a b]". */
function flattenClaims(payload: JWTPayload): Record<string, string> {
  return Object.fromEntries(
    Object.entries(payload).map(([name, value]) => [
      name,
      Array.isArray(value) ? `[${value.join(' ')}]` : typeof value === 'string' ? value : JSON.stringify(value),
    ]),
  );
}

class PayloadTooLargeError extends Error {}

/**
 * The whole body, or PayloadTooLargeError past MAX_BODY_BYTES (told by Content-Length, or counted). The rest of a body
 * that is too large is read and dropped, so the 413 reaches the client instead of a connection reset.
 */
function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    const refuse = () => {
      tooLarge = true;
      chunks.length = 0;
      reject(new PayloadTooLargeError());
    };
    if (Number(request.headers['content-length']) > MAX_BODY_BYTES) refuse();
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (tooLarge) {
        if (size > MAX_DRAIN_BYTES) request.destroy();
        return;
      }
      if (size > MAX_BODY_BYTES) return refuse();
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  response.end(JSON.stringify(body));
}

/**
 * The gateway's own refusals (no route, no valid token, a body too large, a malformed path) in the stable error body
 * every handler uses, with a request id of their own.
 */
function sendError(
  response: ServerResponse,
  status: number,
  error: Omit<ErrorBody['error'], 'requestId'>,
  headers: Record<string, string> = {},
) {
  const requestId = randomUUID();
  const body: ErrorBody = { error: { ...error, requestId } };
  send(response, status, body, { 'x-amzn-requestid': requestId, 'x-request-id': requestId, ...headers });
}

const notFound = (response: ServerResponse) => sendError(response, 404, { code: 'NOT_FOUND', message: 'There is no such route.' });

const TEXT_TYPES = /^(application\/(json|x-www-form-urlencoded|xml)|text\/)/i;

export function createLocalApi(options: LocalApiOptions): Server {
  // Built on first use: the issuer is this server's own URL, known only once it listens.
  const keySets = new Map<string, ReturnType<typeof createRemoteJWKSet>>();
  function keySetOf(issuer: string) {
    let keySet = keySets.get(issuer);
    if (!keySet) {
      keySet = createRemoteJWKSet(new URL(`${issuer}/.well-known/jwks.json`));
      keySets.set(issuer, keySet);
    }
    return keySet;
  }

  /** As the HTTP API JWT authorizer: signature by JWKS, issuer, expiry, and aud or client_id in the audience list. */
  async function authorize(access: Access, header: string | undefined): Promise<JWTPayload | undefined> {
    if (access === 'public') return undefined;
    const token = /^Bearer (.+)$/i.exec(header ?? '')?.[1];
    if (!token) throw new Error('no token');
    const pool: PoolName = access;
    const issuer = `${options.issuerBase}/${pool}`;
    const { payload } = await jwtVerify(token, keySetOf(issuer), { issuer });
    const audience = options.clientIds[pool];
    const audiences = [payload.aud, payload.client_id].flat().filter(Boolean);
    if (!audiences.includes(audience)) throw new Error('wrong audience');
    return payload;
  }

  const headers = options.connectSources?.length
    ? securityHeaders({ https: false, devServer: true, connectSources: options.connectSources })
    : LOCAL_SECURITY_HEADERS;
  return createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const method = request.method ?? 'GET';
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    try {
      const jwksMatch = /^\/local-idp\/(customer|staff)\/\.well-known\/jwks\.json$/.exec(url.pathname);
      if (jwksMatch && method === 'GET') {
        return send(response, 200, localJwks(options.keysDir, jwksMatch[1] as PoolName));
      }
      if (!url.pathname.startsWith('/api/')) {
        if (options.web) return options.web(request, response, () => notFound(response));
        return notFound(response);
      }

      let matched: ReturnType<typeof matchRoute>;
      try {
        matched = matchRoute(method, url.pathname);
      } catch (error) {
        if (!(error instanceof MalformedPathError)) throw error;
        return sendError(response, 400, {
          code: 'VALIDATION_FAILED',
          message: error.message,
          details: [{ path: `path.${error.parameter}`, message: 'malformed percent-encoding' }],
        });
      }
      if (!matched) return notFound(response);
      const { route, pathParameters } = matched;

      let claims: JWTPayload | undefined;
      try {
        claims = await authorize(matched.access, request.headers.authorization);
      } catch {
        return sendError(response, 401, { code: 'UNAUTHORIZED', message: 'Sign in to continue.' }, { 'www-authenticate': 'Bearer' });
      }

      let raw: Buffer;
      try {
        raw = await readBody(request);
      } catch (error) {
        if (!(error instanceof PayloadTooLargeError)) throw error;
        return sendError(
          response,
          413,
          { code: 'PAYLOAD_TOO_LARGE', message: `The request body is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB.` },
          { connection: 'close' },
        );
      }
      const headers = Object.fromEntries(
        Object.entries(request.headers)
          .filter(([name]) => name !== 'cookie')
          .map(([name, value]) => [name, Array.isArray(value) ? value.join(',') : String(value)]),
      );
      const query: Record<string, string> = {};
      for (const [name, value] of url.searchParams) query[name] = name in query ? `${query[name]},${value}` : value;
      const isText = TEXT_TYPES.test(headers['content-type'] ?? 'application/json');
      const requestId = randomUUID();
      const now = new Date();
      const routeKey = `${route.method} ${matched.path}`;
      const event: HttpEvent = {
        version: '2.0',
        routeKey,
        rawPath: url.pathname,
        rawQueryString: url.search.replace(/^\?/, ''),
        ...(request.headers.cookie ? { cookies: request.headers.cookie.split(/;\s*/) } : {}),
        headers,
        ...(Object.keys(query).length ? { queryStringParameters: query } : {}),
        ...(Object.keys(pathParameters).length ? { pathParameters } : {}),
        requestContext: {
          accountId: 'local',
          apiId: 'local',
          domainName: headers.host ?? 'localhost',
          domainPrefix: 'local',
          http: {
            method,
            path: url.pathname,
            protocol: `HTTP/${request.httpVersion}`,
            sourceIp:
              (options.trustForwardedFor ? headers['x-forwarded-for']?.split(',')[0]?.trim() : undefined) ||
              (request.socket.remoteAddress?.replace(/^::ffff:/, '') ?? '127.0.0.1'),
            userAgent: headers['user-agent'] ?? '',
          },
          requestId,
          routeKey,
          stage: '$default',
          time: now.toUTCString(),
          timeEpoch: now.getTime(),
          ...(claims
            ? {
                authorizer: {
                  principalId: '',
                  integrationLatency: 0,
                  jwt: {
                    claims: flattenClaims(claims),
                    scopes: typeof claims.scope === 'string' ? claims.scope.split(' ') : [],
                  },
                },
              }
            : {}),
        },
        ...(raw.length ? { body: isText ? raw.toString('utf8') : raw.toString('base64') } : {}),
        isBase64Encoded: raw.length > 0 && !isText,
      };
      const context = {
        functionName: `atrium-local-${route.handler.replace('/', '-')}`,
        functionVersion: '$LATEST',
        invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:atrium-local`,
        memoryLimitInMB: '512',
        awsRequestId: requestId,
        logGroupName: 'local',
        logStreamName: 'local',
        callbackWaitsForEmptyEventLoop: false,
        getRemainingTimeInMillis: () => 29_000,
        done: () => undefined,
        fail: () => undefined,
        succeed: () => undefined,
      } as Context;

      const handler = await loadHandler(route);
      const result = await handler(event, context);
      const responseHeaders: Record<string, string | string[]> = { ...(result.headers as Record<string, string>) };
      if (result.cookies?.length) responseHeaders['set-cookie'] = result.cookies;
      response.writeHead(result.statusCode ?? 200, { 'x-amzn-requestid': requestId, ...responseHeaders });
      response.end(result.isBase64Encoded ? Buffer.from(result.body ?? '', 'base64') : (result.body ?? ''));
    } catch (error) {
      // A handler that throws is a Lambda failure: API Gateway answers 500 (here in the stable body, without internals).
      console.error(error);
      if (!response.headersSent)
        sendError(response, 500, { code: 'INTERNAL', message: 'Something went wrong on our side. Try again later.' });
      else response.end();
    }
  });
}
