import { z } from 'zod';
import { permissionSchema, roleSchema } from '../../domain/access/roles';
import { siteSummarySchema } from '../site-config';
import { channel } from './channel';
import { emptyInput, requiredName } from './common';

export const usernameSchema = z
  .string({ error: 'Username must be text' })
  .trim()
  .toLowerCase()
  .min(3, { error: 'Username must be at least 3 characters' })
  .max(64, { error: 'Username must be 64 characters or fewer' })
  .regex(/^[a-z0-9][a-z0-9._-]*$/, { error: 'Username may contain only letters, digits, dots, hyphens and underscores' });

/** Bounded so a huge password cannot tie up the hasher. */
export const passwordSchema = z
  .string({ error: 'Password must be text' })
  .min(1, { error: 'Enter your password' })
  .max(256, { error: 'Password must be 256 characters or fewer' });

/** Rules for a new password (NCSC: length over complexity). */
export const newPasswordSchema = passwordSchema.refine((p) => p.length >= 12, {
  error: 'Password must be at least 12 characters',
});

export const signedInUserSchema = z.object({
  id: z.string(),
  username: z.string(),
  fullName: z.string(),
  roles: z.array(roleSchema),
  permissions: z.array(permissionSchema),
});
export type SignedInUser = z.infer<typeof signedInUserSchema>;

export const sessionInfoSchema = z.object({
  user: signedInUserSchema,
  mustChangePassword: z.boolean(),
  site: siteSummarySchema,
  idleLockSeconds: z.number().int().positive(),
});

/** Emergency access (break-glass) of the user's still in force, so the page can show it and end it. */
export const openBreakGlassSchema = z.object({ grantId: z.string(), personId: z.string(), reason: z.string(), expiresAt: z.string() });

export const authSignIn = channel({
  input: z.object({ username: usernameSchema, password: passwordSchema }).strict(),
  output: sessionInfoSchema.extend({
    token: z.string(),
    /** Given in an earlier session that ended without signing out (a reloaded page, a closed window). */
    breakGlass: z.array(openBreakGlassSchema),
  }),
  access: { kind: 'anonymous' },
  auditAction: 'signed in',
});

export const authSignOut = channel({
  input: emptyInput,
  output: z.object({ signedOut: z.literal(true) }),
  access: { kind: 'signedIn' },
  auditAction: 'signed out',
  whileLocked: true,
  whilePasswordChangeRequired: true,
});

export const authSession = channel({
  input: emptyInput,
  output: sessionInfoSchema,
  access: { kind: 'signedIn' },
  auditAction: 'resumed session',
  whilePasswordChangeRequired: true,
});

/** The screen locks itself when idle; the server also locks a session idle past the site's period. */
export const authLock = channel({
  input: emptyInput,
  output: z.object({ locked: z.literal(true) }),
  access: { kind: 'signedIn' },
  auditAction: 'locked screen',
  whileLocked: true,
  whilePasswordChangeRequired: true,
});

export const authUnlock = channel({
  input: z.object({ password: passwordSchema }).strict(),
  output: sessionInfoSchema,
  access: { kind: 'signedIn' },
  auditAction: 'unlocked screen',
  whileLocked: true,
  whilePasswordChangeRequired: true,
});

export const authChangePassword = channel({
  input: z.object({ currentPassword: passwordSchema, newPassword: newPasswordSchema }).strict(),
  output: sessionInfoSchema,
  access: { kind: 'signedIn' },
  auditAction: 'changed password',
  whilePasswordChangeRequired: true,
});

export const setupStatus = channel({
  input: emptyInput,
  output: z.object({ needsFirstAdmin: z.boolean(), site: siteSummarySchema }),
  access: { kind: 'anonymous' },
  auditAction: 'checked setup status',
});

export const setupCreateFirstAdmin = channel({
  input: z
    .object({
      fullName: requiredName('Full name', 120),
      username: usernameSchema,
      password: newPasswordSchema,
      /** A small site's lead clinician is often its administrator too. */
      clinicalRole: roleSchema.nullable(),
    })
    .strict(),
  output: z.object({ userId: z.string() }),
  access: { kind: 'anonymous' },
  auditAction: 'created first administrator',
});
