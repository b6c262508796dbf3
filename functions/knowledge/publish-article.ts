// Staff: publishes a knowledge-base article for the customers, or takes it back to a draft (audited).

import * as api from '#shared/api/knowledge.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { publishArticle } from '#shared/knowledge/manage.ts';

export const handler = httpHandler(api.publishArticle, async ({ audit, path, body }) => ({
  body: await publishArticle(path.articleId, body.published, audit.commit),
}));
