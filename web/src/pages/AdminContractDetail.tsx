// Staff: one support contract: its facts and status, the account that has it, a new activation code while it is
// unclaimed (shown once), and the form that changes its term, SLA level and product.

import { AdminContractAssets } from './AdminContractAssets.tsx';
import { useEffect, useRef, useState } from 'preact/hooks';
import { termIsOrdered, type SlaLevel } from '#shared/contracts/fields.ts';
import { api, ApiError, request, type StaffContractDetail } from '../api.ts';
import { ErrorAlert, Frame, isNotFound, Link, NotOnAccount, useResource, useTitle } from '../components.tsx';
import { Field, fieldOf, type FieldErrors, type FormState } from '../fields.tsx';
import { apiIssues, checkBody, fieldErrorsOf, issueMessage, limitsOf } from '../form-checks.ts';
import { useI18n } from '../i18n.ts';
import { ContractStatus, OneTimeCode, SlaSelect, slaText, useFormatDay } from './contract-parts.tsx';
import './admin-orders.css';
import './admin-contracts.css';

const editSchema = api.contracts.updateContract.request.body;
const limits = {
  product: limitsOf(editSchema.shape.product),
  startsOn: limitsOf(editSchema.shape.startsOn),
  endsOn: limitsOf(editSchema.shape.endsOn),
  reason: limitsOf(editSchema.shape.reason),
};
type FieldName = keyof typeof limits;

export function AdminContractDetailPage(props: { contractNumber: string }) {
  const { t, formatDateTime } = useI18n();
  const formatDay = useFormatDay();
  const loaded = useResource(
    (signal) => request(api.contracts.getContract, { path: { contractNumber: props.contractNumber }, signal }),
    props.contractNumber,
  );
  // The latest state: what the page read, then what an edit or a new code answered.
  const [current, setCurrent] = useState<StaffContractDetail | undefined>(undefined);
  const data = current ?? loaded.data;

  useTitle(data ? t.adminContracts.detailHeading(data.contractNumber) : t.adminContracts.eyebrow);

  return (
    <Frame pool="staff" signedIn>
      <p class="back-link">
        <Link href="/admin/contracts">{t.adminContracts.allContracts}</Link>
      </p>
      <div class="page-head">
        <p class="eyebrow">{t.adminContracts.eyebrow}</p>
        <h1 tabIndex={-1}>{data ? t.adminContracts.detailHeading(data.contractNumber) : t.adminContracts.eyebrow}</h1>
      </div>
      {loaded.error !== undefined ? (
        isNotFound(loaded.error) ? (
          <NotOnAccount
            title={t.adminContracts.notFound}
            help={t.adminContracts.notFoundHelp}
            back={{ href: '/admin/contracts', label: t.adminContracts.allContracts }}
          />
        ) : (
          <ErrorAlert error={loaded.error} onRetry={loaded.retry} />
        )
      ) : !data ? (
        <p class="muted" role="status">
          {t.app.loading}
        </p>
      ) : (
        <>
          <dl class="facts card" data-testid="staff-contract-facts">
            <div>
              <dt>{t.adminContracts.product}</dt>
              <dd>{data.product}</dd>
            </div>
            <div>
              <dt>{t.adminContracts.sla}</dt>
              <dd data-testid="contract-sla">{slaText(t, data.sla)}</dd>
            </div>
            <div>
              <dt>{t.adminContracts.term}</dt>
              <dd data-testid="contract-term">{t.adminContracts.termValue(formatDay(data.startsOn), formatDay(data.endsOn))}</dd>
            </div>
            <div>
              <dt>{t.adminContracts.status}</dt>
              <dd>
                <ContractStatus contract={data} />
              </dd>
            </div>
            <div>
              <dt>{t.adminContracts.account}</dt>
              <dd data-testid="contract-account">{data.account?.name ?? data.accountId ?? t.adminContracts.noAccount}</dd>
            </div>
            {data.claimedAt && (
              <div>
                <dt>{t.adminContracts.claimedAt}</dt>
                <dd>
                  <time dateTime={data.claimedAt}>{formatDateTime(data.claimedAt)}</time>
                </dd>
              </div>
            )}
            {data.createdAt && (
              <div>
                <dt>{t.adminContracts.created}</dt>
                <dd>
                  <time dateTime={data.createdAt}>{formatDateTime(data.createdAt)}</time>
                  {data.createdBy && <span class="muted small block">{data.createdBy}</span>}
                </dd>
              </div>
            )}
            {!data.claimed && data.codeIssuedAt && (
              <div>
                <dt>{t.adminContracts.codeIssuedAt}</dt>
                <dd>
                  <time dateTime={data.codeIssuedAt}>{formatDateTime(data.codeIssuedAt)}</time>
                </dd>
              </div>
            )}
          </dl>

          <RegenerateCode contract={data} onRegenerated={(codeIssuedAt) => setCurrent({ ...data, codeIssuedAt })} />
          <EditContract contract={data} onSaved={setCurrent} />
          <AdminContractAssets contractNumber={data.contractNumber} claimed={data.claimed} />
        </>
      )}
    </Frame>
  );
}

function RegenerateCode(props: { contract: StaffContractDetail; onRegenerated: (codeIssuedAt: string) => void }) {
  const { t } = useI18n();
  const [step, setStep] = useState<'idle' | 'confirm' | 'busy'>('idle');
  const [code, setCode] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (step === 'confirm') confirmButton.current?.focus();
  }, [step]);

  if (props.contract.claimed) {
    return (
      <section class="contract-section" aria-labelledby="regenerate-heading">
        <h2 id="regenerate-heading">{t.adminContracts.regenerateHeading}</h2>
        <p class="muted">{t.adminContracts.claimedNoCode}</p>
      </section>
    );
  }

  const regenerate = async () => {
    setStep('busy');
    setError(null);
    try {
      const answer = await request(api.contracts.regenerateActivationCode, {
        path: { contractNumber: props.contract.contractNumber },
        body: {},
      });
      setCode(answer.activationCode);
      props.onRegenerated(answer.codeIssuedAt);
    } catch (caught) {
      setError(caught);
    } finally {
      setStep('idle');
    }
  };

  return (
    <section class="contract-section" aria-labelledby="regenerate-heading">
      <h2 id="regenerate-heading">{t.adminContracts.regenerateHeading}</h2>
      {code && <OneTimeCode key={code} contractNumber={props.contract.contractNumber} code={code} />}
      <p class="muted">{t.adminContracts.regenerateHelp}</p>
      {error !== null && <ErrorAlert error={error} />}
      {step === 'confirm' ? (
        <div class="alert alert-warning" role="alertdialog" aria-labelledby="regenerate-confirm">
          <p id="regenerate-confirm">{t.adminContracts.regenerateConfirm}</p>
          <div class="order-actions">
            <button ref={confirmButton} type="button" class="button primary" onClick={regenerate}>
              {t.adminContracts.regenerateYes}
            </button>
            <button type="button" class="button secondary" onClick={() => setStep('idle')}>
              {t.adminContracts.cancel}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" class="button secondary" onClick={() => setStep('confirm')} disabled={step === 'busy'}>
          {step === 'busy' ? t.adminContracts.regenerating : t.adminContracts.regenerate}
        </button>
      )}
    </section>
  );
}

function fieldOfPath(path: string): FieldName | undefined {
  const name = path.startsWith('body.') ? path.slice(5) : '';
  return name in limits ? (name as FieldName) : undefined;
}

function EditContract(props: { contract: StaffContractDetail; onSaved: (contract: StaffContractDetail) => void }) {
  const { t } = useI18n();
  const [values, setValues] = useState<Record<FieldName, string>>({
    product: props.contract.product,
    startsOn: props.contract.startsOn,
    endsOn: props.contract.endsOn,
    reason: '',
  });
  const [sla, setSla] = useState<SlaLevel>(props.contract.sla);
  const [invalid, setInvalid] = useState<FieldErrors<FieldName>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  const set = (name: FieldName) => (value: string) => {
    setValues((current) => ({ ...current, [name]: value }));
    setSaved(false);
    setInvalid((current) => {
      if (!(name in current)) return current;
      const { [name]: _, ...rest } = current;
      return rest as FieldErrors<FieldName>;
    });
  };
  const fields: FormState<FieldName> = { values, set, invalid, limits };
  const messageOf = (field: FieldName, issue: Parameters<typeof issueMessage>[0]) =>
    field === 'product'
      ? t.adminContracts.productRequired
      : field === 'reason'
        ? issueMessage(issue, t.form)
        : t.adminContracts.dateInvalid;

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const reason = values.reason.trim();
    const body = {
      product: values.product,
      sla,
      startsOn: values.startsOn.trim(),
      endsOn: values.endsOn.trim(),
      ...(reason ? { reason } : {}),
    };
    const errors: FieldErrors<FieldName> = fieldErrorsOf(checkBody(editSchema, body), fieldOfPath, t.form, messageOf);
    if (!errors.startsOn && !errors.endsOn && !termIsOrdered(body.startsOn, body.endsOn)) errors.endsOn = t.adminContracts.endBeforeStart;
    setInvalid(errors);
    const first = Object.keys(errors)[0];
    if (first) return form.current?.querySelector<HTMLElement>(`#${first}`)?.focus();

    setBusy(true);
    setError(null);
    try {
      const updated = await request(api.contracts.updateContract, { path: { contractNumber: props.contract.contractNumber }, body });
      setSaved(true);
      props.onSaved(updated);
    } catch (caught) {
      setError(caught);
      if (caught instanceof ApiError) {
        setInvalid(
          fieldErrorsOf(apiIssues(caught, editSchema, body), fieldOfPath, t.form, (field, issue) =>
            field === 'endsOn' ? t.adminContracts.endBeforeStart : messageOf(field, issue),
          ),
        );
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="contract-section" aria-labelledby="edit-heading">
      <h2 id="edit-heading">{t.adminContracts.editHeading}</h2>
      {error !== null && <ErrorAlert error={error} />}
      <form ref={form} class="order-form contract-edit" onSubmit={submit} noValidate aria-busy={busy}>
        <Field {...fieldOf(fields, 'product')} label={t.adminContracts.product} autocomplete="off" />
        <SlaSelect
          id="edit-sla"
          value={sla}
          onChange={(level) => {
            setSla(level);
            setSaved(false);
          }}
        />
        <div class="two-columns">
          <Field {...fieldOf(fields, 'startsOn')} label={t.adminContracts.startsOn} hint={t.adminContracts.dateHint} autocomplete="off" />
          <Field {...fieldOf(fields, 'endsOn')} label={t.adminContracts.endsOn} hint={t.adminContracts.dateHint} autocomplete="off" />
        </div>
        <Field {...fieldOf(fields, 'reason')} label={t.adminContracts.reason} hint={t.adminContracts.reasonHint} autocomplete="off" />
        <button type="submit" class="button primary" disabled={busy}>
          {busy ? t.adminContracts.saving : t.adminContracts.save}
        </button>
        <p class="muted small" role="status" data-testid="contract-saved">
          {saved ? t.adminContracts.saved : ''}
        </p>
      </form>
    </section>
  );
}
