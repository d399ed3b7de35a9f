// The KPI definitions name items, options and templates by id: if a template is revised and an id
// changes, the KPIs would silently count nothing. These checks tie every id to the library.
import { describe, expect, it } from 'vitest';
import { custodyHcpAssessment } from '../../templates/library/custody-hcp-assessment';
import { custodyHcpAssessmentV2 } from '../../templates/library/custody-hcp-assessment-v2';
import { templateRegistry } from '../../templates/library';
import { referralServiceSchema, type Item, type Template } from '../../templates/template-schema';
import {
  CUSTODY_KPI_ANSWERS,
  KPI_FORMS,
  KPI_REFERRAL_SERVICES,
  NOT_FIT_HOSPITAL,
  OBSERVATION_LEVELS,
  ROUSING_AT_LEAST_30,
  ROUSING_CRITERIA,
  ROUSING_FREQUENCIES,
} from './custody-kpi-definitions';

const items = (t: Template): Item[] => t.sections.flatMap((s) => s.items);
const item = (t: Template, id: string) => items(t).find((i) => i.id === id);
const optionValues = (i: Item | undefined) => (i && 'options' in i && Array.isArray(i.options) ? i.options.map((o: { value: unknown }) => String(o.value)) : []);

describe('custody KPI definitions', () => {
  it('name templates that are in the library', () => {
    for (const id of [KPI_FORMS.custodyFirst, KPI_FORMS.prisonFirst, KPI_FORMS.secondStage]) {
      expect(templateRegistry.latest(id), id).toBeDefined();
    }
  });

  it('read answers that both versions of the custody assessment ask, with the options they count', () => {
    for (const t of [custodyHcpAssessment, custodyHcpAssessmentV2]) {
      expect(optionValues(item(t, CUSTODY_KPI_ANSWERS.fitToDetain))).toContain(NOT_FIT_HOSPITAL);
      expect(optionValues(item(t, CUSTODY_KPI_ANSWERS.observationLevel))).toEqual(OBSERVATION_LEVELS.map((l) => l.value));
      expect(optionValues(item(t, CUSTODY_KPI_ANSWERS.rousing))).toEqual(ROUSING_FREQUENCIES.map((l) => l.value));
      for (const yes of ROUSING_CRITERIA.yes) expect(item(t, yes)?.kind, yes).toBe('yesNo');
    }
    for (const v of ROUSING_AT_LEAST_30) expect(ROUSING_FREQUENCIES.map((f) => f.value)).toContain(v);
  });

  it('read the Annex H checks, AVPU and GCS from version 2', () => {
    for (const id of [CUSTODY_KPI_ANSWERS.rouseWakes, CUSTODY_KPI_ANSWERS.rouseAnswers, CUSTODY_KPI_ANSWERS.rouseCommands]) {
      expect(item(custodyHcpAssessmentV2, id)?.kind, id).toBe('yesNo');
    }
    expect(optionValues(item(custodyHcpAssessmentV2, ROUSING_CRITERIA.avpuItem))).toContain(ROUSING_CRITERIA.avpuAlert);
    expect(item(custodyHcpAssessmentV2, ROUSING_CRITERIA.gcsItem)?.kind).toBe('number');
  });

  it('cover every referral service', () => {
    expect(KPI_REFERRAL_SERVICES.map((s) => s.value).sort()).toEqual([...referralServiceSchema.options].sort());
  });
});
