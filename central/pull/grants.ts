// What a site may hold about each person it subscribes to, decided afresh on every pull page from
// the agreements and the person's consent, and compared with what it was last allowed: categories
// that dropped out become removal instructions; categories that were added make the central send
// the person's earlier events again (they were skipped while withheld).
import type { ConsentDecision, DataCategory, OrgType, Purpose } from '../../domain/access/disclosure';
import { ALL_CATEGORIES, type Decider } from '../policy/decider';

export interface SubscriptionRow {
  id: string;
  personId: string;
  kind: 'stay' | 'lookup' | 'author';
  purpose: Purpose;
  categoryCap: DataCategory[] | null;
  expiresAt: Date | null;
  /** Null until the first pull fixes it (see the subscriptions table). */
  snapshotSeq: number | null;
  snapshotFloor: number;
  snapshotGen: number;
  snapshotDone: boolean;
  granted: Record<string, string[]> | null;
}

export interface Grant {
  /** Permitted categories per origin organisation type. */
  permitted: Map<OrgType, Set<DataCategory>>;
  /** Withheld categories per origin organisation type, each with the rule that withheld it. */
  withheld: Map<OrgType, Map<DataCategory, string>>;
  /** Categories permitted from some origin: the test for the central's own events (conflicts). */
  anyPermitted: Set<DataCategory>;
}

export interface GrantChange {
  grant: Grant;
  /** What to store as `granted`. */
  stored: Record<string, string[]>;
  lost: { orgType: OrgType; categories: DataCategory[]; rules: string[] }[];
  gained: boolean;
}

const capRule = 'outside what the lookup that subscribed this site may see (need-to-know summary only)';

export function evaluateGrant(
  sub: SubscriptionRow,
  toOrgType: OrgType,
  fromOrgTypes: readonly OrgType[],
  consents: readonly ConsentDecision[],
  decider: Decider,
): GrantChange {
  const categories = sub.categoryCap ?? ALL_CATEGORIES;
  const permitted = new Map<OrgType, Set<DataCategory>>();
  const withheld = new Map<OrgType, Map<DataCategory, string>>();
  const anyPermitted = new Set<DataCategory>();
  const stored: Record<string, string[]> = {};
  for (const from of fromOrgTypes) {
    const decision = decider.decide({ fromOrgType: from, toOrgType, purpose: sub.purpose, categories, consents });
    const set = new Set(decision.permitted);
    permitted.set(from, set);
    const rules = new Map(decision.withheld.map((w) => [w.category, w.rule]));
    for (const c of ALL_CATEGORIES) if (!categories.includes(c)) rules.set(c, capRule);
    withheld.set(from, rules);
    for (const c of set) anyPermitted.add(c);
    stored[from] = [...set].sort();
  }
  const lost: GrantChange['lost'] = [];
  let gained = false;
  if (sub.granted) {
    for (const from of fromOrgTypes) {
      // An organisation type not yet evaluated had no site when this was last decided: nothing of it was skipped.
      const previous = sub.granted[from];
      if (previous === undefined) continue;
      const before = new Set(previous);
      const now = permitted.get(from) as Set<DataCategory>;
      const dropped = [...before].filter((c) => !now.has(c as DataCategory)) as DataCategory[];
      if (dropped.length > 0) {
        const rules = [...new Set(dropped.map((c) => withheld.get(from)?.get(c) ?? 'no longer permitted'))];
        lost.push({ orgType: from, categories: dropped.sort(), rules });
      }
      if ([...now].some((c) => !before.has(c))) gained = true;
    }
  }
  return { grant: { permitted, withheld, anyPermitted }, stored, lost, gained };
}

export function sameGrant(a: Record<string, string[]> | null, b: Record<string, string[]>): boolean {
  if (!a) return false;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) if ((a[k] ?? []).join(',') !== (b[k] ?? []).join(',')) return false;
  return true;
}
