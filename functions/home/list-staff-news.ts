// Staff: lists every news item, published or not, newest written first.

import * as api from '#shared/api/home.ts';
import { listAllNews } from '#shared/home/news.ts';
import { httpHandler } from '#shared/http/handler.ts';

export const handler = httpHandler(api.listStaffNews, async ({ query }) => ({ body: await listAllNews(query) }));
