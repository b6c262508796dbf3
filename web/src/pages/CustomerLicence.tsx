// Staff: one licence of the customer page opened up: its computer, the customer's transfers, its history (staff changes
// included), and the staff actions on it (free, move, revoke, reissue its file), each asking for the audit's reason.
// Also the one action form the page's support and order actions use.

import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { accountIdSchema } from '#shared/http/schemas.ts';
import { computerIdSchema } from '#shared/licences/schemas.ts';
import { api, request, type CustomerPageData } from '../api.ts';
import { ErrorAlert, TableRegion, useCellLabels, useResource } from '../components.tsx';
import { Field } from '../fields.tsx';
import { useI18n } from '../i18n.ts';
import { LicenceEventActor, LicenceEventChange } from './licence-history.tsx';

type LicenceRow = CustomerPageData['licences']['items'][number];

/** What the page says after a staff action: a message, and the reissued file to save when there is one. */
export interface ActionNotice {
  message: string;
  file?: { filename: string; content: string };
}

const REASON = { min: 3, max: 500 };

/**
 * One staff action: its extra field (a computer id or a date), the reason for the audit trail (required or optional as
 * the route declares), and a submit button. The API's answer becomes the page's notice; a refusal stays in the form.
 */
export function StaffActionForm(props: {
  id: string;
  submitLabel: string;
  warning?: string;
  reason: 'required' | 'optional';
  /** `text`: any non-empty value up to `maxLength` (the route checks its form); `invalid` says so when it is empty. */
  extra?: {
    kind: 'computer' | 'date' | 'account' | 'text';
    label: string;
    hint?: string;
    min?: string;
    maxLength?: number;
    invalid?: string;
    /** What the field starts with (the value being changed). */
    initial?: string;
  };
  /** Fields of the action's own before the extra one (a choice the run reads from its own state). */
  children?: ComponentChildren;
  run: (values: { reason: string | undefined; extra: string }) => Promise<ActionNotice>;
  onDone: (notice: ActionNotice) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [extra, setExtra] = useState(props.extra?.initial ?? '');
  const [errors, setErrors] = useState<{ reason?: string; extra?: string }>({});
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(undefined);

  const submit = async (event: Event) => {
    event.preventDefault();
    const trimmed = reason.trim();
    const found: { reason?: string; extra?: string } = {};
    if ((props.reason === 'required' || trimmed !== '') && (trimmed.length < REASON.min || trimmed.length > REASON.max)) {
      found.reason = t.customerPage.reasonRequired;
    }
    if (props.extra?.kind === 'computer' && !computerIdSchema.safeParse(extra.trim()).success)
      found.extra = t.licenceDetail.newComputerInvalid;
    if (props.extra?.kind === 'account' && !accountIdSchema.safeParse(extra.trim()).success)
      found.extra = t.customerPage.targetAccountInvalid;
    if (props.extra?.kind === 'text' && extra.trim() === '') found.extra = props.extra.invalid ?? t.customerPage.reasonRequired;
    if (props.extra?.kind === 'date' && (extra === '' || (props.extra.min !== undefined && extra < props.extra.min))) {
      found.extra = t.customerPage.newEndRequired;
    }
    setErrors(found);
    if (found.reason || found.extra) {
      document.getElementById(found.extra ? `${props.id}-extra` : `${props.id}-reason`)?.focus();
      return;
    }
    setBusy(true);
    setFailure(undefined);
    try {
      props.onDone(await props.run({ reason: trimmed === '' ? undefined : trimmed, extra: extra.trim() }));
    } catch (error) {
      setFailure(error);
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate aria-busy={busy} class="move-form" data-testid={props.id}>
      {props.warning && <p class="alert alert-info">{props.warning}</p>}
      {props.children}
      {(props.extra?.kind === 'computer' || props.extra?.kind === 'account' || props.extra?.kind === 'text') && (
        <Field
          id={`${props.id}-extra`}
          label={props.extra.label}
          hint={props.extra.hint}
          autocomplete="off"
          value={extra}
          onInput={setExtra}
          error={errors.extra}
          limits={{ required: true, maxLength: props.extra.maxLength ?? 128 }}
        />
      )}
      {props.extra?.kind === 'date' && (
        <div class="field">
          <label for={`${props.id}-extra`}>{props.extra.label}</label>
          {props.extra.hint && (
            <p id={`${props.id}-extra-hint`} class="muted small field-hint">
              {props.extra.hint}
            </p>
          )}
          <input
            id={`${props.id}-extra`}
            type="date"
            required
            min={props.extra.min}
            value={extra}
            onInput={(event) => setExtra(event.currentTarget.value)}
            aria-invalid={errors.extra ? true : undefined}
            aria-describedby={
              [props.extra.hint ? `${props.id}-extra-hint` : '', errors.extra ? `${props.id}-extra-error` : ''].filter(Boolean).join(' ') ||
              undefined
            }
          />
          {errors.extra && (
            <p id={`${props.id}-extra-error`} class="field-error">
              {errors.extra}
            </p>
          )}
        </div>
      )}
      <Field
        id={`${props.id}-reason`}
        label={t.customerPage.reason}
        hint={props.reason === 'required' ? t.customerPage.reasonHint : t.customerPage.reasonOptionalHint}
        autocomplete="off"
        value={reason}
        onInput={setReason}
        error={errors.reason}
        limits={{ required: props.reason === 'required', maxLength: REASON.max }}
      />
      {failure !== undefined && <ErrorAlert error={failure} />}
      <div class="actions-row">
        <button type="submit" class="button primary" disabled={busy}>
          {busy ? t.customerPage.working : props.submitLabel}
        </button>
        <button type="button" class="button secondary" disabled={busy} onClick={props.onCancel}>
          {t.customerPage.cancel}
        </button>
      </div>
    </form>
  );
}

type LicenceAction = 'free' | 'move' | 'revoke' | 'reissue';

export function LicenceManager(props: {
  accountId: string;
  licence: LicenceRow;
  onDone: (notice: ActionNotice) => void;
  onClose: () => void;
}) {
  const { t, formatDateTime } = useI18n();
  const { accountId, licence } = props;
  const path = { accountId, licenceId: licence.licenceId };
  const activations = useResource(
    (signal) => request(api.customerPage.listCustomerLicenceActivations, { path, query: { limit: 25 }, signal }),
    licence.licenceId,
  );
  const [action, setAction] = useState<LicenceAction | undefined>(undefined);
  const history = useCellLabels();
  const data = activations.data;
  const headingId = `manage-${licence.licenceId}`;
  const revoked = licence.revokedAt !== undefined;

  const forms: Record<LicenceAction, () => preact.JSX.Element> = {
    free: () => (
      <StaffActionForm
        id="staff-free"
        submitLabel={t.customerPage.freeAction}
        reason="required"
        run={async ({ reason }) => {
          await request(api.customerPage.staffFreeLicence, { path, body: { reason: reason ?? '' } });
          return { message: t.customerPage.done.freed };
        }}
        onDone={props.onDone}
        onCancel={() => setAction(undefined)}
      />
    ),
    move: () => (
      <StaffActionForm
        id="staff-move"
        submitLabel={t.customerPage.moveAction}
        reason="required"
        extra={{ kind: 'computer', label: t.customerPage.newComputerId }}
        run={async ({ reason, extra }) => {
          const binding = await request(api.customerPage.staffMoveLicence, { path, body: { toComputerId: extra, reason: reason ?? '' } });
          return { message: t.customerPage.done.moved(binding.computerId ?? extra) };
        }}
        onDone={props.onDone}
        onCancel={() => setAction(undefined)}
      />
    ),
    revoke: () => (
      <StaffActionForm
        id="staff-revoke"
        submitLabel={t.customerPage.revokeAction}
        warning={t.customerPage.revokeWarning}
        reason="required"
        run={async ({ reason }) => {
          await request(api.customerPage.staffRevokeLicence, { path, body: { reason: reason ?? '' } });
          return { message: t.customerPage.done.revoked };
        }}
        onDone={props.onDone}
        onCancel={() => setAction(undefined)}
      />
    ),
    reissue: () => (
      <StaffActionForm
        id="staff-reissue"
        submitLabel={t.customerPage.reissueAction}
        reason="optional"
        run={async ({ reason }) => {
          const file = await request(api.customerPage.staffReissueLicenceFile, { path, body: reason ? { reason } : {} });
          return { message: t.customerPage.done.reissued(file.filename), file: { filename: file.filename, content: file.content } };
        }}
        onDone={props.onDone}
        onCancel={() => setAction(undefined)}
      />
    ),
  };

  const labels: Record<LicenceAction, string> = {
    free: t.customerPage.freeAction,
    move: t.customerPage.moveAction,
    revoke: t.customerPage.revokeAction,
    reissue: t.customerPage.reissueAction,
  };
  const available: LicenceAction[] = revoked
    ? []
    : licence.computerId
      ? ['free', 'move', 'revoke', 'reissue']
      : ['move', 'revoke', 'reissue'];

  return (
    <section class="card section" aria-labelledby={headingId} data-testid="licence-manager">
      <h3 id={headingId}>{t.customerPage.licenceHeading(licence.serial)}</h3>
      {activations.error !== undefined ? (
        <ErrorAlert error={activations.error} onRetry={activations.retry} />
      ) : !data ? (
        <p class="muted" role="status">
          {t.app.loading}
        </p>
      ) : (
        <>
          <p data-testid="manager-computer">
            {data.computerId ? (
              <>
                {t.licenceDetail.computerId}: <code class="serial">{data.computerId}</code>
              </>
            ) : (
              t.licenceDetail.notActivated
            )}
          </p>
          <p class="small muted">{t.customerPage.transfers(data.transfers.used, data.transfers.limit, data.transfers.windowDays)}</p>
          {data.items.length > 0 && (
            <TableRegion labelledBy={`${headingId}-history`}>
              <table ref={history} class="stack compact" data-testid="manager-history">
                <caption id={`${headingId}-history`}>{t.licenceDetail.historyHeading}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.licenceDetail.when}</th>
                    <th scope="col">{t.licenceDetail.change}</th>
                    <th scope="col">{t.licenceDetail.fromComputer}</th>
                    <th scope="col">{t.licenceDetail.toComputer}</th>
                    <th scope="col">{t.licenceDetail.by}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((event) => (
                    <tr key={event.eventId}>
                      <td>
                        <time dateTime={event.at}>{formatDateTime(event.at)}</time>
                      </td>
                      <td>
                        <LicenceEventChange event={event} />
                      </td>
                      <td>{event.fromComputerId ?? '—'}</td>
                      <td>{event.toComputerId ?? '—'}</td>
                      <td>
                        <LicenceEventActor event={event} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableRegion>
          )}
        </>
      )}
      {action ? (
        forms[action]()
      ) : (
        <div class="actions-row">
          {available.map((each) => (
            <button key={each} type="button" class="button secondary" onClick={() => setAction(each)}>
              {labels[each]}
            </button>
          ))}
          <button type="button" class="button secondary" onClick={props.onClose}>
            {t.customerPage.close}
          </button>
        </div>
      )}
    </section>
  );
}
