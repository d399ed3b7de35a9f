// Tasks: due assessments, letters, appointments and follow-ups.
import { and, asc, eq } from 'drizzle-orm';
import type { SiteDb } from './open';
import { tasks } from './schema-clinical';

export type TaskRow = typeof tasks.$inferSelect;
export type TaskStatusFilter = TaskRow['status'] | 'all';

export class TasksRepo {
  constructor(private readonly db: SiteDb) {}

  list(filter: { siteCode: string; personId: string | null; status: TaskStatusFilter }): TaskRow[] {
    const conditions = [eq(tasks.siteCode, filter.siteCode)];
    if (filter.personId) conditions.push(eq(tasks.personId, filter.personId));
    if (filter.status !== 'all') conditions.push(eq(tasks.status, filter.status));
    return this.db
      .select()
      .from(tasks)
      .where(and(...conditions))
      .orderBy(asc(tasks.dueAt))
      .limit(500)
      .all();
  }

  get(id: string): TaskRow | null {
    return this.db.select().from(tasks).where(eq(tasks.id, id)).get() ?? null;
  }
}
