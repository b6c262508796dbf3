// Finishes a sign-in: the e-mailed code for tokens.

import * as z from 'zod';
import { httpHandler } from '#shared/http/handler.ts';
import { poolPath } from '#shared/http/schemas.ts';
import { identity } from '#shared/identity/index.ts';

const body = z.strictObject({
  session: z.string().min(16).max(4096),
  code: z.string().regex(/^\d{6}$/, 'The code is six digits.'),
});

export const handler = httpHandler({ path: poolPath, body }, async ({ path, body, event }) => {
  const tokens = await identity().answerEmailCode({
    pool: path.pool,
    session: body.session,
    code: body.code,
    sourceIp: event.requestContext.http.sourceIp,
  });
  return { body: tokens };
});
