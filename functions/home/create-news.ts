// Staff: writes a news item, unpublished until they publish it (audited).

import * as api from '#shared/api/home.ts';
import { createNews } from '#shared/home/news.ts';
import { httpHandler } from '#shared/http/handler.ts';

export const handler = httpHandler(api.createNews, async ({ audit, body }) => ({
  status: 201,
  body: await createNews(body, audit.commit),
}));
