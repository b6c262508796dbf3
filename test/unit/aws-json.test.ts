// The small AWS JSON-protocol client (shared/aws/aws-json.ts) against a local HTTP server playing the service: what it
// sends (target, content type, a SigV4 signature or none), how it reads the service's errors, and when it tries again.

import { createHash, createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { AwsServiceError, awsJson, type AwsJsonRequest } from '#shared/aws/aws-json.ts';

interface Received {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}
interface Reply {
  status: number;
  body: unknown;
}

const ACCESS_KEY = 'AKIDEXAMPLE';
const SECRET_KEY = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';
const REGION = 'eu-central-1';

let server: Server;
let endpoint: string;
let received: Received[] = [];
/** Answers in turn; the last keeps answering. */
let replies: Reply[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ method: request.method ?? '', path: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      const reply = (replies.length > 1 ? replies.shift() : replies[0]) ?? { status: 200, body: {} };
      response.writeHead(reply.status, { 'content-type': 'application/x-amz-json-1.1' });
      response.end(JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  vi.stubEnv('AWS_ACCESS_KEY_ID', ACCESS_KEY);
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', SECRET_KEY);
  vi.stubEnv('AWS_SESSION_TOKEN', undefined);
});
afterEach(() => {
  vi.unstubAllEnvs();
  received = [];
  replies = [];
});

const request = (overrides: Partial<AwsJsonRequest> = {}): AwsJsonRequest => ({
  service: 'dynamodb',
  region: REGION,
  endpoint,
  target: 'DynamoDB_20120810.GetItem',
  jsonVersion: '1.1',
  body: { TableName: 'atrium', Key: { PK: { S: 'USER#1' } } },
  ...overrides,
});

async function failure(promise: Promise<unknown>): Promise<AwsServiceError> {
  try {
    await promise;
  } catch (error) {
    return error as AwsServiceError;
  }
  throw new Error('expected the call to fail');
}

/** SigV4 computed here from what the server received, independently of the client's signer. */
function expectedSignature(got: Received, service: string): string {
  const authorization = String(got.headers.authorization);
  const signedHeaders = /SignedHeaders=([^,]+)/.exec(authorization)![1]!.split(';');
  const amzDate = String(got.headers['x-amz-date']);
  const day = amzDate.slice(0, 8);
  const sha256 = (data: string) => createHash('sha256').update(data).digest('hex');
  const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();
  const canonicalRequest = [
    got.method,
    got.path,
    '',
    ...signedHeaders.map((name) => `${name}:${String(got.headers[name]).trim()}`),
    '',
    signedHeaders.join(';'),
    sha256(got.body),
  ].join('\n');
  const scope = `${day}/${REGION}/${service}/aws4_request`;
  const toSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256(canonicalRequest)].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${SECRET_KEY}`, day), REGION), service), 'aws4_request');
  return createHmac('sha256', key).update(toSign).digest('hex');
}

describe('what the client sends', () => {
  it('POSTs the JSON body with X-Amz-Target and the JSON version as content type', async () => {
    // Prepare
    replies = [{ status: 200, body: { Item: { PK: { S: 'USER#1' } } } }];

    // Act
    const output = await awsJson(request());

    // Assess
    expect(output).toEqual({ Item: { PK: { S: 'USER#1' } } });
    expect(received).toHaveLength(1);
    const [got] = received;
    expect(got).toMatchObject({ method: 'POST', path: '/' });
    expect(got!.headers['x-amz-target']).toBe('DynamoDB_20120810.GetItem');
    expect(got!.headers['content-type']).toBe('application/x-amz-json-1.1');
    expect(JSON.parse(got!.body)).toEqual(request().body);
  });

  it("signs with SigV4 from the environment's credentials, for the service and region", async () => {
    await awsJson(request({ service: 'cognito-idp', target: 'AWSCognitoIdentityProviderService.AdminGetUser' }));

    const [got] = received;
    const authorization = String(got!.headers.authorization);
    expect(authorization).toMatch(
      new RegExp(`^AWS4-HMAC-SHA256 Credential=${ACCESS_KEY}/\\d{8}/${REGION}/cognito-idp/aws4_request, SignedHeaders=[^,]*x-amz-target[^,]*, Signature=[0-9a-f]{64}$`),
    );
    expect(authorization).toContain(`Signature=${expectedSignature(got!, 'cognito-idp')}`);
    expect(got!.headers['x-amz-security-token']).toBeUndefined();
  });

  it("sends the session token of the function's role when there is one", async () => {
    vi.stubEnv('AWS_SESSION_TOKEN', 'session-token');
    await awsJson(request());
    expect(received[0]!.headers['x-amz-security-token']).toBe('session-token');
  });

  it('sends no signature and no credentials when unsigned', async () => {
    await awsJson(request({ service: 'cognito-idp', target: 'AWSCognitoIdentityProviderService.InitiateAuth', unsigned: true }));

    const [got] = received;
    expect(got!.headers.authorization).toBeUndefined();
    expect(got!.headers['x-amz-date']).toBeUndefined();
    expect(got!.headers['x-amz-security-token']).toBeUndefined();
    expect(got!.headers['x-amz-target']).toBe('AWSCognitoIdentityProviderService.InitiateAuth');
  });
});

describe("how the service's answers are read", () => {
  it("names the error after the exception in __type, keeps its message and status, and does not try again", async () => {
    // Prepare
    replies = [{ status: 400, body: { __type: 'com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException', message: 'x' } }];

    // Act
    const error = await failure(awsJson(request()));

    // Assess
    expect(error).toBeInstanceOf(AwsServiceError);
    expect(error).toMatchObject({ name: 'ConditionalCheckFailedException', message: 'x', statusCode: 400, fields: {} });
    expect(received).toHaveLength(1);
  });

  it('passes the rest of the error body through as fields (a cancelled transaction says why per item)', async () => {
    const CancellationReasons = [{ Code: 'None' }, { Code: 'ConditionalCheckFailed', Message: 'The conditional request failed' }];
    replies = [{ status: 400, body: { __type: 'com.amazonaws.dynamodb.v20120810#TransactionCanceledException', Message: 'cancelled', CancellationReasons } }];

    const error = await failure(awsJson(request({ target: 'DynamoDB_20120810.TransactWriteItems' })));

    expect(error).toMatchObject({ name: 'TransactionCanceledException', message: 'cancelled', fields: { CancellationReasons } });
    expect(received).toHaveLength(1);
  });

  it('tries a throttled call again, three attempts in all, then throws', async () => {
    replies = [{ status: 400, body: { __type: 'com.amazonaws.dynamodb.v20120810#ThrottlingException', message: 'Rate exceeded' } }];

    const error = await failure(awsJson(request()));

    expect(error).toMatchObject({ name: 'ThrottlingException', statusCode: 400 });
    expect(received).toHaveLength(3);
  });

  it('tries a server error again, three attempts in all, then throws', async () => {
    replies = [{ status: 500, body: { __type: 'com.amazonaws.dynamodb.v20120810#InternalServerError', message: 'oops' } }];

    const error = await failure(awsJson(request()));

    expect(error).toMatchObject({ name: 'InternalServerError', statusCode: 500 });
    expect(received).toHaveLength(3);
  });

  it('answers with the retry that succeeds', async () => {
    replies = [
      { status: 500, body: { __type: 'InternalFailure', message: 'oops' } },
      { status: 200, body: { Count: 1 } },
    ];

    await expect(awsJson(request())).resolves.toEqual({ Count: 1 });
    expect(received).toHaveLength(2);
  });
});
