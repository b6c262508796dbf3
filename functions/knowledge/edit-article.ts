// Staff: replaces a knowledge-base article's texts, category and products (audited); 409 when it changed meanwhile.

import * as api from '#shared/api/knowledge.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { editArticle } from '#shared/knowledge/manage.ts';

export const handler = httpHandler(api.editArticle, async ({ audit, path, body }) => ({
  body: await editArticle(path.articleId, body, audit.commit),
}));
