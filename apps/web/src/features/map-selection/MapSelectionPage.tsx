// Placeholder until this page is built.
export function MapSelectionPage() {
  return null;
}
