// Staff: the customer page's services and subscriptions (issue #15): the customer's list as the services table shows
// it, and setting a subscription's address (hosting sets the server's IP address), audited with a reason (admin, support).

import { useState } from 'preact/hooks';
import { api, request, sessionGroups, type SubscriptionView } from '../api.ts';
import { PagedTable, usePagedList } from '../components.tsx';
import { useI18n } from '../i18n.ts';
import { type ActionNotice, StaffActionForm } from './CustomerLicence.tsx';
import { shortId, SubscriptionCells, SubscriptionHeadCells } from './service-parts.tsx';

/** The staff groups the identifier route lets set it (its contract: admin and support). */
const WRITERS = api.subscriptions.staffSetIdentifier.access.groups;
const KINDS = ['ip', 'host', 'serial'] as const;

function IdentifierForm(props: {
  accountId: string;
  subscription: SubscriptionView;
  onDone: (notice: ActionNotice) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const { subscription } = props;
  const [kind, setKind] = useState<(typeof KINDS)[number]>(subscription.identifier?.kind ?? 'ip');
  const id = 'subscription-identifier';
  return (
    <StaffActionForm
      id={id}
      submitLabel={t.services.setIdentifierFor(`${subscription.product} ${subscription.plan} (${shortId(subscription.subscriptionId)})`)}
      reason="required"
      extra={{
        kind: 'text',
        label: t.services.identifierValue,
        maxLength: 253,
        invalid: t.services.identifierRequired,
        ...(subscription.identifier ? { initial: subscription.identifier.value } : {}),
      }}
      run={async ({ reason, extra }) => {
        const saved = await request(api.subscriptions.staffSetIdentifier, {
          path: { accountId: props.accountId, subscriptionId: subscription.subscriptionId },
          body: { kind, value: extra, reason: reason ?? '' },
        });
        return { message: t.services.identifierSaved(saved.identifier?.value ?? extra) };
      }}
      onDone={props.onDone}
      onCancel={props.onCancel}
    >
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
    </StaffActionForm>
  );
}

export function StaffSubscriptionsSection(props: { accountId: string; onDone: (notice: ActionNotice) => void }) {
  const { t } = useI18n();
  const { accountId } = props;
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
            <SubscriptionHeadCells />
            {mayChange && (
              <th scope="col">
                <span class="visually-hidden">{t.services.setIdentifier}</span>
              </th>
            )}
          </>
        }
        row={(subscription) => (
          <tr key={subscription.subscriptionId}>
            <SubscriptionCells subscription={subscription} />
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
