// Staff: every customer account, newest first, and the search that finds one by any of its keys (name or e-mail prefix,
// order reference, licence serial, contract number, activation key, VAT id), accents and case ignored.

import { useState } from 'preact/hooks';
import { customerSearchText } from '#shared/api/customers.ts';
import { foldSearchText, MIN_SEARCH_LENGTH } from '#shared/search/fold.ts';
import { api, request, type CustomerMatch } from '../api.ts';
import { Frame, Link, PagedTable, usePagedList, useTitle } from '../components.tsx';
import { SearchForm, useAddressQuery } from '../address-search.tsx';
import { limitsOf } from '../form-checks.ts';
import { useI18n } from '../i18n.ts';
import './admin-orders.css';

const searchLimits = limitsOf(customerSearchText);

function customerHref(accountId: string): string {
  return `/admin/customers/${encodeURIComponent(accountId)}`;
}

export function CustomersPage() {
  const { t } = useI18n();
  const [active, apply] = useAddressQuery();

  useTitle(t.customers.title);

  return (
    <Frame pool="staff" signedIn>
      <div class="page-head">
        <h1 tabIndex={-1}>{t.customers.heading}</h1>
        <p class="muted">{t.customers.intro}</p>
      </div>

      <SearchForm
        id="customer-search"
        label={t.customers.searchLabel}
        hint={t.customers.searchHint}
        submitLabel={t.customers.search}
        showAllLabel={t.customers.showAll}
        active={active}
        onApply={apply}
        limits={searchLimits}
        // The same folding as the server's: "ł." is one letter, too short for the index, so say it here.
        problemOf={(query) => (Array.from(foldSearchText(query)).length < MIN_SEARCH_LENGTH ? t.customers.searchTooShort : undefined)}
      />

      {active ? <SearchResults key={active} query={active} /> : <AllCustomers />}
    </Frame>
  );
}

function AllCustomers() {
  const { t, formatDate } = useI18n();
  const list = usePagedList((page, signal) => request(api.customers.listCustomers, { query: page, signal }));
  return (
    <PagedTable
      list={list}
      testId="customers-table"
      caption={t.customers.tableCaption}
      empty={{ title: t.customers.empty, help: t.customers.emptyHelp }}
      showing={t.customers.showing(list.items.length)}
      head={
        <>
          <th scope="col">{t.customers.name}</th>
          <th scope="col">{t.customers.contactEmail}</th>
          <th scope="col">{t.customers.country}</th>
          <th scope="col">{t.customers.created}</th>
        </>
      }
      row={(customer) => (
        <tr key={customer.accountId}>
          <td>
            <Link href={customerHref(customer.accountId)}>{customer.name}</Link>
          </td>
          <td>
            <a href={`mailto:${customer.contactEmail}`}>{customer.contactEmail}</a>
          </td>
          <td>{customer.country ?? t.app.notAvailable}</td>
          <td>
            <time dateTime={customer.createdAt}>{formatDate(customer.createdAt)}</time>
          </td>
        </tr>
      )}
    />
  );
}

/** One search: at most 25 accounts, and a note when more match (the index answers a bounded number). */
function SearchResults(props: { query: string }) {
  const { t, formatDate } = useI18n();
  const [more, setMore] = useState(false);
  const list = usePagedList<CustomerMatch>(async (_page, signal) => {
    const found = await request(api.customers.searchCustomers, { query: { q: props.query }, signal });
    setMore(found.more);
    return { items: found.items };
  }, props.query);
  return (
    <>
      <PagedTable
        list={list}
        testId="customer-search-results"
        caption={t.customers.resultsFor(props.query)}
        empty={{ title: t.customers.noMatch(props.query), help: t.customers.noMatchHelp }}
        showing={t.customers.showing(list.items.length)}
        head={
          <>
            <th scope="col">{t.customers.name}</th>
            <th scope="col">{t.customers.country}</th>
            <th scope="col">{t.customers.contactEmail}</th>
            <th scope="col" class="num">
              {t.customers.licences}
            </th>
            <th scope="col">{t.customers.lastOrder}</th>
            <th scope="col">{t.customers.matched}</th>
          </>
        }
        row={(customer) => (
          <tr key={customer.accountId}>
            <td>
              <Link href={customerHref(customer.accountId)}>{customer.name}</Link>
            </td>
            <td>{customer.country ?? t.app.notAvailable}</td>
            <td>
              <a href={`mailto:${customer.contactEmail}`}>{customer.contactEmail}</a>
            </td>
            <td class="num">{customer.licenceCount}</td>
            <td>
              {customer.lastOrder ? (
                <>
                  {customer.lastOrder.reference}
                  {', '}
                  <time dateTime={customer.lastOrder.orderedAt}>{formatDate(customer.lastOrder.orderedAt)}</time>
                </>
              ) : (
                t.customers.noOrders
              )}
            </td>
            <td>
              {t.customers.matchKinds[customer.matched.kind]}: {customer.matched.value}
            </td>
          </tr>
        )}
      />
      {more && list.items.length > 0 && (
        <p class="muted" data-testid="customer-search-more">
          {t.customers.moreMatches}
        </p>
      )}
    </>
  );
}
