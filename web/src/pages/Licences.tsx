// The customer's home: their activation key, and every licence on the account with its support status.

import { useEffect, useRef, useState } from 'preact/hooks';
import { api, downloadFile, isAbort, request, type LicenceView, type Me } from '../api.ts';
import {
  AfterAccountFacts,
  ErrorAlert,
  Frame,
  Link,
  PagedTable,
  SortHeader,
  usePagedList,
  useSortOrder,
  useTitle,
} from '../components.tsx';
import { DownloadButton } from '../download.tsx';
import { useI18n } from '../i18n.ts';
import { DistributorNotice } from './Distributors.tsx';

/** The key card keeps its size while the key is read (`value` undefined), so nothing below it moves when it arrives. */
function ActivationKey(props: { value: string | undefined }) {
  const { t } = useI18n();
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');
  const keyElement = useRef<HTMLElement>(null);

  useEffect(() => {
    if (copy !== 'copied') return;
    const timer = setTimeout(() => setCopy('idle'), 2500);
    return () => clearTimeout(timer);
  }, [copy]);

  const onCopy = async () => {
    if (props.value === undefined) return;
    try {
      await navigator.clipboard.writeText(props.value);
      setCopy('copied');
    } catch {
      // No clipboard (plain http, or permission denied): select the key so Ctrl+C works.
      const element = keyElement.current;
      if (element) window.getSelection()?.selectAllChildren(element);
      setCopy('failed');
    }
  };

  return (
    <section class="card key-card" aria-labelledby="activation-key-heading">
      <h2 id="activation-key-heading">{t.licences.activationKeyHeading}</h2>
      <div class="key-row">
        {props.value === undefined ? (
          <span class="activation-key placeholder" aria-hidden="true">
            {'\u00a0'}
          </span>
        ) : (
          <code ref={keyElement} class="activation-key" data-testid="activation-key">
            {props.value}
          </code>
        )}
        <button type="button" class="button secondary" onClick={onCopy} disabled={props.value === undefined}>
          {copy === 'copied' ? t.licences.copied : t.licences.copy}
        </button>
      </div>
      <p class="muted">{t.licences.activationKeyHelp}</p>
      <p class="visually-hidden" role="status">
        {copy === 'copied' ? t.licences.copied : ''}
      </p>
      {copy === 'failed' && (
        <p class="field-error" role="alert">
          {t.licences.copyFailed}
        </p>
      )}
    </section>
  );
}

function SupportBadge(props: { licence: LicenceView }) {
  const { t, formatDate } = useI18n();
  const { supportActive, supportEndsAt } = props.licence;
  const detail = supportEndsAt
    ? (supportActive ? t.licences.supportUntil : t.licences.supportEnded)(formatDate(supportEndsAt))
    : t.licences.supportNone;
  return (
    <span class={supportActive ? 'badge badge-ok' : 'badge badge-off'} title={detail}>
      {supportActive ? t.licences.supportActive : t.licences.supportInactive}
    </span>
  );
}

export function LicencesPage() {
  const { t, formatDate } = useI18n();
  const [me, setMe] = useState<Me | null>(null);
  const [meError, setMeError] = useState<unknown>(undefined);
  const [meAttempt, setMeAttempt] = useState(0);
  const [sort, reverse] = useSortOrder();
  const list = usePagedList((page, signal) => request(api.licences.listLicences, { query: { ...page, sort }, signal }), sort);

  useTitle(t.licences.title);

  useEffect(() => {
    const controller = new AbortController();
    setMeError(undefined);
    request(api.account.getMyAccount, { signal: controller.signal }).then(setMe, (error: unknown) => {
      if (!isAbort(error)) setMeError(error);
    });
    return () => controller.abort();
  }, [meAttempt]);

  return (
    // The account name, the signed-in name and the key arrive with /api/me: their places are kept from the first paint.
    <Frame pool="customer" signedIn who={me ? { name: me.account.name, detail: me.email } : meError === undefined ? null : undefined}>
      <div class="page-head">
        <p class="eyebrow">{me ? me.account.name : '\u00a0'}</p>
        <h1 tabIndex={-1}>{t.licences.heading}</h1>
      </div>

      {meError !== undefined ? (
        <ErrorAlert error={meError} onRetry={() => setMeAttempt((n) => n + 1)} />
      ) : (
        <ActivationKey value={me?.account.activationKey} />
      )}
      {/* The distributor's notice sits above the table: both are laid out once it is known. */}
      <AfterAccountFacts>
        {() => (
          <>
            <DistributorNotice />

            <PagedTable
              list={list}
              testId="licences-table"
              compact
              caption={t.licences.tableCaption}
              empty={{ title: t.licences.empty, help: t.licences.emptyHelp }}
              showing={t.licences.showing(list.items.length)}
              head={
                <>
                  <th scope="col">{t.licences.product}</th>
                  <th scope="col">{t.licences.serial}</th>
                  <th scope="col" class="num">
                    {t.licences.days}
                  </th>
                  <th scope="col" class="num">
                    {t.licences.users}
                  </th>
                  <th scope="col">{t.licences.edition}</th>
                  <th scope="col">{t.licences.order}</th>
                  <SortHeader label={t.licences.purchased} sort={sort} onReverse={reverse} />
                  <th scope="col">{t.licences.support}</th>
                  <th scope="col">
                    <span class="visually-hidden">{t.licences.details}</span>
                  </th>
                </>
              }
              row={(licence) => (
                <tr key={licence.licenceId}>
                  <td>{licence.product}</td>
                  <td>
                    <code class="serial">{licence.serial}</code>
                    <span class="muted small block" data-testid="licence-computer">
                      {licence.computerId ? t.licences.computer(licence.computerId) : t.licences.notActivated}
                    </span>
                  </td>
                  <td class="num">
                    {licence.days === undefined ? <span title={t.licences.perpetual}>{t.app.notAvailable}</span> : licence.days}
                  </td>
                  <td class="num">{licence.users}</td>
                  <td>{licence.edition}</td>
                  <td>
                    <Link href={`/orders/${licence.orderId}`}>{licence.orderReference}</Link>
                  </td>
                  <td>
                    <time dateTime={licence.purchasedAt}>{formatDate(licence.purchasedAt)}</time>
                  </td>
                  <td>
                    <SupportBadge licence={licence} />
                  </td>
                  <td class="actions">
                    <Link href={`/licences/${licence.licenceId}`}>
                      {t.licences.details}
                      <span class="visually-hidden">
                        {' '}
                        {licence.product} {licence.serial}
                      </span>
                    </Link>
                    {' · '}
                    <DownloadButton
                      download={() =>
                        downloadFile(api.licences.downloadLicenceFile, { path: { licenceId: licence.licenceId } }, `${licence.serial}.lic`)
                      }
                      label={t.licences.downloadFile}
                      description={`${licence.product} ${licence.serial}`}
                    />
                  </td>
                </tr>
              )}
            />
          </>
        )}
      </AfterAccountFacts>
    </Frame>
  );
}
