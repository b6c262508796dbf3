// The one answer that is not JSON: a file download with a safe attachment name.

import type { Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { anyone, contract, file } from '#shared/api/contract.ts';
import { httpHandler, safeFilename, type HttpEvent } from '#shared/http/handler.ts';

const fileRoute = contract({
  method: 'GET',
  path: '/api/things/file',
  summary: 'test',
  access: anyone,
  request: {},
  response: file('text/plain; charset=utf-8', 'A test file.'),
});

const context = { functionName: 'test', awsRequestId: 'aws-1', getRemainingTimeInMillis: () => 1000 } as unknown as Context;

const event = {
  version: '2.0',
  routeKey: 'GET /api/things/file',
  rawPath: '/api/things/file',
  rawQueryString: '',
  headers: {},
  isBase64Encoded: false,
  requestContext: {
    accountId: '1',
    apiId: 'api',
    domainName: 'example.test',
    domainPrefix: 'example',
    http: { method: 'GET', path: '/api/things/file', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'test' },
    requestId: 'req-1',
    routeKey: 'GET /api/things/file',
    stage: '$default',
    time: '',
    timeEpoch: 0,
  },
} as HttpEvent;

describe('file replies', () => {
  it('sends the content as it is, as an attachment, with the request id and no caching', async () => {
    const handler = httpHandler(fileRoute, async () => ({
      file: { contentType: 'text/plain; charset=utf-8', filename: 'Księgowość Pro-NW 2291.lic', content: 'zażółć\n' },
    }));
    const result = await handler(event, context);
    expect(result.statusCode).toBe(200);
    expect(result.body).toBe('zażółć\n');
    expect(result.headers).toEqual({
      'content-type': 'text/plain; charset=utf-8',
      'content-disposition': 'attachment; filename="Ksiegowosc-Pro-NW-2291.lic"',
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
      'x-request-id': 'req-1',
    });
  });

  it.each([
    ['a "quoted"\r\nSet-Cookie: x=1.lic', 'a-quoted-Set-Cookie-x-1.lic'],
    ['../../etc/passwd', 'etc-passwd'],
    ['..', 'download'],
    ['', 'download'],
    ['C:\\Windows\\win.ini', 'C-Windows-win.ini'],
    [`${'x'.repeat(200)}.lic`, `${'x'.repeat(116)}.lic`],
  ])('makes %j a safe file name', (name, safe) => {
    expect(safeFilename(name)).toBe(safe);
  });
});
