// Company verification: a company profile, and any later change of its legal data (type, company name, VAT id,
// registered address), waits for staff (billing) as a verification item; the account keeps its verified data until
// they approve. While it waits, checkout and paying invoices are refused (assertMayPay / mayPay, called by issue #14's
// routes). The staff's queue is one GSI1 partition, oldest first; the decision takes the item out of it, moves the
// attention counter and writes the audit entry in one transaction, then mails the customer.

import {
  type Account,
  accountKey,
  type AccountVerification,
  getAccount,
  type LegalData,
  legalDataItemSchema,
  legalDataOf,
} from '#shared/accounts/account.ts';
import { getPerson } from '#shared/accounts/person.ts';
import type { AuditTrail, TransactItem } from '#shared/audit/audit.ts';
import { changesBetween } from '#shared/audit/audit.ts';
import { GetCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { lazySchema, parseItem, type Item } from '#shared/db/entity.ts';
import { keys } from '#shared/db/keys.ts';
import { queryPage, type Page } from '#shared/db/page.ts';
import { ConflictError, ForbiddenError, NotFoundError } from '#shared/http/errors.ts';
import { DEFAULT_LOCALE } from '#shared/i18n/locale.ts';
import { sendMail } from '#shared/mail/send.ts';
import { companyVerificationMail } from '#shared/mail/templates.ts';
import { recipientsFor } from '#shared/notifications/recipients.ts';
import { logger } from '#shared/observability/logger.ts';
import { accountSearchItems, searchItemChanges } from '#shared/search/search-entry.ts';
import { attentionCounterUpdate } from '#shared/staff/attention.ts';
import * as z from '#shared/validation.ts';

export type VerificationStatus = 'awaiting' | 'verified' | 'rejected' | 'withdrawn';

export interface CompanyVerification {
  accountId: string;
  /** The account's name when submitted: the queue lists it without reading the account. */
  accountName: string;
  verificationId: string;
  status: VerificationStatus;
  submittedAt: string;
  submittedBy: { userId: string; email: string };
  submitted: LegalData;
  /** The account's verified legal data when this was (last) submitted. */
  previous: LegalData;
  decidedAt?: string;
  decidedBy?: { userId: string; email?: string };
  reason?: string;
}

/** The one GSI1 partition of the submissions awaiting a decision. */
export const VERIFICATIONS_QUEUE = keys.verificationsQueue('', '').GSI1PK;

const verificationSchema = /* @__PURE__ */ lazySchema(() =>
  z.object({
    accountId: z.string(),
    accountName: z.string(),
    verificationId: z.string(),
    status: z.enum(['awaiting', 'verified', 'rejected', 'withdrawn']),
    submittedAt: z.string(),
    submittedBy: z.object({ userId: z.string(), email: z.string() }),
    submitted: legalDataItemSchema(),
    previous: legalDataItemSchema(),
    decidedAt: z.optional(z.string()),
    decidedBy: z.optional(z.object({ userId: z.string(), email: z.optional(z.string()) })),
    reason: z.optional(z.string()),
  }),
);

export function verificationItem(verification: CompanyVerification): Item {
  return {
    ...keys.companyVerification(verification.accountId, verification.verificationId),
    ...(verification.status === 'awaiting' ? keys.verificationsQueue(verification.submittedAt, verification.accountId) : {}),
    type: 'CompanyVerification',
    ...verification,
  };
}

export function verificationFromItem(item: Item): CompanyVerification {
  return parseItem('CompanyVerification', verificationSchema, item);
}

// --- The payment check (issue #14) -----------------------------------------------------------------------------------

/**
 * Whether the account may check out and pay invoices: not while submitted legal data awaits verification, nor after
 * staff refused a company that has no verified company data yet. An individual, or a verified company, may pay.
 */
export function accountMayPay(account: Pick<Account, 'profileType' | 'verification'>): boolean {
  const verification = account.verification;
  if (!verification) return true;
  if (verification.status === 'awaiting') return false;
  if (verification.status === 'rejected') return !(verification.submitted.profileType === 'company' && account.profileType !== 'company');
  return true;
}

export class CompanyNotVerifiedError extends ForbiddenError {
  constructor() {
    super(
      'Checkout and paying invoices are blocked until we verify your company data. See Account → Profile for its status.',
      'COMPANY_NOT_VERIFIED',
    );
  }
}

/** Throws 403 COMPANY_NOT_VERIFIED unless the account may pay (for a use case that has read the account already). */
export function assertMayPay(account: Pick<Account, 'profileType' | 'verification'>): void {
  if (!accountMayPay(account)) throw new CompanyNotVerifiedError();
}

/** Reads the account (one GetItem) and throws 403 COMPANY_NOT_VERIFIED unless it may pay; 404 for no account. */
export async function mayPay(accountId: string): Promise<void> {
  const account = await getAccount(accountId, true);
  if (!account) throw new NotFoundError('No such account.');
  assertMayPay(account);
}

// --- The staff's queue -----------------------------------------------------------------------------------------------

export interface VerificationSummary {
  accountId: string;
  accountName: string;
  verificationId: string;
  submittedAt: string;
  submittedBy?: string;
  submitted: LegalData;
}

/**
 * The submissions awaiting a decision, oldest first: one Query of the queue partition. Each item carries the account's
 * name when submitted, so the list needs no second read.
 */
export async function listAwaitingVerifications(page: { limit?: number; cursor?: string }): Promise<Page<VerificationSummary>> {
  return queryPage({ index: 'GSI1', partition: VERIFICATIONS_QUEUE, ...page }, (item) => {
    const verification = verificationFromItem(item);
    return {
      accountId: verification.accountId,
      accountName: verification.accountName,
      verificationId: verification.verificationId,
      submittedAt: verification.submittedAt,
      submittedBy: verification.submittedBy.email,
      submitted: verification.submitted,
    };
  });
}

export interface VerificationDetail {
  accountId: string;
  accountName: string;
  country?: string;
  verificationId: string;
  status: VerificationStatus;
  submittedAt: string;
  submittedBy?: string;
  submitted: LegalData;
  previous: LegalData;
  decidedAt?: string;
  decidedBy?: string;
  reason?: string;
}

function detailOf(account: Account, verification: CompanyVerification): VerificationDetail {
  return {
    accountId: account.accountId,
    accountName: account.name,
    ...(account.country ? { country: account.country } : {}),
    verificationId: verification.verificationId,
    status: verification.status,
    submittedAt: verification.submittedAt,
    submittedBy: verification.submittedBy.email,
    submitted: verification.submitted,
    previous: verification.previous,
    ...(verification.decidedAt ? { decidedAt: verification.decidedAt } : {}),
    ...(verification.decidedBy ? { decidedBy: verification.decidedBy.email ?? verification.decidedBy.userId } : {}),
    ...(verification.reason ? { reason: verification.reason } : {}),
  };
}

async function latestVerification(
  accountId: string,
  consistent: boolean,
): Promise<{ account: Account; verification: CompanyVerification }> {
  const account = await getAccount(accountId, consistent);
  if (!account?.verification) throw new NotFoundError('This account has no company data submitted for verification.');
  const found = await db().send(
    new GetCommand({
      TableName: tableName(),
      Key: keys.companyVerification(accountId, account.verification.verificationId),
      ConsistentRead: consistent,
    }),
  );
  if (!found.Item) throw new NotFoundError('This account has no company data submitted for verification.');
  return { account, verification: verificationFromItem(found.Item) };
}

/** An account's latest verification, submitted and previous data side by side (two GetItems). 404 if it has none. */
export async function getVerificationDetail(accountId: string): Promise<VerificationDetail> {
  const { account, verification } = await latestVerification(accountId, false);
  return detailOf(account, verification);
}

/** The account fields the audit compares when legal data is decided. */
const AUDITED_FIELDS = ['profileType', 'companyName', 'vatId', 'registeredAddress'] as const;

function conditionFailed(error: unknown): boolean {
  if ((error as Error).name !== 'TransactionCanceledException') return false;
  const reasons = (error as { CancellationReasons?: Array<{ Code?: string }> }).CancellationReasons ?? [];
  return reasons.some((reason) => reason?.Code === 'ConditionalCheckFailed');
}

/**
 * Approves or rejects the awaiting submission `verificationId` of an account, in one transaction with the audit entry:
 * approved, the submitted data becomes the account's (and the search index follows its name and VAT id); rejected, the
 * account keeps its data and the customer reads the reason. The submission leaves the queue and the counter goes -1.
 * Then the account's `orders` recipients and the submitter are mailed the decision.
 */
export async function decideVerification(input: {
  accountId: string;
  verificationId: string;
  decision: 'verified' | 'rejected';
  reason: string;
  now: Date;
  audit: AuditTrail;
}): Promise<VerificationDetail> {
  const { account, verification } = await latestVerification(input.accountId, true);
  if (verification.verificationId !== input.verificationId || verification.status !== 'awaiting') {
    throw new ConflictError(
      'This submission is no longer awaiting a decision (it was decided, or the customer submitted newer data). Reload it.',
      'VERIFICATION_NOT_AWAITING',
    );
  }
  const decidedAt = input.now.toISOString();
  const staff = input.audit.staff;
  const before = legalDataOf(account);
  const approved = input.decision === 'verified';
  const after: Account = approved ? applyLegalData(account, verification.submitted) : account;
  const summary: AccountVerification = {
    verificationId: verification.verificationId,
    status: input.decision,
    submittedAt: verification.submittedAt,
    submitted: verification.submitted,
    decidedAt,
    reason: input.reason,
  };

  const sets: Record<string, unknown> = { verification: summary };
  const removes: string[] = [];
  if (approved) {
    sets.profileType = after.profileType;
    sets.name = after.name;
    for (const field of ['vatId', 'registeredAddress'] as const) {
      if (after[field] === undefined) removes.push(field);
      else sets[field] = after[field];
    }
  }
  const names: Record<string, string> = { '#verification': 'verification', '#id': 'verificationId', '#status': 'status' };
  const values: Record<string, unknown> = { ':id': verification.verificationId, ':awaiting': 'awaiting' };
  const setParts: string[] = [];
  for (const [field, value] of Object.entries(sets)) {
    names[`#${field}`] = field;
    values[`:${field}`] = value;
    setParts.push(`#${field} = :${field}`);
  }
  for (const field of removes) names[`#${field}`] = field;
  const accountUpdate: TransactItem = {
    Update: {
      TableName: tableName(),
      Key: accountKey(account.accountId),
      UpdateExpression: `SET ${setParts.join(', ')}${removes.length ? ` REMOVE ${removes.map((field) => `#${field}`).join(', ')}` : ''}`,
      ConditionExpression: '#verification.#id = :id AND #verification.#status = :awaiting',
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  };
  const decidedBy = { userId: staff.userId, ...(staff.email ? { email: staff.email } : {}) };
  const itemUpdate: TransactItem = {
    Update: {
      TableName: tableName(),
      Key: keys.companyVerification(account.accountId, verification.verificationId),
      UpdateExpression: 'SET #status = :status, decidedAt = :at, decidedBy = :by, reason = :reason REMOVE GSI1PK, GSI1SK',
      ConditionExpression: '#status = :awaiting',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: {
        ':status': input.decision,
        ':at': decidedAt,
        ':by': decidedBy,
        ':reason': input.reason,
        ':awaiting': 'awaiting',
      },
    },
  };
  const search = approved ? searchItemChanges(accountSearchItems(account), accountSearchItems(after)) : { put: [], delete: [] };
  const items: TransactItem[] = [
    accountUpdate,
    itemUpdate,
    attentionCounterUpdate('companies-awaiting-verification', -1),
    ...search.put.map((Item) => ({ Put: { TableName: tableName(), Item } })),
    ...search.delete.map((Key) => ({ Delete: { TableName: tableName(), Key } })),
  ];
  try {
    await input.audit.commit({
      target: { kind: 'account', id: account.accountId, accountId: account.accountId, label: account.name },
      changes: approved
        ? changesBetween(before, legalDataOf(after), AUDITED_FIELDS)
        : changesBetween({ status: 'awaiting' }, { status: 'rejected' }, ['status']),
      items,
    });
  } catch (error) {
    if (conditionFailed(error)) {
      throw new ConflictError('This submission was decided or replaced meanwhile. Reload it.', 'VERIFICATION_NOT_AWAITING');
    }
    throw error;
  }
  const decided: CompanyVerification = { ...verification, status: input.decision, decidedAt, decidedBy, reason: input.reason };
  await mailDecision(after, decided);
  return detailOf(after, decided);
}

/** The account with this legal data as its verified data (a company's name becomes the account's name). */
export function applyLegalData(account: Account, legal: LegalData): Account {
  const { vatId: _vatId, registeredAddress: _registered, ...rest } = account;
  if (legal.profileType === 'individual') return { ...rest, profileType: 'individual' };
  return {
    ...rest,
    profileType: 'company',
    name: legal.companyName ?? account.name,
    ...(legal.vatId ? { vatId: legal.vatId } : {}),
    ...(legal.registeredAddress ? { registeredAddress: legal.registeredAddress } : {}),
  };
}

/**
 * The decision goes to the account's `orders` recipients (orders and invoices: who pays) and to the person who
 * submitted, each in their language. A mail that cannot be sent is logged: the decision stands.
 */
async function mailDecision(account: Account, verification: CompanyVerification): Promise<void> {
  try {
    const [recipients, submitter] = await Promise.all([
      recipientsFor(account.accountId, 'orders'),
      getPerson(verification.submittedBy.userId),
    ]);
    const all = new Map(recipients.map((recipient) => [recipient.email, recipient.locale]));
    if (!all.has(verification.submittedBy.email)) all.set(verification.submittedBy.email, submitter.locale ?? DEFAULT_LOCALE);
    await Promise.all(
      [...all].map(([email, locale]) =>
        sendMail(
          companyVerificationMail(
            email,
            {
              approved: verification.status === 'verified',
              accountName: account.name,
              reason: verification.reason ?? '',
            },
            locale,
          ),
        ),
      ),
    );
  } catch (error) {
    logger.error('the company verification decision was not mailed', { error });
  }
}
