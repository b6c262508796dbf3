// Tells a load balancer, a smoke test or a person that the API answers.

import { httpHandler } from '#shared/http/handler.ts';
import * as api from '#shared/api/system.ts';

export const handler = httpHandler(api.getHealth, async () => ({ body: { status: 'ok' as const } }));
