// The low-balance alert: the customer sets a threshold per currency (shared/billing/balance.ts); when the balance falls
// below it, the account's billing-mail recipients (category `orders`) are mailed once per crossing, not on every payment
// below it. The crossing is recorded on the account item (`lowBalanceAlerted<CUR>`) by a conditional update, so of any
// number of debits checking at once exactly one sets it and mails; a credit that lifts the balance back to or above the
// threshold clears it (also conditional), so the next crossing mails again.

import { accountKey } from '#shared/accounts/account.ts';
import { balanceAttribute } from '#shared/billing/ledger.ts';
import { alertedAttribute, readAccountItem, thresholdAttribute } from '#shared/billing/balance.ts';
import { config } from '#shared/config.ts';
import { UpdateCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { brand } from '#shared/brand.ts';
import { formatMoney } from '#shared/i18n/format.ts';
import type { Locale } from '#shared/i18n/locale.ts';
import type { Mail } from '#shared/mail/mail.ts';
import { shopMailMessages } from '#shared/mail/shop-messages/index.ts';
import { withFooter } from '#shared/mail/templates.ts';
import { mailAccount } from '#shared/notifications/send.ts';
import { logger } from '#shared/observability/logger.ts';
import { now } from '#shared/time.ts';

export type LowBalanceOutcome = 'no-threshold' | 'alerted' | 'already-alerted' | 'cleared' | 'above';

export interface LowBalanceMailInput {
  accountName: string;
  balanceMinor: number;
  thresholdMinor: number;
  currency: string;
}

export function lowBalanceMail(to: string, input: LowBalanceMailInput, locale: Locale): Mail {
  const texts = shopMailMessages(locale).lowBalance;
  const balance = formatMoney({ amountMinor: input.balanceMinor, currency: input.currency }, locale);
  return withFooter(locale, {
    to,
    subject: texts.subject(balance),
    text: texts.text({
      accountName: input.accountName,
      balance,
      threshold: formatMoney({ amountMinor: input.thresholdMinor, currency: input.currency }, locale),
      link: `${config().portalUrl}/balance`,
    }),
  });
}

/** True when the update's condition failed (another check got there first, or the balance moved meanwhile). */
function lost(error: Error): boolean {
  return error.name === 'ConditionalCheckFailedException';
}

/**
 * Call after any change of the balance in `currency` (a debit may cross the threshold downwards, a credit upwards).
 * Mails at most once per crossing however many callers run at once; a failed mail is logged, never thrown: the change
 * that caused the check stands.
 */
export async function checkLowBalance(accountId: string, currency: string): Promise<LowBalanceOutcome> {
  const item = await readAccountItem(accountId, true);
  const threshold = item[thresholdAttribute(currency)];
  if (typeof threshold !== 'number') return 'no-threshold';
  const balanceValue = item[balanceAttribute(currency)];
  const balance = typeof balanceValue === 'number' ? balanceValue : 0;
  const alerted = item[alertedAttribute(currency)] !== undefined;
  const names = {
    '#balance': balanceAttribute(currency),
    '#threshold': thresholdAttribute(currency),
    '#alerted': alertedAttribute(currency),
  };

  if (balance >= threshold) {
    if (!alerted) return 'above';
    // Only while the balance is still at or above the threshold it was compared with: a debit racing in keeps the alert.
    const cleared = await db()
      .send(
        new UpdateCommand({
          TableName: tableName(),
          Key: accountKey(accountId),
          UpdateExpression: 'REMOVE #alerted',
          ConditionExpression: 'attribute_exists(#alerted) AND #threshold = :threshold AND #balance >= :threshold',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: { ':threshold': threshold },
        }),
      )
      .then(() => true)
      .catch((error: Error) => (lost(error) ? false : Promise.reject(error)));
    return cleared ? 'cleared' : 'already-alerted';
  }

  if (alerted) return 'already-alerted';
  const at = now().toISOString();
  const won = await db()
    .send(
      new UpdateCommand({
        TableName: tableName(),
        Key: accountKey(accountId),
        UpdateExpression: 'SET #alerted = :at',
        // A balance never credited has no attribute: it is 0, below any positive threshold.
        ConditionExpression:
          'attribute_not_exists(#alerted) AND #threshold = :threshold AND (#balance < :threshold OR attribute_not_exists(#balance))',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: { ':threshold': threshold, ':at': at },
      }),
    )
    .then(() => true)
    .catch((error: Error) => (lost(error) ? false : Promise.reject(error)));
  if (!won) return 'already-alerted';

  try {
    const accountName = typeof item.name === 'string' ? item.name : brand().productName;
    await mailAccount(accountId, 'orders', (recipient) =>
      lowBalanceMail(recipient.email, { accountName, balanceMinor: balance, thresholdMinor: threshold, currency }, recipient.locale),
    );
  } catch (error) {
    logger.error('low balance: the alert could not be mailed', { error: error as Error, accountId, currency });
  }
  return 'alerted';
}
