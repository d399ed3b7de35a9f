// Form responses as QuestionnaireResponse (answers coded against the template, which is versioned
// data) with an Observation for each score; flags, tasks and consent decisions.
import type { ConsentRow } from '../../../db/access-repo';
import type { FlagRow } from '../../../db/flags-repo';
import type { FormResponseRow } from '../../../db/forms-repo';
import type { TaskRow } from '../../../db/tasks-repo';
import type { AnswerValue } from '../../../domain/templates/answers';
import type { TemplateRegistry } from '../../../domain/templates/registry';
import { formResponseSchema, type FormResponse } from '../../../domain/templates/response';
import { templateItems, type Item } from '../../../domain/templates/template-schema';
import {
  CONSENT_CATEGORY_LOINC,
  CONSENT_SCOPE,
  DATA_CATEGORY_SYSTEM,
  FLAG_CODE_SYSTEM,
  OBSERVATION_CATEGORY,
  SCORE_SYSTEM,
  STAFF_SYSTEM,
  TASK_KIND_SYSTEM,
  UK_CORE,
  questionnaireUrl,
  ref,
} from './fhir-systems';

const staff = (id: string, name: string | null, originSite: string): fhir4.Reference => ({
  identifier: { system: `${STAFF_SYSTEM}:${originSite}`, value: id },
  ...(name ? { display: name } : {}),
});

function optionLabel(item: Item | undefined, value: string): string | undefined {
  if (!item || !('options' in item)) return undefined;
  return item.options.find((o) => o.value === value)?.label;
}

function answersFor(item: Item | undefined, templateId: string, value: AnswerValue): fhir4.QuestionnaireResponseItemAnswer[] {
  if (value === null) return [];
  const coding = (code: string): fhir4.QuestionnaireResponseItemAnswer => {
    const display = optionLabel(item, code);
    return { valueCoding: { system: questionnaireUrl(templateId), code, ...(display ? { display } : {}) } };
  };
  if (Array.isArray(value)) return value.map(coding);
  if (typeof value === 'boolean') return [{ valueBoolean: value }];
  if (typeof value === 'number') return [Number.isInteger(value) ? { valueInteger: value } : { valueDecimal: value }];
  switch (item?.kind) {
    case 'choice':
    case 'scored':
      return [coding(value)];
    case 'date':
      return [{ valueDate: value }];
    case 'dateTime':
      return [{ valueDateTime: value }];
    default:
      return [{ valueString: value }];
  }
}

const RESPONSE_STATUS = { final: 'completed', amended: 'amended', entered_in_error: 'entered-in-error' } as const;
const OBSERVATION_STATUS = { final: 'final', amended: 'amended', entered_in_error: 'entered-in-error' } as const;

export function responseOf(row: FormResponseRow): FormResponse {
  return formResponseSchema.parse(row.body);
}

export function questionnaireResponse(row: FormResponseRow, patientId: string, templates: TemplateRegistry): fhir4.QuestionnaireResponse {
  const r = responseOf(row);
  const template = templates.get(r.templateId, r.templateVersion);
  const items = new Map(template ? templateItems(template).map((i) => [i.id, i]) : []);
  return {
    resourceType: 'QuestionnaireResponse',
    id: row.id,
    meta: { profile: [UK_CORE('QuestionnaireResponse')] },
    identifier: { system: 'urn:sonar:form-entry', value: r.entryId },
    questionnaire: `${questionnaireUrl(r.templateId)}|${r.templateVersion}`,
    status: RESPONSE_STATUS[r.status],
    subject: { reference: ref(patientId) },
    ...(row.stayId ? { encounter: { reference: ref(row.stayId) } } : {}),
    authored: r.observedAt ?? r.recordedAt,
    author: staff(row.recordedBy, row.recordedByName, row.originSite),
    item: Object.entries(r.answers).map(([linkId, value]) => {
      const item = items.get(linkId);
      const answer = answersFor(item, r.templateId, value);
      return { linkId, ...(item ? { text: item.label } : {}), ...(answer.length > 0 ? { answer } : {}) };
    }),
  };
}

export function scoreObservations(row: FormResponseRow, patientId: string, templates: TemplateRegistry, newId: (seed: string) => string): fhir4.Observation[] {
  const r = responseOf(row);
  const title = templates.get(r.templateId, r.templateVersion)?.title ?? r.templateId;
  return r.scores.map((score) => ({
    resourceType: 'Observation',
    id: newId(`score:${row.id}:${score.id}`),
    meta: { profile: [UK_CORE('Observation')] },
    status: OBSERVATION_STATUS[r.status],
    category: [{ coding: [{ system: OBSERVATION_CATEGORY, code: 'survey', display: 'Survey' }] }],
    code: { coding: [{ system: SCORE_SYSTEM, code: `${r.templateId}/${score.id}`, display: `${title}: ${score.label}` }], text: `${title}: ${score.label}` },
    subject: { reference: ref(patientId) },
    ...(row.stayId ? { encounter: { reference: ref(row.stayId) } } : {}),
    effectiveDateTime: r.observedAt ?? r.recordedAt,
    issued: row.recordedAt,
    performer: [staff(row.recordedBy, row.recordedByName, row.originSite)],
    valueInteger: score.value,
    ...(score.band ? { interpretation: [{ text: `${score.band.label} (${score.band.min}-${score.band.max})` }] } : {}),
    referenceRange: [{ low: { value: 0 }, high: { value: score.max }, text: `0 to ${score.max}` }],
    derivedFrom: [{ reference: ref(row.id) }],
  }));
}

/** Each clinical code a response derived (SNOMED CT, from the template's code rules) as an Observation of that concept. */
export function codedObservations(row: FormResponseRow, patientId: string, newId: (seed: string) => string): fhir4.Observation[] {
  const r = responseOf(row);
  return r.codes.map((c) => ({
    resourceType: 'Observation',
    id: newId(`code:${row.id}:${c.ruleId}`),
    meta: { profile: [UK_CORE('Observation')] },
    status: OBSERVATION_STATUS[r.status],
    code: { coding: [{ system: c.system, code: c.code, display: c.display }], text: c.display },
    subject: { reference: ref(patientId) },
    ...(row.stayId ? { encounter: { reference: ref(row.stayId) } } : {}),
    effectiveDateTime: r.observedAt ?? r.recordedAt,
    performer: [staff(row.recordedBy, row.recordedByName, row.originSite)],
    derivedFrom: [{ reference: ref(row.id) }],
  }));
}

export function flagResource(flag: FlagRow, patientId: string): fhir4.Flag {
  return {
    resourceType: 'Flag',
    id: flag.id,
    meta: { profile: [UK_CORE('Flag')] },
    status: flag.endedAt ? 'inactive' : 'active',
    category: [{ text: `Severity: ${flag.severity}` }],
    code: { coding: [{ system: FLAG_CODE_SYSTEM, code: flag.code, display: flag.label }], text: `${flag.label}: ${flag.reason}` },
    subject: { reference: ref(patientId) },
    period: { start: flag.setAt, ...(flag.endedAt ? { end: flag.endedAt } : {}) },
    author: staff(flag.setBy, flag.setByName, flag.originSite),
  };
}

const TASK_STATUS = { open: 'requested', done: 'completed', cancelled: 'cancelled' } as const;

export function taskResource(task: TaskRow, patientId: string): fhir4.Task {
  const notes = [task.detail, task.closeNote].filter((n): n is string => typeof n === 'string' && n.length > 0);
  return {
    resourceType: 'Task',
    id: task.id,
    meta: { profile: [UK_CORE('Task')] },
    status: TASK_STATUS[task.status],
    intent: 'order',
    code: { coding: [{ system: TASK_KIND_SYSTEM, code: task.kind }] },
    description: task.title,
    for: { reference: ref(patientId) },
    ...(task.stayId ? { encounter: { reference: ref(task.stayId) } } : {}),
    ...(task.sourceResponseId ? { focus: { reference: ref(task.sourceResponseId) } } : {}),
    authoredOn: task.createdAt,
    ...(task.closedAt ? { lastModified: task.closedAt, executionPeriod: { end: task.closedAt } } : {}),
    restriction: { period: { end: task.dueAt } },
    requester: staff(task.createdBy, null, task.siteCode),
    ...(notes.length > 0 ? { note: notes.map((text) => ({ text })) } : {}),
  };
}

export function consentResource(consent: ConsentRow, patientId: string): fhir4.Consent {
  return {
    resourceType: 'Consent',
    id: consent.id,
    meta: { profile: [UK_CORE('Consent')] },
    status: 'active',
    scope: { coding: [{ system: CONSENT_SCOPE, code: 'patient-privacy', display: 'Privacy Consent' }] },
    category: [{ coding: [{ system: CONSENT_CATEGORY_LOINC, code: '59284-0', display: 'Patient Consent' }] }],
    patient: { reference: ref(patientId) },
    dateTime: consent.recordedAt,
    performer: [staff(consent.recordedBy, consent.recordedByName, consent.originSite)],
    policyRule: { text: `Legal basis: ${consent.legalBasis}` },
    provision: {
      type: consent.decision === 'share' ? 'permit' : 'deny',
      period: { start: consent.decidedOn },
      class: consent.categories.map((c) => ({ system: DATA_CATEGORY_SYSTEM, code: c })),
    },
  };
}
