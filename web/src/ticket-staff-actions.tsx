// Staff actions on one ticket that are not replies: change its kind, priority or asset (the SLA due times follow), or
// merge it into another ticket of the same customer as a duplicate. The queue's staff ticket page places it.

import { useState } from 'preact/hooks';
import { TICKET_KINDS, TICKET_PRIORITIES } from '#shared/api/sla.ts';
import { api, request } from './api.ts';
import { ErrorAlert } from './components.tsx';
import { useI18n } from './i18n.ts';

type TicketKind = (typeof TICKET_KINDS)[number];
type TicketPriority = (typeof TICKET_PRIORITIES)[number];

export interface StaffActionTicket {
  ticketNumber: number;
  kind: TicketKind;
  priority: TicketPriority;
  assetId?: string | undefined;
}

export function TicketStaffActions(props: { ticket: StaffActionTicket; onChanged: () => void }) {
  const { t } = useI18n();
  const { ticket } = props;
  const [kind, setKind] = useState<TicketKind>(ticket.kind);
  const [priority, setPriority] = useState<TicketPriority>(ticket.priority);
  const [assetId, setAssetId] = useState(ticket.assetId ?? '');
  const [reason, setReason] = useState('');
  const [into, setInto] = useState('');
  const [error, setError] = useState<unknown>(undefined);
  const [done, setDone] = useState('');
  const [busy, setBusy] = useState(false);
  const run = async (action: () => Promise<string>) => {
    setBusy(true);
    setError(undefined);
    setDone('');
    try {
      setDone(await action());
      props.onChanged();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const path = { ticketNumber: ticket.ticketNumber };
  const why = reason.trim() ? { reason: reason.trim() } : {};

  return (
    <section class="card section" aria-labelledby="ticket-actions-heading" aria-busy={busy}>
      <h2 id="ticket-actions-heading">{t.sla.actionsHeading}</h2>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void run(async () => {
            await request(api.sla.updateTicket, {
              path,
              body: { kind, priority, ...(kind === 'technical' && assetId.trim() ? { assetId: assetId.trim() } : {}), ...why },
            });
            return t.sla.changed;
          });
        }}
      >
        <div class="field">
          <label for="ticket-kind">{t.sla.kind}</label>
          <select id="ticket-kind" value={kind} onChange={(event) => setKind(event.currentTarget.value as TicketKind)}>
            {TICKET_KINDS.map((value) => (
              <option key={value} value={value}>
                {t.sla.kinds[value]}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="ticket-priority">{t.sla.priority}</label>
          <select id="ticket-priority" value={priority} onChange={(event) => setPriority(event.currentTarget.value as TicketPriority)}>
            {TICKET_PRIORITIES.map((value) => (
              <option key={value} value={value}>
                {t.sla.priorities[value]}
              </option>
            ))}
          </select>
        </div>
        {kind === 'technical' && (
          <div class="field">
            <label for="ticket-asset">{t.sla.assetId}</label>
            <input id="ticket-asset" value={assetId} onInput={(event) => setAssetId(event.currentTarget.value)} />
          </div>
        )}
        <div class="field">
          <label for="ticket-reason">{t.sla.reason}</label>
          <input id="ticket-reason" value={reason} maxLength={500} onInput={(event) => setReason(event.currentTarget.value)} />
        </div>
        <button type="submit" class="button primary" disabled={busy}>
          {t.sla.apply}
        </button>
      </form>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void run(async () => {
            const target = Number(into);
            await request(api.sla.mergeTicket, { path, body: { intoTicketNumber: target, ...why } });
            return t.sla.merged(target);
          });
        }}
      >
        <div class="field">
          <label for="ticket-merge-into">{t.sla.mergeInto}</label>
          <input
            id="ticket-merge-into"
            inputMode="numeric"
            pattern="[0-9]+"
            required
            value={into}
            onInput={(event) => setInto(event.currentTarget.value)}
          />
        </div>
        <button type="submit" class="button secondary" disabled={busy}>
          {t.sla.merge}
        </button>
      </form>
      {done && <p role="status">{done}</p>}
      {error !== undefined && <ErrorAlert error={error} />}
    </section>
  );
}
