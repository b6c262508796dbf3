// Mail delivery: queued in AWS, delivered at once locally, never to an address that bounced or complained.

import type { Context, EventBridgeEvent, SQSEvent } from 'aws-lambda';
import { setAwsJsonTransportForTests, type AwsJsonRequest } from '#shared/aws/aws-json.ts';
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
    // Prepare: SQS has no local engine, so its calls are answered by a fake transport.
    process.env.MAIL_QUEUE_URL = 'https://sqs.eu-central-1.amazonaws.com/1/atrium-test-mail';
    resetConfigForTests();
    const calls: AwsJsonRequest[] = [];
    // Only SQS is faked; the suppression check still reads DynamoDB Local.
    setAwsJsonTransportForTests((request) => {
      if (request.service !== 'sqs') return undefined;
      calls.push(request);
      return Promise.resolve({ MessageId: 'q-1' });
    });
    const to = uniqueEmail('queued');
    try {
      // Act
      const result = await sendMail({ to, subject: 'Queued', text: 'Body' });
      // Assess
      expect(result).toBe('queued');
      expect(calls).toHaveLength(1);
      expect(calls[0]).toMatchObject({ target: 'AmazonSQS.SendMessage', jsonVersion: '1.0', region: 'eu-central-1' });
      const body = calls[0]!.body as { QueueUrl: string; MessageBody: string };
      expect(body.QueueUrl).toBe(process.env.MAIL_QUEUE_URL);
      expect(JSON.parse(body.MessageBody)).toEqual({ to, subject: 'Queued', text: 'Body' });
    } finally {
      setAwsJsonTransportForTests(undefined);
    }
    expect(await latestMailTo(to)).toBeUndefined();
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
