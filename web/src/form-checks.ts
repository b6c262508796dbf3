// Form checks from the API's own zod schemas: each input's limits (maxlength, required, type=email) and a message under
// the field for every schema issue, whether the page finds it before sending or the API answers it as error details.

import type * as z from '#shared/validation.ts';
import type { ApiError } from './api.ts';
import type { Messages } from './messages/en.ts';

/** What an input should enforce, read from the schema of its value. */
export interface InputLimits {
  /** False when the schema accepts the value's absence (z.optional). */
  required: boolean;
  minLength?: number;
  maxLength?: number;
  /** The value must be an e-mail address (z.email()). */
  email?: boolean;
}

interface CheckDef {
  check: string;
  minimum?: number;
  maximum?: number;
  format?: string;
}

interface SchemaDef {
  type: string;
  checks?: Array<{ _zod: { def: CheckDef } }>;
  format?: string;
  innerType?: z.ZodMiniType;
  in?: z.ZodMiniType;
  out?: z.ZodMiniType;
}

/**
 * The input limits a schema sets: string lengths and the e-mail format, through optional and pipe wrappers
 * (`emailSchema` is a trimmed string piped into z.email()). zod/mini keeps each check in `_zod.def.checks`.
 */
export function limitsOf(schema: z.ZodMiniType): InputLimits {
  const limits: InputLimits = { required: true };
  const visit = (current: z.ZodMiniType) => {
    const def = current._zod.def as unknown as SchemaDef;
    if (def.type === 'optional' && def.innerType) {
      limits.required = false;
      return visit(def.innerType);
    }
    if (def.type === 'pipe' && def.in && def.out) {
      visit(def.in);
      return visit(def.out);
    }
    if (def.format === 'email') limits.email = true;
    for (const { _zod } of def.checks ?? []) {
      const check = _zod.def;
      if (check.check === 'max_length' && check.maximum !== undefined)
        limits.maxLength = Math.min(limits.maxLength ?? Infinity, check.maximum);
      if (check.check === 'min_length' && check.minimum !== undefined) limits.minLength = Math.max(limits.minLength ?? 0, check.minimum);
      if (check.check === 'string_format' && check.format === 'email') limits.email = true;
    }
  };
  visit(schema);
  return limits;
}

/** A failed check as the page has it: the API's dotted path (`body.contact.name`) and, when known, zod's issue. */
export interface FieldIssue {
  path: string;
  issue?: z.core.$ZodIssue;
}

/** The message a person reads under a field for one issue, in their language. */
export function issueMessage(issue: z.core.$ZodIssue | undefined, t: Messages['form']): string {
  if (!issue) return t.invalid;
  if (issue.code === 'too_big' && issue.origin === 'string') return t.tooLong(Number(issue.maximum));
  if (issue.code === 'too_small' && issue.origin === 'string')
    return Number(issue.minimum) <= 1 ? t.required : t.tooShort(Number(issue.minimum));
  if (issue.code === 'invalid_format' && issue.format === 'email') return t.email;
  if (issue.code === 'invalid_type' && issue.input === undefined) return t.required;
  return t.invalid;
}

/**
 * Checks a request body with its route's schema, as the API will: the issues (with the paths the API would answer,
 * `body.` and the dotted path), or none.
 */
export function checkBody(schema: z.ZodMiniType, body: unknown): FieldIssue[] {
  // The input on each issue tells an empty value from a wrong one.
  const parsed = schema.safeParse(body, { reportInput: true });
  return parsed.success ? [] : parsed.error.issues.map((issue) => ({ path: ['body', ...issue.path.map(String)].join('.'), issue }));
}

/**
 * The API's validation details as field issues. The API's messages are English only, so each detail is matched with
 * the issue the same schema finds in the body that was sent, whose message the page can say in the person's language.
 */
export function apiIssues(error: ApiError, schema: z.ZodMiniType, body: unknown): FieldIssue[] {
  if (error.code !== 'VALIDATION_FAILED' || !Array.isArray(error.details)) return [];
  const local = checkBody(schema, body);
  return error.details.map((detail) => {
    const path = String(detail.path);
    return { path, issue: local.find((candidate) => candidate.path === path)?.issue };
  });
}

/**
 * One message per field, the first issue of each, for the fields `fieldOf` can place; the others are left out.
 * `messageOf` may give a field its own wording (e.g. "Choose a product."); otherwise the issue's generic message.
 */
export function fieldErrorsOf<F extends string>(
  issues: FieldIssue[],
  fieldOf: (path: string) => F | undefined,
  t: Messages['form'],
  messageOf: (field: F, issue: z.core.$ZodIssue | undefined) => string | undefined = () => undefined,
): Partial<Record<F, string>> {
  const errors: Partial<Record<F, string>> = {};
  for (const { path, issue } of issues) {
    const field = fieldOf(path);
    if (field && errors[field] === undefined) errors[field] = messageOf(field, issue) ?? issueMessage(issue, t);
  }
  return errors;
}

/** Whether the issue is about a missing or empty value (rather than a wrong one). */
export function isMissing(issue: z.core.$ZodIssue | undefined): boolean {
  return (
    (issue?.code === 'too_small' && issue.origin === 'string' && Number(issue.minimum) <= 1) ||
    (issue?.code === 'invalid_type' && issue.input === undefined) ||
    (issue?.code === 'invalid_format' && issue.input === '')
  );
}
