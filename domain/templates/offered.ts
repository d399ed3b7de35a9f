// Which templates a site offers for new responses: the latest version of each, for the site's
// kind, and, where a template is one wording of several (AUDIT in UK units or in WHO standard
// drinks), only the wording the site chose. A pure function: the service passes the registry, the
// site's kind and its choices (from its configuration), and the wording settings table.
import { z } from 'zod';
import type { TemplateRegistry } from './registry';
import type { Template } from './template-schema';

export type WordingSetting = {
  id: string;
  label: string;
  options: readonly { value: string; label: string }[];
  default: string;
};

/** A site's wording choices, by setting id (as read from its configuration). */
export const siteWordingsSchema = z.record(z.string(), z.string());
export type SiteWordings = z.infer<typeof siteWordingsSchema>;

export type SiteOffer = { siteType: 'custody' | 'prison' | 'community'; wordings: SiteWordings };

/** The option in force for a setting at a site: its choice when it is one of the options, else the default. */
export function wordingInForce(setting: WordingSetting, wordings: SiteWordings): string {
  const chosen = wordings[setting.id];
  return chosen !== undefined && setting.options.some((o) => o.value === chosen) ? chosen : setting.default;
}

/** Problems with a site's wording choices (unknown setting or option), each naming the setting. */
export function siteWordingProblems(settings: readonly WordingSetting[], wordings: SiteWordings): string[] {
  return Object.entries(wordings).flatMap(([id, value]) => {
    const setting = settings.find((s) => s.id === id);
    if (!setting) return [`"${id}" is not a wording setting (known: ${settings.map((s) => s.id).join(', ')})`];
    return setting.options.some((o) => o.value === value) ? [] : [`${id}: "${value}" is not one of ${setting.options.map((o) => o.value).join(', ')}`];
  });
}

export function offeredAt(template: Template, site: SiteOffer, settings: readonly WordingSetting[]): boolean {
  if (template.use && !template.use.siteTypes.includes(site.siteType)) return false;
  const wording = template.use?.wording;
  if (!wording) return true;
  const setting = settings.find((s) => s.id === wording.setting);
  // A template naming a setting this site does not know is not offered: its wording was never chosen.
  return setting !== undefined && wordingInForce(setting, site.wordings) === wording.option;
}

/** The latest version of each template the site offers for new responses, in registry order. */
export function templatesOffered(registry: TemplateRegistry, site: SiteOffer, settings: readonly WordingSetting[]): Template[] {
  const ids = [...new Set(registry.all().map((t) => t.id))];
  return ids.flatMap((id) => registry.latest(id) ?? []).filter((t) => offeredAt(t, site, settings));
}
