// Patient (UK Core), and each stay as an Encounter with its EpisodeOfCare: a police custody
// detention or a prison stay, from reception to exit, at a site.
import type { StayRow } from '../../../db/stays-repo';
import type { PersonRecord } from './person-record';
import { IDENTIFIER_SYSTEMS, SITE_SYSTEM, UK_CORE, V3_ACT_CODE, ref } from './fhir-systems';

const splitGiven = (given: string) => given.split(' ').filter((g) => g.length > 0);

export function patientResource(record: PersonRecord): fhir4.Patient {
  const p = record.person;
  return {
    resourceType: 'Patient',
    id: p.id,
    meta: { profile: [UK_CORE('Patient')] },
    identifier: record.identifiers.map((i) => ({ system: IDENTIFIER_SYSTEMS[i.type], value: i.value })),
    name: [
      { use: 'official', family: p.familyName, given: splitGiven(p.givenNames), ...(p.title ? { prefix: [p.title] } : {}) },
      // Other names the person has been known by (aliases across stays).
      ...record.aliases.map((a) => ({ use: 'nickname' as const, family: a.familyName, given: splitGiven(a.givenNames) })),
    ],
    gender: p.sex,
    birthDate: p.birthDate,
  };
}

const site = (siteCode: string): fhir4.Reference => ({ identifier: { system: SITE_SYSTEM, value: siteCode }, display: siteCode });

const KIND = {
  custody: { class: { system: V3_ACT_CODE, code: 'AMB', display: 'ambulatory' }, text: 'Police custody detention' },
  prison: { class: { system: V3_ACT_CODE, code: 'NONAC', display: 'inpatient non-acute' }, text: 'Prison stay' },
} as const;

/** The EpisodeOfCare's id for a stay: the stay's id is the Encounter's. */
export const episodeIdFor = (stay: Pick<StayRow, 'id'>, newId: (seed: string) => string) => newId(`episode:${stay.id}`);

export function stayResources(stay: StayRow, patientId: string, episodeId: string): [fhir4.Encounter, fhir4.EpisodeOfCare] {
  const kind = KIND[stay.kind];
  const period = { start: stay.arrivedAt, ...(stay.exitedAt ? { end: stay.exitedAt } : {}) };
  const encounter: fhir4.Encounter = {
    resourceType: 'Encounter',
    id: stay.id,
    meta: { profile: [UK_CORE('Encounter')] },
    status: stay.exitedAt ? 'finished' : 'in-progress',
    class: kind.class,
    type: [{ text: kind.text }],
    subject: { reference: ref(patientId) },
    episodeOfCare: [{ reference: ref(episodeId) }],
    period,
    ...(stay.arrivalReason ? { reasonCode: [{ text: stay.arrivalReason }] } : {}),
    ...(stay.exitedAt
      ? { hospitalization: { dischargeDisposition: { text: stay.exitReason ?? 'Not known' }, destination: { display: stay.exitDestination ?? 'Not known' } } }
      : {}),
    serviceProvider: site(stay.siteCode),
  };
  const episode: fhir4.EpisodeOfCare = {
    resourceType: 'EpisodeOfCare',
    id: episodeId,
    meta: { profile: [UK_CORE('EpisodeOfCare')] },
    status: stay.exitedAt ? 'finished' : 'active',
    type: [{ text: kind.text }],
    patient: { reference: ref(patientId) },
    managingOrganization: site(stay.siteCode),
    period,
  };
  return [encounter, episode];
}
