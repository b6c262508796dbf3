// Staff: the company data awaiting verification (oldest first), and one account's submission beside its verified data
// with the approve and reject decision (a reason the customer reads).

import { useState } from 'preact/hooks';
import { api, request, type ReplyOf } from '../api.ts';
import { ErrorAlert, Frame, isNotFound, Link, NotOnAccount, PagedTable, usePagedList, useResource, useTitle } from '../components.tsx';
import { Field } from '../fields.tsx';
import { useI18n } from '../i18n.ts';

type Detail = ReplyOf<typeof api.profile.getVerification>;
type Legal = Detail['submitted'];

export function AdminVerificationsPage() {
  const { t, formatDateTime } = useI18n();
  const list = usePagedList((page, signal) => request(api.profile.listVerifications, { query: page, signal }));
  useTitle(t.profile.staff.title);
  return (
    <Frame pool="staff" signedIn>
      <div class="page-head">
        <h1 tabIndex={-1}>{t.profile.staff.title}</h1>
        <p class="muted">{t.profile.staff.intro}</p>
      </div>
      <PagedTable
        list={list}
        testId="verifications-table"
        caption={t.profile.staff.tableCaption}
        empty={{ title: t.profile.staff.empty, help: t.profile.staff.emptyHelp }}
        showing={t.profile.staff.showing(list.items.length)}
        head={
          <>
            <th scope="col">{t.profile.staff.account}</th>
            <th scope="col">{t.profile.staff.company}</th>
            <th scope="col">{t.profile.vatId}</th>
            <th scope="col">{t.profile.staff.submittedAt}</th>
            <th scope="col">{t.profile.staff.submittedBy}</th>
          </>
        }
        row={(item) => (
          <tr key={item.accountId}>
            <td>
              <Link href={`/admin/verifications/${encodeURIComponent(item.accountId)}`}>{item.accountName}</Link>
            </td>
            <td>{item.submitted.companyName ?? t.profile.individual}</td>
            <td>{item.submitted.vatId ?? ''}</td>
            <td>
              <time dateTime={item.submittedAt}>{formatDateTime(item.submittedAt)}</time>
            </td>
            <td class="small">{item.submittedBy ?? ''}</td>
          </tr>
        )}
      />
    </Frame>
  );
}

function addressText(address: Legal['registeredAddress']): string {
  return address ? [address.line1, address.line2, `${address.postalCode} ${address.city}`].filter(Boolean).join(', ') : '';
}

export function AdminVerificationPage(props: { accountId: string }) {
  const { t, formatDateTime } = useI18n();
  const loaded = useResource(
    (signal) => request(api.profile.getVerification, { path: { accountId: props.accountId }, signal }),
    props.accountId,
  );
  const [current, setCurrent] = useState<Detail | undefined>(undefined);
  const data = current ?? loaded.data;
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useTitle(data ? t.profile.staff.detailHeading(data.accountName) : t.profile.staff.title);

  const decide = async (decision: 'approve' | 'reject') => {
    if (!data || busy) return;
    const body = { verificationId: data.verificationId, reason: reason.trim() };
    if (!api.profile.decisionInput.safeParse(body).success) {
      setReasonError(t.form.tooShort(3));
      document.getElementById('decision-reason')?.focus();
      return;
    }
    setReasonError(undefined);
    setBusy(true);
    setError(null);
    try {
      const contract = decision === 'approve' ? api.profile.approveVerification : api.profile.rejectVerification;
      setCurrent(await request(contract, { path: { accountId: props.accountId }, body }));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const rows: Array<[string, (legal: Legal) => string]> = [
    [t.profile.profileType, (legal) => t.profile[legal.profileType]],
    [t.profile.companyName, (legal) => legal.companyName ?? ''],
    [t.profile.vatId, (legal) => legal.vatId ?? ''],
    [t.profile.registeredAddress, (legal) => addressText(legal.registeredAddress)],
  ];

  return (
    <Frame pool="staff" signedIn>
      <p class="back-link">
        <Link href="/admin/verifications">{t.profile.staff.all}</Link>
      </p>
      <div class="page-head">
        <h1 tabIndex={-1}>{data ? t.profile.staff.detailHeading(data.accountName) : t.profile.staff.title}</h1>
      </div>
      {loaded.error !== undefined ? (
        isNotFound(loaded.error) ? (
          <NotOnAccount
            title={t.profile.staff.notFound}
            help={t.profile.staff.notFoundHelp}
            back={{ href: '/admin/verifications', label: t.profile.staff.all }}
          />
        ) : (
          <ErrorAlert error={loaded.error} onRetry={loaded.retry} />
        )
      ) : !data ? (
        <p class="muted" role="status">
          {t.app.loading}
        </p>
      ) : (
        <>
          <dl class="facts card">
            <div>
              <dt>{t.profile.staff.status}</dt>
              <dd data-testid="verification-detail-status">{t.profile.staff.statuses[data.status]}</dd>
            </div>
            <div>
              <dt>{t.profile.country}</dt>
              <dd>{data.country ?? t.profile.noCountry}</dd>
            </div>
            <div>
              <dt>{t.profile.staff.submittedAt}</dt>
              <dd>
                <time dateTime={data.submittedAt}>{formatDateTime(data.submittedAt)}</time>
                {data.submittedBy && <span class="muted small block">{data.submittedBy}</span>}
              </dd>
            </div>
            {data.decidedBy && (
              <div>
                <dt>{t.profile.staff.decidedBy}</dt>
                <dd>
                  {data.decidedBy}
                  {data.reason && <span class="muted small block">{data.reason}</span>}
                </dd>
              </div>
            )}
          </dl>
          <div class="table-scroll">
            <table class="data-table" data-testid="verification-compare">
              <caption class="visually-hidden">{t.profile.staff.detailHeading(data.accountName)}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.profile.staff.field}</th>
                  <th scope="col">{t.profile.staff.submitted}</th>
                  <th scope="col">{t.profile.staff.previous}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map(([label, value]) => (
                  <tr key={label} class={value(data.submitted) !== value(data.previous) ? 'changed' : undefined}>
                    <th scope="row">{label}</th>
                    <td data-label={t.profile.staff.submitted}>{value(data.submitted)}</td>
                    <td data-label={t.profile.staff.previous}>{value(data.previous)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {data.status === 'awaiting' && (
            <div class="profile-section">
              {error !== null && <ErrorAlert error={error} />}
              <Field
                id="decision-reason"
                label={t.profile.staff.reason}
                value={reason}
                onInput={setReason}
                error={reasonError}
                autocomplete="off"
              />
              <div class="order-actions">
                <button type="button" class="button primary" disabled={busy} onClick={() => decide('approve')}>
                  {busy ? t.profile.staff.deciding : t.profile.staff.approve}
                </button>
                <button type="button" class="button secondary" disabled={busy} onClick={() => decide('reject')}>
                  {t.profile.staff.reject}
                </button>
              </div>
            </div>
          )}
        </>
      )}
    </Frame>
  );
}
