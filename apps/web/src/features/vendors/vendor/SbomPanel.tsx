// The software bill of materials of one service: upload one (CycloneDX JSON or XML, SPDX JSON) so
// its components' suppliers become dependencies of the service, see what it lists, replace or
// remove it.
import {
  Alert,
  Anchor,
  Badge,
  Button,
  FileButton,
  Group,
  Modal,
  Pagination,
  Progress,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconFileCode, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { errorMessage } from '../../../app/form-errors';
import { ConfirmRemoveModal } from '../../team/ConfirmRemoveModal';
import { useDeleteSbom, useSbomComponents, useUploadSbom } from '../queries';
import type { SbomImportResult, SbomSummary, Service } from '../types';

export const MAX_SBOM_BYTES = 20 * 1024 * 1024;
const PAGE_SIZE = 50;
const dateFormat = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium' });

function resultMessage(result: SbomImportResult): string {
  const { sbom, vendorsCreated, vendorsMatched, dependenciesAdded } = result;
  const parts = [
    `${sbom.componentCount} components read`,
    `${dependenciesAdded} supplier ${dependenciesAdded === 1 ? 'dependency' : 'dependencies'} recorded`,
  ];
  if (vendorsCreated.length)
    parts.push(
      `${vendorsCreated.length} new ${vendorsCreated.length === 1 ? 'vendor' : 'vendors'} added (${vendorsCreated
        .slice(0, 3)
        .map((v) => v.name)
        .join(', ')}${vendorsCreated.length > 3 ? ', …' : ''})`,
    );
  if (vendorsMatched.length)
    parts.push(`${vendorsMatched.length} matched to vendors already in the inventory`);
  return `${parts.join('; ')}.`;
}

function ComponentsModal({
  orgId,
  vendorId,
  service,
  opened,
  onClose,
}: {
  orgId: string;
  vendorId: string;
  service: Service;
  opened: boolean;
  onClose: () => void;
}) {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const [page, setPage] = useState(0);
  const components = useSbomComponents(orgId, vendorId, service.id, q, page, PAGE_SIZE);
  const data = components.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;
  return (
    <Modal opened={opened} onClose={onClose} title={`Components of ${service.name}`} size="xl">
      <Stack>
        {data && (
          <Text size="sm" c="dimmed">
            From {data.sbom.filename} ({data.sbom.format} {data.sbom.specVersion}
            {data.sbom.subject ? `, describing ${data.sbom.subject}` : ''}).
          </Text>
        )}
        <TextInput
          aria-label="Search components"
          placeholder="Search names, suppliers, package URLs"
          leftSection={<IconSearch size={16} />}
          value={search}
          onChange={(e) => {
            setSearch(e.currentTarget.value);
            setPage(0);
          }}
        />
        {components.isError && <Alert color="red">{errorMessage(components.error)}</Alert>}
        <Table.ScrollContainer minWidth={640} mah={520}>
          <Table striped verticalSpacing={6} stickyHeader data-testid="sbom-components">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Component</Table.Th>
                <Table.Th>Version</Table.Th>
                <Table.Th>Supplier</Table.Th>
                <Table.Th>Package URL</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(data?.components ?? []).map((c) => (
                <Table.Tr key={c.position}>
                  <Table.Td>
                    <Text size="sm">{c.name}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{c.version ?? '—'}</Text>
                  </Table.Td>
                  <Table.Td>
                    {c.supplierVendorId ? (
                      <Anchor
                        component={Link}
                        to={`/o/${orgId}/vendors/${c.supplierVendorId}`}
                        size="sm"
                        onClick={onClose}
                      >
                        {c.supplierVendorName ?? c.supplier}
                      </Anchor>
                    ) : (
                      <Text size="sm" c="dimmed">
                        {c.supplier ?? 'Not named'}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs" c="dimmed" ff="monospace" style={{ wordBreak: 'break-all' }}>
                      {c.purl ?? ''}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {data && data.total === 0 && (
          <Text size="sm" c="dimmed">
            No component matches.
          </Text>
        )}
        {pages > 1 && (
          <Group justify="space-between">
            <Text size="sm" c="dimmed">
              {data?.total} components
            </Text>
            <Pagination total={pages} value={page + 1} onChange={(p) => setPage(p - 1)} size="sm" />
          </Group>
        )}
      </Stack>
    </Modal>
  );
}

export function SbomPanel({
  orgId,
  vendorId,
  service,
  sbom,
  canEdit,
}: {
  orgId: string;
  vendorId: string;
  service: Service;
  sbom: SbomSummary | undefined;
  canEdit: boolean;
}) {
  const upload = useUploadSbom(orgId, vendorId);
  const remove = useDeleteSbom(orgId, vendorId);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [viewing, setViewing] = useState(false);
  const [removing, setRemoving] = useState(false);

  const send = (file: File | null) => {
    if (!file) return;
    setError(null);
    if (file.size === 0) {
      setError(`${file.name} is empty.`);
      return;
    }
    if (file.size > MAX_SBOM_BYTES) {
      setError(`${file.name} is larger than 20 MB, the most an SBOM upload can be.`);
      return;
    }
    setProgress(0);
    upload.mutate(
      { serviceId: service.id, file, onProgress: setProgress },
      {
        onSuccess: (result) => {
          setProgress(null);
          notifications.show({
            title: `SBOM of ${service.name} imported`,
            message: resultMessage(result),
            autoClose: 8000,
          });
        },
        onError: (err) => {
          setProgress(null);
          setError(`${file.name} was not imported: ${errorMessage(err)}`);
        },
      },
    );
  };

  const uploadButton = (label: string, variant: 'light' | 'subtle') => (
    <FileButton onChange={send} accept=".json,.xml,.cdx,.spdx,application/json,text/xml,application/xml">
      {(props) => (
        <Button
          {...props}
          size="xs"
          variant={variant}
          leftSection={<IconFileCode size={14} />}
          loading={upload.isPending}
        >
          {label}
        </Button>
      )}
    </FileButton>
  );

  return (
    <Stack gap={6} data-testid={`sbom-${service.id}`}>
      {sbom ? (
        <Group gap="xs" wrap="wrap">
          <Badge tt="none" variant="light" color="grape" radius="sm">
            SBOM
          </Badge>
          <Text size="sm">
            {sbom.componentCount.toLocaleString('en-US')} components from {sbom.supplierCount}{' '}
            {sbom.supplierCount === 1 ? 'supplier' : 'suppliers'}
          </Text>
          <Text size="xs" c="dimmed">
            {sbom.filename} · {sbom.format} {sbom.specVersion} ·{' '}
            {dateFormat.format(new Date(sbom.uploadedAt))}
            {sbom.uploadedBy ? ` by ${sbom.uploadedBy.name}` : ''}
          </Text>
          <Button size="xs" variant="subtle" onClick={() => setViewing(true)}>
            View components
          </Button>
          {canEdit && uploadButton('Replace', 'subtle')}
          {canEdit && (
            <Button size="xs" variant="subtle" color="red" onClick={() => setRemoving(true)}>
              Remove
            </Button>
          )}
        </Group>
      ) : (
        <Group gap="xs">
          <Text size="sm" c="dimmed">
            No software bill of materials.
          </Text>
          {canEdit && uploadButton('Upload SBOM', 'light')}
        </Group>
      )}
      {progress !== null && (
        <Stack gap={2}>
          <Progress value={progress * 100} animated={progress >= 1} size="sm" aria-label="SBOM upload" />
          <Text size="xs" c="dimmed">
            {progress < 1 ? 'Uploading…' : 'Reading the SBOM and matching its suppliers…'}
          </Text>
        </Stack>
      )}
      {error && (
        <Alert color="red" withCloseButton onClose={() => setError(null)} data-testid="sbom-error">
          {error}
        </Alert>
      )}
      {sbom && (
        <ComponentsModal
          orgId={orgId}
          vendorId={vendorId}
          service={service}
          opened={viewing}
          onClose={() => setViewing(false)}
        />
      )}
      <ConfirmRemoveModal
        title="Remove SBOM"
        message={`Remove the SBOM of ${service.name}, with the supplier dependencies it recorded? The supplier vendors stay in the inventory, and dependencies you recorded yourself stay too.`}
        opened={removing}
        pending={remove.isPending}
        error={remove.error}
        onClose={() => setRemoving(false)}
        onConfirm={() =>
          remove.mutate(service.id, {
            onSuccess: () => {
              setRemoving(false);
              notifications.show({ message: `The SBOM of ${service.name} was removed.` });
            },
          })
        }
      />
    </Stack>
  );
}
