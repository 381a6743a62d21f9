// URL-safe organization slugs derived from a name ("Riverbend Community Hospital" → "riverbend-community-hospital").

export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/g, '');
}

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A validation message for a slug, or null when it is fine. */
export function slugError(slug: string): string | null {
  if (slug.length < 2) return 'Use at least 2 characters';
  if (slug.length > 63) return 'Use at most 63 characters';
  if (!SLUG_PATTERN.test(slug)) return 'Use lowercase letters, digits and single hyphens';
  return null;
}
