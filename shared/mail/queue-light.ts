// Queues a mail as sendMail does (shared/mail/send.ts), without the SQS client: one SendMessage request in SQS's JSON
// protocol, signed with the SDK's own SigV4 signer, through fetch. For code every handler bundles: customerCaller's
// refused-address notice (the SDK client and its protocol code weigh ~65 KB in each of ~100 functions). The mail
// worker reads the message exactly as one sendMail queued. Locally (no queue) the mail is delivered at once.

import { createHash, createHmac } from 'node:crypto';
import { fromEnv } from '@aws-sdk/credential-provider-env';
import { SignatureV4 } from '@smithy/signature-v4';
import { once } from '#shared/aws/client-options.ts';
import { config } from '#shared/config.ts';
import { normaliseEmail } from '#shared/email.ts';
import type { Mail } from '#shared/mail/mail.ts';
import { isSuppressed } from '#shared/mail/suppression.ts';

/** The hash the signer asks for: SHA-256, or HMAC-SHA256 with a key. */
type Data = string | ArrayBuffer | ArrayBufferView;
const bytes = (data: Data) =>
  typeof data === 'string'
    ? data
    : data instanceof ArrayBuffer
      ? new Uint8Array(data)
      : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);

class Sha256 {
  private readonly hash;
  constructor(secret?: Data) {
    this.hash = secret === undefined ? createHash('sha256') : createHmac('sha256', bytes(secret));
  }
  update(data: Data): void {
    this.hash.update(bytes(data));
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
}

const credentials = once(() => fromEnv());

/** The signed SendMessage request for this queue, in its region (exported for its test). */
export async function sendMessageRequest(queueUrl: string, region: string, messageBody: string) {
  const { hostname } = new URL(queueUrl);
  const signer = new SignatureV4({ service: 'sqs', region, credentials: credentials(), sha256: Sha256 });
  const body = JSON.stringify({ QueueUrl: queueUrl, MessageBody: messageBody });
  const signed = await signer.sign({
    method: 'POST',
    protocol: 'https:',
    hostname,
    path: '/',
    query: {},
    headers: { host: hostname, 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'AmazonSQS.SendMessage' },
    body,
  });
  // fetch sets Host itself, from the same URL.
  const { host: _host, ...headers } = signed.headers;
  return { url: `https://${hostname}/`, headers, body };
}

export async function queueMailLight(mail: Mail): Promise<void> {
  if (await isSuppressed(normaliseEmail(mail.to))) return;
  const queueUrl = config().mailQueueUrl;
  if (!queueUrl) {
    if (process.env.ATRIUM_BUNDLE_TARGET !== 'lambda') {
      const { deliverMail } = await import('#shared/mail/deliver.ts');
      await deliverMail(mail);
      return;
    }
    throw new Error('MAIL_QUEUE_URL is not set: a deployed function must queue its mail.');
  }
  const request = await sendMessageRequest(queueUrl, config().region, JSON.stringify(mail));
  const response = await fetch(request.url, { method: 'POST', headers: request.headers, body: request.body });
  if (!response.ok) throw new Error(`SQS SendMessage answered ${response.status}: ${(await response.text()).slice(0, 200)}`);
}
