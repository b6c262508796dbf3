// Customer: opens a ticket. Administrative (no asset; not covered by the vendor's support policy) or technical: an
// asset under active support, then its product's own questions, rendered from the definition the API gives and checked
// with the same schema the API uses; the API's refusals land under the fields they name.

import { useEffect, useRef, useState } from 'preact/hooks';
import { ROLE_AREAS } from '#shared/accounts/roles.ts';
import { administrativeTicketInput } from '#shared/api/tickets.ts';
import { type TicketField, ticketFieldsSchema } from '#shared/tickets/fields.ts';
import type { TicketPriority, TicketRelation } from '#shared/tickets/model.ts';
import { api, ApiError, request, type ReplyOf } from '../api.ts';
import { AssetPicker, type AssetLoader } from '../asset-picker.tsx';
import { ErrorAlert, Frame, Link, useTitle } from '../components.tsx';
import { Field, type FieldErrors } from '../fields.tsx';
import { checkBody, fieldErrorsOf, issueMessage, limitsOf } from '../form-checks.ts';
import { useI18n } from '../i18n.ts';
import type { Messages } from '../i18n.ts';
import { Markdown } from '../markdown.tsx';
import { useMyRole } from '../my-role.ts';
import './new-ticket.css';
import { ArticleSuggestions } from './ArticleSuggestions.tsx';
import { AttachmentPicker, type UploadState, uploadAttachments } from '../attachments.tsx';

const schema = api.tickets.openTicket.request.body;
const PRIORITIES: TicketPriority[] = ['low', 'normal', 'high', 'urgent'];
const RELATIONS: TicketRelation[] = ['billing', 'licensing', 'sales', 'other'];
const subjectLimits = limitsOf(administrativeTicketInput.shape.subject);
const descriptionLimits = limitsOf(administrativeTicketInput.shape.description);

/** The picker lists the assets under active support (contract active or expiring): the assets area's list. */
const loadAssets: AssetLoader = (filter, signal) =>
  request(api.assets.listAssets, {
    query: {
      underActiveSupport: 'true',
      ...(filter.category ? { category: filter.category } : {}),
      ...(filter.q ? { q: filter.q } : {}),
      ...(filter.cursor ? { cursor: filter.cursor } : {}),
    },
    signal,
  });

type Kind = 'administrative' | 'technical';
type Opened = ReplyOf<typeof api.tickets.openTicket>;
type FormField = 'subject' | 'description' | 'asset' | `field-${string}`;

function fieldOfPath(path: string): FormField | undefined {
  if (path === 'body.subject' || path === 'body.description') return path.slice(5) as FormField;
  if (path === 'body.assetId') return 'asset';
  if (path.startsWith('body.fields.')) return `field-${path.slice(12)}`;
  return undefined;
}

/** The form's answer to one field as the API takes it: typed, or left out when empty. */
function answerOf(field: TicketField, raw: string | undefined): string | number | boolean | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  if (field.type === 'yes-no') return raw === 'yes';
  if (field.type === 'number') return Number(raw);
  return raw;
}

function DefinedField(props: {
  field: TicketField;
  value: string;
  error: string | undefined;
  onInput: (value: string) => void;
  label: string;
  optionLabel: (option: NonNullable<TicketField['options']>[number]) => string;
  t: Messages['tickets'];
}) {
  const { field, value, error } = props;
  const id = `field-${field.key}`;
  const described = error ? `${id}-error` : undefined;
  const errorLine = error && (
    <p id={`${id}-error`} class="field-error">
      {error}
    </p>
  );
  const label = field.required ? props.label : `${props.label} ${props.t.optional}`;
  if (field.type === 'yes-no') {
    return (
      <fieldset class="field yes-no" id={id} tabIndex={-1} aria-describedby={described}>
        <legend>{label}</legend>
        {(['yes', 'no'] as const).map((answer) => (
          <label key={answer} class="inline-choice">
            <input
              type="radio"
              name={id}
              value={answer}
              checked={value === answer}
              required={field.required}
              aria-invalid={error ? true : undefined}
              onChange={() => props.onInput(answer)}
            />{' '}
            {answer === 'yes' ? props.t.yes : props.t.no}
          </label>
        ))}
        {errorLine}
      </fieldset>
    );
  }
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {field.type === 'choice' ? (
        <select
          id={id}
          value={value}
          required={field.required}
          aria-invalid={error ? true : undefined}
          aria-describedby={described}
          onChange={(event) => props.onInput(event.currentTarget.value)}
        >
          <option value="">{props.t.choose}</option>
          {(field.options ?? []).map((option) => (
            <option key={option.value} value={option.value}>
              {props.optionLabel(option)}
            </option>
          ))}
        </select>
      ) : (
        <input
          id={id}
          type={field.type === 'date' ? 'date' : field.type === 'number' ? 'number' : 'text'}
          value={value}
          required={field.required}
          min={field.min}
          max={field.max}
          maxlength={field.maxLength}
          aria-invalid={error ? true : undefined}
          aria-describedby={described}
          onInput={(event) => props.onInput(event.currentTarget.value)}
        />
      )}
      {errorLine}
    </div>
  );
}

export function NewTicketPage() {
  const { t, locale } = useI18n();
  const texts = t.tickets;
  useTitle(texts.newTitle);
  const role = useMyRole();
  const mayOpenTechnical = role === undefined || role === null || (ROLE_AREAS.technicalWrite as readonly string[]).includes(role);
  const preselected = new URLSearchParams(location.search).get('assetId') ?? undefined;

  const [kind, setKind] = useState<Kind>(preselected ? 'technical' : 'administrative');
  const [subject, setSubject] = useState('');
  const [description, setDescription] = useState('');
  const [preview, setPreview] = useState(false);
  const [priority, setPriority] = useState<TicketPriority>('normal');
  const [relation, setRelation] = useState<TicketRelation>('other');
  const [asset, setAsset] = useState<{ assetId: string; label: string } | undefined>(undefined);
  const [definition, setDefinition] = useState<TicketField[] | undefined>(undefined);
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [invalid, setInvalid] = useState<FieldErrors<FormField>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [opened, setOpened] = useState<Opened | null>(null);
  const [files, setFiles] = useState<File[]>([]);
  const [progress, setProgress] = useState<Array<UploadState | undefined>>([]);
  const [notAttached, setNotAttached] = useState<string[]>([]);
  const form = useRef<HTMLFormElement>(null);
  const openedHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (!mayOpenTechnical) setKind('administrative');
  }, [mayOpenTechnical]);

  // The asset named in the link (from an asset's page), or the one picked: its product's questions.
  const assetId = asset?.assetId ?? (kind === 'technical' ? preselected : undefined);
  useEffect(() => {
    if (kind !== 'technical' || !assetId) return;
    const controller = new AbortController();
    setDefinition(undefined);
    request(api.tickets.getTicketFields, { query: { assetId }, signal: controller.signal }).then(
      (reply) => {
        setDefinition(reply.fields);
        if (!asset && reply.assetId) setAsset({ assetId: reply.assetId, label: reply.assetLabel ?? reply.assetId });
      },
      (failure: unknown) => {
        if (!controller.signal.aborted) setError(failure);
      },
    );
    return () => controller.abort();
  }, [kind, assetId]);

  useEffect(() => {
    if (opened) openedHeading.current?.focus();
  }, [opened]);

  const clear = (name: FormField) =>
    setInvalid((current) => {
      if (!(name in current)) return current;
      const { [name]: _, ...rest } = current;
      return rest as FieldErrors<FormField>;
    });

  const labelOf = (labels: Record<string, string>) => labels[locale] ?? labels.en ?? '';

  const buildBody = () => {
    if (kind === 'administrative') return { kind, subject, relation, description, priority } as const;
    const fields: Record<string, string | number | boolean> = {};
    for (const field of definition ?? []) {
      const answer = answerOf(field, answers[field.key]);
      if (answer !== undefined) fields[field.key] = answer;
    }
    return { kind, assetId: asset?.assetId ?? '', subject, description, priority, fields } as const;
  };

  const focusFirst = (errors: FieldErrors<FormField>) => {
    const first = Object.keys(errors)[0];
    const target = first === 'asset' ? '#asset-category' : `#${first}`;
    if (first) form.current?.querySelector<HTMLElement>(target)?.focus();
  };

  const errorsOf = (body: ReturnType<typeof buildBody>, apiError?: ApiError): FieldErrors<FormField> => {
    const fieldsSchema = ticketFieldsSchema(definition ?? []);
    const local = [
      ...checkBody(schema, body),
      ...(body.kind === 'technical'
        ? checkBody(fieldsSchema, body.fields).map((issue) => ({ ...issue, path: issue.path.replace(/^body\./, 'body.fields.') }))
        : []),
    ];
    const issues = apiError
      ? (Array.isArray(apiError.details) ? apiError.details : []).map((detail) => {
          const path = String(detail.path);
          return { path, issue: local.find((candidate) => candidate.path === path)?.issue };
        })
      : local;
    const errors = fieldErrorsOf(issues, fieldOfPath, t.form, (field, issue) => {
      if (field === 'asset') return texts.assetRequired;
      if (field.startsWith('field-') && !issue) return t.form.invalid;
      return issue ? issueMessage(issue, t.form) : undefined;
    });
    if (body.kind === 'technical' && !body.assetId) errors.asset = texts.assetRequired;
    return errors;
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const body = buildBody();
    const errors = errorsOf(body);
    setInvalid(errors);
    if (Object.keys(errors).length) return focusFirst(errors);
    setBusy(true);
    setError(null);
    try {
      const ticket = await request(api.tickets.openTicket, { body });
      // The files go to the ticket once it exists: straight to the files bucket, each checked by the API after upload.
      if (files.length > 0) {
        const states: Array<UploadState | undefined> = [];
        const { failed } = await uploadAttachments(ticket.ticketNumber, files, (index, state) => {
          states[index] = state;
          setProgress([...states]);
        });
        setNotAttached(failed.map(({ file }) => file.name));
      }
      setOpened(ticket);
    } catch (caught) {
      setError(caught);
      if (caught instanceof ApiError && caught.code === 'VALIDATION_FAILED') {
        const fromServer = errorsOf(body, caught);
        setInvalid(fromServer);
        focusFirst(fromServer);
      }
    } finally {
      setBusy(false);
    }
  };

  if (opened) {
    return (
      <Frame pool="customer" signedIn>
        <div class="page-head">
          <h1 tabIndex={-1} ref={openedHeading} data-testid="ticket-opened">
            {texts.openedTitle(opened.ticketNumber)}
          </h1>
        </div>
        <p class="alert alert-success" role="status">
          {texts.openedBody}
        </p>
        {notAttached.length > 0 && (
          <p class="alert alert-error" role="alert">
            {t.attachments.failed}: {notAttached.join(', ')}
          </p>
        )}
        <div class="actions">
          <Link href={`/tickets/${opened.ticketNumber}`} class="button primary">
            {texts.openTicket}
          </Link>
          <Link href="/tickets" class="button secondary">
            {texts.allTickets}
          </Link>
        </div>
      </Frame>
    );
  }

  return (
    <Frame pool="customer" signedIn>
      <p class="back-link">
        <Link href="/tickets">{texts.allTickets}</Link>
      </p>
      <div class="page-head">
        <h1 tabIndex={-1}>{texts.newTitle}</h1>
        <p class="muted">{texts.newIntro}</p>
      </div>
      {error !== null && <ErrorAlert error={error} />}
      <form ref={form} class="ticket-form" onSubmit={submit} noValidate aria-busy={busy}>
        <fieldset class="field kind-choice">
          <legend>{texts.kind}</legend>
          {(['administrative', 'technical'] as const)
            .filter((value) => value === 'administrative' || mayOpenTechnical)
            .map((value) => (
              <label key={value} class="inline-choice">
                <input type="radio" name="kind" value={value} checked={kind === value} onChange={() => setKind(value)} />{' '}
                {texts.kinds[value]}
              </label>
            ))}
          {!mayOpenTechnical && <p class="muted small">{texts.technicalNotForRole}</p>}
        </fieldset>
        {kind === 'administrative' && (
          <p class="alert alert-info" data-testid="administrative-notice">
            {texts.administrativeNotice}
          </p>
        )}

        <Field
          id="subject"
          label={texts.subject}
          value={subject}
          limits={subjectLimits}
          error={invalid.subject}
          onInput={(value) => {
            setSubject(value);
            clear('subject');
          }}
          autocomplete="off"
        />
        <ArticleSuggestions subject={subject} />

        {kind === 'administrative' ? (
          <div class="field">
            <label for="relation">{texts.relation}</label>
            <select id="relation" value={relation} onChange={(event) => setRelation(event.currentTarget.value as TicketRelation)}>
              {RELATIONS.map((value) => (
                <option key={value} value={value}>
                  {texts.relations[value]}
                </option>
              ))}
            </select>
          </div>
        ) : (
          <>
            {asset ? (
              <div class="field chosen-asset">
                <p>
                  <span class="muted">{texts.asset}: </span>
                  <strong data-testid="chosen-asset">{asset.label}</strong>{' '}
                  <button
                    type="button"
                    class="button secondary small"
                    onClick={() => {
                      setAsset(undefined);
                      setDefinition(undefined);
                      setAnswers({});
                      history.replaceState(null, '', '/tickets/new');
                    }}
                  >
                    {texts.changeAsset}
                  </button>
                </p>
              </div>
            ) : (
              <AssetPicker
                load={loadAssets}
                error={invalid.asset}
                onPick={(picked) => {
                  setAsset(picked);
                  setAnswers({});
                  clear('asset');
                }}
              />
            )}
            {asset && definition === undefined && <p class="muted">{texts.loadingFields}</p>}
            {asset && definition && definition.length > 0 && (
              <fieldset class="field product-fields">
                <legend>{texts.productFields}</legend>
                {definition.map((field) => (
                  <DefinedField
                    key={field.key}
                    field={field}
                    value={answers[field.key] ?? ''}
                    error={invalid[`field-${field.key}`]}
                    label={labelOf(field.labels)}
                    optionLabel={(option) => labelOf(option.labels)}
                    t={texts}
                    onInput={(value) => {
                      setAnswers((current) => ({ ...current, [field.key]: value }));
                      clear(`field-${field.key}`);
                    }}
                  />
                ))}
              </fieldset>
            )}
          </>
        )}

        <div class="field">
          <label for="description">{texts.description}</label>
          <p id="description-hint" class="muted small field-hint">
            {texts.descriptionHint}
          </p>
          <textarea
            id="description"
            rows={8}
            required
            maxlength={descriptionLimits.maxLength}
            value={description}
            aria-invalid={invalid.description ? true : undefined}
            aria-describedby={invalid.description ? 'description-hint description-error' : 'description-hint'}
            onInput={(event) => {
              setDescription(event.currentTarget.value);
              clear('description');
            }}
          />
          {invalid.description && (
            <p id="description-error" class="field-error">
              {invalid.description}
            </p>
          )}
          <button type="button" class="button secondary small" aria-expanded={preview} onClick={() => setPreview(!preview)}>
            {preview ? texts.hidePreview : texts.showPreview}
          </button>
          {preview && (
            <section class="card markdown-preview" aria-label={texts.preview} data-testid="description-preview">
              <Markdown source={description} />
            </section>
          )}
        </div>

        <div class="field">
          <label for="priority">{texts.priority}</label>
          <select id="priority" value={priority} onChange={(event) => setPriority(event.currentTarget.value as TicketPriority)}>
            {PRIORITIES.map((value) => (
              <option key={value} value={value}>
                {texts.priorities[value]}
              </option>
            ))}
          </select>
        </div>

        <AttachmentPicker files={files} onChange={setFiles} progress={progress} disabled={busy} />

        <button type="submit" class="button primary" disabled={busy}>
          {texts.submit}
        </button>
        {busy && (
          <p class="muted small" role="status">
            {texts.submitting}
          </p>
        )}
      </form>
    </Frame>
  );
}
