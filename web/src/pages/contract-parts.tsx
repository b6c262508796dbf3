// Pieces the staff contract pages share: the one-time activation code panel, the SLA level with its response time,
// the status badge and the SLA select.

import { useEffect, useRef, useState } from 'preact/hooks';
import { SLA_LEVELS, type SlaLevel } from '#shared/contracts/fields.ts';
import type { StaffContract } from '../api.ts';
import { useI18n } from '../i18n.ts';

const badgeClass = {
  upcoming: 'badge badge-off',
  active: 'badge badge-ok',
  expiring: 'badge badge-warn',
  expired: 'badge badge-off',
} as const;

/** A contract's term status, and whether an account has it. */
export function ContractStatus(props: { contract: Pick<StaffContract, 'status' | 'claimed'> }) {
  const { t } = useI18n();
  const { status, claimed } = props.contract;
  const label =
    status === 'upcoming'
      ? t.adminContracts.statusUpcoming
      : { active: t.support.statusActive, expiring: t.support.statusExpiring, expired: t.support.statusExpired }[status];
  return (
    <span class="contract-status">
      <span class={badgeClass[status]} data-status={status}>
        {label}
      </span>{' '}
      <span class={claimed ? 'badge badge-ok' : 'badge badge-warn'} data-claimed={claimed}>
        {claimed ? t.adminContracts.claimed : t.adminContracts.unclaimed}
      </span>
    </span>
  );
}

/** "Priority (first response within 4 business hours)". */
export function slaText(t: ReturnType<typeof useI18n>['t'], sla: SlaLevel, withResponse = true): string {
  const name = t.adminContracts.slaLevels[sla];
  return withResponse ? `${name} (${t.adminContracts.slaResponse[sla]})` : name;
}

/** A term day (YYYY-MM-DD) in the reader's language; noon UTC keeps it the same day in every time zone. */
export function useFormatDay(): (day: string) => string {
  const { formatDate } = useI18n();
  return (day) => formatDate(`${day}T12:00:00Z`);
}

export function SlaSelect(props: { id: string; value: SlaLevel; onChange: (sla: SlaLevel) => void }) {
  const { t } = useI18n();
  return (
    <div class="field">
      <label for={props.id}>{t.adminContracts.sla}</label>
      <select id={props.id} value={props.value} onChange={(event) => props.onChange(event.currentTarget.value as SlaLevel)}>
        {SLA_LEVELS.map((level) => (
          <option key={level} value={level}>
            {slaText(t, level)}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * The activation code, shown once: a warning that it cannot be shown again, a copy button, and a button that hides it
 * for good once staff have saved it. Focus moves to the panel when it appears, so a screen reader reads the warning.
 */
export function OneTimeCode(props: { contractNumber: string; code: string }) {
  const { t } = useI18n();
  const [shown, setShown] = useState(true);
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');
  const panel = useRef<HTMLElement>(null);
  const codeElement = useRef<HTMLElement>(null);

  useEffect(() => {
    panel.current?.focus();
  }, [props.code]);

  useEffect(() => {
    if (copy !== 'copied') return;
    const timer = setTimeout(() => setCopy('idle'), 2500);
    return () => clearTimeout(timer);
  }, [copy]);

  const onCopy = async () => {
    try {
      await navigator.clipboard.writeText(props.code);
      setCopy('copied');
    } catch {
      // No clipboard (plain http, or permission denied): select the code so Ctrl+C works.
      const element = codeElement.current;
      if (element) window.getSelection()?.selectAllChildren(element);
      setCopy('failed');
    }
  };

  if (!shown) {
    return (
      <p class="alert alert-info" role="status" data-testid="code-dismissed">
        {t.adminContracts.dismissed}
      </p>
    );
  }
  return (
    <section ref={panel} tabIndex={-1} class="card key-card code-panel" aria-labelledby="one-time-code-heading" data-testid="one-time-code">
      <h2 id="one-time-code-heading">{t.adminContracts.codeHeading}</h2>
      <p class="alert alert-warning" role="alert">
        {t.adminContracts.codeWarning}
      </p>
      <p class="muted small">
        {t.adminContracts.number}: <code class="serial">{props.contractNumber}</code>
      </p>
      <div class="key-row">
        <code ref={codeElement} class="activation-key" data-testid="activation-code">
          {props.code}
        </code>
        <button type="button" class="button secondary" onClick={onCopy}>
          {copy === 'copied' ? t.adminContracts.copied : t.adminContracts.copy}
        </button>
      </div>
      <p class="muted">{t.adminContracts.codeHelp}</p>
      <p class="visually-hidden" role="status">
        {copy === 'copied' ? t.adminContracts.copied : ''}
      </p>
      {copy === 'failed' && (
        <p class="field-error" role="alert">
          {t.adminContracts.copyFailed}
        </p>
      )}
      <button type="button" class="button primary" onClick={() => setShown(false)}>
        {t.adminContracts.dismiss}
      </button>
    </section>
  );
}
