import type { ReviewState } from '../model';
import { t } from './translate';

// Labels only the extension's pages show: their texts are in en-pages, which the content
// script does not carry.

/** An audit's review state in words. */
export const reviewStateLabel = (state: ReviewState): string => t(`review.state.${state}`);
