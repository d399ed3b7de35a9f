// Site reports: a report is run over a period (and, where it applies, one worker) in the
// background; the screen follows its progress, shows its sections (figures, a table, a chart)
// and exports exactly what was shown as CSV or PDF. A person's record is exported as a FHIR UK
// Core bundle. Every run and every export is one audit row.
import { z } from 'zod';
import { teamSchema } from '../../domain/access/teams';
import { channel } from './channel';
import { calendarDate, emptyInput, uuidSchema } from './common';

/** Report definitions live in main/services/reports; each has one id here. */
export const reportIdSchema = z.enum(['custody-kpis', 'workforce', 'ndtms', 'outcomes', 'continuity']);
export type ReportId = z.infer<typeof reportIdSchema>;

/** Filters a report may accept besides its period (a report names the ones that apply to it). */
export const reportFilterSchema = z.enum(['worker', 'team']);
export type ReportFilter = z.infer<typeof reportFilterSchema>;

export const reportRequestSchema = z
  .object({
    reportId: reportIdSchema,
    from: calendarDate('Start date'),
    to: calendarDate('End date'),
    /** Only what this member of staff did; null for everyone. */
    workerId: uuidSchema.nullable().default(null),
    /** Only this team's work; null for every team. */
    team: teamSchema.nullable().default(null),
  })
  .strict();
export type ReportRequest = z.infer<typeof reportRequestSchema>;

/** A person named in a report row: their name with the identifiers that tell them apart, together. */
export const reportPersonCellSchema = z.object({ name: z.string(), identifiers: z.string() });

export const reportCellSchema = z.union([z.string(), z.number(), z.null(), reportPersonCellSchema]);
export type ReportCell = z.infer<typeof reportCellSchema>;

export const reportColumnSchema = z.object({
  id: z.string(),
  label: z.string(),
  /** How a value is written: counts and minutes as whole numbers, percents and means with one decimal place. */
  kind: z.enum(['text', 'count', 'percent', 'minutes', 'person', 'mean']),
});
export type ReportColumn = z.infer<typeof reportColumnSchema>;

export const reportTableSchema = z.object({
  columns: z.array(reportColumnSchema).min(1),
  rows: z.array(z.record(z.string(), reportCellSchema)),
});
export type ReportTable = z.infer<typeof reportTableSchema>;

/** The data for a chart: one group of bars per category, one bar per series (stacked when they add up). */
export const reportChartSchema = z.object({
  title: z.string(),
  stacked: z.boolean(),
  categoryKey: z.string(),
  valueLabel: z.string(),
  series: z.array(z.object({ key: z.string(), label: z.string() })).min(1),
  data: z.array(z.record(z.string(), z.union([z.string(), z.number()]))),
});
export type ReportChart = z.infer<typeof reportChartSchema>;

export const reportFigureSchema = z.object({
  id: z.string(),
  label: z.string(),
  /** Null when there is nothing to measure (no stays in the period): shown as "Not known", never 0. */
  value: z.number().nullable(),
  unit: z.enum(['count', 'percent', 'minutes']),
});
export type ReportFigure = z.infer<typeof reportFigureSchema>;

export const reportSectionSchema = z.object({
  id: z.string(),
  title: z.string(),
  /** What is counted, and over what, in words. */
  description: z.string(),
  figures: z.array(reportFigureSchema),
  table: reportTableSchema,
  chart: reportChartSchema.nullable(),
  notes: z.array(z.string()),
});
export type ReportSection = z.infer<typeof reportSectionSchema>;

export const reportResultSchema = z.object({
  runId: z.string(),
  reportId: reportIdSchema,
  title: z.string(),
  siteCode: z.string(),
  siteName: z.string(),
  from: z.string(),
  to: z.string(),
  workerId: z.string().nullable(),
  workerName: z.string().nullable(),
  /** The team the report was narrowed to, in words; null for every team. */
  teamName: z.string().nullable(),
  producedAt: z.string(),
  producedBy: z.string(),
  sections: z.array(reportSectionSchema),
  /** A national return's own file (the NDTMS CSV), exported as it is; null for other reports. */
  returnFile: z.string().nullable(),
});
export type ReportResult = z.infer<typeof reportResultSchema>;

export const reportsList = channel({
  input: emptyInput,
  output: z.object({
    reports: z.array(z.object({ id: reportIdSchema, title: z.string(), description: z.string(), filters: z.array(reportFilterSchema) })),
    /** Staff a report can be filtered to. */
    workers: z.array(z.object({ id: z.string(), fullName: z.string() })),
    /** Teams a report can be filtered to. */
    teams: z.array(z.object({ id: teamSchema, label: z.string() })),
  }),
  access: { kind: 'permission', permission: 'report.view' },
  auditAction: 'listed reports',
});

export const reportsStart = channel({
  input: reportRequestSchema,
  output: z.object({ runId: z.string() }),
  access: { kind: 'permission', permission: 'report.view' },
  auditAction: 'ran report',
});

export const reportProgressSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('running'), done: z.number().int(), total: z.number().int(), step: z.string() }),
  z.object({ state: z.literal('done'), result: reportResultSchema }),
  z.object({ state: z.literal('failed'), message: z.string() }),
]);
export type ReportProgress = z.infer<typeof reportProgressSchema>;

export const reportsProgress = channel({
  input: z
    .object({
      runId: uuidSchema,
      /** Steps the caller has already seen: the answer waits (briefly) for more than this. */
      seen: z.number().int().min(0).max(1000).default(0),
    })
    .strict(),
  output: reportProgressSchema,
  access: { kind: 'permission', permission: 'report.view' },
  auditAction: 'followed report',
});

export const exportFormatSchema = z.enum(['csv', 'pdf', 'return']);

/** A file for the user to save: text as it is, binary (PDF) as base64. */
export const exportFileSchema = z.object({
  fileName: z.string(),
  mediaType: z.string(),
  encoding: z.enum(['utf8', 'base64']),
  content: z.string(),
  bytes: z.number().int(),
});
export type ExportFile = z.infer<typeof exportFileSchema>;

export const reportsExport = channel({
  input: z.object({ runId: uuidSchema, format: exportFormatSchema }).strict(),
  output: exportFileSchema,
  access: { kind: 'permission', permission: 'report.view' },
  auditAction: 'exported report',
});

export const recordsExportFhir = channel({
  input: z.object({ personId: uuidSchema }).strict(),
  output: exportFileSchema.extend({ resources: z.number().int() }),
  access: { kind: 'permission', permission: 'record.export' },
  auditAction: 'exported record (FHIR)',
});
