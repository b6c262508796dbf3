// Bundled in place of @aws-sdk/credential-provider-node. Lambda hands every function its role's credentials in
// environment variables, so the default chain's other providers (SSO, INI files, IMDS, web identity, with their
// nested STS and SSO clients: about 100 KB) can never answer there and only weigh down the bundle.

import { fromEnv } from '@aws-sdk/credential-provider-env';

export const defaultProvider = () => fromEnv();
export const credentialsWillNeedRefresh = () => false;
export const credentialsTreatedAsExpired = () => false;
