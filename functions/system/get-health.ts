// Tells a load balancer, a smoke test or a person that the API answers.

import { httpHandler } from '#shared/http/handler.ts';

export const handler = httpHandler({}, async () => ({ body: { status: 'ok' } }));
