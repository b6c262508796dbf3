// A "download" button for a file route (licence and support files): fetches with the page's token, says when it fails.

import { useState } from 'preact/hooks';
import { api, downloadFile, type SupportSubscriptionView } from './api.ts';
import { useI18n } from './i18n.ts';

/** `download` fetches the file through its route contract, e.g. `() => downloadFile(api.licences.downloadLicenceFile, ...)`. */
/** Opens a presigned link: the bucket answers with `Content-Disposition: attachment`, so the page stays. */
export function openLink(url: string): void {
  const link = Object.assign(document.createElement('a'), { href: url, rel: 'noopener' });
  document.body.append(link);
  link.click();
  link.remove();
}

export function DownloadButton(props: { download: () => Promise<unknown>; label: string; description: string; class?: string }) {
  const { errorMessage } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const download = async () => {
    setBusy(true);
    setError(null);
    try {
      await props.download();
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" class={props.class ?? 'link-button'} onClick={() => void download()} disabled={busy} aria-busy={busy}>
        {props.label}
        <span class="visually-hidden"> {props.description}</span>
      </button>
      {error && (
        <span class="field-error" role="alert">
          {' '}
          {error}
        </span>
      )}
    </>
  );
}

export function SupportFileButton(props: { subscription: SupportSubscriptionView }) {
  const { t } = useI18n();
  const { subscription } = props;
  return (
    <DownloadButton
      download={() =>
        downloadFile(
          api.support.downloadSupportFile,
          { path: { subscriptionId: subscription.subscriptionId } },
          `${subscription.serial}-support.lic`,
        )
      }
      label={t.support.downloadFile}
      description={`${subscription.product} ${subscription.serial}`}
    />
  );
}
