// The people area's mails render in every language from the mail catalogue: the invitation carries its link, the
// account and the role in the recipient's words; each security notice names the person and the account.

import { describe, expect, it } from 'vitest';
import { LOCALES } from '#shared/i18n/locale.ts';
import { mailMessages } from '#shared/mail/messages/index.ts';
import { invitationMail, membershipNoticeMail } from '#shared/people/mails.ts';

const LINK = 'https://portal.example/invitation?token=abcdefghijklmnopqrstuvwxyz012345';

describe('people mails in every language', () => {
  it.each(LOCALES)('%s: the invitation names the account, the inviter and the role, and carries the link', (locale) => {
    const mail = invitationMail({
      to: 'new@example.test',
      locale,
      account: 'Nordwind Systems',
      inviter: 'Anna Nowak',
      role: 'billing',
      link: LINK,
      expiresAt: '2026-12-06T10:00:00.000Z',
    });
    expect(mail.subject).toContain('Nordwind Systems');
    expect(mail.text).toContain(LINK);
    expect(mail.text).toContain('Anna Nowak');
    expect(mail.text).toContain(mailMessages(locale).people.roles.billing);
    expect(mail.text).toContain('2026');
    expect(`${mail.subject}${mail.text}`).not.toMatch(/undefined|\[object/);
  });

  it.each(LOCALES)('%s: every security notice names the person and the account', (locale) => {
    const notices = [
      { kind: 'roleChanged', person: 'p@example.test', account: 'Nordwind', role: 'owner', by: 'Anna' },
      { kind: 'removed', person: 'p@example.test', account: 'Nordwind', by: 'Anna' },
      { kind: 'left', person: 'p@example.test', account: 'Nordwind' },
      { kind: 'joined', person: 'p@example.test', account: 'Nordwind', role: 'technical' },
    ] as const;
    const subjects = new Set<string>();
    for (const notice of notices) {
      const mail = membershipNoticeMail('x@example.test', locale, notice);
      expect(mail.text, notice.kind).toContain('p@example.test');
      expect(mail.subject, notice.kind).toContain('Nordwind');
      expect(`${mail.subject}${mail.text}`, notice.kind).not.toMatch(/undefined|\[object/);
      subjects.add(mail.subject);
    }
    expect(subjects.size).toBe(notices.length);
    expect(membershipNoticeMail('x@example.test', locale, notices[0]).text).toContain(mailMessages(locale).people.roles.owner);
  });
});
