// Severity of a flag or a score band, always as words with the tag colour beside them (never
// colour alone).
import type { Severity } from '../../domain/templates/template-schema';

export const severityLabels: Record<Severity, string> = {
  none: 'No risk identified',
  low: 'Low',
  moderate: 'Moderate',
  high: 'High',
  severe: 'Severe',
};

const tagColours: Record<Severity, string> = {
  none: 'nhsuk-tag--grey',
  low: 'nhsuk-tag--blue',
  moderate: 'nhsuk-tag--yellow',
  high: 'nhsuk-tag--orange',
  severe: 'nhsuk-tag--red',
};

export function severityTagClass(severity: Severity): string {
  return `nhsuk-tag ${tagColours[severity]}`;
}

/** Flags: "High risk"; "No risk identified" for an information-only flag. */
export function flagSeverityText(severity: Severity): string {
  return severity === 'none' ? 'Information' : `${severityLabels[severity]} risk`;
}
