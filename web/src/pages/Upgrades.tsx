// Upgrades of owned licences (issue #15, seed 003 "Aktualizacje"): per licence, a table of the upgrades the catalogue
// offers it (from -> to, seats, the price difference, a checkbox), "Selected items to cart", and the paths it is not
// offered, greyed, with the seat rule explained in words. A distributor picks one of its clients; a distributor's client
// is told its distributor orders them.

import { useState } from 'preact/hooks';
import { ApiError, api, type PageRequest, type ReplyOf, request } from '../api.ts';
import { cartLinesChanged } from '../cart-count.tsx';
import {
  AfterAccountFacts,
  ErrorAlert,
  Frame,
  isNotFound,
  Link,
  MoreControls,
  NotOnAccount,
  TableRegion,
  useCellLabels,
  usePagedList,
  useTitle,
} from '../components.tsx';
import { useI18n } from '../i18n.ts';
import { mayPayWith, useMyRole } from '../my-role.ts';
import { ClientFilter, clientQuery, DistributorNotice } from './Distributors.tsx';
import { navigate } from '../router.ts';

type LicenceUpgrades = ReplyOf<typeof api.upgrades.listUpgrades>['items'][number];

export function UpgradesPage() {
  const { t } = useI18n();
  const clientId = new URLSearchParams(location.search).get('clientId') ?? undefined;
  const canBuy = mayPayWith(useMyRole());
  const list = usePagedList(
    (page: PageRequest, signal) => request(api.upgrades.listUpgrades, { query: { ...page, ...(clientId ? { clientId } : {}) }, signal }),
    clientId ?? '',
  );
  /** One upgrade per licence can be in the cart (its line is UPGRADE-<licence>): licence -> chosen SKU. */
  const [selected, setSelected] = useState<Map<string, string>>(new Map());
  const [busy, setBusy] = useState(false);
  const [added, setAdded] = useState<number | undefined>(undefined);
  const [failure, setFailure] = useState<unknown>(undefined);
  useTitle(t.upgrades.title);

  const toggle = (licenceId: string, toSku: string) => {
    setAdded(undefined);
    setSelected((previous) => {
      const next = new Map(previous);
      if (next.get(licenceId) === toSku) next.delete(licenceId);
      else next.set(licenceId, toSku);
      return next;
    });
  };

  /** Adding needs the cart's version: read it, add; another tab's change in between is simply read again once. */
  const addSelected = async () => {
    setBusy(true);
    setFailure(undefined);
    setAdded(undefined);
    const actions = [...selected].map(([licenceId, toSku]) => ({
      kind: 'upgrade' as const,
      licenceId,
      toSku,
      ...(clientId ? { clientId } : {}),
    }));
    try {
      for (let attempt = 1; ; attempt += 1) {
        try {
          const { version } = await request(api.shop.getCart, {});
          const cart = await request(api.shop.addCartActions, { body: { actions, version } });
          cartLinesChanged(cart.lines.length);
          setAdded(actions.length);
          setSelected(new Map());
          return;
        } catch (error) {
          if (attempt < 2 && error instanceof ApiError && error.code === 'CART_CHANGED') continue;
          setFailure(error);
          return;
        }
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Frame pool="customer" signedIn>
      <div class="page-head">
        <h1 tabIndex={-1}>{t.upgrades.heading}</h1>
        <p class="muted">{t.upgrades.intro}</p>
      </div>
      {/* The notice and the client filter depend on the account's facts: the page is laid out once they are known. */}
      <AfterAccountFacts>
        {(facts) => (
          <>
            <DistributorNotice />
            {facts?.distributor && (
              <ClientFilter
                id="upgrades-client"
                label={t.upgrades.clientLabel}
                clientId={clientId}
                onChange={(chosen) => navigate(`/upgrades${clientQuery(chosen)}`)}
              />
            )}
            {list.status === 'error' && isNotFound(list.error) ? (
              <NotOnAccount
                title={t.upgrades.clientNotFound}
                help={t.upgrades.clientNotFoundHelp}
                back={{ href: '/upgrades', label: t.upgrades.heading }}
              />
            ) : list.status === 'loading' && list.items.length === 0 ? (
              <p class="muted" role="status">
                {t.app.loading}
              </p>
            ) : list.status === 'error' && list.items.length === 0 ? (
              <ErrorAlert error={list.error} onRetry={list.retry} />
            ) : list.items.length === 0 ? (
              <div class="empty">
                <p class="empty-title">{t.upgrades.noLicences}</p>
                <p class="muted">{t.upgrades.noLicencesHelp}</p>
              </div>
            ) : (
              <>
                {list.items.map((item) => (
                  <LicenceUpgradesTable
                    key={item.licence.licenceId}
                    item={item}
                    canBuy={canBuy}
                    chosen={selected.get(item.licence.licenceId)}
                    onToggle={toggle}
                  />
                ))}
                <MoreControls list={list} showing={t.upgrades.showing(list.items.length)} />
                {canBuy && (
                  <div class="form-actions">
                    <button
                      type="button"
                      class="button"
                      disabled={busy || selected.size === 0}
                      aria-busy={busy}
                      onClick={() => void addSelected()}
                    >
                      {t.upgrades.addSelected}
                    </button>
                    {selected.size === 0 && <p class="muted small">{t.upgrades.nothingSelected}</p>}
                  </div>
                )}
                {failure !== undefined && <ErrorAlert error={failure} />}
                {added !== undefined && (
                  <div class="alert alert-success" role="status" data-testid="upgrades-added">
                    <p>
                      {t.upgrades.added(added)} <Link href="/cart">{t.upgrades.goToCart}</Link>
                    </p>
                  </div>
                )}
              </>
            )}
          </>
        )}
      </AfterAccountFacts>
    </Frame>
  );
}

function LicenceUpgradesTable(props: {
  item: LicenceUpgrades;
  canBuy: boolean;
  chosen: string | undefined;
  onToggle: (licenceId: string, toSku: string) => void;
}) {
  const { t, formatMoney } = useI18n();
  const table = useCellLabels();
  const { licence, client, offers, notOffered } = props.item;
  const captionId = `upgrades-${licence.licenceId}-caption`;
  const name = `${licence.product} ${licence.edition}`;
  return (
    <section class="section" data-testid={`upgrades-${licence.serial}`}>
      <h2>{t.upgrades.licenceHeading(name, licence.users)}</h2>
      <p class="muted small">
        {t.upgrades.serial} <code class="serial">{licence.serial}</code> · {client.name}
      </p>
      {offers.length === 0 && notOffered.length === 0 ? (
        <p class="muted">{t.upgrades.noPaths}</p>
      ) : (
        <TableRegion labelledBy={captionId}>
          <table ref={table} class="stack">
            <caption id={captionId}>{t.upgrades.caption(name, licence.serial)}</caption>
            <thead>
              <tr>
                <th scope="col">
                  <span class="visually-hidden">{t.upgrades.select}</span>
                </th>
                <th scope="col">{t.upgrades.upgrade}</th>
                <th scope="col" class="num">
                  {t.upgrades.seats}
                </th>
                <th scope="col" class="num">
                  {t.upgrades.price}
                </th>
              </tr>
            </thead>
            <tbody>
              {offers.map((offer) => {
                const label = t.upgrades.path(offer.fromEdition, offer.toEdition);
                const id = `upgrade-${licence.licenceId}-${offer.toSku}`;
                return (
                  <tr key={offer.toSku}>
                    <td>
                      <input
                        id={id}
                        type="checkbox"
                        checked={props.chosen === offer.toSku}
                        disabled={!props.canBuy}
                        onChange={() => props.onToggle(licence.licenceId, offer.toSku)}
                      />
                    </td>
                    <td>
                      <label for={id}>
                        {label} <span class="muted small">({t.upgrades.kinds[offer.kind]})</span>
                      </label>
                    </td>
                    <td class="num">{t.upgrades.seatsChange(offer.fromUsers, offer.toUsers)}</td>
                    <td class="num">{formatMoney(offer.price)}</td>
                  </tr>
                );
              })}
              {notOffered.map((path) => (
                <tr key={`${path.toEditionId}-${path.toUsers}`} class="muted" data-reason={path.reason}>
                  <td>
                    <span class="visually-hidden">{t.upgrades.notOffered}</span>
                  </td>
                  <td>
                    {t.upgrades.path(licence.edition, path.toEdition)} <span class="small">({t.upgrades.kinds[path.kind]})</span>
                  </td>
                  <td class="num">{t.upgrades.seatsChange(licence.users, path.toUsers)}</td>
                  <td>{t.upgrades.reasons[path.reason]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </section>
  );
}
