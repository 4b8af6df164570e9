import { createBrand, createStudy, type AuditorDb } from '../../../lib/db';

export const t0 = new Date('2026-11-22T10:00:00.000Z');
export const t1 = new Date('2026-11-22T11:00:00.000Z');

/** Two brands (own and rival) and a study of both, created at `t0`. */
export async function twoBrandStudy(db: AuditorDb) {
  const own = await createBrand(
    db,
    { name: 'Northwind', role: 'own', domains: ['northwind.localhost'] },
    t0,
  );
  const rival = await createBrand(
    db,
    { name: 'Contoso', role: 'competitor', domains: ['contoso.localhost'] },
    t0,
  );
  const s = await createStudy(
    db,
    {
      name: 'Q4',
      wave: '2026-Q4',
      rubricId: 'default',
      rubricVersion: 1,
      brandIds: [own.id, rival.id],
    },
    t0,
  );
  return { own, rival, s };
}
