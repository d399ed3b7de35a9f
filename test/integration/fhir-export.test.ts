// A person's record exported as a FHIR R4 bundle through the channel: valid against HL7's R4 JSON
// schema, every reference resolved inside the bundle, parsed back to the facts in the store, and
// one audit row naming the person.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { templateRegistry } from '../../domain/templates/library';
import { NHS_NUMBER_SYSTEM } from '../../main/services/fhir/fhir-systems';
import { fhirSchemaProblems } from '../support/fhir-validate';
import { fixtureSite, type FixtureSite } from '../support/report-fixture';

const COWS_21 = {
  pulse: 110,
  sweating: '3',
  restlessness: '3',
  'pupil-size': '2',
  'bone-joint-aches': '2',
  'runny-nose-tearing': '2',
  'gi-upset': '2',
  tremor: '2',
  yawning: '1',
  'anxiety-irritability': '2',
  gooseflesh: '0',
};

let f: FixtureSite;
let personId: string;
let stayId: string;
let cowsId: string;
let content: string;
let bundle: fhir4.Bundle;
const byType = <T extends fhir4.FhirResource['resourceType']>(type: T) =>
  (bundle.entry ?? []).map((e) => e.resource!).filter((r): r is Extract<fhir4.FhirResource, { resourceType: T }> => r.resourceType === type);

beforeAll(async () => {
  f = await fixtureSite('custody', 'custody_hcp');
  const token = await f.at('2026-11-23T09:00:00Z');
  const registered = await f.site.ok(
    'patients.register',
    { familyName: 'Okafor', givenNames: 'Tunde James', title: 'Mr', birthDate: '1979-03-14', sex: 'male', nhsNumber: '9434765919' },
    token,
  );
  personId = registered.personId;
  await f.site.ok('patients.addIdentifier', { personId, identifier: { type: 'pnc_id', value: '2003/0012345N' } }, token);
  await f.site.ok('patients.addAlias', { personId, alias: { familyName: 'Okafour', givenNames: 'Tony' } }, token);
  stayId = (await f.site.ok('stays.start', { personId, arrivedAt: '2026-11-23T08:30:00Z', arrivalReason: 'Arrested' }, token)).stayId;
  cowsId = await f.form(personId, 'cows', '2026-11-23T09:10:00Z', COWS_21);
  await f.form(personId, 'custody-hcp-assessment', '2026-11-23T09:20:00Z', { 'fit-to-detain': 'fit', 'observation-level': '2', rousing: '30', intoxicated: true });
  const later = await f.at('2026-11-23T09:30:00Z');
  await f.site.ok('flags.raise', { personId, code: 'SEIZURE_RISK', label: 'Seizure risk', severity: 'high', reason: 'Fitted in the van' }, later);
  await f.site.ok('consent.record', { personId, decision: 'share', categories: ['risk_flags'], legalBasis: 'direct_care', decidedOn: '2026-11-23', notes: null }, later);
  await f.leave(stayId, '2026-11-23T15:00:00Z', 'Released on bail', 'Home address');

  const exporter = await f.at('2026-11-23T15:10:00Z');
  const before = f.site.count('audit_events');
  const file = await f.site.ok('records.exportFhir', { personId }, exporter);
  expect(f.site.count('audit_events')).toBe(before + 1);
  content = file.content;
  bundle = JSON.parse(content) as fhir4.Bundle;
}, 120_000);

afterAll(() => f?.site.cleanup());

describe('FHIR export of one person', () => {
  it('is a valid FHIR R4 bundle by the HL7 JSON schema', () => {
    expect(fhirSchemaProblems(bundle).slice(0, 5)).toEqual([]);
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection', timestamp: '2026-11-23T15:10:00.000Z' });
  });

  it('fails the same check when a resource is wrong (the check is not vacuous)', () => {
    const broken = structuredClone(bundle);
    const patient = broken.entry!.find((e) => e.resource?.resourceType === 'Patient')!.resource as fhir4.Patient;
    (patient as unknown as { gender: string }).gender = 'bloke';
    expect(fhirSchemaProblems(broken).length).toBeGreaterThan(0);
  });

  it('resolves every reference to an entry of the bundle', () => {
    const fullUrls = new Set(bundle.entry!.map((e) => e.fullUrl));
    const refs = [...content.matchAll(/"reference": "([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(10);
    expect(refs.filter((r) => !fullUrls.has(r))).toEqual([]);
    expect(new Set(bundle.entry!.map((e) => e.resource!.id)).size).toBe(bundle.entry!.length);
  });

  it('parses back to the person: UK Core Patient with the NHS number system, the PNC id and the alias', () => {
    const [patient] = byType('Patient');
    expect(patient).toMatchObject({ id: personId, gender: 'male', birthDate: '1979-03-14' });
    expect(patient!.meta?.profile).toEqual(['https://fhir.hl7.org.uk/StructureDefinition/UKCore-Patient']);
    expect(patient!.identifier).toEqual(
      expect.arrayContaining([
        { system: NHS_NUMBER_SYSTEM, value: '9434765919' },
        { system: 'urn:sonar:identifier:pnc-id', value: '2003/0012345N' },
      ]),
    );
    expect(patient!.name).toEqual([
      { use: 'official', family: 'Okafor', given: ['Tunde', 'James'], prefix: ['Mr'] },
      { use: 'nickname', family: 'Okafour', given: ['Tony'] },
    ]);
  });

  it('carries the stay as a finished Encounter and EpisodeOfCare', () => {
    const [encounter] = byType('Encounter');
    const [episode] = byType('EpisodeOfCare');
    expect(encounter).toMatchObject({ id: stayId, status: 'finished', period: { start: '2026-11-23T08:30:00Z', end: '2026-11-23T15:00:00Z' } });
    expect(encounter!.hospitalization?.dischargeDisposition?.text).toBe('Released on bail');
    expect(encounter!.episodeOfCare).toEqual([{ reference: `urn:uuid:${episode!.id}` }]);
    expect(episode).toMatchObject({ status: 'finished', patient: { reference: `urn:uuid:${personId}` } });
  });

  it('carries COWS as a QuestionnaireResponse and its score (21, moderate) as an Observation derived from it', () => {
    const qr = byType('QuestionnaireResponse').find((q) => q.id === cowsId)!;
    const version = templateRegistry.latest('cows')!.version;
    expect(qr).toMatchObject({ status: 'completed', questionnaire: `urn:sonar:questionnaire:cows|${version}`, encounter: { reference: `urn:uuid:${stayId}` } });
    expect(qr.item!.find((i) => i.linkId === 'pulse')!.answer).toEqual([{ valueInteger: 110 }]);
    expect(qr.item!.find((i) => i.linkId === 'sweating')!.answer![0]!.valueCoding).toMatchObject({ system: 'urn:sonar:questionnaire:cows', code: '3' });
    const score = byType('Observation').find((o) => o.derivedFrom?.[0]?.reference === `urn:uuid:${cowsId}`)!;
    expect(score).toMatchObject({ status: 'final', valueInteger: 21, effectiveDateTime: '2026-11-23T09:10:00.000Z' });
    expect(score.interpretation![0]!.text).toMatch(/^Moderate/);
  });

  it('carries flags, tasks and consent', () => {
    expect(byType('Flag').map((fl) => fl.code.coding![0]!.code)).toContain('SEIZURE_RISK');
    expect(byType('Task').map((t) => t.status)).toContain('requested');
    expect(byType('Consent')).toEqual([expect.objectContaining({ status: 'active', provision: expect.objectContaining({ type: 'permit' }) })]);
  });

  it('gives each change its Provenance: author, role and origin site from the event log', () => {
    const provenance = byType('Provenance');
    const stayEvents = provenance.filter((p) => p.target.some((t) => t.reference === `urn:uuid:${stayId}`));
    expect(stayEvents.map((p) => p.activity?.coding?.[0]?.code)).toEqual(['CREATE', 'UPDATE']);
    expect(stayEvents[0]!.agent[0]).toMatchObject({
      who: { display: 'Ada Admin' },
      role: [{ text: 'Custody healthcare professional' }],
      onBehalfOf: { identifier: { system: 'urn:sonar:site', value: 'DEMO01' } },
    });
    expect(stayEvents[0]!.recorded).toBe('2026-11-23T09:00:00.000Z');
  });

  it('audits the export once, naming the person, the resources and a digest of the file', () => {
    const row = f.site.app.store.raw.prepare("SELECT person_id AS personId, outcome, detail FROM audit_events WHERE channel = 'records.exportFhir'").all() as {
      personId: string;
      outcome: string;
      detail: string;
    }[];
    expect(row).toHaveLength(1);
    expect(row[0]).toMatchObject({ personId, outcome: 'ok' });
    expect(JSON.parse(row[0]!.detail)).toMatchObject({
      format: 'fhir-r4-bundle',
      resources: bundle.entry!.length,
      sha256: createHash('sha256').update(content).digest('hex'),
    });
  });

  it('gives the same resource ids when the same record is exported again', async () => {
    const token = await f.at('2026-11-23T15:20:00Z');
    const again = JSON.parse((await f.site.ok('records.exportFhir', { personId }, token)).content) as fhir4.Bundle;
    expect(again.id).not.toBe(bundle.id);
    expect(again.entry!.map((e) => e.fullUrl)).toEqual(bundle.entry!.map((e) => e.fullUrl));
  });
});
