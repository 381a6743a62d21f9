// Creating a map: from a sector template (the organization's selected ones first, by rank), blank,
// or by importing a SMART model document; with its sub-team and TLP marking. Opens the editor on
// the new map. An imported file the server refuses is explained path by path.
import {
  Alert,
  Button,
  FileInput,
  Group,
  List,
  Modal,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import type { Tlp } from '@smart/core';
import { IconFileImport } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { ApiError } from '../../../api/client';
import { errorMessage } from '../../../app/form-errors';
import { useCurrentOrg } from '../../shell/current-org';
import { useTeam } from '../../team/queries';
import { type TemplateSummary, useTemplates } from '../../templates/queries';
import { useCreateMap, useMapSelection, useMaps } from '../queries';
import { subTeamsOf } from './map-permissions';
import { isTlp, TLP_MEANINGS, TLP_OPTIONS } from './tlp-options';

export type MapSource = 'template' | 'blank' | 'import';

interface ImportedFile {
  fileName: string;
  model: unknown;
  name: string | null;
  tlp: Tlp | null;
  /** "3 functions, 12 steps, 9 services": what the file holds, when it looks like a model. */
  contents: string | null;
}

const COUNTED: [string, string][] = [
  ['functions', 'functions'],
  ['processSteps', 'steps'],
  ['systems', 'systems'],
  ['services', 'services'],
  ['vendors', 'vendors'],
];

/** Reads a chosen file as JSON; the server decides whether it is a valid model. */
export async function readModelFile(file: File): Promise<ImportedFile> {
  const text = await file.text();
  let model: unknown;
  try {
    model = JSON.parse(text);
  } catch (error) {
    throw new Error(
      `${file.name} is not a JSON file (${error instanceof Error ? error.message : 'it cannot be read'}). Choose a SMART model document exported as JSON.`,
    );
  }
  const doc =
    typeof model === 'object' && model !== null && !Array.isArray(model)
      ? (model as Record<string, unknown>)
      : null;
  const counts = doc
    ? COUNTED.flatMap(([key, word]) => {
        const list = doc[key];
        if (!Array.isArray(list) || list.length === 0) return [];
        return [`${list.length} ${list.length === 1 ? word.replace(/s$/, '') : word}`];
      })
    : [];
  return {
    fileName: file.name,
    model,
    name: doc && typeof doc.name === 'string' && doc.name.trim() ? doc.name.trim() : null,
    tlp: doc && isTlp(doc.tlp) ? doc.tlp : null,
    contents: counts.length > 0 ? counts.join(', ') : null,
  };
}

function templateOptions(templates: TemplateSummary[], rankOf: Map<string, number>, mapped: Set<string>) {
  const label = (t: TemplateSummary) =>
    `${rankOf.has(t.id) ? `${rankOf.get(t.id)}. ` : ''}${t.title}${mapped.has(t.id) ? ' (has a map)' : ''}`;
  const selected = templates
    .filter((t) => rankOf.has(t.id))
    .sort((a, b) => (rankOf.get(a.id) ?? 0) - (rankOf.get(b.id) ?? 0));
  const others = templates.filter((t) => !rankOf.has(t.id));
  const item = (t: TemplateSummary) => ({ value: t.id, label: label(t) });
  if (selected.length === 0) return others.map(item);
  return [
    { group: 'Your ranked selection', items: selected.map(item) },
    { group: 'Other templates', items: others.map(item) },
  ];
}

export function CreateMapModal({
  opened,
  onClose,
  initialTemplateId = null,
}: {
  opened: boolean;
  onClose: () => void;
  initialTemplateId?: string | null;
}) {
  const { membership, session } = useCurrentOrg();
  const orgId = membership.id;
  const navigate = useNavigate();
  const templates = useTemplates();
  const selection = useMapSelection(orgId);
  const maps = useMaps(orgId);
  const team = useTeam(orgId);
  const create = useCreateMap(orgId);
  const isBusinessOwner = membership.role === 'business_owner';

  const [source, setSource] = useState<MapSource>('template');
  const [templateId, setTemplateId] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [subTeamId, setSubTeamId] = useState<string | null>(null);
  const [tlp, setTlp] = useState<Tlp | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [imported, setImported] = useState<ImportedFile | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);

  const rankOf = new Map((selection.data?.items ?? []).map((i) => [i.templateId, i.rank]));
  const mapped = new Set((maps.data ?? []).flatMap((m) => (m.templateId ? [m.templateId] : [])));
  const allTemplates = templates.data ?? [];
  const template = allTemplates.find((t) => t.id === templateId);
  const subTeams = isBusinessOwner ? subTeamsOf(team.data, session.user.id) : (team.data?.subTeams ?? []);

  // On opening: the asked-for template, else the best-ranked selected one that has no map yet.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the modal opens
  useEffect(() => {
    if (!opened) return;
    const ranked = (selection.data?.items ?? []).map((i) => i.templateId);
    setSource('template');
    setTemplateId(initialTemplateId ?? ranked.find((id) => !mapped.has(id)) ?? ranked[0] ?? null);
    setName('');
    setSubTeamId(isBusinessOwner && subTeams.length === 1 ? (subTeams[0]?.id ?? null) : null);
    setTlp(null);
    setFile(null);
    setImported(null);
    setFileError(null);
    setFieldError(null);
    create.reset();
  }, [opened, initialTemplateId]);

  const chooseFile = async (chosen: File | null) => {
    setFile(chosen);
    setImported(null);
    setFileError(null);
    create.reset();
    if (!chosen) return;
    try {
      setImported(await readModelFile(chosen));
    } catch (error) {
      setFileError(errorMessage(error));
    }
  };

  const defaultName =
    source === 'template'
      ? (template?.title ?? '')
      : source === 'import'
        ? (imported?.name ?? imported?.fileName.replace(/\.json$/i, '') ?? '')
        : '';
  // A template is public (CLEAR), but the organization's own map names its vendors: AMBER unless
  // an imported file carries its own marking.
  const defaultTlp: Tlp = source === 'import' && imported?.tlp ? imported.tlp : 'AMBER';
  const effectiveTlp = tlp ?? defaultTlp;

  const submit = () => {
    setFieldError(null);
    const finalName = name.trim() || defaultName;
    if (source === 'template' && !templateId) return setFieldError('Choose a template.');
    if (source === 'import' && !imported) return setFieldError('Choose a SMART model file (JSON) to import.');
    if (!finalName) return setFieldError('Give the map a name.');
    if (isBusinessOwner && !subTeamId)
      return setFieldError(
        'Choose the sub-team that owns this workflow: business owners create maps for their sub-teams.',
      );
    create.mutate(
      {
        name: finalName,
        ...(source === 'template' && templateId ? { templateId } : {}),
        ...(source === 'import' && imported ? { model: imported.model } : {}),
        subTeamId,
        tlp: effectiveTlp,
      },
      {
        onSuccess: (map) => {
          onClose();
          navigate(`/o/${orgId}/maps/${map.id}`);
        },
      },
    );
  };

  const invalidModel =
    create.error instanceof ApiError && create.error.code === 'invalid_model' ? create.error : null;

  return (
    <Modal opened={opened} onClose={onClose} title="New map" size="lg">
      <Stack gap="md">
        <SegmentedControl
          fullWidth
          value={source}
          onChange={(value) => {
            setSource(value === 'blank' || value === 'import' ? value : 'template');
            setFieldError(null);
            setTlp(null);
            create.reset();
          }}
          data={[
            { value: 'template', label: 'From a template' },
            { value: 'blank', label: 'Blank' },
            { value: 'import', label: 'Import a file' },
          ]}
          aria-label="Start from"
        />

        {source === 'template' && (
          <Select
            label="Template"
            description={
              rankOf.size > 0
                ? 'Your ranked templates come first.'
                : 'Tip: rank the templates that apply to you first, on the selection page.'
            }
            placeholder="Choose a sector workflow"
            data={templateOptions(allTemplates, rankOf, mapped)}
            value={templateId}
            onChange={setTemplateId}
            searchable
            nothingFoundMessage="No template has that name"
            allowDeselect={false}
          />
        )}
        {source === 'template' && template && (
          <Stack gap={2} mt={-8}>
            <Text size="sm" c="dimmed" lineClamp={3}>
              {template.workflow}
            </Text>
            <Text size="xs" c="dimmed">
              {template.steps} steps · {template.services} third-party services · {template.chokepoints}{' '}
              {template.chokepoints === 1 ? 'chokepoint' : 'chokepoints'}
            </Text>
          </Stack>
        )}
        {source === 'blank' && (
          <Text size="sm" c="dimmed">
            An empty canvas: add the workflow’s functions, steps, systems and third-party services yourself.
          </Text>
        )}
        {source === 'import' && (
          <Stack gap={6}>
            <FileInput
              label="SMART model document"
              description="A .json file exported from a SMART map, or written to the SMART model schema."
              placeholder="Choose a .json file"
              accept="application/json,.json"
              leftSection={<IconFileImport size={16} />}
              value={file}
              onChange={(chosen) => void chooseFile(chosen)}
              clearable
              error={fileError}
            />
            {imported && (
              <Text size="sm" c="dimmed">
                {imported.contents
                  ? `The file holds ${imported.contents}.`
                  : 'The file is JSON; SMART checks it when you create the map.'}
              </Text>
            )}
          </Stack>
        )}

        <TextInput
          label="Name"
          placeholder={defaultName || 'e.g. Claims and payments'}
          description={defaultName ? `Leave empty to use “${defaultName}”.` : undefined}
          value={name}
          maxLength={200}
          onChange={(event) => setName(event.currentTarget.value)}
        />
        <Group grow align="flex-start">
          <Select
            label="Sub-team"
            description={
              isBusinessOwner ? 'Required: one of your sub-teams.' : 'Who owns this workflow (optional).'
            }
            placeholder={subTeams.length === 0 ? 'No sub-teams yet' : 'Choose a sub-team'}
            data={subTeams.map((t) => ({ value: t.id, label: t.name }))}
            value={subTeamId}
            onChange={setSubTeamId}
            clearable={!isBusinessOwner}
            disabled={subTeams.length === 0}
          />
          <Select
            label="Marking (TLP)"
            description={TLP_MEANINGS[effectiveTlp]}
            data={TLP_OPTIONS}
            value={effectiveTlp}
            onChange={(value) => setTlp(isTlp(value) ? value : null)}
            allowDeselect={false}
          />
        </Group>
        {isBusinessOwner && team.isSuccess && subTeams.length === 0 && (
          <Alert color="yellow">
            You are not in any sub-team. Ask an administrator or risk lead to add you to the sub-team that
            owns this workflow on the Team page.
          </Alert>
        )}

        {fieldError && <Alert color="red">{fieldError}</Alert>}
        {invalidModel && (
          <Alert color="red" title="SMART cannot open this file as a map" data-testid="import-errors">
            <List size="sm" spacing={2}>
              {invalidModel.issues.slice(0, 12).map((issue) => (
                <List.Item key={`${issue.path}:${issue.message}`}>
                  {issue.path ? <code>{issue.path}</code> : 'The document'}: {issue.message}
                </List.Item>
              ))}
            </List>
            {invalidModel.issues.length > 12 && (
              <Text size="sm" mt={4}>
                … and {invalidModel.issues.length - 12} more.
              </Text>
            )}
            {invalidModel.issues.length === 0 && <Text size="sm">{invalidModel.message}</Text>}
          </Alert>
        )}
        {create.isError && !invalidModel && <Alert color="red">{errorMessage(create.error)}</Alert>}

        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={submit} loading={create.isPending}>
            {source === 'import' ? 'Import and open' : 'Create and open'}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
