// Staff: replaces a news item's date and texts (audited); 409 when someone changed it meanwhile.

import * as api from '#shared/api/home.ts';
import { editNews } from '#shared/home/news.ts';
import { httpHandler } from '#shared/http/handler.ts';

export const handler = httpHandler(api.editNews, async ({ audit, path, body }) => ({
  body: await editNews(path.newsId, body, audit.commit),
}));
