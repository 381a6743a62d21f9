// One vendor of the inventory: its facts (edited with optimistic concurrency), its services with
// their hosts, SBOMs and the map steps they support, and its fourth parties and hidden dependencies.
// Executive viewers read it; those who keep the inventory change it.
import { Alert, Anchor, Breadcrumbs, Button, Grid, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconTrash } from '@tabler/icons-react';
import { useQueries } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api } from '../../api/client';
import { errorMessage } from '../../app/form-errors';
import { useCurrentOrg } from '../shell/current-org';
import { ConfirmRemoveModal } from '../team/ConfirmRemoveModal';
import { canKeepInventory, InventoryReadOnlyNotice } from './permissions';
import { useDeleteVendor, useSboms, useVendor, useVendorMapLinks } from './queries';
import type { Service, VendorDetail } from './types';
import { DependenciesSection } from './vendor/DependenciesSection';
import { DependencyModal } from './vendor/DependencyModal';
import { ServiceModal } from './vendor/ServiceModal';
import { ServicesSection } from './vendor/ServicesSection';
import { VendorDetailsCard } from './vendor/VendorDetailsCard';

/** The names of the vendors that host this vendor's services (often not among its dependencies). */
function useHostingNames(orgId: string, vendor: VendorDetail | undefined): Map<string, string> {
  const known = new Map<string, string>();
  for (const d of vendor?.dependsOn ?? []) known.set(d.dependsOnVendorId, d.dependsOnName);
  const missing = [
    ...new Set((vendor?.services ?? []).flatMap((s) => (s.hostingVendorId ? [s.hostingVendorId] : []))),
  ].filter((id) => !known.has(id) && id !== vendor?.id);
  const results = useQueries({
    queries: missing.map((id) => ({
      queryKey: ['vendors', orgId, 'vendor', id],
      queryFn: () => api.get<VendorDetail>(`/api/orgs/${orgId}/vendors/${id}`),
    })),
  });
  results.forEach((r, i) => {
    const id = missing[i];
    if (id && r.data) known.set(id, r.data.name);
  });
  if (vendor) known.set(vendor.id, vendor.name);
  return known;
}

export function VendorPage() {
  const { vendorId = '' } = useParams();
  const { membership } = useCurrentOrg();
  const orgId = membership.id;
  const canEdit = canKeepInventory(membership.role);
  const navigate = useNavigate();
  const vendor = useVendor(orgId, vendorId);
  const sboms = useSboms(orgId, vendorId);
  const links = useVendorMapLinks(orgId, vendorId);
  const hostingNames = useHostingNames(orgId, vendor.data);
  const remove = useDeleteVendor(orgId);
  const [removing, setRemoving] = useState(false);
  const [serviceModal, setServiceModal] = useState<{ service: Service | null } | null>(null);
  const [dependencyModal, setDependencyModal] = useState<{ serviceId: string | null } | null>(null);

  const hostingDependencies = useMemo(
    () =>
      new Set(
        (vendor.data?.dependsOn ?? [])
          .filter((d) => d.kind === 'hosting' && d.serviceId)
          .map((d) => `${d.serviceId}:${d.dependsOnVendorId}`),
      ),
    [vendor.data],
  );

  const crumbs = (
    <Breadcrumbs>
      <Anchor component={Link} to={`/o/${orgId}/vendors`} size="sm">
        Vendor inventory
      </Anchor>
      <Text size="sm">{vendor.data?.name ?? 'Vendor'}</Text>
    </Breadcrumbs>
  );

  if (vendor.isPending) {
    return (
      <Stack maw={1400}>
        {crumbs}
        <Skeleton h={40} w={320} />
        <Skeleton h={320} />
      </Stack>
    );
  }
  if (vendor.isError) {
    return (
      <Stack maw={1400}>
        {crumbs}
        <Alert color="red" title="This vendor cannot be shown">
          {errorMessage(vendor.error)}{' '}
          <Anchor component={Link} to={`/o/${orgId}/vendors`}>
            Back to the inventory
          </Anchor>
        </Alert>
      </Stack>
    );
  }
  const data = vendor.data;

  return (
    <Stack gap="lg" maw={1400}>
      {crumbs}
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Title order={2}>{data.name}</Title>
          <Text c="dimmed" size="sm">
            {[
              data.domain,
              data.aliases.length ? `also ${data.aliases.join(', ')}` : null,
              `${data.services.length} ${data.services.length === 1 ? 'service' : 'services'}`,
              `${data.dependsOn.length} ${data.dependsOn.length === 1 ? 'dependency' : 'dependencies'}`,
            ]
              .filter(Boolean)
              .join(' · ')}
          </Text>
        </Stack>
        {canEdit && (
          <Button
            variant="subtle"
            color="red"
            leftSection={<IconTrash size={16} />}
            onClick={() => {
              remove.reset();
              setRemoving(true);
            }}
          >
            Remove vendor
          </Button>
        )}
      </Group>
      {!canEdit && <InventoryReadOnlyNotice />}

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <ServicesSection
            orgId={orgId}
            vendor={data}
            hostingNames={hostingNames}
            sboms={sboms.data ?? []}
            links={links.data ?? []}
            linksError={links.error}
            canEdit={canEdit}
            onAdd={() => setServiceModal({ service: null })}
            onEdit={(service) => setServiceModal({ service })}
            onAddDependency={(serviceId) => setDependencyModal({ serviceId })}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <VendorDetailsCard key={data.id} orgId={orgId} vendor={data} canEdit={canEdit} />
        </Grid.Col>
      </Grid>

      <DependenciesSection
        orgId={orgId}
        vendor={data}
        canEdit={canEdit}
        onAdd={() => setDependencyModal({ serviceId: null })}
      />

      <ServiceModal
        orgId={orgId}
        vendorId={data.id}
        opened={serviceModal !== null}
        service={serviceModal?.service ?? null}
        hostingName={
          serviceModal?.service?.hostingVendorId
            ? (hostingNames.get(serviceModal.service.hostingVendorId) ?? null)
            : null
        }
        hostingDependencies={hostingDependencies}
        onClose={() => setServiceModal(null)}
      />
      <DependencyModal
        orgId={orgId}
        vendorId={data.id}
        vendorName={data.name}
        services={data.services}
        opened={dependencyModal !== null}
        initialServiceId={dependencyModal?.serviceId ?? null}
        onClose={() => setDependencyModal(null)}
      />
      <ConfirmRemoveModal
        title="Remove vendor"
        message={`Remove ${data.name} from the inventory, with its ${data.services.length} ${
          data.services.length === 1 ? 'service' : 'services'
        }, their SBOMs, dependencies and links to maps? Vendors and services that relied on it lose that dependency.`}
        opened={removing}
        pending={remove.isPending}
        error={remove.error}
        onClose={() => setRemoving(false)}
        onConfirm={() =>
          remove.mutate(data.id, {
            onSuccess: () => {
              notifications.show({ message: `${data.name} was removed from the inventory.` });
              navigate(`/o/${orgId}/vendors`);
            },
          })
        }
      />
    </Stack>
  );
}
