// Product-specific ticket fields: the answers' schema built from a definition (each type and its limits, required or
// not, unknown keys refused), every bad field named in one refusal, and the definition's own rules.

import { describe, expect, it } from 'vitest';
import { ValidationError } from '#shared/http/errors.ts';
import {
  DEFAULT_TICKET_FIELDS,
  type TicketField,
  ticketFieldListSchema,
  ticketFieldsSchema,
  validateTicketFields,
} from '#shared/tickets/fields.ts';

const labels = { en: 'L', pl: 'L', de: 'L', fr: 'L', it: 'L' };
const definition: TicketField[] = [
  { key: 'occurredOn', type: 'date', required: true, labels },
  { key: 'production', type: 'yes-no', required: true, labels },
  {
    key: 'often',
    type: 'choice',
    required: false,
    labels,
    options: [
      { value: 'once', labels },
      { value: 'always', labels },
    ],
  },
  { key: 'users', type: 'number', required: false, labels, min: 1, max: 100 },
  { key: 'version', type: 'text', required: false, labels, maxLength: 5 },
];

function refusedFields(answers: unknown): string[] {
  try {
    validateTicketFields(definition, answers);
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return ((error as ValidationError).details as Array<{ field: string }>).map((detail) => detail.field);
  }
  return [];
}

describe('ticketFieldsSchema', () => {
  it('accepts answers of each type within their limits, optional ones left out', () => {
    expect(ticketFieldsSchema(definition).safeParse({ occurredOn: '2026-11-20', production: true }).success).toBe(true);
    expect(
      validateTicketFields(definition, { occurredOn: '2026-02-28', production: false, often: 'always', users: 100, version: ' 7.2 ' }),
    ).toEqual({ occurredOn: '2026-02-28', production: false, often: 'always', users: 100, version: '7.2' });
  });

  it('names every missing or bad field at once', () => {
    expect(refusedFields({})).toEqual(['occurredOn', 'production']);
    expect(refusedFields({ occurredOn: '2026-02-30', production: 'yes', often: 'daily', users: 0, version: '123456' }).sort()).toEqual(
      ['occurredOn', 'often', 'production', 'users', 'version'].sort(),
    );
    expect(refusedFields({ occurredOn: '2026-02-01', production: true, users: 101 })).toEqual(['users']);
    expect(refusedFields({ occurredOn: '2026-02-01', production: true, version: '   ' })).toEqual(['version']);
  });

  it('refuses answers to fields the product does not ask, each by its key', () => {
    expect(refusedFields({ occurredOn: '2026-02-01', production: true, colour: 'red', size: 2 }).sort()).toEqual(['colour', 'size']);
  });

  it('makes the seed’s six questions required, with the three frequencies', () => {
    expect(DEFAULT_TICKET_FIELDS.map((field) => [field.key, field.type, field.required])).toEqual([
      ['occurredOn', 'date', true],
      ['newDeployment', 'yes-no', true],
      ['everWorked', 'yes-no', true],
      ['changesBefore', 'yes-no', true],
      ['productionSystem', 'yes-no', true],
      ['frequency', 'choice', true],
    ]);
    expect(DEFAULT_TICKET_FIELDS.at(-1)?.options?.map((option) => option.value)).toEqual(['once', 'sometimes', 'always']);
    expect(ticketFieldListSchema().safeParse(DEFAULT_TICKET_FIELDS).success).toBe(true);
  });
});

describe('a definition’s own rules', () => {
  it.each([
    ['a choice without options', [{ key: 'a', type: 'choice', required: true, labels }]],
    ['options on a text field', [{ key: 'a', type: 'text', required: true, labels, options: [{ value: 'x', labels }] }]],
    ['min above max', [{ key: 'a', type: 'number', required: true, labels, min: 5, max: 1 }]],
    ['maxLength on a date', [{ key: 'a', type: 'date', required: true, labels, maxLength: 3 }]],
    ['a label missing in one language', [{ key: 'a', type: 'date', required: true, labels: { ...labels, it: undefined } }]],
    [
      'two fields with one key',
      [
        { key: 'a', type: 'date', required: true, labels },
        { key: 'a', type: 'yes-no', required: true, labels },
      ],
    ],
    ['a key that is not camelCase', [{ key: 'Bad Key', type: 'date', required: true, labels }]],
  ])('refuses %s', (_, fields) => {
    expect(ticketFieldListSchema().safeParse(fields).success).toBe(false);
  });
});
