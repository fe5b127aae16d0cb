import type { ProjectRowsRepository, RowRef } from '../db/repositories/project-rows';

/**
 * Old id → new id for every row an archive brings. New ids follow the largest in use, so they
 * are known before a row is written and a row may refer to one written after it (an undo
 * refers to the change it undid).
 */
export class IdMaps {
  private readonly maps = new Map<RowRef, Map<number, number>>();
  private readonly next = new Map<RowRef, number>();

  /** `runFoldersInUse`: the largest run folder name on disk, so a new run never lands in a leftover folder. */
  constructor(
    private readonly repo: ProjectRowsRepository,
    private readonly runFoldersInUse: number,
  ) {}

  private nextId(table: RowRef): number {
    const last = this.next.get(table) ?? this.startAfter(table);
    this.next.set(table, last + 1);
    return last + 1;
  }

  private startAfter(table: RowRef): number {
    if (table === 'events') return this.repo.maxEventId();
    if (table === 'training_runs') return Math.max(this.repo.maxId(table), this.runFoldersInUse);
    return this.repo.maxId(table);
  }

  private map(table: RowRef): Map<number, number> {
    let map = this.maps.get(table);
    if (!map) this.maps.set(table, (map = new Map()));
    return map;
  }

  /** Gives an archived row its new id. */
  allocate(table: RowRef, old: number): number {
    const id = this.nextId(table);
    this.map(table).set(old, id);
    return id;
  }

  /** Records an existing row (an annotator matched by name) as what an old id now means. */
  reuse(table: RowRef, old: number, id: number): void {
    this.map(table).set(old, id);
  }

  /** Whether the archive brought a row of `table` with this old id. */
  has(table: RowRef, old: unknown): boolean {
    return typeof old === 'number' && this.map(table).has(old);
  }

  /**
   * The new id an old reference stands for. Job references are dropped; an event that was deleted
   * (its history and predictions keep its id) gets a fresh id too; anything else must be in the archive.
   */
  ref(table: RowRef, old: unknown): number | null {
    if (old === null || old === undefined || table === 'jobs') return null;
    if (typeof old !== 'number' || !Number.isInteger(old)) throw new Error(`The archive is damaged: a reference to ${table} is ${JSON.stringify(old)}, not an id`);
    const id = this.map(table).get(old);
    if (id !== undefined) return id;
    if (table === 'events') return this.allocate(table, old);
    throw new Error(`The archive is damaged: a row refers to ${table} ${old}, which the archive does not hold`);
  }

  /** Like `ref` for a value that may not be null. */
  must(table: RowRef, old: unknown): number {
    const id = this.ref(table, old);
    if (id === null) throw new Error(`The archive is damaged: a required reference to ${table} is missing`);
    return id;
  }
}
