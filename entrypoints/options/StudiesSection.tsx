import { useState } from 'preact/hooks';
import { useDb } from '@/hooks/use-db';
import {
  createBrand,
  createStudy,
  listBrands,
  listPinnableRubrics,
  listStudies,
  openNextWave,
  setRequireReview,
  siblingBrands,
  updateBrand,
  updateStudy,
} from '@/lib/db';
import { useLiveQuery } from '@/hooks/use-live-query';
import { t } from '@/lib/i18n';
import type { Brand, Study } from '@/lib/model';
import { BrandForm } from './BrandForm';
import { BrandList } from './BrandList';
import { StudyForm } from './StudyForm';
import { StudyList } from './StudyList';

/** Options page, Studies tab: the studies and the brands they compare. */
export function StudiesSection() {
  const db = useDb();
  const studies = useLiveQuery(() => listStudies(db), [db]);
  const brands = useLiveQuery(() => listBrands(db), [db]);
  const rubrics = useLiveQuery(() => listPinnableRubrics(db), [db]);
  const [study, setStudy] = useState<Study | 'new' | null>(null);
  const [brand, setBrand] = useState<Brand | 'new' | null>(null);
  const brandId = brand && brand !== 'new' ? brand.id : undefined;
  const siblings = useLiveQuery(() => siblingBrands(db, brandId), [db, brandId]);

  return (
    <>
      <section data-testid="studies-section">
        <header class="section-head">
          <h2>{t('studies.heading')}</h2>
          <button class="primary" data-testid="study-new" onClick={() => setStudy('new')}>
            {t('studies.new')}
          </button>
        </header>
        {study && brands && rubrics && (
          <StudyForm
            key={study === 'new' ? 'new' : study.id}
            study={study === 'new' ? undefined : study}
            brands={brands}
            rubrics={rubrics}
            onCancel={() => setStudy(null)}
            onSave={async (value) => {
              if (study === 'new') await createStudy(db, value, new Date());
              else {
                // The pin is not the form's to change: a move is stored through its warning.
                const { rubricId: _id, rubricVersion: _version, ...rest } = value;
                await updateStudy(db, study.id, rest, new Date());
              }
              setStudy(null);
            }}
          />
        )}
        {studies && brands && (
          <StudyList
            studies={studies}
            brands={brands}
            rubrics={rubrics ?? []}
            onEdit={setStudy}
            onOpenWave={(s, label) => openNextWave(db, s.id, label, new Date())}
            onRequireReview={(s, on) => setRequireReview(db, s.id, on, new Date())}
          />
        )}
      </section>
      <section data-testid="brands-section">
        <header class="section-head">
          <h2>{t('brands.heading')}</h2>
          <button data-testid="brand-new" onClick={() => setBrand('new')}>
            {t('brands.new')}
          </button>
        </header>
        {brand && siblings && (
          <BrandForm
            key={brand === 'new' ? 'new' : brand.id}
            brand={brand === 'new' ? undefined : brand}
            siblings={siblings}
            onCancel={() => setBrand(null)}
            onSave={async (value) => {
              if (brand === 'new') await createBrand(db, value, new Date());
              else await updateBrand(db, brand.id, value, new Date());
              setBrand(null);
            }}
          />
        )}
        {brands && <BrandList brands={brands} onEdit={setBrand} />}
      </section>
    </>
  );
}
