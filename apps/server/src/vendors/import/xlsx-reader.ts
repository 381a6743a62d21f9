// A fast reader for the sheets of an XLSX workbook, as rows of text: a 50,000-row inventory reads in
// a few hundred milliseconds, where a general-purpose workbook library takes seconds. It reads the
// zip archive's directory, inflates the workbook, its shared strings and its sheets with node:zlib,
// and scans their XML for rows, cells and values. It gives cells as a spreadsheet program shows
// their stored value (text, the number as written, TRUE/FALSE as "true"/"false", a formula's last
// result, errors as blank); styles, and so date formats, are not read. What it does not handle
// (ZIP64, encryption, unusual compression) throws XlsxUnsupported, and the caller reads the file
// with the general-purpose library instead.
import { inflateRawSync } from 'node:zlib';

export class XlsxUnsupported extends Error {}

/** A zip entry inflated larger than this is left to the streaming reader. */
const MAX_PART_BYTES = 256 * 1024 * 1024;

interface ZipEntry {
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

function zipDirectory(zip: Buffer): Map<string, ZipEntry> {
  // The end-of-central-directory record is in the last 65,557 bytes (22 plus a comment).
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 65_557); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new XlsxUnsupported('no zip directory');
  const count = zip.readUInt16LE(eocd + 10);
  let offset = zip.readUInt32LE(eocd + 16);
  if (count === 0xffff || offset === 0xffffffff) throw new XlsxUnsupported('ZIP64');
  const entries = new Map<string, ZipEntry>();
  for (let n = 0; n < count; n++) {
    if (offset + 46 > zip.length || zip.readUInt32LE(offset) !== 0x02014b50) {
      throw new XlsxUnsupported('damaged zip directory');
    }
    const flags = zip.readUInt16LE(offset + 8);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    const name = zip.toString(flags & 0x800 ? 'utf8' : 'latin1', offset + 46, offset + 46 + nameLength);
    if (flags & 0x1) throw new XlsxUnsupported('encrypted entry');
    entries.set(name.replace(/^\//, ''), {
      method: zip.readUInt16LE(offset + 10),
      compressedSize: zip.readUInt32LE(offset + 20),
      size: zip.readUInt32LE(offset + 24),
      localOffset: zip.readUInt32LE(offset + 42),
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function inflate(zip: Buffer, entry: ZipEntry): Buffer {
  const at = entry.localOffset;
  if (at + 30 > zip.length || zip.readUInt32LE(at) !== 0x04034b50) throw new XlsxUnsupported('damaged entry');
  const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
  const data = zip.subarray(start, start + entry.compressedSize);
  if (entry.size > MAX_PART_BYTES) throw new XlsxUnsupported('large part');
  if (entry.method === 0) return data;
  if (entry.method !== 8) throw new XlsxUnsupported(`compression method ${entry.method}`);
  return inflateRawSync(data, { maxOutputLength: MAX_PART_BYTES });
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML text to a string: entities, and the _xHHHH_ escapes spreadsheets use for control characters. */
export function xmlText(raw: string): string {
  let text = raw;
  if (text.startsWith('<![CDATA[')) return text.slice(9, text.lastIndexOf(']]>'));
  if (text.includes('&')) {
    text = text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (_, name: string) =>
      name.startsWith('#x')
        ? String.fromCodePoint(Number.parseInt(name.slice(2), 16))
        : name.startsWith('#')
          ? String.fromCodePoint(Number.parseInt(name.slice(1), 10))
          : (ENTITIES[name] ?? ''),
    );
  }
  if (text.includes('_x')) {
    text = text.replace(/_x([0-9a-fA-F]{4})_/g, (_, hex: string) =>
      String.fromCharCode(Number.parseInt(hex, 16)),
    );
  }
  return text;
}

const isSpace = (code: number) => code === 32 || code === 9 || code === 10 || code === 13;

/** The value of an attribute in a start tag's attribute text (name="value" or name='value'). */
function attribute(attributes: string, name: string): string | undefined {
  for (let from = 0; ; ) {
    const at = attributes.indexOf(name, from);
    if (at < 0) return undefined;
    from = at + 1;
    if (at > 0 && !isSpace(attributes.charCodeAt(at - 1))) continue;
    let i = at + name.length;
    while (isSpace(attributes.charCodeAt(i))) i++;
    if (attributes.charCodeAt(i) !== 61) continue; // =
    i++;
    while (isSpace(attributes.charCodeAt(i))) i++;
    const quote = attributes[i];
    if (quote !== '"' && quote !== "'") return undefined;
    const end = attributes.indexOf(quote, i + 1);
    if (end < 0) return undefined;
    const raw = attributes.slice(i + 1, end);
    return raw.includes('&') ? xmlText(raw) : raw;
  }
}

/** The prefix of the document's root element ("x:" in <x:worksheet>), usually none. */
function rootPrefix(xml: string, localName: string): string {
  const match = new RegExp(`<([A-Za-z_][\\w.-]*:)?${localName}[\\s>/]`).exec(xml);
  if (!match) throw new XlsxUnsupported(`no <${localName}> element`);
  return match[1] ?? '';
}

/** The text of the <t> elements between from and to, leaving out phonetic runs (<rPh>). */
function runsText(xml: string, from: number, to: number, p: string, hasPhonetic: boolean): string {
  let text = '';
  let at = from;
  const open = `<${p}t`;
  const close = `</${p}t>`;
  const phonetic = `<${p}rPh`;
  const phoneticClose = `</${p}rPh>`;
  // Searched within [from, to) only: most documents have no phonetic runs at all.
  const nextPhonetic = (start: number) => {
    const found = xml.substring(start, to).indexOf(phonetic);
    return found < 0 ? -1 : start + found;
  };
  let ph = hasPhonetic ? nextPhonetic(from) : -1;
  while (at < to) {
    const t = xml.indexOf(open, at);
    if (t < 0 || t >= to) break;
    if (ph >= 0 && ph < t) {
      const phEnd = xml.indexOf(phoneticClose, ph);
      at = phEnd < 0 ? to : phEnd + phoneticClose.length;
      ph = nextPhonetic(at);
      continue;
    }
    const next = xml.charCodeAt(t + open.length);
    // <t>, <t xml:space="preserve">, <t/>; not <tabColor> or the like.
    if (next !== 62 && next !== 47 && !isSpace(next)) {
      at = t + open.length;
      continue;
    }
    const tagEnd = xml.indexOf('>', t);
    if (xml.charCodeAt(tagEnd - 1) === 47) {
      at = tagEnd + 1;
      continue;
    }
    const end = xml.indexOf(close, tagEnd);
    if (end < 0) throw new XlsxUnsupported('unclosed <t>');
    text += xmlText(xml.slice(tagEnd + 1, end));
    at = end + close.length;
  }
  return text;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function sharedStrings(xml: string): string[] {
  const p = rootPrefix(xml, 'sst');
  const P = escapeRegExp(p);
  const hasPhonetic = xml.includes(`<${p}rPh`);
  // The usual <si><t>text</t></si> in one step; rich text (runs) and the rest through runsText.
  const item = new RegExp(
    `<${P}si>\\s*<${P}t(?:\\s[^>]*)?>([^<]*)</${P}t>\\s*</${P}si>|<${P}si(?:\\s[^>]*)?/>|<${P}si(?:\\s[^>]*)?>([\\s\\S]*?)</${P}si>`,
    'g',
  );
  const strings: string[] = [];
  for (const m of xml.matchAll(item)) {
    const simple = m[1];
    const runs = m[2];
    strings.push(
      simple !== undefined
        ? xmlText(simple)
        : runs !== undefined
          ? runsText(runs, 0, runs.length, p, hasPhonetic)
          : '',
    );
  }
  return strings;
}

/** "AB12" → 27 (the column's index from 0); undefined without letters. */
function columnIndex(ref: string): number | undefined {
  let index = 0;
  let letters = 0;
  for (let i = 0; i < ref.length; i++) {
    const code = ref.charCodeAt(i) | 0x20;
    if (code < 97 || code > 122) break;
    index = index * 26 + (code - 96);
    letters++;
  }
  return letters === 0 ? undefined : index - 1;
}

/** Number text as a spreadsheet stores it, as JavaScript writes that number ("1E3" → "1000"). */
function numberText(raw: string): string {
  const value = Number(raw);
  return Number.isFinite(value) ? String(value) : raw;
}

export interface SheetRecord {
  cells: string[];
  rowNumber: number;
}

/** The rows of a sheet (rows the sheet leaves out are not there), at most maxRows of them. */
function sheetRows(xml: string, strings: string[], maxRows: number): SheetRecord[] {
  const p = rootPrefix(xml, 'worksheet');
  const P = escapeRegExp(p);
  const hasPhonetic = xml.includes(`<${p}rPh`);
  const records: SheetRecord[] = [];
  const dataStart = xml.indexOf(`<${p}sheetData`);
  if (dataStart < 0) return records;
  const dataEnd = xml.indexOf(`</${p}sheetData>`, dataStart);
  if (dataEnd < 0) return records; // <sheetData/>
  const rowPattern = new RegExp(`<${P}row(?=[\\s>/])([^>]*?)(?:/>|>([\\s\\S]*?)</${P}row>)`, 'g');
  const cellPattern = new RegExp(`<${P}c(?=[\\s>/])([^>]*?)(?:/>|>([\\s\\S]*?)</${P}c>)`, 'g');
  const valuePattern = new RegExp(`<${P}v(?:\\s[^>]*)?>([^<]*)</${P}v>`);
  const inline = `<${p}is`;
  rowPattern.lastIndex = dataStart;
  let rowNumber = 0;
  for (let row = rowPattern.exec(xml); row && row.index < dataEnd; row = rowPattern.exec(xml)) {
    const r = attribute(row[1] ?? '', 'r');
    rowNumber = r ? Number.parseInt(r, 10) : rowNumber + 1;
    const cells: string[] = [];
    const body = row[2];
    if (body) {
      let column = -1;
      cellPattern.lastIndex = 0;
      for (let cell = cellPattern.exec(body); cell; cell = cellPattern.exec(body)) {
        const attributes = cell[1] ?? '';
        const ref = attribute(attributes, 'r');
        column = (ref === undefined ? undefined : columnIndex(ref)) ?? column + 1;
        if (column > 16_383) throw new XlsxUnsupported('column beyond XFD');
        const inner = cell[2];
        if (!inner) continue;
        const type = attribute(attributes, 't') ?? 'n';
        let text = '';
        if (type === 'inlineStr') {
          const is = inner.indexOf(inline);
          if (is >= 0) text = runsText(inner, is, inner.length, p, hasPhonetic);
        } else {
          const value = valuePattern.exec(inner);
          const raw = value ? xmlText(value[1] ?? '') : '';
          if (type === 's') text = strings[Number.parseInt(raw, 10)] ?? '';
          else if (type === 'b') text = raw === '1' ? 'true' : raw === '0' ? 'false' : raw;
          else if (type === 'e') text = '';
          else if (type === 'n') text = raw === '' ? '' : numberText(raw);
          else text = raw; // str (a formula's text), d (an ISO date)
        }
        while (cells.length < column) cells.push('');
        cells[column] = text;
      }
    }
    records.push({ cells, rowNumber });
    if (records.length >= maxRows) break;
  }
  return records;
}

/** Resolves a relationship target against the folder of the part that names it. */
function resolveTarget(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const piece of target.split('/')) {
    if (piece === '..') parts.pop();
    else if (piece !== '.' && piece !== '') parts.push(piece);
  }
  return parts.join('/');
}

function relationships(xml: string | undefined): { id: string; type: string; target: string }[] {
  if (!xml) return [];
  return [...xml.matchAll(/<(?:[A-Za-z_][\w.-]*:)?Relationship\s([^>]*?)\/?>/g)].map((m) => ({
    id: attribute(m[1] ?? '', 'Id') ?? '',
    type: attribute(m[1] ?? '', 'Type') ?? '',
    target: attribute(m[1] ?? '', 'Target') ?? '',
  }));
}

export interface XlsxSheet {
  name: string;
  records: SheetRecord[];
}

/**
 * The sheets of a workbook in the order the workbook lists them, each read only when asked for
 * (`sheets()` yields them one by one), with at most maxRows rows each.
 */
export function* readXlsxSheets(bytes: Uint8Array, maxRows: number): Generator<XlsxSheet> {
  const zip = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries = zipDirectory(zip);
  const part = (name: string) => {
    const entry = entries.get(name);
    return entry ? inflate(zip, entry).toString('utf8') : undefined;
  };
  const root = relationships(part('_rels/.rels')).find((r) => r.type.endsWith('/officeDocument'));
  const workbookPath = root ? resolveTarget('', root.target) : 'xl/workbook.xml';
  const workbook = part(workbookPath);
  if (!workbook) throw new XlsxUnsupported('no workbook part');
  const relsPath = resolveTarget(workbookPath, `_rels/${workbookPath.split('/').pop()}.rels`);
  const rels = relationships(part(relsPath));
  const shared = rels.find((r) => r.type.endsWith('/sharedStrings'));
  const sharedXml = part(shared ? resolveTarget(workbookPath, shared.target) : 'xl/sharedStrings.xml');
  const strings = sharedXml ? sharedStrings(sharedXml) : [];
  const targets = new Map(rels.map((r) => [r.id, resolveTarget(workbookPath, r.target)]));
  for (const m of workbook.matchAll(/<(?:[A-Za-z_][\w.-]*:)?sheet\s([^>]*?)\/?>/g)) {
    const attributes = m[1] ?? '';
    const name = attribute(attributes, 'name') ?? '';
    // The relationship id is r:id, whatever the prefix of the relationships namespace.
    const id = /(?:^|\s)[A-Za-z_][\w.-]*:id\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(attributes);
    const target = targets.get(id?.[1] ?? id?.[2] ?? '');
    const xml = target ? part(target) : undefined;
    if (!xml) throw new XlsxUnsupported(`sheet ${name} not found`);
    yield { name, records: sheetRows(xml, strings, maxRows) };
  }
}
