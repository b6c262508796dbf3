// The product ticket fields' item in the CATALOGUE partition (`TICKETFIELDS#<productId>`): its reads, the fields an
// asset's ticket asks, and the staff's audited replacement of a product's definition.

import type { AuditTrail } from '#shared/audit/audit.ts';
import { changesBetween } from '#shared/audit/audit.ts';
import { GetCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { lazySchema, parseItem, type Item } from '#shared/db/entity.ts';
import { keys } from '#shared/db/keys.ts';
import { ConflictError, NotFoundError } from '#shared/http/errors.ts';
import { nowIso } from '#shared/time.ts';
import { DEFAULT_TICKET_FIELDS, type TicketField, type TicketFieldsDefinition, ticketFieldListSchema } from '#shared/tickets/fields.ts';
import * as z from '#shared/validation.ts';

const definitionSchema = /* @__PURE__ */ lazySchema(() =>
  z.object({ productId: z.string(), fields: ticketFieldListSchema(), updatedAt: z.string(), updatedBy: z.optional(z.string()) }),
);

export function ticketFieldsItem(definition: TicketFieldsDefinition): Item {
  return { ...keys.ticketFields(definition.productId), type: 'TicketFields', ...definition };
}

export function ticketFieldsFromItem(item: Item): TicketFieldsDefinition {
  return parseItem('TicketFields', definitionSchema, item);
}

/** The product's own definition, or undefined: one GetItem. */
export async function findTicketFields(productId: string): Promise<TicketFieldsDefinition | undefined> {
  const result = await db().send(new GetCommand({ TableName: tableName(), Key: keys.ticketFields(productId) }));
  return result.Item ? ticketFieldsFromItem(result.Item) : undefined;
}

/** What a technical ticket on an asset asks: its product's definition, else the default (the category fallback). */
export async function fieldsForAsset(asset: { productId?: string | undefined }): Promise<{ productId?: string; fields: TicketField[] }> {
  if (!asset.productId) return { fields: DEFAULT_TICKET_FIELDS };
  const definition = await findTicketFields(asset.productId);
  return { productId: asset.productId, fields: definition?.fields ?? DEFAULT_TICKET_FIELDS };
}

/** A product's definition for the staff editor: its own, or the default it asks until edited (`isDefault`). */
export async function getTicketFieldsForStaff(
  productId: string,
): Promise<{ productId: string; fields: TicketField[]; isDefault: boolean; updatedAt?: string; updatedBy?: string }> {
  await requireProduct(productId);
  const definition = await findTicketFields(productId);
  if (!definition) return { productId, fields: DEFAULT_TICKET_FIELDS, isDefault: true };
  return { ...definition, isDefault: false };
}

async function requireProduct(productId: string): Promise<void> {
  const product = await db().send(new GetCommand({ TableName: tableName(), Key: keys.catalogueProduct(productId) }));
  if (!product.Item) throw new NotFoundError('No such product.');
}

/** Staff: replaces a product's definition; the change and its audit entry are one transaction. */
export async function setTicketFields(
  productId: string,
  fields: TicketField[],
  audit: AuditTrail,
): Promise<{ productId: string; fields: TicketField[]; isDefault: boolean; updatedAt?: string; updatedBy?: string }> {
  const before = await findTicketFields(productId);
  const after: TicketFieldsDefinition = {
    productId,
    fields,
    updatedAt: nowIso(),
    ...(audit.staff.email ? { updatedBy: audit.staff.email } : {}),
  };
  const TableName = tableName();
  try {
    await audit.commit({
      target: { kind: 'catalogue', id: `ticket-fields:${productId}`, label: productId },
      changes: changesBetween(before, after, ['fields']),
      items: [
        // The product must exist; the definition as read is the one replaced (a concurrent edit → 409).
        { ConditionCheck: { TableName, Key: keys.catalogueProduct(productId), ConditionExpression: 'attribute_exists(PK)' } },
        {
          Put: {
            TableName,
            Item: ticketFieldsItem(after),
            ...(before
              ? { ConditionExpression: 'updatedAt = :read', ExpressionAttributeValues: { ':read': before.updatedAt } }
              : { ConditionExpression: 'attribute_not_exists(PK)' }),
          },
        },
      ],
    });
  } catch (error) {
    if ((error as Error).name !== 'TransactionCanceledException') throw error;
    const reasons = (error as { CancellationReasons?: Array<{ Code?: string }> }).CancellationReasons ?? [];
    if (reasons[0]?.Code === 'ConditionalCheckFailed') throw new NotFoundError('No such product.');
    throw new ConflictError('The ticket fields were changed at the same moment. Reload and try again.', 'TICKET_FIELDS_CHANGED');
  }
  return { ...after, isDefault: false };
}
