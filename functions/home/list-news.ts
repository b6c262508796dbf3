// Shows the customer the published news, newest first, in their page's language (English when it has none in it).

import * as api from '#shared/api/home.ts';
import { listPublishedNews } from '#shared/home/news.ts';
import { customerHttpHandler } from '#shared/http/customer-handler.ts';
import { DEFAULT_LOCALE } from '#shared/i18n/locale.ts';

export const handler = customerHttpHandler(api.listNews, async ({ query }) => {
  const { locale, ...page } = query;
  return { body: await listPublishedNews(locale ?? DEFAULT_LOCALE, page) };
});
