import { describe, expect, it } from 'vitest';
import { sctidConceptProblem } from '../sctid';
import { validateTemplate } from '../validate-template';
import { libraryTemplates, templateRegistry } from './index';
import { removedConcepts, snomedCodeList } from './snomed-codes';
import { wordingSettings } from './wordings';

const concepts = Object.values(snomedCodeList.concepts);

describe('template library', () => {
  it('every shipped template is sound and registered by (id, version); the latest of each meets the authoring rules', () => {
    for (const t of libraryTemplates) {
      const latest = templateRegistry.latest(t.id)!.version === t.version;
      expect(validateTemplate(t, { earlierVersion: !latest }), `${t.id}@${t.version}`).toEqual({ ok: true, template: t });
      expect(templateRegistry.get(t.id, t.version)).toEqual(t);
    }
    expect(templateRegistry.all().map((t) => `${t.id}@${t.version}`)).toEqual([
      'cows@1', 'cows@2', 'ciwa-ar@1', 'ciwa-ar@2', 'audit-c@1', 'audit-c@2', 'audit-c-who@1', 'audit@1', 'audit@2', 'audit-who@1',
      'custody-hcp-assessment@1', 'custody-hcp-assessment@2', 'prison-reception-screen@1', 'prison-reception-screen@2',
      'prison-second-stage-assessment@1', 'risk-assessment@1', 'risk-assessment@2', 'dual-diagnosis@1',
      'top-secure@1', 'top-community@1', 'brief-intervention@1', 'ndtms-treatment-details@1', 'ndtms-prison-exit@1',
    ]);
  });

  it('every version shipped before issue 14 is still registered, so its responses still show', () => {
    for (const key of ['cows@1', 'ciwa-ar@1', 'audit-c@1', 'audit@1', 'custody-hcp-assessment@1', 'prison-reception-screen@1', 'risk-assessment@1']) {
      const [id, version] = key.split('@') as [string, string];
      expect(templateRegistry.get(id, Number(version)), key).toBeDefined();
    }
  });

  it('every code in the code list is a well-formed SNOMED CT concept id', () => {
    expect(concepts.map((c) => c.code)).toEqual(['366371000000105', '417096006', '431260004', '66590003', '191480000', '75544000', '64297001']);
    for (const c of concepts) expect(sctidConceptProblem(c.code), c.code).toBeNull();
  });

  it('code list version 2 (issue 14 item 6): the unfindable relapse-prevention id is gone, 64297001 carries its fully specified name', () => {
    expect(snomedCodeList.version).toBe(2);
    expect(concepts.map((c) => c.code)).not.toContain('968891000000109');
    expect(removedConcepts.map((c) => c.code)).toEqual(['968891000000109']);
    expect(snomedCodeList.concepts.alcoholDetoxification).toMatchObject({
      code: '64297001',
      display: 'Detoxication psychiatric therapy for alcoholism',
      fullySpecifiedName: 'Detoxication psychiatric therapy for alcoholism (regime/therapy)',
    });
    // Each term is its fully specified name without the semantic tag.
    for (const c of concepts) expect(c.fullySpecifiedName.replace(/ \([a-z/ ]+\)$/, ''), c.code).toBe(c.display);
  });

  it('no template records a concept that could not be checked, nor a removed one', () => {
    const unchecked = concepts.filter((c) => c.checked !== 'public code list').map((c) => c.code);
    const removed = removedConcepts.map((c) => c.code);
    for (const t of libraryTemplates) {
      for (const rule of t.codes) {
        expect(unchecked, `${t.id}@${t.version} ${rule.id}`).not.toContain(rule.code);
        expect(removed, `${t.id}@${t.version} ${rule.id}`).not.toContain(rule.code);
      }
    }
  });

  it('every wording a template names is a known setting and option', () => {
    for (const t of libraryTemplates) {
      const w = t.use?.wording;
      if (!w) continue;
      const setting = wordingSettings.find((s) => s.id === w.setting);
      expect(setting?.options.map((o) => o.value), `${t.id}@${t.version}`).toContain(w.option);
    }
  });

  it('templates take their codes, with the same terms, from the code list', () => {
    for (const t of libraryTemplates) {
      for (const rule of t.codes) expect(concepts.some((c) => c.code === rule.code && c.display === rule.display), `${t.id} ${rule.code}`).toBe(true);
    }
  });

  it('no template codes a diagnosis (dependence, withdrawal syndrome) from a score', () => {
    const { alcoholDependence, alcoholWithdrawalSyndrome, opioidDependence } = snomedCodeList.concepts;
    const diagnoses: string[] = [alcoholDependence.code, alcoholWithdrawalSyndrome.code, opioidDependence.code];
    for (const t of libraryTemplates) {
      for (const rule of t.codes) {
        expect(diagnoses, `${t.id} ${rule.id}`).not.toContain(rule.code);
        expect(rule.when.kind, `${t.id} ${rule.id}`).toBe('answers');
      }
    }
  });
});
