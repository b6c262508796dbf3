// Finds the customer knowledge-base articles for their words (ranked, with a snippet), or lists them newest first.

import * as api from '#shared/api/knowledge.ts';
import { customerHttpHandler } from '#shared/http/customer-handler.ts';
import { DEFAULT_LOCALE } from '#shared/i18n/locale.ts';
import { searchArticles } from '#shared/knowledge/read.ts';

export const handler = customerHttpHandler(api.searchArticles, async ({ query }) => ({
  body: await searchArticles({ ...query, locale: query.locale ?? DEFAULT_LOCALE, limit: query.limit ?? 10 }),
}));
