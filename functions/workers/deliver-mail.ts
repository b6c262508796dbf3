// Sends the queued e-mails through SES; a message that fails goes back to the queue, and to the dead-letter queue after 5 tries.
// Suppressed addresses were already skipped when the mail was queued (shared/mail/send.ts).

import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { deliverMail } from '#shared/mail/deliver.ts';
import { logger } from '#shared/observability/logger.ts';
import { countMetric } from '#shared/observability/metrics.ts';
import { emailSchema } from '#shared/http/schemas.ts';
import * as z from '#shared/validation.ts';
import { workerHandler } from '#shared/workers/handler.ts';

const queuedMail = z.strictObject({
  to: emailSchema,
  subject: z.string().check(z.minLength(1), z.maxLength(998)),
  text: z.string().check(z.maxLength(200_000)),
  headers: z.optional(z.record(z.string().check(z.regex(/^[A-Za-z0-9-]{1,64}$/)), z.string().check(z.maxLength(2000)))),
});

export const handler = workerHandler<SQSEvent, SQSBatchResponse>(async (event) => {
  const batchItemFailures: SQSBatchResponse['batchItemFailures'] = [];
  for (const record of event.Records) {
    let mail: z.infer<typeof queuedMail>;
    try {
      mail = queuedMail.parse(JSON.parse(record.body));
    } catch {
      // A malformed message will never succeed: log it and drop it rather than retry it into the DLQ five times.
      logger.error('dropped a malformed mail message', { messageId: record.messageId });
      continue;
    }
    try {
      await deliverMail(mail);
      countMetric('MailSent');
    } catch (error) {
      countMetric('MailDeliveryFailed');
      logger.error('mail delivery failed; the message will be retried', { messageId: record.messageId, error: error as Error });
      batchItemFailures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures };
});
