// One licence in full: the computer it is on with its remaining transfers, freeing it or moving it to another computer,
// its activation history, and every support & updates subscription that covers it.

import { useRef, useState } from 'preact/hooks';
import { computerIdSchema } from '#shared/licences/schemas.ts';
import { api, downloadFile, request, type LicenceActivations, type LicenceBinding, type LicenceDetail, type LicenceView } from '../api.ts';
import {
  AfterAccountFacts,
  ErrorAlert,
  Frame,
  isNotFound,
  Link,
  NotOnAccount,
  TableRegion,
  useCellLabels,
  useResource,
  useTitle,
} from '../components.tsx';
import { DownloadButton } from '../download.tsx';
import { Field } from '../fields.tsx';
import { useI18n } from '../i18n.ts';
import { DistributorNotice } from './Distributors.tsx';
import { LicenceEventActor, LicenceEventChange } from './licence-history.tsx';
import { SupportTermCells } from './Support.tsx';

const HISTORY_PAGE = 25;

const activationsOf = (licenceId: string, query: { limit: number; cursor?: string | undefined }, signal?: AbortSignal) =>
  request(api.licences.listLicenceActivations, { path: { licenceId }, query, signal });

export function LicenceDetailPage(props: { licenceId: string }) {
  const { t, formatDate } = useI18n();
  // The licence and its computer arrive together, so the page is drawn once, not pushed down by a late part.
  const licence = useResource(
    (signal) =>
      Promise.all([
        request(api.licences.getLicence, { path: { licenceId: props.licenceId }, signal }),
        activationsOf(props.licenceId, { limit: HISTORY_PAGE }, signal),
      ]),
    props.licenceId,
  );
  const [data, activations] = licence.data ?? [];

  useTitle(data ? `${data.product} · ${data.serial}` : t.licenceDetail.eyebrow);

  return (
    <Frame pool="customer" signedIn>
      <p class="back-link">
        <Link href="/licences">{t.licenceDetail.back}</Link>
      </p>
      <div class="page-head">
        {/* Always there, so the heading does not move when the licence arrives. */}
        <p class="eyebrow">{t.licenceDetail.eyebrow}</p>
        {/* One heading element throughout, so the focus it gets on arrival survives the data loading. */}
        <h1 tabIndex={-1}>{data ? data.product : t.licenceDetail.eyebrow}</h1>
      </div>
      {licence.error !== undefined ? (
        isNotFound(licence.error) ? (
          <NotOnAccount
            title={t.licenceDetail.notFound}
            help={t.licenceDetail.notFoundHelp}
            back={{ href: '/licences', label: t.licenceDetail.back }}
          />
        ) : (
          <ErrorAlert error={licence.error} onRetry={licence.retry} />
        )
      ) : !data || !activations ? (
        <p class="muted" role="status">
          {t.app.loading}
        </p>
      ) : (
        // The distributor's notice sits above the facts: they are laid out once it is known.
        <AfterAccountFacts>
          {() => (
            <>
              {data.revokedAt && (
                <p class="alert alert-info" data-testid="licence-revoked">
                  {t.licenceDetail.revoked(formatDate(data.revokedAt))}
                </p>
              )}
              <DistributorNotice />
              <LicenceFacts licence={data} />

              <ComputerAndHistory licence={data} initial={activations} />
              <LicenceSupport licence={data} />
            </>
          )}
        </AfterAccountFacts>
      )}
    </Frame>
  );
}

type Outcome = { kind: 'freed' } | { kind: 'moved'; computerId: string } | { kind: 'error'; error: unknown };

/** The computer, the transfers left, the two actions, and the audit trail, which a change reads again. */
function ComputerAndHistory(props: { licence: LicenceDetail; initial: LicenceActivations }) {
  const { t, formatDateTime } = useI18n();
  const [activations, setActivations] = useState(props.initial);
  const [mode, setMode] = useState<'idle' | 'confirm-free' | 'move'>('idle');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [computerId, setComputerId] = useState('');
  const [invalid, setInvalid] = useState<string | undefined>(undefined);
  const [loadingMore, setLoadingMore] = useState(false);
  const computerInput = useRef<HTMLInputElement>(null);
  const history = useCellLabels();
  const { licenceId } = props.licence;
  const { transfers } = activations;

  const change = async (action: () => Promise<LicenceBinding>, success: Outcome) => {
    setBusy(true);
    setOutcome(null);
    try {
      const binding = await action();
      setActivations((current) => ({ ...current, ...binding }));
      setOutcome(success);
      setMode('idle');
      setComputerId('');
      // The change is in the history now: read its first page again.
      const fresh = await activationsOf(licenceId, { limit: HISTORY_PAGE }).catch(() => undefined);
      if (fresh) setActivations(fresh);
    } catch (error) {
      setOutcome({ kind: 'error', error });
      // The allowance may have changed meanwhile (another tab, the software): show what is true now.
      const fresh = await activationsOf(licenceId, { limit: HISTORY_PAGE }).catch(() => undefined);
      if (fresh) setActivations(fresh);
    } finally {
      setBusy(false);
    }
  };

  const submitMove = (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const value = (computerInput.current?.value ?? computerId).trim();
    const problem = !value
      ? t.licenceDetail.newComputerRequired
      : computerIdSchema.safeParse(value).success
        ? undefined
        : t.licenceDetail.newComputerInvalid;
    setInvalid(problem);
    if (problem) return computerInput.current?.focus();
    void change(() => request(api.licences.transferLicence, { path: { licenceId }, body: { toComputerId: value } }), {
      kind: 'moved',
      computerId: value,
    });
  };

  const loadMore = async () => {
    if (!activations.nextCursor || loadingMore) return;
    setLoadingMore(true);
    try {
      const next = await activationsOf(licenceId, { limit: HISTORY_PAGE, cursor: activations.nextCursor });
      setActivations((current) => ({ ...next, items: [...current.items, ...next.items] }));
    } catch (error) {
      setOutcome({ kind: 'error', error });
    } finally {
      setLoadingMore(false);
    }
  };

  const canMove = activations.computerId !== undefined && transfers.remaining > 0;

  return (
    <>
      <section class="card section" aria-labelledby="computer-heading" data-testid="licence-computer">
        <h2 id="computer-heading">{t.licenceDetail.computerHeading}</h2>
        {activations.computerId ? (
          <dl class="facts">
            <div>
              <dt>{t.licenceDetail.computerId}</dt>
              <dd>
                <code class="serial" data-testid="computer-id">
                  {activations.computerId}
                </code>
              </dd>
            </div>
            {activations.activatedAt && (
              <div>
                <dt>{t.licenceDetail.activatedAt}</dt>
                <dd>
                  <time dateTime={activations.activatedAt}>{formatDateTime(activations.activatedAt)}</time>
                </dd>
              </div>
            )}
          </dl>
        ) : (
          <>
            <p data-testid="computer-id">{t.licenceDetail.notActivated}</p>
            <p class="muted small">{t.licenceDetail.notActivatedHelp}</p>
          </>
        )}
        <p class="small" data-testid="transfers-left">
          {t.licenceDetail.transfersLeft(transfers.remaining, transfers.limit, transfers.windowDays)}
          {transfers.remaining === 0 && transfers.nextAvailableAt && (
            <> {t.licenceDetail.nextTransfer(formatDateTime(transfers.nextAvailableAt))}</>
          )}
        </p>

        {outcome?.kind === 'error' && <ErrorAlert error={outcome.error} />}
        <div role="status">
          {outcome?.kind === 'freed' && <p class="alert alert-info">{t.licenceDetail.freed}</p>}
          {outcome?.kind === 'moved' && <p class="alert alert-info">{t.licenceDetail.moved(outcome.computerId)}</p>}
        </div>

        {mode === 'confirm-free' ? (
          // biome-ignore lint/a11y/useSemanticElements: a question with its two buttons, not a set of form fields (no fieldset/legend).
          <div class="confirm" role="group" aria-labelledby="free-question">
            <p id="free-question">{t.licenceDetail.freeConfirm}</p>
            <div class="actions-row">
              <button
                type="button"
                class="button primary"
                disabled={busy}
                onClick={() => void change(() => request(api.licences.deactivateLicence, { path: { licenceId } }), { kind: 'freed' })}
              >
                {busy ? t.licenceDetail.working : t.licenceDetail.freeYes}
              </button>
              <button type="button" class="button secondary" disabled={busy} onClick={() => setMode('idle')}>
                {t.licenceDetail.cancel}
              </button>
            </div>
          </div>
        ) : mode === 'move' ? (
          <form onSubmit={submitMove} noValidate aria-busy={busy} class="move-form">
            <Field
              id="new-computer-id"
              label={t.licenceDetail.newComputerId}
              hint={t.licenceDetail.newComputerHint}
              autocomplete="off"
              value={computerId}
              onInput={setComputerId}
              error={invalid}
              inputRef={computerInput}
            />
            <div class="actions-row">
              <button type="submit" class="button primary" disabled={busy}>
                {busy ? t.licenceDetail.working : t.licenceDetail.moveSubmit}
              </button>
              <button type="button" class="button secondary" disabled={busy} onClick={() => setMode('idle')}>
                {t.licenceDetail.cancel}
              </button>
            </div>
          </form>
        ) : (
          <div class="actions-row">
            <DownloadButton
              download={() => downloadFile(api.licences.downloadLicenceFile, { path: { licenceId } }, `${props.licence.serial}.lic`)}
              label={t.licenceDetail.download}
              description={`${props.licence.product} ${props.licence.serial}`}
              class="button secondary"
            />
            {canMove && (
              <>
                <button
                  type="button"
                  class="button secondary"
                  onClick={() => {
                    setOutcome(null);
                    setInvalid(undefined);
                    setMode('move');
                    setTimeout(() => computerInput.current?.focus(), 0);
                  }}
                >
                  {t.licenceDetail.move}
                </button>
                <button
                  type="button"
                  class="button secondary"
                  onClick={() => {
                    setOutcome(null);
                    setMode('confirm-free');
                  }}
                >
                  {t.licenceDetail.free}
                </button>
              </>
            )}
          </div>
        )}
      </section>

      <section class="section" aria-labelledby="history-heading">
        <h2 id="history-heading">{t.licenceDetail.historyHeading}</h2>
        {activations.items.length === 0 ? (
          <div class="empty">
            <p class="empty-title">{t.licenceDetail.noHistory}</p>
          </div>
        ) : (
          <>
            <TableRegion labelledBy="history-caption">
              <table ref={history} class="stack" data-testid="licence-history">
                <caption id="history-caption" class="visually-hidden">
                  {t.licenceDetail.historyCaption}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t.licenceDetail.when}</th>
                    <th scope="col">{t.licenceDetail.change}</th>
                    <th scope="col">{t.licenceDetail.fromComputer}</th>
                    <th scope="col">{t.licenceDetail.toComputer}</th>
                    <th scope="col">{t.licenceDetail.by}</th>
                  </tr>
                </thead>
                <tbody>
                  {activations.items.map((event) => (
                    <tr key={event.eventId}>
                      <td>
                        <time dateTime={event.at}>{formatDateTime(event.at)}</time>
                      </td>
                      <td>
                        <LicenceEventChange event={event} />
                      </td>
                      <td>{event.fromComputerId ? <code class="serial">{event.fromComputerId}</code> : t.app.notAvailable}</td>
                      <td>{event.toComputerId ? <code class="serial">{event.toComputerId}</code> : t.app.notAvailable}</td>
                      <td>
                        <LicenceEventActor event={event} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableRegion>
            <div class="list-footer">
              <p class="muted small" aria-live="polite">
                {t.licenceDetail.showingHistory(activations.items.length)}
              </p>
              {activations.nextCursor && (
                <button
                  type="button"
                  class="button secondary"
                  onClick={() => void loadMore()}
                  disabled={loadingMore}
                  aria-busy={loadingMore}
                >
                  {loadingMore ? t.app.loadingMore : t.app.loadMore}
                </button>
              )}
            </div>
          </>
        )}
      </section>
    </>
  );
}

/**
 * The licence's facts: serial, edition, users, days, order, purchase, support and id. The distributor's view of a
 * client's licence shows them too (issue #15), without the link to the order, which is the client's.
 */
export function LicenceFacts(props: { licence: LicenceView; linkOrder?: boolean }) {
  const { t, formatDate } = useI18n();
  const data = props.licence;
  return (
    <dl class="facts card" data-testid="licence-facts">
      <div>
        <dt>{t.licences.serial}</dt>
        <dd>
          <code class="serial">{data.serial}</code>
        </dd>
      </div>
      <div>
        <dt>{t.licences.edition}</dt>
        <dd>{data.edition}</dd>
      </div>
      <div>
        <dt>{t.licences.users}</dt>
        <dd>{data.users}</dd>
      </div>
      <div>
        <dt>{t.licences.days}</dt>
        <dd>{data.days ?? t.licences.perpetual}</dd>
      </div>
      <div>
        <dt>{t.licences.order}</dt>
        <dd>
          <Link href={`/orders/${data.orderId}`}>{data.orderReference}</Link>
        </dd>
      </div>
      <div>
        <dt>{t.licences.purchased}</dt>
        <dd>
          <time dateTime={data.purchasedAt}>{formatDate(data.purchasedAt)}</time>
        </dd>
      </div>
      <div>
        <dt>{t.licences.support}</dt>
        <dd>
          {data.supportEndsAt
            ? (data.supportActive ? t.licences.supportUntil : t.licences.supportEnded)(formatDate(data.supportEndsAt))
            : t.licences.supportNone}
        </dd>
      </div>
      <div>
        <dt>{t.licenceDetail.licenceId}</dt>
        <dd>
          <code class="serial">{data.licenceId}</code>
        </dd>
      </div>
    </dl>
  );
}

/** The support & updates subscriptions covering the licence. */
export function LicenceSupport(props: { licence: Pick<LicenceDetail, 'supportSubscriptions'> }) {
  const { t } = useI18n();
  const table = useCellLabels();
  const data = props.licence;
  return (
    <section class="section" aria-labelledby="licence-support-heading">
      <h2 id="licence-support-heading">{t.licenceDetail.supportHeading}</h2>
      {data.supportSubscriptions.length === 0 ? (
        <div class="empty">
          <p class="empty-title">{t.licenceDetail.noSupport}</p>
          <p class="muted">{t.licenceDetail.noSupportHelp}</p>
        </div>
      ) : (
        <TableRegion labelledBy="licence-support-caption">
          <table ref={table} class="stack" data-testid="licence-support">
            <caption id="licence-support-caption" class="visually-hidden">
              {t.licenceDetail.supportCaption}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t.support.order}</th>
                <th scope="col">{t.support.starts}</th>
                <th scope="col" class="num">
                  {t.support.years}
                </th>
                <th scope="col">{t.support.ends}</th>
                <th scope="col">{t.support.status}</th>
              </tr>
            </thead>
            <tbody>
              {data.supportSubscriptions.map((subscription) => (
                <tr key={subscription.subscriptionId}>
                  <SupportTermCells subscription={subscription} />
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </section>
  );
}
