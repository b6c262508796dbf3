// The customer's profile (personal data, account data by role) and the company verification: the submission awaits
// staff, blocks payment, moves the attention counter, and the staff's decision is audited and mailed.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mayPay } from '#shared/accounts/verification.ts';
import { GetCommand, QueryCommand, UpdateCommand } from '#shared/db/commands.ts';
import { db, tableName } from '#shared/db/client.ts';
import { keys } from '#shared/db/keys.ts';
import {
  addMember,
  call,
  createCustomer,
  createStaff,
  latestMailTo,
  purchases,
  signIn,
  startTestApi,
  type TestApi,
} from '../support/api.ts';

let api: TestApi;
let billingStaff: string;
beforeAll(async () => {
  api = await startTestApi();
  billingStaff = await signIn(api, 'staff', await createStaff(['billing']));
});
afterAll(() => api.stop());

const address = { line1: 'ul. Długa 5', postalCode: '80-831', city: 'Gdańsk' };
const company = { profileType: 'company', companyName: 'Bursztyn Sp. z o.o.', vatId: 'PL 521-345-67-89', registeredAddress: address };

async function customerIn(country: string | undefined) {
  const demo = await createCustomer(purchases(1));
  if (country) {
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.account(demo.account.accountId),
        UpdateExpression: 'SET country = :country',
        ExpressionAttributeValues: { ':country': country },
      }),
    );
  }
  return { ...demo, token: await signIn(api, 'customer', demo.login) };
}

async function awaitingCount(): Promise<number> {
  const found = await db().send(new GetCommand({ TableName: tableName(), Key: keys.attentionCounter('companies-awaiting-verification') }));
  return (found.Item?.count as number | undefined) ?? 0;
}

async function accountAudit(accountId: string) {
  const found = await db().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :audit)',
      ExpressionAttributeValues: { ':pk': keys.account(accountId).PK, ':audit': 'AUDIT#' },
    }),
  );
  return found.Items ?? [];
}

describe('personal data', () => {
  it('saves the name, E.164 phone, language and time zone on the person, and reads them back', async () => {
    // Prepare
    const customer = await customerIn('PL');
    const body = { firstName: 'Anna', lastName: 'Nowak', phone: '+48601234567', locale: 'pl', timeZone: 'Europe/Warsaw' };
    // Act
    const saved = await call(api, 'PUT', '/api/me/profile/personal', { token: customer.token, body });
    const read = await call(api, 'GET', '/api/me/profile', { token: customer.token });
    // Assess
    expect(saved.status).toBe(200);
    expect(read.body.person).toEqual({
      firstName: 'Anna',
      lastName: 'Nowak',
      phone: '+48601234567',
      locale: 'pl',
      timeZone: 'Europe/Warsaw',
    });
    const person = await db().send(new GetCommand({ TableName: tableName(), Key: keys.person(customer.userId) }));
    expect(person.Item).toMatchObject({ locale: 'pl', timeZone: 'Europe/Warsaw', phone: '+48601234567' });
  });

  it('refuses a phone not in E.164, an unknown time zone and an unknown language with 400', async () => {
    // Prepare
    const customer = await customerIn('PL');
    const good = { firstName: 'Anna', lastName: 'Nowak', locale: 'en', timeZone: 'Europe/Warsaw' };
    // Act
    const answers = await Promise.all(
      [{ phone: '601 234 567' }, { phone: '+0601234567' }, { timeZone: 'Mars/Olympus' }, { locale: 'xx' }].map((bad) =>
        call(api, 'PUT', '/api/me/profile/personal', { token: customer.token, body: { ...good, ...bad } }),
      ),
    );
    // Assess
    for (const answer of answers) {
      expect(answer.status).toBe(400);
      expect(answer.body.error.code).toBe('VALIDATION_FAILED');
    }
  });

  it('a read-only person may set their own data', async () => {
    // Prepare
    const owner = await customerIn('PL');
    const member = await addMember(owner.account.accountId, 'read-only');
    const token = await signIn(api, 'customer', member);
    // Act
    const saved = await call(api, 'PUT', '/api/me/profile/personal', {
      token,
      body: { firstName: 'Jan', lastName: 'Kowalski', locale: 'de', timeZone: 'Europe/Berlin' },
    });
    // Assess
    expect(saved.status).toBe(200);
    expect(saved.body.role).toBe('read-only');
    expect(saved.body.person.locale).toBe('de');
  });
});

describe('account data and VAT ids', () => {
  it('refuses a VAT id of another EU country, a malformed one, and a company without its legal data', async () => {
    // Prepare
    const customer = await customerIn('PL');
    // Act
    const mismatch = await call(api, 'PUT', '/api/me/profile/account', {
      token: customer.token,
      body: { ...company, vatId: 'DE123456789' },
    });
    const invalid = await call(api, 'PUT', '/api/me/profile/account', { token: customer.token, body: { ...company, vatId: 'PL12345' } });
    const incomplete = await call(api, 'PUT', '/api/me/profile/account', {
      token: customer.token,
      body: { profileType: 'company', companyName: 'No VAT Ltd' },
    });
    // Assess
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.error.code).toBe('VAT_ID_COUNTRY_MISMATCH');
    expect(mismatch.body.error.message).toContain('PL');
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.code).toBe('VAT_ID_INVALID');
    expect(incomplete.status).toBe(400);
    expect(incomplete.body.error.details.map((detail: { path: string }) => detail.path)).toEqual(['body.vatId', 'body.registeredAddress']);
    expect((await call(api, 'GET', '/api/me/profile', { token: customer.token })).body.verification).toBeUndefined();
  });

  it('wants the account to have a country before it checks a VAT id', async () => {
    // Prepare
    const customer = await customerIn(undefined);
    // Act
    const answer = await call(api, 'PUT', '/api/me/profile/account', { token: customer.token, body: company });
    // Assess
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('COUNTRY_NOT_SET');
  });

  it('lets a billing contact change the billing address but not the legal data', async () => {
    // Prepare
    const owner = await customerIn('PL');
    const billing = await signIn(api, 'customer', await addMember(owner.account.accountId, 'billing'));
    const technical = await signIn(api, 'customer', await addMember(owner.account.accountId, 'technical'));
    const billingAddress = { line1: 'ul. Faktur 1', line2: 'lok. 2', postalCode: '00-001', city: 'Warszawa' };
    // Act
    const legal = await call(api, 'PUT', '/api/me/profile/account', { token: billing, body: company });
    const saved = await call(api, 'PUT', '/api/me/profile/billing-address', { token: billing, body: { billingAddress } });
    const byTechnical = await call(api, 'PUT', '/api/me/profile/billing-address', { token: technical, body: { billingAddress } });
    // Assess
    expect(legal.status).toBe(403);
    expect(legal.body.error.code).toBe('ROLE_NOT_ALLOWED');
    expect(saved.status).toBe(200);
    expect(saved.body.account.billingAddress).toEqual(billingAddress);
    expect(byTechnical.status).toBe(403);
    const read = await call(api, 'GET', '/api/me/profile', { token: owner.token });
    expect(read.body.account.billingAddress).toEqual(billingAddress);
    expect(read.body.verification).toBeUndefined();
  });

  it('takes an individual profile and its postal address at once, with no verification', async () => {
    // Prepare
    const customer = await customerIn('PL');
    const before = await awaitingCount();
    // Act
    const saved = await call(api, 'PUT', '/api/me/profile/account', {
      token: customer.token,
      body: { profileType: 'individual', postalAddress: address },
    });
    // Assess
    expect(saved.status).toBe(200);
    expect(saved.body.account.legal).toEqual({ profileType: 'individual' });
    expect(saved.body.account.postalAddress).toEqual(address);
    expect(saved.body.mayPay).toBe(true);
    expect(await awaitingCount()).toBe(before);
  });
});

describe('company verification', () => {
  it('keeps a company awaiting verification with the previous data, blocks payment and counts it for staff', async () => {
    // Prepare
    const customer = await customerIn('PL');
    const before = await awaitingCount();
    // Act
    const submitted = await call(api, 'PUT', '/api/me/profile/account', { token: customer.token, body: company });
    // Assess
    expect(submitted.status).toBe(200);
    expect(submitted.body.verification).toMatchObject({ status: 'awaiting', submitted: { profileType: 'company', vatId: 'PL5213456789' } });
    expect(submitted.body.account.legal).toEqual({ profileType: 'individual' });
    expect(submitted.body.account.name).toBe(customer.account.name);
    expect(submitted.body.mayPay).toBe(false);
    expect(await awaitingCount()).toBe(before + 1);
    await expect(mayPay(customer.account.accountId)).rejects.toMatchObject({ statusCode: 403, code: 'COMPANY_NOT_VERIFIED' });
    const queue = await call(api, 'GET', '/api/admin/verifications?limit=100', { token: billingStaff });
    expect(queue.status).toBe(200);
    expect(queue.body.items.filter((item: { accountId: string }) => item.accountId === customer.account.accountId)).toHaveLength(1);
  });

  it('a second change while awaiting replaces the submission without counting it twice', async () => {
    // Prepare
    const customer = await customerIn('PL');
    await call(api, 'PUT', '/api/me/profile/account', { token: customer.token, body: company });
    const before = await awaitingCount();
    // Act
    const again = await call(api, 'PUT', '/api/me/profile/account', {
      token: customer.token,
      body: { ...company, companyName: 'Bursztyn S.A.' },
    });
    // Assess
    expect(again.status).toBe(200);
    expect(again.body.verification.submitted.companyName).toBe('Bursztyn S.A.');
    expect(await awaitingCount()).toBe(before);
    const detail = await call(api, 'GET', `/api/admin/verifications/${customer.account.accountId}`, { token: billingStaff });
    expect(detail.body.submitted.companyName).toBe('Bursztyn S.A.');
  });

  it('staff approval makes the data the account’s, finds it by VAT id, audits, mails and unblocks payment', async () => {
    // Prepare
    const customer = await customerIn('PL');
    await call(api, 'PUT', '/api/me/profile/account', { token: customer.token, body: company });
    const before = await awaitingCount();
    // Act
    const approved = await call(api, 'POST', `/api/admin/verifications/${customer.account.accountId}/approve`, {
      token: billingStaff,
      body: { verificationId: await verificationIdOf(customer.account.accountId), reason: 'Checked in VIES.' },
    });
    // Assess
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({
      status: 'verified',
      previous: { profileType: 'individual' },
      submitted: { companyName: company.companyName },
    });
    expect(await awaitingCount()).toBe(before - 1);
    const read = await call(api, 'GET', '/api/me/profile', { token: customer.token });
    expect(read.body.account).toMatchObject({
      name: company.companyName,
      legal: { profileType: 'company', vatId: 'PL5213456789', registeredAddress: address },
    });
    expect(read.body.verification).toMatchObject({ status: 'verified', reason: 'Checked in VIES.' });
    expect(read.body.mayPay).toBe(true);
    await expect(mayPay(customer.account.accountId)).resolves.toBeUndefined();
    const found = await call(api, 'GET', `/api/admin/customers/search?q=5213456789`, { token: billingStaff });
    expect(found.body.items.map((item: { accountId: string }) => item.accountId)).toContain(customer.account.accountId);
    const audit = await accountAudit(customer.account.accountId);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'account.verify-company', reason: 'Checked in VIES.' });
    expect(audit[0]!.changes).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'vatId', after: 'PL5213456789' })]));
    const mail = await latestMailTo(customer.login.email);
    expect(mail?.subject).toBe('Your company data is verified');
    const queue = await call(api, 'GET', '/api/admin/verifications?limit=100', { token: billingStaff });
    expect(queue.body.items.map((item: { accountId: string }) => item.accountId)).not.toContain(customer.account.accountId);
  });

  it('staff rejection keeps the previous data, shows and mails the reason, and refuses a second decision', async () => {
    // Prepare
    const customer = await customerIn('PL');
    await call(api, 'PUT', '/api/me/profile/personal', {
      token: customer.token,
      body: { firstName: 'Anna', lastName: 'Nowak', locale: 'pl', timeZone: 'Europe/Warsaw' },
    });
    await call(api, 'PUT', '/api/me/profile/account', { token: customer.token, body: company });
    const verificationId = await verificationIdOf(customer.account.accountId);
    const before = await awaitingCount();
    // Act
    const rejected = await call(api, 'POST', `/api/admin/verifications/${customer.account.accountId}/reject`, {
      token: billingStaff,
      body: { verificationId, reason: 'The VAT id belongs to another company.' },
    });
    const again = await call(api, 'POST', `/api/admin/verifications/${customer.account.accountId}/approve`, {
      token: billingStaff,
      body: { verificationId, reason: 'Changed my mind.' },
    });
    // Assess
    expect(rejected.status).toBe(200);
    expect(await awaitingCount()).toBe(before - 1);
    const read = await call(api, 'GET', '/api/me/profile', { token: customer.token });
    expect(read.body.account.legal).toEqual({ profileType: 'individual' });
    expect(read.body.verification).toMatchObject({ status: 'rejected', reason: 'The VAT id belongs to another company.' });
    expect(read.body.mayPay).toBe(false);
    const mail = await latestMailTo(customer.login.email);
    expect(mail?.subject).toBe('Nie mogliśmy zweryfikować danych Twojej firmy');
    expect(mail?.body.text).toContain('The VAT id belongs to another company.');
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('VERIFICATION_NOT_AWAITING');
    const audit = await accountAudit(customer.account.accountId);
    expect(audit.map((entry) => entry.action)).toEqual(['account.reject-company']);
  });

  it('mails the decision to the account’s orders recipients and the submitter', async () => {
    // Prepare
    const customer = await customerIn('PL');
    const billing = await addMember(customer.account.accountId, 'billing');
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.notificationRecipients(customer.account.accountId),
        UpdateExpression: 'SET #type = :type, categories = :categories',
        ExpressionAttributeNames: { '#type': 'type' },
        ExpressionAttributeValues: { ':type': 'NotificationRecipients', ':categories': { orders: [billing.userId] } },
      }),
    );
    await call(api, 'PUT', '/api/me/profile/account', { token: customer.token, body: company });
    // Act
    const approved = await call(api, 'POST', `/api/admin/verifications/${customer.account.accountId}/approve`, {
      token: billingStaff,
      body: { verificationId: await verificationIdOf(customer.account.accountId), reason: 'Checked in VIES.' },
    });
    // Assess
    expect(approved.status).toBe(200);
    expect((await latestMailTo(billing.email))?.subject).toBe('Your company data is verified');
    expect((await latestMailTo(customer.login.email))?.subject).toBe('Your company data is verified');
  });

  it('a technical contact or support staff may not decide, and an account with nothing submitted is 404', async () => {
    // Prepare
    const customer = await customerIn('PL');
    const support = await signIn(api, 'staff', await createStaff(['support']));
    // Act
    const bySupport = await call(api, 'GET', '/api/admin/verifications', { token: support });
    const nothing = await call(api, 'GET', `/api/admin/verifications/${customer.account.accountId}`, { token: billingStaff });
    // Assess
    expect(bySupport.status).toBe(403);
    expect(nothing.status).toBe(404);
  });
});

async function verificationIdOf(accountId: string): Promise<string> {
  const account = await db().send(new GetCommand({ TableName: tableName(), Key: keys.account(accountId), ConsistentRead: true }));
  const verification = account.Item?.verification as { verificationId: string } | undefined;
  if (!verification) throw new Error(`Account ${accountId} has no verification`);
  return verification.verificationId;
}
