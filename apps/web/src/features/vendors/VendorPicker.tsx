// Choosing another vendor of the inventory (a host, a supplier): searched on the server, since an
// inventory can hold tens of thousands, with the option to add one that is not there yet.
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { errorMessage } from '../../app/form-errors';
import { useCreateVendor, useVendorSearch } from './queries';

export interface VendorRef {
  id: string;
  name: string;
}

const NEW = '__new__:';

export function VendorPicker({
  orgId,
  label,
  description,
  placeholder = 'Search the inventory',
  value,
  onChange,
  excludeId,
  required,
  error,
}: {
  orgId: string;
  label: string;
  description?: string;
  placeholder?: string;
  value: VendorRef | null;
  onChange: (value: VendorRef | null) => void;
  /** A vendor that cannot be chosen (the vendor itself). */
  excludeId?: string;
  required?: boolean;
  error?: string | null;
}) {
  const [search, setSearch] = useState(value?.name ?? '');
  const [debounced] = useDebouncedValue(search, 200);
  // While the box shows the chosen vendor's name, list from the start rather than that one name.
  const query = value && debounced === value.name ? '' : debounced;
  const results = useVendorSearch(orgId, query);
  const create = useCreateVendor(orgId);
  const [createError, setCreateError] = useState<string | null>(null);

  const found = (results.data?.items ?? []).filter((v) => v.id !== excludeId);
  const options = found.map((v) => ({ value: v.id, label: v.name }));
  if (value && !options.some((o) => o.value === value.id))
    options.unshift({ value: value.id, label: value.name });
  const typed = search.trim();
  const exact = found.some((v) => v.name.toLowerCase() === typed.toLowerCase());
  if (typed && !exact && typed !== value?.name) {
    options.push({ value: `${NEW}${typed}`, label: `Add “${typed}” to the inventory` });
  }

  return (
    <Select
      label={label}
      description={description}
      placeholder={placeholder}
      required={required}
      searchable
      clearable
      allowDeselect={false}
      data={options}
      value={value?.id ?? null}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      nothingFoundMessage={results.isFetching ? 'Searching…' : 'No vendor matches'}
      error={error ?? createError}
      disabled={create.isPending}
      onChange={(id) => {
        setCreateError(null);
        if (id === null) {
          onChange(null);
          return;
        }
        if (id.startsWith(NEW)) {
          const name = id.slice(NEW.length);
          create.mutate(
            { name, aliases: [], domain: null, contacts: [], phiKinds: [], phiRecords: null, notes: null },
            {
              onSuccess: (vendor) => {
                onChange({ id: vendor.id, name: vendor.name });
                setSearch(vendor.name);
              },
              onError: (err) => setCreateError(errorMessage(err)),
            },
          );
          return;
        }
        const chosen = options.find((o) => o.value === id);
        if (chosen) onChange({ id, name: chosen.label });
      }}
    />
  );
}
