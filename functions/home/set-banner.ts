// Staff: sets the offer banner on the customers' home page (audited).

import * as api from '#shared/api/home.ts';
import { setBanner } from '#shared/home/banner.ts';
import { httpHandler } from '#shared/http/handler.ts';

export const handler = httpHandler(api.setBanner, async ({ audit, body }) => ({ body: await setBanner(body, audit.commit) }));
