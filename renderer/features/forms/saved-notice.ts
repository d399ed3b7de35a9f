// The notice after saving an entry: what was saved and everything it set in motion, in words.
export interface SaveOutcome {
  flagsRaised: string[];
  tasksCreated: string[];
  referralsCreated: string[];
  tasksCompleted?: string[];
}

function list(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export function savedNotice(title: string, outcome: SaveOutcome, verb = 'saved'): string {
  const parts = [`${title} ${verb}.`];
  if (outcome.flagsRaised.length > 0) parts.push(`${outcome.flagsRaised.length === 1 ? 'Flag' : 'Flags'} raised: ${list(outcome.flagsRaised)}.`);
  if (outcome.tasksCreated.length > 0) parts.push(`${outcome.tasksCreated.length === 1 ? 'Task' : 'Tasks'} created: ${list(outcome.tasksCreated)}.`);
  if (outcome.tasksCompleted && outcome.tasksCompleted.length > 0) parts.push(`${outcome.tasksCompleted.length === 1 ? 'Task' : 'Tasks'} completed: ${list(outcome.tasksCompleted)}.`);
  if (outcome.referralsCreated.length > 0) parts.push(`${outcome.referralsCreated.length === 1 ? 'Referral' : 'Referrals'} made: ${list(outcome.referralsCreated)}.`);
  return parts.join(' ');
}
