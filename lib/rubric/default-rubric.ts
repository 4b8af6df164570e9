import type { Criterion, Rubric } from '../model';

const criterion = (id: string, label: string, help: string): Criterion => ({
  id,
  label,
  help,
  weight: 1,
  appliesTo: 'all',
  critical: false,
});

/**
 * The seeded rubric: id `default`, version 1, scale 1–5, every criterion weight 1,
 * none critical, all apply to every category. Its texts are stored data (a lead may edit
 * them), so they are written here in English rather than looked up per language.
 */
export function makeDefaultRubric(now: string): Rubric {
  return {
    id: 'default',
    version: 1,
    name: 'Default touchpoint rubric',
    scale: { min: 1, max: 5 },
    criteria: [
      criterion(
        'speed',
        'Speed & responsiveness',
        'How quickly did it load, answer or move you on?',
      ),
      criterion(
        'clarity',
        'Clarity of information',
        'Was it easy to understand, prices and fees included?',
      ),
      criterion(
        'effort',
        'Ease / low effort',
        'How little did you have to do, repeat or search to get it done?',
      ),
      criterion(
        'empathy',
        'Friendliness & empathy',
        'Did it feel courteous, warm and attentive to you?',
      ),
      criterion(
        'personalisation',
        'Personalisation & relevance',
        'Did it fit you and what you were trying to do?',
      ),
      criterion(
        'trust',
        'Trust & credibility',
        'Security signals, clear policies, genuine reviews.',
      ),
      criterion(
        'consistency',
        'Consistency with the brand',
        'Did it look, sound and promise the same as the brand elsewhere?',
      ),
      criterion(
        'resolution',
        'Helpfulness & resolution',
        'Did it answer the question or solve the problem?',
      ),
    ],
    createdAt: now,
    updatedAt: now,
  };
}
