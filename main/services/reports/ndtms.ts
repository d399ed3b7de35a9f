// The NDTMS secure-setting adult return for a month: the rows gathered by db/reports/ndtms-queries.ts
// become episodes (validated), the return file (domain/reports/ndtms/ndtms-return.ts) and the
// pre-submission error report (ndtms-errors.ts), which the screen shows as sections. The file is
// exported from the run as it was produced, like every other export, and audited the same way.
import type { ReportSection } from '../../../contract/channels/reports';
import { ndtmsSteps } from '../../../db/reports/ndtms-queries';
import type { ReportRow } from '../../../db/reports/report-worker';
import { currentNdtmsCodeList, listName, type NdtmsCodeList } from '../../../domain/reports/ndtms/code-lists';
import { ndtmsErrorReport } from '../../../domain/reports/ndtms/ndtms-errors';
import { ndtmsEpisodeSchema, type NdtmsEpisode } from '../../../domain/reports/ndtms/ndtms-record';
import { byRecord, NDTMS_COLUMNS, ndtmsCsv, ndtmsRow } from '../../../domain/reports/ndtms/ndtms-return';
import { keyServiceList } from '../../../domain/sms/referral-services';
import { siteDateOf } from '../../../domain/sms/review-schedule';
import { summariseTop, TOP_TEMPLATE_IDS, type TopValue } from '../../../domain/sms/top-summary';
import { NOT_DISCLOSED, type Answers } from '../../../domain/templates/answers';
import { ndtmsPrisonExit, ndtmsTreatmentDetails } from '../../../domain/templates/library/ndtms-details';
import type { ReportDefinition } from './report-definition';

const text = (row: ReportRow, key: string): string | null => (typeof row[key] === 'string' && row[key] !== '' ? (row[key] as string) : null);
const json = <T>(row: ReportRow, key: string): T | null => {
  const v = text(row, key);
  return v === null ? null : (JSON.parse(v) as T);
};
const valueOf = (v: TopValue) => v.value;

function topOf(answers: Answers | null): NdtmsEpisode['top'] {
  if (!answers) return null;
  const top = summariseTop(answers);
  const rating = (id: string) => valueOf(top.ratings.find((r) => r.id === id)?.rating ?? { value: null, notDisclosed: false });
  return {
    date: top.interviewDate,
    days: Object.fromEntries(top.days.map((d) => [d.key, d.days.value])),
    injectingDays: top.injectingDays.value,
    injectingDeclined: answers['injecting-days'] === NOT_DISCLOSED,
    psychologicalHealth: rating('psychological-health'),
    physicalHealth: rating('physical-health'),
    qualityOfLife: rating('quality-of-life'),
  };
}

/** A chosen answer as text; anything else (not asked, not disclosed) is not recorded. */
const choice = (answers: Answers | null, id: string): string | null => {
  const v = answers?.[id];
  return typeof v === 'string' && v !== NOT_DISCLOSED && v !== '' ? v : null;
};

function injectedEver(answers: Answers | null): NdtmsEpisode['injectedEver'] {
  const v = answers?.['injected-ever'];
  if (v === NOT_DISCLOSED) return 'declined';
  return typeof v === 'boolean' ? v : null;
}

/** One gathered row as an episode; a row the schema refuses fails the run (never a guessed value). */
export function ndtmsEpisodeOf(row: ReportRow): NdtmsEpisode {
  const release = json<{ service: string; referredOn: string }>(row, 'community_referral');
  const details = json<Answers>(row, 'details_answers');
  const exit = json<Answers>(row, 'exit_answers');
  const referralAt = text(row, 'referral_at');
  const arrivedAt = text(row, 'arrived_at');
  const exitedAt = text(row, 'exited_at');
  return ndtmsEpisodeSchema.parse({
    episodeId: row.episode_id,
    clientRef: text(row, 'client_ref'),
    birthDate: text(row, 'birth_date'),
    sex: text(row, 'sex'),
    ethnicity: choice(details, 'ethnicity'),
    injectedEver: injectedEver(details),
    pharmacologicalSub: choice(details, 'pharmacological-sub'),
    psychosocialSub: choice(details, 'psychosocial-sub'),
    recoverySupport: choice(details, 'recovery-support'),
    recoverySupportStart: choice(details, 'recovery-support-start'),
    receptionDate: arrivedAt && siteDateOf(arrivedAt),
    substances: json<string[]>(row, 'substances') ?? [],
    interventions: json<string[]>(row, 'interventions') ?? [],
    treatmentStart: row.started_on,
    referralDate: referralAt && siteDateOf(referralAt),
    triageDate: text(row, 'referral_status') === 'accepted' ? text(row, 'decided_on') : null,
    dischargeDate: text(row, 'ended_on'),
    dischargeReason: text(row, 'end_reason'),
    exitDate: exitedAt && siteDateOf(exitedAt),
    exitReason: choice(exit, 'exit-reason'),
    exitDestination: choice(exit, 'exit-destination'),
    releaseReferral: release ? (keyServiceList.services.find((s) => s.value === release.service)?.label ?? release.service) : null,
    releaseReferralDate: release?.referredOn ?? null,
    top: topOf(json<Answers>(row, 'top_answers')),
    reviewTop: topOf(json<Answers>(row, 'review_top_answers')),
    exitTop: topOf(json<Answers>(row, 'exit_top_answers')),
  });
}

export function ndtmsSections(episodes: readonly NdtmsEpisode[], list: NdtmsCodeList): ReportSection[] {
  const errors = ndtmsErrorReport(episodes, list);
  const withErrors = new Set(errors.map((e) => e.episodeId)).size;
  return [
    {
      id: 'ndtms-errors',
      title: 'Errors to correct before submission',
      description: `Each record and field the return would be rejected for. Correct the record in SONAR, then run the return again. Codes from ${listName(list)}.`,
      figures: [
        { id: 'records', label: 'Records in the return', value: episodes.length, unit: 'count' },
        { id: 'records-with-errors', label: 'Records with errors', value: withErrors, unit: 'count' },
        { id: 'errors', label: 'Errors', value: errors.length, unit: 'count' },
      ],
      table: {
        columns: [
          { id: 'record', label: 'Record (client reference)', kind: 'text' },
          { id: 'field', label: 'Field', kind: 'text' },
          { id: 'message', label: 'What to correct', kind: 'text' },
        ],
        rows: errors.map((e) => ({ record: e.record, field: e.field, message: e.message })),
      },
      chart: null,
      notes: errors.length === 0 ? ['No errors found: the return is ready to submit.'] : [],
    },
    {
      id: 'ndtms-return',
      title: 'Return records',
      description: 'One row per substance misuse treatment open at some time in the month, as the return file writes it (NA where nothing is recorded).',
      figures: [{ id: 'records', label: 'Records', value: episodes.length, unit: 'count' }],
      table: {
        columns: NDTMS_COLUMNS.map((c) => ({ id: c, label: c, kind: 'text' as const })),
        rows: [...episodes].sort(byRecord).map((e) => ndtmsRow(e, list)),
      },
      chart: null,
      notes: [],
    },
  ];
}

export const ndtms: ReportDefinition = {
  id: 'ndtms',
  title: 'NDTMS return (secure setting, adults)',
  description: 'The month’s NDTMS secure-setting adult return from the recorded substance misuse pathway, with the errors to correct before it is submitted.',
  filters: [],
  steps: (ctx) =>
    ndtmsSteps({
      site: ctx.site.siteCode,
      firstDay: ctx.period.from,
      lastDay: ctx.period.to,
      to: ctx.period.endsBefore,
      topTemplates: JSON.stringify(TOP_TEMPLATE_IDS),
      detailsTemplate: ndtmsTreatmentDetails.id,
      exitTemplate: ndtmsPrisonExit.id,
    }),
  sections: (rows) => ndtmsSections((rows.episodes ?? []).map(ndtmsEpisodeOf), currentNdtmsCodeList),
  returnFile: (rows) => ndtmsCsv((rows.episodes ?? []).map(ndtmsEpisodeOf), currentNdtmsCodeList),
};
