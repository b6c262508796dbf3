// Staff: the customer page's services and subscriptions (issue #15): the customer's list as the services table shows
// it, and setting a subscription's address (hosting sets the server's IP address), audited with a reason (admin, support).

import { useState } from 'preact/hooks';
import { api, request, sessionGroups, type SubscriptionView } from '../api.ts';
import { ErrorAlert, PagedTable, usePagedList } from '../components.tsx';
import { Field } from '../fields.tsx';
import { useI18n } from '../i18n.ts';
import type { ActionNotice } from './CustomerLicence.tsx';
import { IdentifierText, ServiceName, shortId, SubscriptionStatusBadge, usePricePerPeriod } from './service-parts.tsx';

/** The staff groups the identifier route lets set it (its contract: admin and support). */
const WRITERS = api.subscriptions.staffSetIdentifier.access.groups;
const KINDS = ['ip', 'host', 'serial'] as const;
const REASON = { min: 3, max: 500 };

function IdentifierForm(props: {
  accountId: string;
  subscription: SubscriptionView;
  onDone: (notice: ActionNotice) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const { subscription } = props;
  const [kind, setKind] = useState<(typeof KINDS)[number]>(subscription.identifier?.kind ?? 'ip');
  const [value, setValue] = useState(subscription.identifier?.value ?? '');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ value?: string; reason?: string }>({});
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(undefined);
  const id = 'subscription-identifier';

  const submit = async (event: Event) => {
    event.preventDefault();
    const found: { value?: string; reason?: string } = {};
    if (value.trim() === '') found.value = t.services.identifierRequired;
    if (reason.trim().length < REASON.min || reason.trim().length > REASON.max) found.reason = t.customerPage.reasonRequired;
    setErrors(found);
    if (found.value || found.reason) {
      document.getElementById(found.value ? `${id}-value` : `${id}-reason`)?.focus();
      return;
    }
    setBusy(true);
    setFailure(undefined);
    try {
      const saved = await request(api.subscriptions.staffSetIdentifier, {
        path: { accountId: props.accountId, subscriptionId: subscription.subscriptionId },
        body: { kind, value: value.trim(), reason: reason.trim() },
      });
      props.onDone({ message: t.services.identifierSaved(saved.identifier?.value ?? value.trim()) });
    } catch (error) {
      setFailure(error);
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate aria-busy={busy} class="move-form" data-testid={id}>
      <p>
        <strong>
          {t.services.setIdentifierFor(`${subscription.product} ${subscription.plan} (${shortId(subscription.subscriptionId)})`)}
        </strong>
      </p>
      <div class="field">
        <label for={`${id}-kind`}>{t.services.identifierKind}</label>
        <select id={`${id}-kind`} value={kind} onChange={(event) => setKind(event.currentTarget.value as (typeof KINDS)[number])}>
          {KINDS.map((option) => (
            <option key={option} value={option}>
              {t.services.identifierKinds[option]}
            </option>
          ))}
        </select>
      </div>
      <Field
        id={`${id}-value`}
        label={t.services.identifierValue}
        autocomplete="off"
        value={value}
        onInput={setValue}
        error={errors.value}
        limits={{ required: true, maxLength: 253 }}
      />
      <Field
        id={`${id}-reason`}
        label={t.customerPage.reason}
        hint={t.customerPage.reasonHint}
        autocomplete="off"
        value={reason}
        onInput={setReason}
        error={errors.reason}
        limits={{ required: true, maxLength: REASON.max }}
      />
      {failure !== undefined && <ErrorAlert error={failure} />}
      <div class="actions-row">
        <button type="submit" class="button primary" disabled={busy}>
          {busy ? t.customerPage.working : t.services.setIdentifier}
        </button>
        <button type="button" class="button secondary" disabled={busy} onClick={props.onCancel}>
          {t.customerPage.cancel}
        </button>
      </div>
    </form>
  );
}

export function StaffSubscriptionsSection(props: { accountId: string; onDone: (notice: ActionNotice) => void }) {
  const { t, formatDate } = useI18n();
  const { accountId } = props;
  const pricePerPeriod = usePricePerPeriod();
  const [editing, setEditing] = useState<SubscriptionView | undefined>(undefined);
  const list = usePagedList((page, signal) =>
    request(api.subscriptions.staffListSubscriptions, { path: { accountId }, query: page, signal }),
  );
  const mayChange = sessionGroups('staff').some((group) => (WRITERS as readonly string[]).includes(group));

  return (
    <section class="section" aria-labelledby="subscriptions-heading" data-testid="subscriptions-section">
      <h2 id="subscriptions-heading">{t.services.staffHeading}</h2>
      {editing && (
        <IdentifierForm
          key={editing.subscriptionId}
          accountId={accountId}
          subscription={editing}
          onDone={(notice) => {
            setEditing(undefined);
            props.onDone(notice);
          }}
          onCancel={() => setEditing(undefined)}
        />
      )}
      <PagedTable<SubscriptionView>
        list={list}
        testId="staff-subscriptions"
        compact
        caption={t.services.staffCaption}
        empty={{ title: t.services.staffEmpty, help: t.services.emptyHelp }}
        showing={t.services.showing(list.items.length)}
        head={
          <>
            <th scope="col">{t.services.id}</th>
            <th scope="col">{t.services.service}</th>
            <th scope="col">{t.services.identifier}</th>
            <th scope="col">{t.services.paidUntil}</th>
            <th scope="col" class="num">
              {t.services.daysLeft}
            </th>
            <th scope="col">{t.services.status}</th>
            <th scope="col" class="num">
              {t.services.price}
            </th>
            {mayChange && (
              <th scope="col">
                <span class="visually-hidden">{t.services.setIdentifier}</span>
              </th>
            )}
          </>
        }
        row={(subscription) => (
          <tr key={subscription.subscriptionId}>
            <td>
              <code title={subscription.subscriptionId}>{shortId(subscription.subscriptionId)}</code>
            </td>
            <td>
              <ServiceName subscription={subscription} />
            </td>
            <td>
              <IdentifierText subscription={subscription} />
            </td>
            <td>
              <time dateTime={subscription.paidUntil}>{formatDate(subscription.paidUntil)}</time>
            </td>
            <td class="num">{subscription.daysLeft}</td>
            <td>
              <SubscriptionStatusBadge status={subscription.status} />
            </td>
            <td class="num">{pricePerPeriod(subscription)}</td>
            {mayChange && (
              <td class="actions">
                {subscription.status !== 'ended' && (
                  <button type="button" class="link-button" onClick={() => setEditing(subscription)}>
                    {t.services.setIdentifier}
                    <span class="visually-hidden">
                      {' '}
                      {subscription.product} {subscription.plan} {shortId(subscription.subscriptionId)}
                    </span>
                  </button>
                )}
              </td>
            )}
          </tr>
        )}
      />
    </section>
  );
}
