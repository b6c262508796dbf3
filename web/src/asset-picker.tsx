// Choosing the asset of a technical ticket: the account's assets under active support, filtered by category and text,
// a page at a time. Reads `GET /api/assets?underActiveSupport=true&category&q&cursor` (the assets area's contract).

import { useEffect, useState } from 'preact/hooks';
import type { AssetCategory } from '#shared/assets/model.ts';
import { isAbort, type Page } from './api.ts';
import { ErrorAlert } from './components.tsx';
import { useI18n } from './i18n.ts';

/** An asset as the picker lists it (the fields of the assets area's list answer it uses). */
export interface PickerAsset {
  assetId: string;
  category: string;
  name: string;
  vendor?: string;
  model?: string;
  serialNumber?: string;
  macAddress?: string;
  contractNumber?: string;
}

export interface AssetFilter {
  category?: AssetCategory;
  q?: string;
  cursor?: string;
}

/** How the picker reads one page; the page passes the assets area's route (`api.assets.listAssets`). */
export type AssetLoader = (filter: AssetFilter, signal: AbortSignal) => Promise<Page<PickerAsset>>;

export function pickerLabel(asset: Pick<PickerAsset, 'name' | 'model' | 'serialNumber' | 'macAddress'>): string {
  const identity = asset.serialNumber ?? asset.macAddress;
  return [asset.name, asset.model, identity ? `(${identity})` : undefined].filter(Boolean).join(' ');
}

export function AssetPicker(props: {
  load: AssetLoader;
  onPick: (asset: { assetId: string; label: string }) => void;
  error?: string | undefined;
}) {
  const { t } = useI18n();
  const texts = t.tickets;
  const [category, setCategory] = useState<AssetCategory | ''>('');
  const [q, setQ] = useState('');
  const [query, setQuery] = useState('');
  const [cursors, setCursors] = useState<string[]>([]);
  const [page, setPage] = useState<Page<PickerAsset> | undefined>(undefined);
  const [failure, setFailure] = useState<unknown>(undefined);

  useEffect(() => {
    // A pause in typing before the list is read again.
    const timer = setTimeout(() => setQuery(q.trim()), 300);
    return () => clearTimeout(timer);
  }, [q]);

  const cursor = cursors.at(-1);
  useEffect(() => {
    const controller = new AbortController();
    setFailure(undefined);
    props
      .load({ ...(category ? { category } : {}), ...(query ? { q: query } : {}), ...(cursor ? { cursor } : {}) }, controller.signal)
      .then(setPage, (error: unknown) => {
        if (!isAbort(error)) setFailure(error);
      });
    return () => controller.abort();
  }, [category, query, cursor]);

  const filterChanged = () => setCursors([]);

  return (
    <fieldset class="field asset-picker" aria-describedby={props.error ? 'asset-error' : undefined}>
      <legend>{texts.asset}</legend>
      <div class="two-columns">
        <div class="field">
          <label for="asset-category">{texts.assetCategory}</label>
          <select
            id="asset-category"
            value={category}
            onChange={(event) => {
              setCategory(event.currentTarget.value as AssetCategory | '');
              filterChanged();
            }}
          >
            <option value="">{texts.allCategories}</option>
            {(Object.keys(texts.categories) as AssetCategory[]).map((value) => (
              <option key={value} value={value}>
                {texts.categories[value]}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="asset-search">{texts.assetSearch}</label>
          <input
            id="asset-search"
            type="search"
            value={q}
            maxlength={100}
            onInput={(event) => {
              setQ(event.currentTarget.value);
              filterChanged();
            }}
          />
        </div>
      </div>
      {props.error && (
        <p id="asset-error" class="field-error">
          {props.error}
        </p>
      )}
      {failure !== undefined && <ErrorAlert error={failure} />}
      {page && page.items.length === 0 && <p class="muted">{texts.noAssets}</p>}
      {page && page.items.length > 0 && (
        <ul class="asset-choices">
          {page.items.map((asset) => (
            <li key={asset.assetId}>
              <button
                type="button"
                class="button secondary"
                onClick={() => props.onPick({ assetId: asset.assetId, label: pickerLabel(asset) })}
              >
                {pickerLabel(asset)}
              </button>
              <span class="muted small">
                {' '}
                {texts.categories[asset.category as AssetCategory] ?? asset.category}
                {asset.contractNumber ? ` · ${asset.contractNumber}` : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
      <div class="actions">
        {cursors.length > 0 && (
          <button type="button" class="button secondary" onClick={() => setCursors((current) => current.slice(0, -1))}>
            {texts.previousAssets}
          </button>
        )}
        {page?.nextCursor && (
          <button type="button" class="button secondary" onClick={() => setCursors((current) => [...current, page.nextCursor!])}>
            {texts.moreAssets}
          </button>
        )}
      </div>
    </fieldset>
  );
}
