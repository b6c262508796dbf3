// Shows the customer their home page: tiles by role, renewals, news, the banner, recent activity, last sign-in.

import * as api from '#shared/api/home.ts';
import { readHome } from '#shared/home/home.ts';
import { customerHttpHandler } from '#shared/http/customer-handler.ts';
import { DEFAULT_LOCALE } from '#shared/i18n/locale.ts';

export const handler = customerHttpHandler(api.getHome, async ({ customer, query }) => {
  return { body: await readHome(customer, query.locale ?? DEFAULT_LOCALE) };
});
