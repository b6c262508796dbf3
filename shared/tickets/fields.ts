// Product-specific ticket fields as data (issue #13): each catalogue product defines what a technical ticket on its
// assets asks (date of occurrence, production system?, how often?...), with labels per language. The server validates
// a ticket's answers with a zod schema built from the definition; the form renders from the same definition. Pure (the
// web form imports it); the item and its reads and writes are in ticket-fields-store.ts.

import { ValidationError } from '#shared/http/errors.ts';
import { LOCALES, type Locale } from '#shared/i18n/locale.ts';
import * as z from '#shared/validation.ts';

// No import of the ticket model or shared/db: this module is reachable from the route contracts, which the web imports.
type TicketFieldAnswers = import('#shared/tickets/model.ts').TicketFieldAnswers;

/** Built on first use, as lazySchema does (shared/db/entity.ts, which the web must not import). */
function once<S>(build: () => S): () => S {
  let built: S | undefined;
  return () => {
    built ??= build();
    return built;
  };
}

export const TICKET_FIELD_TYPES = ['date', 'yes-no', 'choice', 'number', 'text'] as const;
export type TicketFieldType = (typeof TICKET_FIELD_TYPES)[number];

export type Labels = Record<Locale, string>;

export interface TicketField {
  /** Stable key the answers are stored under: `occurredOn`. */
  key: string;
  type: TicketFieldType;
  required: boolean;
  labels: Labels;
  /** `choice` fields: the values offered, each with its labels. */
  options?: Array<{ value: string; labels: Labels }>;
  /** `number` fields: the smallest and largest value accepted. */
  min?: number;
  max?: number;
  /** `text` fields: the longest answer (TEXT_ANSWER_MAX without it). */
  maxLength?: number;
}

/** A product's definition as stored (one item per product in the CATALOGUE partition). */
export interface TicketFieldsDefinition {
  productId: string;
  fields: TicketField[];
  updatedAt: string;
  /** The staff user's e-mail who last edited it; absent for the seed's. */
  updatedBy?: string;
}

export const MAX_TICKET_FIELDS = 30;
export const MAX_CHOICE_OPTIONS = 20;
export const TEXT_ANSWER_MAX = 2000;

const labelSchema = () => z.string().check(z.trim(), z.minLength(1), z.maxLength(120));
const labelsSchema = () =>
  z.strictObject(Object.fromEntries(LOCALES.map((locale) => [locale, labelSchema()])) as Record<Locale, ReturnType<typeof labelSchema>>);
const fieldKeySchema = () => z.string().check(z.regex(/^[a-z][A-Za-z0-9]{0,39}$/, 'A key in camelCase, such as occurredOn.'));

/** A definition as staff send it (and as the item holds it): every rule a definition must keep, checked once here. */
export const ticketFieldListSchema = /* @__PURE__ */ once(() =>
  z
    .array(
      z
        .strictObject({
          key: fieldKeySchema(),
          type: z.enum(TICKET_FIELD_TYPES),
          required: z.boolean(),
          labels: labelsSchema(),
          options: z.optional(
            z.array(z.strictObject({ value: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,39}$/)), labels: labelsSchema() })).check(
              z.minLength(1),
              z.maxLength(MAX_CHOICE_OPTIONS),
              z.refine((options) => new Set(options.map((option) => option.value)).size === options.length, 'Option values must differ.'),
            ),
          ),
          min: z.optional(z.number().check(z.gte(-1e12), z.lte(1e12))),
          max: z.optional(z.number().check(z.gte(-1e12), z.lte(1e12))),
          maxLength: z.optional(z.int().check(z.gte(1), z.lte(TEXT_ANSWER_MAX))),
        })
        .check(
          z.refine(
            (field) => (field.type === 'choice') === (field.options !== undefined),
            'A choice field has options, and only a choice field.',
          ),
          z.refine((field) => field.min === undefined || field.max === undefined || field.min <= field.max, 'min is at most max.'),
          z.refine(
            (field) => field.type === 'number' || (field.min === undefined && field.max === undefined),
            'Only a number field has min and max.',
          ),
          z.refine((field) => field.type === 'text' || field.maxLength === undefined, 'Only a text field has maxLength.'),
        ),
    )
    .check(
      z.maxLength(MAX_TICKET_FIELDS),
      z.refine((fields) => new Set(fields.map((field) => field.key)).size === fields.length, 'Field keys must differ.'),
    ),
);

const labels = (en: string, pl: string, de: string, fr: string, it: string): Labels => ({ en, pl, de, fr, it });

/**
 * The seed's technical-ticket questions (CLICO's form): what every product asks until staff define its own, and what
 * an asset with no catalogue product (the asset-category fallback) asks.
 */
export const DEFAULT_TICKET_FIELDS: TicketField[] = [
  {
    key: 'occurredOn',
    type: 'date',
    required: true,
    labels: labels('Date of occurrence', 'Data wystąpienia', 'Datum des Auftretens', 'Date de survenue', 'Data del problema'),
  },
  {
    key: 'newDeployment',
    type: 'yes-no',
    required: true,
    labels: labels(
      'Is this a new deployment?',
      'Czy to nowe wdrożenie?',
      'Ist es eine neue Installation?',
      'S’agit-il d’un nouveau déploiement ?',
      'Si tratta di una nuova installazione?',
    ),
  },
  {
    key: 'everWorked',
    type: 'yes-no',
    required: true,
    labels: labels(
      'Has it ever worked?',
      'Czy kiedykolwiek działało?',
      'Hat es je funktioniert?',
      'Cela a-t-il déjà fonctionné ?',
      'Ha mai funzionato?',
    ),
  },
  {
    key: 'changesBefore',
    type: 'yes-no',
    required: true,
    labels: labels(
      'Were changes made before it started?',
      'Czy przed wystąpieniem wprowadzano zmiany?',
      'Gab es vorher Änderungen?',
      'Des modifications ont-elles été faites avant ?',
      'Sono state fatte modifiche prima?',
    ),
  },
  {
    key: 'productionSystem',
    type: 'yes-no',
    required: true,
    labels: labels(
      'Is it a production system?',
      'Czy to system produkcyjny?',
      'Ist es ein Produktivsystem?',
      'Est-ce un système de production ?',
      'È un sistema di produzione?',
    ),
  },
  {
    key: 'frequency',
    type: 'choice',
    required: true,
    labels: labels(
      'How often does it happen?',
      'Jak często występuje?',
      'Wie oft tritt es auf?',
      'À quelle fréquence ?',
      'Con quale frequenza?',
    ),
    options: [
      { value: 'once', labels: labels('Once', 'Jednorazowo', 'Einmalig', 'Une fois', 'Una volta') },
      { value: 'sometimes', labels: labels('Sometimes', 'Czasami', 'Manchmal', 'Parfois', 'A volte') },
      { value: 'always', labels: labels('Always', 'Zawsze', 'Immer', 'Toujours', 'Sempre') },
    ],
  },
];

function answerSchema(field: TicketField): z.ZodMiniType {
  switch (field.type) {
    case 'date':
      return z.iso.date();
    case 'yes-no':
      return z.boolean();
    case 'choice': {
      const values = (field.options ?? []).map((option) => option.value);
      return z.enum(values as [string, ...string[]]);
    }
    case 'number':
      return z
        .number()
        .check(...(field.min !== undefined ? [z.gte(field.min)] : []), ...(field.max !== undefined ? [z.lte(field.max)] : []));
    case 'text':
      return z.string().check(z.trim(), z.minLength(1), z.maxLength(field.maxLength ?? TEXT_ANSWER_MAX));
  }
}

/**
 * The answers' schema from a definition: a strict object, each field's type and limits, optional unless required. The
 * web form checks its answers with the very same schema before sending.
 */
export function ticketFieldsSchema(fields: readonly TicketField[]): z.ZodMiniType<TicketFieldAnswers> {
  const shape = Object.fromEntries(
    fields.map((field) => [field.key, field.required ? answerSchema(field) : z.optional(answerSchema(field))]),
  );
  return z.strictObject(shape) as unknown as z.ZodMiniType<TicketFieldAnswers>;
}

/** One refused answer: the field's key, its path in the request, and why. */
export interface FieldRefusal {
  path: string;
  field: string;
  message: string;
}

/**
 * The answers checked against the definition, or a 400 VALIDATION_FAILED naming EVERY missing or bad field (one detail
 * per field key, path `body.fields.<key>`; an unknown key is refused under its own name).
 */
export function validateTicketFields(fields: readonly TicketField[], answers: unknown): TicketFieldAnswers {
  const result = ticketFieldsSchema(fields).safeParse(answers ?? {});
  if (result.success) return result.data;
  const refusals: FieldRefusal[] = [];
  for (const issue of result.error.issues) {
    const keysOfIssue = issue.code === 'unrecognized_keys' ? issue.keys : [String(issue.path[0] ?? '')];
    for (const key of keysOfIssue) {
      if (refusals.some((refusal) => refusal.field === key)) continue;
      refusals.push({ path: key ? `body.fields.${key}` : 'body.fields', field: key, message: issue.message });
    }
  }
  throw new ValidationError(
    'Some of the product’s fields are missing or not valid.',
    refusals as unknown as Array<Record<string, unknown>>,
  );
}
