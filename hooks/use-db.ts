import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { getDb, type AuditorDb } from '@/lib/db';

/** The database a page works on; undefined means the shared one (tests hand in their own). */
export const DbContext = createContext<AuditorDb | undefined>(undefined);

/** The database of the surrounding <DbContext>, or the shared one. */
export function useDb(): AuditorDb {
  return useContext(DbContext) ?? getDb();
}
