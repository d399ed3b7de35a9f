// Staff accounts. Roles are stored as a JSON list and parsed back through the domain schema, so a
// row with an unknown role can never grant anything.
import { count, eq } from 'drizzle-orm';
import { z } from 'zod';
import { roleSchema, type Role } from '../domain/access/roles';
import type { SiteDb } from './open';
import { users } from './schema';

export interface UserRow {
  id: string;
  username: string;
  fullName: string;
  passwordHash: string;
  roles: Role[];
  mustChangePassword: boolean;
  disabled: boolean;
}

const storedRoles = z.array(z.unknown()).transform((list) => list.flatMap((r) => (roleSchema.safeParse(r).success ? [r as Role] : [])));

export class UsersRepo {
  constructor(private readonly db: SiteDb) {}

  count(): number {
    return this.db.select({ n: count() }).from(users).get()?.n ?? 0;
  }

  findByUsername(username: string): UserRow | null {
    const row = this.db.select().from(users).where(eq(users.username, username)).get();
    return row ? { ...row, roles: storedRoles.parse(row.roles) } : null;
  }

  findById(id: string): UserRow | null {
    const row = this.db.select().from(users).where(eq(users.id, id)).get();
    return row ? { ...row, roles: storedRoles.parse(row.roles) } : null;
  }

  list(): UserRow[] {
    return this.db
      .select()
      .from(users)
      .orderBy(users.fullName)
      .all()
      .map((row) => ({ ...row, roles: storedRoles.parse(row.roles) }));
  }

  setPassword(id: string, passwordHash: string, mustChangePassword: boolean): void {
    this.db.update(users).set({ passwordHash, mustChangePassword }).where(eq(users.id, id)).run();
  }

  update(id: string, change: { roles: Role[]; disabled: boolean; fullName: string }): void {
    this.db.update(users).set(change).where(eq(users.id, id)).run();
  }

  insert(user: Omit<UserRow, 'disabled'> & { createdAt: string }): void {
    this.db
      .insert(users)
      .values({ ...user, disabled: false })
      .run();
  }
}
