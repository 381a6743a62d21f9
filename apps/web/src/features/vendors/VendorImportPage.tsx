// Placeholder until this page is built.
export function VendorImportPage() {
  return null;
}
