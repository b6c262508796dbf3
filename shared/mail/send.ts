// Sending e-mail from a use case. Addresses on the suppression list (a permanent bounce or a complaint) are skipped.
// In AWS the mail is queued (SQS, with a dead-letter queue) and the deliver-mail worker hands it to SES; locally it is
// delivered at once, and Lambda bundles leave that local path (and the SES client) out.

import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { clientOptions, once } from '#shared/aws/client-options.ts';
import { config } from '#shared/config.ts';
import { normaliseEmail } from '#shared/email.ts';
import type { Mail } from '#shared/mail/mail.ts';
import { isSuppressed } from '#shared/mail/suppression.ts';
import { logger } from '#shared/observability/logger.ts';
import { countMetric } from '#shared/observability/metrics.ts';

export type { Mail };
export type SendResult = 'queued' | 'sent' | 'suppressed';

const sqs = once(() => new SQSClient(clientOptions(config().region)));

export async function sendMail(mail: Mail): Promise<SendResult> {
  if (await isSuppressed(normaliseEmail(mail.to))) {
    logger.warn('mail not sent: the address is suppressed after a bounce or complaint');
    countMetric('MailSkippedSuppressed');
    return 'suppressed';
  }
  const queueUrl = config().mailQueueUrl;
  if (queueUrl) {
    await sqs().send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: JSON.stringify(mail) }));
    countMetric('MailQueued');
    return 'queued';
  }
  if (process.env.ATRIUM_BUNDLE_TARGET !== 'lambda') {
    const { deliverMail } = await import('#shared/mail/deliver.ts');
    await deliverMail(mail);
    return 'sent';
  }
  throw new Error('MAIL_QUEUE_URL is not set: a deployed function must queue its mail.');
}
