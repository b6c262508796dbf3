// The customer pool's e-mails, written by the custom message trigger: links to the portal with Cognito's code
// placeholder in them, the sign-in code, in the user's language, as HTML; the placeholder once, never in the subject.

import type { Context, CustomMessageTriggerEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handler } from '#functions/identity/custom-message.ts';
import { handler as staffHandler } from '#functions/identity/staff-custom-message.ts';
import { resetConfigForTests } from '#shared/config.ts';
import { textToHtml } from '#shared/identity/custom-message.ts';

const PORTAL = 'https://portal.atrium.test';
const placeholders = (text: string | null) => (text ?? '').split('{####}').length - 1;
const context = { functionName: 'test', awsRequestId: 'aws-1', getRemainingTimeInMillis: () => 1000 } as unknown as Context;
const savedEnv = { ...process.env };

beforeAll(() => {
  Object.assign(process.env, {
    TABLE_NAME: 'atrium-unit',
    MAIL_FROM: 'no-reply@mail.atrium.test',
    CUSTOMER_CLIENT_ID: 'customer-client-id',
    STAFF_CLIENT_ID: 'staff-client-id',
    PORTAL_URL: PORTAL,
  });
  resetConfigForTests();
});
afterAll(() => {
  process.env = savedEnv;
  resetConfigForTests();
});

function event(
  triggerSource: CustomMessageTriggerEvent['triggerSource'],
  userAttributes: Record<string, string> = { email: 'anna+test@nordwind.example', locale: 'en' },
  clientMetadata?: Record<string, string>,
): CustomMessageTriggerEvent {
  return {
    version: '1',
    region: 'eu-central-1',
    userPoolId: 'eu-central-1_Customers',
    userName: 'c0ffee00-0000-4000-8000-000000000000',
    callerContext: { awsSdkVersion: 'aws-sdk-js-3', clientId: 'customer-client-id' },
    triggerSource,
    request: {
      userAttributes,
      codeParameter: '{####}',
      linkParameter: '{##Click Here##}',
      usernameParameter: null,
      ...(clientMetadata ? { clientMetadata } : {}),
    },
    response: { smsMessage: null, emailMessage: null, emailSubject: null },
  } as CustomMessageTriggerEvent;
}

describe('custom message trigger', () => {
  it.each(['CustomMessage_SignUp', 'CustomMessage_ResendCode'] as const)(
    'answers %s with the confirmation link, the code placeholder in it',
    async (source) => {
      const result = await handler(event(source), context);
      expect(result.response.emailSubject).toBe('Confirm your e-mail address for Atrium');
      const link = `${PORTAL}/confirm-email?email=anna%2Btest%40nordwind.example&amp;code={####}`;
      expect(result.response.emailMessage).toContain(`<a href="${link}">${PORTAL}/confirm-email</a>`);
      expect(placeholders(result.response.emailMessage)).toBe(1);
    },
  );

  it('answers a forgotten password with the reset link', async () => {
    const result = await handler(event('CustomMessage_ForgotPassword'), context);
    expect(result.response.emailSubject).toBe('Set a new password for Atrium');
    expect(result.response.emailMessage).toContain(`href="${PORTAL}/reset-password?email=anna%2Btest%40nordwind.example&amp;code={####}"`);
    expect(placeholders(result.response.emailMessage)).toBe(1);
  });

  it('writes the sign-in code e-mail with the placeholder as the code, and a subject without it', async () => {
    const result = await handler(event('CustomMessage_Authentication'), context);
    expect(result.response.emailSubject).toBe('Your Atrium sign-in code');
    expect(result.response.emailMessage).toContain('Your one-time sign-in code is {####}.');
    expect(placeholders(result.response.emailMessage)).toBe(1);
  });

  it.each(['CustomMessage_UpdateUserAttribute', 'CustomMessage_VerifyUserAttribute'] as const)(
    'answers %s (a new e-mail address) with the code to confirm it, in the language of the call',
    async (source) => {
      const result = await handler(event(source), context);
      expect(result.response.emailSubject).toBe('Your Atrium code to confirm your new e-mail address');
      expect(result.response.emailMessage).toContain('where you asked for the change: {####}');
      expect(placeholders(result.response.emailMessage)).toBe(1);
      const polish = await handler(event(source, { email: 'jan@firma.example', locale: 'en' }, { locale: 'pl' }), context);
      expect(polish.response.emailSubject).not.toBe(result.response.emailSubject);
      expect(placeholders(polish.response.emailMessage)).toBe(1);
    },
  );

  it("writes Polish for a user whose locale is pl, unless the page's language came with the call", async () => {
    const polish = await handler(event('CustomMessage_Authentication', { email: 'jan@firma.example', locale: 'pl' }), context);
    expect(polish.response.emailSubject).toBe('Twój kod logowania do Atrium');
    expect(polish.response.emailMessage).toContain('Twój jednorazowy kod logowania to {####}.');
    const reset = await handler(event('CustomMessage_ForgotPassword', { email: 'jan@firma.example', locale: 'pl' }), context);
    expect(reset.response.emailSubject).toBe('Ustaw nowe hasło do Atrium');
    const english = await handler(event('CustomMessage_SignUp', { email: 'jan@firma.example', locale: 'pl' }, { locale: 'en' }), context);
    expect(english.response.emailSubject).toBe('Confirm your e-mail address for Atrium');
  });

  it("leaves Cognito's own message for the messages Atrium does not write", async () => {
    const result = await handler(event('CustomMessage_AdminCreateUser'), context);
    expect(result.response).toEqual({ smsMessage: null, emailMessage: null, emailSubject: null });
  });

  it('sends HTML: characters escaped, line breaks as <br>, links clickable', () => {
    expect(textToHtml('Hi <b> & "you"\n\nhttps://x.test/a?b=1&c={####}\nbye')).toBe(
      'Hi &lt;b&gt; &amp; &quot;you&quot;<br><br><a href="https://x.test/a?b=1&amp;c={####}">https://x.test/a</a><br>bye',
    );
  });
});

describe('staff pool custom message trigger', () => {
  it('words the invitation\'s "forgot password" mail as an invitation in the invitee\'s language, linking the staff reset page', async () => {
    const result = await staffHandler(
      event('CustomMessage_ForgotPassword', { email: 'ola@atrium.example', locale: 'pl' }, { locale: 'pl', purpose: 'staff-invitation' }),
      context,
    );
    expect(result.response.emailSubject).toBe('Zaproszenie do panelu obsługi Atrium');
    expect(result.response.emailMessage).toContain(`href="${PORTAL}/admin/reset-password?email=ola%40atrium.example&amp;code={####}"`);
    expect(placeholders(result.response.emailMessage)).toBe(1);
  });

  it('sends staff reset links to the staff pages, and leaves sign-up mails to Cognito (staff do not sign up)', async () => {
    const reset = await staffHandler(event('CustomMessage_ForgotPassword', { email: 'ola@atrium.example', locale: 'en' }), context);
    expect(reset.response.emailSubject).toBe('Set a new password for Atrium');
    expect(reset.response.emailMessage).toContain(`href="${PORTAL}/admin/reset-password?email=ola%40atrium.example&amp;code={####}"`);
    const signUp = await staffHandler(event('CustomMessage_SignUp'), context);
    expect(signUp.response.emailMessage).toBeNull();
  });
});
