// A Cognito user pool for one audience of the portal (customers or staff) and the portal's public app client.
// Both audiences sign in the same way: password, then a one-time code e-mailed by Cognito through SES. Customers may
// also sign in with an order number instead of the password (a custom auth flow run by Atrium's trigger functions).

import { Duration, Validations } from 'aws-cdk-lib';
import {
  AccountRecovery,
  CustomThreatProtectionMode,
  FeaturePlan,
  Mfa,
  StandardThreatProtectionMode,
  UserPool,
  type UserPoolClient,
  UserPoolEmail,
  UserPoolGroup,
  UserPoolOperation,
} from 'aws-cdk-lib/aws-cognito';
import { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import type { CognitoTriggerOperation } from '#functions/workers.ts';
import type { PoolName } from '#shared/config.ts';
import { resourceName, type StageConfig } from '#infra/config.ts';

export interface PortalUserPoolProps {
  config: StageConfig;
  audience: PoolName;
  /** Customers register themselves; staff are invited by an admin. */
  selfSignUp: boolean;
  /** Groups created in the pool; they arrive in the access token's `cognito:groups` claim. */
  groups?: readonly string[];
  refreshTokenValidity: Duration;
  /**
   * The functions Cognito invokes, by trigger, as ARNs. They live in the API stack with every other function and are
   * found by their fixed names, so this stack holds no reference to that one; the API stack grants Cognito the right
   * to invoke them. A DefineAuthChallenge trigger turns on the custom auth flow of the pool's client.
   */
  triggers?: Partial<Record<CognitoTriggerOperation, string>>;
}

const TRIGGER_OPERATIONS: Record<CognitoTriggerOperation, UserPoolOperation> = {
  DefineAuthChallenge: UserPoolOperation.DEFINE_AUTH_CHALLENGE,
  CreateAuthChallenge: UserPoolOperation.CREATE_AUTH_CHALLENGE,
  VerifyAuthChallengeResponse: UserPoolOperation.VERIFY_AUTH_CHALLENGE_RESPONSE,
  CustomMessage: UserPoolOperation.CUSTOM_MESSAGE,
};

export class PortalUserPool extends Construct {
  readonly userPool: UserPool;
  readonly client: UserPoolClient;

  constructor(scope: Construct, id: string, props: PortalUserPoolProps) {
    super(scope, id);
    const { config, audience } = props;
    const triggers = Object.entries(props.triggers ?? {}) as Array<[CognitoTriggerOperation, string]>;
    const customAuth = triggers.some(([operation]) => operation === 'DefineAuthChallenge');
    const plus = config.featurePlan === FeaturePlan.PLUS;

    this.userPool = new UserPool(this, 'Pool', {
      userPoolName: resourceName(config, audience),
      signInAliases: { email: true },
      signInCaseSensitive: false,
      selfSignUpEnabled: props.selfSignUp,
      autoVerify: { email: true },
      // A new e-mail address takes effect only once its code is confirmed; until then the old one signs in.
      keepOriginal: { email: true },
      // `locale` (en, pl) picks the language of the e-mails the pool's triggers write.
      standardAttributes: { email: { required: true, mutable: true }, locale: { required: false, mutable: true } },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      // The second factor is a code e-mailed by Cognito; no SMS (cost, SIM swapping), no authenticator apps.
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { sms: false, otp: false, email: true },
      email: UserPoolEmail.withSES({
        fromEmail: config.mail.from,
        fromName: config.mail.fromName,
        sesVerifiedDomain: config.mail.domain,
        sesRegion: config.region,
      }),
      featurePlan: config.featurePlan,
      ...(plus ? { standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION } : {}),
      // For the order-number flow, risks are recorded but not acted on: an enforced response could add a Cognito MFA
      // step or a block in the middle of Atrium's own challenges, which the adapter does not expect. The flow ends in
      // an e-mailed code anyway.
      ...(plus && customAuth ? { customThreatProtectionMode: CustomThreatProtectionMode.AUDIT_ONLY } : {}),
      deletionProtection: config.deletionProtection,
      removalPolicy: config.removalPolicy,
    });

    for (const [operation, functionArn] of triggers) {
      // skipPermissions: the function does not exist yet when this stack deploys first; the API stack, which builds
      // it, grants cognito-idp.amazonaws.com the invoke permission for this pool.
      const trigger = LambdaFunction.fromFunctionAttributes(this, `${operation}Trigger`, {
        functionArn,
        sameEnvironment: false,
        skipPermissions: true,
      });
      this.userPool.addTrigger(TRIGGER_OPERATIONS[operation], trigger);
    }

    if (config.featurePlan !== FeaturePlan.PLUS) {
      Validations.of(this.userPool).acknowledge({
        id: 'AwsSolutions-COG8',
        reason:
          'Non-production stage: the ESSENTIALS plan keeps e-mail MFA without the per-user cost of PLUS threat protection, which prod enables.',
      });
    }

    for (const group of props.groups ?? []) {
      new UserPoolGroup(this, `Group-${group}`, { userPool: this.userPool, groupName: group });
    }

    this.client = this.userPool.addClient('WebClient', {
      userPoolClientName: resourceName(config, `${audience}-web`),
      // A browser and our own API call Cognito with this client: a secret could not be kept.
      generateSecret: false,
      authFlows: { userPassword: true, custom: customAuth },
      disableOAuth: true,
      preventUserExistenceErrors: true,
      // Sign-out revokes the refresh token. Rotation stays off: it cannot be used with REFRESH_TOKEN_AUTH, and the
      // identity port's refresh hands back access and ID tokens only.
      enableTokenRevocation: true,
      accessTokenValidity: Duration.minutes(15),
      idTokenValidity: Duration.minutes(15),
      refreshTokenValidity: props.refreshTokenValidity,
      // Time allowed between one sign-in step and the next: 10 minutes, as the code e-mails promise (Cognito allows 3-15).
      authSessionValidity: Duration.minutes(10),
    });
  }

  /** The issuer the API's JWT authorizer trusts. */
  get issuerUrl(): string {
    return this.userPool.userPoolProviderUrl;
  }
}
