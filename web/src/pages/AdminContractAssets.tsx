// Staff, on a contract's page: the assets it covers, adding one (a serial number or a MAC, checked by the route's own
// schema) and moving one to another contract, possibly another account's, with a reason. Each write is audited.

import { useRef, useState } from 'preact/hooks';
import { ASSET_CATEGORIES, type AssetCategory } from '#shared/assets/categories.ts';
import { api, ApiError, request } from '../api.ts';
import { ErrorAlert, PagedTable, usePagedList } from '../components.tsx';
import { Field, type FieldErrors } from '../fields.tsx';
import { apiIssues, checkBody, fieldErrorsOf, limitsOf } from '../form-checks.ts';
import { useI18n } from '../i18n.ts';

const newSchema = api.assets.staffCreateAsset.request.body;
const FIELDS = ['name', 'vendor', 'model', 'serialNumber', 'macAddress', 'location', 'productId'] as const;
type FieldName = (typeof FIELDS)[number];
const limits = Object.fromEntries(
  FIELDS.map((name) => [name, { ...limitsOf(newSchema.def.shape[name]), required: name === 'name' || name === 'vendor' }]),
) as Record<FieldName, ReturnType<typeof limitsOf>>;
const emptyValues = () => Object.fromEntries(FIELDS.map((name) => [name, ''])) as Record<FieldName, string>;

function fieldOfPath(path: string): FieldName | undefined {
  const name = path.startsWith('body.') ? path.slice(5) : path;
  return (FIELDS as readonly string[]).includes(name) ? (name as FieldName) : undefined;
}

export function AdminContractAssets(props: { contractNumber: string; claimed: boolean }) {
  const { t } = useI18n();
  const [generation, setGeneration] = useState(0);
  const [values, setValues] = useState(emptyValues);
  const [category, setCategory] = useState<AssetCategory>('server');
  const [invalid, setInvalid] = useState<FieldErrors<FieldName>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const [move, setMove] = useState({ assetId: '', contractNumber: '', reason: '' });
  const form = useRef<HTMLFormElement>(null);
  const list = usePagedList(
    (page, signal) => request(api.assets.staffListContractAssets, { path: { contractNumber: props.contractNumber }, query: page, signal }),
    String(generation),
  );

  if (!props.claimed) {
    return (
      <section class="section" aria-labelledby="contract-assets-heading">
        <h2 id="contract-assets-heading">{t.assets.staffHeading}</h2>
        <p class="muted">{t.assets.staffUnclaimed}</p>
      </section>
    );
  }

  const set = (name: FieldName) => (value: string) => setValues((current) => ({ ...current, [name]: value }));

  const add = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const body = {
      contractNumber: props.contractNumber,
      category,
      ...Object.fromEntries(FIELDS.filter((name) => values[name].trim() !== '').map((name) => [name, values[name]])),
    } as Parameters<typeof request<typeof api.assets.staffCreateAsset>>[1]['body'];
    const errors = fieldErrorsOf(checkBody(newSchema, body), fieldOfPath, t.form, () => t.assets.identityHint);
    setInvalid(errors);
    if (Object.keys(errors).length) {
      form.current?.querySelector<HTMLElement>(`#asset-${Object.keys(errors)[0]}`)?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const created = await request(api.assets.staffCreateAsset, { body });
      setDone(t.assets.added(created.name));
      setValues(emptyValues());
      setGeneration((count) => count + 1);
    } catch (caught) {
      setError(caught);
      if (caught instanceof ApiError)
        setInvalid(fieldErrorsOf(apiIssues(caught, newSchema, body), fieldOfPath, t.form, () => t.assets.identityHint));
    } finally {
      setBusy(false);
    }
  };

  const moveAsset = async (event: Event) => {
    event.preventDefault();
    const asset = list.items.find((item) => item.assetId === move.assetId);
    if (busy || !asset) return;
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const moved = await request(api.assets.staffMoveAsset, {
        path: { accountId: asset.accountId, assetId: asset.assetId },
        body: { contractNumber: move.contractNumber, reason: move.reason },
      });
      setDone(t.assets.moved(moved.name, moved.contractNumber));
      setMove({ assetId: '', contractNumber: '', reason: '' });
      setGeneration((count) => count + 1);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const input = (name: FieldName, label: string, hint?: string) => (
    <Field
      id={`asset-${name}`}
      label={label}
      hint={hint}
      limits={limits[name]}
      value={values[name]}
      onInput={set(name)}
      error={invalid[name]}
      autocomplete="off"
    />
  );

  return (
    <section class="section" aria-labelledby="contract-assets-heading">
      <h2 id="contract-assets-heading">{t.assets.staffHeading}</h2>
      {done && (
        <p class="alert alert-info" role="status" data-testid="asset-done">
          {done}
        </p>
      )}
      {error !== null && <ErrorAlert error={error} />}
      <PagedTable
        list={list}
        testId="staff-contract-assets"
        caption={t.assets.contractAssetsCaption}
        empty={{ title: t.assets.staffEmpty, help: t.assets.staffEmptyHelp }}
        showing={t.assets.showingAssets(list.items.length)}
        head={
          <>
            <th scope="col">{t.assets.name}</th>
            <th scope="col">{t.assets.category}</th>
            <th scope="col">{t.assets.vendorModel}</th>
            <th scope="col">{t.assets.identity}</th>
            <th scope="col">{t.assets.location}</th>
          </>
        }
        row={(asset) => (
          <tr key={asset.assetId}>
            <td>{asset.name}</td>
            <td>{t.assets.categories[asset.category]}</td>
            <td>{[asset.vendor, asset.model].filter(Boolean).join(' ')}</td>
            <td>
              <code class="serial">{[asset.serialNumber, asset.macAddress].filter(Boolean).join(' ')}</code>
            </td>
            <td>{asset.location ?? ''}</td>
          </tr>
        )}
      />

      <form ref={form} class="order-form card section" onSubmit={add} noValidate aria-busy={busy} aria-labelledby="add-asset-heading">
        <h3 id="add-asset-heading">{t.assets.addHeading}</h3>
        <div class="field">
          <label for="asset-category">{t.assets.category}</label>
          <select id="asset-category" value={category} onChange={(event) => setCategory(event.currentTarget.value as AssetCategory)}>
            {ASSET_CATEGORIES.map((name) => (
              <option key={name} value={name}>
                {t.assets.categories[name]}
              </option>
            ))}
          </select>
        </div>
        {input('name', t.assets.name)}
        {input('vendor', t.assets.vendor)}
        {input('model', t.assets.model)}
        <p class="muted small">{t.assets.identityHint}</p>
        {input('serialNumber', t.assets.serialNumber)}
        {input('macAddress', t.assets.macAddress)}
        {input('location', t.assets.locationOptional)}
        {input('productId', t.assets.productId)}
        <button type="submit" class="button primary" disabled={busy}>
          {t.assets.addSubmit}
        </button>
      </form>

      {list.items.length > 0 && (
        <form class="order-form card section" onSubmit={moveAsset} aria-busy={busy} aria-labelledby="move-asset-heading">
          <h3 id="move-asset-heading">{t.assets.moveHeading}</h3>
          <div class="field">
            <label for="move-asset">{t.assets.moveAsset}</label>
            <select
              id="move-asset"
              value={move.assetId}
              required
              onChange={(event) => setMove({ ...move, assetId: event.currentTarget.value })}
            >
              <option value="" />
              {list.items.map((asset) => (
                <option key={asset.assetId} value={asset.assetId}>
                  {asset.label}
                </option>
              ))}
            </select>
          </div>
          <Field
            id="move-contract"
            label={t.assets.moveTo}
            value={move.contractNumber}
            onInput={(contractNumber) => setMove({ ...move, contractNumber })}
            autocomplete="off"
          />
          <Field
            id="move-reason"
            label={t.assets.reason}
            value={move.reason}
            onInput={(reason) => setMove({ ...move, reason })}
            autocomplete="off"
          />
          <button type="submit" class="button secondary" disabled={busy}>
            {t.assets.moveSubmit}
          </button>
        </form>
      )}
    </section>
  );
}
