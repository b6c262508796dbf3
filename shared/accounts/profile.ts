// The customer's profile: their own personal data (any role), the account's legal data and postal address (owner:
// company data goes to staff verification, shared/accounts/verification.ts) and its billing address (owner, billing).

import {
  type Account,
  accountFromItem,
  accountKey,
  type Address,
  getAccount,
  type LegalData,
  legalDataOf,
} from '#shared/accounts/account.ts';
import type { CustomerCaller } from '#shared/accounts/caller.ts';
import { type Person, updatePerson } from '#shared/accounts/person.ts';
import { accountMayPay, type CompanyVerification, verificationItem } from '#shared/accounts/verification.ts';
import { checkVatId } from '#shared/accounts/vat.ts';
import type { myProfile, personalInput, accountProfileInput } from '#shared/api/profile.ts';
import type { TransactItem } from '#shared/audit/audit.ts';
import { TransactWriteCommand, UpdateCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { keys } from '#shared/db/keys.ts';
import { AppError, ConflictError, NotFoundError, ValidationError } from '#shared/http/errors.ts';
import { newId } from '#shared/ids.ts';
import { attentionCounterUpdate } from '#shared/staff/attention.ts';
import type * as z from '#shared/validation.ts';

export type MyProfile = z.infer<typeof myProfile>;

function profileOf(caller: CustomerCaller, person: Person, account: Account): MyProfile {
  const { firstName, lastName, phone, locale, timeZone } = person;
  return {
    email: caller.email,
    role: caller.role,
    person: {
      ...(firstName ? { firstName } : {}),
      ...(lastName ? { lastName } : {}),
      ...(phone ? { phone } : {}),
      ...(locale ? { locale } : {}),
      ...(timeZone ? { timeZone } : {}),
    },
    account: {
      accountId: account.accountId,
      name: account.name,
      ...(account.country ? { country: account.country } : {}),
      legal: legalDataOf(account),
      ...(account.postalAddress ? { postalAddress: account.postalAddress } : {}),
      ...(account.billingAddress ? { billingAddress: account.billingAddress } : {}),
    },
    ...(account.verification ? { verification: verificationView(account.verification) } : {}),
    mayPay: accountMayPay(account),
  };
}

/** The verification as the customer sees it: everything but its internal id. */
function verificationView({ verificationId: _id, ...shown }: NonNullable<Account['verification']>): NonNullable<MyProfile['verification']> {
  return shown;
}

async function accountOf(caller: CustomerCaller, consistent = false): Promise<Account> {
  const account = await getAccount(caller.accountId, consistent);
  if (!account) throw new NotFoundError('No such account.');
  return account;
}

/** The caller's profile: the person comes with the caller, the account is one GetItem. */
export async function getMyProfile(caller: CustomerCaller): Promise<MyProfile> {
  return profileOf(caller, caller.person, await accountOf(caller));
}

/**
 * Saves the caller's own name, phone, language and time zone (one UpdateItem of their person item; no phone removes
 * it). The language is Atrium's own setting, read by every mail to this person (recipientsFor): the identity port has
 * no call to change a user's attributes, so Cognito's own mails keep the language chosen at sign-up.
 */
export async function updateMyPersonalData(caller: CustomerCaller, input: z.infer<typeof personalInput>, now: Date): Promise<MyProfile> {
  const [person, account] = await Promise.all([
    updatePerson(caller.userId, {
      firstName: input.firstName,
      lastName: input.lastName,
      phone: input.phone,
      locale: input.locale,
      timeZone: input.timeZone,
      updatedAt: now.toISOString(),
    }),
    accountOf(caller),
  ]);
  return profileOf(caller, person, account);
}

/** The billing address printed on invoices: one UpdateItem, taken at once. */
export async function updateBillingAddress(caller: CustomerCaller, billingAddress: Address): Promise<MyProfile> {
  const result = await db().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: accountKey(caller.accountId),
      UpdateExpression: 'SET billingAddress = :address',
      ConditionExpression: 'attribute_exists(PK)',
      ExpressionAttributeValues: { ':address': billingAddress },
      ReturnValues: 'ALL_NEW',
    }),
  );
  if (!result.Attributes) throw new NotFoundError('No such account.');
  return profileOf(caller, caller.person, accountFromItem(result.Attributes));
}

function vatError(code: string, message: string): AppError {
  return new AppError(400, code, message, [{ path: 'body.vatId', message }]);
}

/** The legal data a submission names, checked: a company has all three parts and a VAT id of the account's country. */
function submittedLegalData(account: Account, input: z.infer<typeof accountProfileInput>): LegalData {
  if (input.profileType === 'individual') return { profileType: 'individual' };
  const missing = (['companyName', 'vatId', 'registeredAddress'] as const).filter((field) => input[field] === undefined);
  if (missing.length > 0) {
    throw new ValidationError(
      'A company needs its name, VAT id and registered address.',
      missing.map((field) => ({ path: `body.${field}`, message: 'required for a company' })),
    );
  }
  if (!account.country) {
    throw vatError('COUNTRY_NOT_SET', 'Your account has no country yet, so the VAT id cannot be checked. Contact us to set it.');
  }
  const check = checkVatId(input.vatId!, account.country);
  if (!check.ok) {
    throw check.code === 'VAT_ID_COUNTRY_MISMATCH'
      ? vatError(
          check.code,
          `The VAT id must be one of ${account.country}, starting with ${check.expected}: the account's country. Contact us to change the country.`,
        )
      : vatError(check.code, `This is not a valid VAT id of ${account.country}${check.example ? ` (for example ${check.example})` : ''}.`);
  }
  return {
    profileType: 'company',
    companyName: input.companyName!,
    vatId: check.vatId,
    registeredAddress: withoutEmpty(input.registeredAddress!),
  };
}

function withoutEmpty(address: Address): Address {
  const { line2, ...rest } = address;
  return line2 ? { ...rest, line2 } : rest;
}

function sameLegalData(one: LegalData, other: LegalData): boolean {
  const canonical = (legal: LegalData) =>
    JSON.stringify([
      legal.profileType,
      legal.companyName ?? null,
      legal.vatId ?? null,
      legal.registeredAddress
        ? [
            legal.registeredAddress.line1,
            legal.registeredAddress.line2 ?? '',
            legal.registeredAddress.postalCode,
            legal.registeredAddress.city,
          ]
        : null,
    ]);
  return canonical(one) === canonical(other);
}

/**
 * The owner's account profile: the postal address is taken at once; legal data that differs from the verified data
 * (a company, or a company becoming an individual) is stored as a submission awaiting staff verification, which
 * replaces one still awaiting. An individual staying an individual needs no verification (and withdraws a submission
 * still awaiting). One transaction: the account, the submission and the attention counter.
 */
export async function submitAccountProfile(
  caller: CustomerCaller,
  input: z.infer<typeof accountProfileInput>,
  now: Date,
): Promise<MyProfile> {
  const account = await accountOf(caller, true);
  const legal = submittedLegalData(account, input);
  const current = legalDataOf(account);
  const pending = account.verification?.status === 'awaiting' ? account.verification : undefined;

  const names: Record<string, string> = { '#verification': 'verification', '#status': 'status', '#postal': 'postalAddress' };
  const values: Record<string, unknown> = { ':awaiting': 'awaiting' };
  const sets: string[] = [];
  const removes: string[] = [];
  if (input.postalAddress) {
    sets.push('#postal = :postal');
    values[':postal'] = withoutEmpty(input.postalAddress);
  } else removes.push('#postal');
  const items: TransactItem[] = [];

  const submission = (verificationId: string, submittedAt: string): CompanyVerification => ({
    accountId: account.accountId,
    accountName: account.name,
    verificationId,
    status: 'awaiting',
    submittedAt,
    submittedBy: { userId: caller.userId, email: caller.email },
    submitted: legal,
    previous: current,
  });

  if (legal.profileType === 'individual' && current.profileType === 'individual') {
    // Nothing for staff to verify: an individual stays one. A submission still awaiting is withdrawn.
    sets.push('profileType = :individual');
    values[':individual'] = 'individual';
    if (account.verification && account.verification.status !== 'verified') removes.push('#verification');
    if (pending) {
      items.push({
        Update: {
          TableName: tableName(),
          Key: keys.companyVerification(account.accountId, pending.verificationId),
          UpdateExpression: 'SET #status = :withdrawn, decidedAt = :at REMOVE GSI1PK, GSI1SK',
          ConditionExpression: '#status = :awaiting',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':withdrawn': 'withdrawn', ':at': now.toISOString(), ':awaiting': 'awaiting' },
        },
      });
      items.push(attentionCounterUpdate('companies-awaiting-verification', -1));
    }
  } else if (pending && !sameLegalData(legal, pending.submitted)) {
    // A newer submission replaces the one awaiting; it keeps its place in the queue.
    const replaced = submission(pending.verificationId, pending.submittedAt);
    sets.push('#verification = :verification');
    values[':verification'] = {
      verificationId: pending.verificationId,
      status: 'awaiting',
      submittedAt: pending.submittedAt,
      submitted: legal,
    };
    items.push({
      Put: {
        TableName: tableName(),
        Item: verificationItem(replaced),
        ConditionExpression: '#status = :awaiting',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':awaiting': 'awaiting' },
      },
    });
  } else if (!pending && !sameLegalData(legal, current)) {
    const submittedAt = now.toISOString();
    const created = submission(newId(now), submittedAt);
    sets.push('#verification = :verification');
    values[':verification'] = { verificationId: created.verificationId, status: 'awaiting', submittedAt, submitted: legal };
    items.push({ Put: { TableName: tableName(), Item: verificationItem(created), ConditionExpression: 'attribute_not_exists(PK)' } });
    items.push(attentionCounterUpdate('companies-awaiting-verification', 1));
  }

  const condition = pending
    ? '#verification.#id = :pendingId AND #verification.#status = :awaiting'
    : 'attribute_exists(PK) AND (attribute_not_exists(#verification) OR #verification.#status <> :awaiting)';
  if (pending) {
    names['#id'] = 'verificationId';
    values[':pendingId'] = pending.verificationId;
  }
  const accountUpdate: TransactItem = {
    Update: {
      TableName: tableName(),
      Key: accountKey(account.accountId),
      UpdateExpression: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
      ConditionExpression: condition,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  };
  try {
    await db().send(new TransactWriteCommand({ TransactItems: [accountUpdate, ...items] }));
  } catch (error) {
    if ((error as Error).name === 'TransactionCanceledException') {
      throw new ConflictError('The account profile changed meanwhile (perhaps staff decided it). Reload and try again.', 'PROFILE_CHANGED');
    }
    throw error;
  }
  return profileOf(caller, caller.person, await accountOf(caller, true));
}
