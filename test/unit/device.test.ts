// The sign-in history's device and country: parsed from the user agent and CloudFront's viewer-country header.

import { describe, expect, it } from 'vitest';
import { countryOf, deviceOf } from '#shared/auth/device.ts';

describe('deviceOf', () => {
  it.each([
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:120.0) Gecko/20100101 Firefox/120.0', 'Firefox 120 · Windows 10 · desktop'],
    [
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1',
      'Safari 17 · iOS 17.1 · mobile',
    ],
    [
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36',
      'Chrome 131 · Linux · desktop',
    ],
  ])('reads %s', (userAgent, device) => {
    expect(deviceOf(userAgent)).toBe(device);
  });

  it('says nothing for a missing or unreadable agent', () => {
    expect(deviceOf(undefined)).toBeUndefined();
    expect(deviceOf('  ')).toBeUndefined();
    expect(deviceOf('curl/8.1')).toBeUndefined();
  });
});

describe('countryOf', () => {
  it('takes a two-letter code from CloudFront’s header and ignores anything else', () => {
    expect(countryOf({ 'cloudfront-viewer-country': 'pl' })).toBe('PL');
    expect(countryOf({ 'cloudfront-viewer-country': 'Poland' })).toBeUndefined();
    expect(countryOf({})).toBeUndefined();
    expect(countryOf(undefined)).toBeUndefined();
  });
});
