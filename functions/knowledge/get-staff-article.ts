// Staff: opens one knowledge-base article with every translation, for the editor.

import * as api from '#shared/api/knowledge.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { getArticle } from '#shared/knowledge/model.ts';

export const handler = httpHandler(api.getStaffArticle, async ({ path }) => ({ body: await getArticle(path.articleId) }));
