// The site configuration file (sonar.config.json in the data directory). Written by site
// provisioning, or as a demo site on first run. Parsed strictly: a bad file stops the app with
// a message naming the field, never a half-configured site.
import { z } from 'zod';

export const siteTypeSchema = z.enum(['custody', 'prison', 'community']);

export const siteConfigSchema = z
  .object({
    schemaVersion: z.literal(1),
    siteCode: z.string().regex(/^[A-Z0-9]{3,12}$/, { error: 'siteCode must be 3-12 capital letters or digits' }),
    siteName: z.string().trim().min(1).max(120),
    siteType: siteTypeSchema,
    /** Demo sites accept the NHS test number range (999...) and show a DEMO marker. */
    demo: z.boolean(),
    /** Idle period before the screen locks on a shared PC. */
    idleLockMinutes: z.number().int().min(1).max(60).default(5),
  })
  .strict();
export type SiteConfig = z.infer<typeof siteConfigSchema>;

export const siteSummarySchema = siteConfigSchema.pick({ siteCode: true, siteName: true, siteType: true, demo: true });
export type SiteSummary = z.infer<typeof siteSummarySchema>;
