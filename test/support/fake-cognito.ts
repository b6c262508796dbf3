// Cognito's part in the identity contract, in memory, answering the Cognito adapter's SDK commands through
// aws-sdk-client-mock (every CognitoIdentityProviderClient's send is stubbed while it is installed): users and their statuses, the codes it would e-mail, single-use auth sessions, refresh
// tokens and revocation, the pool's password policy, and PreventUserExistenceErrors. The custom auth flow runs Atrium's
// own trigger decisions (shared/identity/custom-auth.ts) as Cognito would invoke them, with the order check answered
// from the orders the test gave. Every call is recorded; other services' clients (DynamoDB Local) are not touched.

import { randomBytes, randomUUID } from 'node:crypto';
import {
  CognitoIdentityProviderClient,
  CognitoIdentityProviderServiceException,
  type AdminAddUserToGroupCommandInput,
  type AdminCreateUserCommandInput,
  type AdminDisableUserCommandInput,
  type AdminEnableUserCommandInput,
  type AdminRemoveUserFromGroupCommandInput,
  type AdminDeleteUserCommandInput,
  type AdminGetUserCommandInput,
  type AdminSetUserPasswordCommandInput,
  type AdminUserGlobalSignOutCommandInput,
  type ChangePasswordCommandInput,
  type AttributeType,
  type ConfirmForgotPasswordCommandInput,
  type ConfirmSignUpCommandInput,
  type ForgotPasswordCommandInput,
  type InitiateAuthCommandInput,
  type ResendConfirmationCodeCommandInput,
  type RespondToAuthChallengeCommandInput,
  type RevokeTokenCommandInput,
  type SignUpCommandInput,
  type UpdateUserAttributesCommandInput,
  type VerifyUserAttributeCommandInput,
} from '@aws-sdk/client-cognito-identity-provider';
import { mockClient, type AwsClientStub } from 'aws-sdk-client-mock';
import type { PoolName } from '#shared/config.ts';
import { normaliseEmail } from '#shared/email.ts';
import { type CognitoOperation, cognitoCommands } from '#shared/identity/cognito-client.ts';
import {
  type ChallengeRound,
  createAuthChallenge,
  CUSTOM_CHALLENGE,
  defineAuthChallenge,
  verifyAuthChallenge,
} from '#shared/identity/custom-auth.ts';
import { normaliseOrderReference } from '#shared/identity/order-sign-in.ts';
import { passwordPolicyProblems } from '#shared/identity/password-policy.ts';
import type { MailPurpose } from './identity-contract.ts';

export const CLIENT_IDS: Record<PoolName, string> = { customer: 'customer-client-id', staff: 'staff-client-id' };
export const USER_POOL_IDS: Record<PoolName, string> = { customer: 'eu-central-1_Customers', staff: 'eu-central-1_Staff' };

/** The environment shared/config.ts reads, pointing the Cognito adapter at the fake's pools and clients. */
export const COGNITO_TEST_ENV = {
  TABLE_NAME: 'atrium-unit',
  MAIL_FROM: 'no-reply@mail.atrium.test',
  IDENTITY_ADAPTER: 'cognito',
  CUSTOMER_CLIENT_ID: CLIENT_IDS.customer,
  STAFF_CLIENT_ID: CLIENT_IDS.staff,
  CUSTOMER_USER_POOL_ID: USER_POOL_IDS.customer,
  STAFF_USER_POOL_ID: USER_POOL_IDS.staff,
  AWS_REGION: 'eu-central-1',
};

type Status = 'UNCONFIRMED' | 'CONFIRMED' | 'RESET_REQUIRED' | 'FORCE_CHANGE_PASSWORD';

interface User {
  pool: PoolName;
  /** Cognito's own user name: a UUID in pools that sign in by e-mail. */
  username: string;
  sub: string;
  email: string;
  password?: string;
  status: Status;
  attributes: Record<string, string>;
  /** The pool's groups the user is in. */
  groups: Set<string>;
  /** AdminDisableUser sets it to false. */
  enabled: boolean;
  /** A new e-mail waiting for its code (the pool keeps the original until it is verified). */
  pendingEmail?: string;
}

type Session =
  | { kind: 'EMAIL_OTP'; pool: PoolName; username: string; code: string; attempts: number }
  | {
      kind: typeof CUSTOM_CHALLENGE;
      pool: PoolName;
      email: string;
      username: string | undefined;
      rounds: ChallengeRound[];
      privateParameters: Record<string, string>;
      metadata: string;
    };

/** An error as the SDK throws it when Cognito refuses a call: named after Cognito's exception. */
export function cognitoError(name: string, message: string): CognitoIdentityProviderServiceException {
  return new CognitoIdentityProviderServiceException({ name, message, $fault: 'client', $metadata: { httpStatusCode: 400 } });
}

const fail = cognitoError;
const incorrect = () => fail('NotAuthorizedException', 'Incorrect username or password.');
const attributeList = (attributes: Record<string, string>): AttributeType[] =>
  Object.entries(attributes).map(([Name, Value]) => ({ Name, Value }));
const attributesOf = (list: AttributeType[] | undefined) => Object.fromEntries((list ?? []).map(({ Name, Value }) => [Name!, Value ?? '']));
const sixDigits = () => String(Math.floor(Math.random() * 1_000_000)).padStart(6, '0');

/** An unsigned JWT with the claims the adapter reads; Cognito's are signed, but the adapter does not verify them. */
function fakeJwt(claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'RS256', kid: 'fake' })}.${part(claims)}.${randomBytes(16).toString('base64url')}`;
}

/** One call the adapter made, as Cognito received it. */
export interface CognitoCall {
  operation: CognitoOperation;
  /** The command's input as it would go on the wire (members left undefined are not sent). */
  input: Record<string, unknown>;
}

/** What a test makes Cognito answer instead of the fake's own behaviour: an output, or an error to throw. */
type Answer = Record<string, unknown> | Error;

export class FakeCognito {
  readonly users = new Map<string, User>();
  /** The newest code "e-mailed" per address and purpose. */
  readonly mailed = new Map<string, string>();
  readonly sessions = new Map<string, Session>();
  readonly refreshTokens = new Map<string, { pool: PoolName; username: string; revoked: boolean }>();
  readonly orders = new Set<string>();
  /** Every Cognito call, in order. */
  readonly calls: CognitoCall[] = [];
  private readonly answers = new Map<CognitoOperation | '*', Answer[]>();
  private emails = 0;

  private readonly api: Record<CognitoOperation, (input: unknown) => unknown> = {
    SignUp: (input) => this.signUp(input as SignUpCommandInput),
    ConfirmSignUp: (input) => this.confirmSignUp(input as ConfirmSignUpCommandInput),
    ResendConfirmationCode: (input) => this.resendConfirmationCode(input as ResendConfirmationCodeCommandInput),
    InitiateAuth: (input) => this.initiateAuth(input as InitiateAuthCommandInput),
    RespondToAuthChallenge: (input) => this.respondToAuthChallenge(input as RespondToAuthChallengeCommandInput),
    RevokeToken: (input) => this.revokeToken(input as RevokeTokenCommandInput),
    ForgotPassword: (input) => this.forgotPassword(input as ForgotPasswordCommandInput),
    ConfirmForgotPassword: (input) => this.confirmForgotPassword(input as ConfirmForgotPasswordCommandInput),
    ChangePassword: (input) => this.changePassword(input as ChangePasswordCommandInput),
    AdminUserGlobalSignOut: (input) => this.adminUserGlobalSignOut(input as AdminUserGlobalSignOutCommandInput),
    AdminGetUser: (input) => this.adminGetUser(input as AdminGetUserCommandInput),
    AdminCreateUser: (input) => this.adminCreateUser(input as AdminCreateUserCommandInput),
    AdminSetUserPassword: (input) => this.adminSetUserPassword(input as AdminSetUserPasswordCommandInput),
    AdminDeleteUser: (input) => this.adminDeleteUser(input as AdminDeleteUserCommandInput),
    AdminAddUserToGroup: (input) => this.adminSetGroup(input as AdminAddUserToGroupCommandInput, true),
    AdminRemoveUserFromGroup: (input) => this.adminSetGroup(input as AdminRemoveUserFromGroupCommandInput, false),
    AdminDisableUser: (input) => this.adminSetEnabled(input as AdminDisableUserCommandInput, false),
    AdminEnableUser: (input) => this.adminSetEnabled(input as AdminEnableUserCommandInput, true),
    UpdateUserAttributes: (input) => this.updateUserAttributes(input as UpdateUserAttributesCommandInput),
    VerifyUserAttribute: (input) => this.verifyUserAttribute(input as VerifyUserAttributeCommandInput),
  };

  /** Answers one command sent to Cognito: a test's arranged answer, else the fake's own behaviour. */
  async receive(operation: CognitoOperation, sent: unknown): Promise<unknown> {
    // What would go on the wire: JSON drops the members left undefined.
    const input = JSON.parse(JSON.stringify(sent ?? {})) as Record<string, unknown>;
    this.calls.push({ operation, input });
    const answer = this.nextAnswer(operation);
    if (answer instanceof Error) throw answer;
    return answer ?? this.api[operation](input);
  }

  /** The input of every call of one operation, in order. */
  inputs(operation: CognitoOperation): Record<string, unknown>[] {
    return this.calls.filter((call) => call.operation === operation).map((call) => call.input);
  }

  /**
   * Answers the coming calls of one operation (`*`: of every operation) with these, in turn, instead of playing
   * Cognito; the last keeps answering.
   */
  answer(operation: CognitoOperation | '*', ...answers: Answer[]): this {
    this.answers.set(operation, answers);
    return this;
  }

  private nextAnswer(operation: CognitoOperation): Answer | undefined {
    const queue = this.answers.get(operation) ?? this.answers.get('*');
    if (!queue?.length) return undefined;
    return queue.length > 1 ? queue.shift() : queue[0];
  }

  // ---- What the tests arrange and read --------------------------------------------------------------------------

  freshEmail(): string {
    this.emails += 1;
    return `person${this.emails}.${randomUUID().slice(0, 8)}@example.com`;
  }

  addUser(input: { pool: PoolName; email: string; password?: string; status: Status; locale?: string }): User {
    const sub = randomUUID();
    const email = normaliseEmail(input.email);
    const user: User = {
      pool: input.pool,
      username: sub,
      sub,
      email,
      ...(input.password === undefined ? {} : { password: input.password }),
      status: input.status,
      attributes: { sub, email, email_verified: String(input.status !== 'UNCONFIRMED'), locale: input.locale ?? 'en' },
      groups: new Set(),
      enabled: true,
    };
    this.users.set(`${input.pool}|${email}`, user);
    return user;
  }

  addOrder(userId: string, reference: string): void {
    this.orders.add(`${userId}|${normaliseOrderReference(reference)}`);
  }

  mailedCode(email: string, purpose: MailPurpose): string {
    const code = this.mailed.get(`${normaliseEmail(email)}|${purpose}`);
    if (!code) throw new Error(`Cognito has mailed no ${purpose} code to ${email}`);
    return code;
  }

  // ---- Lookups ----------------------------------------------------------------------------------------------------

  private poolOfClient(clientId: string | undefined): PoolName {
    const pool = (Object.keys(CLIENT_IDS) as PoolName[]).find((name) => CLIENT_IDS[name] === clientId);
    if (!pool) throw fail('InvalidParameterException', `Unknown client ${clientId}`);
    return pool;
  }

  private poolOfId(userPoolId: string | undefined): PoolName {
    const pool = (Object.keys(USER_POOL_IDS) as PoolName[]).find((name) => USER_POOL_IDS[name] === userPoolId);
    if (!pool) throw fail('InvalidParameterException', `Unknown user pool ${userPoolId}`);
    return pool;
  }

  /** By e-mail (an alias) or by Cognito's user name, as Cognito accepts either. */
  private find(pool: PoolName, name: string | undefined): User | undefined {
    if (!name) return undefined;
    return (
      this.users.get(`${pool}|${normaliseEmail(name)}`) ??
      [...this.users.values()].find((user) => user.pool === pool && user.username === name)
    );
  }

  private mail(email: string, purpose: MailPurpose, code: string): void {
    this.mailed.set(`${email}|${purpose}`, code);
  }

  private newSession(session: Session): string {
    const id = randomBytes(48).toString('base64url');
    this.sessions.set(id, session);
    return id;
  }

  /** Every answer spends its session, as Cognito's are single use. */
  private takeSession(id: string | undefined): Session {
    const session = id ? this.sessions.get(id) : undefined;
    if (!session || !id) throw fail('NotAuthorizedException', 'Invalid session for the user, session can only be used once.');
    this.sessions.delete(id);
    return session;
  }

  private tokens(user: User) {
    const RefreshToken = randomBytes(32).toString('base64url');
    this.refreshTokens.set(RefreshToken, { pool: user.pool, username: user.username, revoked: false });
    return {
      AuthenticationResult: {
        AccessToken: fakeJwt({ sub: user.sub, token_use: 'access', client_id: CLIENT_IDS[user.pool] }),
        IdToken: fakeJwt({ sub: user.sub, email: user.email, token_use: 'id', aud: CLIENT_IDS[user.pool] }),
        RefreshToken,
        ExpiresIn: 900,
        TokenType: 'Bearer',
      },
      ChallengeParameters: {},
    };
  }

  private checkPolicy(password: string | undefined): void {
    const problems = passwordPolicyProblems(password ?? '');
    if (problems.length) throw fail('InvalidPasswordException', `Password did not conform with policy: needs ${problems.join(', ')}`);
  }

  // ---- The API ----------------------------------------------------------------------------------------------------

  private signUp(input: SignUpCommandInput) {
    const pool = this.poolOfClient(input.ClientId);
    if (this.find(pool, input.Username)) throw fail('UsernameExistsException', 'An account with the given email already exists.');
    this.checkPolicy(input.Password);
    const attributes = attributesOf(input.UserAttributes);
    const user = this.addUser({
      pool,
      email: input.Username!,
      password: input.Password!,
      status: 'UNCONFIRMED',
      locale: attributes.locale,
    });
    this.mail(user.email, 'confirm', sixDigits());
    return { UserSub: user.sub, UserConfirmed: false };
  }

  private confirmSignUp(input: ConfirmSignUpCommandInput) {
    const user = this.find(this.poolOfClient(input.ClientId), input.Username);
    if (!user) throw fail('UserNotFoundException', 'Username/client id combination not found.');
    if (user.status === 'CONFIRMED') throw fail('NotAuthorizedException', 'User cannot be confirmed. Current status is CONFIRMED');
    if (this.mailed.get(`${user.email}|confirm`) !== input.ConfirmationCode)
      throw fail('CodeMismatchException', 'Invalid verification code provided, please try again.');
    this.mailed.delete(`${user.email}|confirm`);
    user.status = 'CONFIRMED';
    user.attributes.email_verified = 'true';
    return {};
  }

  private resendConfirmationCode(input: ResendConfirmationCodeCommandInput) {
    const user = this.find(this.poolOfClient(input.ClientId), input.Username);
    // PreventUserExistenceErrors: an unknown user gets a made-up delivery.
    if (!user) return { CodeDeliveryDetails: { DeliveryMedium: 'EMAIL', Destination: 'x***@e***' } };
    if (user.status !== 'UNCONFIRMED') throw fail('InvalidParameterException', 'User is already confirmed.');
    this.mail(user.email, 'confirm', sixDigits());
    return { CodeDeliveryDetails: { DeliveryMedium: 'EMAIL', Destination: 'x***@e***' } };
  }

  private async initiateAuth(input: InitiateAuthCommandInput) {
    const pool = this.poolOfClient(input.ClientId);
    const parameters = input.AuthParameters ?? {};

    if (input.AuthFlow === 'REFRESH_TOKEN_AUTH') {
      const stored = this.refreshTokens.get(parameters.REFRESH_TOKEN ?? '');
      if (!stored || stored.pool !== pool) throw fail('NotAuthorizedException', 'Invalid Refresh Token');
      if (stored.revoked) throw fail('NotAuthorizedException', 'Refresh Token has been revoked');
      const user = this.find(pool, stored.username);
      if (!user) throw fail('NotAuthorizedException', 'Invalid Refresh Token');
      if (!user.enabled) throw fail('NotAuthorizedException', 'User is disabled.');
      const { RefreshToken: _unused, ...rest } = this.tokens(user).AuthenticationResult;
      return { AuthenticationResult: rest, ChallengeParameters: {} };
    }

    if (input.AuthFlow === 'USER_PASSWORD_AUTH') {
      const user = this.find(pool, parameters.USERNAME);
      if (!user || !user.password || user.password !== parameters.PASSWORD) throw incorrect();
      if (!user.enabled) throw fail('NotAuthorizedException', 'User is disabled.');
      // Cognito says a reset is required only once the (old) password matched.
      if (user.status === 'RESET_REQUIRED') throw fail('PasswordResetRequiredException', 'Password reset required for the user');
      if (user.status === 'UNCONFIRMED') throw fail('UserNotConfirmedException', 'User is not confirmed.');
      if (user.status === 'FORCE_CHANGE_PASSWORD') {
        return {
          ChallengeName: 'NEW_PASSWORD_REQUIRED',
          Session: this.newSession({ kind: 'EMAIL_OTP', pool, username: user.username, code: '', attempts: 99 }),
        };
      }
      const code = sixDigits();
      this.mail(user.email, 'sign-in', code);
      return {
        ChallengeName: 'EMAIL_OTP',
        Session: this.newSession({ kind: 'EMAIL_OTP', pool, username: user.username, code, attempts: 0 }),
        ChallengeParameters: {
          CODE_DELIVERY_DELIVERY_MEDIUM: 'EMAIL',
          CODE_DELIVERY_DESTINATION: `${user.email[0]}***@${user.email.split('@')[1]![0]}***`,
          USER_ID_FOR_SRP: user.username,
        },
      };
    }

    if (input.AuthFlow === 'CUSTOM_AUTH') {
      const user = this.find(pool, parameters.USERNAME);
      if (user?.status === 'RESET_REQUIRED') throw fail('PasswordResetRequiredException', 'Password reset required for the user');
      return this.nextCustomRound(pool, parameters.USERNAME ?? '', user, [], input.ClientMetadata);
    }
    throw fail('InvalidParameterException', `Auth flow ${input.AuthFlow} is not enabled for this client.`);
  }

  /** Define, then Create: what Cognito does before it answers with a custom challenge (or tokens, or a refusal). */
  private nextCustomRound(
    pool: PoolName,
    email: string,
    user: User | undefined,
    rounds: ChallengeRound[],
    clientMetadata: Record<string, string> | undefined,
  ) {
    const decision = defineAuthChallenge({ session: rounds, userNotFound: !user });
    if (decision.failAuthentication || (!decision.issueTokens && decision.challengeName !== CUSTOM_CHALLENGE)) throw incorrect();
    if (decision.issueTokens) {
      if (!user) throw incorrect();
      return this.tokens(user);
    }
    const created = createAuthChallenge(
      { session: rounds, userNotFound: !user, userAttributes: user?.attributes ?? {}, clientMetadata },
      { nowEpochSeconds: Math.floor(Date.now() / 1000), newCode: sixDigits },
    );
    if (created.mail) this.mail(normaliseEmail(created.mail.to), 'sign-in', created.mail.code);
    const Session = this.newSession({
      kind: CUSTOM_CHALLENGE,
      pool,
      email,
      username: user?.username,
      rounds,
      privateParameters: created.response.privateChallengeParameters,
      metadata: created.response.challengeMetadata,
    });
    return {
      ChallengeName: CUSTOM_CHALLENGE,
      Session,
      ChallengeParameters: { ...created.response.publicChallengeParameters, USERNAME: user?.username ?? email },
    };
  }

  private async respondToAuthChallenge(input: RespondToAuthChallengeCommandInput) {
    const pool = this.poolOfClient(input.ClientId);
    const session = this.takeSession(input.Session);
    const responses = input.ChallengeResponses ?? {};
    if (session.pool !== pool || session.kind !== input.ChallengeName)
      throw fail('NotAuthorizedException', 'Invalid session for the user.');

    if (session.kind === 'EMAIL_OTP') {
      const user = this.find(pool, responses.USERNAME);
      if (!user || user.username !== session.username) throw fail('NotAuthorizedException', 'Invalid session for the user.');
      if (responses.EMAIL_OTP_CODE !== session.code) {
        // A wrong MFA code leaves the session usable for a few more tries.
        if (session.attempts + 1 < 3) this.sessions.set(input.Session!, { ...session, attempts: session.attempts + 1 });
        throw fail('CodeMismatchException', 'Invalid code received for user');
      }
      return this.tokens(user);
    }

    const user = session.username ? this.find(pool, session.username) : undefined;
    if (responses.USERNAME !== (session.username ?? session.email)) throw fail('NotAuthorizedException', 'Invalid session for the user.');
    const answerCorrect = await verifyAuthChallenge(
      {
        privateChallengeParameters: session.privateParameters,
        challengeAnswer: responses.ANSWER ?? '',
        userNotFound: !user,
        userAttributes: user?.attributes ?? {},
      },
      {
        nowEpochSeconds: Math.floor(Date.now() / 1000),
        orderReferenceBelongsToUser: async (reference, userId) => this.orders.has(`${userId}|${normaliseOrderReference(reference)}`),
      },
    );
    const rounds = [
      ...session.rounds,
      { challengeName: CUSTOM_CHALLENGE, challengeResult: answerCorrect, challengeMetadata: session.metadata },
    ];
    return this.nextCustomRound(pool, session.email, user, rounds, input.ClientMetadata);
  }

  private revokeToken(input: RevokeTokenCommandInput) {
    const stored = this.refreshTokens.get(input.Token ?? '');
    if (stored && CLIENT_IDS[stored.pool] === input.ClientId) stored.revoked = true;
    return {};
  }

  private forgotPassword(input: ForgotPasswordCommandInput) {
    const user = this.find(this.poolOfClient(input.ClientId), input.Username);
    const delivery = { CodeDeliveryDetails: { DeliveryMedium: 'EMAIL', Destination: 'x***@e***' } };
    if (!user) return delivery;
    if (user.status === 'UNCONFIRMED') {
      throw fail(
        'InvalidParameterException',
        'Cannot reset password for the user as there is no registered/verified email or phone_number',
      );
    }
    this.mail(user.email, 'reset', sixDigits());
    return delivery;
  }

  private confirmForgotPassword(input: ConfirmForgotPasswordCommandInput) {
    const user = this.find(this.poolOfClient(input.ClientId), input.Username);
    if (!user || this.mailed.get(`${user.email}|reset`) !== input.ConfirmationCode) {
      throw fail('CodeMismatchException', 'Invalid verification code provided, please try again.');
    }
    this.checkPolicy(input.Password);
    this.mailed.delete(`${user.email}|reset`);
    user.password = input.Password!;
    user.status = 'CONFIRMED';
    return {};
  }

  /** As Cognito: the user is the access token's `sub`; a wrong previous password is NotAuthorizedException. */
  private changePassword(input: ChangePasswordCommandInput) {
    const claims = JSON.parse(Buffer.from((input.AccessToken ?? '').split('.')[1] ?? '', 'base64url').toString() || '{}') as {
      sub?: string;
    };
    const user = [...this.users.values()].find((candidate) => candidate.sub === claims.sub);
    if (!user) throw fail('NotAuthorizedException', 'Invalid Access Token');
    if (user.password !== input.PreviousPassword) throw fail('NotAuthorizedException', 'Incorrect username or password.');
    this.checkPolicy(input.ProposedPassword);
    user.password = input.ProposedPassword!;
    return {};
  }

  private adminUserGlobalSignOut(input: AdminUserGlobalSignOutCommandInput) {
    const user = this.find(this.poolOfId(input.UserPoolId), input.Username);
    if (!user) throw fail('UserNotFoundException', 'User does not exist.');
    for (const stored of this.refreshTokens.values()) if (stored.username === user.username) stored.revoked = true;
    return {};
  }

  private adminGetUser(input: AdminGetUserCommandInput) {
    const user = this.find(this.poolOfId(input.UserPoolId), input.Username);
    if (!user) throw fail('UserNotFoundException', 'User does not exist.');
    return { Username: user.username, UserAttributes: attributeList(user.attributes), UserStatus: user.status, Enabled: user.enabled };
  }

  private adminCreateUser(input: AdminCreateUserCommandInput) {
    const pool = this.poolOfId(input.UserPoolId);
    if (this.find(pool, input.Username)) throw fail('UsernameExistsException', 'An account with the given email already exists.');
    const attributes = attributesOf(input.UserAttributes);
    const user = this.addUser({ pool, email: input.Username!, status: 'FORCE_CHANGE_PASSWORD', locale: attributes.locale });
    user.attributes = { ...user.attributes, ...attributes };
    // Without MessageAction SUPPRESS, Cognito would e-mail an invitation with a temporary password.
    if (input.MessageAction !== 'SUPPRESS') this.mail(user.email, 'confirm', 'INVITATION');
    return { User: { Username: user.username, Attributes: attributeList(user.attributes), UserStatus: user.status, Enabled: true } };
  }

  private adminSetUserPassword(input: AdminSetUserPasswordCommandInput) {
    const user = this.find(this.poolOfId(input.UserPoolId), input.Username);
    if (!user) throw fail('UserNotFoundException', 'User does not exist.');
    this.checkPolicy(input.Password);
    user.password = input.Password!;
    user.status = input.Permanent ? 'CONFIRMED' : 'FORCE_CHANGE_PASSWORD';
    return {};
  }

  private adminSetGroup(input: AdminAddUserToGroupCommandInput, member: boolean) {
    const user = this.find(this.poolOfId(input.UserPoolId), input.Username);
    if (!user) throw fail('UserNotFoundException', 'User does not exist.');
    if (!['admin', 'support', 'billing'].includes(input.GroupName ?? '')) throw fail('ResourceNotFoundException', 'Group not found.');
    if (member) user.groups.add(input.GroupName!);
    else user.groups.delete(input.GroupName!);
    return {};
  }

  /** Disabling also revokes the user's refresh tokens, as Cognito does. */
  private adminSetEnabled(input: AdminDisableUserCommandInput, enabled: boolean) {
    const user = this.find(this.poolOfId(input.UserPoolId), input.Username);
    if (!user) throw fail('UserNotFoundException', 'User does not exist.');
    user.enabled = enabled;
    if (!enabled) for (const stored of this.refreshTokens.values()) if (stored.username === user.username) stored.revoked = true;
    return {};
  }

  /** The user an access token belongs to (the fake's tokens are unsigned JWTs with `sub`). */
  private userOfAccessToken(token: string | undefined): User {
    const claims = JSON.parse(Buffer.from(token?.split('.')[1] ?? '', 'base64url').toString() || '{}') as { sub?: string };
    const user = [...this.users.values()].find((each) => each.sub === claims.sub);
    if (!user) throw fail('NotAuthorizedException', 'Invalid Access Token');
    return user;
  }

  /** With keepOriginal on e-mail (as the customer pool): the new address waits for its code, the old one stays the login. */
  private updateUserAttributes(input: UpdateUserAttributesCommandInput) {
    const user = this.userOfAccessToken(input.AccessToken);
    const email = attributesOf(input.UserAttributes).email;
    if (email === undefined) return {};
    const target = normaliseEmail(email);
    if (this.users.has(`${user.pool}|${target}`)) throw fail('AliasExistsException', 'An account with the given email already exists.');
    user.pendingEmail = target;
    this.mail(target, 'email-change', sixDigits());
    return { CodeDeliveryDetailsList: [{ DeliveryMedium: 'EMAIL', AttributeName: 'email', Destination: target }] };
  }

  private verifyUserAttribute(input: VerifyUserAttributeCommandInput) {
    const user = this.userOfAccessToken(input.AccessToken);
    const target = user.pendingEmail;
    if (input.AttributeName !== 'email' || !target || this.mailed.get(`${target}|email-change`) !== input.Code) {
      throw fail('CodeMismatchException', 'Invalid verification code provided, please try again.');
    }
    if (this.users.has(`${user.pool}|${target}`)) throw fail('AliasExistsException', 'An account with the given email already exists.');
    this.mailed.delete(`${target}|email-change`);
    this.users.delete(`${user.pool}|${user.email}`);
    delete user.pendingEmail;
    user.email = target;
    user.attributes.email = target;
    this.users.set(`${user.pool}|${target}`, user);
    return {};
  }

  private adminDeleteUser(input: AdminDeleteUserCommandInput) {
    const pool = this.poolOfId(input.UserPoolId);
    const user = this.find(pool, input.Username);
    if (!user) throw fail('UserNotFoundException', 'User does not exist.');
    this.users.delete(`${pool}|${user.email}`);
    return {};
  }
}

let installed: AwsClientStub<CognitoIdentityProviderClient> | undefined;

/** A new, empty Cognito that answers the adapter's calls from now on (replacing any fake installed before). */
export function installFakeCognito(): FakeCognito {
  const fake = new FakeCognito();
  installed?.restore();
  const stub = mockClient(CognitoIdentityProviderClient);
  // A command the fake does not play fails as Cognito would refuse an unknown operation.
  stub.onAnyCommand().rejects(fail('UnknownOperationException', 'The fake does not play this operation'));
  for (const [operation, command] of Object.entries(cognitoCommands) as Array<
    [CognitoOperation, (typeof cognitoCommands)[CognitoOperation]]
  >) {
    // `as never`: the stub's overloads are per command class, and this loop holds them all in one variable.
    stub.on(command as never).callsFake((input: unknown) => fake.receive(operation, input));
  }
  installed = stub;
  current = fake;
  return fake;
}

let current: FakeCognito | undefined;

/** The fake answering now: its orders stand in for the table where the adapter reads them itself. */
export function installedFakeCognito(): FakeCognito | undefined {
  return current;
}

/** Cognito clients send to the network again. */
export function uninstallFakeCognito(): void {
  installed?.restore();
  installed = undefined;
  current = undefined;
}
