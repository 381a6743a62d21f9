// The calm, centered frame of the pages seen before signing in: setup, sign-in, invitations.
import { Box, Center, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconShieldHalfFilled } from '@tabler/icons-react';
import type { ReactNode } from 'react';

export function AuthLayout({ children, width = 440 }: { children: ReactNode; width?: number }) {
  return (
    <Box mih="100vh" bg="var(--mantine-color-gray-0)" py={48} px="md">
      <Center>
        <Stack w="100%" maw={width} gap="xl">
          <Group gap="sm" justify="center">
            <ThemeIcon size={40} radius="md">
              <IconShieldHalfFilled size={24} />
            </ThemeIcon>
            <Stack gap={0}>
              <Title order={3} lh={1.1}>
                SMART
              </Title>
              <Text size="xs" c="dimmed">
                Health sector mapping and third-party risk
              </Text>
            </Stack>
          </Group>
          {children}
        </Stack>
      </Center>
    </Box>
  );
}
