// What a saved assessment does to the flags it can derive. A later result never leaves an older one
// in the banner: an active flag of the same type takes the new severity and evidence (a new
// version; the log keeps the old). When the latest result no longer meets a flag's criteria the
// flag stays (ending it is a clinician's decision) but says so, with the latest evidence.
// A result never lowers the severity of a flag a clinician set by hand or another form raised.
import { formatClinicalDateTime } from '../../domain/person/clinical-time';
import type { FormResponse } from '../../domain/templates/response';
import type { Severity, Template } from '../../domain/templates/template-schema';
import type { FlagRow } from '../../db/flags-repo';
import type { StoreWrites } from '../../db/store';
import type { NewFlag } from './flags-service';

const RANK: Record<Severity, number> = { none: 0, low: 1, moderate: 2, high: 3, severe: 4 };

export interface FlagChange {
  flag: FlagRow;
  change: { label: string; severity: Severity; reason: string; partnerAdvice: string | null; sourceResponseId: string };
}

/** Whether the active flag was raised or last updated by a response of this same form. */
function fromSameForm(w: StoreWrites, flag: FlagRow, template: Template): boolean {
  if (!flag.sourceResponseId) return false;
  return w.forms.get(flag.sourceResponseId)?.templateId === template.id;
}

/**
 * A flag raised by a score band is at least as severe as that band: COWS 39 is severe withdrawal
 * whatever the rule's own (minimum) severity says.
 */
function derivedSeverity(template: Template, response: FormResponse, flag: FormResponse['flags'][number]): Severity {
  const rule = template.flags.find((r) => r.id === flag.ruleId);
  if (rule?.when.kind !== 'scoreBand') return flag.severity;
  const scoreRule = rule.when.score;
  const band = response.scores.find((s) => s.id === scoreRule)?.band;
  return band && RANK[band.severity] > RANK[flag.severity] ? band.severity : flag.severity;
}

function scoreSummary(response: FormResponse): string {
  return response.scores.map((s) => `${s.label} ${s.value}${s.band ? `: ${s.band.label}` : ''}`).join('; ');
}

export function derivedFlagChanges(w: StoreWrites, template: Template, response: FormResponse, personId: string): { raise: NewFlag[]; update: FlagChange[] } {
  const raise: NewFlag[] = [];
  const update: FlagChange[] = [];
  const derivedCodes = new Set(response.flags.map((f) => f.code));
  for (const flag of response.flags) {
    const reason = `${flag.reason} Because: ${flag.because}.`;
    const derived = derivedSeverity(template, response, flag);
    const active = w.flags.activeWithCode(personId, flag.code);
    if (!active) {
      raise.push({ personId, code: flag.code, label: flag.label, severity: derived, reason, partnerAdvice: flag.partnerAdvice ?? null, sourceResponseId: response.id });
      continue;
    }
    const severity = fromSameForm(w, active, template) || RANK[derived] > RANK[active.severity as Severity] ? derived : (active.severity as Severity);
    if (active.reason === reason && active.severity === severity) continue;
    update.push({ flag: active, change: { label: flag.label, severity, reason, partnerAdvice: flag.partnerAdvice ?? active.partnerAdvice, sourceResponseId: response.id } });
  }
  // Flags this form can raise, still active from an earlier response of it, whose criteria the latest no longer meets.
  const when = formatClinicalDateTime(response.recordedAt);
  for (const rule of template.flags) {
    if (derivedCodes.has(rule.code)) continue;
    const active = w.flags.activeWithCode(personId, rule.code);
    if (!active || !fromSameForm(w, active, template) || active.sourceResponseId === response.id) continue;
    const summary = scoreSummary(response);
    const reason = `Latest ${template.title} (${when})${summary ? `: ${summary}` : ''}. The criteria for this flag are no longer met: review whether to end it.`;
    update.push({ flag: active, change: { label: active.label, severity: active.severity as Severity, reason, partnerAdvice: active.partnerAdvice, sourceResponseId: response.id } });
  }
  return { raise, update };
}
