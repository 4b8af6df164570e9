const CARD_FIELD =
  'input[autocomplete^="cc-"], input[name*="card" i], input[id*="card" i], input[name*="cvc" i], input[name*="cvv" i]';

/** Whether an element is, holds, or sits in a form with card fields (a hint for the guess). */
export function hasCardFields(el: Element): boolean {
  if (el.matches(CARD_FIELD) || el.querySelector(CARD_FIELD)) return true;
  const form = el.closest('form');
  return !!form?.querySelector(CARD_FIELD);
}
