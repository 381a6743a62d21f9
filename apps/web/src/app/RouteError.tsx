// Error screens: a route that failed to render, a page that does not exist, a server that is down.
import { Alert, Button, Center, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { isRouteErrorResponse, Link, useRouteError } from 'react-router-dom';

export function ErrorScreen({ error, title = 'Something went wrong' }: { error: unknown; title?: string }) {
  const message = error instanceof Error ? error.message : 'An unexpected error occurred.';
  return (
    <Center mih="60vh" p="xl">
      <Stack maw={480} gap="md">
        <Alert color="red" icon={<IconAlertTriangle />} title={title}>
          {message}
        </Alert>
        <Button variant="default" onClick={() => window.location.reload()}>
          Reload the page
        </Button>
      </Stack>
    </Center>
  );
}

export function RouteError() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  return <ErrorScreen error={error} />;
}

export function NotFoundPage() {
  return (
    <Center mih="60vh" p="xl">
      <Stack align="center" gap="sm">
        <Title order={2}>Page not found</Title>
        <Text c="dimmed">This address does not match any page in SMART.</Text>
        <Button component={Link} to="/">
          Go to the start page
        </Button>
      </Stack>
    </Center>
  );
}
