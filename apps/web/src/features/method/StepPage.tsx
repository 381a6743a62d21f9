// The page of a method step that is not built yet: an empty state that says what the step is for
// and what the user will do there, so the navigation already teaches the method.
import { Button, Group, List, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconArrowRight, IconCircleCheck, IconClockHour4 } from '@tabler/icons-react';
import { Link } from 'react-router-dom';
import { useCurrentOrg } from '../shell/current-org';
import { StepTitle } from './StepHeader';
import type { MethodStep } from './steps';

export function StepPage({ step }: { step: MethodStep }) {
  const orgId = useCurrentOrg().membership.id;
  return (
    <Stack gap="lg" maw={820}>
      <StepTitle step={step} />

      <Text size="lg">{step.purpose}</Text>

      <Paper withBorder p="lg">
        <Stack gap="sm">
          <Title order={4}>What you will do here</Title>
          <List
            spacing="xs"
            icon={
              <ThemeIcon size={20} radius="xl" variant="light">
                <IconCircleCheck size={14} />
              </ThemeIcon>
            }
          >
            {step.activities.map((activity) => (
              <List.Item key={activity}>{activity}</List.Item>
            ))}
          </List>
          <Text c="dimmed" size="sm">
            Result: {step.outcome}
          </Text>
        </Stack>
      </Paper>

      {step.available?.map((part) => (
        <Paper withBorder p="lg" key={part.to}>
          <Group justify="space-between" wrap="nowrap">
            <Stack gap={2}>
              <Text fw={600}>{part.label}</Text>
              <Text size="sm" c="dimmed">
                {part.description}
              </Text>
            </Stack>
            <Button
              component={Link}
              to={`/o/${orgId}/${part.to}`}
              rightSection={<IconArrowRight size={16} />}
            >
              Open
            </Button>
          </Group>
        </Paper>
      ))}

      <Group gap="xs" c="dimmed">
        <IconClockHour4 size={18} />
        <Text size="sm">
          {step.available
            ? 'The rest of this step is coming in a later version of SMART.'
            : 'This step is coming in a later version of SMART. Nothing to do here yet.'}
        </Text>
      </Group>
    </Stack>
  );
}
