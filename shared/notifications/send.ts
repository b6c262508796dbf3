// Sends one category of an account's mail to the people who receive it (recipientsFor), each in their own language.

import type { Locale } from '#shared/i18n/locale.ts';
import type { Mail } from '#shared/mail/mail.ts';
import { sendMail, type SendResult } from '#shared/mail/send.ts';
import { type NotificationCategory, type Recipient, recipientsFor } from '#shared/notifications/recipients.ts';

export interface AccountMailResult {
  /** The addresses the mail went to (suppressed ones included: SES would refuse them). */
  recipients: string[];
  /** `queued`/`sent` when it left for at least one recipient; `suppressed` when every address was suppressed. */
  result: SendResult;
}

/**
 * Builds the mail once per recipient (in their language) and sends each. `fallbackLocale` is the language for a person
 * who never chose one (e.g. the language staff chose for an order).
 */
export async function mailAccount(
  accountId: string,
  category: NotificationCategory,
  build: (recipient: Recipient) => Mail,
  fallbackLocale?: Locale,
): Promise<AccountMailResult> {
  const recipients = await recipientsFor(accountId, category, fallbackLocale);
  const results = await Promise.all(recipients.map((recipient) => sendMail(build(recipient))));
  const delivered = results.find((result) => result !== 'suppressed');
  return { recipients: recipients.map((recipient) => recipient.email), result: delivered ?? 'suppressed' };
}
