// The customer's assets ("Moje zasoby"): every device and piece of software under the account's contracts, with a
// category filter and paging; owners and technical contacts may keep a note on each. The contract page shows the same
// table for one contract.

import { useState } from 'preact/hooks';
import { ROLE_AREAS } from '#shared/accounts/roles.ts';
import { ASSET_CATEGORIES, type AssetCategory } from '#shared/assets/categories.ts';
import { api, request, type ReplyOf } from '../api.ts';
import { ErrorAlert, Frame, Link, PagedTable, usePagedList, useTitle } from '../components.tsx';
import { useI18n } from '../i18n.ts';
import { useMyRole } from '../my-role.ts';

type Asset = ReplyOf<typeof api.assets.getAsset>;

/** The note form under the table, for one asset at a time. */
function NoteForm(props: { asset: Asset; onDone: (saved?: Asset) => void }) {
  const { t } = useI18n();
  const [note, setNote] = useState(props.asset.customerNote ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      props.onDone(await request(api.assets.setAssetNote, { path: { assetId: props.asset.assetId }, body: { customerNote: note } }));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="card section" onSubmit={submit} aria-busy={busy} data-testid="asset-note-form">
      {error !== null && <ErrorAlert error={error} />}
      <div class="field">
        <label for="asset-note">{t.assets.noteLabel(props.asset.name)}</label>
        <p id="asset-note-hint" class="muted small field-hint">
          {t.assets.noteHint}
        </p>
        <textarea
          id="asset-note"
          rows={4}
          maxlength={1000}
          value={note}
          aria-describedby="asset-note-hint"
          onInput={(event) => setNote(event.currentTarget.value)}
        />
      </div>
      <div class="order-actions">
        <button type="submit" class="button primary" disabled={busy}>
          {t.assets.saveNote}
        </button>
        <button type="button" class="button secondary" onClick={() => props.onDone()}>
          {t.assets.cancel}
        </button>
      </div>
    </form>
  );
}

/** The assets table: one page at a time, narrowed by category and contract; a note per row for those who may write. */
export function AssetsTable(props: { contractNumber?: string; category?: AssetCategory | ''; caption: string; testId: string }) {
  const { t } = useI18n();
  const role = useMyRole();
  const mayNote = role === null || (role !== undefined && (ROLE_AREAS.technicalWrite as readonly string[]).includes(role));
  const [editing, setEditing] = useState<Asset | null>(null);
  const [saved, setSaved] = useState<Record<string, Asset>>({});
  const [notice, setNotice] = useState(false);
  const filters = {
    ...(props.contractNumber ? { contractNumber: props.contractNumber } : {}),
    ...(props.category ? { category: props.category } : {}),
  };
  const list = usePagedList(
    (page, signal) => request(api.assets.listAssets, { query: { ...page, ...filters }, signal }),
    JSON.stringify(filters),
  );
  return (
    <>
      {notice && (
        <p class="alert alert-success" role="status">
          {t.assets.noteSaved}
        </p>
      )}
      <PagedTable
        list={list}
        testId={props.testId}
        caption={props.caption}
        empty={{ title: t.assets.noAssets, help: t.assets.noAssetsHelp }}
        showing={t.assets.showingAssets(list.items.length)}
        head={
          <>
            <th scope="col">{t.assets.name}</th>
            <th scope="col">{t.assets.category}</th>
            <th scope="col">{t.assets.vendorModel}</th>
            <th scope="col">{t.assets.identity}</th>
            <th scope="col">{t.assets.location}</th>
            {!props.contractNumber && <th scope="col">{t.assets.contract}</th>}
            <th scope="col">{t.assets.note}</th>
          </>
        }
        row={(listed) => {
          const asset = saved[listed.assetId] ?? listed;
          return (
            <tr key={asset.assetId}>
              <td>{asset.name}</td>
              <td>{t.assets.categories[asset.category]}</td>
              <td>{[asset.vendor, asset.model].filter(Boolean).join(' ')}</td>
              <td>
                {[asset.serialNumber, asset.macAddress].filter(Boolean).map((identity) => (
                  <code key={identity} class="serial">
                    {identity}{' '}
                  </code>
                ))}
              </td>
              <td>{asset.location ?? ''}</td>
              {!props.contractNumber && (
                <td>
                  <Link href={`/contracts/${encodeURIComponent(asset.contractNumber)}`}>{asset.contractNumber}</Link>
                </td>
              )}
              <td>
                {asset.customerNote ?? ''}{' '}
                {mayNote && (
                  <button
                    type="button"
                    class="button secondary small"
                    onClick={() => {
                      setNotice(false);
                      setEditing(asset);
                    }}
                  >
                    {t.assets.editNote}
                    <span class="visually-hidden"> {asset.name}</span>
                  </button>
                )}
              </td>
            </tr>
          );
        }}
      />
      {editing && (
        <NoteForm
          key={editing.assetId}
          asset={editing}
          onDone={(updated) => {
            if (updated) {
              setSaved((current) => ({ ...current, [updated.assetId]: updated }));
              setNotice(true);
            }
            setEditing(null);
          }}
        />
      )}
    </>
  );
}

export function AssetsPage() {
  const { t } = useI18n();
  const [category, setCategory] = useState<AssetCategory | ''>('');
  useTitle(t.assets.assetsTitle);
  return (
    <Frame pool="customer" signedIn>
      <p class="back-link">
        <Link href="/contracts">{t.assets.allContracts}</Link>
      </p>
      <div class="page-head">
        <h1 tabIndex={-1}>{t.assets.assetsTitle}</h1>
        <p class="muted">{t.assets.assetsIntro}</p>
      </div>
      <div class="field">
        <label for="asset-category">{t.assets.category}</label>
        <select id="asset-category" value={category} onChange={(event) => setCategory(event.currentTarget.value as AssetCategory | '')}>
          <option value="">{t.assets.anyCategory}</option>
          {ASSET_CATEGORIES.map((name) => (
            <option key={name} value={name}>
              {t.assets.categories[name]}
            </option>
          ))}
        </select>
      </div>
      <AssetsTable category={category} caption={t.assets.assetsCaption} testId="assets-table" />
    </Frame>
  );
}
