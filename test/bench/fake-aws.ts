// `npm run bench`: a local HTTP server that answers the AWS services with no local engine (Cognito, SQS, Secrets
// Manager, SES v2, and S3's GetObject of received mail) with fixed, valid answers. The bundled SDK clients are pointed at it with the SDK's own
// AWS_ENDPOINT_URL_<SERVICE> settings, so handlers run unchanged; what it costs to answer is near zero and the same
// for every run.

import { createHash, generateKeyPairSync } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LOCAL_TICKET_REPLY_SECRET } from '#shared/tickets/reply-address.ts';

const fakeJwt = (claims: Record<string, unknown>) =>
  [{ alg: 'RS256', kid: 'bench' }, claims, 'signature'].map((part) => Buffer.from(JSON.stringify(part)).toString('base64url')).join('.');

const tokens = {
  AccessToken: fakeJwt({ sub: 'bench-user', token_use: 'access' }),
  IdToken: fakeJwt({ sub: 'bench-user', token_use: 'id' }),
  RefreshToken: 'bench-refresh-token',
  ExpiresIn: 900,
  TokenType: 'Bearer',
};

const signingKeyPem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;

/** The secret id the bench gives TICKET_REPLY_SECRET_ID: answered with the local secret the bench signs its mail with. */
export const BENCH_TICKET_REPLY_SECRET_ID = 'atrium/bench/ticket-reply-secret';

/** An AWS JSON error answer: HTTP 400 with the exception's name in `__type`, as the SDK reads it. */
class AwsError extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

/** Answers by X-Amz-Target (Cognito, SQS and Secrets Manager speak AWS JSON); SES v2 is REST. */
function answer(target: string, body: Record<string, unknown>): unknown {
  const operation = target.slice(target.indexOf('.') + 1);
  switch (operation) {
    case 'InitiateAuth': {
      const flow = body.AuthFlow;
      if (flow === 'REFRESH_TOKEN_AUTH') return { AuthenticationResult: { ...tokens, RefreshToken: undefined } };
      if (flow === 'CUSTOM_AUTH') {
        return {
          ChallengeName: 'CUSTOM_CHALLENGE',
          Session: 'bench-session-1',
          ChallengeParameters: { step: 'ORDER_NUMBER', USERNAME: 'bench-user' },
        };
      }
      return {
        ChallengeName: 'EMAIL_OTP',
        Session: 'bench-session-1',
        ChallengeParameters: { CODE_DELIVERY_DESTINATION: 'a***@n***', USER_ID_FOR_SRP: 'bench-user' },
      };
    }
    case 'RespondToAuthChallenge':
      return body.ChallengeName === 'CUSTOM_CHALLENGE' && (body.ChallengeResponses as Record<string, string>)?.ANSWER?.startsWith('JWT')
        ? {
            ChallengeName: 'CUSTOM_CHALLENGE',
            Session: 'bench-session-2',
            ChallengeParameters: { step: 'EMAIL_CODE', USERNAME: 'bench-user' },
          }
        : { AuthenticationResult: tokens, ChallengeParameters: {} };
    case 'SignUp':
      return { UserSub: `bench-${Math.random().toString(36).slice(2)}`, UserConfirmed: false };
    case 'AdminGetUser':
      // The bench's fresh addresses (`new-...`, see events.ts) are new customers, so create-order takes that path.
      if (String(body.Username).startsWith('new-')) throw new AwsError('UserNotFoundException', 'User does not exist.');
      return { Username: 'bench-user', UserAttributes: [{ Name: 'sub', Value: 'bench-user' }] };
    case 'AdminCreateUser':
      return { User: { Username: 'bench-user', Attributes: [{ Name: 'sub', Value: `bench-${Math.random().toString(36).slice(2)}` }] } };
    case 'SendMessage':
      // The SQS client checks this digest of the body it sent (InvalidChecksumError otherwise).
      return { MessageId: 'bench-message', MD5OfMessageBody: createHash('md5').update(String(body.MessageBody)).digest('hex') };
    case 'GetSecretValue':
      return body.SecretId === BENCH_TICKET_REPLY_SECRET_ID
        ? { SecretString: LOCAL_TICKET_REPLY_SECRET, Name: 'bench' }
        : { SecretString: signingKeyPem, Name: 'bench' };
    default:
      // ConfirmSignUp, ResendConfirmationCode, ForgotPassword, ConfirmForgotPassword, RevokeToken, Admin*: empty answers.
      return {};
  }
}

export interface FakeAws {
  endpoint: string;
  /** The environment that points the SDK clients of a handler at this server. */
  env: Record<string, string>;
  close(): Promise<void>;
}

export interface FakeAwsOptions {
  /** S3 GetObject (path style, `/<bucket>/<key>`): the object's text, or undefined for NoSuchKey. */
  object?: (bucket: string, key: string) => string | undefined;
}

export async function startFakeAws(options: FakeAwsOptions = {}): Promise<FakeAws> {
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
      const target = request.headers['x-amz-target'];
      if (typeof target === 'string') {
        let status = 200;
        let answered: unknown;
        try {
          answered = answer(target, body);
        } catch (error) {
          if (!(error instanceof AwsError)) throw error;
          status = 400;
          answered = { __type: error.type, message: error.message };
        }
        response.writeHead(status, { 'content-type': 'application/x-amz-json-1.1' });
        response.end(JSON.stringify(answered));
      } else if (request.method === 'GET') {
        // S3 GetObject, path style (the SDK uses it for an endpoint that is an IP address).
        const path = new URL(request.url ?? '/', 'http://bench').pathname;
        const slash = path.indexOf('/', 1);
        const object =
          slash > 0 ? options.object?.(decodeURIComponent(path.slice(1, slash)), decodeURIComponent(path.slice(slash + 1))) : undefined;
        if (object === undefined) {
          response.writeHead(404, { 'content-type': 'application/xml' });
          response.end('<?xml version="1.0" encoding="UTF-8"?><Error><Code>NoSuchKey</Code><Message>No such key</Message></Error>');
        } else {
          const bytes = Buffer.from(object, 'utf8');
          response.writeHead(200, { 'content-type': 'message/rfc822', 'content-length': String(bytes.length), etag: '"bench"' });
          response.end(bytes);
        }
      } else {
        // SES v2 SendEmail: POST /v2/email/outbound-emails.
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ MessageId: 'bench-mail' }));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    endpoint,
    env: {
      AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: endpoint,
      AWS_ENDPOINT_URL_SQS: endpoint,
      AWS_ENDPOINT_URL_SECRETS_MANAGER: endpoint,
      AWS_ENDPOINT_URL_SESV2: endpoint,
      AWS_ENDPOINT_URL_S3: endpoint,
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
