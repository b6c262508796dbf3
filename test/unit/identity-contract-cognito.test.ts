// The Cognito identity adapter: the same contract as the local adapter, against a Cognito played in memory behind
// aws-sdk-client-mock (test/support/fake-cognito.ts); then the exact Cognito calls it makes, the client they go
// through, and how each Cognito error (and fault: throttling, timeouts) reaches the user.

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetConfigForTests } from '#shared/config.ts';
import type { AppError } from '#shared/http/errors.ts';
import { cognitoIdentity as cognito } from '#shared/identity/cognito.ts';
import { COGNITO_ADMIN_ACTIONS } from '#shared/identity/cognito-admin-actions.ts';
import { passwordPolicyProblems } from '#shared/identity/password-policy.ts';
import {
  CLIENT_IDS,
  COGNITO_TEST_ENV,
  cognitoError,
  installFakeCognito,
  uninstallFakeCognito,
  USER_POOL_IDS,
} from '../support/fake-cognito.ts';
import { describeIdentityContract } from '../support/identity-contract.ts';

// The adapter reads order numbers from the table itself when Cognito refuses a user who must reset the password; the
// unit project has no DynamoDB, so the fake's orders answer instead.
vi.mock('#shared/identity/order-sign-in.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('#shared/identity/order-sign-in.ts')>();
  return {
    ...original,
    orderReferenceBelongsToUser: async (reference: string, userId: string) => {
      const { installedFakeCognito } = await import('../support/fake-cognito.ts');
      return installedFakeCognito()?.orders.has(`${userId}|${original.normaliseOrderReference(reference)}`) ?? false;
    },
  };
});

const savedEnv = { ...process.env };

beforeAll(() => {
  Object.assign(process.env, COGNITO_TEST_ENV);
  resetConfigForTests();
});
afterEach(() => uninstallFakeCognito());
afterAll(() => {
  process.env = savedEnv;
  resetConfigForTests();
});

describeIdentityContract('cognito', () => {
  const fake = installFakeCognito();
  return {
    provider: cognito,
    givenUser: async ({ pool, email, password }) => fake.addUser({ pool, email, password, status: 'CONFIRMED' }).sub,
    givenMigratedUser: async ({ email, password }) => fake.addUser({ pool: 'customer', email, password, status: 'RESET_REQUIRED' }).sub,
    givenOrder: async ({ userId, orderReference }) => fake.addOrder(userId, orderReference),
    // The invitation is Cognito's "forgot password" mail, which the staff pool's trigger words as an invitation.
    mailedCode: async (email, purpose) => fake.mailedCode(email, purpose === 'invitation' ? 'reset' : purpose),
    staffGroups: async (email) => [...(fake.users.get(`staff|${email}`)?.groups ?? [])].sort(),
    freshEmail: () => fake.freshEmail(),
  };
});

const IP = '203.0.113.7';
const PASSWORD = 'Correct-Horse-9-battery';

async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    return error as AppError;
  }
  throw new Error('expected the call to fail');
}

describe('the Cognito calls the adapter makes', () => {
  it('signs in with USER_PASSWORD_AUTH, then answers EMAIL_OTP with EMAIL_OTP_CODE and the user name Cognito named', async () => {
    const fake = installFakeCognito();
    const email = fake.freshEmail();
    const user = fake.addUser({ pool: 'customer', email, password: PASSWORD, status: 'CONFIRMED' });

    const challenge = await cognito.startPasswordSignIn({
      pool: 'customer',
      email: ` ${email.toUpperCase()} `,
      password: PASSWORD,
      locale: 'en',
      sourceIp: IP,
    });
    const signedIn = await cognito.answerEmailCode({
      pool: 'customer',
      email,
      session: challenge.session,
      code: fake.mailedCode(email, 'sign-in'),
      sourceIp: IP,
    });

    expect(fake.inputs('InitiateAuth')).toEqual([
      { ClientId: CLIENT_IDS.customer, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: email, PASSWORD } },
    ]);
    const [answer] = fake.inputs('RespondToAuthChallenge');
    expect(answer).toEqual({
      ClientId: CLIENT_IDS.customer,
      ChallengeName: 'EMAIL_OTP',
      Session: expect.any(String),
      ChallengeResponses: { USERNAME: user.username, EMAIL_OTP_CODE: fake.mailedCode(email, 'sign-in') },
    });
    // The page's session is opaque: Cognito's session is inside, not handed over as it is.
    expect(challenge.session).not.toBe(answer!.Session);
    expect(challenge.destination).toMatch(/^p\*\*\*@/);
    expect(signedIn.userId).toBe(user.sub);
  });

  it("changes the e-mail with the caller's access token: UpdateUserAttributes (the page's language), then VerifyUserAttribute; Cognito's refusals as Atrium's", async () => {
    const fake = installFakeCognito();
    const input = { userId: 'user-1', email: 'old@example.com', accessToken: 'access-token', newEmail: ' New@Example.com ' };
    fake.answer('UpdateUserAttributes', {}).answer('VerifyUserAttribute', {});
    await cognito.startEmailChange({ ...input, locale: 'pl' });
    await cognito.confirmEmailChange({ ...input, code: '123456' });
    expect(fake.inputs('UpdateUserAttributes')).toEqual([
      { AccessToken: 'access-token', UserAttributes: [{ Name: 'email', Value: 'new@example.com' }], ClientMetadata: { locale: 'pl' } },
    ]);
    expect(fake.inputs('VerifyUserAttribute')).toEqual([{ AccessToken: 'access-token', AttributeName: 'email', Code: '123456' }]);

    const refusals = [
      ['UpdateUserAttributes', 'AliasExistsException', { status: 409, code: 'EMAIL_TAKEN' }],
      ['VerifyUserAttribute', 'CodeMismatchException', { status: 400, code: 'CODE_MISMATCH' }],
      ['VerifyUserAttribute', 'ExpiredCodeException', { status: 400, code: 'CODE_EXPIRED' }],
      ['VerifyUserAttribute', 'AliasExistsException', { status: 409, code: 'EMAIL_TAKEN' }],
      ['VerifyUserAttribute', 'NotAuthorizedException', { status: 401, code: 'SESSION_EXPIRED' }],
      ['UpdateUserAttributes', 'LimitExceededException', { status: 429, code: 'TOO_MANY_REQUESTS' }],
    ] as const;
    for (const [operation, name, expected] of refusals) {
      installFakeCognito().answer(operation, cognitoError(name, name));
      const call =
        operation === 'UpdateUserAttributes'
          ? cognito.startEmailChange({ ...input, locale: 'en' })
          : cognito.confirmEmailChange({ ...input, code: '123456' });
      const refused = await failure(call);
      expect({ status: refused.statusCode, code: refused.code }, `${operation} ${name}`).toEqual(expected);
    }
  });

  it("uses the staff pool's client for staff", async () => {
    const fake = installFakeCognito();
    const email = fake.freshEmail();
    fake.addUser({ pool: 'staff', email, password: PASSWORD, status: 'CONFIRMED' });
    await cognito.startPasswordSignIn({ pool: 'staff', email, password: PASSWORD, locale: 'en', sourceIp: IP });
    expect(fake.inputs('InitiateAuth')[0]).toMatchObject({ ClientId: CLIENT_IDS.staff });
  });

  it('signs in with an order number through CUSTOM_AUTH: the order number, then the e-mailed code, as CUSTOM_CHALLENGE answers', async () => {
    const fake = installFakeCognito();
    const email = fake.freshEmail();
    const user = fake.addUser({ pool: 'customer', email, password: PASSWORD, status: 'CONFIRMED' });
    fake.addOrder(user.sub, 'JWT1001');

    const challenge = await cognito.startOrderNumberSignIn({
      pool: 'customer',
      email,
      orderReference: 'jwt 1001',
      locale: 'pl',
      sourceIp: IP,
    });
    await cognito.answerEmailCode({
      pool: 'customer',
      email,
      session: challenge.session,
      code: fake.mailedCode(email, 'sign-in'),
      sourceIp: IP,
    });

    expect(fake.inputs('InitiateAuth')).toEqual([
      { ClientId: CLIENT_IDS.customer, AuthFlow: 'CUSTOM_AUTH', AuthParameters: { USERNAME: email }, ClientMetadata: { locale: 'pl' } },
    ]);
    expect(fake.inputs('RespondToAuthChallenge')).toEqual([
      {
        ClientId: CLIENT_IDS.customer,
        ChallengeName: 'CUSTOM_CHALLENGE',
        Session: expect.any(String),
        ChallengeResponses: { USERNAME: user.username, ANSWER: 'jwt 1001' },
        ClientMetadata: { locale: 'pl' },
      },
      {
        ClientId: CLIENT_IDS.customer,
        ChallengeName: 'CUSTOM_CHALLENGE',
        Session: expect.any(String),
        ChallengeResponses: { USERNAME: user.username, ANSWER: fake.mailedCode(email, 'sign-in') },
      },
    ]);
    expect(challenge).toMatchObject({ challenge: 'EMAIL_OTP', destination: 'p***@example.com' });
  });

  it("answers a wrong order-flow code with CODE_MISMATCH and Cognito's new session, which the next try uses", async () => {
    const fake = installFakeCognito();
    const email = fake.freshEmail();
    const user = fake.addUser({ pool: 'customer', email, password: PASSWORD, status: 'CONFIRMED' });
    fake.addOrder(user.sub, 'JWT1003');
    const challenge = await cognito.startOrderNumberSignIn({
      pool: 'customer',
      email,
      orderReference: 'JWT1003',
      locale: 'en',
      sourceIp: IP,
    });
    const code = fake.mailedCode(email, 'sign-in');
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');

    const refused = await failure(
      cognito.answerEmailCode({ pool: 'customer', email, session: challenge.session, code: wrong, sourceIp: IP }),
    );
    expect(refused).toMatchObject({ statusCode: 401, code: 'CODE_MISMATCH', details: { session: expect.any(String) } });
    const retry = (refused.details as { session: string }).session;
    expect(retry).not.toBe(challenge.session);
    // The old session is spent; the new one carries on with the same e-mailed code.
    expect(
      await failure(cognito.answerEmailCode({ pool: 'customer', email, session: challenge.session, code, sourceIp: IP })),
    ).toMatchObject({
      statusCode: 401,
      code: 'CODE_MISMATCH',
    });
    await expect(cognito.answerEmailCode({ pool: 'customer', email, session: retry, code, sourceIp: IP })).resolves.toMatchObject({
      userId: user.sub,
    });
  });

  it('gives up after three wrong order-flow codes', async () => {
    const fake = installFakeCognito();
    const email = fake.freshEmail();
    const user = fake.addUser({ pool: 'customer', email, password: PASSWORD, status: 'CONFIRMED' });
    fake.addOrder(user.sub, 'JWT1004');
    let session = (await cognito.startOrderNumberSignIn({ pool: 'customer', email, orderReference: 'JWT1004', locale: 'en', sourceIp: IP }))
      .session;
    const code = fake.mailedCode(email, 'sign-in');
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      const refused = await failure(cognito.answerEmailCode({ pool: 'customer', email, session, code: wrong, sourceIp: IP }));
      expect(refused).toMatchObject({ statusCode: 401, code: 'CODE_MISMATCH' });
      if (attempt < 3) session = (refused.details as { session: string }).session;
      else expect(refused.details).toBeUndefined();
    }
  });

  it('refreshes with REFRESH_TOKEN_AUTH and signs out with RevokeToken', async () => {
    const fake = installFakeCognito();
    const email = fake.freshEmail();
    const user = fake.addUser({ pool: 'customer', email, password: PASSWORD, status: 'CONFIRMED' });
    const challenge = await cognito.startPasswordSignIn({ pool: 'customer', email, password: PASSWORD, locale: 'en', sourceIp: IP });
    const { refreshToken } = await cognito.answerEmailCode({
      pool: 'customer',
      email,
      session: challenge.session,
      code: fake.mailedCode(email, 'sign-in'),
      sourceIp: IP,
    });

    await expect(cognito.refresh({ pool: 'customer', refreshToken })).resolves.toMatchObject({ tokenType: 'Bearer', expiresIn: 900 });
    const signedOut = await cognito.signOut({ pool: 'customer', refreshToken });
    const again = await cognito.signOut({ pool: 'customer', refreshToken });

    // The owner's id comes from one refresh before the revocation; a revoked token has no owner left to sign out.
    expect(signedOut).toEqual({ userId: user.sub });
    expect(again).toEqual({ userId: undefined });

    expect(fake.inputs('InitiateAuth')[1]).toEqual({
      ClientId: CLIENT_IDS.customer,
      AuthFlow: 'REFRESH_TOKEN_AUTH',
      AuthParameters: { REFRESH_TOKEN: refreshToken },
    });
    expect(fake.inputs('RevokeToken')).toEqual([
      { ClientId: CLIENT_IDS.customer, Token: refreshToken },
      { ClientId: CLIENT_IDS.customer, Token: refreshToken },
    ]);
  });

  it('signs up with the e-mail as user name, the locale as attribute and client metadata; confirms and resends with the client', async () => {
    const fake = installFakeCognito();
    const email = fake.freshEmail();
    await cognito.signUp({ pool: 'customer', email: email.toUpperCase(), password: PASSWORD, locale: 'pl' });
    await cognito.resendConfirmation({ pool: 'customer', email, locale: 'pl' });
    await cognito.confirmSignUp({ pool: 'customer', email, code: fake.mailedCode(email, 'confirm') });

    expect(fake.inputs('SignUp')).toEqual([
      {
        ClientId: CLIENT_IDS.customer,
        Username: email,
        Password: PASSWORD,
        UserAttributes: [
          { Name: 'email', Value: email },
          { Name: 'locale', Value: 'pl' },
        ],
        ClientMetadata: { locale: 'pl' },
      },
    ]);
    expect(fake.inputs('ResendConfirmationCode')).toEqual([
      { ClientId: CLIENT_IDS.customer, Username: email, ClientMetadata: { locale: 'pl' } },
    ]);
    expect(fake.inputs('ConfirmSignUp')).toEqual([
      { ClientId: CLIENT_IDS.customer, Username: email, ConfirmationCode: expect.stringMatching(/^\d{6}$/) },
    ]);
  });

  it('resets a password with ForgotPassword and ConfirmForgotPassword, then signs the user out everywhere', async () => {
    const fake = installFakeCognito();
    const email = fake.freshEmail();
    fake.addUser({ pool: 'staff', email, password: PASSWORD, status: 'CONFIRMED' });
    await cognito.startPasswordReset({ pool: 'staff', email, locale: 'en' });
    const code = fake.mailedCode(email, 'reset');
    await cognito.finishPasswordReset({ pool: 'staff', email, code, newPassword: 'Another-Pass-42!' });

    expect(fake.inputs('ForgotPassword')).toEqual([{ ClientId: CLIENT_IDS.staff, Username: email, ClientMetadata: { locale: 'en' } }]);
    expect(fake.inputs('ConfirmForgotPassword')).toEqual([
      { ClientId: CLIENT_IDS.staff, Username: email, ConfirmationCode: code, Password: 'Another-Pass-42!' },
    ]);
    expect(fake.inputs('AdminUserGlobalSignOut')).toEqual([{ UserPoolId: USER_POOL_IDS.staff, Username: email }]);
  });

  it('creates a customer without a usable password: no invitation, e-mail verified, then a permanent random password', async () => {
    const fake = installFakeCognito();
    const email = fake.freshEmail();
    const { userId, created } = await cognito.ensureCustomerUser({ email, locale: 'pl' });

    expect(created).toBe(true);
    expect(fake.inputs('AdminGetUser')).toEqual([{ UserPoolId: USER_POOL_IDS.customer, Username: email }]);
    expect(fake.inputs('AdminCreateUser')).toEqual([
      {
        UserPoolId: USER_POOL_IDS.customer,
        Username: email,
        MessageAction: 'SUPPRESS',
        UserAttributes: [
          { Name: 'email', Value: email },
          { Name: 'email_verified', Value: 'true' },
          { Name: 'locale', Value: 'pl' },
        ],
      },
    ]);
    const [setPassword] = fake.inputs('AdminSetUserPassword');
    expect(setPassword).toMatchObject({ UserPoolId: USER_POOL_IDS.customer, Username: email, Permanent: true });
    expect(passwordPolicyProblems(setPassword!.Password as string)).toEqual([]);
    expect([...fake.users.values()].find((user) => user.sub === userId)?.status).toBe('CONFIRMED');

    await cognito.deleteUser({ pool: 'customer', email });
    expect(fake.inputs('AdminDeleteUser')).toEqual([{ UserPoolId: USER_POOL_IDS.customer, Username: email }]);
    await expect(cognito.deleteUser({ pool: 'customer', email })).resolves.toBeUndefined();
  });

  it('takes a user created by a concurrent request as the existing one', async () => {
    const fake = installFakeCognito();
    const email = fake.freshEmail();
    const other = fake.addUser({ pool: 'customer', email, status: 'CONFIRMED' });
    fake.answer('AdminGetUser', cognitoError('UserNotFoundException', 'User does not exist.'), {
      Username: other.username,
      UserAttributes: [{ Name: 'sub', Value: other.sub }],
    });
    expect(await cognito.ensureCustomerUser({ email, locale: 'en' })).toEqual({ userId: other.sub, created: false });
  });

  it('calls only the admin actions the infrastructure grants, each on its own pool', async () => {
    const fake = installFakeCognito();
    const customer = fake.freshEmail();
    const staff = fake.freshEmail();
    fake.addUser({ pool: 'staff', email: staff, password: PASSWORD, status: 'CONFIRMED' });
    await cognito.ensureCustomerUser({ email: customer, locale: 'en' });
    await cognito.startPasswordReset({ pool: 'customer', email: customer, locale: 'en' });
    await cognito.finishPasswordReset({
      pool: 'customer',
      email: customer,
      code: fake.mailedCode(customer, 'reset'),
      newPassword: PASSWORD,
    });
    await cognito.deleteUser({ pool: 'customer', email: customer });
    await cognito.startPasswordReset({ pool: 'staff', email: staff, locale: 'en' });
    await cognito.finishPasswordReset({
      pool: 'staff',
      email: staff,
      code: fake.mailedCode(staff, 'reset'),
      newPassword: 'Another-Pass-42!',
    });
    await cognito.setStaffGroups({ email: staff, groups: ['support'] });
    await cognito.setUserEnabled({ pool: 'staff', email: staff, enabled: false });
    await cognito.setUserEnabled({ pool: 'staff', email: staff, enabled: true });
    await cognito.signOutEverywhere({ pool: 'staff', email: staff });
    await cognito.deleteUser({ pool: 'staff', email: staff });
    await cognito.inviteStaffUser({ email: fake.freshEmail(), groups: ['admin'], locale: 'en' });

    const used: Record<string, Set<string>> = { [USER_POOL_IDS.customer]: new Set(), [USER_POOL_IDS.staff]: new Set() };
    for (const call of fake.calls) {
      const poolId = call.input.UserPoolId as string | undefined;
      if (poolId) used[poolId]!.add(`cognito-idp:${call.operation}`);
    }
    expect([...used[USER_POOL_IDS.customer]!].sort()).toEqual([...COGNITO_ADMIN_ACTIONS.customer].sort());
    expect([...used[USER_POOL_IDS.staff]!].sort()).toEqual([...COGNITO_ADMIN_ACTIONS.staff].sort());
  });
});

describe('the SDK client the calls go through', () => {
  // Real SDK, real HTTP: a local server plays Cognito's endpoint (the SDK's own AWS_ENDPOINT_URL_* setting points the
  // client at it), so these check what the SDK does with our client's configuration, not what a fake assumes.
  let server: Server;
  let received: Array<{ target: string; authorization: string | undefined }> = [];
  let replies: Array<{ status: number; body: unknown }> = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      request.resume();
      request.on('end', () => {
        received.push({ target: String(request.headers['x-amz-target']), authorization: request.headers.authorization });
        const reply = replies.shift() ?? { status: 200, body: {} };
        response.writeHead(reply.status, { 'content-type': 'application/x-amz-json-1.1' });
        response.end(JSON.stringify(reply.body));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  beforeEach(() => {
    received = [];
    replies = [];
    vi.stubEnv('AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER', `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIDTEST');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'secret');
  });
  afterEach(() => vi.unstubAllEnvs());
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("sends the public user-pool operations unsigned and the Admin ones signed with the function's role, in the configured region", async () => {
    // Act
    await cognito.signOut({ pool: 'customer', refreshToken: 'refresh-token' });
    await cognito.deleteUser({ pool: 'customer', email: 'anna@nordwind.example' });

    // Assess
    // Sign-out first refreshes once to learn whose token it revokes (docs/authentication.md), then revokes it.
    expect(received.map((call) => call.target)).toEqual([
      'AWSCognitoIdentityProviderService.InitiateAuth',
      'AWSCognitoIdentityProviderService.RevokeToken',
      'AWSCognitoIdentityProviderService.AdminDeleteUser',
    ]);
    expect(received[0]!.authorization).toBeUndefined();
    expect(received[1]!.authorization).toBeUndefined();
    expect(received[2]!.authorization).toMatch(
      new RegExp(`^AWS4-HMAC-SHA256 Credential=AKIDTEST/\\d{8}/${COGNITO_TEST_ENV.AWS_REGION}/cognito-idp/aws4_request, `),
    );
  });

  it('retries a throttled call and succeeds when Cognito answers the next attempt', async () => {
    // Prepare: Cognito throttles once.
    replies = [{ status: 400, body: { __type: 'TooManyRequestsException', message: 'Rate exceeded' } }];

    // Act
    await cognito.deleteUser({ pool: 'customer', email: 'anna@nordwind.example' });

    // Assess
    expect(received.map((call) => call.target)).toEqual([
      'AWSCognitoIdentityProviderService.AdminDeleteUser',
      'AWSCognitoIdentityProviderService.AdminDeleteUser',
    ]);
  });

  it('answers "too many requests" when Cognito still throttles after every attempt', async () => {
    const throttled = { status: 400, body: { __type: 'TooManyRequestsException', message: 'Rate exceeded' } };
    replies = [throttled, throttled, throttled];
    const refused = await failure(cognito.refresh({ pool: 'customer', refreshToken: 'refresh-token' }));
    expect({ status: refused.statusCode, code: refused.code }).toEqual({ status: 429, code: 'TOO_MANY_REQUESTS' });
    expect(received).toHaveLength(3);
  });
});

describe("how Cognito's errors reach the user", () => {
  type Outcome = { status: number; code: string } | 'resolves' | 'rethrown';
  type Call = () => Promise<unknown>;

  const email = 'anna@nordwind.example';
  const session = Buffer.from(JSON.stringify({ c: 'EMAIL_OTP', s: 'cognito-session', u: 'user-1' })).toString('base64url');
  const calls = {
    startPasswordSignIn: () => cognito.startPasswordSignIn({ pool: 'customer', email, password: PASSWORD, locale: 'en', sourceIp: IP }),
    startOrderNumberSignIn: () =>
      cognito.startOrderNumberSignIn({ pool: 'customer', email, orderReference: 'JWT1001', locale: 'en', sourceIp: IP }),
    answerEmailCode: () => cognito.answerEmailCode({ pool: 'customer', email, session, code: '123456', sourceIp: IP }),
    signUp: () => cognito.signUp({ pool: 'customer', email, password: 'short', locale: 'en' }),
    confirmSignUp: () => cognito.confirmSignUp({ pool: 'customer', email, code: '123456' }),
    resendConfirmation: () => cognito.resendConfirmation({ pool: 'customer', email, locale: 'en' }),
    refresh: () => cognito.refresh({ pool: 'customer', refreshToken: 'refresh-token' }),
    // Nothing to revoke means no user either: the use case has no access tokens to refuse.
    signOut: () => cognito.signOut({ pool: 'customer', refreshToken: 'refresh-token' }).then(({ userId }) => userId),
    startPasswordReset: () => cognito.startPasswordReset({ pool: 'customer', email, locale: 'en' }),
    finishPasswordReset: () => cognito.finishPasswordReset({ pool: 'customer', email, code: '123456', newPassword: PASSWORD }),
    deleteUser: () => cognito.deleteUser({ pool: 'customer', email }),
  } satisfies Record<string, Call>;

  const invalidCredentials = { status: 401, code: 'INVALID_CREDENTIALS' };
  const signInCode = { status: 401, code: 'CODE_MISMATCH' };
  const linkCode = { status: 400, code: 'CODE_MISMATCH' };
  const linkExpired = { status: 400, code: 'CODE_EXPIRED' };
  const tooMany = { status: 429, code: 'TOO_MANY_REQUESTS' };

  const cases: Array<[keyof typeof calls, string, string, Outcome]> = [
    ['startPasswordSignIn', 'NotAuthorizedException', 'Incorrect username or password.', invalidCredentials],
    ['startPasswordSignIn', 'UserNotFoundException', 'User does not exist.', invalidCredentials],
    ['startPasswordSignIn', 'UserNotConfirmedException', 'User is not confirmed.', { status: 403, code: 'EMAIL_NOT_CONFIRMED' }],
    [
      'startPasswordSignIn',
      'PasswordResetRequiredException',
      'Password reset required for the user',
      { status: 403, code: 'PASSWORD_RESET_REQUIRED' },
    ],
    ['startPasswordSignIn', 'LimitExceededException', 'Attempt limit exceeded, please try after some time.', tooMany],
    ['startPasswordSignIn', 'TooManyRequestsException', 'Too many requests', tooMany],
    ['startPasswordSignIn', 'TooManyFailedAttemptsException', 'Too many failed attempts', tooMany],
    ['startPasswordSignIn', 'InternalErrorException', 'Internal error', 'rethrown'],
    ['startOrderNumberSignIn', 'NotAuthorizedException', 'Incorrect username or password.', invalidCredentials],
    ['startOrderNumberSignIn', 'UserNotConfirmedException', 'User is not confirmed.', invalidCredentials],
    ['startOrderNumberSignIn', 'LimitExceededException', 'Attempt limit exceeded', tooMany],
    ['answerEmailCode', 'CodeMismatchException', 'Invalid code received for user', signInCode],
    ['answerEmailCode', 'ExpiredCodeException', 'Invalid code provided, please request a code again.', signInCode],
    ['answerEmailCode', 'NotAuthorizedException', 'Invalid session for the user, session is expired.', signInCode],
    ['answerEmailCode', 'TooManyFailedAttemptsException', 'Too many failed attempts', tooMany],
    ['signUp', 'UsernameExistsException', 'An account with the given email already exists.', { status: 409, code: 'ALREADY_REGISTERED' }],
    ['signUp', 'InvalidPasswordException', 'Password did not conform with policy', { status: 400, code: 'WEAK_PASSWORD' }],
    ['signUp', 'InvalidParameterException', 'Invalid email address format.', 'rethrown'],
    ['confirmSignUp', 'CodeMismatchException', 'Invalid verification code provided, please try again.', linkCode],
    ['confirmSignUp', 'ExpiredCodeException', 'Invalid code provided, please request a code again.', linkExpired],
    ['confirmSignUp', 'NotAuthorizedException', 'User cannot be confirmed. Current status is CONFIRMED', 'resolves'],
    ['confirmSignUp', 'LimitExceededException', 'Attempt limit exceeded', tooMany],
    ['resendConfirmation', 'UserNotFoundException', 'Username/client id combination not found.', 'resolves'],
    ['resendConfirmation', 'InvalidParameterException', 'User is already confirmed.', 'resolves'],
    ['resendConfirmation', 'LimitExceededException', 'Attempt limit exceeded', tooMany],
    ['refresh', 'NotAuthorizedException', 'Refresh Token has been revoked', { status: 401, code: 'SESSION_EXPIRED' }],
    ['refresh', 'TooManyRequestsException', 'Too many requests', tooMany],
    ['signOut', 'UnsupportedTokenTypeException', 'Unsupported token type', 'resolves'],
    ['startPasswordReset', 'UserNotFoundException', 'Username/client id combination not found.', 'resolves'],
    [
      'startPasswordReset',
      'InvalidParameterException',
      'Cannot reset password for the user as there is no registered/verified email',
      'resolves',
    ],
    ['startPasswordReset', 'LimitExceededException', 'Attempt limit exceeded', tooMany],
    ['finishPasswordReset', 'CodeMismatchException', 'Invalid verification code provided, please try again.', linkCode],
    ['finishPasswordReset', 'ExpiredCodeException', 'Invalid code provided, please request a code again.', linkExpired],
    ['finishPasswordReset', 'InvalidPasswordException', 'Password did not conform with policy', { status: 400, code: 'WEAK_PASSWORD' }],
    ['finishPasswordReset', 'LimitExceededException', 'Attempt limit exceeded', tooMany],
    ['deleteUser', 'UserNotFoundException', 'User does not exist.', 'resolves'],
  ];

  const rows = cases.map(([call, name, message, outcome]) => [call, name, outcome, message] as const);

  it.each(rows)('%s: %s becomes %j', async (call, name, outcome, message) => {
    // Prepare
    const error = cognitoError(name, message);
    installFakeCognito().answer('*', error);

    // Act
    const result = calls[call]();

    // Assess
    if (outcome === 'resolves') return expect(result).resolves.toBeUndefined();
    if (outcome === 'rethrown') return expect(result).rejects.toBe(error);
    const refused = await failure(result);
    expect({ status: refused.statusCode, code: refused.code }).toEqual(outcome);
    expect(refused.message).toMatch(/^[A-Z].*\.$/);
    expect(refused.message).not.toContain(message);
  });

  it.each([
    ['the network failing', Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })],
    ['a timeout', Object.assign(new Error('Connection timed out after 1000 ms'), { name: 'TimeoutError' })],
  ])('rethrows an error that did not come from Cognito (%s) as it is', async (_what, error) => {
    installFakeCognito().answer('*', error);
    await expect(calls.startPasswordSignIn()).rejects.toBe(error);
  });

  it('mails the confirmation link again when an unconfirmed user signs in with the right password', async () => {
    const fake = installFakeCognito()
      .answer('InitiateAuth', cognitoError('UserNotConfirmedException', 'User is not confirmed.'))
      .answer('ResendConfirmationCode', {});
    await failure(calls.startPasswordSignIn());
    expect(fake.inputs('ResendConfirmationCode')).toEqual([
      { ClientId: CLIENT_IDS.customer, Username: email, ClientMetadata: { locale: 'en' } },
    ]);
  });

  it('refuses a session the adapter did not issue without asking Cognito', async () => {
    const fake = installFakeCognito();
    const refused = await failure(
      cognito.answerEmailCode({ pool: 'customer', email, session: 'not-a-session-we-made', code: '123456', sourceIp: IP }),
    );
    expect({ status: refused.statusCode, code: refused.code }).toEqual(signInCode);
    expect(fake.calls).toHaveLength(0);
  });

  it('sends a user who must choose a first password to "forgot password"', async () => {
    installFakeCognito().answer('InitiateAuth', {
      ChallengeName: 'NEW_PASSWORD_REQUIRED',
      Session: 'cognito-session',
      ChallengeParameters: {},
    });
    const refused = await failure(calls.startPasswordSignIn());
    expect({ status: refused.statusCode, code: refused.code }).toEqual({ status: 403, code: 'PASSWORD_RESET_REQUIRED' });
  });
});

describe('staff administration in Cognito', () => {
  it("invites without Cognito's temporary password: created confirmed, in its groups, then the invitation as a reset mail", async () => {
    const fake = installFakeCognito();
    const email = fake.freshEmail();
    await cognito.inviteStaffUser({ email: email.toUpperCase(), groups: ['support', 'billing'], locale: 'pl' });
    expect(fake.calls.map((call) => call.operation)).toEqual([
      'AdminCreateUser',
      'AdminSetUserPassword',
      'AdminAddUserToGroup',
      'AdminAddUserToGroup',
      'ForgotPassword',
    ]);
    expect(fake.inputs('AdminCreateUser')[0]).toMatchObject({
      UserPoolId: USER_POOL_IDS.staff,
      Username: email,
      MessageAction: 'SUPPRESS',
      UserAttributes: expect.arrayContaining([
        { Name: 'email_verified', Value: 'true' },
        { Name: 'locale', Value: 'pl' },
      ]),
    });
    expect(fake.inputs('AdminSetUserPassword')[0]).toMatchObject({ Permanent: true });
    expect(fake.inputs('AdminAddUserToGroup').map((input) => input.GroupName)).toEqual(['support', 'billing']);
    // The staff pool's custom message trigger words this "forgot password" mail as the invitation, in Polish.
    expect(fake.inputs('ForgotPassword')[0]).toEqual({
      ClientId: CLIENT_IDS.staff,
      Username: email,
      ClientMetadata: { locale: 'pl', purpose: 'staff-invitation' },
    });
  });

  it('undoes the user when a later step of the invitation fails, so the admin can invite again', async () => {
    const fake = installFakeCognito();
    const email = fake.freshEmail();
    fake.answer('ForgotPassword', cognitoError('LimitExceededException', 'Attempt limit exceeded'));
    expect((await failure(cognito.inviteStaffUser({ email, groups: ['admin'], locale: 'en' }))).code).toBe('TOO_MANY_REQUESTS');
    expect(fake.inputs('AdminDeleteUser')).toEqual([{ UserPoolId: USER_POOL_IDS.staff, Username: email }]);
    expect(fake.users.has(`staff|${email}`)).toBe(false);
  });

  it('sets groups by adding the wanted staff groups and removing the others, without reading them first', async () => {
    const fake = installFakeCognito();
    const email = fake.freshEmail();
    fake.addUser({ pool: 'staff', email, password: PASSWORD, status: 'CONFIRMED' });
    await cognito.setStaffGroups({ email, groups: ['billing'] });
    expect(fake.calls.map((call) => [call.operation, call.input.GroupName])).toEqual([
      ['AdminRemoveUserFromGroup', 'admin'],
      ['AdminRemoveUserFromGroup', 'support'],
      ['AdminAddUserToGroup', 'billing'],
    ]);
  });
});
