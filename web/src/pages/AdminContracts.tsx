// Staff: every support contract newest first, a search by the start of a contract number, and the way to a new one.

import { api, request } from '../api.ts';
import { Frame, Link, PagedTable, usePagedList, useTitle } from '../components.tsx';
import { SearchForm, useAddressQuery } from '../address-search.tsx';
import { useI18n } from '../i18n.ts';
import { ContractStatus, slaText, useFormatDay } from './contract-parts.tsx';
import './admin-orders.css';
import './admin-contracts.css';

export function AdminContractsPage() {
  const { t } = useI18n();
  const formatDay = useFormatDay();
  const [active, apply] = useAddressQuery();
  const list = usePagedList(
    (page, signal) => request(api.contracts.listContracts, { query: { ...(active ? { q: active } : {}), ...page }, signal }),
    active,
  );

  useTitle(t.adminContracts.title);

  return (
    <Frame pool="staff" signedIn>
      <div class="page-head head-with-action">
        <div>
          <h1 tabIndex={-1}>{t.adminContracts.heading}</h1>
          <p class="muted">{t.adminContracts.intro}</p>
        </div>
        <Link href="/admin/contracts/new" class="button primary">
          {t.adminContracts.newContract}
        </Link>
      </div>

      <SearchForm
        id="contract-search"
        label={t.adminContracts.searchLabel}
        hint={t.adminContracts.searchHint}
        submitLabel={t.adminContracts.search}
        showAllLabel={t.adminContracts.showAll}
        active={active}
        onApply={apply}
        normalise={(query) => query.toUpperCase()}
      />

      <PagedTable
        list={list}
        testId="staff-contracts-table"
        caption={active ? t.adminContracts.resultsFor(active) : t.adminContracts.tableCaption}
        empty={
          active
            ? { title: t.adminContracts.noMatch(active), help: t.adminContracts.noMatchHelp }
            : { title: t.adminContracts.empty, help: t.adminContracts.emptyHelp }
        }
        showing={t.adminContracts.showing(list.items.length)}
        compact
        head={
          <>
            <th scope="col">{t.adminContracts.number}</th>
            <th scope="col">{t.adminContracts.product}</th>
            <th scope="col">{t.adminContracts.sla}</th>
            <th scope="col">{t.adminContracts.term}</th>
            <th scope="col">{t.adminContracts.status}</th>
            <th scope="col">
              <span class="visually-hidden">{t.adminContracts.details}</span>
            </th>
          </>
        }
        row={(contract) => (
          <tr key={contract.contractNumber}>
            <td>
              <code class="serial">{contract.contractNumber}</code>
            </td>
            <td>{contract.product}</td>
            <td>{slaText(t, contract.sla, false)}</td>
            <td>{t.adminContracts.termValue(formatDay(contract.startsOn), formatDay(contract.endsOn))}</td>
            <td>
              <ContractStatus contract={contract} />
            </td>
            <td>
              <Link href={`/admin/contracts/${encodeURIComponent(contract.contractNumber)}`}>
                {t.adminContracts.details}
                <span class="visually-hidden"> {contract.contractNumber}</span>
              </Link>
            </td>
          </tr>
        )}
      />
    </Frame>
  );
}
