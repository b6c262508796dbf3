// Staff: lists every knowledge-base article, drafts too, newest written first.

import * as api from '#shared/api/knowledge.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { listArticles } from '#shared/knowledge/manage.ts';

export const handler = httpHandler(api.listStaffArticles, async ({ query }) => ({ body: await listArticles(query) }));
