// The SQS-client-free mail queueing the refused-address notice uses: a SendMessage request in SQS's JSON protocol,
// SigV4-signed for the queue's region, whose message is the mail exactly as sendMail queues it.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sendMessageRequest } from '#shared/mail/queue-light.ts';

const saved = { ...process.env };
beforeEach(() => {
  process.env.AWS_ACCESS_KEY_ID = 'AKIDEXAMPLE';
  process.env.AWS_SECRET_ACCESS_KEY = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';
  process.env.AWS_SESSION_TOKEN = 'session-token';
});
afterEach(() => {
  process.env = { ...saved };
});

describe('sendMessageRequest', () => {
  it('posts SendMessage to the queue’s SQS endpoint, signed for sqs in the region', async () => {
    // Prepare
    const queueUrl = 'https://sqs.eu-central-1.amazonaws.com/123456789012/atrium-mail';
    const mail = JSON.stringify({ to: 'a@example.test', subject: 'S', text: 'T' });
    // Act
    const request = await sendMessageRequest(queueUrl, 'eu-central-1', mail);
    // Assess
    expect(request.url).toBe('https://sqs.eu-central-1.amazonaws.com/');
    expect(JSON.parse(request.body)).toEqual({ QueueUrl: queueUrl, MessageBody: mail });
    expect(request.headers['x-amz-target']).toBe('AmazonSQS.SendMessage');
    expect(request.headers['content-type']).toBe('application/x-amz-json-1.0');
    expect(request.headers['x-amz-security-token']).toBe('session-token');
    expect(request.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/eu-central-1\/sqs\/aws4_request, SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date;x-amz-security-token;x-amz-target, Signature=[0-9a-f]{64}$/,
    );
    expect(request.headers).not.toHaveProperty('host');
  });
});
