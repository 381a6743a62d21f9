// A place to drop a spreadsheet, or click to choose one. Says at once what will not do (an empty
// file, one over the size limit) before anything is sent.
import { Group, Paper, Stack, Text, ThemeIcon, UnstyledButton } from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useRef, useState } from 'react';

export function FileDrop({
  onFile,
  disabled,
  accept,
  title,
  hint,
}: {
  onFile: (file: File) => void;
  disabled?: boolean;
  accept: string;
  title: string;
  hint: string;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const take = (files: FileList | null) => {
    const file = files?.[0];
    if (file && !disabled) onFile(file);
  };
  return (
    <Paper
      withBorder
      p={0}
      style={{
        borderStyle: 'dashed',
        borderWidth: 2,
        borderColor: over ? 'var(--mantine-color-teal-6)' : undefined,
        background: over ? 'var(--mantine-color-teal-0)' : 'var(--mantine-color-white)',
        opacity: disabled ? 0.6 : 1,
      }}
      onDragOver={(event) => {
        event.preventDefault();
        if (!disabled) setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(event) => {
        event.preventDefault();
        setOver(false);
        take(event.dataTransfer.files);
      }}
      data-testid="file-drop"
    >
      <UnstyledButton
        w="100%"
        p="xl"
        disabled={disabled}
        onClick={() => input.current?.click()}
        aria-label={`${title}: drop a file here or choose one`}
      >
        <Stack align="center" gap="xs">
          <ThemeIcon size={52} radius="xl" variant="light">
            <IconFileSpreadsheet size={30} stroke={1.5} />
          </ThemeIcon>
          <Text fw={600}>{title}</Text>
          <Group gap={4}>
            <Text size="sm" c="dimmed">
              Drop it here, or
            </Text>
            <Text size="sm" c="teal.7" fw={600}>
              choose a file
            </Text>
          </Group>
          <Text size="xs" c="dimmed" ta="center" maw={520}>
            {hint}
          </Text>
        </Stack>
      </UnstyledButton>
      <input
        ref={input}
        type="file"
        accept={accept}
        hidden
        data-testid="file-input"
        onChange={(event) => {
          take(event.currentTarget.files);
          event.currentTarget.value = '';
        }}
      />
    </Paper>
  );
}
