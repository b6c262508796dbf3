// Claiming a support contract with its one-time activation code: the one claim both sign-up (a new account) and
// "Register a contract" (an existing account) use. The contract's update is conditional on it being unclaimed with
// that very code, so two claims racing with one code cannot both win.

import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { checkActivationCode, contractErrors, hashActivationCode, type Contract } from '#shared/contracts/activation.ts';
import { accountContractItem, contractKey, type NewAccountContract } from '#shared/contracts/contract.ts';
import { TransactWriteCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { contractSearchItems } from '#shared/search/search-entry.ts';
import { underLockout } from '#shared/auth/lockout.ts';
import { consumeRateLimit, type RateLimit, releaseRateLimit } from '#shared/rate-limit.ts';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/**
 * The writes that give a checked contract to an account: the contract marked claimed (conditional on the code's hash
 * and on no account having it), the account's copy of it, and the staff search entries. Put them in one transaction.
 */
export function contractClaimItems(accountId: string, contract: Contract, activationCode: string, claimedAt: string): TransactItem[] {
  const { contractNumber, product, sla, startsOn, endsOn } = contract;
  const copy: NewAccountContract = { contractNumber, product, sla, startsOn, endsOn, claimedAt };
  return [
    {
      Update: {
        TableName: tableName(),
        Key: contractKey(contractNumber),
        UpdateExpression: 'SET accountId = :account, claimedAt = :now',
        ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(accountId) AND activationCodeHash = :hash',
        ExpressionAttributeValues: { ':account': accountId, ':now': claimedAt, ':hash': hashActivationCode(activationCode) },
      },
    },
    { Put: { TableName: tableName(), Item: accountContractItem(accountId, copy) } },
    ...contractSearchItems(accountId, { contractNumber }).map((Item) => ({ Put: { TableName: tableName(), Item } })),
  ];
}

/**
 * Gives an existing account the contract: the code checked (400 ACTIVATION_CODE_INVALID, 409 ACTIVATION_CODE_USED),
 * then the claim in one transaction (a claim that lost a race is 409 ACTIVATION_CODE_USED too). One read, one write.
 */
export async function claimContract(
  accountId: string,
  input: { contractNumber: string; activationCode: string },
  claimedAt: string,
): Promise<NewAccountContract> {
  const contract = await checkActivationCode(input.contractNumber, input.activationCode);
  try {
    await db().send(new TransactWriteCommand({ TransactItems: contractClaimItems(accountId, contract, input.activationCode, claimedAt) }));
  } catch (error) {
    if ((error as Error).name === 'TransactionCanceledException') throw contractErrors.used();
    throw error;
  }
  const { contractNumber, product, sla, startsOn, endsOn } = contract;
  return { contractNumber, product, sla, startsOn, endsOn, claimedAt };
}

/**
 * Each account may try this many activation codes an hour: a right code gives its try back, so only wrong ones count.
 * The source address's sign-in lockout (shared/auth/lockout.ts) counts the same wrong codes across accounts.
 */
export const CONTRACT_CLAIM_LIMIT: RateLimit = { name: 'contract-claim', max: 5, windowSeconds: 3600 };

const tooManyCodes = 'Too many wrong activation codes. Wait an hour, then check the contract number and code and try again.';

/**
 * "Register a contract" on the account the customer acts for. Refused (429) while the source address is locked out or
 * the account has spent its tries; a wrong code counts in both. Then the claim of sign-up.
 */
export async function registerContract(
  customer: { accountId: string; sourceIp: string },
  input: { contractNumber: string; activationCode: string },
  now: Date,
): Promise<NewAccountContract> {
  return underLockout({ pool: 'customer', sourceIp: customer.sourceIp }, async () => {
    // Taken before the check, so racing tries cannot exceed the budget; given back unless the code was wrong.
    await consumeRateLimit(CONTRACT_CLAIM_LIMIT, customer.accountId, tooManyCodes);
    let claimed: NewAccountContract;
    try {
      claimed = await claimContract(customer.accountId, input, now.toISOString());
    } catch (error) {
      if ((error as { code?: string }).code !== 'ACTIVATION_CODE_INVALID') await releaseRateLimit(CONTRACT_CLAIM_LIMIT, customer.accountId);
      throw error;
    }
    await releaseRateLimit(CONTRACT_CLAIM_LIMIT, customer.accountId);
    return claimed;
  });
}
