// The stage's brand: checked when read (a bad colour or a script URL never reaches a page), read by the lambdas from
// ATRIUM_BRAND, and closing every mail the templates build, in the mail's language.

import { afterEach, describe, expect, it } from 'vitest';
import { BRAND_VARIABLE, brand, brandScript, DEFAULT_BRAND, parseBrand, resetBrandForTests } from '#shared/brand.ts';
import { LOCALES } from '#shared/i18n/locale.ts';
import {
  alreadyRegisteredMail,
  confirmEmailMail,
  orderConfirmationMail,
  passwordResetMail,
  signInCodeMail,
} from '#shared/mail/templates.ts';

afterEach(() => {
  delete process.env[BRAND_VARIABLE];
  resetBrandForTests();
});

describe('brand', () => {
  it('fills what a stage leaves out with Atrium’s own, and refuses script URLs and bad colours', () => {
    const vendor = parseBrand({ productName: 'Nordwind Portal', colours: { accent: '#0b7a4b' } });
    expect(vendor.productName).toBe('Nordwind Portal');
    expect(vendor.supportEmail).toBe(DEFAULT_BRAND.supportEmail);
    expect(vendor.colours).toEqual({ ...DEFAULT_BRAND.colours, accent: '#0b7a4b' });
    expect(() => parseBrand({ logoUrl: 'javascript:alert(1)' })).toThrow(/image URL/);
    expect(() => parseBrand({ faviconUrl: '//evil.example/x.svg' })).toThrow(/image URL/);
    expect(() => parseBrand({ colours: { accent: 'red; } body { display: none' } })).toThrow(/colour/);
    expect(() => parseBrand({ productName: ' ' })).toThrow(/product name/);
  });

  it('is read from ATRIUM_BRAND by the lambdas, Atrium’s own without it', () => {
    expect(brand()).toEqual(DEFAULT_BRAND);
    resetBrandForTests();
    process.env[BRAND_VARIABLE] = JSON.stringify({ productName: 'Nordwind Portal', supportEmail: 'help@nordwind.example' });
    expect(brand()).toMatchObject({ productName: 'Nordwind Portal', supportEmail: 'help@nordwind.example' });
  });

  it('writes a brand.js no value can break out of', () => {
    const script = brandScript(parseBrand({ legalFooter: '</script><script>alert(1)</script>' }));
    expect(script).not.toContain('</script>');
    expect(script.startsWith('window.__ATRIUM_BRAND__=')).toBe(true);
  });

  it('closes every mail with the stage’s footer, in each language', () => {
    process.env[BRAND_VARIABLE] = JSON.stringify({
      productName: 'Nordwind Portal',
      supportEmail: 'help@nordwind.example',
      legalFooter: 'Nordwind GmbH, Berlin',
    });
    for (const locale of LOCALES) {
      const mails = [
        signInCodeMail('a@example.test', '123456', locale),
        confirmEmailMail('a@example.test', 'https://portal/confirm', locale),
        passwordResetMail('a@example.test', 'https://portal/reset', locale),
        alreadyRegisteredMail('a@example.test', 'https://portal', locale),
        orderConfirmationMail(
          'a@example.test',
          { reference: 'JWT1', licences: [], total: { amountMinor: 100, currency: 'EUR' }, portalUrl: 'https://portal' },
          locale,
        ),
      ];
      for (const mail of mails) {
        const footer = mail.text.slice(mail.text.lastIndexOf('\n-- \n'));
        expect(footer, `${locale}: ${mail.subject}`).toContain('Nordwind Portal');
        expect(footer).toContain('help@nordwind.example');
        expect(footer).toContain('Nordwind GmbH, Berlin');
      }
    }
  });
});
