// The Cognito user-pool calls Atrium makes, as commands sent over the AWS JSON protocol: the SDK's client brought its
// ~190 KB core into every auth handler, past the 250 KB bundle budget (see shared/aws/aws-json.ts).

import type {
  AdminCreateUserCommandInput,
  AdminCreateUserCommandOutput,
  AdminDeleteUserCommandInput,
  AdminDeleteUserCommandOutput,
  AdminGetUserCommandInput,
  AdminGetUserCommandOutput,
  AdminSetUserPasswordCommandInput,
  AdminSetUserPasswordCommandOutput,
  AdminUserGlobalSignOutCommandInput,
  AdminUserGlobalSignOutCommandOutput,
  ConfirmForgotPasswordCommandInput,
  ConfirmForgotPasswordCommandOutput,
  ConfirmSignUpCommandInput,
  ConfirmSignUpCommandOutput,
  ForgotPasswordCommandInput,
  ForgotPasswordCommandOutput,
  InitiateAuthCommandInput,
  InitiateAuthCommandOutput,
  ResendConfirmationCodeCommandInput,
  ResendConfirmationCodeCommandOutput,
  RespondToAuthChallengeCommandInput,
  RespondToAuthChallengeCommandOutput,
  RevokeTokenCommandInput,
  RevokeTokenCommandOutput,
  SignUpCommandInput,
  SignUpCommandOutput,
} from '@aws-sdk/client-cognito-identity-provider';
import { awsJson } from '#shared/aws/aws-json.ts';
import { config } from '#shared/config.ts';

/** The SDK's output shapes, less its metadata. Timestamps (e.g. UserCreateDate) arrive as epoch seconds, not Dates. */
type Output<T> = Omit<T, '$metadata'>;

/** One Cognito user-pool operation: its API name, its input, and (as a type only) its output. */
export abstract class CognitoCommand<I, O> {
  abstract readonly operation: string;
  /** Never set: carries the output type for `cognito().send`. */
  declare readonly output: O;
  constructor(readonly input: I) {}
}

// ---- Public operations: called unsigned, with the app client's id, as a browser would --------------------------

export class SignUpCommand extends CognitoCommand<SignUpCommandInput, Output<SignUpCommandOutput>> {
  readonly operation = 'SignUp';
}
export class ConfirmSignUpCommand extends CognitoCommand<ConfirmSignUpCommandInput, Output<ConfirmSignUpCommandOutput>> {
  readonly operation = 'ConfirmSignUp';
}
export class ResendConfirmationCodeCommand extends CognitoCommand<
  ResendConfirmationCodeCommandInput,
  Output<ResendConfirmationCodeCommandOutput>
> {
  readonly operation = 'ResendConfirmationCode';
}
export class InitiateAuthCommand extends CognitoCommand<InitiateAuthCommandInput, Output<InitiateAuthCommandOutput>> {
  readonly operation = 'InitiateAuth';
}
export class RespondToAuthChallengeCommand extends CognitoCommand<
  RespondToAuthChallengeCommandInput,
  Output<RespondToAuthChallengeCommandOutput>
> {
  readonly operation = 'RespondToAuthChallenge';
}
export class RevokeTokenCommand extends CognitoCommand<RevokeTokenCommandInput, Output<RevokeTokenCommandOutput>> {
  readonly operation = 'RevokeToken';
}
export class ForgotPasswordCommand extends CognitoCommand<ForgotPasswordCommandInput, Output<ForgotPasswordCommandOutput>> {
  readonly operation = 'ForgotPassword';
}
export class ConfirmForgotPasswordCommand extends CognitoCommand<
  ConfirmForgotPasswordCommandInput,
  Output<ConfirmForgotPasswordCommandOutput>
> {
  readonly operation = 'ConfirmForgotPassword';
}

// ---- Admin operations: SigV4-signed with the function's role (COGNITO_ADMIN_ACTIONS says which it is granted) -----

export class AdminUserGlobalSignOutCommand extends CognitoCommand<
  AdminUserGlobalSignOutCommandInput,
  Output<AdminUserGlobalSignOutCommandOutput>
> {
  readonly operation = 'AdminUserGlobalSignOut';
}
export class AdminGetUserCommand extends CognitoCommand<AdminGetUserCommandInput, Output<AdminGetUserCommandOutput>> {
  readonly operation = 'AdminGetUser';
}
export class AdminCreateUserCommand extends CognitoCommand<AdminCreateUserCommandInput, Output<AdminCreateUserCommandOutput>> {
  readonly operation = 'AdminCreateUser';
}
export class AdminSetUserPasswordCommand extends CognitoCommand<
  AdminSetUserPasswordCommandInput,
  Output<AdminSetUserPasswordCommandOutput>
> {
  readonly operation = 'AdminSetUserPassword';
}
export class AdminDeleteUserCommand extends CognitoCommand<AdminDeleteUserCommandInput, Output<AdminDeleteUserCommandOutput>> {
  readonly operation = 'AdminDeleteUser';
}

type AnyCognitoCommand =
  | SignUpCommand
  | ConfirmSignUpCommand
  | ResendConfirmationCodeCommand
  | InitiateAuthCommand
  | RespondToAuthChallengeCommand
  | RevokeTokenCommand
  | ForgotPasswordCommand
  | ConfirmForgotPasswordCommand
  | AdminUserGlobalSignOutCommand
  | AdminGetUserCommand
  | AdminCreateUserCommand
  | AdminSetUserPasswordCommand
  | AdminDeleteUserCommand;

/** The API name of every operation Atrium calls (`SignUp`, `AdminGetUser`, ...). */
export type CognitoOperation = AnyCognitoCommand['operation'];

export interface Cognito {
  send<C extends AnyCognitoCommand>(command: C): Promise<C['output']>;
}

const client: Cognito = {
  send: (command) =>
    awsJson({
      service: 'cognito-idp',
      region: config().region,
      target: `AWSCognitoIdentityProviderService.${command.operation}`,
      jsonVersion: '1.1',
      body: command.input,
      // Only the Admin* operations need IAM; the public ones take the app client's id instead of a signature.
      unsigned: !command.operation.startsWith('Admin'),
    }),
};

/** Errors leave as AwsServiceError, named after Cognito's exception (NotAuthorizedException, ...). */
export function cognito(): Cognito {
  return client;
}
