// Form checks from the API's schemas: the input limits read from a zod/mini schema, and the field messages for the
// issues the page finds itself or the API answers as error details, in English and Polish.

import { describe, expect, it } from 'vitest';
import * as auth from '#shared/api/auth.ts';
import * as orders from '#shared/api/orders.ts';
import { computerIdSchema } from '#shared/licences/schemas.ts';
import { ApiError } from '../../web/src/api.ts';
import { apiIssues, checkBody, fieldErrorsOf, limitsOf } from '../../web/src/form-checks.ts';
import { en } from '../../web/src/messages/en.ts';
import { pl } from '../../web/src/messages/pl.ts';

const signUp = auth.signUp.request.body;
const order = orders.staffOrderInput;

describe('limitsOf', () => {
  it('reads length limits, the e-mail format and optionality through optional and pipe wrappers', () => {
    expect(limitsOf(signUp.shape.name)).toEqual({ required: true, minLength: 1, maxLength: 200 });
    // emailSchema: a trimmed string of at most 254 characters piped into z.email()
    expect(limitsOf(signUp.shape.email)).toEqual({ required: true, maxLength: 254, email: true });
    expect(limitsOf(signUp.shape.locale)).toEqual({ required: false });
    expect(limitsOf(signUp.shape.contract)).toEqual({ required: false });
    expect(limitsOf(order.shape.contact.shape.city)).toEqual({ required: true, minLength: 1, maxLength: 100 });
    expect(limitsOf(order.shape.lines)).toEqual({ required: true, minLength: 1, maxLength: 20 });
  });

  it('finds no length in a schema that has none (a pattern is checked on submit, not by maxlength)', () => {
    expect(limitsOf(computerIdSchema)).toEqual({ required: true });
  });
});

describe('field messages', () => {
  const staffOrder = (name: string) => ({
    email: 'buyer@example.test',
    contact: { name, country: 'pl', city: 'Kraków' },
    lines: [{ sku: 'RA-DSK-3', quantity: 11 }],
    idempotencyKey: 'k'.repeat(20),
  });
  const fieldOf = (path: string) => ({ 'body.contact.name': 'name', 'body.lines.0.quantity': 'quantity' })[path];

  it("marks each failing field of a body checked with the route's schema, in the person's language", () => {
    // Act
    const issues = checkBody(order, staffOrder('n'.repeat(5000)));

    // Assess
    expect(issues.map((issue) => issue.path)).toEqual(['body.contact.name', 'body.lines.0.quantity']);
    expect(fieldErrorsOf(issues, fieldOf, en.form)).toEqual({ name: 'Use at most 200 characters.', quantity: 'Check this value.' });
    expect(fieldErrorsOf(issues, fieldOf, pl.form)).toEqual({ name: 'Wpisz najwyżej 200 znaków.', quantity: 'Sprawdź tę wartość.' });
  });

  it("places the API's validation details on their fields, worded from the same schema's issue", () => {
    // Prepare: what the API answers for 5000 characters in the name
    const body = { email: 'new@example.test', password: 'Long-enough-1!', name: 'n'.repeat(5000) };
    const refusal = new ApiError(400, 'VALIDATION_FAILED', 'The request is not valid.', [
      { path: 'body.name', message: 'Too big: expected string to have <=200 characters' },
    ]);

    // Act
    const errors = fieldErrorsOf(apiIssues(refusal, signUp, body), (path) => (path === 'body.name' ? 'name' : undefined), pl.form);

    // Assess
    expect(errors).toEqual({ name: 'Wpisz najwyżej 200 znaków.' });
  });

  it('says "fill in" for an empty required value, and lets a form word a field its own way', () => {
    const issues = checkBody(order, { ...staffOrder(''), lines: [{ sku: 'RA-DSK-3', quantity: 1 }] });
    expect(fieldErrorsOf(issues, fieldOf, en.form)).toEqual({ name: 'Fill in this field.' });
    expect(fieldErrorsOf(issues, fieldOf, en.form, (field) => (field === 'name' ? en.adminOrders.nameRequired : undefined))).toEqual({
      name: en.adminOrders.nameRequired,
    });
  });

  it('ignores refusals that are not validation failures', () => {
    const refusal = new ApiError(409, 'IDEMPOTENCY_KEY_REUSED', 'Used.');
    expect(apiIssues(refusal, order, staffOrder('Ewa'))).toEqual([]);
  });
});
