/**
 * The one limit on ids. Ids are made where a record is created (UUIDs, so several shoppers'
 * work merges without clashes; seeded records use readable ids such as `default`). Whatever
 * reads ids from outside — backup and rubric files, messages from a content script, the rubric
 * editor — accepts any non-empty string of at most this many characters, so ids written by
 * other tools or older versions still load. (Custom category ids are stricter: see
 * `MAX_CATEGORY_ID_LENGTH` in lib/rubric/category.ts.)
 */
export const MAX_ID_LENGTH = 200;
