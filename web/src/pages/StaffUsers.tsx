// Admin: the staff users, an invitation form, and per user: change groups, disable or enable, sign out everywhere,
// each after a confirmation. A group change ends the user's sessions too (their tokens carry the groups).

import { useRef, useState } from 'preact/hooks';
import { STAFF_GROUPS, type StaffGroup } from '#shared/accounts/groups.ts';
import { api, ApiError, request, sessionUserId, type StaffUser } from '../api.ts';
import { ErrorAlert, Frame, LocaleSelect, PagedTable, usePagedList, useTitle } from '../components.tsx';
import { Field, type FieldErrors } from '../fields.tsx';
import { apiIssues, checkBody, fieldErrorsOf, isMissing, limitsOf } from '../form-checks.ts';
import { useI18n, type Locale } from '../i18n.ts';

// The form checks what the API will, with the route's own schema (shared/api/staff.ts).
const inviteSchema = api.staff.inviteStaffUser.request.body;
const emailLimits = limitsOf(inviteSchema.shape.email);

type InviteField = 'email' | 'groups';
type Action = 'disable' | 'enable' | 'signOut';

function GroupChoices(props: {
  idPrefix: string;
  legend: string;
  note?: string;
  value: StaffGroup[];
  onChange: (groups: StaffGroup[]) => void;
  error?: string | undefined;
}) {
  const { t } = useI18n();
  const errorId = `${props.idPrefix}-error`;
  const toggle = (group: StaffGroup, checked: boolean) =>
    props.onChange(STAFF_GROUPS.filter((each) => (each === group ? checked : props.value.includes(each))));
  return (
    <fieldset class="contract" id={props.idPrefix} tabIndex={-1} aria-describedby={props.error ? errorId : undefined}>
      <legend>{props.legend}</legend>
      {props.note && <p class="muted small">{props.note}</p>}
      {STAFF_GROUPS.map((group) => (
        <div class="field checkbox" key={group}>
          <input
            type="checkbox"
            id={`${props.idPrefix}-${group}`}
            checked={props.value.includes(group)}
            onChange={(event) => toggle(group, event.currentTarget.checked)}
          />
          <label for={`${props.idPrefix}-${group}`}>
            {t.staffUsers.groupNames[group]} <span class="muted small">({t.staffUsers.groupHelp[group]})</span>
          </label>
        </div>
      ))}
      {props.error && (
        <p id={errorId} class="field-error">
          {props.error}
        </p>
      )}
    </fieldset>
  );
}

function InviteForm(props: { onInvited: (user: StaffUser) => void }) {
  const { t, locale } = useI18n();
  const [email, setEmail] = useState('');
  const [groups, setGroups] = useState<StaffGroup[]>([]);
  const [mailLocale, setMailLocale] = useState<Locale>(locale);
  const [invalid, setInvalid] = useState<FieldErrors<InviteField>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useRef<HTMLFormElement>(null);

  const fieldOfPath = (path: string): InviteField | undefined =>
    path === 'body.email' ? 'email' : path.startsWith('body.groups') ? 'groups' : undefined;
  const messageOf = (field: InviteField, issue: Parameters<typeof isMissing>[0]) =>
    field === 'groups' ? t.staffUsers.groupsRequired : isMissing(issue) ? t.form.required : undefined;
  const focusFirst = (errors: FieldErrors<InviteField>) => {
    const first = Object.keys(errors)[0];
    if (first) form.current?.querySelector<HTMLElement>(`#${first === 'groups' ? 'invite-groups' : 'invite-email'}`)?.focus();
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const body = { email, groups, locale: mailLocale };
    const errors = fieldErrorsOf(checkBody(inviteSchema, body), fieldOfPath, t.form, messageOf);
    setInvalid(errors);
    if (Object.keys(errors).length) return focusFirst(errors);
    setBusy(true);
    setError(null);
    setSentTo(null);
    try {
      const invited = await request(api.staff.inviteStaffUser, { body });
      setSentTo(invited.email);
      setEmail('');
      setGroups([]);
      props.onInvited(invited);
    } catch (caught) {
      setError(caught);
      if (caught instanceof ApiError) {
        const fromServer = fieldErrorsOf(apiIssues(caught, inviteSchema, body), fieldOfPath, t.form, messageOf);
        setInvalid(fromServer);
        focusFirst(fromServer);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card" aria-labelledby="invite-heading">
      <h2 id="invite-heading">{t.staffUsers.inviteHeading}</h2>
      <p class="muted">{t.staffUsers.inviteHelp}</p>
      {error !== null && <ErrorAlert error={error} />}
      <div role="status">{sentTo && <p class="alert alert-info">{t.staffUsers.invited(sentTo)}</p>}</div>
      <form ref={form} onSubmit={submit} noValidate aria-busy={busy}>
        <Field
          id="invite-email"
          label={t.staffUsers.email}
          type="email"
          autocomplete="off"
          limits={emailLimits}
          value={email}
          onInput={(value) => {
            setEmail(value);
            setInvalid(({ email: _, ...rest }) => rest);
          }}
          error={invalid.email}
        />
        <GroupChoices
          idPrefix="invite-groups"
          legend={t.staffUsers.groups}
          value={groups}
          onChange={(value) => {
            setGroups(value);
            setInvalid(({ groups: _, ...rest }) => rest);
          }}
          error={invalid.groups}
        />
        <LocaleSelect id="invite-locale" label={t.staffUsers.language} class="field" value={mailLocale} onChange={setMailLocale} />
        <div class="actions-row">
          <button type="submit" class="button primary" disabled={busy}>
            {busy ? t.staffUsers.inviting : t.staffUsers.invite}
          </button>
        </div>
      </form>
    </section>
  );
}

function StaffActions(props: { user: StaffUser; onChanged: (user: StaffUser, message: string) => void }) {
  const { t } = useI18n();
  const { user } = props;
  const [mode, setMode] = useState<'idle' | 'groups' | Action>('idle');
  const [groups, setGroups] = useState<StaffGroup[]>(user.groups);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const path = { userId: user.userId };
  const id = `staff-${user.userId}`;

  const run = async (call: () => Promise<StaffUser>, message: (email: string) => string) => {
    setBusy(true);
    setError(null);
    try {
      const changed = await call();
      setMode('idle');
      props.onChanged(changed, message(changed.email));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const actions: Record<Action, { question: string; go: () => Promise<StaffUser> }> = {
    disable: { question: t.staffUsers.confirmDisable(user.email), go: () => request(api.staff.disableStaffUser, { path }) },
    enable: { question: t.staffUsers.confirmEnable(user.email), go: () => request(api.staff.enableStaffUser, { path }) },
    signOut: { question: t.staffUsers.confirmSignOut(user.email), go: () => request(api.staff.signOutStaffUser, { path }) },
  };

  if (mode === 'groups') {
    return (
      <form
        noValidate
        aria-busy={busy}
        onSubmit={(event) => {
          event.preventDefault();
          if (groups.length === 0) return;
          void run(() => request(api.staff.setStaffGroups, { path, body: { groups } }), t.staffUsers.done.groups);
        }}
      >
        {error !== null && <ErrorAlert error={error} />}
        <GroupChoices
          idPrefix={`${id}-groups`}
          legend={t.staffUsers.changeGroupsOf(user.email)}
          note={t.staffUsers.groupsNote}
          value={groups}
          onChange={setGroups}
          error={groups.length === 0 ? t.staffUsers.groupsRequired : undefined}
        />
        <div class="actions-row">
          <button type="submit" class="button primary" disabled={busy || groups.length === 0}>
            {busy ? t.staffUsers.working : t.staffUsers.saveGroups}
          </button>
          <button type="button" class="button secondary" disabled={busy} onClick={() => setMode('idle')}>
            {t.staffUsers.cancel}
          </button>
        </div>
      </form>
    );
  }
  if (mode !== 'idle') {
    const action = actions[mode];
    return (
      // biome-ignore lint/a11y/useSemanticElements: a question with its two buttons, not a set of form fields (no fieldset/legend).
      <div class="confirm" role="group" aria-labelledby={`${id}-question`}>
        {error !== null && <ErrorAlert error={error} />}
        <p id={`${id}-question`}>{action.question}</p>
        <div class="actions-row">
          <button type="button" class="button primary" disabled={busy} onClick={() => void run(action.go, t.staffUsers.done[mode])}>
            {busy ? t.staffUsers.working : t.staffUsers.confirmYes}
          </button>
          <button type="button" class="button secondary" disabled={busy} onClick={() => setMode('idle')}>
            {t.staffUsers.cancel}
          </button>
        </div>
      </div>
    );
  }
  return (
    <div class="actions-row">
      <button
        type="button"
        class="button secondary"
        onClick={() => {
          setGroups(user.groups);
          setError(null);
          setMode('groups');
        }}
      >
        {t.staffUsers.changeGroups}
      </button>
      {user.status === 'disabled' ? (
        <button type="button" class="button secondary" onClick={() => setMode('enable')}>
          {t.staffUsers.enable}
        </button>
      ) : (
        <button type="button" class="button secondary" onClick={() => setMode('disable')}>
          {t.staffUsers.disable}
        </button>
      )}
      <button type="button" class="button secondary" onClick={() => setMode('signOut')}>
        {t.staffUsers.signOut}
      </button>
    </div>
  );
}

export function StaffUsersPage() {
  const { t, formatDate } = useI18n();
  const [version, setVersion] = useState(0);
  const [changed, setChanged] = useState<Record<string, StaffUser>>({});
  const [notice, setNotice] = useState<string | null>(null);
  const list = usePagedList((page, signal) => request(api.staff.listStaffUsers, { query: page, signal }), String(version));
  const me = sessionUserId('staff');

  useTitle(t.staffUsers.title);

  return (
    <Frame pool="staff" signedIn>
      <div class="page-head">
        <h1 tabIndex={-1}>{t.staffUsers.heading}</h1>
        <p class="muted">{t.staffUsers.intro}</p>
      </div>

      <InviteForm
        onInvited={() => {
          setChanged({});
          setVersion((current) => current + 1);
        }}
      />

      <div role="status">{notice && <p class="alert alert-info">{notice}</p>}</div>
      <PagedTable
        list={list}
        testId="staff-table"
        caption={t.staffUsers.tableCaption}
        empty={{ title: t.staffUsers.empty, help: t.staffUsers.emptyHelp }}
        showing={t.staffUsers.showing(list.items.length)}
        head={
          <>
            <th scope="col">{t.staffUsers.user}</th>
            <th scope="col">{t.staffUsers.groups}</th>
            <th scope="col">{t.staffUsers.status}</th>
            <th scope="col">{t.staffUsers.added}</th>
            <th scope="col">{t.staffUsers.actions}</th>
          </>
        }
        row={(listed) => {
          const user = changed[listed.userId] ?? listed;
          return (
            <tr key={user.userId} data-email={user.email}>
              <td>
                {user.email} {user.userId === me && <span class="muted">{t.staffUsers.you}</span>}
              </td>
              <td>{user.groups.map((group) => t.staffUsers.groupNames[group]).join(', ')}</td>
              <td data-testid="staff-status">{t.staffUsers.statusNames[user.status]}</td>
              <td>
                <time dateTime={user.createdAt}>{formatDate(user.createdAt)}</time>
              </td>
              <td>
                <StaffActions
                  user={user}
                  onChanged={(updated, message) => {
                    setChanged((current) => ({ ...current, [updated.userId]: updated }));
                    setNotice(message);
                  }}
                />
              </td>
            </tr>
          );
        }}
      />
    </Frame>
  );
}
