// "Person changed" notices for live screens: a local write or a pulled page publishes the people it
// touched; a screen waiting for notices (browser host long poll, Electron push) learns which
// records to refresh. Notices carry record ids only, never clinical content; the screen re-reads
// through the router, which checks access and audits as usual.
export interface NoticeBatch {
  /** The newest notice's number: ask for notices after it next time. */
  seq: number;
  personIds: string[];
}

const KEEP = 500;

export class NoticeHub {
  private seq = 0;
  private readonly recent: { seq: number; personId: string }[] = [];
  private readonly waiters = new Set<() => void>();
  private readonly listeners = new Set<(batch: NoticeBatch) => void>();

  get latest(): number {
    return this.seq;
  }

  publish(personIds: readonly string[]): void {
    if (personIds.length === 0) return;
    for (const personId of new Set(personIds)) this.recent.push({ seq: ++this.seq, personId });
    if (this.recent.length > KEEP) this.recent.splice(0, this.recent.length - KEEP);
    const batch = { seq: this.seq, personIds: [...new Set(personIds)] };
    for (const wake of this.waiters) wake();
    for (const listener of this.listeners) listener(batch);
  }

  /** Notices after `afterSeq`; everyone when the caller has fallen behind what is kept (refresh all). */
  since(afterSeq: number): NoticeBatch & { all: boolean } {
    const oldest = this.recent[0]?.seq ?? this.seq + 1;
    const all = afterSeq < oldest - 1 && this.recent.length >= KEEP;
    return { seq: this.seq, personIds: [...new Set(this.recent.filter((n) => n.seq > afterSeq).map((n) => n.personId))], all };
  }

  /** Resolves with what is new after `afterSeq`, at once if there is something, else on the next publish or after `timeoutMs`. */
  wait(afterSeq: number, timeoutMs: number): Promise<NoticeBatch & { all: boolean }> {
    if (this.seq > afterSeq) return Promise.resolve(this.since(afterSeq));
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(done);
        resolve(this.since(afterSeq));
      };
      const timer = setTimeout(done, timeoutMs);
      timer.unref();
      this.waiters.add(done);
    });
  }

  /** Push delivery (Electron). Returns an unsubscribe function. */
  subscribe(listener: (batch: NoticeBatch) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
