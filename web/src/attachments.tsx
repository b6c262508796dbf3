// Ticket attachments in the portal, self-contained for the ticket form, the reply forms and the ticket pages:
// - <AttachmentPicker files onChange progress? disabled? id?>: a file input that keeps at most 10 files of the allowed
//   types and sizes (shared/tickets/attachment-types.ts), says why a file was left out, and shows each file's upload state.
// - uploadAttachments(ticketNumber, files, onProgress?): the three steps per file (ask the API, POST the file straight to
//   the files bucket with the presigned form, ask the API to check it); answers the attachments made and the failures.
// - <AttachmentList ticketNumber attachments staff?>: the attachments with a download button each (a link valid a minute or two
//   from the API; the bucket's Content-Disposition makes the browser save the file under its name).

import { useState } from 'preact/hooks';
import type { attachmentView } from '#shared/api/attachments.ts';
import {
  completeUpload,
  downloadAttachment,
  listAttachments,
  staffDownloadAttachment,
  staffListAttachments,
  startUpload,
} from '#shared/api/attachments.ts';
import { ATTACHMENT_ACCEPT, attachmentTypeFor, MAX_ATTACHMENT_BYTES, MAX_PENDING_ATTACHMENTS } from '#shared/tickets/attachment-types.ts';
import type * as z from '#shared/validation.ts';
import { ApiError, request } from './api.ts';
import { ErrorAlert, useResource } from './components.tsx';
import { DownloadButton, openLink } from './download.tsx';
import { useI18n } from './i18n.ts';

export type AttachmentView = z.output<typeof attachmentView>;

/** Where one file's upload is: the picker shows it next to the file. */
export type UploadState =
  | { step: 'waiting' }
  | { step: 'uploading'; percent: number }
  | { step: 'checking' }
  | { step: 'done'; attachment: AttachmentView }
  | { step: 'failed'; error: unknown };

/** A file size in the page's language: 1.5 MB, 1,5 MB, 820 kB. */
export function formatFileSize(bytes: number, locale: string): string {
  const [unit, value] = bytes >= 1_000_000 ? ['megabyte', bytes / 1_000_000] : ['kilobyte', Math.max(bytes / 1000, 0.1)];
  return new Intl.NumberFormat(locale, { style: 'unit', unit, maximumFractionDigits: 1 }).format(value);
}

/** Why a file may not be attached (client side, before any request), or undefined when it may. */
function refusal(file: File): 'type' | 'size' | 'empty' | undefined {
  if (!attachmentTypeFor(file.name)) return 'type';
  if (file.size === 0) return 'empty';
  if (file.size > MAX_ATTACHMENT_BYTES) return 'size';
  return undefined;
}

/** POSTs the presigned form with XMLHttpRequest, which (unlike fetch) reports the upload's progress. */
function postToBucket(upload: { url: string; fields: Record<string, string> }, file: File, onPercent: (percent: number) => void) {
  return new Promise<void>((resolve, reject) => {
    const form = new FormData();
    for (const [name, value] of Object.entries(upload.fields)) form.append(name, value);
    form.append('file', file);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', upload.url);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onPercent(Math.round((event.loaded / event.total) * 100));
    };
    xhr.onload = () =>
      xhr.status >= 200 && xhr.status < 300 ? resolve() : reject(new ApiError(xhr.status, 'UPLOAD_FAILED', 'Upload failed'));
    xhr.onerror = () => reject(new ApiError(0, 'UPLOAD_FAILED', 'Upload failed'));
    xhr.send(form);
  });
}

/**
 * Uploads the files to a ticket one after another (the customer's routes); `onProgress(index, state)` follows each.
 * A failed file does not stop the others: it comes back in `failed` with its error.
 */
export async function uploadAttachments(
  ticketNumber: number,
  files: readonly File[],
  onProgress: (index: number, state: UploadState) => void = () => undefined,
): Promise<{ attachments: AttachmentView[]; failed: Array<{ file: File; error: unknown }> }> {
  const attachments: AttachmentView[] = [];
  const failed: Array<{ file: File; error: unknown }> = [];
  for (const index of files.keys()) onProgress(index, { step: 'waiting' });
  for (const [index, file] of files.entries()) {
    try {
      const contentType = attachmentTypeFor(file.name)?.contentType ?? file.type;
      const started = await request(startUpload, {
        path: { ticketNumber },
        body: { fileName: file.name, contentType, size: file.size },
      });
      onProgress(index, { step: 'uploading', percent: 0 });
      await postToBucket(started.upload, file, (percent) => onProgress(index, { step: 'uploading', percent }));
      onProgress(index, { step: 'checking' });
      const attachment = await request(completeUpload, { path: { ticketNumber, attachmentId: started.attachmentId } });
      attachments.push(attachment);
      onProgress(index, { step: 'done', attachment });
    } catch (error) {
      failed.push({ file, error });
      onProgress(index, { step: 'failed', error });
    }
  }
  return { attachments, failed };
}

function StateText(props: { state: UploadState | undefined }) {
  const { t, errorMessage } = useI18n();
  const { state } = props;
  if (!state) return null;
  if (state.step === 'failed') {
    return (
      <span class="field-error" role="alert">
        {t.attachments.failed}: {errorMessage(state.error)}
      </span>
    );
  }
  const text =
    state.step === 'waiting'
      ? t.attachments.waiting
      : state.step === 'uploading'
        ? t.attachments.uploading(String(state.percent))
        : state.step === 'checking'
          ? t.attachments.checking
          : t.attachments.done;
  return <span class="hint">{text}</span>;
}

/**
 * The file input of a form. Controlled: `files` are the files chosen so far, `onChange` gets the new list (files of a
 * type or size that cannot be attached are left out, with a message; at most 10). `progress[i]` is file i's upload
 * state while uploadAttachments runs; `disabled` while the form is sending.
 */
export function AttachmentPicker(props: {
  files: readonly File[];
  onChange: (files: File[]) => void;
  progress?: ReadonlyArray<UploadState | undefined>;
  disabled?: boolean;
  /** The input's id (default `attachments`): one per form on a page. */
  id?: string;
}) {
  const { t, locale } = useI18n();
  const [problems, setProblems] = useState<string[]>([]);
  const id = props.id ?? 'attachments';
  const maxSize = formatFileSize(MAX_ATTACHMENT_BYTES, locale);

  const add = (chosen: FileList | null) => {
    const found: string[] = [];
    const next = [...props.files];
    for (const file of Array.from(chosen ?? [])) {
      const why = refusal(file);
      if (why === 'type') found.push(t.attachments.typeNotAllowed(file.name));
      else if (why === 'empty') found.push(t.attachments.empty(file.name));
      else if (why === 'size') found.push(t.attachments.tooLarge(file.name, maxSize));
      else if (next.length >= MAX_PENDING_ATTACHMENTS) found.push(t.attachments.tooMany(String(MAX_PENDING_ATTACHMENTS)));
      else next.push(file);
    }
    setProblems([...new Set(found)]);
    props.onChange(next);
  };

  return (
    <div class="field attachment-picker">
      <label for={id}>{t.attachments.label}</label>
      <input
        id={id}
        type="file"
        multiple
        accept={ATTACHMENT_ACCEPT}
        disabled={props.disabled || props.files.length >= MAX_PENDING_ATTACHMENTS}
        aria-describedby={`${id}-hint`}
        onChange={(event) => {
          const input = event.currentTarget;
          add(input.files);
          // The same file may be chosen again after it was removed.
          input.value = '';
        }}
      />
      <p id={`${id}-hint`} class="hint">
        {t.attachments.limits(String(MAX_PENDING_ATTACHMENTS), maxSize)}
      </p>
      {problems.length > 0 && (
        <ul class="field-error" role="alert">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
      {props.files.length > 0 && (
        <ul class="attachment-files" aria-label={t.attachments.chosen}>
          {props.files.map((file, index) => (
            <li key={`${file.name}-${file.size}-${file.lastModified}`}>
              <span>{file.name}</span> <span class="hint">({formatFileSize(file.size, locale)})</span>{' '}
              <StateText state={props.progress?.[index]} />{' '}
              {!props.disabled && (
                <button type="button" class="link-button" onClick={() => props.onChange(props.files.filter((_, other) => other !== index))}>
                  {t.attachments.remove}
                  <span class="visually-hidden"> {file.name}</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * A ticket's attachments (from the attachments list route, or a ticket answer that carries them) with a download button
 * each; `staff` downloads through the staff route. Shows nothing when there are none, unless `showEmpty`.
 */
export function AttachmentList(props: {
  ticketNumber: number;
  attachments: readonly AttachmentView[];
  staff?: boolean;
  showEmpty?: boolean;
}) {
  const { t, locale, formatDateTime } = useI18n();
  if (props.attachments.length === 0) return props.showEmpty ? <p class="hint">{t.attachments.none}</p> : null;
  const download = async (attachmentId: string) => {
    const parts = { path: { ticketNumber: props.ticketNumber, attachmentId } };
    const link = props.staff ? await request(staffDownloadAttachment, parts) : await request(downloadAttachment, parts);
    openLink(link.url);
  };
  return (
    <ul class="attachment-list" aria-label={t.attachments.label}>
      {props.attachments.map((attachment) => (
        <li key={attachment.attachmentId}>
          <span>{attachment.fileName}</span>{' '}
          <span class="hint">
            ({formatFileSize(attachment.size, locale)}, {formatDateTime(attachment.uploadedAt)})
          </span>{' '}
          <DownloadButton
            download={() => download(attachment.attachmentId)}
            label={t.attachments.download}
            description={attachment.fileName}
          />
        </li>
      ))}
    </ul>
  );
}

/**
 * A ticket page's attachments: the list (the customer's or the staff route), and for a customer who may write, a picker
 * whose files are uploaded to the ticket with one button, then the list reloads.
 */
export function TicketAttachments(props: { ticketNumber: number; staff?: boolean; mayAttach?: boolean }) {
  const { t } = useI18n();
  const [files, setFiles] = useState<File[]>([]);
  const [progress, setProgress] = useState<Array<UploadState | undefined>>([]);
  const [busy, setBusy] = useState(false);
  const path = { ticketNumber: props.ticketNumber };
  const list = useResource(
    (signal) => request(props.staff ? staffListAttachments : listAttachments, { path, query: { limit: 100 }, signal }),
    `attachments-${props.ticketNumber}-${props.staff ? 'staff' : 'customer'}`,
  );
  const upload = async () => {
    setBusy(true);
    const states: Array<UploadState | undefined> = [];
    const { failed } = await uploadAttachments(props.ticketNumber, files, (index, state) => {
      states[index] = state;
      setProgress([...states]);
    });
    setBusy(false);
    list.retry();
    if (failed.length === 0) {
      setFiles([]);
      setProgress([]);
    }
  };
  return (
    <section class="card" aria-labelledby="ticket-attachments" data-testid="ticket-attachments">
      <h2 id="ticket-attachments">{t.attachments.label}</h2>
      {list.error !== undefined && <ErrorAlert error={list.error} onRetry={list.retry} />}
      {list.data && <AttachmentList ticketNumber={props.ticketNumber} attachments={list.data.items} staff={props.staff} showEmpty />}
      {props.mayAttach && (
        <>
          <AttachmentPicker files={files} onChange={setFiles} progress={progress} disabled={busy} id="ticket-attachment-files" />
          {files.length > 0 && (
            <button type="button" class="button" disabled={busy} onClick={() => void upload()}>
              {t.attachments.attachFiles}
            </button>
          )}
        </>
      )}
    </section>
  );
}
