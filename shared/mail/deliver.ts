// Hands one e-mail to SES (locally, the same client talks to the local SES server, which reads v1 and v2 alike).
// SES's v1 SendEmail action carries all Atrium needs, configuration set included; its client bundles 57 KB smaller than
// SES v2's, whose schemas module ships every SES v2 operation (docs/performance.md). The IAM action is the same.

import { SESClient, SendEmailCommand } from '@aws-sdk/client-ses';
import { config } from '#shared/config.ts';
import type { Mail } from '#shared/mail/mail.ts';

let ses: SESClient | undefined;

export async function deliverMail(mail: Mail): Promise<void> {
  const { region, sesEndpoint, mailFrom, sesConfigurationSet } = config();
  ses ??= new SESClient({ region, ...(sesEndpoint ? { endpoint: sesEndpoint } : {}) });
  await ses.send(
    new SendEmailCommand({
      Source: mailFrom,
      Destination: { ToAddresses: [mail.to] },
      // In AWS the configuration set reports bounces and complaints, and suppresses those addresses in SES too.
      ...(sesConfigurationSet ? { ConfigurationSetName: sesConfigurationSet } : {}),
      Message: {
        Subject: { Data: mail.subject, Charset: 'UTF-8' },
        Body: { Text: { Data: mail.text, Charset: 'UTF-8' } },
      },
    }),
  );
}
