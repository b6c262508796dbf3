// Opens a ticket for a customer: administrative (no asset) or technical (an asset of theirs under an active contract,
// with its product's own fields answered), numbered from the counter, then confirmed by mail.

import type { CustomerCaller } from '#shared/accounts/caller.ts';
import { getAccount } from '#shared/accounts/account.ts';
import { ROLE_AREAS } from '#shared/accounts/roles.ts';
import type * as api from '#shared/api/tickets.ts';
import { type Asset, assetLabel, getAccountAsset } from '#shared/assets/model.ts';
import { contractStatus } from '#shared/contracts/account-contracts.ts';
import { contractFromItem } from '#shared/contracts/contract.ts';
import { GetCommand, PutCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { keys } from '#shared/db/keys.ts';
import { AppError, ForbiddenError, NotFoundError } from '#shared/http/errors.ts';
import { DEFAULT_LOCALE } from '#shared/i18n/locale.ts';
import { logger } from '#shared/observability/logger.ts';
import { now } from '#shared/time.ts';
import { validateTicketFields } from '#shared/tickets/fields.ts';
import { fieldsForAsset } from '#shared/tickets/ticket-fields-store.ts';
import { nextTicketNumber, type Ticket, type TicketFieldAnswers, ticketItem } from '#shared/tickets/model.ts';
import { mailTicketReceived } from '#shared/tickets/tickets-mail.ts';
import type * as z from '#shared/validation.ts';
import { supportCalendar } from '#shared/tickets/business-hours.ts';
import { contractSlaLevel, withSlaDueTimes } from '#shared/tickets/sla.ts';

export type OpenTicketInput = z.output<typeof api.openTicketInput>;

/** Contracts under which technical tickets are taken: running, including their last 30 days. */
const SUPPORTED = new Set(['active', 'expiring']);

/** What a technical ticket was opened on, as the ticket keeps it. */
export interface TicketAsset {
  asset: Asset;
  productId?: string;
  fields: TicketFieldAnswers;
}

/**
 * The new ticket as written: status `new`, the caller as requester, no SLA due times (the SLA helper wraps this one
 * call: `withSlaDueTimes(newTicket(...))`).
 */
export function newTicket(input: {
  ticketNumber: number;
  caller: Pick<CustomerCaller, 'userId' | 'email' | 'accountId' | 'person'>;
  accountName: string;
  body: OpenTicketInput;
  technical?: TicketAsset;
  at: string;
}): Ticket {
  const { body, caller, technical } = input;
  const name = [caller.person.firstName, caller.person.lastName].filter(Boolean).join(' ');
  return {
    ticketNumber: input.ticketNumber,
    accountId: caller.accountId,
    accountName: input.accountName,
    kind: body.kind,
    subject: body.subject,
    description: body.description,
    priority: body.priority,
    status: 'new',
    ...(body.kind === 'administrative' ? { relation: body.relation } : {}),
    ...(technical
      ? {
          assetId: technical.asset.assetId,
          assetLabel: assetLabel(technical.asset),
          contractNumber: technical.asset.contractNumber,
          ...(technical.productId ? { productId: technical.productId } : {}),
          fields: technical.fields,
        }
      : {}),
    requester: { userId: caller.userId, email: caller.email, ...(name ? { name } : {}) },
    createdAt: input.at,
    updatedAt: input.at,
    messageCount: 0,
  };
}

/** The caller's asset with its contract checked to be running; 404 for another account's, 400 when not under support. */
export async function supportedAsset(accountId: string, assetId: string, at: Date): Promise<Asset> {
  const asset = await getAccountAsset(accountId, assetId);
  const result = await db().send(new GetCommand({ TableName: tableName(), Key: keys.contract(asset.contractNumber) }));
  const contract = result.Item ? contractFromItem(result.Item) : undefined;
  // An asset whose contract went elsewhere is not this account's to ask about.
  if (contract?.accountId !== undefined && contract.accountId !== accountId) throw new NotFoundError('No such asset.');
  if (!contract || !SUPPORTED.has(contractStatus(contract.startsOn, contract.endsOn, at))) {
    throw new AppError(
      400,
      'CONTRACT_NOT_ACTIVE',
      'The contract covering this asset is not active: technical tickets need a running support contract.',
      {
        contractNumber: asset.contractNumber,
      },
    );
  }
  return asset;
}

async function technicalPart(
  caller: CustomerCaller,
  body: Extract<OpenTicketInput, { kind: 'technical' }>,
  at: Date,
): Promise<TicketAsset> {
  const asset = await supportedAsset(caller.accountId, body.assetId, at);
  const { productId, fields } = await fieldsForAsset(asset);
  const answers = validateTicketFields(fields, body.fields);
  return { asset, ...(productId ? { productId } : {}), fields: answers };
}

export async function openTicket(caller: CustomerCaller, body: OpenTicketInput): Promise<Ticket> {
  const at = now();
  if (body.kind === 'technical' && !(ROLE_AREAS.technicalWrite as readonly string[]).includes(caller.role)) {
    throw new ForbiddenError('Technical tickets are opened by the account’s owners and technical contacts.', 'ROLE_NOT_ALLOWED');
  }
  const [account, technical] = await Promise.all([
    getAccount(caller.accountId),
    body.kind === 'technical' ? technicalPart(caller, body, at) : Promise.resolve(undefined),
  ]);
  if (!account) throw new NotFoundError('No such account.');
  const [ticketNumber, slaLevel] = await Promise.all([nextTicketNumber(), contractSlaLevel(technical?.asset.contractNumber)]);
  // Due times from the contract's SLA level (administrative tickets: the standard level) in business hours.
  const ticket = withSlaDueTimes(
    newTicket({
      ticketNumber,
      caller,
      accountName: account.name,
      body,
      ...(technical ? { technical } : {}),
      at: at.toISOString(),
    }),
    slaLevel,
    supportCalendar(),
  );
  await db().send(new PutCommand({ TableName: tableName(), Item: ticketItem(ticket), ConditionExpression: 'attribute_not_exists(PK)' }));
  try {
    await mailTicketReceived(ticket, caller.person.locale ?? DEFAULT_LOCALE);
  } catch (error) {
    // The ticket stands: a mail that did not leave must not make the customer open it twice.
    logger.error('ticket confirmation mail failed', { ticketNumber, error: (error as Error).message });
  }
  return ticket;
}
