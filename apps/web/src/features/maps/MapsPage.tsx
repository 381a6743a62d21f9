// Placeholder until this page is built.
export function MapsPage() {
  return null;
}
