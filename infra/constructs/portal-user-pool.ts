// A Cognito user pool for one audience of the portal (customers or staff) and the portal's public app client.
// Both audiences sign in the same way: password, then a one-time code e-mailed by Cognito through SES.

import { Duration, Validations } from 'aws-cdk-lib';
import {
  AccountRecovery,
  FeaturePlan,
  Mfa,
  StandardThreatProtectionMode,
  UserPool,
  UserPoolClient,
  UserPoolEmail,
  UserPoolGroup,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
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
}

export class PortalUserPool extends Construct {
  readonly userPool: UserPool;
  readonly client: UserPoolClient;

  constructor(scope: Construct, id: string, props: PortalUserPoolProps) {
    super(scope, id);
    const { config, audience } = props;

    this.userPool = new UserPool(this, 'Pool', {
      userPoolName: resourceName(config, audience),
      signInAliases: { email: true },
      signInCaseSensitive: false,
      selfSignUpEnabled: props.selfSignUp,
      autoVerify: { email: true },
      keepOriginal: { email: true },
      standardAttributes: { email: { required: true, mutable: true } },
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
      ...(config.featurePlan === FeaturePlan.PLUS
        ? { standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION }
        : {}),
      deletionProtection: config.deletionProtection,
      removalPolicy: config.removalPolicy,
    });

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
      authFlows: { userPassword: true },
      disableOAuth: true,
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      accessTokenValidity: Duration.minutes(15),
      idTokenValidity: Duration.minutes(15),
      refreshTokenValidity: props.refreshTokenValidity,
      // Time allowed between the password step and typing the e-mailed code.
      authSessionValidity: Duration.minutes(5),
    });
  }

  /** The issuer the API's JWT authorizer trusts. */
  get issuerUrl(): string {
    return this.userPool.userPoolProviderUrl;
  }
}
