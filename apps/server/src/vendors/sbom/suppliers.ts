// Who supplies an SBOM's components, as vendors of the inventory: each distinct supplier is matched
// to a vendor already there (same web domain, or the same name or alias once legal suffixes and
// punctuation are set aside), or becomes a new vendor.
import { comparableName, type VendorForMatching } from '../import/duplicates';
import { normalizeDomain } from '../import/mapping';
import type { SbomComponent } from './sbom';

export interface Supplier {
  /** The supplier's name as the SBOM spells it (first spelling seen), cut to a vendor name's length. */
  name: string;
  domain: string | null;
  /** Positions (in the SBOM's component list) of the components it supplies. */
  components: number[];
  /** The inventory vendor it matched, or null when it is new. */
  vendorId: string | null;
  match: 'same domain' | 'same name' | null;
}

const MAX_NAME = 300;

/** A supplier written as a bare domain ("dcm4che.org") names its domain too. */
function supplierDomain(component: SbomComponent): string | null {
  const fromUrl = component.supplierUrl ? normalizeDomain(component.supplierUrl) : null;
  if (fromUrl) return fromUrl;
  const name = component.supplier?.trim() ?? '';
  return /^[^\s]+\.[a-z]{2,63}$/i.test(name) ? normalizeDomain(name) : null;
}

function keyOf(name: string): string {
  return comparableName(name) || name.trim().toLowerCase();
}

/** The distinct suppliers of the components, each matched to the inventory when it can be. */
export function matchSuppliers(components: SbomComponent[], inventory: VendorForMatching[]): Supplier[] {
  const byDomain = new Map<string, VendorForMatching>();
  const byName = new Map<string, VendorForMatching>();
  for (const vendor of inventory) {
    if (vendor.domain && !byDomain.has(vendor.domain)) byDomain.set(vendor.domain, vendor);
    for (const name of [vendor.name, ...(vendor.aliases ?? [])]) {
      const key = keyOf(name);
      if (key && !byName.has(key)) byName.set(key, vendor);
    }
  }
  const suppliers = new Map<string, Supplier>();
  components.forEach((component, position) => {
    const raw = component.supplier?.trim();
    if (!raw) return;
    const domain = supplierDomain(component);
    const key = keyOf(raw);
    const known = suppliers.get(key) ?? (domain ? suppliers.get(`domain:${domain}`) : undefined);
    if (known) {
      known.components.push(position);
      if (!known.domain && domain) known.domain = domain;
      return;
    }
    const byItsDomain = domain ? byDomain.get(domain) : undefined;
    const byItsName = byName.get(key);
    const vendor = byItsDomain ?? byItsName;
    const supplier: Supplier = {
      name: raw.slice(0, MAX_NAME),
      domain,
      components: [position],
      vendorId: vendor?.id ?? null,
      match: byItsDomain ? 'same domain' : byItsName ? 'same name' : null,
    };
    suppliers.set(key, supplier);
    if (domain) suppliers.set(`domain:${domain}`, supplier);
  });
  return [...new Set(suppliers.values())];
}
