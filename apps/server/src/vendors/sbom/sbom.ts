// A software bill of materials for a product: its components and who supplies them, so that a
// product's own suppliers become visible dependencies. CycloneDX (JSON or XML) and SPDX (JSON).
import { XMLParser } from 'fast-xml-parser';
import { AppError } from '../../shared/errors';
import { decodeText } from '../import/decode';

export interface SbomComponent {
  name: string;
  version?: string;
  supplier?: string;
  /** The supplier's web address, when the SBOM gives one (CycloneDX supplier.url). */
  supplierUrl?: string;
  purl?: string;
}

export interface Sbom {
  format: 'CycloneDX' | 'SPDX';
  specVersion: string;
  /** The product the SBOM describes, when it says. */
  subject?: string;
  components: SbomComponent[];
}

export const MAX_COMPONENTS = 50_000;

const invalid = (message: string) => new AppError('invalid_file', message);

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim()
    ? value.trim()
    : typeof value === 'number'
      ? String(value)
      : undefined;
const asArray = (value: unknown): unknown[] =>
  Array.isArray(value) ? value : value === undefined ? [] : [value];

function component(raw: unknown, where: string, supplierOf: (c: Json) => string | undefined): SbomComponent {
  if (!isObject(raw)) throw invalid(`${where} is not an object.`);
  const name = text(raw.name);
  if (!name) throw invalid(`${where} has no name.`);
  const out: SbomComponent = { name };
  const version = text(raw.version) ?? text(raw.versionInfo);
  if (version) out.version = version;
  const supplier = supplierOf(raw);
  if (supplier) out.supplier = supplier;
  const supplierUrl = isObject(raw.supplier) ? text(asArray(raw.supplier.url)[0]) : undefined;
  if (supplierUrl) out.supplierUrl = supplierUrl;
  const purl = text(raw.purl);
  if (purl) out.purl = purl;
  return out;
}

/** CycloneDX components are nested: a component may list its own components. */
function flattenCycloneDx(list: unknown[], where: string, out: unknown[][]): void {
  list.forEach((c, i) => {
    out.push([c, `${where}[${i}]`]);
    if (isObject(c)) {
      const nested = isObject(c.components) ? asArray(c.components.component) : asArray(c.components);
      flattenCycloneDx(nested, `${where}[${i}].components`, out);
    }
  });
}

const cycloneSupplier = (c: Json) =>
  (isObject(c.supplier) ? text(c.supplier.name) : undefined) ?? text(c.publisher) ?? text(c.author);

function fromCycloneDx(doc: Json, components: unknown[], xml: boolean): Sbom {
  const flat: unknown[][] = [];
  flattenCycloneDx(components, xml ? 'bom.components.component' : 'components', flat);
  if (flat.length > MAX_COMPONENTS)
    throw invalid(`The SBOM lists ${flat.length} components; at most ${MAX_COMPONENTS} are supported.`);
  const metadata = isObject(doc.metadata) ? doc.metadata : {};
  const described = asArray(metadata.component)[0];
  const subject = isObject(described) ? text(described.name) : undefined;
  return {
    format: 'CycloneDX',
    specVersion: text(doc.specVersion) ?? text(doc['@_version']) ?? 'unknown',
    ...(subject ? { subject } : {}),
    components: flat.map(([c, where]) => component(c, String(where), cycloneSupplier)),
  };
}

const spdxSupplier = (c: Json) => {
  const value = text(c.supplier) ?? text(c.originator);
  if (!value || value === 'NOASSERTION') return undefined;
  return value.replace(/^(Organization|Person|Tool):\s*/i, '').replace(/\s*\([^)]*@[^)]*\)\s*$/, '');
};

function fromSpdx(doc: Json): Sbom {
  const packages = doc.packages;
  if (!Array.isArray(packages)) throw invalid('This SPDX document has no "packages" list.');
  if (packages.length > MAX_COMPONENTS)
    throw invalid(`The SBOM lists ${packages.length} packages; at most ${MAX_COMPONENTS} are supported.`);
  const described = new Set(asArray(doc.documentDescribes).map(String));
  const all = packages.map((p, i) => {
    const c = component(p, `packages[${i}]`, spdxSupplier);
    const purl = isObject(p)
      ? asArray(p.externalRefs).find((r) => isObject(r) && r.referenceType === 'purl')
      : undefined;
    if (isObject(purl) && text(purl.referenceLocator)) c.purl = text(purl.referenceLocator);
    return { c, id: isObject(p) ? text(p.SPDXID) : undefined };
  });
  const subject = all.find((x) => x.id && described.has(x.id));
  return {
    format: 'SPDX',
    specVersion: text(doc.spdxVersion) ?? 'unknown',
    ...(subject ? { subject: subject.c.name } : {}),
    components: all.filter((x) => x !== subject).map((x) => x.c),
  };
}

/** PDFs, zip files (XLSX, DOCX), gzip, PNG and JPEG images. */
function hasBinarySignature(bytes: Uint8Array): boolean {
  const starts = (sig: number[]) => sig.every((b, i) => bytes[i] === b);
  return [
    [0x25, 0x50, 0x44, 0x46],
    [0x50, 0x4b, 0x03, 0x04],
    [0x1f, 0x8b],
    [0x89, 0x50, 0x4e, 0x47],
    [0xff, 0xd8, 0xff],
  ].some(starts);
}

/** Parses an SBOM file, saying what is wrong when it cannot. */
export function parseSbom(bytes: Uint8Array): Sbom {
  if (bytes.length === 0) throw invalid('The file is empty.');
  if (hasBinarySignature(bytes)) {
    throw invalid(
      'This is not a text file. Upload an SBOM in CycloneDX (JSON or XML) or SPDX (JSON) format.',
    );
  }
  // JSON SBOMs are UTF-8; XML ones may come in UTF-16 (with a byte order mark).
  const content = decodeText(bytes)
    .text.replace(/^\uFEFF/, '')
    .trim();
  if (!content) throw invalid('The file is empty.');
  if (content.slice(0, 4096).includes('\u0000')) {
    throw invalid(
      'This is not a text file. Upload an SBOM in CycloneDX (JSON or XML) or SPDX (JSON) format.',
    );
  }
  if (/^SPDXVersion:/m.test(content.slice(0, 2000))) {
    throw invalid('SPDX tag-value files are not supported: export the SBOM as SPDX JSON and upload that.');
  }
  if (content.startsWith('<')) {
    let doc: Json;
    try {
      doc = new XMLParser({
        ignoreAttributes: false,
        parseTagValue: false,
        isArray: (name) => name === 'component',
      }).parse(content, true);
    } catch (err) {
      throw invalid(`This XML is not well formed: ${(err as Error).message}`);
    }
    const bom = doc.bom;
    if (!isObject(bom)) throw invalid('This XML file is not a CycloneDX SBOM (no <bom> element).');
    const list = isObject(bom.components) ? asArray(bom.components.component) : [];
    return fromCycloneDx(bom, list, true);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(content);
  } catch (err) {
    throw invalid(`This is neither XML nor valid JSON: ${(err as Error).message}`);
  }
  if (!isObject(doc)) throw invalid('The SBOM must be a JSON object.');
  if (doc.bomFormat === 'CycloneDX') {
    if (doc.components !== undefined && !Array.isArray(doc.components))
      throw invalid('"components" must be a list.');
    return fromCycloneDx(doc, asArray(doc.components), false);
  }
  if (typeof doc.spdxVersion === 'string') return fromSpdx(doc);
  throw invalid(
    'This JSON is not an SBOM: expected CycloneDX ("bomFormat": "CycloneDX") or SPDX ("spdxVersion").',
  );
}
