// The ADMX/ADML template that Group Policy and Intune use to write the site policy: well-formed,
// one policy per setting an installed SONAR reads (and none for the demo switch), each writing the
// value name and registry type the reader expects, and every display string and presentation
// defined in the language file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { siteSettingNames, siteTypeSchema, updateModeSchema } from '../contract/site-config';
import { REGISTRY_KINDS } from '../main/app/policy/registry-policy';

function load(file: string): Document {
  const errors: string[] = [];
  const doc = new DOMParser({
    errorHandler: { warning: (m) => errors.push(m), error: (m) => errors.push(m), fatalError: (m) => errors.push(m) },
  }).parseFromString(readFileSync(join(import.meta.dirname, 'policy', file), 'utf8'), 'text/xml');
  expect(errors, `${file} is not well-formed`).toEqual([]);
  return doc as unknown as Document;
}

const admx = load('SONAR.admx');
const adml = load(join('en-US', 'SONAR.adml'));
const all = (doc: Document | Element, tag: string) => Array.from(doc.getElementsByTagName(tag));
const policies = new Map(all(admx, 'policy').map((p) => [p.getAttribute('name')!, p]));
const ELEMENT_FOR_KIND = { text: ['text', 'enum'], number: ['decimal'], list: ['multiText'] } as const;

describe('build/policy/SONAR.admx', () => {
  it('has a machine policy for every setting an installed SONAR reads, and none for demo', () => {
    const expected = siteSettingNames.filter((n) => n !== 'demo').sort();
    expect([...policies.keys()].sort()).toEqual(expected);
    for (const policy of policies.values()) {
      expect(policy.getAttribute('class')).toBe('Machine');
      expect(policy.getAttribute('key')).toBe('Software\\Policies\\SONAR');
    }
  });

  it('writes each value under the setting name, with the registry type the reader expects', () => {
    for (const [name, policy] of policies) {
      const kind = REGISTRY_KINDS[name as keyof typeof REGISTRY_KINDS];
      if (kind === 'onOff') {
        expect(policy.getAttribute('valueName')).toBe(name);
        expect(policy.getElementsByTagName('enabledValue')[0]?.getElementsByTagName('decimal')[0]?.getAttribute('value')).toBe('1');
        expect(policy.getElementsByTagName('disabledValue')[0]?.getElementsByTagName('decimal')[0]?.getAttribute('value')).toBe('0');
        continue;
      }
      const elements = Array.from(policy.getElementsByTagName('elements')[0]!.childNodes).filter((n): n is Element => n.nodeType === 1);
      expect(elements, name).toHaveLength(1);
      expect(ELEMENT_FOR_KIND[kind as keyof typeof ELEMENT_FOR_KIND], name).toContain(elements[0]!.tagName);
      expect(elements[0]!.getAttribute('valueName')).toBe(name);
    }
  });

  it('offers exactly the values the schema accepts', () => {
    const values = (name: string) => all(policies.get(name)!, 'string').map((s) => s.textContent);
    expect(values('siteType')).toEqual(siteTypeSchema.options);
    expect(values('updateMode')).toEqual(updateModeSchema.options);
    const idle = policies.get('idleLockMinutes')!.getElementsByTagName('decimal')[0]!;
    expect([idle.getAttribute('minValue'), idle.getAttribute('maxValue')]).toEqual(['1', '60']);
  });

  it('defines every string and presentation it refers to in en-US/SONAR.adml', () => {
    const strings = new Set(all(adml, 'string').map((s) => s.getAttribute('id')));
    const presentations = new Map(all(adml, 'presentation').map((p) => [p.getAttribute('id'), p]));
    const text = readFileSync(join(import.meta.dirname, 'policy', 'SONAR.admx'), 'utf8');
    for (const [, id] of text.matchAll(/\$\(string\.([A-Za-z0-9_]+)\)/g)) expect(strings, id).toContain(id);
    for (const [, id] of text.matchAll(/\$\(presentation\.([A-Za-z0-9_]+)\)/g)) {
      const presentation = presentations.get(id!);
      expect(presentation, id).toBeDefined();
      // The presentation's control refers to the policy's element by id.
      const control = Array.from(presentation!.childNodes).find((n): n is Element => n.nodeType === 1)!;
      const elementIds = all(policies.get(id!)!, '*').map((e) => e.getAttribute('id')).filter(Boolean);
      expect(elementIds).toContain(control.getAttribute('refId'));
    }
  });
});
