// Suggests up to five knowledge-base articles for the subject of the ticket the customer is typing.

import * as api from '#shared/api/knowledge.ts';
import { customerHttpHandler } from '#shared/http/customer-handler.ts';
import { DEFAULT_LOCALE } from '#shared/i18n/locale.ts';
import { suggestArticles } from '#shared/knowledge/read.ts';

export const handler = customerHttpHandler(api.suggestArticles, async ({ query }) => ({
  body: { items: await suggestArticles(query.subject ?? '', query.locale ?? DEFAULT_LOCALE) },
}));
