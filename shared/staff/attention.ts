// What needs the staff's attention, counted as it happens: each kind is one counter item that the use cases changing
// it move in their own transactions (`attentionCounterUpdate`), so the staff dashboard reads every count with one
// Query instead of counting lists. A kind whose counter was never written is not tracked yet (the dashboard says so
// rather than showing a 0 it does not know).

import { QueryCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { lazySchema, parseItem, type Item } from '#shared/db/entity.ts';
import { keys } from '#shared/db/keys.ts';
import type { TransactItem } from '#shared/audit/audit.ts';
import * as z from '#shared/validation.ts';
import { ATTENTION_KIND_NAMES } from '#shared/api/staff.ts';

/** The kinds the dashboard shows, in its order (declared with its contract); later issues' use cases move them. */
export const ATTENTION_KINDS = ATTENTION_KIND_NAMES;
export type AttentionKind = (typeof ATTENTION_KINDS)[number];

const attentionCounterSchema = /* @__PURE__ */ lazySchema(() => z.object({ kind: z.enum(ATTENTION_KINDS), count: z.number() }));

export function attentionCounterFromItem(item: Item): { kind: AttentionKind; count: number } {
  return parseItem('AttentionCounter', attentionCounterSchema, item);
}

/** Adds `delta` (+1 when something starts needing attention, -1 when it is dealt with) in the caller's transaction. */
export function attentionCounterUpdate(kind: AttentionKind, delta: number): TransactItem {
  return {
    Update: {
      TableName: tableName(),
      Key: keys.attentionCounter(kind),
      UpdateExpression: 'SET #type = :type, kind = :kind ADD #count :delta',
      ExpressionAttributeNames: { '#type': 'type', '#count': 'count' },
      ExpressionAttributeValues: { ':type': 'AttentionCounter', ':kind': kind, ':delta': delta },
    },
  };
}

/** Every counter that exists, by kind (one Query of the ATTENTION partition); absent kinds are not tracked yet. */
export async function attentionCounts(): Promise<Partial<Record<AttentionKind, number>>> {
  const result = await db().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': keys.attentionCounter('companies-awaiting-verification').PK },
      Limit: ATTENTION_KINDS.length + 10,
    }),
  );
  const counts: Partial<Record<AttentionKind, number>> = {};
  for (const item of result.Items ?? []) {
    const counter = attentionCounterFromItem(item);
    counts[counter.kind] = counter.count;
  }
  return counts;
}
