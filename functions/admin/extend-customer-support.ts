// Staff: moves a customer's support subscription to a later end day (and its licence's end of support), audited.

import { httpHandler } from '#shared/http/handler.ts';
import { extendSupport } from '#shared/support/extend-support.ts';
import * as api from '#shared/api/customer-page.ts';

export const handler = httpHandler(api.extendSupport, async ({ path, body, audit }) => {
  return { body: await extendSupport({ ...path, commit: audit.commit }, body.endsOn) };
});
