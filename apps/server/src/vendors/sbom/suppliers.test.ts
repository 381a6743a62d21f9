import { describe, expect, it } from 'vitest';
import { matchSuppliers } from './suppliers';

describe('the suppliers of SBOM components as inventory vendors', () => {
  const inventory = [
    { id: 'v-openssl', name: 'OpenSSL Software Foundation, Inc.', domain: null },
    { id: 'v-nimbus', name: 'Nimbus', aliases: ['Nimbus Cloud'], domain: 'nimbus-cloud.example' },
    { id: 'v-dcm', name: 'dcm4che project', domain: 'dcm4che.org' },
  ];

  it('matches by domain (from the supplier URL or a bare-domain name), then by name or alias', () => {
    const suppliers = matchSuppliers(
      [
        { name: 'openssl', supplier: 'OpenSSL Software Foundation' },
        { name: 'sdk', supplier: 'Nimbus Cloud, Inc.' },
        { name: 'dcm4che', supplier: 'dcm4che.org' },
        { name: 'storage', supplier: 'Blobs R Us', supplierUrl: 'https://www.nimbus-cloud.example/storage' },
        { name: 'zlib' },
        { name: 'left-pad', supplier: 'Left Pad Maintainers' },
        { name: 'right-pad', supplier: 'Left Pad Maintainers' },
      ],
      inventory,
    );
    expect(suppliers.map((s) => [s.name, s.vendorId, s.match, s.components])).toEqual([
      ['OpenSSL Software Foundation', 'v-openssl', 'same name', [0]],
      ['Nimbus Cloud, Inc.', 'v-nimbus', 'same name', [1]],
      ['dcm4che.org', 'v-dcm', 'same domain', [2]],
      ['Blobs R Us', 'v-nimbus', 'same domain', [3]],
      ['Left Pad Maintainers', null, null, [5, 6]],
    ]);
  });
});
