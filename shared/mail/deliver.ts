// Hands one e-mail to SES v2 (locally, the same client talks to the local SES v2 server).

import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { clientOptions, once } from '#shared/aws/client-options.ts';
import { config } from '#shared/config.ts';
import type { Mail } from '#shared/mail/mail.ts';

const ses = once(() => new SESv2Client(clientOptions(config().region, config().sesEndpoint)));

export async function deliverMail(mail: Mail): Promise<void> {
  const { mailFrom, sesConfigurationSet } = config();
  await ses().send(
    new SendEmailCommand({
      FromEmailAddress: mail.from ?? mailFrom,
      Destination: { ToAddresses: [mail.to] },
      ...(mail.replyTo ? { ReplyToAddresses: [mail.replyTo] } : {}),
      // In AWS the configuration set reports bounces and complaints, and suppresses those addresses in SES too.
      ...(sesConfigurationSet ? { ConfigurationSetName: sesConfigurationSet } : {}),
      Content: {
        Simple: {
          Subject: { Data: mail.subject, Charset: 'UTF-8' },
          Body: { Text: { Data: mail.text, Charset: 'UTF-8' } },
          ...(mail.headers ? { Headers: Object.entries(mail.headers).map(([Name, Value]) => ({ Name, Value })) } : {}),
          ...(mail.attachments?.length
            ? {
                Attachments: mail.attachments.map((attachment) => ({
                  FileName: attachment.filename,
                  ContentType: attachment.contentType,
                  ContentDisposition: 'ATTACHMENT' as const,
                  RawContent: Buffer.from(attachment.content, 'base64'),
                })),
              }
            : {}),
        },
      },
    }),
  );
}
