// What the custody officer must do, first on the handover: the healthcare professional's own
// directions (fitness, observation level, rousing and its direction, directions to custody staff),
// emergencies the answers called for, then the handling advice of the active flags (the same need-to-know advice a police partner
// sees: every high or severe flag, generic advice where the clinician wrote none), then the other
// actions the assessment advised.
import type { Flag } from '../../../contract/channels/flags';
import type { SavedResponse } from '../../../contract/channels/forms';
import { partnerAdviceFor } from '../../../domain/access/partner-advice';

export interface Direction {
  heading: string;
  text: string;
}

/** The answers of a handover assessment that are directions to custody staff, in the order they print. */
export const DIRECTION_ITEMS = ['fit-to-detain', 'fit-for-interview', 'observation-level', 'rousing', 'rousing-direction', 'directions'] as const;

export function officerDirections(response: SavedResponse, activeFlags: readonly Flag[]): Direction[] {
  const rows = new Map(response.sections.flatMap((s) => s.rows).map((r) => [r.itemId, r]));
  const own = DIRECTION_ITEMS.flatMap((id) => {
    const row = rows.get(id);
    return row ? [{ heading: `${row.label}:`, text: row.answer }] : [];
  });
  const emergencies = response.advice.filter((a) => a.urgency === 'emergency').map((a) => ({ heading: 'Emergency:', text: a.text }));
  const handling = partnerAdviceFor(activeFlags.map((f) => ({ code: f.code, label: f.label, severity: f.severity, partnerAdvice: f.partnerAdvice, since: f.setAt }))).map((a) => ({
    heading: `${a.label}:`,
    text: a.advice,
  }));
  const actions = response.advice.filter((a) => a.urgency === 'action').map((a) => ({ heading: 'Advised:', text: a.text }));
  return [...emergencies, ...own, ...handling, ...actions];
}
