import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSbom } from './sbom';

const fixture = (name: string) =>
  new Uint8Array(fs.readFileSync(path.join(import.meta.dirname, 'fixtures', name)));

const expected = [
  {
    name: 'dcm4che',
    version: '5.31.0',
    supplier: 'dcm4che.org',
    purl: 'pkg:maven/org.dcm4che/dcm4che-core@5.31.0',
  },
  { name: 'openssl', version: '3.0.13', supplier: 'OpenSSL Software Foundation' },
  { name: 'zlib', version: '1.3.1' },
  { name: 'Nimbus Object Storage SDK', version: '2.4', supplier: 'Nimbus Cloud, Inc.' },
];

describe('software bills of materials', () => {
  it.each([
    ['cyclonedx.json', 'CycloneDX', '1.5'],
    ['cyclonedx.xml', 'CycloneDX', '1'],
    ['cyclonedx-utf16.xml', 'CycloneDX', '1'],
    ['spdx.json', 'SPDX', 'SPDX-2.3'],
  ])('reads the components and their suppliers from %s', (name, format, specVersion) => {
    const sbom = parseSbom(fixture(name));
    expect(sbom.format).toBe(format);
    expect(sbom.subject).toBe('Acme PACS');
    if (format === 'SPDX') expect(sbom.specVersion).toBe(specVersion);
    const byName = new Map(sbom.components.map((c) => [c.name, c]));
    for (const c of expected) expect(byName.get(c.name)).toEqual(c);
    expect(sbom.components).toHaveLength(4);
  });

  it.each([
    ['malformed-no-name.json', 'components[0] has no name.'],
    ['malformed.xml', 'This XML is not well formed'],
    ['not-an-sbom.json', 'This JSON is not an SBOM'],
    ['not-a-bom.xml', 'This XML file is not a CycloneDX SBOM (no <bom> element).'],
    ['spdx-tag-value.spdx', 'SPDX tag-value files are not supported: export the SBOM as SPDX JSON'],
    ['not-an-sbom.pdf', 'This is not a text file.'],
  ])('refuses %s with a clear message', (name, message) => {
    expect(() => parseSbom(fixture(name))).toThrow(message);
  });

  it('refuses empty files and text that is neither JSON nor XML', () => {
    expect(() => parseSbom(new Uint8Array())).toThrow('The file is empty.');
    expect(() => parseSbom(new TextEncoder().encode('name,version\nx,1'))).toThrow(
      'neither XML nor valid JSON',
    );
  });
});
