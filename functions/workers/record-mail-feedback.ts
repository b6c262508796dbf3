// Puts addresses that SES reports as a permanent bounce or a complaint on the suppression list, so they are not mailed again.

import type { EventBridgeEvent } from 'aws-lambda';
import { normaliseEmail } from '#shared/email.ts';
import { suppress } from '#shared/mail/suppression.ts';
import { logger } from '#shared/observability/logger.ts';
import { countMetric } from '#shared/observability/metrics.ts';
import * as z from '#shared/validation.ts';
import { workerHandler } from '#shared/workers/handler.ts';

// AWS adds fields to its events over time, so these schemas are deliberately not strict.
const recipients = z.array(z.object({ emailAddress: z.string() }));
const feedback = z.object({
  eventType: z.enum(['Bounce', 'Complaint']),
  bounce: z.optional(z.object({ bounceType: z.string(), bouncedRecipients: recipients, timestamp: z.string() })),
  complaint: z.optional(z.object({ complainedRecipients: recipients, timestamp: z.string() })),
});

export const handler = workerHandler<EventBridgeEvent<string, unknown>, { suppressed: number }>(async (event) => {
  const parsed = feedback.safeParse(event.detail);
  if (!parsed.success) {
    logger.warn('ignored an SES event that is neither a bounce nor a complaint', { detailType: event['detail-type'] });
    return { suppressed: 0 };
  }
  const { bounce, complaint } = parsed.data;
  // Transient bounces (mailbox full, out of office) are not a reason to stop mailing someone.
  const entries =
    bounce?.bounceType === 'Permanent'
      ? bounce.bouncedRecipients.map((recipient) => ({ email: recipient.emailAddress, reason: 'bounce' as const, at: bounce.timestamp }))
      : complaint
        ? complaint.complainedRecipients.map((recipient) => ({
            email: recipient.emailAddress,
            reason: 'complaint' as const,
            at: complaint.timestamp,
          }))
        : [];
  for (const entry of entries) await suppress(normaliseEmail(entry.email), entry.reason, entry.at);
  if (entries.length) {
    countMetric('MailAddressSuppressed', entries.length);
    logger.info('suppressed addresses after SES feedback', { count: entries.length, reason: entries[0]!.reason });
  }
  return { suppressed: entries.length };
});
