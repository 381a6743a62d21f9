// The first version of the rubric: the SMART default, with the example thresholds for the
// organization's size, to adapt afterwards.
import { Alert, Button, Group, Paper, Radio, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { ORGANIZATION_SIZES } from '@smart/templates';
import { useState } from 'react';
import type { OrganizationSize } from '../../api/types';
import { errorMessage } from '../../app/form-errors';
import { useStartRubric } from './queries';

export function StartRubricCard({ orgId }: { orgId: string }) {
  const start = useStartRubric(orgId);
  const [size, setSize] = useState<OrganizationSize | null>(null);
  return (
    <Paper withBorder p="lg">
      <Stack gap="md">
        <Stack gap={4}>
          <Title order={3}>Start from the SMART default rubric</Title>
          <Text size="sm" c="dimmed" maw={820}>
            Five impact dimensions (patient safety, operational, financial, regulatory, data and privacy),
            each with five levels described in plain words. Choose your organization’s size to get example
            thresholds that fit it; you can change every word afterwards.
          </Text>
        </Stack>
        <Radio.Group
          value={size}
          onChange={(value) => setSize(ORGANIZATION_SIZES.find((s) => s.id === value)?.id ?? null)}
          label="Organization size"
        >
          <SimpleGrid cols={{ base: 1, md: 3 }} mt="xs">
            {ORGANIZATION_SIZES.map((s) => (
              <Radio.Card key={s.id} value={s.id} p="md" radius="md" aria-label={s.label}>
                <Group wrap="nowrap" align="flex-start">
                  <Radio.Indicator />
                  <Stack gap={2}>
                    <Text fw={600}>{s.label}</Text>
                    <Text size="sm" c="dimmed">
                      {s.example}
                    </Text>
                  </Stack>
                </Group>
              </Radio.Card>
            ))}
          </SimpleGrid>
        </Radio.Group>
        {start.isError && <Alert color="red">{errorMessage(start.error)}</Alert>}
        <Group>
          <Button
            disabled={size === null}
            loading={start.isPending}
            onClick={() => size && start.mutate(size)}
          >
            Start the rubric
          </Button>
          {size === null && (
            <Text size="sm" c="dimmed">
              Choose a size first.
            </Text>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
