// "View as customer" from a staff page: a reason, then the customer's own pages, read-only, for an hour.

import { useState } from 'preact/hooks';
import { api, request } from './api.ts';
import { ErrorAlert } from './components.tsx';
import { Field } from './fields.tsx';
import { useI18n } from './i18n.ts';
import { navigate } from './router.ts';
import { startViewingAs } from './view-as.ts';

export function ViewAsForm(props: { accountId: string }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [invalid, setInvalid] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  const submit = async (event: Event) => {
    event.preventDefault();
    if (reason.trim().length < 3) {
      setInvalid(t.viewAs.reasonRequired);
      document.getElementById('view-as-reason')?.focus();
      return;
    }
    setInvalid(undefined);
    setBusy(true);
    setError(undefined);
    try {
      const view = await request(api.audit.startViewAs, { path: { accountId: props.accountId }, body: { reason: reason.trim() } });
      startViewingAs(view);
      navigate('/licences');
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  };

  return (
    <section class="view-as-start" aria-labelledby="view-as-title">
      <h2 id="view-as-title">{t.viewAs.startTitle}</h2>
      <p class="muted">{t.viewAs.startIntro}</p>
      {error !== undefined && <ErrorAlert error={error} />}
      <form onSubmit={submit} noValidate>
        <Field
          id="view-as-reason"
          label={t.viewAs.reason}
          hint={t.viewAs.reasonHint}
          value={reason}
          onInput={setReason}
          error={invalid}
          autocomplete="off"
        />
        <button type="submit" class="button secondary" disabled={busy}>
          {busy ? t.viewAs.starting : t.viewAs.start}
        </button>
      </form>
    </section>
  );
}
