// Placeholder until this page is built.
export function VendorsPage() {
  return null;
}
