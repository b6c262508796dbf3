// The people of the account: everyone with their role (every role reads it); owners invite people, change roles, remove
// people and manage the pending invitations; anyone may leave the account.

import { useState } from 'preact/hooks';
import { CUSTOMER_ROLES, type CustomerRole } from '#shared/accounts/roles.ts';
import { api, ApiError, request, type ReplyOf } from '../api.ts';
import { chooseAccount } from '../chosen-account.ts';
import { ErrorAlert, Frame, LocaleSelect, useCellLabels, useResource, useTitle } from '../components.tsx';
import { Field } from '../fields.tsx';
import { limitsOf } from '../form-checks.ts';
import { useI18n, type Locale } from '../i18n.ts';
import { navigate } from '../router.ts';

type PeopleData = ReplyOf<typeof api.people.listPeople>;
type PersonRow = PeopleData['people'][number];
type InvitationRow = PeopleData['invitations'][number];

const emailLimits = limitsOf(api.people.invitePerson.request.body.shape.email);

function RoleSelect(props: { id: string; label: string; value: CustomerRole; onChange: (role: CustomerRole) => void }) {
  const { t } = useI18n();
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <select id={props.id} value={props.value} onChange={(event) => props.onChange(event.currentTarget.value as CustomerRole)}>
        {CUSTOMER_ROLES.map((role) => (
          <option key={role} value={role}>
            {t.customerRoles[role]} ({t.people.roleHelp[role]})
          </option>
        ))}
      </select>
    </div>
  );
}

/** Runs one call with a busy flag and its error kept for the alert. */
function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = async (call: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await call();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}

function InviteForm(props: { onInvited: (email: string) => void }) {
  const { t, locale } = useI18n();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<CustomerRole>('read-only');
  const [mailLocale, setMailLocale] = useState<Locale>(locale);
  const { busy, error, run } = useAction();
  const invalidEmail = error instanceof ApiError && error.code === 'VALIDATION_FAILED' ? t.signIn.emailInvalid : undefined;

  return (
    <section class="card" aria-labelledby="invite-heading">
      <h2 id="invite-heading">{t.people.inviteHeading}</h2>
      <p class="muted">{t.people.inviteHelp}</p>
      {error !== null && !invalidEmail && <ErrorAlert error={error} />}
      <form
        noValidate
        aria-busy={busy}
        onSubmit={(event) => {
          event.preventDefault();
          if (busy) return;
          void run(async () => {
            const invited = await request(api.people.invitePerson, { body: { email, role, locale: mailLocale } });
            setEmail('');
            props.onInvited(invited.email);
          });
        }}
      >
        <Field
          id="invite-email"
          label={t.people.email}
          type="email"
          autocomplete="off"
          limits={emailLimits}
          value={email}
          onInput={setEmail}
          error={invalidEmail}
        />
        <RoleSelect id="invite-role" label={t.people.role} value={role} onChange={setRole} />
        <LocaleSelect id="invite-locale" label={t.people.language} class="field" value={mailLocale} onChange={setMailLocale} />
        <div class="actions-row">
          <button type="submit" class="button primary" disabled={busy}>
            {busy ? t.people.inviting : t.people.invite}
          </button>
        </div>
      </form>
    </section>
  );
}

function PersonActions(props: { person: PersonRow; onDone: (message: string) => void }) {
  const { t } = useI18n();
  const { person } = props;
  const [mode, setMode] = useState<'idle' | 'role' | 'remove'>('idle');
  const [role, setRole] = useState<CustomerRole>(person.role);
  const { busy, error, run } = useAction();
  const id = `person-${person.userId}`;
  const path = { personId: person.userId };

  if (mode === 'role') {
    return (
      <form
        noValidate
        aria-busy={busy}
        onSubmit={(event) => {
          event.preventDefault();
          void run(async () => {
            await request(api.people.changeRole, { path, body: { role } });
            props.onDone(t.people.roleChanged(person.email));
          });
        }}
      >
        {error !== null && <ErrorAlert error={error} />}
        <RoleSelect id={`${id}-role`} label={t.people.newRoleOf(person.email)} value={role} onChange={setRole} />
        <div class="actions-row">
          <button type="submit" class="button primary" disabled={busy}>
            {busy ? t.people.working : t.people.saveRole}
          </button>
          <button type="button" class="button secondary" disabled={busy} onClick={() => setMode('idle')}>
            {t.people.cancel}
          </button>
        </div>
      </form>
    );
  }
  if (mode === 'remove') {
    return (
      // biome-ignore lint/a11y/useSemanticElements: a question with its two buttons, not a set of form fields.
      <div class="confirm" role="group" aria-labelledby={`${id}-question`}>
        {error !== null && <ErrorAlert error={error} />}
        <p id={`${id}-question`}>{t.people.confirmRemove(person.email)}</p>
        <div class="actions-row">
          <button
            type="button"
            class="button primary"
            disabled={busy}
            onClick={() =>
              void run(async () => {
                await request(api.people.removePerson, { path });
                props.onDone(t.people.removed(person.email));
              })
            }
          >
            {busy ? t.people.working : t.people.confirmYes}
          </button>
          <button type="button" class="button secondary" disabled={busy} onClick={() => setMode('idle')}>
            {t.people.cancel}
          </button>
        </div>
      </div>
    );
  }
  return (
    <div class="actions-row">
      <button type="button" class="button secondary" aria-label={`${t.people.changeRole}: ${person.email}`} onClick={() => setMode('role')}>
        {t.people.changeRole}
      </button>
      <button type="button" class="button secondary" aria-label={`${t.people.remove}: ${person.email}`} onClick={() => setMode('remove')}>
        {t.people.remove}
      </button>
    </div>
  );
}

function InvitationActions(props: { invitation: InvitationRow; onDone: (message: string) => void }) {
  const { t } = useI18n();
  const { invitation } = props;
  const { busy, error, run } = useAction();
  const path = { invitationId: invitation.invitationId };
  return (
    <>
      {error !== null && <ErrorAlert error={error} />}
      <div class="actions-row">
        <button
          type="button"
          class="button secondary"
          disabled={busy}
          aria-label={`${t.people.resend}: ${invitation.email}`}
          onClick={() =>
            void run(async () => {
              await request(api.people.resendInvitation, { path });
              props.onDone(t.people.resent(invitation.email));
            })
          }
        >
          {t.people.resend}
        </button>
        <button
          type="button"
          class="button secondary"
          disabled={busy}
          aria-label={`${t.people.revoke}: ${invitation.email}`}
          onClick={() =>
            void run(async () => {
              await request(api.people.revokeInvitation, { path });
              props.onDone(t.people.revoked(invitation.email));
            })
          }
        >
          {t.people.revoke}
        </button>
      </div>
    </>
  );
}

function LeaveAccount() {
  const { t } = useI18n();
  const accounts = useResource((signal) => request(api.people.listMyAccounts, { signal }), 'accounts');
  const [asking, setAsking] = useState(false);
  const { busy, error, run } = useAction();
  const current = accounts.data?.accounts.find((account) => account.accountId === accounts.data?.current);
  if (!current) return null;
  return (
    <section class="card" aria-labelledby="leave-heading">
      <h2 id="leave-heading">{t.people.leaveHeading}</h2>
      <p class="muted">{t.people.leaveHelp}</p>
      {error !== null && <ErrorAlert error={error} />}
      {asking ? (
        // biome-ignore lint/a11y/useSemanticElements: a question with its two buttons, not a set of form fields.
        <div class="confirm" role="group" aria-labelledby="leave-question">
          <p id="leave-question">{t.people.confirmLeave(current.name)}</p>
          <div class="actions-row">
            <button
              type="button"
              class="button primary"
              disabled={busy}
              onClick={() =>
                void run(async () => {
                  await request(api.people.leaveAccount, { body: { accountId: current.accountId } });
                  chooseAccount(undefined);
                  navigate('/licences');
                  window.location.reload();
                })
              }
            >
              {busy ? t.people.working : t.people.confirmLeaveYes}
            </button>
            <button type="button" class="button secondary" disabled={busy} onClick={() => setAsking(false)}>
              {t.people.cancel}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" class="button secondary" onClick={() => setAsking(true)}>
          {t.people.leave}
        </button>
      )}
    </section>
  );
}

export function PeoplePage() {
  const { t, formatDate } = useI18n();
  const [version, setVersion] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const people = useResource((signal) => request(api.people.listPeople, { signal }), String(version));
  const done = (message: string) => {
    setNotice(message);
    setVersion((current) => current + 1);
  };
  useTitle(t.people.title);

  const table = useCellLabels();
  const data = people.data;
  const isOwner = data?.people.some((person) => person.isYou && person.role === 'owner') ?? false;

  return (
    <Frame pool="customer" signedIn>
      <div class="people-page">
        <div class="page-head">
          <h1 tabIndex={-1}>{t.people.heading}</h1>
          <p class="muted">{t.people.intro}</p>
        </div>
        <div role="status">{notice && <p class="alert alert-info">{notice}</p>}</div>
        {people.error !== undefined && <ErrorAlert error={people.error} onRetry={people.retry} />}
        {data && (
          <>
            {!isOwner && <p class="muted">{t.people.onlyOwners}</p>}
            <div class="table-wrap">
              <table ref={table} class="stack" data-testid="people-table">
                <caption class="visually-hidden">{t.people.tableCaption}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.people.person}</th>
                    <th scope="col">{t.people.role}</th>
                    <th scope="col">{t.people.joined}</th>
                    {isOwner && <th scope="col">{t.people.actions}</th>}
                  </tr>
                </thead>
                <tbody>
                  {data.people.map((person) => (
                    <tr key={person.userId} data-email={person.email}>
                      <td>
                        {[person.firstName, person.lastName].filter(Boolean).join(' ') || person.email}{' '}
                        {(person.firstName || person.lastName) && <span class="muted small">{person.email}</span>}{' '}
                        {person.isYou && <span class="muted">{t.people.you}</span>}
                      </td>
                      <td data-testid="person-role">{t.customerRoles[person.role]}</td>
                      <td>
                        <time dateTime={person.joinedAt}>{formatDate(person.joinedAt)}</time>
                      </td>
                      {isOwner && (
                        <td>
                          <PersonActions key={`${person.userId}-${version}`} person={person} onDone={done} />
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {isOwner && (
              <>
                <p class="muted small">{t.people.capacity(data.people.length + data.invitations.length, data.maxPeople)}</p>
                <InviteForm onInvited={(email) => done(t.people.invited(email))} />
                <section class="card" aria-labelledby="pending-heading">
                  <h2 id="pending-heading">{t.people.pendingHeading}</h2>
                  {data.invitations.length === 0 ? (
                    <p class="muted">{t.people.pendingEmpty}</p>
                  ) : (
                    <ul data-testid="pending-invitations">
                      {data.invitations.map((invitation) => (
                        <li key={invitation.invitationId} data-email={invitation.email}>
                          <p>
                            <strong>{invitation.email}</strong> · {t.customerRoles[invitation.role]}
                          </p>
                          <p class="muted small">
                            {t.people.invitedBy}: {invitation.invitedBy} · {t.people.expires}{' '}
                            <time dateTime={invitation.expiresAt}>{formatDate(invitation.expiresAt)}</time>
                          </p>
                          <InvitationActions invitation={invitation} onDone={done} />
                        </li>
                      ))}
                    </ul>
                  )}
                </section>
              </>
            )}
            <LeaveAccount />
          </>
        )}
      </div>
    </Frame>
  );
}
