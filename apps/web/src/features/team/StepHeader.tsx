// The heading of a built method step: its place in the method, its title, and the purpose the
// method gives it (the same words as the overview and the steps not built yet), plus a line of detail.
import { Badge, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { METHOD_STEPS } from '../method/steps';

export function StepHeader({ path, detail }: { path: string; detail: string }) {
  const step = METHOD_STEPS.find((s) => s.path === path);
  if (!step) return null;
  const Icon = step.icon;
  return (
    <Group gap="md" wrap="nowrap" align="flex-start">
      <ThemeIcon size={48} radius="md" variant="light">
        <Icon size={28} stroke={1.6} />
      </ThemeIcon>
      <Stack gap={4}>
        <Badge variant="light" color="gray" radius="sm">
          {step.stepLabel}
        </Badge>
        <Title order={2}>{step.title}</Title>
        <Text maw={860}>{step.purpose}</Text>
        <Text size="sm" c="dimmed" maw={860}>
          {detail}
        </Text>
      </Stack>
    </Group>
  );
}
