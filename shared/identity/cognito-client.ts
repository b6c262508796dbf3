// The Cognito user-pool client, one per process, and the commands the Cognito adapter (shared/identity/cognito.ts)
// sends. The SDK signs the Admin* operations with the function's role and sends the public ones (SignUp,
// InitiateAuth, ...) unsigned, as its model marks them.

import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminGetUserCommand,
  AdminRemoveUserFromGroupCommand,
  AdminSetUserPasswordCommand,
  AdminUserGlobalSignOutCommand,
  ChangePasswordCommand,
  CognitoIdentityProviderClient,
  CognitoIdentityProviderServiceException,
  ConfirmForgotPasswordCommand,
  ConfirmSignUpCommand,
  ForgotPasswordCommand,
  InitiateAuthCommand,
  ResendConfirmationCodeCommand,
  RespondToAuthChallengeCommand,
  RevokeTokenCommand,
  SignUpCommand,
  UpdateUserAttributesCommand,
  VerifyUserAttributeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { clientOptions, once } from '#shared/aws/client-options.ts';
import { config } from '#shared/config.ts';

/**
 * Every operation Atrium calls, by its API name, and its SDK command: the adapter sends them (`new commands.SignUp(...)`)
 * and the test fake (test/support/fake-cognito.ts) answers each, so a new operation is added here only.
 */
export const cognitoCommands = {
  SignUp: SignUpCommand,
  ConfirmSignUp: ConfirmSignUpCommand,
  ResendConfirmationCode: ResendConfirmationCodeCommand,
  InitiateAuth: InitiateAuthCommand,
  RespondToAuthChallenge: RespondToAuthChallengeCommand,
  RevokeToken: RevokeTokenCommand,
  ForgotPassword: ForgotPasswordCommand,
  ConfirmForgotPassword: ConfirmForgotPasswordCommand,
  ChangePassword: ChangePasswordCommand,
  AdminUserGlobalSignOut: AdminUserGlobalSignOutCommand,
  AdminGetUser: AdminGetUserCommand,
  AdminCreateUser: AdminCreateUserCommand,
  AdminSetUserPassword: AdminSetUserPasswordCommand,
  AdminDeleteUser: AdminDeleteUserCommand,
  AdminAddUserToGroup: AdminAddUserToGroupCommand,
  AdminRemoveUserFromGroup: AdminRemoveUserFromGroupCommand,
  AdminDisableUser: AdminDisableUserCommand,
  AdminEnableUser: AdminEnableUserCommand,
  UpdateUserAttributes: UpdateUserAttributesCommand,
  VerifyUserAttribute: VerifyUserAttributeCommand,
} as const;

/** The API name of every operation Atrium calls (`SignUp`, `AdminGetUser`, ...). */
export type CognitoOperation = keyof typeof cognitoCommands;

export const cognito = once(() => new CognitoIdentityProviderClient(clientOptions(config().region)));

/** The exception name of an error Cognito answered with (NotAuthorizedException, ...); undefined for anything else. */
export function cognitoErrorName(error: unknown): string | undefined {
  return error instanceof CognitoIdentityProviderServiceException ? error.name : undefined;
}
