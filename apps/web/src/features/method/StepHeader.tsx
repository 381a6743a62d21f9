// The heading of a method step: its icon, its place in the method and its title; built steps add
// the purpose the method gives them (the same words as the overview) and a line of detail.
import { Badge, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { METHOD_STEPS, type MethodStep } from './steps';

export function StepTitle({ step, children }: { step: MethodStep; children?: ReactNode }) {
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
        {children}
      </Stack>
    </Group>
  );
}

export function StepHeader({ path, detail }: { path: string; detail: string }) {
  const step = METHOD_STEPS.find((s) => s.path === path);
  if (!step) return null;
  return (
    <StepTitle step={step}>
      <Text maw={860}>{step.purpose}</Text>
      <Text size="sm" c="dimmed" maw={860}>
        {detail}
      </Text>
    </StepTitle>
  );
}
