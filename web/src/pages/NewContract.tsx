// Staff: a new support contract, for an account or unassigned. Unassigned, the answer carries its activation code,
// which this page shows once (copy it, then dismiss it); the API keeps only its hash.

import { useEffect, useRef, useState } from 'preact/hooks';
import { termIsOrdered, type SlaLevel } from '#shared/contracts/fields.ts';
import { api, ApiError, request, type ReplyOf } from '../api.ts';
import { ErrorAlert, Frame, Link, useTitle } from '../components.tsx';
import { Field, fieldOf, type FieldErrors, type FormState } from '../fields.tsx';
import { apiIssues, checkBody, fieldErrorsOf, limitsOf } from '../form-checks.ts';
import { useI18n } from '../i18n.ts';
import { ContractStatus, OneTimeCode, SlaSelect, slaText, useFormatDay } from './contract-parts.tsx';
import './admin-orders.css';
import './admin-contracts.css';

// The form checks what the API will, with the route's own schema (shared/api/contracts.ts).
const schema = api.contracts.createContract.request.body;
const limits = {
  contractNumber: limitsOf(schema.shape.contractNumber),
  product: limitsOf(schema.shape.product),
  startsOn: limitsOf(schema.shape.startsOn),
  endsOn: limitsOf(schema.shape.endsOn),
  accountId: limitsOf(schema.shape.accountId),
};

type FieldName = keyof typeof limits;
type Created = ReplyOf<typeof api.contracts.createContract>;

/** Today and the day before the same date next year (a one-year term), as YYYY-MM-DD. */
function defaultTerm(): { startsOn: string; endsOn: string } {
  const start = new Date();
  const end = new Date(Date.UTC(start.getUTCFullYear() + 1, start.getUTCMonth(), start.getUTCDate() - 1));
  return { startsOn: start.toISOString().slice(0, 10), endsOn: end.toISOString().slice(0, 10) };
}

const emptyValues = (): Record<FieldName, string> => ({ contractNumber: '', product: '', accountId: '', ...defaultTerm() });

function fieldOfPath(path: string): FieldName | undefined {
  const name = path.startsWith('body.') ? path.slice(5) : '';
  return name in limits ? (name as FieldName) : undefined;
}

export function NewContractPage() {
  const { t } = useI18n();
  const formatDay = useFormatDay();
  const [values, setValues] = useState(emptyValues);
  const [sla, setSla] = useState<SlaLevel>('standard');
  const [invalid, setInvalid] = useState<FieldErrors<FieldName>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [created, setCreated] = useState<Created | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const createdHeading = useRef<HTMLHeadingElement>(null);

  useTitle(created ? t.adminContracts.createdTitle(created.contract.contractNumber) : t.adminContracts.newTitle);

  useEffect(() => {
    // The code panel takes focus itself; without a code, the heading does.
    if (created && !created.activationCode) createdHeading.current?.focus();
  }, [created]);

  const set = (name: FieldName) => (value: string) => {
    setValues((current) => ({ ...current, [name]: value }));
    setInvalid((current) => {
      if (!(name in current)) return current;
      const { [name]: _, ...rest } = current;
      return rest as FieldErrors<FieldName>;
    });
  };
  const fields: FormState<FieldName> = { values, set, invalid, limits };

  const messageOf = (field: FieldName): string | undefined =>
    ({
      contractNumber: t.adminContracts.numberRequired,
      product: t.adminContracts.productRequired,
      startsOn: t.adminContracts.dateInvalid,
      endsOn: t.adminContracts.dateInvalid,
      accountId: t.adminContracts.accountInvalid,
    })[field];

  const focusFirst = (errors: FieldErrors<FieldName>) => {
    const first = Object.keys(errors)[0];
    if (first) form.current?.querySelector<HTMLElement>(`#${first}`)?.focus();
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const accountId = values.accountId.trim();
    const body = {
      contractNumber: values.contractNumber,
      product: values.product,
      sla,
      startsOn: values.startsOn.trim(),
      endsOn: values.endsOn.trim(),
      ...(accountId ? { accountId } : {}),
    };
    const errors: FieldErrors<FieldName> = fieldErrorsOf(checkBody(schema, body), fieldOfPath, t.form, messageOf);
    if (!errors.startsOn && !errors.endsOn && !termIsOrdered(body.startsOn, body.endsOn)) errors.endsOn = t.adminContracts.endBeforeStart;
    setInvalid(errors);
    if (Object.keys(errors).length) return focusFirst(errors);

    setBusy(true);
    setError(null);
    try {
      setCreated(await request(api.contracts.createContract, { body }));
    } catch (caught) {
      setError(caught);
      if (caught instanceof ApiError) {
        const fromServer = fieldErrorsOf(apiIssues(caught, schema, body), fieldOfPath, t.form, (field) =>
          field === 'endsOn' ? t.adminContracts.endBeforeStart : messageOf(field),
        );
        if (caught.code === 'CONTRACT_NUMBER_TAKEN') fromServer.contractNumber = t.errors.CONTRACT_NUMBER_TAKEN;
        if (caught.code === 'NOT_FOUND') fromServer.accountId = t.adminContracts.accountInvalid;
        setInvalid(fromServer);
        focusFirst(fromServer);
      }
    } finally {
      setBusy(false);
    }
  };

  const startAnother = () => {
    setValues(emptyValues());
    setSla('standard');
    setInvalid({});
    setError(null);
    setCreated(null);
  };

  if (created) {
    const { contract, activationCode } = created;
    return (
      <Frame pool="staff" signedIn>
        <p class="back-link">
          <Link href="/admin/contracts">{t.adminContracts.allContracts}</Link>
        </p>
        <div class="page-head">
          <h1 tabIndex={-1} ref={createdHeading} data-testid="created-contract-heading">
            {t.adminContracts.createdTitle(contract.contractNumber)}
          </h1>
        </div>
        {activationCode ? (
          <OneTimeCode contractNumber={contract.contractNumber} code={activationCode} />
        ) : (
          <p class="alert alert-info" role="status">
            {t.adminContracts.createdForAccount(contract.account?.name ?? contract.accountId ?? '')}
          </p>
        )}
        <dl class="facts card section">
          <div>
            <dt>{t.adminContracts.product}</dt>
            <dd>{contract.product}</dd>
          </div>
          <div>
            <dt>{t.adminContracts.sla}</dt>
            <dd>{slaText(t, contract.sla)}</dd>
          </div>
          <div>
            <dt>{t.adminContracts.term}</dt>
            <dd>{t.adminContracts.termValue(formatDay(contract.startsOn), formatDay(contract.endsOn))}</dd>
          </div>
          <div>
            <dt>{t.adminContracts.status}</dt>
            <dd>
              <ContractStatus contract={contract} />
            </dd>
          </div>
        </dl>
        <div class="order-actions">
          <Link href={`/admin/contracts/${encodeURIComponent(contract.contractNumber)}`} class="button primary">
            {t.adminContracts.openContract}
          </Link>
          <button type="button" class="button secondary" onClick={startAnother}>
            {t.adminContracts.another}
          </button>
        </div>
      </Frame>
    );
  }

  return (
    <Frame pool="staff" signedIn>
      <p class="back-link">
        <Link href="/admin/contracts">{t.adminContracts.allContracts}</Link>
      </p>
      <div class="page-head">
        <h1 tabIndex={-1}>{t.adminContracts.newTitle}</h1>
        <p class="muted">{t.adminContracts.newIntro}</p>
      </div>
      {error !== null && <ErrorAlert error={error} />}
      <form ref={form} class="order-form contract-edit" onSubmit={submit} noValidate aria-busy={busy}>
        <Field
          {...fieldOf(fields, 'contractNumber')}
          label={t.adminContracts.number}
          hint={t.adminContracts.numberHint}
          autocomplete="off"
        />
        <Field {...fieldOf(fields, 'product')} label={t.adminContracts.product} autocomplete="off" />
        <SlaSelect id="sla" value={sla} onChange={setSla} />
        <div class="two-columns">
          <Field {...fieldOf(fields, 'startsOn')} label={t.adminContracts.startsOn} hint={t.adminContracts.dateHint} autocomplete="off" />
          <Field {...fieldOf(fields, 'endsOn')} label={t.adminContracts.endsOn} hint={t.adminContracts.dateHint} autocomplete="off" />
        </div>
        <Field
          {...fieldOf(fields, 'accountId')}
          label={t.adminContracts.accountId}
          hint={t.adminContracts.accountIdHint}
          autocomplete="off"
        />
        <button type="submit" class="button primary" disabled={busy}>
          {t.adminContracts.submit}
        </button>
        {busy && (
          <p class="muted small" role="status">
            {t.adminContracts.submitting}
          </p>
        )}
      </form>
    </Frame>
  );
}
