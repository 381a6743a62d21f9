// The first-run alternative to a real setup: load the demo hospital and look around.
import { Alert, Button, Group, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconBuildingHospital, IconPlayerPlay } from '@tabler/icons-react';
import { useNavigate } from 'react-router-dom';
import { errorMessage } from '../../app/form-errors';
import { homePath } from '../auth/session';
import { useLoadDemo } from './queries';

export function DemoCard() {
  const navigate = useNavigate();
  const demo = useLoadDemo();
  return (
    <Paper withBorder p="lg">
      <Stack gap="sm">
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <ThemeIcon variant="light" color="gray" size={40} radius="md">
            <IconBuildingHospital size={22} />
          </ThemeIcon>
          <Stack gap={2}>
            <Title order={4}>Just looking? Explore with demo data</Title>
            <Text size="sm" c="dimmed">
              Loads “Riverbend Community Hospital”, a fictional small hospital with sample data, and signs you
              in as its administrator so you can try SMART before entering your own organization.
            </Text>
          </Stack>
        </Group>
        {demo.isError && <Alert color="red">{errorMessage(demo.error)}</Alert>}
        <Group justify="flex-end">
          <Button
            variant="default"
            leftSection={<IconPlayerPlay size={16} />}
            loading={demo.isPending}
            onClick={() => demo.mutate(undefined, { onSuccess: (session) => navigate(homePath(session)) })}
          >
            Explore with demo data
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
