// Placeholder until this page is built.
export function VendorPage() {
  return null;
}
