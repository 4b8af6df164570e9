import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import {
  FIRST_PAGE,
  readTouchpointPage,
  type AuditorDb,
  type PageCursor,
  type TouchpointFilter,
} from '@/lib/db';
import type { Audit, Rubric, Touchpoint } from '@/lib/model';

/** The touchpoints view's list: pages read on demand, and local edits kept in step. */
export interface TouchpointList {
  rows: Touchpoint[];
  loading: boolean;
  /** More pages can be read. */
  hasMore: boolean;
  /** Reads the next page (ignored while one is being read). */
  loadMore: () => void;
  /** Replaces a row after an edit, or puts a restored one back where it was. */
  upsert: (tp: Touchpoint, at?: number) => void;
  /** Takes a row out (deleted); returns where it was. */
  remove: (id: string) => number;
}

/**
 * Pages through the touchpoints of `audits` matching `filter`, reading the first page at once
 * and the others when `loadMore` is called (as the list is scrolled). A new filter starts over.
 */
export function useTouchpointList(
  db: AuditorDb,
  audits: readonly Audit[] | undefined,
  filter: TouchpointFilter,
  rubric: Rubric | undefined,
  pageSize = 50,
): TouchpointList {
  const [rows, setRows] = useState<Touchpoint[]>([]);
  const [loading, setLoading] = useState(false);
  const [cursor, setCursor] = useState<PageCursor | null>(FIRST_PAGE);
  // Which query a page belongs to, so a late answer for an old filter is dropped.
  const generation = useRef(0);
  const busy = useRef(false);

  const read = useCallback(
    (from: PageCursor, reset: boolean) => {
      if (!audits) return;
      const mine = ++generation.current;
      busy.current = true;
      setLoading(true);
      void readTouchpointPage(db, audits, filter, rubric, from, pageSize).then((page) => {
        if (mine !== generation.current) return;
        busy.current = false;
        setLoading(false);
        setRows((prev) =>
          reset
            ? page.rows
            : [...prev, ...page.rows.filter((r) => !prev.some((p) => p.id === r.id))],
        );
        setCursor(page.next);
      });
    },
    // The filter is compared by value: a new object with the same fields is the same query.
    [db, audits, JSON.stringify(filter), rubric, pageSize],
  );

  useEffect(() => {
    setRows([]);
    setCursor(FIRST_PAGE);
    read(FIRST_PAGE, true);
  }, [read]);

  const loadMore = useCallback(() => {
    if (!busy.current && cursor) read(cursor, false);
  }, [cursor, read]);

  const upsert = useCallback((tp: Touchpoint, at?: number) => {
    setRows((prev) => {
      const i = prev.findIndex((r) => r.id === tp.id);
      if (i >= 0) return prev.map((r) => (r.id === tp.id ? tp : r));
      const next = [...prev];
      next.splice(at ?? 0, 0, tp);
      return next;
    });
  }, []);

  const remove = useCallback(
    (id: string) => {
      const at = rows.findIndex((r) => r.id === id);
      setRows((prev) => prev.filter((r) => r.id !== id));
      return at;
    },
    [rows],
  );

  return { rows, loading, hasMore: cursor !== null, loadMore, upsert, remove };
}
