// Staff: publishes a news item for the customers, or takes it back (audited).

import * as api from '#shared/api/home.ts';
import { publishNews } from '#shared/home/news.ts';
import { httpHandler } from '#shared/http/handler.ts';

export const handler = httpHandler(api.publishNews, async ({ audit, path, body }) => ({
  body: await publishNews(path.newsId, body.published, audit.commit),
}));
