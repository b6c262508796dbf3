// What a sign-in's user agent says about the device, for the sign-in history: browser and major version, operating
// system, and the kind of device (desktop, mobile, tablet...), parsed once when the sign-in is recorded.

import Bowser from 'bowser';

/** e.g. `Chrome 131 · Windows 10 · desktop`; undefined when the agent is missing or says nothing readable. */
export function deviceOf(userAgent: string | undefined): string | undefined {
  if (!userAgent?.trim()) return undefined;
  try {
    const { browser, os, platform } = Bowser.parse(userAgent);
    const parts = [
      [browser.name, browser.version?.split('.')[0]].filter(Boolean).join(' '),
      [os.name, os.versionName ?? os.version].filter(Boolean).join(' '),
      platform.type ?? '',
    ].filter((part) => part !== '');
    return parts.length > 0 ? parts.join(' · ').slice(0, 120) : undefined;
  } catch {
    return undefined;
  }
}

/** The viewer's country as CloudFront names it (ISO 3166-1 alpha-2), when the API is behind CloudFront. */
export function countryOf(headers: Record<string, string | undefined> | undefined): string | undefined {
  const value = headers?.['cloudfront-viewer-country']?.trim().toUpperCase();
  return value && /^[A-Z]{2}$/.test(value) ? value : undefined;
}
