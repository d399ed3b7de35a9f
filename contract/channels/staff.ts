// Staff accounts, managed by the site administrator. There is no default password anywhere: a new
// account gets a temporary password the person must change at first sign-in.
import { z } from 'zod';
import { roleSchema } from '../../domain/access/roles';
import { channel } from './channel';
import { requiredName, uuidSchema } from './common';
import { newPasswordSchema, usernameSchema } from './auth';

export const staffMemberSchema = z.object({
  id: z.string(),
  username: z.string(),
  fullName: z.string(),
  roles: z.array(roleSchema),
  disabled: z.boolean(),
  mustChangePassword: z.boolean(),
  /** Seconds until the next sign-in attempt is allowed (0 when not throttled). */
  throttledForSeconds: z.number().int(),
});
export type StaffMember = z.infer<typeof staffMemberSchema>;

const rolesInput = z.array(roleSchema).min(1, { error: 'Choose at least one role' }).max(4);

export const staffList = channel({
  input: z.object({}).strict(),
  output: z.object({ staff: z.array(staffMemberSchema) }),
  access: { kind: 'permission', permission: 'staff.manage' },
  auditAction: 'listed staff',
});

export const staffCreate = channel({
  input: z
    .object({ fullName: requiredName('Full name', 120), username: usernameSchema, roles: rolesInput, temporaryPassword: newPasswordSchema })
    .strict(),
  output: z.object({ userId: z.string() }),
  access: { kind: 'permission', permission: 'staff.manage' },
  auditAction: 'created staff account',
});

export const staffUpdate = channel({
  input: z.object({ userId: uuidSchema, fullName: requiredName('Full name', 120), roles: rolesInput, disabled: z.boolean() }).strict(),
  output: z.object({ updated: z.literal(true) }),
  access: { kind: 'permission', permission: 'staff.manage' },
  auditAction: 'changed staff account',
});

export const staffResetPassword = channel({
  input: z.object({ userId: uuidSchema, temporaryPassword: newPasswordSchema }).strict(),
  output: z.object({ reset: z.literal(true) }),
  access: { kind: 'permission', permission: 'staff.manage' },
  auditAction: 'reset staff password',
});

export const staffUnlock = channel({
  input: z.object({ userId: uuidSchema }).strict(),
  output: z.object({ unlocked: z.literal(true) }),
  access: { kind: 'permission', permission: 'staff.manage' },
  auditAction: 'unlocked staff account',
});
