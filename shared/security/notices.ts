// Security notices: a mail to the person it is about and to the `security` recipients of their account, each in their
// own language. A refused address sends at most one notice per person and address per hour (a rate window in the
// table), and a notice that cannot go out never changes the answer of the request that caused it.

import { config } from '#shared/config.ts';
import { normaliseEmail } from '#shared/email.ts';
import { TooManyRequestsError } from '#shared/http/errors.ts';
import { DEFAULT_LOCALE, type Locale } from '#shared/i18n/locale.ts';
import { sendMail } from '#shared/mail/send.ts';
import { type SecurityNotice, securityNoticeMail } from '#shared/mail/templates.ts';
import { recipientsFor } from '#shared/notifications/recipients.ts';
import { logger } from '#shared/observability/logger.ts';
import { consumeRateLimit, type RateLimit } from '#shared/rate-limit.ts';
import { now } from '#shared/time.ts';

/** One notice per person and refused address per hour: a script retrying from a blocked address mails once. */
export const REFUSED_ADDRESS_NOTICES: RateLimit = { name: 'ip-refused-notice', max: 1, windowSeconds: 3600 };

export interface NoticeSubject {
  userId: string;
  email: string;
  locale?: Locale | undefined;
  sourceIp: string;
  /** The account whose `security` recipients are told too; none when the person has no account (yet). */
  accountId?: string | undefined;
}

/** Mails the notice to the person and to their account's security recipients, each address once. */
export async function sendSecurityNotice(notice: SecurityNotice, subject: NoticeSubject): Promise<void> {
  const people = [
    { email: subject.email, locale: subject.locale ?? DEFAULT_LOCALE },
    ...(subject.accountId ? await recipientsFor(subject.accountId, 'security') : []),
  ];
  const seen = new Set<string>();
  const input = { email: subject.email, sourceIp: subject.sourceIp, at: now(), portalUrl: config().portalUrl };
  const mails = people.filter(({ email }) => {
    if (!email) return false;
    const key = normaliseEmail(email);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  await Promise.all(mails.map(({ email, locale }) => sendMail(securityNoticeMail(email, notice, input, locale))));
}

/** The notice for a refused address, under its hourly limit. Never throws: the 403 is the answer either way. */
export async function noticeRefusedAddress(subject: NoticeSubject): Promise<void> {
  try {
    await consumeRateLimit(REFUSED_ADDRESS_NOTICES, `${subject.userId}#${subject.sourceIp}`);
    await sendSecurityNotice('ipRefused', subject);
  } catch (error) {
    if (error instanceof TooManyRequestsError) return;
    logger.warn('could not send the refused-address notice', { error: error as Error });
  }
}
