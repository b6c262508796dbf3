// The one shape of every HTTP handler: middy, Powertools logging, the route's contract (access, strict zod input),
// typed errors out as a stable body.

import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type * as z from '#shared/validation.ts';
import { groupsOf } from '#shared/accounts/groups.ts';
import type {
  AuditDeclaration,
  Contract,
  ParsedRequest,
  RequestSchemas,
  ResponseBody,
  ResponseSpec,
  RouteAccess,
} from '#shared/api/contract.ts';
import { isWrite, VIEW_AS_PARAMETER } from '#shared/api/contract.ts';
import { type CustomerCaller, staffCaller } from '#shared/accounts/caller.ts';
import type { CustomerRole } from '#shared/accounts/roles.ts';
import { type AuditTrail, type RecordingAuditTrail, startAuditTrail } from '#shared/audit/audit.ts';
import { AppError, type ErrorBody, ForbiddenError, UnauthorizedError, ValidationError } from '#shared/http/errors.ts';
import { logger } from '#shared/observability/logger.ts';
import { CONTENT_TYPE_OPTIONS } from '#shared/http/security-headers.ts';

/** API Gateway HTTP API (payload 2.0) event; the JWT authorizer is optional on public routes. */
export type HttpEvent = Omit<APIGatewayProxyEventV2WithJWTAuthorizer, 'requestContext'> & {
  requestContext: Omit<APIGatewayProxyEventV2WithJWTAuthorizer['requestContext'], 'authorizer'> & {
    authorizer?: APIGatewayProxyEventV2WithJWTAuthorizer['requestContext']['authorizer'];
  };
};
export type HttpResult = APIGatewayProxyStructuredResultV2;

/** A file the browser saves (e.g. a `.lic` licence file), sent as it is instead of JSON. */
export interface FileReply {
  /** e.g. `text/plain; charset=utf-8`. */
  contentType: string;
  /** The name offered when saving; reduced to safe ASCII by safeFilename before it goes into the header. */
  filename: string;
  content: string;
}

interface ReplyBase {
  status?: number;
  headers?: Record<string, string>;
  /** Set-Cookie values (HTTP API payload 2.0 sends each as its own header). */
  cookies?: string[];
}

/**
 * What a use case answers: `body`, sent as JSON, or (the one other way) `file`, sent as a download with
 * `content-disposition: attachment`. Never both.
 */
export type Reply = ReplyBase & ({ body?: unknown; file?: never } | { file: FileReply; body?: never });

type Schema = z.ZodMiniType;

/**
 * What the handler receives: the parts parsed by the contract's schemas, the event and the request id; for a customer
 * route, the customer (already checked against the route's roles); and, for a route that declares an audit, the audit
 * trail its writes go through.
 */
export type Parsed<C extends Contract> = ParsedRequest<C['request']> & {
  event: HttpEvent;
  requestId: string;
} & (C['access'] extends { pool: 'customer' } ? { customer: CustomerCaller } : unknown) &
  (C['audit'] extends AuditDeclaration ? { audit: AuditTrail } : unknown);

/** What the handler answers, typed by the contract's response: its JSON body, a file, or nothing. */
export type ReplyFor<S extends ResponseSpec> = ReplyBase &
  (S extends { kind: 'json' }
    ? { body: ResponseBody<S>; file?: never }
    : S extends { kind: 'file' }
      ? { file: FileReply; body?: never }
      : { body?: never; file?: never });

/** The request body limit of every route that does not declare its own `maxBodyBytes`. */
export const MAX_BODY_BYTES = 64 * 1024;

function requestIdOf(event: HttpEvent): string {
  return event.requestContext?.requestId ?? 'unknown';
}

function json(status: number, body: unknown, requestId: string, headers: Record<string, string> = {}): HttpResult {
  return {
    statusCode: status,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      // Also in AWS without CloudFront in front (the execute-api URL): the same value as the shared header definition.
      'x-content-type-options': CONTENT_TYPE_OPTIONS,
      'cache-control': 'no-store',
      'x-request-id': requestId,
      ...headers,
    },
    body: body === undefined ? '' : JSON.stringify(body),
  };
}

/**
 * A filename that is safe in a header and on any file system: accents dropped, every run of other characters than
 * ASCII letters, digits, `.`, `_` and `-` turned into one `-`, no leading dots or dashes, at most 120 characters.
 */
export function safeFilename(name: string): string {
  const safe = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .slice(-120)
    .replace(/^[-.]+/, '');
  return safe === '' ? 'download' : safe;
}

function download(status: number, file: FileReply, requestId: string, headers: Record<string, string> = {}): HttpResult {
  return {
    statusCode: status,
    headers: {
      'content-type': file.contentType,
      'content-disposition': `attachment; filename="${safeFilename(file.filename)}"`,
      'x-content-type-options': CONTENT_TYPE_OPTIONS,
      'cache-control': 'no-store',
      'x-request-id': requestId,
      ...headers,
    },
    body: file.content,
  };
}

function issuesOf(error: z.core.$ZodError, where: string) {
  return error.issues.map((issue) => ({
    path: [where, ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
}

function parsePart<S extends Schema | undefined>(schema: S, value: unknown, where: string) {
  if (!schema) return where === 'body' ? undefined : {};
  const result = schema.safeParse(value ?? {});
  if (!result.success) throw new ValidationError('The request is not valid.', issuesOf(result.error, where));
  return result.data;
}

function readBody(event: HttpEvent, expectsBody: boolean, maxBytes: number): unknown {
  if (!expectsBody) return undefined;
  if (!event.body) return {};
  const raw = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  if (Buffer.byteLength(raw, 'utf8') > maxBytes) {
    throw new AppError(413, 'PAYLOAD_TOO_LARGE', 'The request body is too large.');
  }
  const contentType = event.headers?.['content-type'] ?? '';
  if (!contentType.toLowerCase().startsWith('application/json')) {
    throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json.');
  }
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    throw new ValidationError('The request body is not valid JSON.');
  }
}

export function errorResult(error: unknown, requestId: string): HttpResult {
  if (error instanceof AppError) {
    if (error.statusCode >= 500) logger.error('request failed', { error });
    else logger.info('request refused', { code: error.code, status: error.statusCode });
    const body: ErrorBody = {
      error: {
        code: error.code,
        message: error.message,
        ...(error.details ? { details: error.details } : {}),
        requestId,
      },
    };
    const headers: Record<string, string> =
      error.code === 'TOO_MANY_REQUESTS' && error.details && 'retryAfterSeconds' in error.details
        ? { 'retry-after': String(error.details.retryAfterSeconds) }
        : {};
    const result = json(error.statusCode, body, requestId, headers);
    return error.cookies?.length ? { ...result, cookies: error.cookies } : result;
  }
  logger.error('unexpected error', { error: error as Error });
  const body: ErrorBody = {
    error: { code: 'INTERNAL', message: 'Something went wrong on our side. Try again later.', requestId },
  };
  return json(500, body, requestId);
}

/**
 * Refuses a caller the contract does not allow, before anything is parsed or read: 401 without verified access-token
 * claims on a signed-in route (the authorizer normally stops that earlier), 403 for a staff user in none of the route's
 * groups. Declared per route in the contract, so no handler has to remember it.
 */
function checkAccess(access: RouteAccess, event: HttpEvent): void {
  if (access.pool === 'public') return;
  const claims = event.requestContext.authorizer?.jwt?.claims;
  if (!claims || typeof claims.sub !== 'string' || claims.token_use !== 'access') throw new UnauthorizedError();
  if (access.pool !== 'staff') return;
  const groups = groupsOf(claims);
  if (!access.groups.some((group) => groups.includes(group))) {
    throw new ForbiddenError(groups.length === 0 ? 'This page is for staff.' : 'Your staff role does not allow this.');
  }
}

/** The audit trail of a staff write: the staff caller (groups, disabled, revoked) and the request's reason and origin. */
async function auditTrailFor(
  declaration: AuditDeclaration,
  event: HttpEvent,
  requestId: string,
  body: unknown,
): Promise<RecordingAuditTrail> {
  const reason = typeof body === 'object' && body !== null && 'reason' in body && typeof body.reason === 'string' ? body.reason : undefined;
  return startAuditTrail({ declaration, staff: await staffCaller(event), reason, sourceIp: event.requestContext.http.sourceIp, requestId });
}

/** Resolves the customer of a customer route, checked against its roles (shared/accounts/customer-caller.ts). */
export type CustomerResolver = (event: HttpEvent, roles: readonly CustomerRole[]) => Promise<CustomerCaller>;

/** A contract of a public or staff route: customer routes are built by customerHttpHandler. */
type NonCustomerContract = Contract & { access: Exclude<RouteAccess, { pool: 'customer' }> };

/**
 * Builds a Lambda handler for one public or staff route from its contract: access by declaration, strict schemas for
 * path, query and body (unknown keys are refused), and whatever the use case throws leaves as
 * `{"error":{"code","message","details"}}`. The response body is typed by the contract; it is validated by the tests,
 * not on every request. Customer routes use customerHttpHandler (shared/http/customer-handler.ts), which adds the
 * customer's resolution: kept out of this module so public and staff bundles leave it out.
 */
export function httpHandler<C extends NonCustomerContract>(
  contract: C,
  handle: (request: Parsed<C>) => Promise<ReplyFor<C['response']>>,
): (event: HttpEvent, context: Context) => Promise<HttpResult> {
  return buildHttpHandler(contract, handle, undefined);
}

/** The one handler shape behind httpHandler and customerHttpHandler. */
export function buildHttpHandler<C extends Contract>(
  contract: C,
  handle: (request: Parsed<C>) => Promise<ReplyFor<C['response']>>,
  resolveCustomer: CustomerResolver | undefined,
): (event: HttpEvent, context: Context) => Promise<HttpResult> {
  const schemas: RequestSchemas = contract.request;
  const access = contract.access;
  if (access.pool === 'customer' && !resolveCustomer) {
    throw new Error(`${contract.method} ${contract.path} is a customer route: build it with customerHttpHandler`);
  }
  return middy<HttpEvent, HttpResult>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .handler(async (event) => {
      const requestId = requestIdOf(event);
      logger.appendKeys({ requestId, route: event.routeKey });
      try {
        checkAccess(access, event);
        const { [VIEW_AS_PARAMETER]: viewAsAccountId, ...pathParameters } = event.pathParameters ?? {};
        if (viewAsAccountId !== undefined && isWrite(contract)) {
          throw new ForbiddenError('Viewing as a customer is read-only.', 'VIEW_AS_READ_ONLY');
        }
        const path = parsePart(schemas.path, pathParameters, 'path');
        const query = parsePart(schemas.query, event.queryStringParameters, 'query');
        const body = parsePart(schemas.body, readBody(event, schemas.body !== undefined, contract.maxBodyBytes ?? MAX_BODY_BYTES), 'body');
        const customer = access.pool === 'customer' && resolveCustomer ? await resolveCustomer(event, access.roles) : undefined;
        const audit = contract.audit ? await auditTrailFor(contract.audit, event, requestId, body) : undefined;
        const parsed = {
          path,
          query,
          body,
          event,
          requestId,
          ...(customer ? { customer } : {}),
          ...(audit ? { audit } : {}),
        } as Parsed<C>;
        const reply = (await handle(parsed)) as Reply;
        if (audit && audit.commits !== 1) {
          throw new Error(`${contract.method} ${contract.path} answered without exactly one audit entry (${audit.commits})`);
        }
        const result = reply.file
          ? download(reply.status ?? 200, reply.file, requestId, reply.headers)
          : json(reply.status ?? 200, reply.body, requestId, reply.headers);
        return reply.cookies?.length ? { ...result, cookies: reply.cookies } : result;
      } catch (error) {
        return errorResult(error, requestId);
      }
    });
}
