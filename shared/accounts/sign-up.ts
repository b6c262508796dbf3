// Sign-up of a new customer, with or without a support contract: the user in the identity provider, then the account,
// its owner and (if given) the claimed contract in one transaction. An activation code works once: the claim is
// conditional on the contract being unclaimed, so two sign-ups racing with one code cannot both win.

import { TransactWriteCommand } from '#shared/db/commands.ts';
import { accountItem } from '#shared/accounts/account.ts';
import { activationKeyItem } from '#shared/accounts/activation-key.ts';
import { membershipItem } from '#shared/accounts/membership.ts';
import type { Account } from '#shared/accounts/model.ts';
import { checkActivationCode, contractErrors, newCode, type Contract } from '#shared/contracts/activation.ts';
import { contractClaimItems } from '#shared/contracts/claim.ts';
import { config } from '#shared/config.ts';
import { db, tableName } from '#shared/db/client.ts';
import { maskEmail, normaliseEmail } from '#shared/email.ts';
import type { Locale } from '#shared/i18n/locale.ts';
import { identity } from '#shared/identity/index.ts';
import { IDENTITY_ERROR_CODES } from '#shared/identity/port.ts';
import { newId } from '#shared/ids.ts';
import { logger } from '#shared/observability/logger.ts';
import { sendMail } from '#shared/mail/send.ts';
import { alreadyRegisteredMail } from '#shared/mail/templates.ts';
import { accountSearchItems } from '#shared/search/search-entry.ts';
import { nowIso } from '#shared/time.ts';

export interface SignUpInput {
  email: string;
  password: string;
  /** The person's or the company's name, shown on the account. */
  name: string;
  locale: Locale;
  contract?: { contractNumber: string; activationCode: string };
}

export interface SignUpResult {
  /** Where the confirmation link went, masked. */
  destination: string;
}

export async function signUpCustomer(input: SignUpInput): Promise<SignUpResult> {
  const email = normaliseEmail(input.email);
  const destination = maskEmail(email);
  // A wrong or used code is refused before anyone is created.
  const contract = input.contract ? await checkActivationCode(input.contract.contractNumber, input.contract.activationCode) : undefined;

  const provider = await identity();
  let userId: string;
  try {
    ({ userId } = await provider.signUp({ pool: 'customer', email, password: input.password, locale: input.locale }));
  } catch (error) {
    // The same answer as a new sign-up, so the form does not tell who has an account; the owner hears by e-mail.
    if ((error as { code?: string }).code !== IDENTITY_ERROR_CODES.alreadyRegistered) throw error;
    await sendMail(alreadyRegisteredMail(email, config().portalUrl, input.locale));
    return { destination };
  }

  try {
    await db().send(
      new TransactWriteCommand({
        TransactItems: accountWrites({ userId, email, name: input.name, contract, activationCode: input.contract?.activationCode }),
      }),
    );
  } catch (error) {
    // Undo the user, so that the e-mail can sign up again; the user is unconfirmed and has no data yet.
    await provider
      .deleteUser({ pool: 'customer', email })
      .catch((undo) => logger.error('sign-up: could not remove the user', { error: undo as Error }));
    if ((error as Error).name === 'TransactionCanceledException' && contract) throw contractErrors.used();
    throw error;
  }
  return { destination };
}

function accountWrites(input: {
  userId: string;
  email: string;
  name: string;
  contract: Contract | undefined;
  activationCode: string | undefined;
}) {
  const createdAt = nowIso();
  const account: Account = {
    accountId: newId(),
    name: input.name,
    activationKey: newCode(3),
    contactEmail: input.email,
    createdAt,
    licenceCount: 0,
  };
  const writes: NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']> = [
    { Put: { TableName: tableName(), Item: accountItem(account), ConditionExpression: 'attribute_not_exists(PK)' } },
    { Put: { TableName: tableName(), Item: activationKeyItem(account), ConditionExpression: 'attribute_not_exists(PK)' } },
    {
      Put: {
        TableName: tableName(),
        Item: membershipItem({ accountId: account.accountId, userId: input.userId, email: input.email, role: 'owner', createdAt }),
      },
    },
    // The account's search index entries (name, e-mail, activation key), written with it.
    ...accountSearchItems(account).map((Item) => ({ Put: { TableName: tableName(), Item } })),
  ];
  // The same claim as registering a contract on an existing account (shared/contracts/claim.ts).
  if (input.contract && input.activationCode)
    writes.push(...contractClaimItems(account.accountId, input.contract, input.activationCode, createdAt));
  return writes;
}
