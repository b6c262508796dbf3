// Admin: import accounts from the old portal. The CSV file is read in the browser and sent as text: first a dry run
// (what will be created, what was imported before, every row error with its line), then the import, batch by batch
// until nothing is left (each batch is one transaction with its audit entry on the server).

import { useRef, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { MAX_IMPORT_BYTES } from '#shared/imports/format.ts';
import { api, type ReplyOf, request } from '../api.ts';
import { ErrorAlert, Frame, TableRegion, useCellLabels, useTitle } from '../components.tsx';
import { useI18n } from '../i18n.ts';

type Plan = ReplyOf<typeof api.imports.dryRunImport>;
type Counts = Plan['create'];

interface ChosenFile {
  name: string;
  text: string;
}

type Phase =
  | { step: 'idle' }
  | { step: 'checking' }
  | { step: 'checked'; plan: Plan }
  | { step: 'importing'; plan: Plan; done: number }
  | { step: 'imported'; created: Counts }
  | { step: 'failed'; error: unknown; plan?: Plan };

const ZERO: Counts = { account: 0, user: 0, contract: 0, licence: 0 };
const total = (counts: Counts) => counts.account + counts.user + counts.contract + counts.licence;

export function AdminImportPage() {
  const { t } = useI18n();
  const [file, setFile] = useState<ChosenFile | undefined>();
  const [fileError, setFileError] = useState<string | undefined>();
  const [phase, setPhase] = useState<Phase>({ step: 'idle' });
  const input = useRef<HTMLInputElement>(null);

  useTitle(t.adminImport.title);

  async function choose(event: JSX.TargetedEvent<HTMLInputElement>) {
    const chosen = event.currentTarget.files?.[0];
    setPhase({ step: 'idle' });
    setFileError(undefined);
    if (!chosen) return setFile(undefined);
    // The server refuses it too; saying so here spares sending a file that cannot be imported.
    if (chosen.size > MAX_IMPORT_BYTES) {
      setFile(undefined);
      setFileError(t.adminImport.rowErrors.FILE_TOO_LARGE);
      return;
    }
    try {
      setFile({ name: chosen.name, text: await chosen.text() });
    } catch {
      setFile(undefined);
      setFileError(t.adminImport.readFailed);
    }
  }

  async function dryRun() {
    if (!file) {
      setFileError(t.adminImport.chooseFirst);
      input.current?.focus();
      return;
    }
    setPhase({ step: 'checking' });
    try {
      const plan = await request(api.imports.dryRunImport, { body: { csv: file.text, fileName: file.name } });
      setPhase({ step: 'checked', plan });
    } catch (error) {
      setPhase({ step: 'failed', error });
    }
  }

  async function runImport(plan: Plan) {
    if (!file) return;
    const created = { ...ZERO };
    let done = 0;
    setPhase({ step: 'importing', plan, done });
    try {
      // One batch per request; the server answers how many rows remain, and the same file goes again until none do.
      for (;;) {
        const batch = await request(api.imports.runImport, { body: { csv: file.text, fileName: file.name } });
        for (const record of ['account', 'user', 'contract', 'licence'] as const) created[record] += batch.created[record];
        done += batch.entries.length;
        if (batch.remaining === 0 || batch.entries.length === 0) break;
        setPhase({ step: 'importing', plan, done });
      }
      setPhase({ step: 'imported', created });
    } catch (error) {
      setPhase({ step: 'failed', error, plan });
    }
  }

  const plan = phase.step === 'checked' || phase.step === 'importing' ? phase.plan : phase.step === 'failed' ? phase.plan : undefined;
  const busy = phase.step === 'checking' || phase.step === 'importing';

  return (
    <Frame pool="staff" signedIn>
      <div class="page-head">
        <h1 tabIndex={-1}>{t.adminImport.heading}</h1>
        <p class="muted">{t.adminImport.intro}</p>
      </div>

      <div class="card section">
        <div class="field">
          <label for="import-file">{t.adminImport.fileLabel}</label>
          <input
            ref={input}
            id="import-file"
            type="file"
            accept=".csv,text/csv"
            onChange={choose}
            aria-describedby={fileError ? 'import-file-hint import-file-error' : 'import-file-hint'}
            aria-invalid={fileError ? true : undefined}
          />
          <p id="import-file-hint" class="muted small field-hint">
            {t.adminImport.fileHint}
          </p>
          {fileError && (
            <p id="import-file-error" class="field-error">
              {fileError}
            </p>
          )}
        </div>
        <div class="order-actions">
          <button type="button" class="button secondary" onClick={dryRun} disabled={busy}>
            {t.adminImport.dryRun}
          </button>
          {plan && plan.errors.length === 0 && total(plan.create) > 0 && (
            <button type="button" class="button primary" onClick={() => runImport(plan)} disabled={busy}>
              {t.adminImport.import}
            </button>
          )}
        </div>
        <p class="muted small" role="status">
          {phase.step === 'checking' && t.adminImport.checking}
          {phase.step === 'importing' && t.adminImport.importing(phase.done, total(phase.plan.create))}
        </p>
      </div>

      {phase.step === 'failed' && <ErrorAlert error={phase.error} />}
      {phase.step === 'imported' && (
        <div class="alert alert-info" role="status" data-testid="import-done">
          <p>{t.adminImport.done(phase.created.account, phase.created.user, phase.created.contract, phase.created.licence)}</p>
        </div>
      )}
      {plan && <PlanView plan={plan} />}
    </Frame>
  );
}

function PlanView(props: { plan: Plan }) {
  const { t } = useI18n();
  const { plan } = props;
  const skipped = total(plan.skip);
  const errorsTable = useCellLabels();
  const rowsTable = useCellLabels();
  return (
    <>
      <section class="section" aria-labelledby="import-summary" data-testid="import-summary">
        <h2 id="import-summary">{t.adminImport.summaryCaption}</h2>
        {total(plan.create) > 0 ? (
          <p>{t.adminImport.willCreate(plan.create.account, plan.create.user, plan.create.contract, plan.create.licence)}</p>
        ) : (
          plan.errors.length === 0 && <p>{t.adminImport.nothingToCreate}</p>
        )}
        {skipped > 0 && <p class="muted">{t.adminImport.willSkip(skipped)}</p>}
      </section>

      {plan.errors.length > 0 && (
        <section class="section" aria-labelledby="import-errors-heading">
          <div class="alert alert-error">
            <h2 id="import-errors-heading">{t.adminImport.errorsHeading(plan.errors.length)}</h2>
            <p>{t.adminImport.errorsHelp}</p>
          </div>
          <TableRegion labelledBy="import-errors-caption" section>
            <table ref={errorsTable} class="stack" data-testid="import-errors">
              <caption id="import-errors-caption">{t.adminImport.errorsCaption}</caption>
              <thead>
                <tr>
                  <th scope="col" class="num">
                    {t.adminImport.line}
                  </th>
                  <th scope="col">{t.adminImport.column}</th>
                  <th scope="col">{t.adminImport.problem}</th>
                </tr>
              </thead>
              <tbody>
                {plan.errors.map((error, index) => (
                  <tr key={`${error.line}-${index}`}>
                    <td class="num">{error.line}</td>
                    <td>{error.column ? <code>{error.column}</code> : t.app.notAvailable}</td>
                    <td>
                      {t.adminImport.rowErrors[error.code]}
                      <span class="muted small block" lang="en">
                        {error.message}
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        </section>
      )}

      {plan.entries.length > 0 && (
        <TableRegion labelledBy="import-rows-caption" section>
          <table ref={rowsTable} class="stack" data-testid="import-rows">
            <caption id="import-rows-caption">{t.adminImport.rowsCaption}</caption>
            <thead>
              <tr>
                <th scope="col" class="num">
                  {t.adminImport.line}
                </th>
                <th scope="col">{t.adminImport.record}</th>
                <th scope="col">{t.adminImport.key}</th>
                <th scope="col">{t.adminImport.account}</th>
                <th scope="col">{t.adminImport.action}</th>
              </tr>
            </thead>
            <tbody>
              {plan.entries.map((entry) => (
                <tr key={entry.line}>
                  <td class="num">{entry.line}</td>
                  <td>{t.adminImport.records[entry.record]}</td>
                  <td>{entry.key}</td>
                  <td>{entry.account ?? t.app.notAvailable}</td>
                  <td>{t.adminImport.actions[entry.action]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </>
  );
}
