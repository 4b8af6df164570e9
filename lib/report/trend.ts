import type { WaveTally } from './types';

/** The latest wave with a touchpoint in it; the last wave when none has one. */
export function latestWaveWithData(waves: readonly WaveTally[]): string {
  for (let i = waves.length - 1; i >= 0; i--) {
    if (Object.keys(waves[i]!.tally).length > 0) return waves[i]!.wave;
  }
  return waves.at(-1)?.wave ?? '';
}
