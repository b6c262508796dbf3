// The claim of one received mail (issue #13, replies by e-mail): written once per Message-ID, in the same transaction
// as the reply it adds (or alone, when the mail was refused), so a redelivered mail finds it and changes nothing.

import { createHash } from 'node:crypto';
import { GetCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { lazySchema, parseItem, type Item } from '#shared/db/entity.ts';
import { keys } from '#shared/db/keys.ts';
import { TTL_ATTRIBUTE } from '#shared/db/table.ts';
import * as z from '#shared/validation.ts';

/** What became of a received mail. */
export const INBOUND_OUTCOMES = ['appended', 'closed-ticket', 'unknown-ticket', 'not-a-contact', 'empty', 'refused-verdict'] as const;
export type InboundOutcome = (typeof INBOUND_OUTCOMES)[number];

/** SES and S3 redeliver within hours; the claim is kept long enough to answer any redelivery, then expires. */
export const CLAIM_DAYS = 90;

export interface TicketMailClaim {
  /** SHA-256 (hex) of the mail's Message-ID (or of the raw mail, when it carries none). */
  messageHash: string;
  outcome: InboundOutcome;
  ticketNumber?: number;
  /** The stored raw mail (`inbound/...` in the files bucket). */
  objectKey: string;
  receivedAt: string;
}

const claimSchema = /* @__PURE__ */ lazySchema(() =>
  z.object({
    messageHash: z.string(),
    outcome: z.enum(INBOUND_OUTCOMES),
    ticketNumber: z.optional(z.number()),
    objectKey: z.string(),
    receivedAt: z.string(),
  }),
);

/** The hash a mail is claimed under: its Message-ID as written (angle brackets and case ignored), else its raw bytes. */
export function messageHash(messageId: string | undefined, raw: Uint8Array): string {
  const id = messageId?.trim().replace(/^<|>$/g, '').toLowerCase();
  return createHash('sha256')
    .update(id ? `id:${id}` : 'raw:')
    .update(id ? '' : raw)
    .digest('hex');
}

export function ticketMailClaimItem(claim: TicketMailClaim): Item {
  const expires = Math.floor(Date.parse(claim.receivedAt) / 1000) + CLAIM_DAYS * 24 * 3600;
  return { ...keys.ticketMailClaim(claim.messageHash), type: 'TicketMailClaim', ...claim, [TTL_ATTRIBUTE]: expires };
}

export function ticketMailClaimFromItem(item: Item): TicketMailClaim {
  return parseItem('TicketMailClaim', claimSchema, item);
}

/** The claim of a mail already handled, or undefined: one strongly consistent GetItem. */
export async function findTicketMailClaim(hash: string): Promise<TicketMailClaim | undefined> {
  const found = await db().send(new GetCommand({ TableName: tableName(), Key: keys.ticketMailClaim(hash), ConsistentRead: true }));
  return found.Item ? ticketMailClaimFromItem(found.Item) : undefined;
}

/** The transaction item that takes the claim, failing if another delivery of the same mail took it first. */
export function claimPut(claim: TicketMailClaim) {
  return {
    Put: { TableName: tableName(), Item: ticketMailClaimItem(claim), ConditionExpression: 'attribute_not_exists(PK)' },
  };
}
