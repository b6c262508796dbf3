// An invoice as the PDF the customer files: a rendering of the immutable invoice item (shared/billing/invoice.ts) in the
// buyer's language, with DejaVu Sans embedded. The same item always gives the same text, so the stored PDF never goes
// stale (shared/billing/invoice-files.ts keeps it in the files bucket).

import PDFDocument from 'pdfkit';
import type { Invoice, InvoiceKind } from '#shared/billing/invoice.ts';
import { invoiceFonts } from '#shared/billing/invoice-fonts.ts';
import { billingSettings } from '#shared/billing/settings.ts';
import type { TaxTreatment } from '#shared/billing/tax.ts';
import { formatDay, formatMoney } from '#shared/i18n/format.ts';
import type { Locale } from '#shared/i18n/locale.ts';

interface PdfTexts {
  title: Record<InvoiceKind, string>;
  number: string;
  issued: string;
  saleDate: string;
  due: string;
  paid: string;
  seller: string;
  buyer: string;
  vatId: string;
  columns: { description: string; quantity: string; unitNet: string; net: string; rate: string; vat: string; gross: string };
  totals: string;
  currency: string;
  notes: Partial<Record<TaxTreatment, string>>;
  corrects: string;
  reason: string;
  transfer: string;
  bank: { holder: string; bankName: string; iban: string; swift: string; title: string; amount: string };
  order: string;
}

const TEXTS: Record<Locale, PdfTexts> = {
  en: {
    title: { proforma: 'Proforma invoice', vat: 'Invoice', correction: 'Correction invoice' },
    number: 'No.',
    issued: 'Issue date',
    saleDate: 'Sale date',
    due: 'Due date',
    paid: 'Paid on',
    seller: 'Seller',
    buyer: 'Buyer',
    vatId: 'VAT ID',
    columns: { description: 'Description', quantity: 'Qty', unitNet: 'Unit net', net: 'Net', rate: 'VAT %', vat: 'VAT', gross: 'Gross' },
    totals: 'Total',
    currency: 'Currency',
    notes: {
      'reverse-charge': 'Reverse charge: VAT to be accounted for by the buyer (Article 196 of Directive 2006/112/EC).',
      export: 'Not subject to VAT in the seller’s country: the service is supplied outside the EU.',
    },
    corrects: 'Corrects invoice',
    reason: 'Reason for correction',
    transfer: 'Please pay by bank transfer',
    bank: { holder: 'Account holder', bankName: 'Bank', iban: 'IBAN', swift: 'SWIFT/BIC', title: 'Transfer title', amount: 'Amount' },
    order: 'Order',
  },
  pl: {
    title: { proforma: 'Faktura proforma', vat: 'Faktura VAT', correction: 'Faktura korygująca' },
    number: 'Nr',
    issued: 'Data wystawienia',
    saleDate: 'Data sprzedaży',
    due: 'Termin płatności',
    paid: 'Zapłacono',
    seller: 'Sprzedawca',
    buyer: 'Nabywca',
    vatId: 'NIP',
    columns: { description: 'Nazwa', quantity: 'Ilość', unitNet: 'Cena netto', net: 'Netto', rate: 'VAT %', vat: 'VAT', gross: 'Brutto' },
    totals: 'Razem',
    currency: 'Waluta',
    notes: {
      'reverse-charge': 'Odwrotne obciążenie: VAT rozlicza nabywca (art. 196 dyrektywy 2006/112/WE).',
      export: 'Nie podlega opodatkowaniu VAT w Polsce: usługa świadczona poza UE.',
    },
    corrects: 'Korygowana faktura',
    reason: 'Przyczyna korekty',
    transfer: 'Prosimy o zapłatę przelewem',
    bank: {
      holder: 'Odbiorca',
      bankName: 'Bank',
      iban: 'Numer rachunku (IBAN)',
      swift: 'SWIFT/BIC',
      title: 'Tytuł przelewu',
      amount: 'Kwota',
    },
    order: 'Zamówienie',
  },
  de: {
    title: { proforma: 'Proformarechnung', vat: 'Rechnung', correction: 'Rechnungskorrektur' },
    number: 'Nr.',
    issued: 'Rechnungsdatum',
    saleDate: 'Leistungsdatum',
    due: 'Fällig am',
    paid: 'Bezahlt am',
    seller: 'Verkäufer',
    buyer: 'Käufer',
    vatId: 'USt-IdNr.',
    columns: {
      description: 'Beschreibung',
      quantity: 'Menge',
      unitNet: 'Einzelpreis netto',
      net: 'Netto',
      rate: 'USt. %',
      vat: 'USt.',
      gross: 'Brutto',
    },
    totals: 'Summe',
    currency: 'Währung',
    notes: {
      'reverse-charge': 'Steuerschuldnerschaft des Leistungsempfängers (Reverse Charge, Art. 196 der Richtlinie 2006/112/EG).',
      export: 'Nicht im Land des Verkäufers umsatzsteuerbar: Leistung außerhalb der EU.',
    },
    corrects: 'Korrigiert Rechnung',
    reason: 'Grund der Korrektur',
    transfer: 'Bitte per Überweisung zahlen',
    bank: { holder: 'Kontoinhaber', bankName: 'Bank', iban: 'IBAN', swift: 'SWIFT/BIC', title: 'Verwendungszweck', amount: 'Betrag' },
    order: 'Bestellung',
  },
  fr: {
    title: { proforma: 'Facture proforma', vat: 'Facture', correction: 'Facture rectificative' },
    number: 'N°',
    issued: 'Date d’émission',
    saleDate: 'Date de vente',
    due: 'Échéance',
    paid: 'Payée le',
    seller: 'Vendeur',
    buyer: 'Acheteur',
    vatId: 'N° TVA',
    columns: {
      description: 'Désignation',
      quantity: 'Qté',
      unitNet: 'Prix unitaire HT',
      net: 'HT',
      rate: 'TVA %',
      vat: 'TVA',
      gross: 'TTC',
    },
    totals: 'Total',
    currency: 'Devise',
    notes: {
      'reverse-charge': 'Autoliquidation : TVA due par le preneur (article 196 de la directive 2006/112/CE).',
      export: 'Non soumis à la TVA dans le pays du vendeur : prestation hors de l’UE.',
    },
    corrects: 'Rectifie la facture',
    reason: 'Motif de la rectification',
    transfer: 'Merci de payer par virement bancaire',
    bank: { holder: 'Titulaire', bankName: 'Banque', iban: 'IBAN', swift: 'SWIFT/BIC', title: 'Libellé du virement', amount: 'Montant' },
    order: 'Commande',
  },
  it: {
    title: { proforma: 'Fattura proforma', vat: 'Fattura', correction: 'Nota di credito' },
    number: 'N.',
    issued: 'Data di emissione',
    saleDate: 'Data di vendita',
    due: 'Scadenza',
    paid: 'Pagata il',
    seller: 'Venditore',
    buyer: 'Acquirente',
    vatId: 'Partita IVA',
    columns: {
      description: 'Descrizione',
      quantity: 'Qtà',
      unitNet: 'Prezzo unitario netto',
      net: 'Imponibile',
      rate: 'IVA %',
      vat: 'IVA',
      gross: 'Totale',
    },
    totals: 'Totale',
    currency: 'Valuta',
    notes: {
      'reverse-charge': 'Inversione contabile: IVA dovuta dall’acquirente (art. 196 della direttiva 2006/112/CE).',
      export: 'Non soggetto a IVA nel paese del venditore: servizio prestato fuori dall’UE.',
    },
    corrects: 'Rettifica la fattura',
    reason: 'Motivo della rettifica',
    transfer: 'Si prega di pagare con bonifico bancario',
    bank: { holder: 'Intestatario', bankName: 'Banca', iban: 'IBAN', swift: 'SWIFT/BIC', title: 'Causale', amount: 'Importo' },
    order: 'Ordine',
  },
};

/** The PDF's title line, e.g. "Faktura VAT FV/2026/000123" (also its document title and the download's name). */
export function invoiceTitle(invoice: Pick<Invoice, 'kind' | 'number'>, locale: Locale): string {
  return `${TEXTS[locale].title[invoice.kind]} ${invoice.number}`;
}

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 48;
const WIDTH = A4[0] - 2 * MARGIN;

/** Renders the invoice; deterministic for one item and locale (the PDF's dates are the invoice's own). */
export async function renderInvoicePdf(invoice: Invoice, locale: Locale): Promise<Buffer> {
  const texts = TEXTS[locale];
  const fonts = await invoiceFonts();
  const issuedAt = new Date(invoice.issuedAt);
  const doc = new PDFDocument({
    size: A4,
    margin: MARGIN,
    // No default Helvetica: pdfkit would read its AFM from node_modules, which a Lambda bundle does not have.
    font: fonts.regular,
    info: { Title: invoiceTitle(invoice, locale), Author: invoice.seller.name, CreationDate: issuedAt, ModDate: issuedAt },
    lang: locale,
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  // English invoices go to European buyers: day before month (30 Nov 2026), as the other four languages write it.
  const tag = locale === 'en' ? 'en-GB' : locale;
  const money = (amountMinor: number) => formatMoney({ amountMinor, currency: invoice.currency }, tag);
  const day = (iso: string) => formatDay(iso, tag);

  // Title and dates.
  doc.font(fonts.bold).fontSize(18).text(texts.title[invoice.kind], MARGIN, MARGIN);
  doc.font(fonts.regular).fontSize(11).text(`${texts.number} ${invoice.number}`);
  doc.moveDown(0.5).fontSize(9);
  const dates = [
    `${texts.issued}: ${day(invoice.issuedAt)}`,
    `${texts.saleDate}: ${day(invoice.issuedAt)}`,
    ...(invoice.dueAt ? [`${texts.due}: ${day(invoice.dueAt)}`] : []),
    ...(invoice.paidAt && invoice.kind !== 'correction' ? [`${texts.paid}: ${day(invoice.paidAt)}`] : []),
    `${texts.currency}: ${invoice.currency}`,
    ...(invoice.order ? [`${texts.order}: ${invoice.order.reference}`] : []),
  ];
  for (const line of dates) doc.text(line);

  // Seller and buyer side by side.
  const partiesTop = doc.y + 14;
  const column = WIDTH / 2 - 8;
  const party = (heading: string, who: Invoice['seller'], x: number) => {
    doc.font(fonts.bold).fontSize(10).text(heading, x, partiesTop, { width: column });
    doc.font(fonts.regular).fontSize(9);
    const lines = [
      who.name,
      who.address.line1,
      ...(who.address.line2 ? [who.address.line2] : []),
      `${who.address.postalCode} ${who.address.city}`,
      who.country,
      ...(who.vatId ? [`${texts.vatId}: ${who.vatId}`] : []),
    ];
    for (const line of lines) doc.text(line, x, undefined, { width: column });
    return doc.y;
  };
  const sellerBottom = party(texts.seller, invoice.seller, MARGIN);
  const buyerBottom = party(texts.buyer, invoice.buyer, MARGIN + WIDTH / 2 + 8);
  doc.y = Math.max(sellerBottom, buyerBottom) + 12;

  if (invoice.corrects) {
    doc.font(fonts.bold).fontSize(9).text(`${texts.corrects}: ${invoice.corrects.number}`, MARGIN, doc.y);
    if (invoice.reason) doc.font(fonts.regular).text(`${texts.reason}: ${invoice.reason}`, MARGIN, undefined, { width: WIDTH });
    doc.moveDown(0.5);
  }

  // The lines: description, quantity, unit net, net, VAT rate, VAT, gross.
  const numbers = [36, 66, 66, 40, 60, 72];
  const widths = [WIDTH - numbers.reduce((sum, width) => sum + width, 0), ...numbers];
  const row = (cells: string[], bold = false) => {
    const top = doc.y;
    let x = MARGIN;
    let bottom = top;
    doc.font(bold ? fonts.bold : fonts.regular).fontSize(8);
    cells.forEach((cell, index) => {
      doc.text(cell, x + 2, top, { width: widths[index]! - 4, align: index === 0 ? 'left' : 'right' });
      bottom = Math.max(bottom, doc.y);
      x += widths[index]!;
    });
    doc.y = bottom + 3;
    doc
      .moveTo(MARGIN, doc.y - 1.5)
      .lineTo(MARGIN + WIDTH, doc.y - 1.5)
      .lineWidth(0.3)
      .strokeColor('#999999')
      .stroke();
  };
  const { columns } = texts;
  row([columns.description, columns.quantity, columns.unitNet, columns.net, columns.rate, columns.vat, columns.gross], true);
  for (const line of invoice.lines) {
    row([
      line.description,
      String(line.quantity),
      money(line.unitNetMinor),
      money(line.netMinor),
      `${line.vatRateBasisPoints / 100}%`,
      money(line.vatMinor),
      money(line.grossMinor),
    ]);
  }
  row(
    [
      texts.totals,
      '',
      '',
      money(invoice.totals.netMinor),
      `${invoice.tax.rateBasisPoints / 100}%`,
      money(invoice.totals.vatMinor),
      money(invoice.totals.grossMinor),
    ],
    true,
  );

  const note = texts.notes[invoice.tax.treatment];
  if (note) doc.moveDown(0.5).font(fonts.regular).fontSize(9).text(note, MARGIN, doc.y, { width: WIDTH });

  // A proforma says where to pay and what to write on the transfer.
  if (invoice.kind === 'proforma') {
    const { bank } = billingSettings();
    doc.moveDown(1).font(fonts.bold).fontSize(10).text(texts.transfer, MARGIN, doc.y, { width: WIDTH });
    doc.font(fonts.regular).fontSize(9);
    const transfer = [
      `${texts.bank.holder}: ${bank.holder}`,
      `${texts.bank.bankName}: ${bank.bankName}`,
      `${texts.bank.iban}: ${bank.iban}`,
      `${texts.bank.swift}: ${bank.swift}`,
      `${texts.bank.amount}: ${money(invoice.totals.grossMinor)}`,
      `${texts.bank.title}: ${invoice.order?.reference ?? invoice.number}`,
    ];
    for (const line of transfer) doc.text(line, MARGIN, undefined, { width: WIDTH });
  }

  doc.end();
  return done;
}
