// Every e-mail renders in every language: each builder of shared/mail/templates.ts and each message the Cognito
// trigger writes (both pools, every trigger source) has a subject and a body, carries its link or code, and reads in
// the recipient's language, not in English.

import { describe, expect, it } from 'vitest';
import { brand } from '#shared/brand.ts';
import { localeOf } from '#shared/identity/custom-auth.ts';
import { CUSTOM_MESSAGE_SOURCES, customMessage, STAFF_INVITATION_PURPOSE } from '#shared/identity/custom-message.ts';
import { LOCALES, type Locale } from '#shared/i18n/locale.ts';
import type { Mail } from '#shared/mail/mail.ts';
import {
  accountLink,
  alreadyRegisteredMail,
  confirmEmailMail,
  orderConfirmationMail,
  passwordResetMail,
  signInCodeMail,
  staffInvitationMail,
} from '#shared/mail/templates.ts';

const PORTAL = 'https://portal.atrium.test';
const TO = 'anna+test@nordwind.example';
const CODE = '{####}';
const LINK = accountLink(PORTAL, 'reset-password', TO, '482913');

interface Case {
  name: string;
  build: (locale: Locale) => Mail;
  /** What the mail must carry, whatever the language. */
  carries: string[];
}

const cases: Case[] = [
  { name: 'sign-in code', build: (locale) => signInCodeMail(TO, '482913', locale), carries: ['482913'] },
  { name: 'confirm e-mail', build: (locale) => confirmEmailMail(TO, LINK, locale), carries: [LINK] },
  { name: 'password reset', build: (locale) => passwordResetMail(TO, LINK, locale), carries: [LINK] },
  {
    name: 'staff invitation',
    build: (locale) => staffInvitationMail(TO, LINK, PORTAL, locale),
    carries: [LINK, `${PORTAL}/admin/sign-in`, TO],
  },
  {
    name: 'already registered',
    build: (locale) => alreadyRegisteredMail(TO, PORTAL, locale),
    carries: [`${PORTAL}/sign-in`, `${PORTAL}/forgot-password`],
  },
  {
    name: 'order confirmation',
    build: (locale) =>
      orderConfirmationMail(
        TO,
        {
          reference: 'JWT1042',
          licences: [
            { product: 'Remote Access', edition: 'Enterprise', users: 10, serial: 'RA-0001-XY', supportEndsAt: '2027-03-01' },
            { product: 'Remote Access', edition: 'Standard', users: 1, serial: 'RA-0002-ZZ', days: 30 },
          ],
          total: { amountMinor: 179_880, currency: 'EUR' },
          portalUrl: PORTAL,
        },
        locale,
      ),
    carries: ['JWT1042', 'RA-0001-XY', 'RA-0002-ZZ', `${PORTAL}/sign-in`, '2027'],
  },
];

describe('every mail in every language', () => {
  for (const { name, build, carries } of cases) {
    const english = build('en');
    it.each(LOCALES)(`${name} (%s): a subject and a body with what it carries, in its own language`, (locale) => {
      const mail = build(locale);
      expect(mail.to).toBe(TO);
      expect(mail.subject.trim()).not.toBe('');
      expect(mail.text.trim()).not.toBe('');
      for (const value of carries) expect(mail.text, `${locale} ${name}`).toContain(value);
      if (locale !== 'en') {
        expect(mail.subject).not.toBe(english.subject);
        expect(mail.text).not.toBe(english.text);
      }
    });
  }

  it('names the brand, not a literal product name, in the subject', () => {
    for (const locale of LOCALES) expect(cases[1]!.build(locale).subject).toContain(brand().productName);
  });
});

describe("Cognito's messages in every language", () => {
  const pools = ['customer', 'staff'] as const;
  const variants = pools.flatMap((pool) =>
    CUSTOM_MESSAGE_SOURCES.flatMap((triggerSource) => [
      { pool, triggerSource, purpose: undefined as string | undefined },
      ...(pool === 'staff' && triggerSource === 'CustomMessage_ForgotPassword'
        ? [{ pool, triggerSource, purpose: STAFF_INVITATION_PURPOSE as string | undefined }]
        : []),
    ]),
  );
  const write = (variant: (typeof variants)[number], locale: Locale) =>
    customMessage({ ...variant, email: TO, locale, code: CODE, portalUrl: PORTAL });

  for (const variant of variants) {
    const label = `${variant.pool} pool, ${variant.triggerSource}${variant.purpose ? ` (${variant.purpose})` : ''}`;
    const signUp = variant.triggerSource === 'CustomMessage_SignUp' || variant.triggerSource === 'CustomMessage_ResendCode';

    if (variant.pool === 'staff' && signUp) {
      it(`${label}: left to Cognito in every language (staff do not sign up)`, () => {
        for (const locale of LOCALES) expect(write(variant, locale)).toBeUndefined();
      });
      continue;
    }

    it.each(LOCALES)(`${label} (%s): subject without the code, body with it once, in its own language`, (locale) => {
      const mail = write(variant, locale);
      const english = write(variant, 'en');
      expect(mail).toBeDefined();
      expect(mail!.emailSubject.trim()).not.toBe('');
      expect(mail!.emailSubject).not.toContain(CODE);
      expect(mail!.emailMessage.split(CODE)).toHaveLength(2);
      // Codes typed on the page (sign-in, a new e-mail address) come without a link; the others are links.
      const codeOnly = ['CustomMessage_Authentication', 'CustomMessage_UpdateUserAttribute', 'CustomMessage_VerifyUserAttribute'];
      if (!codeOnly.includes(variant.triggerSource)) expect(mail!.emailMessage).toContain(`href="${PORTAL}/`);
      if (locale !== 'en') {
        expect(mail!.emailSubject).not.toBe(english!.emailSubject);
        expect(mail!.emailMessage).not.toBe(english!.emailMessage);
      }
    });
  }
});

describe("the language of Cognito's and the sign-in code's mails", () => {
  it("is the page's language, else the user's, for every language Atrium speaks; English for any other", () => {
    for (const locale of LOCALES) {
      expect(localeOf(undefined, locale)).toBe(locale);
      expect(localeOf(locale, 'en')).toBe(locale);
    }
    expect(localeOf('es', undefined)).toBe('en');
    expect(localeOf(undefined, undefined)).toBe('en');
  });
});
