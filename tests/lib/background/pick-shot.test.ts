import { describe, expect, it } from 'vitest';
import { evidenceAtSave, reusablePick, toPickShot } from '@/lib/background/pick-shot';
import type { EvidenceImage } from '@/lib/capture';

const at = new Date('2026-11-22T10:15:00.000Z');
const sample = (v: number) => ({ side: 2, rgba: new Uint8Array(16).fill(v) });
const image = (v: number): EvidenceImage => ({
  blob: new Blob([new Uint8Array([v])], { type: 'image/jpeg' }),
  mime: 'image/jpeg',
  width: 40,
  height: 20,
  sha256: String(v % 10).repeat(64),
  sample: sample(v),
});
const covered = [{ kind: 'email' as const, count: 1 }];

describe('a pick screenshot and the kinds of personal data uncovered', () => {
  it('keeps what the pick covered and which kinds it left visible', () => {
    const shot = toPickShot({ ...image(0), redactions: covered }, 'tp-1', true, at, ['phone']);
    expect(shot).toMatchObject({ redactions: covered, uncovered: ['phone'] });
    expect(toPickShot(image(0), 'tp-1', true, at)).not.toHaveProperty('uncovered');
  });

  it('is reused at Save only when the same kinds are uncovered', () => {
    const soon = new Date(at.getTime() + 100);
    const pick = toPickShot(image(0), 'tp-1', true, at, ['email']);
    expect(reusablePick(pick, true, soon, ['email'])).toBe(true);
    expect(reusablePick(pick, true, soon, [])).toBe(false);
    expect(reusablePick(pick, true, soon, ['email', 'card'])).toBe(false);
  });

  it('is not taken for a changed element when Save uncovered a kind the pick covered', () => {
    const pick = toPickShot(image(0), 'tp-1', true, at);
    const opts = { masked: true, reused: false, url: null };
    // The e-mail address shows at Save: the pixels differ, the element did not change.
    const uncovering = evidenceAtSave(pick, image(250), { ...opts, uncovered: ['email'] });
    expect(uncovering.changedAfterPick).toBe(false);
    expect(uncovering.pickEvidence).toBeUndefined();
    // Masked alike, the same difference is a change.
    expect(evidenceAtSave(pick, image(250), opts).changedAfterPick).toBe(true);
  });
});
