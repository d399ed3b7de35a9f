// A CTV3 site's code map, named in `codeLists` beside its SNOMED CT lists: loaded as a map (for the
// outcome reports), checked at start-up like every site file, and refused with the file named when
// it is wrong.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CTV3_SYSTEM, SNOMED_SYSTEM } from '../../../domain/reports/coded-events/code-map';
import { loadSiteContent } from './site-content';

const dir = mkdtempSync(join(tmpdir(), 'sonar-maps-'));
const file = (name: string, json: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(json));
  return path;
};
const map = { kind: 'code-map', id: 'site-ctv3', version: 1, from: CTV3_SYSTEM, to: SNOMED_SYSTEM, source: 'test', entries: [{ code: 'XaT01', target: '417096006', display: 'Referral to community drug and alcohol team' }] };
const list = { id: 'site-list', version: 1, edition: 'test', concepts: { cdat: { code: '417096006', display: 'Referral to community drug and alcohol team' } } };

describe('site code maps', () => {
  it('loads a map named in codeLists as a map, and the lists beside it as lists', () => {
    const content = loadSiteContent({ templates: [], codeLists: [file('map.json', map), file('list.json', list)] });
    expect(content.codeMaps.map((m) => `${m.id} v${m.version}`)).toEqual(['site-ctv3 v1']);
    expect(content.codeLists.map((l) => l.id)).toEqual(['site-list']);
  });

  it('refuses a map with a bad entry, naming the file and the entry', () => {
    const bad = file('bad.json', { ...map, entries: [{ code: 'XaT01', target: '417096007', display: 'x' }] });
    expect(() => loadSiteContent({ templates: [], codeLists: [bad] })).toThrow(/The code map .*bad\.json is not valid: entries\.0\.target: 417096007/);
  });

  it('refuses two maps of the same terminology', () => {
    const other = file('other.json', { ...map, id: 'site-ctv3-b' });
    expect(() => loadSiteContent({ templates: [], codeLists: [file('a.json', map), other] })).toThrow(/maps the same terminology as site-ctv3/);
  });
});
