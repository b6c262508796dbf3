// The Cognito user-pool client, one per process, and the commands the Cognito adapter (shared/identity/cognito.ts)
// sends. The SDK signs the Admin* operations with the function's role and sends the public ones (SignUp,
// InitiateAuth, ...) unsigned, as its model marks them.

import { CognitoIdentityProviderClient, CognitoIdentityProviderServiceException } from '@aws-sdk/client-cognito-identity-provider';
import { clientOptions, once } from '#shared/aws/client-options.ts';
import { config } from '#shared/config.ts';

export {
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  AdminGetUserCommand,
  AdminSetUserPasswordCommand,
  AdminUserGlobalSignOutCommand,
  ConfirmForgotPasswordCommand,
  ConfirmSignUpCommand,
  ForgotPasswordCommand,
  InitiateAuthCommand,
  ResendConfirmationCodeCommand,
  RespondToAuthChallengeCommand,
  RevokeTokenCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';

/** The API name of every operation Atrium calls (`SignUp`, `AdminGetUser`, ...). */
export type CognitoOperation =
  | 'SignUp'
  | 'ConfirmSignUp'
  | 'ResendConfirmationCode'
  | 'InitiateAuth'
  | 'RespondToAuthChallenge'
  | 'RevokeToken'
  | 'ForgotPassword'
  | 'ConfirmForgotPassword'
  | 'AdminUserGlobalSignOut'
  | 'AdminGetUser'
  | 'AdminCreateUser'
  | 'AdminSetUserPassword'
  | 'AdminDeleteUser';

export const cognito = once(() => new CognitoIdentityProviderClient(clientOptions(config().region)));

/** The exception name of an error Cognito answered with (NotAuthorizedException, ...); undefined for anything else. */
export function cognitoErrorName(error: unknown): string | undefined {
  return error instanceof CognitoIdentityProviderServiceException ? error.name : undefined;
}
