// Replies by e-mail: the signed reply address (sign, parse, tamper) and what is kept of a reply (quotes and signatures
// stripped in the languages our customers write in).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resetConfigForTests } from '#shared/config.ts';
import { LOCALES } from '#shared/i18n/locale.ts';
import { closedTicketReplyMail } from '#shared/tickets/inbound/mails.ts';
import { stripQuotedReply } from '#shared/tickets/inbound/strip-quotes.ts';
import { base32, parseReplyAddress, resetTicketReplySecretForTests, ticketReplyTo } from '#shared/tickets/reply-address.ts';

const savedEnv = { ...process.env };

beforeAll(() => {
  Object.assign(process.env, {
    TABLE_NAME: 'unit',
    MAIL_FROM: 'no-reply@mail.example.com',
    CUSTOMER_CLIENT_ID: 'customer',
    STAFF_CLIENT_ID: 'staff',
    IDENTITY_ADAPTER: 'cognito',
    TICKET_REPLY_DOMAIN: 'Reply.Example.com',
    SUPPORT_MAIL_FROM: 'support@mail.example.com',
    PORTAL_URL: 'https://portal.example.com',
  });
  delete process.env.TICKET_REPLY_SECRET_ID;
  delete process.env.AWS_LAMBDA_FUNCTION_NAME;
  resetConfigForTests();
  resetTicketReplySecretForTests();
});

afterAll(() => {
  process.env = savedEnv;
  resetConfigForTests();
  resetTicketReplySecretForTests();
});

describe('the signed reply address', () => {
  it('is reply+<number>-<16 lower-case base32 characters> at the reply domain, and parses back to the ticket', async () => {
    const address = await ticketReplyTo(1042);
    expect(address).toMatch(/^reply\+1042-[a-z2-7]{16}@reply\.example\.com$/);
    expect(await parseReplyAddress(address!)).toBe(1042);
  });

  it('survives a mail system that changes the case, and a display name around it', async () => {
    const address = (await ticketReplyTo(7))!;
    expect(await parseReplyAddress(address.toUpperCase())).toBe(7);
    expect(await parseReplyAddress(`"Support desk" <${address}>`)).toBe(7);
  });

  it('is refused with another ticket number, a changed signature, a cut signature or another domain', async () => {
    const address = (await ticketReplyTo(1042))!;
    const [local, domain] = address.split('@') as [string, string];
    const signature = local.split('-')[1]!;
    const flipped = signature.replace(/^./, (first) => (first === 'a' ? 'b' : 'a'));
    expect(await parseReplyAddress(address.replace('reply+1042-', 'reply+1043-'))).toBeUndefined();
    expect(await parseReplyAddress(`reply+1042-${flipped}@${domain}`)).toBeUndefined();
    expect(await parseReplyAddress(`reply+1042-${signature.slice(0, 15)}@${domain}`)).toBeUndefined();
    expect(await parseReplyAddress(`${local}@evil.example.com`)).toBeUndefined();
    expect(await parseReplyAddress('support@reply.example.com')).toBeUndefined();
    expect(await parseReplyAddress('reply+0-aaaaaaaaaaaaaaaa@reply.example.com')).toBeUndefined();
  });

  it('gives different signatures for different tickets', async () => {
    const first = (await ticketReplyTo(1))!.split('-')[1];
    const second = (await ticketReplyTo(2))!.split('-')[1];
    expect(first).not.toBe(second);
  });

  it('is off without a reply domain: no address, and nothing parses', async () => {
    const address = (await ticketReplyTo(5))!;
    delete process.env.TICKET_REPLY_DOMAIN;
    resetConfigForTests();
    try {
      expect(await ticketReplyTo(5)).toBeUndefined();
      expect(await parseReplyAddress(address)).toBeUndefined();
    } finally {
      process.env.TICKET_REPLY_DOMAIN = 'Reply.Example.com';
      resetConfigForTests();
    }
  });

  it('refuses to sign with the development secret inside Lambda', async () => {
    process.env.AWS_LAMBDA_FUNCTION_NAME = 'atrium-test-worker';
    resetTicketReplySecretForTests();
    try {
      await expect(ticketReplyTo(5)).rejects.toThrow('TICKET_REPLY_SECRET_ID');
    } finally {
      delete process.env.AWS_LAMBDA_FUNCTION_NAME;
      resetTicketReplySecretForTests();
    }
  });

  it('encodes base32 as RFC 4648 in lower case', () => {
    // RFC 4648 test vectors: "foobar" → MZXW6YTBOI.
    expect(base32(Buffer.from('foobar'))).toBe('mzxw6ytboi');
    expect(base32(Buffer.from('f'))).toBe('my');
  });
});

describe('what is kept of a reply', () => {
  it('cuts an English Gmail reply at "On ... wrote:", also when the attribution wraps', () => {
    const text = [
      'Thanks, the restart fixed it.',
      '',
      'On Mon, 2 Nov 2026 at 10:15, Support <reply+1-abc@reply.example.com> wrote:',
      '> Please restart the service.',
    ].join('\n');
    expect(stripQuotedReply(text)).toBe('Thanks, the restart fixed it.');
    const wrapped = ['It works now.', '', 'On Mon, 2 Nov 2026 at 10:15, Anna Example <anna@example.com>', 'wrote:', '> old'].join('\n');
    expect(stripQuotedReply(wrapped)).toBe('It works now.');
  });

  it('cuts a Polish reply at "W dniu ... pisze:" and at Gmail\'s "... napisał(a):"', () => {
    const thunderbird = [
      'Dzień dobry,',
      'nadal nie działa.',
      '',
      'W dniu 02.11.2026 o 10:15, Wsparcie pisze:',
      '> Prosimy o restart.',
    ].join('\n');
    expect(stripQuotedReply(thunderbird)).toBe('Dzień dobry,\nnadal nie działa.');
    const gmail = [
      'Działa, dziękuję.',
      '',
      'pon., 2 lis 2026 o 10:15 Wsparcie <wsparcie@example.com> napisał(a):',
      '> Prosimy o restart.',
    ].join('\n');
    expect(stripQuotedReply(gmail)).toBe('Działa, dziękuję.');
  });

  it('cuts a German reply at "Am ... schrieb ...:" and at Outlook\'s "Ursprüngliche Nachricht"', () => {
    const apple = ['Es läuft wieder.', '', 'Am 02.11.2026 um 10:15 schrieb Support <support@example.com>:', '> Bitte neu starten.'].join(
      '\n',
    );
    expect(stripQuotedReply(apple)).toBe('Es läuft wieder.');
    const outlook = [
      'Danke!',
      '',
      '-----Ursprüngliche Nachricht-----',
      'Von: Support',
      'Gesendet: Montag, 2. November 2026 10:15',
      'Alt',
    ].join('\n');
    expect(stripQuotedReply(outlook)).toBe('Danke!');
  });

  it('cuts Outlook\'s From/Sent header block and the rule above it, and "-----Original Message-----"', () => {
    const block = [
      'See the log attached.',
      '',
      '________________________________',
      'From: Support <s@example.com>',
      'Sent: Monday',
      'To: Anna',
      'Old text',
    ].join('\n');
    expect(stripQuotedReply(block)).toBe('See the log attached.');
    expect(stripQuotedReply('Yes.\r\n-----Original Message-----\r\nFrom: x\r\n')).toBe('Yes.');
  });

  it('cuts French and Italian attributions', () => {
    expect(stripQuotedReply('Merci.\n\nLe lun. 2 nov. 2026 à 10:15, Support <s@example.com> a écrit :\n> Ancien')).toBe('Merci.');
    expect(stripQuotedReply('Grazie.\n\nIl giorno lun 2 nov 2026 alle ore 10:15 Support <s@example.com> ha scritto:\n> Vecchio')).toBe(
      'Grazie.',
    );
  });

  it('drops the signature after "-- " (with or without its trailing space) and a phone client\'s last line', () => {
    expect(stripQuotedReply('Done.\n\n-- \nAnna Example\nACME sp. z o.o.')).toBe('Done.');
    expect(stripQuotedReply('Done.\n--\nAnna')).toBe('Done.');
    expect(stripQuotedReply('Still broken.\n\nSent from my iPhone')).toBe('Still broken.');
    expect(stripQuotedReply("Nadal nie działa.\n\nWysłane z iPhone'a")).toBe('Nadal nie działa.');
    expect(stripQuotedReply('Geht nicht.\n\nVon meinem iPhone gesendet')).toBe('Geht nicht.');
  });

  it('drops interleaved ">" quotes but keeps the answers between them', () => {
    const text = ['> Which version?', '5.2', '> Which OS?', 'Debian 12'].join('\n');
    expect(stripQuotedReply(text)).toBe('5.2\nDebian 12');
  });

  it('keeps a reply with no history as it is, and leaves nothing of a reply that is only a quote', () => {
    expect(stripQuotedReply('Line one\n\nLine two\n')).toBe('Line one\n\nLine two');
    expect(stripQuotedReply('On Mon, 2 Nov 2026, Support wrote:\n> only history')).toBe('');
    expect(stripQuotedReply('> only quotes\n> here')).toBe('');
  });

  it('keeps a sentence that merely starts like an attribution', () => {
    expect(stripQuotedReply('On Monday the backup failed again.\nPlease check.')).toBe('On Monday the backup failed again.\nPlease check.');
  });
});

describe('the notice to a contact who answered a closed ticket', () => {
  it("comes from the support sender in the contact's language, with the ticket number, its portal link and the footer", () => {
    const texts = LOCALES.map((locale) => closedTicketReplyMail('anna@example.com', { ticketNumber: 42, subject: 'VPN' }, locale));
    for (const mail of texts) {
      expect(mail).toMatchObject({ to: 'anna@example.com', from: 'support@mail.example.com' });
      expect(mail.subject).toContain('42');
      expect(mail.text).toContain('https://portal.example.com/tickets/42');
      expect(mail.text).toContain('30');
      expect(mail.text).toContain('\n-- \n');
    }
    expect(new Set(texts.map((mail) => mail.subject)).size).toBe(LOCALES.length);
    expect(texts.find((_, index) => LOCALES[index] === 'pl')!.text).toContain('zamknięte');
  });
});
