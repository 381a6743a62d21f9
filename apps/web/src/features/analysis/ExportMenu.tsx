// Downloads of the prioritized list (now, or as a snapshot) as CSV, XLSX or PDF; the server marks
// every file with the TLP of the analysis and the weights used.
import { Button, Menu } from '@mantine/core';
import { IconChevronDown, IconDownload } from '@tabler/icons-react';
import { exportUrl } from './queries';
import type { ExportFormat } from './types';

const EXPORTS: { format: ExportFormat; label: string }[] = [
  { format: 'csv', label: 'CSV (.csv)' },
  { format: 'xlsx', label: 'Excel workbook (.xlsx)' },
  { format: 'pdf', label: 'PDF for the board (.pdf)' },
];

export function ExportMenu({
  orgId,
  snapshot,
  label = 'Export',
}: {
  orgId: string;
  snapshot?: string;
  label?: string;
}) {
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="default"
          leftSection={<IconDownload size={16} />}
          rightSection={<IconChevronDown size={14} />}
        >
          {label}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          {snapshot ? 'This snapshot' : 'The list with the saved weights'}, marked with its TLP
        </Menu.Label>
        {EXPORTS.map((e) => (
          <Menu.Item key={e.format} component="a" href={exportUrl(orgId, e.format, snapshot)} download>
            {e.label}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
