// The customer's profile: their own details (any role), the account's legal data and postal address (owner; company
// data awaits staff verification) and the billing address (owner, billing), with the verification status and the
// payment block it causes.

import { useRef, useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { api, ApiError, type ReplyOf, request } from '../api.ts';
import { ErrorAlert, Frame, LocaleSelect, useResource, useTitle } from '../components.tsx';
import { Field, type FieldErrors } from '../fields.tsx';
import { checkBody, fieldErrorsOf, type FieldIssue } from '../form-checks.ts';
import { useI18n } from '../i18n.ts';
import type { Locale } from '#shared/i18n/locale.ts';

type MyProfile = ReplyOf<typeof api.profile.getMyProfile>;
type Address = { line1: string; line2?: string | undefined; postalCode: string; city: string };
type Values = Record<string, string>;

/** A form's values, its field errors and its state, with the submit that checks the contract's schema first. */
function useProfileForm(
  initial: Values,
  send: (values: Values) => { body: object; save: () => Promise<MyProfile> },
  onSaved: (profile: MyProfile) => void,
) {
  const { t } = useI18n();
  const [values, setValues] = useState(initial);
  const [invalid, setInvalid] = useState<FieldErrors<string>>({});
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const form = useRef<HTMLFormElement>(null);
  const set = (name: string) => (value: string) => {
    setValues((current) => ({ ...current, [name]: value }));
    setSaved(false);
  };
  const fieldOfPath = (path: string) => {
    const id = path.replace(/^body\./, '').replace(/\./g, '-');
    return id in values ? id : undefined;
  };
  const showErrors = (issues: FieldIssue[], extra: FieldErrors<string> = {}) => {
    const errors = { ...fieldErrorsOf(issues, fieldOfPath, t.form), ...extra };
    setInvalid(errors);
    const first = Object.keys(errors)[0];
    if (first) form.current?.querySelector<HTMLElement>(`#${first}`)?.focus();
    return first !== undefined;
  };
  const submit = (schema: Parameters<typeof checkBody>[0]) => async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const { body, save } = send(values);
    if (showErrors(checkBody(schema, body))) return;
    setBusy(true);
    setError(null);
    try {
      onSaved(await save());
      setSaved(true);
    } catch (caught) {
      setError(caught);
      if (caught instanceof ApiError && Array.isArray(caught.details)) {
        const extra: FieldErrors<string> = {};
        for (const detail of caught.details) {
          const field = fieldOfPath(String(detail.path));
          if (field) extra[field] = t.errors[caught.code as keyof typeof t.errors] ?? t.form.invalid;
        }
        showErrors([], extra);
      }
    } finally {
      setBusy(false);
    }
  };
  const field = (id: string, label: string, hint?: string, required = true) => (
    <Field
      id={id}
      label={label}
      hint={hint}
      value={values[id] ?? ''}
      onInput={set(id)}
      error={invalid[id]}
      required={required}
      autocomplete="off"
    />
  );
  return { values, set, busy, saved, error, form, submit, field };
}

const trimmed = (value: string | undefined) => (value ?? '').trim();
function addressOf(values: Values, prefix: string): Address | undefined {
  const address = {
    line1: trimmed(values[`${prefix}-line1`]),
    postalCode: trimmed(values[`${prefix}-postalCode`]),
    city: trimmed(values[`${prefix}-city`]),
    ...(trimmed(values[`${prefix}-line2`]) ? { line2: trimmed(values[`${prefix}-line2`]) } : {}),
  };
  return address.line1 || address.postalCode || address.city ? address : undefined;
}
function addressValues(prefix: string, address: Address | undefined): Values {
  return {
    [`${prefix}-line1`]: address?.line1 ?? '',
    [`${prefix}-line2`]: address?.line2 ?? '',
    [`${prefix}-postalCode`]: address?.postalCode ?? '',
    [`${prefix}-city`]: address?.city ?? '',
  };
}

function AddressFields(props: {
  prefix: string;
  legend: string;
  field: (id: string, label: string, hint?: string, required?: boolean) => ComponentChildren;
  required?: boolean;
}) {
  const { t } = useI18n();
  const required = props.required ?? true;
  return (
    <fieldset class="profile-address">
      <legend>{props.legend}</legend>
      {props.field(`${props.prefix}-line1`, t.profile.line1, undefined, required)}
      {props.field(`${props.prefix}-line2`, t.profile.line2, undefined, false)}
      <div class="two-columns">
        {props.field(`${props.prefix}-postalCode`, t.profile.postalCode, undefined, required)}
        {props.field(`${props.prefix}-city`, t.profile.city, undefined, required)}
      </div>
    </fieldset>
  );
}

export function ProfilePage() {
  const { t } = useI18n();
  const loaded = useResource((signal) => request(api.profile.getMyProfile, { signal }), 'profile');
  const [current, setCurrent] = useState<MyProfile | undefined>(undefined);
  const profile = current ?? loaded.data;
  useTitle(t.profile.title);
  return (
    <Frame pool="customer" signedIn>
      <div class="page-head">
        <h1 tabIndex={-1}>{t.profile.heading}</h1>
        <p class="muted">{t.profile.intro}</p>
      </div>
      {loaded.error !== undefined ? (
        <ErrorAlert error={loaded.error} onRetry={loaded.retry} />
      ) : !profile ? (
        <p class="muted" role="status">
          {t.app.loading}
        </p>
      ) : (
        <>
          <Verification profile={profile} />
          <PersonalForm profile={profile} onSaved={setCurrent} />
          <AccountForm profile={profile} onSaved={setCurrent} />
          <BillingForm profile={profile} onSaved={setCurrent} />
        </>
      )}
    </Frame>
  );
}

function Verification(props: { profile: MyProfile }) {
  const { t, formatDateTime } = useI18n();
  const verification = props.profile.verification;
  return (
    <>
      {!props.profile.mayPay && (
        <div class="alert alert-error" role="status" data-testid="payment-blocked">
          <p>{t.profile.paymentBlocked}</p>
        </div>
      )}
      {verification && (
        <section class="card profile-section" aria-labelledby="verification-heading" data-testid="verification-status">
          <h2 id="verification-heading">{t.profile.verificationHeading}</h2>
          <p>
            <strong data-testid="verification-state">{t.profile.status[verification.status]}</strong>{' '}
            <span class="muted small">
              <time dateTime={verification.decidedAt ?? verification.submittedAt}>
                {formatDateTime(verification.decidedAt ?? verification.submittedAt)}
              </time>
            </span>
          </p>
          {verification.status === 'awaiting' && <p class="muted">{t.profile.awaitingHelp}</p>}
          {verification.status === 'rejected' && verification.reason && (
            <p data-testid="verification-reason">{t.profile.reason(verification.reason)}</p>
          )}
          {verification.status !== 'verified' && verification.submitted.profileType === 'company' && (
            <p class="muted small">
              {t.profile.submittedData}: {verification.submitted.companyName}, {verification.submitted.vatId}
            </p>
          )}
        </section>
      )}
    </>
  );
}

function PersonalForm(props: { profile: MyProfile; onSaved: (profile: MyProfile) => void }) {
  const { t, locale: pageLocale } = useI18n();
  const person = props.profile.person;
  const [locale, setLocale] = useState<Locale>(person.locale ?? pageLocale);
  const form = useProfileForm(
    {
      firstName: person.firstName ?? '',
      lastName: person.lastName ?? '',
      phone: person.phone ?? '',
      timeZone: person.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
    },
    (values) => {
      const phone = trimmed(values.phone).replace(/[\s-]/g, '');
      const body = {
        firstName: trimmed(values.firstName),
        lastName: trimmed(values.lastName),
        ...(phone ? { phone } : {}),
        locale,
        timeZone: trimmed(values.timeZone),
      };
      return { body, save: () => request(api.profile.updateMyPersonalData, { body }) };
    },
    props.onSaved,
  );
  return (
    <section class="profile-section" aria-labelledby="personal-heading">
      <h2 id="personal-heading">{t.profile.personalHeading}</h2>
      <p class="muted">{t.profile.personalHelp}</p>
      {form.error !== null && <ErrorAlert error={form.error} />}
      <form
        ref={form.form}
        class="order-form"
        onSubmit={form.submit(api.profile.updateMyPersonalData.request.body)}
        noValidate
        aria-busy={form.busy}
      >
        <div class="two-columns">
          {form.field('firstName', t.profile.firstName)}
          {form.field('lastName', t.profile.lastName)}
        </div>
        {form.field('phone', t.profile.phone, t.profile.phoneHint, false)}
        <LocaleSelect id="profile-locale" label={t.profile.language} class="field" value={locale} onChange={setLocale} />
        {form.field('timeZone', t.profile.timeZone, t.profile.timeZoneHint)}
        <button type="submit" class="button primary" disabled={form.busy}>
          {form.busy ? t.profile.saving : t.profile.savePersonal}
        </button>
        <p class="muted small" role="status" data-testid="personal-saved">
          {form.saved ? t.profile.saved : ''}
        </p>
      </form>
    </section>
  );
}

function AccountForm(props: { profile: MyProfile; onSaved: (profile: MyProfile) => void }) {
  const { t } = useI18n();
  const { account, verification } = props.profile;
  // The form starts from what awaits verification, if anything does, else from the verified data.
  const legal = verification?.status === 'awaiting' ? verification.submitted : account.legal;
  const [profileType, setProfileType] = useState(legal.profileType);
  const mayEdit = props.profile.role === 'owner';
  const form = useProfileForm(
    {
      companyName: legal.companyName ?? '',
      vatId: legal.vatId ?? '',
      ...addressValues('registeredAddress', legal.registeredAddress),
      ...addressValues('postalAddress', account.postalAddress),
    },
    (values) => {
      const postalAddress = addressOf(values, 'postalAddress');
      const body = {
        profileType,
        ...(profileType === 'company'
          ? {
              companyName: trimmed(values.companyName),
              vatId: trimmed(values.vatId),
              registeredAddress: addressOf(values, 'registeredAddress') ?? { line1: '', postalCode: '', city: '' },
            }
          : {}),
        ...(postalAddress ? { postalAddress } : {}),
      };
      return { body, save: () => request(api.profile.updateAccountProfile, { body }) };
    },
    props.onSaved,
  );
  return (
    <section class="profile-section" aria-labelledby="account-heading">
      <h2 id="account-heading">{t.profile.accountHeading}</h2>
      <dl class="facts card">
        <div>
          <dt>{t.profile.country}</dt>
          <dd data-testid="account-country">{account.country ?? t.profile.noCountry}</dd>
        </div>
      </dl>
      <p class="muted small">{t.profile.countryHelp}</p>
      {!mayEdit && <p class="muted">{t.profile.ownerOnly}</p>}
      {form.error !== null && <ErrorAlert error={form.error} />}
      <form
        ref={form.form}
        class="order-form"
        onSubmit={form.submit(api.profile.updateAccountProfile.request.body)}
        noValidate
        aria-busy={form.busy}
      >
        <fieldset disabled={!mayEdit}>
          <legend>{t.profile.profileType}</legend>
          {(['individual', 'company'] as const).map((type) => (
            <label key={type} class="radio">
              <input type="radio" name="profileType" value={type} checked={profileType === type} onChange={() => setProfileType(type)} />{' '}
              {t.profile[type]}
            </label>
          ))}
        </fieldset>
        <fieldset disabled={!mayEdit} class="plain">
          {profileType === 'company' && (
            <>
              {form.field('companyName', t.profile.companyName)}
              {form.field('vatId', t.profile.vatId, t.profile.vatHint)}
              <AddressFields prefix="registeredAddress" legend={t.profile.registeredAddress} field={form.field} />
            </>
          )}
          <AddressFields prefix="postalAddress" legend={t.profile.postalAddress} field={form.field} required={false} />
        </fieldset>
        {mayEdit && (
          <button type="submit" class="button primary" disabled={form.busy}>
            {form.busy ? t.profile.saving : t.profile.saveAccount}
          </button>
        )}
        <p class="muted small" role="status" data-testid="account-saved">
          {form.saved ? t.profile.saved : ''}
        </p>
      </form>
    </section>
  );
}

function BillingForm(props: { profile: MyProfile; onSaved: (profile: MyProfile) => void }) {
  const { t } = useI18n();
  const mayEdit = props.profile.role === 'owner' || props.profile.role === 'billing';
  const form = useProfileForm(
    addressValues('billingAddress', props.profile.account.billingAddress),
    (values) => {
      const body = { billingAddress: addressOf(values, 'billingAddress') ?? { line1: '', postalCode: '', city: '' } };
      return { body, save: () => request(api.profile.updateBillingAddress, { body }) };
    },
    props.onSaved,
  );
  return (
    <section class="profile-section" aria-labelledby="billing-heading">
      <h2 id="billing-heading">{t.profile.billingAddress}</h2>
      <p class="muted">{t.profile.billingHelp}</p>
      {!mayEdit && <p class="muted">{t.profile.billingOnly}</p>}
      {form.error !== null && <ErrorAlert error={form.error} />}
      <form
        ref={form.form}
        class="order-form"
        onSubmit={form.submit(api.profile.updateBillingAddress.request.body)}
        noValidate
        aria-busy={form.busy}
      >
        <fieldset disabled={!mayEdit} class="plain">
          <AddressFields prefix="billingAddress" legend={t.profile.billingAddress} field={form.field} />
        </fieldset>
        {mayEdit && (
          <button type="submit" class="button primary" disabled={form.busy}>
            {form.busy ? t.profile.saving : t.profile.saveBilling}
          </button>
        )}
        <p class="muted small" role="status" data-testid="billing-saved">
          {form.saved ? t.profile.saved : ''}
        </p>
      </form>
    </section>
  );
}
