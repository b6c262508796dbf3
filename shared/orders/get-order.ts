// One order of the caller's account, with its lines and the contact given at purchase; another account's id is not found.

import { GetCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { NotFoundError } from '#shared/http/errors.ts';
import { orderFromItem, orderKey, toOrder, type Order } from '#shared/orders/model.ts';

export async function getOrder(accountId: string, orderId: string): Promise<Order> {
  const result = await db().send(new GetCommand({ TableName: tableName(), Key: orderKey(accountId, orderId) }));
  if (!result.Item) throw new NotFoundError('The order was not found.');
  return toOrder(orderFromItem(result.Item));
}
