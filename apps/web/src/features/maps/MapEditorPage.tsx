// Placeholder until this page is built.
export function MapEditorPage() {
  return null;
}
