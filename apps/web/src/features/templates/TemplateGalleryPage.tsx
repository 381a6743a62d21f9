// The template library: every sector workflow map SMART ships, to browse before choosing.
import {
  Alert,
  Anchor,
  Badge,
  Card,
  Group,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { errorMessage } from '../../app/form-errors';
import { useCurrentOrg } from '../shell/current-org';
import { type TemplateSummary, useTemplates } from './queries';

function matches(t: TemplateSummary, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  return [t.title, t.workflow, ...t.functions, ...t.categories, ...t.standards].some((text) =>
    text.toLowerCase().includes(q),
  );
}

function TemplateCard({ t, orgId }: { t: TemplateSummary; orgId: string }) {
  return (
    <Card withBorder padding="lg" data-testid={`template-card-${t.id}`}>
      <Stack gap="xs" h="100%">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Anchor component={Link} to={`/o/${orgId}/maps/templates/${t.id}`} fw={600} size="lg" c="dark">
            {t.number}. {t.title}
          </Anchor>
          <Badge variant="light" color="gray" radius="sm" style={{ flex: 'none' }}>
            v{t.version}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed" lineClamp={3}>
          {t.workflow}
        </Text>
        <Group gap={6} mt="auto">
          <Badge variant="light" radius="sm">
            {t.steps} steps
          </Badge>
          <Badge variant="light" color="orange" radius="sm">
            {t.services} third-party services
          </Badge>
          <Badge variant="light" color="red" radius="sm">
            {t.chokepoints} {t.chokepoints === 1 ? 'chokepoint' : 'chokepoints'}
          </Badge>
        </Group>
        {t.standards.length > 0 && (
          <Text size="xs" c="dimmed" lineClamp={1}>
            Standards: {t.standards.join(', ')}
          </Text>
        )}
      </Stack>
    </Card>
  );
}

export function TemplateGalleryPage() {
  const orgId = useCurrentOrg().membership.id;
  const list = useTemplates();
  const [query, setQuery] = useState('');
  const shown = list.data?.filter((t) => matches(t, query)) ?? [];
  return (
    <Stack gap="lg" maw={1280}>
      <Stack gap={4}>
        <Title order={2}>Template library</Title>
        <Text c="dimmed" maw={860}>
          Maps of the health sector’s critical workflows, written by SMART from public sources, so you start
          from a realistic picture instead of a blank page. Open one to see its steps, the third-party
          services behind them, the standards they use, and where a single failure would stop the workflow.
        </Text>
      </Stack>
      <TextInput
        leftSection={<IconSearch size={16} />}
        placeholder="Search by workflow, service category or standard (e.g. clearinghouse, X12 837, DICOM)"
        value={query}
        onChange={(event) => setQuery(event.currentTarget.value)}
        maw={620}
        aria-label="Search templates"
      />
      {list.isPending && (
        <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }}>
          {[1, 2, 3, 4, 5, 6].map((n) => (
            <Skeleton key={n} h={190} />
          ))}
        </SimpleGrid>
      )}
      {list.isError && <Alert color="red">{errorMessage(list.error)}</Alert>}
      {list.isSuccess && shown.length === 0 && (
        <Text c="dimmed">No template mentions “{query}”. Try a service category or a standard.</Text>
      )}
      <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing="md">
        {shown.map((t) => (
          <TemplateCard key={t.id} t={t} orgId={orgId} />
        ))}
      </SimpleGrid>
    </Stack>
  );
}
