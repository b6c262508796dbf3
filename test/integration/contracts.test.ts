// Staff support contracts through the local API Gateway: creating one unassigned (its activation code answered once,
// only its hash stored, and the code claims it at sign-up) or for an account; unique numbers; regenerating the code
// (the old one stops working, a claimed contract refuses); editing the term and SLA level; bad dates; the list newest
// first, by number prefix and by account, paginated.

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAccountAudit, listAuditEntries } from '#shared/audit/audit.ts';
import { ACTIVATION_CODE_ALPHABET } from '#shared/contracts/activation.ts';
import { GetCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { keys } from '#shared/db/keys.ts';
import { call, createCustomer, createStaff, purchases, signIn, startTestApi, uniqueEmail, type TestApi } from '../support/api.ts';

let api: TestApi;
let staffToken: string;
beforeAll(async () => {
  api = await startTestApi();
  staffToken = await signIn(api, 'staff', await createStaff(['support']));
});
afterAll(() => api.stop());

/** A number no other test uses; `prefix` lets a test search for its own contracts only. */
function newNumber(prefix = 'CTR'): string {
  return `${prefix}-${randomUUID().slice(0, 8).toUpperCase()}`;
}

function contractBody(overrides: Record<string, unknown> = {}) {
  return {
    contractNumber: newNumber(),
    product: 'Remote Access Support Premium',
    sla: 'priority',
    startsOn: '2026-01-01',
    endsOn: '2026-12-31',
    ...overrides,
  };
}

function createContract(body: unknown, token = staffToken) {
  return call(api, 'POST', '/api/admin/contracts', { token, body });
}

function signUpWith(contractNumber: string, activationCode: string) {
  return call(api, 'POST', '/api/auth/customer/sign-up', {
    body: {
      email: uniqueEmail('claim'),
      password: 'Correct-Horse-9-battery',
      name: 'Kowalski IT',
      locale: 'en',
      contract: { contractNumber, activationCode },
    },
  });
}

async function storedContract(contractNumber: string): Promise<Record<string, unknown> | undefined> {
  const found = await db().send(new GetCommand({ TableName: tableName(), Key: keys.contract(contractNumber), ConsistentRead: true }));
  return found.Item;
}

/** The contract's audit entries, newest first. */
async function auditOf(contractNumber: string) {
  return (await listAuditEntries({ target: { kind: 'contract', id: contractNumber } }, {})).items;
}

const CODE_SHAPE = new RegExp(`^[${ACTIVATION_CODE_ALPHABET}]{4}(-[${ACTIVATION_CODE_ALPHABET}]{4}){3}$`);

describe('creating a contract', () => {
  it('answers an unassigned contract with its activation code once, and stores only the code’s hash', async () => {
    // Prepare
    const body = contractBody();
    // Act
    const created = await createContract(body);
    const read = await call(api, 'GET', `/api/admin/contracts/${body.contractNumber}`, { token: staffToken });
    // Assess
    expect(created.status).toBe(201);
    expect(created.body.activationCode).toMatch(CODE_SHAPE);
    expect(created.body.contract).toMatchObject({
      contractNumber: body.contractNumber,
      product: body.product,
      sla: 'priority',
      startsOn: '2026-01-01',
      endsOn: '2026-12-31',
      claimed: false,
      // The staff user's e-mail when the staff directory has it, else their id.
      createdBy: expect.any(String),
    });
    const item = await storedContract(body.contractNumber);
    const code = created.body.activationCode as string;
    const stored = JSON.stringify(item);
    expect(item?.activationCodeHash).toEqual(expect.any(String));
    expect(stored).not.toContain(code);
    expect(stored).not.toContain(code.replace(/-/g, ''));
    // The code is never answered again.
    expect(read.status).toBe(200);
    expect(JSON.stringify(read.body)).not.toContain(code);
    expect(read.body).not.toHaveProperty('activationCode');
    expect(read.body).not.toHaveProperty('activationCodeHash');
    // One audit entry, with the fields and never the code or its hash.
    const entries = await auditOf(body.contractNumber);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      action: 'contract.create',
      target: { kind: 'contract', id: body.contractNumber, label: body.product },
      actor: { groups: ['support'] },
    });
    expect(entries[0]!.changes).toEqual(
      expect.arrayContaining([
        { field: 'sla', after: 'priority' },
        { field: 'endsOn', after: '2026-12-31' },
      ]),
    );
    expect(JSON.stringify(entries)).not.toContain(code);
    expect(JSON.stringify(entries)).not.toContain(String(item?.activationCodeHash));
  });

  it('gives a code that lets a customer sign up with the contract, once', async () => {
    // Prepare
    const body = contractBody();
    const created = await createContract(body);
    // Act: typed in lower case and without dashes, as people do
    const code = (created.body.activationCode as string).toLowerCase().replace(/-/g, ' ');
    const signedUp = await signUpWith(body.contractNumber.toLowerCase(), code);
    const again = await signUpWith(body.contractNumber, created.body.activationCode);
    const read = await call(api, 'GET', `/api/admin/contracts/${body.contractNumber}`, { token: staffToken });
    // Assess
    expect(signedUp.status).toBe(201);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('ACTIVATION_CODE_USED');
    expect(read.body).toMatchObject({ claimed: true, accountId: expect.any(String), account: { name: 'Kowalski IT' } });
  });

  it('refuses a number that exists, in any case, with 409 and changes nothing', async () => {
    // Prepare
    const body = contractBody();
    const first = await createContract(body);
    const before = await storedContract(body.contractNumber);
    // Act
    const second = await createContract({ ...body, contractNumber: ` ${body.contractNumber.toLowerCase()} `, product: 'Other' });
    // Assess
    expect(first.status).toBe(201);
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('CONTRACT_NUMBER_TAKEN');
    expect(await storedContract(body.contractNumber)).toEqual(before);
    // The refused write left no audit entry.
    expect(await auditOf(body.contractNumber)).toHaveLength(1);
  });

  it('lets only one of two simultaneous creations of one number win', async () => {
    // Prepare
    const body = contractBody();
    // Act
    const answers = await Promise.all([createContract(body), createContract({ ...body, product: 'Other' })]);
    // Assess
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409]);
    const winner = answers.find((answer) => answer.status === 201)!;
    expect((await storedContract(body.contractNumber))?.product).toBe(winner.body.contract.product);
  });

  it('refuses a term that ends before it starts, and dates that are not in the calendar, with 400', async () => {
    // Act
    const reversed = await createContract(contractBody({ startsOn: '2026-06-01', endsOn: '2026-05-31' }));
    const notADate = await createContract(contractBody({ endsOn: '2026-02-30' }));
    const wrongShape = await createContract(contractBody({ startsOn: '01.01.2026' }));
    const badNumber = await createContract(contractBody({ contractNumber: 'CTR 2026/1' }));
    const unknownSla = await createContract(contractBody({ sla: 'gold' }));
    // Assess
    expect(reversed.status).toBe(400);
    expect(reversed.body.error).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: 'body.endsOn' }] });
    for (const answer of [notADate, wrongShape, badNumber, unknownSla]) {
      expect(answer.status).toBe(400);
      expect(answer.body.error.code).toBe('VALIDATION_FAILED');
    }
    // A one-day term is a term.
    expect((await createContract(contractBody({ startsOn: '2026-06-01', endsOn: '2026-06-01' }))).status).toBe(201);
  });

  it('assigns a contract to an account at creation: no code, and the account has it at once', async () => {
    // Prepare
    const customer = await createCustomer(purchases(1));
    const customerToken = await signIn(api, 'customer', customer.login);
    const body = contractBody({ accountId: customer.account.accountId, sla: 'critical' });
    // Act
    const created = await createContract(body);
    const me = await call(api, 'GET', '/api/me', { token: customerToken });
    const claim = await signUpWith(body.contractNumber, 'ANY0-CODE-THAT-GUESS');
    // Assess
    expect(created.status).toBe(201);
    expect(created.body).not.toHaveProperty('activationCode');
    expect(created.body.contract).toMatchObject({
      claimed: true,
      accountId: customer.account.accountId,
      account: { accountId: customer.account.accountId, name: customer.account.name },
    });
    expect((await storedContract(body.contractNumber))?.activationCodeHash).toBeUndefined();
    expect(me.body.contracts).toEqual([expect.objectContaining({ contractNumber: body.contractNumber, product: body.product })]);
    expect(claim.status).toBe(400);
    expect(claim.body.error.code).toBe('ACTIVATION_CODE_INVALID');
    // The entry is on the customer's page too.
    const onAccount = await listAccountAudit(customer.account.accountId, {});
    expect(onAccount.items).toEqual([
      expect.objectContaining({ action: 'contract.create', target: expect.objectContaining({ id: body.contractNumber }) }),
    ]);
  });

  it('answers 404 for an account that does not exist, and creates nothing', async () => {
    // Prepare
    const body = contractBody({ accountId: 'acc-does-not-exist' });
    // Act
    const created = await createContract(body);
    // Assess
    expect(created.status).toBe(404);
    expect(await storedContract(body.contractNumber)).toBeUndefined();
  });

  it('refuses customers and staff outside admin and support', async () => {
    // Prepare
    const customer = await createCustomer(purchases(1));
    const customerToken = await signIn(api, 'customer', customer.login);
    const billingToken = await signIn(api, 'staff', await createStaff(['billing']));
    const body = contractBody();
    // Act
    const asCustomer = await createContract(body, customerToken);
    const asBilling = await createContract(body, billingToken);
    // Assess
    expect(asCustomer.status).toBe(401);
    expect(asBilling.status).toBe(403);
    expect(await storedContract(body.contractNumber)).toBeUndefined();
  });
});

describe('regenerating the activation code', () => {
  it('gives a new code once; the old code stops working and the new one claims the contract', async () => {
    // Prepare
    const body = contractBody();
    const created = await createContract(body);
    // Act
    const regenerated = await call(api, 'POST', `/api/admin/contracts/${body.contractNumber}/activation-code`, {
      token: staffToken,
      body: { reason: 'The customer lost the certificate.' },
    });
    const withOld = await signUpWith(body.contractNumber, created.body.activationCode);
    const withNew = await signUpWith(body.contractNumber, regenerated.body.activationCode);
    // Assess
    expect(regenerated.status).toBe(201);
    expect(regenerated.body.activationCode).toMatch(CODE_SHAPE);
    expect(regenerated.body.activationCode).not.toBe(created.body.activationCode);
    expect(JSON.stringify(await storedContract(body.contractNumber))).not.toContain(regenerated.body.activationCode);
    expect(withOld.status).toBe(400);
    expect(withOld.body.error.code).toBe('ACTIVATION_CODE_INVALID');
    expect(withNew.status).toBe(201);
    // Audited with its reason, as "regenerated": neither code is in it.
    const [entry] = await auditOf(body.contractNumber);
    expect(entry).toMatchObject({
      action: 'contract.regenerate-code',
      reason: 'The customer lost the certificate.',
      changes: [{ field: 'activationCode', after: 'regenerated' }],
    });
    expect(JSON.stringify(entry)).not.toContain(regenerated.body.activationCode);
    expect(JSON.stringify(entry)).not.toContain(created.body.activationCode);
  });

  it('refuses a claimed contract with 409 and leaves its code as it was', async () => {
    // Prepare
    const body = contractBody();
    const created = await createContract(body);
    expect((await signUpWith(body.contractNumber, created.body.activationCode)).status).toBe(201);
    const before = await storedContract(body.contractNumber);
    // Act
    const regenerated = await call(api, 'POST', `/api/admin/contracts/${body.contractNumber}/activation-code`, {
      token: staffToken,
      body: {},
    });
    // Assess
    expect(regenerated.status).toBe(409);
    expect(regenerated.body.error.code).toBe('CONTRACT_CLAIMED');
    expect(await storedContract(body.contractNumber)).toEqual(before);
  });

  it('answers 404 for a contract that does not exist', async () => {
    const answer = await call(api, 'POST', `/api/admin/contracts/${newNumber()}/activation-code`, { token: staffToken, body: {} });
    expect(answer.status).toBe(404);
    expect(answer.body.error.code).toBe('NOT_FOUND');
  });
});

describe('editing a contract', () => {
  it('changes the term and SLA level, and the claimed account sees the new term', async () => {
    // Prepare
    const customer = await createCustomer(purchases(1));
    const customerToken = await signIn(api, 'customer', customer.login);
    const body = contractBody({ accountId: customer.account.accountId });
    await createContract(body);
    // Act
    const edited = await call(api, 'PATCH', `/api/admin/contracts/${body.contractNumber}`, {
      token: staffToken,
      body: { endsOn: '2027-12-31', sla: 'critical' },
    });
    const me = await call(api, 'GET', '/api/me', { token: customerToken });
    // Assess
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ sla: 'critical', startsOn: '2026-01-01', endsOn: '2027-12-31', claimed: true });
    expect(await storedContract(body.contractNumber)).toMatchObject({ sla: 'critical', endsOn: '2027-12-31' });
    expect(me.body.contracts).toEqual([expect.objectContaining({ contractNumber: body.contractNumber, endsOn: '2027-12-31' })]);
    const [entry] = await auditOf(body.contractNumber);
    expect(entry).toMatchObject({ action: 'contract.update', target: { accountId: customer.account.accountId } });
    expect(entry!.changes).toEqual([
      { field: 'sla', before: 'priority', after: 'critical' },
      { field: 'endsOn', before: '2026-12-31', after: '2027-12-31' },
    ]);
  });

  it('refuses an edit that would end the term before it starts, with 400, and changes nothing', async () => {
    // Prepare
    const body = contractBody();
    await createContract(body);
    const before = await storedContract(body.contractNumber);
    // Act
    const edited = await call(api, 'PATCH', `/api/admin/contracts/${body.contractNumber}`, {
      token: staffToken,
      body: { startsOn: '2027-01-01' },
    });
    // Assess
    expect(edited.status).toBe(400);
    expect(edited.body.error.code).toBe('VALIDATION_FAILED');
    expect(await storedContract(body.contractNumber)).toEqual(before);
  });

  it('answers 404 for a contract that does not exist', async () => {
    const answer = await call(api, 'PATCH', `/api/admin/contracts/${newNumber()}`, { token: staffToken, body: { sla: 'standard' } });
    expect(answer.status).toBe(404);
  });
});

describe('the staff list', () => {
  it('lists contracts newest first, page by page', async () => {
    // Prepare
    const numbers = [newNumber(), newNumber(), newNumber()];
    for (const contractNumber of numbers) expect((await createContract(contractBody({ contractNumber }))).status).toBe(201);
    // Act
    const first = await call(api, 'GET', '/api/admin/contracts?limit=2', { token: staffToken });
    const second = await call(api, 'GET', `/api/admin/contracts?limit=2&cursor=${first.body.nextCursor}`, { token: staffToken });
    // Assess
    expect(first.status).toBe(200);
    const listed = [...first.body.items, ...second.body.items].map((item: { contractNumber: string }) => item.contractNumber);
    expect(listed.slice(0, 3)).toEqual([...numbers].reverse());
  });

  it('finds contracts by the start of their number, in any case, page by page', async () => {
    // Prepare
    const prefix = `Q${randomUUID().slice(0, 6).toUpperCase()}`;
    const numbers = [`${prefix}-0001`, `${prefix}-0002`, `${prefix}-0100`];
    for (const contractNumber of numbers) await createContract(contractBody({ contractNumber }));
    await createContract(contractBody());
    // Act
    const all = await call(api, 'GET', `/api/admin/contracts?q=${prefix.toLowerCase()}`, { token: staffToken });
    const narrower = await call(api, 'GET', `/api/admin/contracts?q=${prefix}-00`, { token: staffToken });
    const whole = await call(api, 'GET', `/api/admin/contracts?q=${numbers[2]}`, { token: staffToken });
    const firstPage = await call(api, 'GET', `/api/admin/contracts?q=${prefix}&limit=2`, { token: staffToken });
    const secondPage = await call(api, 'GET', `/api/admin/contracts?q=${prefix}&limit=2&cursor=${firstPage.body.nextCursor}`, {
      token: staffToken,
    });
    const none = await call(api, 'GET', `/api/admin/contracts?q=${prefix}-9`, { token: staffToken });
    // Assess
    const numbersOf = (answer: { body: { items: Array<{ contractNumber: string }> } }) =>
      answer.body.items.map((item) => item.contractNumber);
    expect(numbersOf(all)).toEqual(numbers);
    expect(numbersOf(narrower)).toEqual(numbers.slice(0, 2));
    expect(numbersOf(whole)).toEqual([numbers[2]]);
    expect([...numbersOf(firstPage), ...numbersOf(secondPage)]).toEqual(numbers);
    expect(secondPage.body.nextCursor).toBeUndefined();
    expect(none.body.items).toEqual([]);
    expect(all.body.items[0]).toMatchObject({ status: expect.any(String), claimed: false, sla: 'priority' });
  });

  it('lists one account’s contracts, narrowed by a number prefix', async () => {
    // Prepare
    const customer = await createCustomer(purchases(1));
    const accountId = customer.account.accountId;
    const prefix = `A${randomUUID().slice(0, 6).toUpperCase()}`;
    await createContract(contractBody({ contractNumber: `${prefix}-1`, accountId }));
    await createContract(contractBody({ contractNumber: `${prefix}-2`, accountId }));
    await createContract(contractBody({ contractNumber: `${prefix}-3` }));
    // Act
    const ofAccount = await call(api, 'GET', `/api/admin/contracts?accountId=${accountId}`, { token: staffToken });
    const narrowed = await call(api, 'GET', `/api/admin/contracts?accountId=${accountId}&q=${prefix}-2`, { token: staffToken });
    // Assess
    expect(ofAccount.body.items.map((item: { contractNumber: string }) => item.contractNumber)).toEqual([`${prefix}-1`, `${prefix}-2`]);
    expect(narrowed.body.items.map((item: { contractNumber: string }) => item.contractNumber)).toEqual([`${prefix}-2`]);
  });

  it('refuses a search with characters no contract number has, and answers 404 for an unknown number', async () => {
    const bad = await call(api, 'GET', `/api/admin/contracts?q=${encodeURIComponent('CTR#1')}`, { token: staffToken });
    const unknown = await call(api, 'GET', `/api/admin/contracts/${newNumber()}`, { token: staffToken });
    expect(bad.status).toBe(400);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('NOT_FOUND');
  });
});
