import type { Sequenced } from './paging';

/** An in-memory table keyed by SID, remembering insertion order for stable paging. */
export class Table<T extends Sequenced & { readonly sid: string }> {
  private readonly rows = new Map<string, T>();
  private nextSeq = 1;

  /** Stores a new record; `build` receives the insertion sequence the record must carry. */
  insert(build: (seq: number) => T): T {
    const record = build(this.nextSeq++);
    this.rows.set(record.sid, record);
    return record;
  }

  replace(record: T): T {
    this.rows.set(record.sid, record);
    return record;
  }

  get(sid: string): T | undefined {
    return this.rows.get(sid);
  }

  delete(sid: string): boolean {
    return this.rows.delete(sid);
  }

  /** All rows, ascending by insertion. */
  all(): T[] {
    return [...this.rows.values()];
  }

  get size(): number {
    return this.rows.size;
  }
}
