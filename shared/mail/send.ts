// Sends one e-mail through SES v2; locally the same client talks to the local SES v2 server.

import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { config } from '#shared/config.ts';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

let client: SESv2Client | undefined;

function ses(): SESv2Client {
  if (client) return client;
  const { region, sesEndpoint } = config();
  client = new SESv2Client({ region, ...(sesEndpoint ? { endpoint: sesEndpoint } : {}) });
  return client;
}

export async function sendMail(mail: Mail): Promise<void> {
  await ses().send(
    new SendEmailCommand({
      FromEmailAddress: config().mailFrom,
      Destination: { ToAddresses: [mail.to] },
      Content: {
        Simple: {
          Subject: { Data: mail.subject, Charset: 'UTF-8' },
          Body: { Text: { Data: mail.text, Charset: 'UTF-8' } },
        },
      },
    }),
  );
}
