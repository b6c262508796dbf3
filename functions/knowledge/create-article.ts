// Staff: writes a knowledge-base article, a draft until published (audited).

import * as api from '#shared/api/knowledge.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { createArticle } from '#shared/knowledge/manage.ts';

export const handler = httpHandler(api.createArticle, async ({ audit, body }) => ({
  status: 201,
  body: await createArticle(body, audit.commit),
}));
