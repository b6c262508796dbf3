// The custom auth triggers of the customer pool as Cognito invokes them, against DynamoDB Local and the local mail
// server: Verify looks the order up for real, Create mails the code through sendMail.

import { randomUUID } from 'node:crypto';
import { PutCommand } from '#shared/db/commands.ts';
import type { Context, CreateAuthChallengeTriggerEvent, VerifyAuthChallengeResponseTriggerEvent } from 'aws-lambda';
import { describe, expect, inject, it } from 'vitest';
import { handler as createAuthChallenge } from '#functions/identity/create-auth-challenge.ts';
import { handler as verifyAuthChallenge } from '#functions/identity/verify-auth-challenge.ts';
import { db, tableName } from '#shared/db/client.ts';
import { keys } from '#shared/db/keys.ts';
import { uniqueEmail } from '../support/api.ts';
import { codeIn, mailsTo } from '../support/mailbox.ts';

const context = { functionName: 'test', awsRequestId: 'aws-1', getRemainingTimeInMillis: () => 5000 } as unknown as Context;
const common = {
  version: '1',
  region: 'eu-central-1',
  userPoolId: 'eu-central-1_Customers',
  userName: 'c0ffee00-0000-4000-8000-000000000000',
  callerContext: { awsSdkVersion: 'aws-sdk-js-3', clientId: 'customer-client-id' },
};

async function givenOrder(userId: string, email: string, orderReference: string): Promise<void> {
  const accountId = `acc-${randomUUID()}`;
  await db().send(new PutCommand({ TableName: tableName(), Item: { ...keys.membership(accountId, userId), accountId, userId, email } }));
  await db().send(
    new PutCommand({ TableName: tableName(), Item: { ...keys.orderReference(orderReference), accountId, orderId: orderReference } }),
  );
}

const verify = (userId: string, challengeAnswer: string) =>
  verifyAuthChallenge(
    {
      ...common,
      triggerSource: 'VerifyAuthChallengeResponse_Authentication',
      request: {
        userAttributes: { sub: userId, email: 'x@example.test' },
        privateChallengeParameters: { step: 'ORDER_NUMBER' },
        challengeAnswer,
      },
      response: { answerCorrect: false },
    } satisfies VerifyAuthChallengeResponseTriggerEvent,
    context,
  );

describe('custom auth triggers', () => {
  it("accepts an order number of the user's own account, however it is typed, and no other", async () => {
    const userId = randomUUID();
    const reference = `JWT${Math.floor(Math.random() * 1e6)}`;
    await givenOrder(userId, uniqueEmail('verify'), reference);
    const someoneElse = randomUUID();
    await givenOrder(someoneElse, uniqueEmail('other'), `${reference}X`);

    expect((await verify(userId, reference)).response.answerCorrect).toBe(true);
    expect((await verify(userId, ` ${reference.toLowerCase().replace('jwt', 'jwt ')} `)).response.answerCorrect).toBe(true);
    expect((await verify(userId, `${reference}X`)).response.answerCorrect).toBe(false);
    expect((await verify(someoneElse, reference)).response.answerCorrect).toBe(false);
  });

  it('mails the sign-in code after the right order number, and keeps it out of the public parameters', async () => {
    const email = uniqueEmail('create');
    const result = await createAuthChallenge(
      {
        ...common,
        triggerSource: 'CreateAuthChallenge_Authentication',
        request: {
          userAttributes: { sub: randomUUID(), email, locale: 'pl' },
          challengeName: 'CUSTOM_CHALLENGE',
          session: [{ challengeName: 'CUSTOM_CHALLENGE', challengeResult: true, challengeMetadata: 'ORDER_NUMBER' }],
        },
        response: { publicChallengeParameters: {}, privateChallengeParameters: {}, challengeMetadata: '' },
      } satisfies CreateAuthChallengeTriggerEvent,
      context,
    );

    const [mail] = await mailsTo(inject('mailUrl'), email);
    expect(mail?.subject).toMatch(/^Twój kod logowania do Atrium: \d{6}$/);
    const code = codeIn(mail);
    expect(result.response.privateChallengeParameters.code).toBe(code);
    expect(JSON.stringify(result.response.publicChallengeParameters)).not.toContain(code);
  });
});
