// One source of site settings, parsed strictly: any subset of the settings, nothing unknown.
// Every bad field is named with the source it came from, so IT can fix the right place.
import type { z } from 'zod';
import { siteSettingsLayerSchema, type SiteSettingsLayer } from '../../../contract/site-config';

export type SettingsSourceKind = 'registry' | 'machine-file' | 'data-dir-file';

export interface SettingsSource {
  kind: SettingsSourceKind;
  /** Where it is, as IT would look for it: a registry key or a file path. */
  name: string;
}

export interface SettingsLayer {
  source: SettingsSource;
  values: SiteSettingsLayer;
}

export class SiteConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SiteConfigError';
  }
}

export function describeSource(source: SettingsSource): string {
  switch (source.kind) {
    case 'registry':
      return `the site policy in the registry (${source.name})`;
    case 'machine-file':
      return `the site policy file ${source.name}`;
    case 'data-dir-file':
      return `the site configuration ${source.name}`;
  }
}

/** "field: message; field: message", every problem, with its path. */
export function formatIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .map((issue) => {
      const field = issue.path.length > 0 ? issue.path.join('.') : '(whole file)';
      if (issue.code === 'unrecognized_keys') return `${issue.keys.join(', ')}: not a SONAR site setting`;
      return `${field}: ${issue.message}`;
    })
    .join('; ');
}

export function validateSettingsLayer(json: unknown, source: SettingsSource): SettingsLayer {
  const parsed = siteSettingsLayerSchema.safeParse(json);
  if (!parsed.success) {
    throw new SiteConfigError(`${capitalise(describeSource(source))} is not valid: ${formatIssues(parsed.error.issues)}`);
  }
  return { source, values: parsed.data };
}

export function parseSettingsLayer(text: string, source: SettingsSource): SettingsLayer {
  let json: unknown;
  try {
    // A byte-order mark is what Notepad writes at the start of a UTF-8 file.
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new SiteConfigError(`${capitalise(describeSource(source))} is not valid JSON: ${(err as Error).message}`);
  }
  return validateSettingsLayer(json, source);
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
