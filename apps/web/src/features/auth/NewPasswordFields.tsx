// Password + confirmation for a new account, with a strength hint under the password.
import { Group, PasswordInput, Progress, Stack, Text } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { MIN_PASSWORD_LENGTH, passwordStrength } from './password-strength';

export interface NewPasswordValues {
  password: string;
  confirmPassword: string;
}

export function NewPasswordFields<Values extends NewPasswordValues>({
  form,
}: {
  form: UseFormReturnType<Values>;
}) {
  const password = form.getValues().password;
  const strength = passwordStrength(password);
  return (
    <Stack gap="md">
      <Stack gap={6}>
        <PasswordInput
          label="Password"
          description={`At least ${MIN_PASSWORD_LENGTH} characters. A short sentence is easy to remember and hard to guess.`}
          autoComplete="new-password"
          required
          {...form.getInputProps('password')}
        />
        {password.length > 0 && (
          <Group gap="sm" wrap="nowrap" aria-live="polite">
            <Progress value={strength.score} color={strength.color} size="sm" style={{ flex: 1 }} />
            <Text size="xs" c={strength.color} fw={600} w={70} ta="right" data-testid="password-strength">
              {strength.label}
            </Text>
          </Group>
        )}
      </Stack>
      <PasswordInput
        label="Confirm password"
        autoComplete="new-password"
        required
        {...form.getInputProps('confirmPassword')}
      />
    </Stack>
  );
}
