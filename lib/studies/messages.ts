import { t, type MessageKey } from '../i18n';
import type { FieldError } from './validate';

const keys: Record<FieldError['code'], MessageKey> = {
  required: 'validation.required',
  invalidDomain: 'validation.invalidDomain',
  domainTaken: 'validation.domainTaken',
  duplicateDomain: 'validation.duplicateDomain',
  ownTaken: 'validation.ownTaken',
  twoOwn: 'validation.twoOwn',
  noBrands: 'validation.noBrands',
  noRubric: 'validation.noRubric',
};

/** The sentence shown under a field that failed validation. */
export function validationMessage(error: FieldError): string {
  return t(keys[error.code], error.params);
}
