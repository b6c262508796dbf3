// Shows the customer one published knowledge-base article in their language (a draft is not found).

import * as api from '#shared/api/knowledge.ts';
import { customerHttpHandler } from '#shared/http/customer-handler.ts';
import { DEFAULT_LOCALE } from '#shared/i18n/locale.ts';
import { getPublishedArticle } from '#shared/knowledge/read.ts';

export const handler = customerHttpHandler(api.getArticle, async ({ path, query }) => ({
  body: await getPublishedArticle(path.articleId, query.locale ?? DEFAULT_LOCALE),
}));
