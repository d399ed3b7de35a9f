import type { z } from 'zod';
import type { Permission } from '../../domain/access/roles';

/**
 * Who may call a channel. `anonymous` channels are the sign-in and first-run ones only;
 * `signedIn` needs a session but no permission (sign out, who am I); everything else names the
 * permission the router checks (deny by default).
 */
export type ChannelAccess = { kind: 'anonymous' } | { kind: 'signedIn' } | { kind: 'permission'; permission: Permission };

export interface ChannelDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  access: ChannelAccess;
  /** Human words for the audit trail ("viewed record", "registered person"). */
  auditAction: string;
  /**
   * What a session may still do while it is locked or must change its password. Everything else is
   * refused until the same user unlocks or changes the password.
   */
  whileLocked?: boolean;
  whilePasswordChangeRequired?: boolean;
  /**
   * Whether an input `personId` needs a legitimate relationship (or break-glass). True by default for
   * permission channels; false for governance channels (audit, break-glass itself).
   */
  relationship?: boolean;
  /**
   * A background read the page makes on its own (sync status, change notices): it does not count as
   * the user's activity (the idle lock still falls), and a successful call writes no audit row (it
   * reads no patient data). Refusals are audited as always.
   */
  passive?: boolean;
}

export function channel<I extends z.ZodType, O extends z.ZodType>(def: ChannelDef<I, O>): ChannelDef<I, O> {
  return def;
}
