// The site's settings. One build serves every site; what makes a PC belong to a site is its
// machine policy (the Windows registry key HKLM\SOFTWARE\Policies\SONAR, then a machine-wide
// site.json), or, on a developer machine, sonar.config.json in the data directory. Each source is
// parsed strictly with `siteSettingsLayerSchema` (every field optional, unknown fields refused),
// the sources are merged field by field, and the result is parsed with `siteConfigSchema`: a bad
// value stops the app with a message naming the field, never a half-configured site.
//
// The names here are the names IT types into the registry, site.json and the ADMX template, and
// the names the sync client reads, so they say what they are.
import { z } from 'zod';

export const siteTypeSchema = z.enum(['custody', 'prison', 'community']);

export const siteCodeSchema = z.string().regex(/^[A-Z0-9]{3,12}$/, { error: 'siteCode must be 3-12 capital letters or digits' });

/** https://host[:port][/path], no query, fragment or user info: where the central record listens. */
const HTTPS_URL = /^https:\/\/(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?::\d{1,5})?(?:\/[A-Za-z0-9._~\-/]*)?$|^https:\/\/\[[0-9a-f:]+\](?::\d{1,5})?(?:\/[A-Za-z0-9._~\-/]*)?$/i;
/** http://host:port of an HTTP CONNECT proxy (the tunnel itself carries TLS end to end). */
const PROXY_URL = /^http:\/\/(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?:\d{1,5}\/?$|^http:\/\/\[[0-9a-f:]+\]:\d{1,5}\/?$/i;
const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/;
/** /etc/..., C:\..., C:/..., \\server\share\... */
const ABSOLUTE_PATH = /^(?:\/|[A-Za-z]:[\\/]|\\\\[^\\]+\\)/;

function portInRange(url: string): boolean {
  const port = /:(\d{1,5})(?:\/|$)/.exec(url.replace(/^[a-z]+:\/\//i, '').replace(/^\[[^\]]*\]/, ''))?.[1];
  return port === undefined || (Number(port) >= 1 && Number(port) <= 65535);
}

export const centralUrlSchema = z
  .string()
  .max(2048)
  .regex(HTTPS_URL, { error: 'centralUrl must be an https:// address (for example https://central.example.nhs.uk)' })
  .refine(portInRange, { error: 'centralUrl has a port outside 1-65535' });

/** PEM text of one or more CA certificates, or the absolute path of a .pem file holding them. */
export const caBundleSchema = z
  .string()
  .max(1_000_000)
  .refine((v) => (v.trimStart().startsWith('-----BEGIN') ? PEM_CERTIFICATE.test(v) : ABSOLUTE_PATH.test(v)), {
    error: 'caBundle must be PEM text (-----BEGIN CERTIFICATE-----...) or the absolute path of a PEM file',
  });

/** `none`: connect directly. `system`: the operating system's proxy. Or an http://host:port CONNECT proxy. */
export const proxySettingSchema = z.union([
  z.literal('none'),
  z.literal('system'),
  z
    .string()
    .regex(PROXY_URL, { error: 'proxy must be "none", "system" or http://host:port' })
    .refine(portInRange, { error: 'proxy has a port outside 1-65535' }),
]);
export type ProxySetting = z.infer<typeof proxySettingSchema>;

/** `none`: never updates itself (IT deploys new versions; the MSI default). `manual`: checks when asked. `start`: checks at start. */
export const updateModeSchema = z.enum(['none', 'manual', 'start']);

/** Wording of the AUDIT and AUDIT-C questions: UK units (OHID, the default in England) or WHO standard drinks. */
export const alcoholQuestionsSchema = z.enum(['uk', 'who']);

const absolutePathSchema = z.string().max(1024).regex(ABSOLUTE_PATH, { error: 'must be an absolute path' });

/** Every setting, none optional and none defaulted: the building block of the two schemas below. */
const settingFields = {
  siteCode: siteCodeSchema,
  siteName: z.string().trim().min(1).max(120),
  siteType: siteTypeSchema,
  /** Demo sites accept the NHS test number range (999...) and show a DEMO marker. Never on a packaged build. */
  demo: z.boolean(),
  /** Idle period before the screen locks on a shared PC. */
  idleLockMinutes: z.number().int().min(1).max(60),
  /** The central record this site syncs with and is provisioned against. */
  centralUrl: centralUrlSchema,
  /** The CA(s) that issued the central's server certificate. */
  caBundle: caBundleSchema,
  /** Whether the site syncs with the central at all. */
  syncEnabled: z.boolean(),
  proxy: proxySettingSchema,
  updateMode: updateModeSchema,
  /** Template files (JSON, FHIR-Questionnaire-like data) the site loads beside the shipped library. */
  templates: z.array(absolutePathSchema).max(200),
  /** Code-list files (JSON) the site loads beside the shipped SNOMED CT list. */
  codeLists: z.array(absolutePathSchema).max(50),
  alcoholQuestions: alcoholQuestionsSchema,
  /** Substance misuse review timers (domain/sms/review-schedule.ts): days to the first and second review, then weeks between reviews. */
  smsFirstReviewDays: z.number().int().min(1).max(60),
  smsSecondReviewDays: z.number().int().min(2).max(180),
  smsReviewIntervalWeeks: z.number().int().min(1).max(52),
} as const;

export type SiteSettingName = keyof typeof settingFields;
export const siteSettingNames = Object.keys(settingFields) as SiteSettingName[];

/** One source of settings (registry, machine site.json, data-directory file): any subset, nothing unknown. */
export const siteSettingsLayerSchema = z
  .object({ schemaVersion: z.literal(1), ...settingFields })
  .partial()
  .strict();
export type SiteSettingsLayer = z.infer<typeof siteSettingsLayerSchema>;

const siteConfigObject = z
  .object({
    schemaVersion: z.literal(1).default(1),
    siteCode: settingFields.siteCode,
    siteName: settingFields.siteName,
    siteType: settingFields.siteType,
    demo: settingFields.demo.default(false),
    idleLockMinutes: settingFields.idleLockMinutes.default(5),
    centralUrl: settingFields.centralUrl.optional(),
    caBundle: settingFields.caBundle.optional(),
    syncEnabled: settingFields.syncEnabled.default(false),
    proxy: settingFields.proxy.default('system'),
    updateMode: settingFields.updateMode.default('none'),
    templates: settingFields.templates.default([]),
    codeLists: settingFields.codeLists.default([]),
    alcoholQuestions: settingFields.alcoholQuestions.default('uk'),
    smsFirstReviewDays: settingFields.smsFirstReviewDays.default(5),
    smsSecondReviewDays: settingFields.smsSecondReviewDays.default(28),
    smsReviewIntervalWeeks: settingFields.smsReviewIntervalWeeks.default(13),
  })
  .strict();

/** The resolved settings of a site: complete, with defaults filled in. */
export const siteConfigSchema = siteConfigObject.superRefine((config, ctx) => {
  if (config.syncEnabled && config.centralUrl === undefined) {
    ctx.addIssue({ code: 'custom', path: ['centralUrl'], message: 'centralUrl is required when syncEnabled is true' });
  }
  if (config.syncEnabled && config.caBundle === undefined) {
    ctx.addIssue({ code: 'custom', path: ['caBundle'], message: 'caBundle is required when syncEnabled is true' });
  }
  if (config.smsSecondReviewDays <= config.smsFirstReviewDays) {
    ctx.addIssue({ code: 'custom', path: ['smsSecondReviewDays'], message: 'smsSecondReviewDays must be more than smsFirstReviewDays' });
  }
  if (config.smsReviewIntervalWeeks * 7 <= config.smsSecondReviewDays) {
    ctx.addIssue({ code: 'custom', path: ['smsReviewIntervalWeeks'], message: 'smsReviewIntervalWeeks must put the first interval review after the second review' });
  }
});
export type SiteConfig = z.infer<typeof siteConfigSchema>;

export const siteSummarySchema = siteConfigObject.pick({ siteCode: true, siteName: true, siteType: true, demo: true });
export type SiteSummary = z.infer<typeof siteSummarySchema>;

/**
 * The identity a site's client certificate carries (subjectAltName URI), which the central checks
 * together with the registered fingerprint.
 */
export function siteCertificateUri(siteCode: string): string {
  return `urn:sonar:site:${siteCode}`;
}
