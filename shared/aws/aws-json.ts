// One small client for the AWS services Atrium calls over the AWS JSON protocol (DynamoDB, Cognito, SQS, Secrets
// Manager): a signed POST with an X-Amz-Target header, retried on throttling and server errors.
//
// Why not the SDK's clients: each bundled client brings the SDK's shared core (about 190 KB minified), and a handler
// that used DynamoDB and Cognito or SQS went past the 250 KB bundle budget (issue #5, docs/performance.md). The
// protocol itself is small and stable; request signing stays with the SDK's own @smithy/signature-v4.

import { createHash, createHmac } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';

export interface AwsJsonRequest {
  /** Signing name and host prefix, e.g. `dynamodb`, `cognito-idp`, `sqs`, `secretsmanager`. */
  service: string;
  region: string;
  /** Overrides https://<service>.<region>.amazonaws.com (DynamoDB Local). */
  endpoint?: string | undefined;
  /** `DynamoDB_20120810.GetItem`, `AWSCognitoIdentityProviderService.InitiateAuth`, ... */
  target: string;
  jsonVersion: '1.0' | '1.1';
  body: unknown;
  /** Cognito's public user-pool calls are made unsigned, as a browser would. */
  unsigned?: boolean;
}

/** An error the service answered with; `name` is the AWS exception name (e.g. ConditionalCheckFailedException). */
export class AwsServiceError extends Error {
  constructor(
    name: string,
    message: string,
    readonly statusCode: number,
    /** The rest of the error body (e.g. DynamoDB's CancellationReasons). */
    readonly fields: Record<string, unknown>,
  ) {
    super(message);
    this.name = name;
  }
}

/** SHA-256 for the signer, on Node's crypto (the SDK's own hash package is not needed for this). */
type Bytes = string | ArrayBuffer | ArrayBufferView;
const asBuffer = (data: Bytes) =>
  typeof data === 'string' ? data : data instanceof ArrayBuffer ? Buffer.from(data) : Buffer.from(data.buffer, data.byteOffset, data.byteLength);

class Sha256 {
  private readonly hash;
  constructor(secret?: Bytes) {
    this.hash = secret === undefined ? createHash('sha256') : createHmac('sha256', asBuffer(secret));
  }
  update(data: Bytes): void {
    this.hash.update(asBuffer(data));
  }
  digest(): Promise<Uint8Array> {
    return Promise.resolve(new Uint8Array(this.hash.digest()));
  }
}

const signers = new Map<string, SignatureV4>();

function signerFor(service: string, region: string): SignatureV4 {
  const key = `${service}|${region}`;
  let signer = signers.get(key);
  if (!signer) {
    signer = new SignatureV4({
      service,
      region,
      sha256: Sha256,
      // Lambda (and the local runtime) put the credentials in the environment; they are read per request because
      // Lambda may rotate them between invocations.
      credentials: async () => ({
        accessKeyId: process.env.AWS_ACCESS_KEY_ID ?? '',
        secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY ?? '',
        ...(process.env.AWS_SESSION_TOKEN ? { sessionToken: process.env.AWS_SESSION_TOKEN } : {}),
      }),
    });
    signers.set(key, signer);
  }
  return signer;
}

const RETRYABLE = new Set([
  'ThrottlingException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'TooManyRequestsException',
  'InternalServerError',
  'InternalFailure',
  'ServiceUnavailable',
  'InternalErrorException',
  'TransactionInProgressException',
]);
const MAX_ATTEMPTS = 3;

/** Answers a call itself, or returns undefined to let it go to the network (e.g. DynamoDB Local). */
type Transport = (request: AwsJsonRequest) => Promise<unknown> | undefined;
let transportForTests: Transport | undefined;

/** Tests only: services without a local engine (Cognito, SQS, Secrets Manager) answered by a fake; fault injection. */
export function setAwsJsonTransportForTests(transport: Transport | undefined): void {
  transportForTests = transport;
}

export async function awsJson<T = Record<string, unknown>>(request: AwsJsonRequest): Promise<T> {
  const faked = transportForTests?.(request);
  if (faked) return (await faked) as T;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return (await send(request)) as T;
    } catch (error) {
      const retryable =
        error instanceof AwsServiceError ? RETRYABLE.has(error.name) || error.statusCode >= 500 : error instanceof TypeError; // fetch's network errors
      if (!retryable || attempt >= MAX_ATTEMPTS) throw error;
      // Full jitter, as the SDK's standard retry strategy: up to 100 ms, then 200 ms.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 100 * 2 ** (attempt - 1)));
    }
  }
}

async function send(request: AwsJsonRequest): Promise<unknown> {
  const url = new URL(request.endpoint ?? `https://${request.service}.${request.region}.amazonaws.com/`);
  const body = JSON.stringify(request.body);
  const unsignedHeaders = {
    host: url.host,
    'content-type': `application/x-amz-json-${request.jsonVersion}`,
    'x-amz-target': request.target,
  };
  const headers = request.unsigned
    ? unsignedHeaders
    : (
        await signerFor(request.service, request.region).sign({
          method: 'POST',
          protocol: url.protocol,
          hostname: url.hostname,
          ...(url.port ? { port: Number(url.port) } : {}),
          path: url.pathname || '/',
          headers: unsignedHeaders,
          body,
        })
      ).headers;
  const { host: _host, ...sendable } = headers as Record<string, string>;
  const response = await fetch(url, { method: 'POST', headers: sendable, body });
  const text = await response.text();
  const parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  if (response.ok) return parsed;
  const type = String(parsed.__type ?? parsed.code ?? `Http${response.status}`);
  const { __type: _type, message, Message, ...fields } = parsed;
  throw new AwsServiceError(type.slice(type.lastIndexOf('#') + 1), String(message ?? Message ?? response.statusText), response.status, fields);
}
