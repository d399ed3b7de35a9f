// Tasks: due assessments, reviews, letters, results, appointments and follow-ups.
import { and, asc, eq, inArray, lt, ne, or, type SQL } from 'drizzle-orm';
import type { SiteDb } from './open';
import { tasks } from './schema-clinical';

export type TaskRow = typeof tasks.$inferSelect;
export type TaskStatusFilter = TaskRow['status'] | 'all';

/** The most a list returns; a list cut short says so (never a silent loss). */
export const TASK_LIST_LIMIT = 500;

export interface TaskFilter {
  siteCode: string;
  personId: string | null;
  status: TaskStatusFilter;
  /** Only tasks assigned to this worker. */
  assigneeId?: string | null;
  /** Only tasks on these teams' lists (with `orUnassignedOf`: also anyone's tasks not given to a worker). */
  teams?: readonly string[] | null;
  kinds?: readonly string[] | null;
  /** Only tasks due before this instant. */
  dueBefore?: string | null;
}

export class TasksRepo {
  constructor(private readonly db: SiteDb) {}

  private where(filter: TaskFilter): SQL | undefined {
    const conditions: (SQL | undefined)[] = [eq(tasks.siteCode, filter.siteCode)];
    if (filter.personId) conditions.push(eq(tasks.personId, filter.personId));
    if (filter.status !== 'all') conditions.push(eq(tasks.status, filter.status));
    if (filter.assigneeId) conditions.push(eq(tasks.assigneeId, filter.assigneeId));
    if (filter.teams) conditions.push(filter.teams.length > 0 ? inArray(tasks.team, [...filter.teams]) : eq(tasks.id, ''));
    if (filter.kinds) conditions.push(filter.kinds.length > 0 ? inArray(tasks.kind, [...filter.kinds]) : eq(tasks.id, ''));
    if (filter.dueBefore) conditions.push(lt(tasks.dueAt, filter.dueBefore));
    return and(...conditions);
  }

  list(filter: TaskFilter, limit: number = TASK_LIST_LIMIT): TaskRow[] {
    return this.db.select().from(tasks).where(this.where(filter)).orderBy(asc(tasks.dueAt), asc(tasks.id)).limit(limit).all();
  }

  /** A person's open tasks held for other sites (received by sync), soonest due first. */
  openElsewhere(personId: string, siteCode: string): TaskRow[] {
    return this.db
      .select()
      .from(tasks)
      .where(and(eq(tasks.personId, personId), eq(tasks.status, 'open'), ne(tasks.siteCode, siteCode)))
      .orderBy(asc(tasks.dueAt), asc(tasks.id))
      .limit(TASK_LIST_LIMIT)
      .all();
  }

  /** A person's tasks closed as done at any site this one holds them for (its own, or received by sync). */
  doneForPerson(personId: string): TaskRow[] {
    return this.db
      .select()
      .from(tasks)
      .where(and(eq(tasks.personId, personId), eq(tasks.status, 'done')))
      .orderBy(asc(tasks.dueAt), asc(tasks.id))
      .all();
  }

  get(id: string): TaskRow | null {
    return this.db.select().from(tasks).where(eq(tasks.id, id)).get() ?? null;
  }

  /** Open tasks about a record (a treatment's review, a care plan's review, a release plan's follow-up). */
  openAbout(type: string, id: string): TaskRow[] {
    return this.db
      .select()
      .from(tasks)
      .where(and(eq(tasks.aboutType, type), eq(tasks.aboutId, id), eq(tasks.status, 'open')))
      .orderBy(asc(tasks.dueAt))
      .all();
  }

  /** Open tasks at a site given to any of these workers or on any of these teams. */
  openForWorkersOrTeams(siteCode: string, workerIds: readonly string[], teams: readonly string[]): TaskRow[] {
    const who = [...(workerIds.length ? [inArray(tasks.assigneeId, [...workerIds])] : []), ...(teams.length ? [inArray(tasks.team, [...teams])] : [])];
    if (who.length === 0) return [];
    return this.db
      .select()
      .from(tasks)
      .where(and(eq(tasks.siteCode, siteCode), eq(tasks.status, 'open'), or(...who)))
      .orderBy(asc(tasks.dueAt))
      .limit(TASK_LIST_LIMIT * 4)
      .all();
  }
}
