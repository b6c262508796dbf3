// Mail delivery: queued in AWS, delivered at once locally, never to an address that bounced or complained.

import type { Context, EventBridgeEvent, SQSEvent } from 'aws-lambda';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { handler as deliverMailWorker } from '#functions/workers/deliver-mail.ts';
import { handler as recordMailFeedback } from '#functions/workers/record-mail-feedback.ts';
import { resetConfigForTests } from '#shared/config.ts';
import { isSuppressed } from '#shared/mail/suppression.ts';
import { sendMail } from '#shared/mail/send.ts';
import { latestMailTo, uniqueEmail } from '../support/api.ts';

const context = { functionName: 'test', awsRequestId: 'r-1', getRemainingTimeInMillis: () => 10_000 } as unknown as Context;

function sqsEvent(bodies: string[]): SQSEvent {
  return {
    Records: bodies.map((body, index) => ({
      messageId: `m-${index}`,
      receiptHandle: 'r',
      body,
      attributes: {} as SQSEvent['Records'][number]['attributes'],
      messageAttributes: {},
      md5OfBody: '',
      eventSource: 'aws:sqs',
      eventSourceARN: 'arn:aws:sqs:eu-central-1:1:atrium-test-mail',
      awsRegion: 'eu-central-1',
    })),
  };
}

function sesEvent(detailType: string, detail: unknown): EventBridgeEvent<string, unknown> {
  return {
    id: 'e-1',
    version: '0',
    account: '1',
    time: '2026-11-21T10:00:00Z',
    region: 'eu-central-1',
    resources: [],
    source: 'aws.ses',
    'detail-type': detailType,
    detail,
  };
}

const bounce = (email: string, bounceType: string) => ({
  eventType: 'Bounce',
  mail: { timestamp: '2026-11-21T10:00:00Z', source: 'no-reply@atrium.example' },
  bounce: { bounceType, bounceSubType: 'General', bouncedRecipients: [{ emailAddress: email }], timestamp: '2026-11-21T10:00:01Z' },
});

afterEach(() => {
  delete process.env.MAIL_QUEUE_URL;
  resetConfigForTests();
});

describe('mail', () => {
  it('delivers at once through SES when no queue is configured (locally)', async () => {
    const to = uniqueEmail('direct');
    expect(await sendMail({ to, subject: 'Hello', text: 'Body' })).toBe('sent');
    expect((await latestMailTo(to))?.subject).toBe('Hello');
  });

  it('queues the mail on SQS when a queue is configured (in AWS)', async () => {
    // Prepare: SQS has no local engine, so its client is mocked; the suppression check still reads DynamoDB Local.
    process.env.MAIL_QUEUE_URL = 'https://sqs.eu-central-1.amazonaws.com/1/atrium-test-mail';
    resetConfigForTests();
    const sqs = mockClient(SQSClient).on(SendMessageCommand).resolves({ MessageId: 'q-1' });
    const to = uniqueEmail('queued');
    try {
      // Act
      const result = await sendMail({ to, subject: 'Queued', text: 'Body' });
      // Assess
      expect(result).toBe('queued');
      const sent = sqs.commandCalls(SendMessageCommand);
      expect(sent).toHaveLength(1);
      expect(sent[0]!.args[0].input.QueueUrl).toBe(process.env.MAIL_QUEUE_URL);
      expect(JSON.parse(sent[0]!.args[0].input.MessageBody!)).toEqual({ to, subject: 'Queued', text: 'Body' });
      expect(await sqs.call(0).thisValue.config.region()).toBe('eu-central-1');
    } finally {
      sqs.restore();
    }
    expect(await latestMailTo(to)).toBeUndefined();
  });

  it('fails the sending use case when SQS still throttles after the SDK retries, instead of losing the mail silently', async () => {
    process.env.MAIL_QUEUE_URL = 'https://sqs.eu-central-1.amazonaws.com/1/atrium-test-mail';
    resetConfigForTests();
    const throttled = Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' });
    const sqs = mockClient(SQSClient).on(SendMessageCommand).rejects(throttled);
    try {
      await expect(sendMail({ to: uniqueEmail('throttled'), subject: 'Queued', text: 'Body' })).rejects.toBe(throttled);
      expect(sqs.commandCalls(SendMessageCommand)).toHaveLength(1);
    } finally {
      sqs.restore();
    }
  });

  it('the worker returns only the messages SES refused (throttled, timed out) for retry, and sends the others', async () => {
    // Prepare: SES refuses two of four addresses; the local SES server is bypassed for this one case.
    const [ok, throttledTo, timedOutTo, alsoOk] = ['ok', 'throttled', 'timeout', 'also-ok'].map((name) => uniqueEmail(name));
    const ses = mockClient(SESv2Client);
    ses.on(SendEmailCommand).resolves({ MessageId: 'ses-1' });
    ses
      .on(SendEmailCommand, { Destination: { ToAddresses: [throttledTo!] } })
      .rejects(Object.assign(new Error('Maximum sending rate exceeded.'), { name: 'TooManyRequestsException' }));
    ses
      .on(SendEmailCommand, { Destination: { ToAddresses: [timedOutTo!] } })
      .rejects(Object.assign(new Error('Connection timed out'), { name: 'TimeoutError' }));
    try {
      // Act
      const result = await deliverMailWorker(
        sqsEvent([ok, throttledTo, timedOutTo, alsoOk].map((to) => JSON.stringify({ to, subject: 'Batch', text: 'Body' }))),
        context,
      );
      // Assess
      expect(result.batchItemFailures).toEqual([{ itemIdentifier: 'm-1' }, { itemIdentifier: 'm-2' }]);
      expect(ses.commandCalls(SendEmailCommand).map((call) => call.args[0].input.Destination?.ToAddresses)).toEqual([
        [ok],
        [throttledTo],
        [timedOutTo],
        [alsoOk],
      ]);
    } finally {
      ses.restore();
    }
  });

  it('the worker sends queued mail and drops malformed messages without retrying them', async () => {
    const to = uniqueEmail('worker');
    const result = await deliverMailWorker(
      sqsEvent([JSON.stringify({ to, subject: 'From the queue', text: 'Body' }), '{not json', JSON.stringify({ to: 'x' })]),
      context,
    );
    expect(result.batchItemFailures).toEqual([]);
    expect((await latestMailTo(to))?.subject).toBe('From the queue');
  });

  it('suppresses addresses after a permanent bounce or a complaint, and then does not mail them', async () => {
    const bounced = uniqueEmail('bounced');
    const complained = uniqueEmail('complained');
    const transient = uniqueEmail('mailbox-full');

    await recordMailFeedback(sesEvent('Email Bounced', bounce(bounced.toUpperCase(), 'Permanent')), context);
    await recordMailFeedback(sesEvent('Email Bounced', bounce(transient, 'Transient')), context);
    const complaint = await recordMailFeedback(
      sesEvent('Email Complaint', {
        eventType: 'Complaint',
        complaint: { complainedRecipients: [{ emailAddress: complained }], timestamp: '2026-11-21T10:00:02Z' },
      }),
      context,
    );

    expect(complaint).toEqual({ suppressed: 1 });
    expect(await isSuppressed(bounced)).toBe(true);
    expect(await isSuppressed(complained)).toBe(true);
    expect(await isSuppressed(transient)).toBe(false);

    expect(await sendMail({ to: bounced, subject: 'Should not arrive', text: 'x' })).toBe('suppressed');
    expect(await sendMail({ to: transient, subject: 'Still arrives', text: 'x' })).toBe('sent');
    expect(await latestMailTo(bounced)).toBeUndefined();
    expect((await latestMailTo(transient))?.subject).toBe('Still arrives');
  });

  it('records the same feedback twice as one suppression, and ignores other SES events', async () => {
    const email = uniqueEmail('twice');
    await recordMailFeedback(sesEvent('Email Bounced', bounce(email, 'Permanent')), context);
    await recordMailFeedback(sesEvent('Email Bounced', bounce(email, 'Permanent')), context);
    expect(await isSuppressed(email)).toBe(true);
    const delivery = await recordMailFeedback(sesEvent('Email Delivered', { eventType: 'Delivery' }), context);
    expect(delivery).toEqual({ suppressed: 0 });
  });
});
