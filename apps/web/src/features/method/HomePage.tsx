// The organization's overview: the method's promise and its steps, each a link to its page.
import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { Link } from 'react-router-dom';
import { type MethodStep, PHASE_TITLES, stepsOfPhase } from './steps';

const PHASE_INTROS = {
  1: 'Find the few vendors whose failure would stop a material function, and why.',
  2: 'Put most of your effort into reducing the risk of those vendors.',
  reports: 'Show leadership the risk, the progress and where the effort went.',
} as const;

function StepRow({ step }: { step: MethodStep }) {
  const Icon = step.icon;
  return (
    <Group gap="sm" wrap="nowrap" align="flex-start">
      <ThemeIcon variant="light" size={34} radius="md">
        <Icon size={20} stroke={1.6} />
      </ThemeIcon>
      <Stack gap={0}>
        <Anchor component={Link} to={step.path} fw={600}>
          {step.stepLabel.replace(/^Phase \d · /, '')}: {step.title}
        </Anchor>
        <Text size="sm" c="dimmed">
          {step.purpose}
        </Text>
      </Stack>
    </Group>
  );
}

function PhaseCard({ phase }: { phase: MethodStep['phase'] }) {
  return (
    <Card withBorder padding="lg">
      <Stack gap="md">
        <Stack gap={2}>
          <Title order={3}>{PHASE_TITLES[phase]}</Title>
          <Text size="sm" c="dimmed">
            {PHASE_INTROS[phase]}
          </Text>
        </Stack>
        {stepsOfPhase(phase).map((step) => (
          <StepRow key={step.path} step={step} />
        ))}
      </Stack>
    </Card>
  );
}

export function HomePage({ organizationName }: { organizationName: string }) {
  return (
    <Stack gap="xl" maw={1200}>
      <Stack gap="xs">
        <Text c="dimmed" size="sm">
          {organizationName}
        </Text>
        <Title order={2}>Your systemic risk program</Title>
        <Text maw={760}>
          SMART follows the HSCC Sector Mapping and Risk Toolkit. Its promise:{' '}
          <Text span fw={700}>
            spend 80% of your time mitigating your highest risks and 20% assessing
          </Text>
          , instead of the other way round. Phase 1 finds the vendors that matter most; Phase 2 spends your
          effort on them.
        </Text>
        <Group gap="xs">
          <Badge variant="light">80% mitigate</Badge>
          <Badge variant="light" color="gray">
            20% assess
          </Badge>
        </Group>
      </Stack>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <PhaseCard phase={1} />
        <Stack gap="lg">
          <PhaseCard phase={2} />
          <PhaseCard phase="reports" />
        </Stack>
      </SimpleGrid>
    </Stack>
  );
}
