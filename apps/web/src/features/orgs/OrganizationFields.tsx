// Name and slug inputs for an organization; the slug follows the name until the user edits it.
import { Stack, TextInput } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { slugify } from './slug';

export interface OrganizationFieldValues {
  organizationName: string;
  organizationSlug: string;
}

interface Props {
  values: OrganizationFieldValues;
  errors: { organizationName?: ReactNode; organizationSlug?: ReactNode };
  onChange: (patch: Partial<OrganizationFieldValues>) => void;
  autoFocus?: boolean;
}

export function OrganizationFields({ values, errors, onChange, autoFocus = false }: Props) {
  const [slugEdited, setSlugEdited] = useState(false);
  return (
    <Stack gap="md">
      <TextInput
        label="Organization name"
        description="As your staff know it, e.g. “Riverbend Community Hospital”."
        required
        autoFocus={autoFocus}
        value={values.organizationName}
        error={errors.organizationName}
        onChange={(event) => {
          const name = event.currentTarget.value;
          onChange(
            slugEdited
              ? { organizationName: name }
              : { organizationName: name, organizationSlug: slugify(name) },
          );
        }}
      />
      <TextInput
        label="Short name (slug)"
        description="Used in exports and on the command line: lowercase letters, digits and hyphens."
        required
        value={values.organizationSlug}
        error={errors.organizationSlug}
        onChange={(event) => {
          setSlugEdited(true);
          onChange({ organizationSlug: event.currentTarget.value });
        }}
      />
    </Stack>
  );
}
