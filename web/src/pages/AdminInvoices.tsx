// Staff: every account's invoices, newest first, by kind or found by number, each with its customer and PDF.

import { useState } from 'preact/hooks';
import { api, request } from '../api.ts';
import { Frame, usePagedList, useTitle } from '../components.tsx';
import { useI18n } from '../i18n.ts';
import { INVOICE_KIND_VALUES } from '#shared/api/invoices.ts';
import { InvoicesTable } from './invoice-parts.tsx';

type Kind = (typeof INVOICE_KIND_VALUES)[number];

export function AdminInvoicesPage() {
  const { t } = useI18n();
  const [kind, setKind] = useState<Kind | ''>('');
  const [typed, setTyped] = useState('');
  const [number, setNumber] = useState('');
  const list = usePagedList(
    (page, signal) =>
      request(api.invoices.staffListInvoices, {
        query: { ...page, ...(kind ? { kind } : {}), ...(number ? { number } : {}) },
        signal,
      }),
    `${kind}|${number}`,
  );
  useTitle(t.invoices.staffTitle);

  return (
    <Frame pool="staff" signedIn>
      <div class="page-head">
        <h1 tabIndex={-1}>{t.invoices.staffHeading}</h1>
      </div>
      {/* biome-ignore lint/a11y/useSemanticElements: the <search> element is too new for the browsers we support; role="search" says the same. */}
      <form
        role="search"
        aria-label={t.invoices.filters}
        class="audit-filters"
        onSubmit={(event) => {
          event.preventDefault();
          setNumber(typed.trim().toUpperCase());
        }}
      >
        <div class="field">
          <label for="invoice-kind">{t.invoices.kind}</label>
          <select id="invoice-kind" value={kind} onChange={(event) => setKind(event.currentTarget.value as Kind | '')}>
            <option value="">{t.invoices.anyKind}</option>
            {INVOICE_KIND_VALUES.map((each) => (
              <option key={each} value={each}>
                {t.invoices.kinds[each]}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="invoice-number">{t.invoices.number}</label>
          <input
            id="invoice-number"
            value={typed}
            placeholder="FV/2026/000123"
            pattern="[A-Za-z]{1,6}/[0-9]{4}/[0-9]{6}"
            onInput={(event) => setTyped(event.currentTarget.value)}
          />
        </div>
        <button type="submit">{t.invoices.find}</button>
      </form>

      <InvoicesTable
        list={list}
        testId="admin-invoices-table"
        caption={t.invoices.staffCaption}
        emptyHelp={t.invoices.staffEmptyHelp}
        staff
      />
    </Frame>
  );
}
