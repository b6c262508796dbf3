// Golden tests of the invoice PDF's text (shared/billing/invoice-pdf.ts), read back with unpdf: Polish letters, German
// and French ones come out as written (DejaVu Sans is embedded), and each kind prints what it must.

import { extractText } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { type Invoice, invoiceLocale } from '#shared/billing/invoice.ts';
import { renderInvoicePdf } from '#shared/billing/invoice-pdf.ts';
import { DEFAULT_BILLING } from '#shared/billing/settings.ts';

const seller = DEFAULT_BILLING.seller;

/** The PDF's text, spaces of every width as plain spaces (Intl puts no-break spaces in amounts). */
async function pdfText(pdf: Buffer): Promise<string> {
  const { text } = await extractText(new Uint8Array(pdf), { mergePages: true });
  return text.replace(/[\u00a0\u202f]/g, ' ');
}

const polishProforma: Invoice = {
  invoiceId: '01KB0000000000000000000001',
  accountId: 'acc-pl',
  kind: 'proforma',
  number: 'PF/2026/000007',
  issuedAt: '2026-11-30T10:00:00.000Z',
  dueAt: '2026-12-14T10:00:00.000Z',
  currency: 'PLN',
  seller,
  buyer: {
    name: 'Zażółć Gęślą Jaźń sp. z o.o.',
    address: { line1: 'ul. Źródlana 5 ąćęłńóśźż', postalCode: '90-001', city: 'Łódź' },
    country: 'PL',
    vatId: 'PL5213456789',
    profileType: 'company',
  },
  tax: { treatment: 'domestic', rateBasisPoints: 2300 },
  lines: [
    {
      description: 'Licencja roczna – księgowość',
      quantity: 3,
      unitNetMinor: 3333,
      netMinor: 9999,
      vatRateBasisPoints: 2300,
      vatMinor: 2300,
      grossMinor: 12299,
    },
    {
      description: 'Wsparcie techniczne',
      quantity: 1,
      unitNetMinor: 50,
      netMinor: 50,
      vatRateBasisPoints: 2300,
      vatMinor: 12,
      grossMinor: 62,
    },
  ],
  totals: { netMinor: 10049, vatMinor: 2312, grossMinor: 12361 },
  order: { orderId: '01KB0000000000000000000ORD', reference: 'ZAM-4821-KQ' },
};

describe('the invoice PDF', () => {
  it('prints a Polish proforma in Polish, letter for letter, with the bank-transfer data and the order as its title', async () => {
    // Act
    const pdf = await renderInvoicePdf(polishProforma, 'pl');

    // Assess
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(await pdfText(pdf)).toBe(
      [
        'Faktura proforma',
        'Nr PF/2026/000007',
        'Data wystawienia: 30 lis 2026',
        'Data sprzedaży: 30 lis 2026',
        'Termin płatności: 14 gru 2026',
        'Waluta: PLN',
        'Zamówienie: ZAM-4821-KQ',
        'Sprzedawca',
        'Atrium Software sp. z o.o.',
        'ul. Prosta 51',
        '00-838 Warszawa',
        'PL',
        'NIP: PL5252248481',
        'Nabywca',
        'Zażółć Gęślą Jaźń sp. z o.o.',
        'ul. Źródlana 5 ąćęłńóśźż',
        '90-001 Łódź',
        'PL',
        'NIP: PL5213456789',
        'Nazwa Ilość Cena netto Netto VAT % VAT Brutto',
        'Licencja roczna – księgowość 3 33,33 zł 99,99 zł 23% 23,00 zł 122,99 zł',
        'Wsparcie techniczne 1 0,50 zł 0,50 zł 23% 0,12 zł 0,62 zł',
        'Razem 100,49 zł 23% 23,12 zł 123,61 zł',
        'Prosimy o zapłatę przelewem',
        'Odbiorca: Atrium Software sp. z o.o.',
        'Bank: mBank S.A.',
        'Numer rachunku (IBAN): PL61109010140000071219812874',
        'SWIFT/BIC: BREXPLPWXXX',
        'Kwota: 123,61 zł',
        'Tytuł przelewu: ZAM-4821-KQ',
      ].join('\n'),
    );
  });

  it('prints a German reverse-charge invoice in German, with umlauts and the reverse-charge note', async () => {
    // Prepare
    const invoice: Invoice = {
      ...polishProforma,
      kind: 'vat',
      number: 'FV/2026/000042',
      currency: 'EUR',
      dueAt: undefined,
      paidAt: '2026-11-30T10:00:00.000Z',
      buyer: {
        name: 'Müller & Söhne Großhandel GmbH',
        address: { line1: 'Königsallee 12', postalCode: '40212', city: 'Düsseldorf' },
        country: 'DE',
        vatId: 'DE123456789',
        profileType: 'company',
      },
      tax: { treatment: 'reverse-charge', rateBasisPoints: 0 },
      lines: [
        {
          description: 'Jahreslizenz Übersetzung',
          quantity: 2,
          unitNetMinor: 4999,
          netMinor: 9998,
          vatRateBasisPoints: 0,
          vatMinor: 0,
          grossMinor: 9998,
        },
      ],
      totals: { netMinor: 9998, vatMinor: 0, grossMinor: 9998 },
    };

    // Act
    const text = await pdfText(await renderInvoicePdf(invoice, invoiceLocale(invoice)));

    // Assess
    expect(invoiceLocale(invoice)).toBe('de');
    expect(text).toContain('Rechnung\nNr. FV/2026/000042\nRechnungsdatum: 30.11.2026\nLeistungsdatum: 30.11.2026\nBezahlt am: 30.11.2026');
    expect(text).toContain('Käufer\nMüller & Söhne Großhandel GmbH\nKönigsallee 12\n40212 Düsseldorf\nDE\nUSt-IdNr.: DE123456789');
    expect(text).toContain('Jahreslizenz Übersetzung 2 49,99 € 99,98 € 0% 0,00 € 99,98 €');
    expect(text).toContain('Summe 99,98 € 0% 0,00 € 99,98 €');
    expect(text).toContain('Steuerschuldnerschaft des Leistungsempfängers (Reverse Charge, Art. 196 der Richtlinie 2006/112/EG).');
    expect(text).not.toContain('Überweisung');
  });

  it('prints a French correction with the corrected invoice’s number, the reason and negative lines', async () => {
    // Prepare
    const invoice: Invoice = {
      ...polishProforma,
      kind: 'correction',
      number: 'FK/2026/000003',
      currency: 'EUR',
      dueAt: undefined,
      buyer: {
        name: 'Société Générale d’Études Françaises',
        address: { line1: '3 rue de l’Église', postalCode: '75004', city: 'Paris' },
        country: 'FR',
        profileType: 'individual',
      },
      tax: { treatment: 'consumer', rateBasisPoints: 2300 },
      lines: [
        {
          description: 'Remboursement – licence annuelle',
          quantity: 1,
          unitNetMinor: -3333,
          netMinor: -3333,
          vatRateBasisPoints: 2300,
          vatMinor: -767,
          grossMinor: -4100,
        },
      ],
      totals: { netMinor: -3333, vatMinor: -767, grossMinor: -4100 },
      corrects: { invoiceId: '01KB0000000000000000000009', number: 'FV/2026/000040' },
      reason: 'Remboursement partiel demandé le 29 novembre (trop-perçu)',
    };

    // Act
    const text = await pdfText(await renderInvoicePdf(invoice, 'fr'));

    // Assess
    expect(invoiceLocale(invoice)).toBe('fr');
    expect(text).toContain('Facture rectificative\nN° FK/2026/000003\nDate d’émission: 30 nov. 2026');
    expect(text).toContain('Acheteur\nSociété Générale d’Études Françaises\n3 rue de l’Église\n75004 Paris\nFR');
    expect(text).toContain(
      'Rectifie la facture: FV/2026/000040\nMotif de la rectification: Remboursement partiel demandé le 29 novembre (trop-perçu)',
    );
    expect(text).toContain('Remboursement – licence annuelle 1 -33,33 € -33,33 € 23% -7,67 € -41,00 €');
    expect(text).toContain('Total -33,33 € 23% -7,67 € -41,00 €');
    expect(text).not.toContain('Autoliquidation');
  });

  it('prints English for a buyer outside the pl/de/fr/it countries, with the export note', async () => {
    // Prepare
    const invoice: Invoice = {
      ...polishProforma,
      kind: 'vat',
      number: 'FV/2026/000050',
      currency: 'GBP',
      buyer: {
        name: 'Thames Tooling Ltd',
        address: { line1: '1 High Street', postalCode: 'SW1A 1AA', city: 'London' },
        country: 'GB',
        profileType: 'company',
      },
      tax: { treatment: 'export', rateBasisPoints: 0 },
      lines: [
        {
          description: 'Annual licence',
          quantity: 1,
          unitNetMinor: 12000,
          netMinor: 12000,
          vatRateBasisPoints: 0,
          vatMinor: 0,
          grossMinor: 12000,
        },
      ],
      totals: { netMinor: 12000, vatMinor: 0, grossMinor: 12000 },
    };

    // Act
    const text = await pdfText(await renderInvoicePdf(invoice, invoiceLocale(invoice)));

    // Assess
    expect(text).toContain('Invoice\nNo. FV/2026/000050\nIssue date: 30 Nov 2026');
    expect(text).toContain('Due date: 14 Dec 2026');
    expect(text).toContain('Annual licence 1 £120.00 £120.00 0% £0.00 £120.00');
    expect(text).toContain('Not subject to VAT in the seller’s country: the service is supplied outside the EU.');
  });

  it('renders the same item to the same text every time', async () => {
    // Assess
    expect(await pdfText(await renderInvoicePdf(polishProforma, 'pl'))).toBe(await pdfText(await renderInvoicePdf(polishProforma, 'pl')));
  });
});
