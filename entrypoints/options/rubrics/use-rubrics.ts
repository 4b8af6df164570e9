// Data the Rubrics tab reads, through Dexie live queries (re-run when the data changes, in
// this page or another extension page). The database comes from <DbContext> (hooks/use-db)
// so component tests can hand in their own; the page uses the shared one.
import { useDb } from '@/hooks/use-db';
import { useLiveQuery } from '@/hooks/use-live-query';
import {
  isRubricUsed,
  listCategories,
  listLatestRubrics,
  listRubricVersions,
  listStudiesOfRubric,
} from '@/lib/db';
import type { Category, Rubric, Study } from '@/lib/model';

/** The newest version of every rubric, by name. */
export function useLatestRubrics(): Rubric[] | undefined {
  const db = useDb();
  return useLiveQuery(() => listLatestRubrics(db), [db]);
}

/** One version of a rubric with whether touchpoints were scored with it. */
export interface VersionInfo {
  rubric: Rubric;
  used: boolean;
  /** Live studies pinned to this version. */
  pinnedBy: number;
}

/** Every version of a rubric, oldest first, with use and pins. */
export function useRubricVersions(id: string | undefined): VersionInfo[] | undefined {
  const db = useDb();
  return useLiveQuery(async () => {
    if (!id) return [];
    const versions = await listRubricVersions(db, id);
    const studies = await listStudiesOfRubric(db, id);
    return Promise.all(
      versions.map(async (rubric) => ({
        rubric,
        used: await isRubricUsed(db, id, rubric.version),
        pinnedBy: studies.filter((s) => s.rubricVersion === rubric.version).length,
      })),
    );
  }, [db, id]);
}

/** Live studies pinned to any version of a rubric. */
export function useStudiesOfRubric(id: string | undefined): Study[] | undefined {
  const db = useDb();
  return useLiveQuery(() => (id ? listStudiesOfRubric(db, id) : []), [db, id]);
}

/** Every category, seeded first, then custom ones. */
export function useCategories(): Category[] | undefined {
  const db = useDb();
  return useLiveQuery(() => listCategories(db), [db]);
}
