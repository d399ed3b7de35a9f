// The tables that are the projection of the event log, each with the key that orders it for a
// row-for-row comparison. Everything else (staff, grants, agreements, audit, throttle, clock) is
// local-only data that never travels as events.
export const CLINICAL_TABLES = {
  persons: 'id',
  person_identifiers: 'id',
  person_aliases: 'id',
  stays: 'id',
  flags: 'id',
  tasks: 'id',
  form_responses: 'id',
  handovers: 'id',
  referrals: 'id',
  consents: 'id',
  sync_conflicts: 'id',
  caseload_slots: 'id',
  caseload_assignments: 'id',
  treatments: 'id',
  sms_reviews: 'id',
  care_plans: 'id',
  care_plan_versions: 'id',
  release_plans: 'id',
} as const;

export type ClinicalTable = keyof typeof CLINICAL_TABLES;
export const clinicalTableNames = Object.keys(CLINICAL_TABLES) as ClinicalTable[];
