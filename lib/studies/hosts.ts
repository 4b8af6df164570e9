import type { Brand } from '../model';
import { normaliseDomain } from './validate';

/**
 * The brand of a study that claims a host: the host equals one of its domains or ends with
 * `.domain` (so `shop.example.com` is example.com's). Undefined when none does.
 */
export function brandForHost(brands: Brand[], host: string): Brand | undefined {
  const h = host.toLowerCase().replace(/\.$/, '');
  return brands.find((b) => b.domains.some((d) => h === d || h.endsWith(`.${d}`)));
}

/** The host a brand is given when claimed on the fly: normalised, without `www.`. */
export function claimableHost(host: string): string | undefined {
  const result = normaliseDomain(host);
  return result.ok ? result.value : undefined;
}
