// Admin: downloads the mailing list's current subscribers as CSV, a part of at most 5,000 at a time.

import { useState } from 'preact/hooks';
import { api, downloadFile } from '../api.ts';
import { ErrorAlert, Frame, useTitle } from '../components.tsx';
import { useI18n } from '../i18n.ts';

export function AdminMailingPage() {
  const { t } = useI18n();
  useTitle(t.notifications.adminTitle);
  const [next, setNext] = useState<string | undefined>(undefined);
  const [parts, setParts] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const download = async (cursor: string | undefined) => {
    setBusy(true);
    setError(null);
    try {
      const following = await downloadFile(
        api.notifications.exportSubscribers,
        { query: cursor ? { cursor } : {} },
        `mailing-list-subscribers-${parts + 1}.csv`,
      );
      setParts((count) => (cursor ? count + 1 : 1));
      setNext(following);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Frame pool="staff" signedIn>
      <div class="page-head">
        <h1 tabIndex={-1}>{t.notifications.adminHeading}</h1>
        <p class="muted">{t.notifications.adminIntro}</p>
      </div>
      <section class="card section" aria-busy={busy}>
        <button type="button" class="button primary" disabled={busy} onClick={() => void download(undefined)}>
          {t.notifications.download}
        </button>
        {next && (
          <button type="button" class="button secondary" disabled={busy} onClick={() => void download(next)}>
            {t.notifications.downloadNext(parts + 1)}
          </button>
        )}
        {parts > 0 && !next && (
          <p role="status" data-testid="export-done">
            {t.notifications.downloaded(parts)}
          </p>
        )}
        {error !== null && <ErrorAlert error={error} />}
      </section>
    </Frame>
  );
}
