// The questions a technical ticket on one of the account's assets asks: its product's fields, for the form to render.

import { customerHttpHandler } from '#shared/http/customer-handler.ts';
import { assetLabel, getAccountAsset } from '#shared/assets/model.ts';
import { DEFAULT_TICKET_FIELDS } from '#shared/tickets/fields.ts';
import { fieldsForAsset } from '#shared/tickets/ticket-fields-store.ts';
import * as api from '#shared/api/tickets.ts';

export const handler = customerHttpHandler(api.getTicketFields, async ({ customer, query }) => {
  if (!query.assetId) return { body: { fields: DEFAULT_TICKET_FIELDS } };
  const asset = await getAccountAsset(customer.accountId, query.assetId);
  return { body: { assetId: asset.assetId, assetLabel: assetLabel(asset), ...(await fieldsForAsset(asset)) } };
});
