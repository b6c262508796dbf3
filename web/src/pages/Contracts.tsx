// Contracts & assets: the account's support contracts (number, product, SLA level, term, status, how many assets each
// covers) with "Register a contract" (number and activation code, the claim of sign-up); and one contract's page with
// its assets.

import { useRef, useState } from 'preact/hooks';
import { ROLE_AREAS } from '#shared/accounts/roles.ts';
import { api, ApiError, request, type ReplyOf } from '../api.ts';
import { ErrorAlert, Frame, isNotFound, Link, NotOnAccount, PagedTable, usePagedList, useResource, useTitle } from '../components.tsx';
import { Field } from '../fields.tsx';
import { limitsOf } from '../form-checks.ts';
import { useI18n } from '../i18n.ts';
import { useMyRole } from '../my-role.ts';
import { AssetsTable } from './Assets.tsx';
import { slaText, useFormatDay } from './contract-parts.tsx';

type ContractView = ReplyOf<typeof api.assets.getMyContract>;

const registerSchema = api.assets.registerContract.request.body;
const limits = {
  contractNumber: limitsOf(registerSchema.shape.contractNumber),
  activationCode: limitsOf(registerSchema.shape.activationCode),
};

const badgeClass = {
  active: 'badge badge-ok',
  expiring: 'badge badge-warn',
  expired: 'badge badge-off',
  upcoming: 'badge badge-off',
} as const;

function StatusBadge(props: { status: ContractView['status'] }) {
  const { t } = useI18n();
  const label = {
    upcoming: t.contracts.statusUpcoming,
    active: t.support.statusActive,
    expiring: t.support.statusExpiring,
    expired: t.support.statusExpired,
  }[props.status];
  return (
    <span class={badgeClass[props.status]} data-status={props.status}>
      {label}
    </span>
  );
}

const contractHref = (contractNumber: string) => `/contracts/${encodeURIComponent(contractNumber)}`;

function RegisterForm(props: { onRegistered: (contract: ContractView) => void }) {
  const { t } = useI18n();
  const [values, setValues] = useState({ contractNumber: '', activationCode: '' });
  const [invalid, setInvalid] = useState<Partial<Record<keyof typeof values, string>>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [registered, setRegistered] = useState<string | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const set = (name: keyof typeof values) => (value: string) => setValues((current) => ({ ...current, [name]: value }));

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const missing = Object.fromEntries(
      (Object.keys(values) as (keyof typeof values)[])
        .filter((name) => values[name].trim() === '')
        .map((name) => [name, t.assets.required]),
    );
    setInvalid(missing);
    if (Object.keys(missing).length) {
      form.current?.querySelector<HTMLElement>(`#${Object.keys(missing)[0]}`)?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    setRegistered(null);
    try {
      const contract = await request(api.assets.registerContract, { body: values });
      setRegistered(contract.contractNumber);
      setValues({ contractNumber: '', activationCode: '' });
      props.onRegistered(contract);
    } catch (caught) {
      setError(caught);
      if (caught instanceof ApiError && caught.code === 'ACTIVATION_CODE_INVALID')
        setInvalid({ activationCode: t.errors.ACTIVATION_CODE_INVALID });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="section card" aria-labelledby="register-contract-heading">
      <h2 id="register-contract-heading">{t.assets.registerHeading}</h2>
      <p class="muted">{t.assets.registerIntro}</p>
      {registered && (
        <p class="alert alert-success" role="status" data-testid="contract-registered">
          {t.assets.registered(registered)}
        </p>
      )}
      {error !== null && <ErrorAlert error={error} />}
      <form ref={form} class="order-form" onSubmit={submit} noValidate aria-busy={busy}>
        <Field
          id="contractNumber"
          label={t.assets.contractNumber}
          limits={limits.contractNumber}
          value={values.contractNumber}
          onInput={set('contractNumber')}
          error={invalid.contractNumber}
          autocomplete="off"
        />
        <Field
          id="activationCode"
          label={t.assets.activationCode}
          limits={limits.activationCode}
          value={values.activationCode}
          onInput={set('activationCode')}
          error={invalid.activationCode}
          autocomplete="off"
        />
        <button type="submit" class="button primary" disabled={busy}>
          {busy ? t.assets.registering : t.assets.registerSubmit}
        </button>
      </form>
    </section>
  );
}

export function ContractsPage() {
  const { t } = useI18n();
  const formatDay = useFormatDay();
  const role = useMyRole();
  // Shown while the role is read (the server refuses other roles anyway), so the page does not move when it arrives.
  const mayRegister = role === undefined || role === null || (ROLE_AREAS.technicalWrite as readonly string[]).includes(role);
  const [generation, setGeneration] = useState(0);
  const list = usePagedList((page, signal) => request(api.assets.listMyContracts, { query: page, signal }), String(generation));
  useTitle(t.assets.title);
  return (
    <Frame pool="customer" signedIn>
      <div class="page-head">
        <h1 tabIndex={-1}>{t.assets.heading}</h1>
        <p class="muted">{t.assets.intro}</p>
        <p>
          <Link href="/assets">{t.assets.allAssets}</Link>
        </p>
      </div>
      {/* Above the table: the table grows when its rows arrive, and nothing below it should move then. */}
      {mayRegister && <RegisterForm onRegistered={() => setGeneration((count) => count + 1)} />}
      <PagedTable
        list={list}
        testId="my-contracts-table"
        caption={t.assets.caption}
        empty={{ title: t.assets.empty, help: t.assets.emptyHelp }}
        showing={t.assets.showingContracts(list.items.length)}
        head={
          <>
            <th scope="col">{t.assets.number}</th>
            <th scope="col">{t.assets.product}</th>
            <th scope="col">{t.assets.sla}</th>
            <th scope="col">{t.assets.term}</th>
            <th scope="col">{t.assets.status}</th>
            <th scope="col">{t.assets.assets}</th>
          </>
        }
        row={(contract) => (
          <tr key={contract.contractNumber}>
            <td>
              <Link href={contractHref(contract.contractNumber)}>
                <code class="serial">{contract.contractNumber}</code>
              </Link>
            </td>
            <td>{contract.product}</td>
            <td>{slaText(t, contract.sla, false)}</td>
            <td>{t.contracts.termValue(formatDay(contract.startsOn), formatDay(contract.endsOn))}</td>
            <td>
              <StatusBadge status={contract.status} />
            </td>
            <td>
              <Link href={contractHref(contract.contractNumber)}>{t.assets.showAssets(contract.assetCount, contract.contractNumber)}</Link>
            </td>
          </tr>
        )}
      />
    </Frame>
  );
}

export function ContractDetailPage(props: { contractNumber: string }) {
  const { t } = useI18n();
  const formatDay = useFormatDay();
  const contract = useResource(
    (signal) => request(api.assets.getMyContract, { path: { accountContractNumber: props.contractNumber }, signal }),
    props.contractNumber,
  );
  useTitle(t.assets.contractTitle(props.contractNumber));
  const back = (
    <p class="back-link">
      <Link href="/contracts">{t.assets.allContracts}</Link>
    </p>
  );
  if (contract.error !== undefined) {
    return (
      <Frame pool="customer" signedIn>
        {back}
        {isNotFound(contract.error) ? (
          <NotOnAccount
            title={t.assets.contractNotFound}
            help={t.assets.contractNotFoundHelp}
            back={{ href: '/contracts', label: t.assets.allContracts }}
          />
        ) : (
          <ErrorAlert error={contract.error} onRetry={contract.retry} />
        )}
      </Frame>
    );
  }
  const data = contract.data;
  return (
    <Frame pool="customer" signedIn>
      {back}
      <div class="page-head">
        <h1 tabIndex={-1}>{t.assets.contractTitle(props.contractNumber)}</h1>
      </div>
      {!data ? (
        <p class="muted" role="status">
          {t.app.loading}
        </p>
      ) : (
        <>
          <dl class="facts card section">
            <div>
              <dt>{t.assets.product}</dt>
              <dd>{data.product}</dd>
            </div>
            <div>
              <dt>{t.assets.sla}</dt>
              <dd>{slaText(t, data.sla)}</dd>
            </div>
            <div>
              <dt>{t.assets.term}</dt>
              <dd>{t.contracts.termValue(formatDay(data.startsOn), formatDay(data.endsOn))}</dd>
            </div>
            <div>
              <dt>{t.assets.status}</dt>
              <dd>
                <StatusBadge status={data.status} />
              </dd>
            </div>
          </dl>
          <AssetsTable contractNumber={data.contractNumber} caption={t.assets.contractAssetsCaption} testId="contract-assets-table" />
        </>
      )}
    </Frame>
  );
}
