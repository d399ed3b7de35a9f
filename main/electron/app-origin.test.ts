import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, APP_ORIGIN, isAppUrl } from './app-origin';

describe('isAppUrl', () => {
  it('accepts documents of app://sonar', () => {
    expect(APP_ORIGIN).toBe('app://sonar');
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true);
    expect(isAppUrl('app://sonar/')).toBe(true);
    expect(isAppUrl('app://sonar/index.html#/patients')).toBe(true);
  });

  it.each([
    'https://sonar/',
    'http://sonar/index.html',
    'file:///index.html',
    'app://evil/index.html',
    'app://sonar.evil/index.html',
    'app://sonar@evil/',
    'app://user:pw@sonar/',
    'app://sonar:1/',
    'javascript:alert(1)',
    'data:text/html,hi',
    'about:blank',
    'not a url',
    '',
  ])('refuses %s', (url) => {
    expect(isAppUrl(url)).toBe(false);
  });

  it('refuses non-strings', () => {
    expect(isAppUrl(null)).toBe(false);
    expect(isAppUrl({ toString: () => 'app://sonar/' })).toBe(false);
  });
});
