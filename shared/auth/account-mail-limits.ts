// Mail that anyone can make Atrium send to any address (confirmation links, reset links) is rate-limited per address
// and per source IP, so the portal cannot be used to flood someone's inbox.

import type { PoolName } from '#shared/config.ts';
import { normaliseEmail } from '#shared/email.ts';
import { TooManyRequestsError } from '#shared/http/errors.ts';
import { consumeRateLimit } from '#shared/rate-limit.ts';

export const ACCOUNT_MAIL_LIMITS = {
  perAddress: { name: 'account-mail', max: 5, windowSeconds: 3600 },
  perSourceIp: { name: 'account-mail-ip', max: 30, windowSeconds: 3600 },
} as const;

export async function limitAccountMail({ pool, email, sourceIp }: { pool: PoolName; email: string; sourceIp: string }): Promise<void> {
  const message = 'We have sent several e-mails to this address already. Check your inbox and spam folder, or try again in an hour.';
  await consumeRateLimit(ACCOUNT_MAIL_LIMITS.perSourceIp, sourceIp, message);
  await consumeRateLimit(ACCOUNT_MAIL_LIMITS.perAddress, `${pool}#${normaliseEmail(email)}`, message);
}

/**
 * Counts one account mail like limitAccountMail, but answers whether it may go instead of refusing: for sign-up, whose
 * answer must stay the same (201) whether a mail went, the address was registered already, or the limit was reached.
 */
export async function mayMailAccount(subjects: { pool: PoolName; email: string; sourceIp: string }): Promise<boolean> {
  try {
    await limitAccountMail(subjects);
    return true;
  } catch (error) {
    if (error instanceof TooManyRequestsError) return false;
    throw error;
  }
}
