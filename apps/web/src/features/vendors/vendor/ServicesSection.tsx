// The services and products of a vendor, one card each: category, deployment, host, integration
// points, what it relies on, its SBOM, and the map steps it supports.
import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Divider,
  Group,
  Menu,
  Paper,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDots, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { Link } from 'react-router-dom';
import type { VendorMapLink } from '../../maps/types';
import { ConfirmRemoveModal } from '../../team/ConfirmRemoveModal';
import { categoryLabel } from '../categories';
import { useDeleteService } from '../queries';
import {
  DEPLOYMENT_LABELS,
  dependencyKindLabel,
  type SbomSummary,
  type Service,
  type VendorDetail,
} from '../types';
import { SbomPanel } from './SbomPanel';
import { SupportsPanel } from './SupportsPanel';

const CHIPS = 6;

function Line({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Group gap="sm" align="flex-start" wrap="nowrap">
      <Text size="sm" c="dimmed" w={120} style={{ flexShrink: 0 }}>
        {label}
      </Text>
      <div style={{ flex: 1, minWidth: 0 }}>{children}</div>
    </Group>
  );
}

function ServiceCard({
  orgId,
  vendor,
  service,
  hostingName,
  sbom,
  links,
  linksError,
  canEdit,
  onEdit,
  onRemove,
  onAddDependency,
}: {
  orgId: string;
  vendor: VendorDetail;
  service: Service;
  hostingName: string | null;
  sbom: SbomSummary | undefined;
  links: VendorMapLink[];
  linksError: unknown;
  canEdit: boolean;
  onEdit: () => void;
  onRemove: () => void;
  onAddDependency: () => void;
}) {
  const [allDeps, setAllDeps] = useState(false);
  const deps = vendor.dependsOn.filter((d) => d.serviceId === service.id);
  const shownDeps = allDeps ? deps : deps.slice(0, CHIPS);
  return (
    <Paper withBorder p="md" data-testid="service-card">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={4} style={{ minWidth: 0 }}>
            <Title order={4}>{service.name}</Title>
            <Group gap={6}>
              <Badge tt="none" variant="light" radius="sm">
                {categoryLabel(service.category)}
              </Badge>
              {service.deployment && (
                <Badge tt="none" variant="outline" color="gray" radius="sm">
                  {DEPLOYMENT_LABELS[service.deployment]}
                </Badge>
              )}
            </Group>
          </Stack>
          {canEdit && (
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${service.name}`}>
                  <IconDots size={18} />
                </ActionIcon>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item leftSection={<IconPencil size={14} />} onClick={onEdit}>
                  Edit service
                </Menu.Item>
                <Menu.Item leftSection={<IconPlus size={14} />} onClick={onAddDependency}>
                  Record a dependency
                </Menu.Item>
                <Menu.Divider />
                <Menu.Item color="red" leftSection={<IconTrash size={14} />} onClick={onRemove}>
                  Remove service
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          )}
        </Group>
        {service.hostingVendorId && (
          <Line label="Hosted by">
            <Anchor component={Link} to={`/o/${orgId}/vendors/${service.hostingVendorId}`} size="sm">
              {hostingName ?? 'Hosting vendor'}
            </Anchor>
          </Line>
        )}
        {service.integrationPoints.length > 0 && (
          <Line label="Integrations">
            <Text size="sm">{service.integrationPoints.join(' · ')}</Text>
          </Line>
        )}
        <Line label="Relies on">
          {deps.length === 0 ? (
            <Text size="sm" c="dimmed">
              No dependency recorded.
            </Text>
          ) : (
            <Group gap={6}>
              {shownDeps.map((d) => (
                <Badge
                  tt="none"
                  key={d.id}
                  variant="default"
                  radius="sm"
                  component={Link}
                  to={`/o/${orgId}/vendors/${d.dependsOnVendorId}`}
                  style={{ cursor: 'pointer', textTransform: 'none' }}
                >
                  {d.dependsOnName} · {dependencyKindLabel(d.kind).toLowerCase()}
                </Badge>
              ))}
              {deps.length > CHIPS && (
                <Button size="compact-xs" variant="subtle" onClick={() => setAllDeps((v) => !v)}>
                  {allDeps ? 'Fewer' : `+${deps.length - CHIPS} more`}
                </Button>
              )}
            </Group>
          )}
        </Line>
        {service.notes && (
          <Line label="Notes">
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {service.notes}
            </Text>
          </Line>
        )}
        <Divider />
        <Line label="SBOM">
          <SbomPanel orgId={orgId} vendorId={vendor.id} service={service} sbom={sbom} canEdit={canEdit} />
        </Line>
        <Line label="Supports">
          <SupportsPanel
            orgId={orgId}
            service={service}
            links={links}
            linksError={linksError}
            canEdit={canEdit}
          />
        </Line>
      </Stack>
    </Paper>
  );
}

export function ServicesSection({
  orgId,
  vendor,
  hostingNames,
  sboms,
  links,
  linksError,
  canEdit,
  onAdd,
  onEdit,
  onAddDependency,
}: {
  orgId: string;
  vendor: VendorDetail;
  hostingNames: Map<string, string>;
  sboms: SbomSummary[];
  links: VendorMapLink[];
  linksError: unknown;
  canEdit: boolean;
  onAdd: () => void;
  onEdit: (service: Service) => void;
  onAddDependency: (serviceId: string) => void;
}) {
  const remove = useDeleteService(orgId);
  const [removing, setRemoving] = useState<Service | null>(null);
  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end">
        <Stack gap={2}>
          <Title order={3}>Services and products</Title>
          <Text size="sm" c="dimmed">
            What {vendor.name} provides, and the workflow steps each one supports.
          </Text>
        </Stack>
        {canEdit && (
          <Button leftSection={<IconPlus size={16} />} onClick={onAdd}>
            Add service
          </Button>
        )}
      </Group>
      {vendor.services.length === 0 ? (
        <Paper withBorder p="lg">
          <Text size="sm" c="dimmed" ta="center">
            No services recorded yet.
            {canEdit && ' Add the services or products you use from this vendor, with their category.'}
          </Text>
        </Paper>
      ) : (
        vendor.services.map((service) => (
          <ServiceCard
            key={service.id}
            orgId={orgId}
            vendor={vendor}
            service={service}
            hostingName={service.hostingVendorId ? (hostingNames.get(service.hostingVendorId) ?? null) : null}
            sbom={sboms.find((s) => s.serviceId === service.id)}
            links={links}
            linksError={linksError}
            canEdit={canEdit}
            onEdit={() => onEdit(service)}
            onAddDependency={() => onAddDependency(service.id)}
            onRemove={() => {
              remove.reset();
              setRemoving(service);
            }}
          />
        ))
      )}
      <ConfirmRemoveModal
        title="Remove service"
        message={`Remove ${removing?.name ?? ''}? Its dependencies, SBOM and links to maps go with it.`}
        opened={removing !== null}
        pending={remove.isPending}
        error={remove.error}
        onClose={() => setRemoving(null)}
        onConfirm={() => {
          if (!removing) return;
          remove.mutate(removing.id, {
            onSuccess: () => {
              notifications.show({ message: `${removing.name} was removed.` });
              setRemoving(null);
            },
          });
        }}
      />
    </Stack>
  );
}
