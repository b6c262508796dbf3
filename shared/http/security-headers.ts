// The browser security headers of the portal and the API, declared once: CloudFront's response-headers policy
// (infra/stacks/web-stack.ts) is built from them, and the local server behind `npm start` sends the same ones.

/** Sent on every JSON answer by the handlers themselves, so the API keeps it even when reached without CloudFront. */
export const CONTENT_TYPE_OPTIONS = 'nosniff';
export const FRAME_OPTIONS = 'DENY';
export const REFERRER_POLICY = 'strict-origin-when-cross-origin';
export const PERMISSIONS_POLICY = 'camera=(), microphone=(), geolocation=(), payment=()';
/** Two years, subdomains included; sent over HTTPS only (browsers ignore it over HTTP, and locally there is no TLS). */
export const STRICT_TRANSPORT_SECURITY = { maxAgeSeconds: 730 * 24 * 60 * 60, includeSubdomains: true } as const;

export interface ContentSecurityPolicyOptions {
  /** Origins the browser may call besides the portal's own, e.g. Cognito's endpoint in AWS. */
  connectSources?: readonly string[];
  /**
   * The local Vite dev server (`npm start`): Vite injects each imported stylesheet as a `<style>` element, so styles
   * need 'unsafe-inline', and there is no TLS to upgrade to. Everything else stays as strict as in AWS.
   */
  devServer?: boolean;
}

const DIRECTIVES: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['default-src', ["'self'"]],
  ['script-src', ["'self'"]],
  ['style-src', ["'self'"]],
  ['img-src', ["'self'", 'data:']],
  ['font-src', ["'self'"]],
  ['connect-src', ["'self'"]],
  ['object-src', ["'none'"]],
  ['base-uri', ["'self'"]],
  ['form-action', ["'self'"]],
  ['frame-ancestors', ["'none'"]],
  ['upgrade-insecure-requests', []],
];

/** The Content-Security-Policy value: the one list above, with only what the options name added or dropped. */
export function contentSecurityPolicy(options: ContentSecurityPolicyOptions = {}): string {
  return DIRECTIVES.flatMap(([name, sources]) => {
    if (options.devServer && name === 'upgrade-insecure-requests') return [];
    const extra =
      name === 'connect-src' ? (options.connectSources ?? []) : name === 'style-src' && options.devServer ? ["'unsafe-inline'"] : [];
    return [[name, ...sources, ...extra].join(' ')];
  }).join('; ');
}

export function strictTransportSecurity(): string {
  return `max-age=${STRICT_TRANSPORT_SECURITY.maxAgeSeconds}${STRICT_TRANSPORT_SECURITY.includeSubdomains ? '; includeSubDomains' : ''}`;
}

/** Every security header as CloudFront sends it (`https: true`), or as the local server does over plain HTTP. */
export function securityHeaders(options: ContentSecurityPolicyOptions & { https: boolean }): Record<string, string> {
  return {
    'content-security-policy': contentSecurityPolicy(options),
    ...(options.https ? { 'strict-transport-security': strictTransportSecurity() } : {}),
    'x-content-type-options': CONTENT_TYPE_OPTIONS,
    'x-frame-options': FRAME_OPTIONS,
    'referrer-policy': REFERRER_POLICY,
    'permissions-policy': PERMISSIONS_POLICY,
  };
}
