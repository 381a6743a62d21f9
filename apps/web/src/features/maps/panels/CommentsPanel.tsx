// Comments on the map for subject-matter experts: on the selected node, or on the whole map when
// nothing is selected (then every comment shows, each naming the node it is about with a way to
// jump to it). Oldest first so the newest sits by the box to answer it; resolved ones hide unless asked.
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  Skeleton,
  Stack,
  Switch,
  Text,
  Textarea,
} from '@mantine/core';
import { IconCheck, IconMapPin } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { errorMessage } from '../../../app/form-errors';
import { formatDateTime } from '../../materiality/format';
import { useCurrentOrg } from '../../shell/current-org';
import { useAddComment, useDeleteComment, useMap, useMapComments, useSetCommentResolved } from '../queries';
import type { MapComment } from '../types';
import { NODE_KIND_LABELS, type NodeName, nodeNames } from './node-labels';

export interface CommentsPanelProps {
  mapId: string;
  /** The selected node, or null for comments on the whole map. */
  nodeId: string | null;
  nodeLabel: string | null;
  canComment: boolean;
  /** Select a node on the canvas (from a comment about it). */
  onSelectNode: (nodeId: string) => void;
}

function CommentCard({
  comment,
  about,
  canComment,
  canDelete,
  onSelectNode,
  onResolve,
  onDelete,
  pending,
}: {
  comment: MapComment;
  /** The node the comment is about, shown when the panel lists the whole map's comments. */
  about: { id: string; name: NodeName | undefined } | null;
  canComment: boolean;
  canDelete: boolean;
  onSelectNode: (nodeId: string) => void;
  onResolve: (resolved: boolean) => void;
  onDelete: () => void;
  pending: boolean;
}) {
  const [confirming, setConfirming] = useState(false);
  const resolved = comment.resolvedAt !== null;
  return (
    <Paper
      withBorder
      p="sm"
      radius="md"
      bg={resolved ? 'var(--mantine-color-gray-0)' : undefined}
      data-testid="map-comment"
      aria-label={`Comment by ${comment.author.name}`}
    >
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" wrap="nowrap" align="baseline">
          <Text size="sm" fw={600} truncate>
            {comment.author.name}
          </Text>
          <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            {formatDateTime(comment.createdAt)}
          </Text>
        </Group>
        {about && (
          <Anchor
            component="button"
            type="button"
            size="xs"
            onClick={() => onSelectNode(about.id)}
            title="Show this node on the map"
            style={{ alignSelf: 'flex-start', textAlign: 'left' }}
          >
            <Group gap={4} wrap="nowrap">
              <IconMapPin size={12} />
              <span>
                {about.name
                  ? `${NODE_KIND_LABELS[about.name.kind]}: ${about.name.label}`
                  : `A node not in the saved map (${about.id})`}
              </span>
            </Group>
          </Anchor>
        )}
        <Text
          size="sm"
          c={resolved ? 'dimmed' : undefined}
          style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
        >
          {comment.body}
        </Text>
        {resolved && (
          <Group gap={4}>
            <Badge size="xs" color="teal" variant="light" leftSection={<IconCheck size={10} />} tt="none">
              Resolved
            </Badge>
            <Text size="xs" c="dimmed">
              {comment.resolvedBy ? `by ${comment.resolvedBy.name} ` : ''}
              {comment.resolvedAt ? formatDateTime(comment.resolvedAt) : ''}
            </Text>
          </Group>
        )}
        {(canComment || canDelete) && (
          <Group gap={4} justify="flex-end">
            {confirming ? (
              <>
                <Text size="xs" c="dimmed" mr="auto">
                  Delete this comment?
                </Text>
                <Button size="compact-xs" variant="subtle" color="gray" onClick={() => setConfirming(false)}>
                  Keep
                </Button>
                <Button size="compact-xs" color="red" loading={pending} onClick={onDelete}>
                  Delete
                </Button>
              </>
            ) : (
              <>
                {canComment && (
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    loading={pending}
                    onClick={() => onResolve(!resolved)}
                  >
                    {resolved ? 'Reopen' : 'Resolve'}
                  </Button>
                )}
                {canDelete && (
                  <Button size="compact-xs" variant="subtle" color="red" onClick={() => setConfirming(true)}>
                    Delete
                  </Button>
                )}
              </>
            )}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

export function CommentsPanel({ mapId, nodeId, nodeLabel, canComment, onSelectNode }: CommentsPanelProps) {
  const { membership, session, isAdmin } = useCurrentOrg();
  const orgId = membership.id;
  const comments = useMapComments(orgId, mapId);
  const map = useMap(orgId, mapId);
  const add = useAddComment(orgId, mapId);
  const setResolved = useSetCommentResolved(orgId, mapId);
  const remove = useDeleteComment(orgId, mapId);
  const [showResolved, setShowResolved] = useState(false);
  const [draft, setDraft] = useState('');
  const end = useRef<HTMLDivElement>(null);
  const names = nodeNames(map.data?.model);

  const all = comments.data ?? [];
  const inScope = nodeId === null ? all : all.filter((c) => c.nodeId === nodeId);
  const resolvedCount = inScope.filter((c) => c.resolvedAt !== null).length;
  const shown = showResolved ? inScope : inScope.filter((c) => c.resolvedAt === null);
  const subject = nodeId === null ? 'the whole map' : `“${nodeLabel ?? names.get(nodeId)?.label ?? nodeId}”`;

  // A new comment (ours or a colleague's) appears at the bottom: keep it in view.
  const count = shown.length;
  useEffect(() => {
    if (count > 0) end.current?.scrollIntoView({ block: 'nearest' });
  }, [count]);

  const send = () => {
    const body = draft.trim();
    if (!body || add.isPending) return;
    add.mutate({ nodeId, body }, { onSuccess: () => setDraft('') });
  };
  const pendingId =
    (setResolved.isPending ? setResolved.variables?.id : null) ??
    (remove.isPending ? remove.variables : null);

  return (
    <Stack gap="sm" data-testid="comments-panel">
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text size="sm" c="dimmed">
          {nodeId === null ? 'All comments on this map' : <>On {subject}</>}
        </Text>
        {resolvedCount > 0 && (
          <Switch
            size="xs"
            label={`Resolved (${resolvedCount})`}
            aria-label={`Show the ${resolvedCount} resolved`}
            checked={showResolved}
            onChange={(event) => setShowResolved(event.currentTarget.checked)}
          />
        )}
      </Group>

      {comments.isPending && <Skeleton h={80} />}
      {comments.isError && <Alert color="red">{errorMessage(comments.error)}</Alert>}
      {comments.isSuccess && shown.length === 0 && (
        <Text size="sm" c="dimmed">
          {inScope.length > 0
            ? 'Every comment here is resolved.'
            : nodeId === null
              ? 'No comments yet. Select a node to comment on it, or write about the whole map below.'
              : `No comments on ${subject} yet.`}
        </Text>
      )}
      {shown.map((c) => (
        <CommentCard
          key={c.id}
          comment={c}
          about={nodeId === null && c.nodeId !== null ? { id: c.nodeId, name: names.get(c.nodeId) } : null}
          canComment={canComment}
          canDelete={canComment && (c.author.id === session.user.id || isAdmin)}
          onSelectNode={onSelectNode}
          onResolve={(resolved) => setResolved.mutate({ id: c.id, resolved })}
          onDelete={() => remove.mutate(c.id)}
          pending={pendingId === c.id}
        />
      ))}
      {(setResolved.isError || remove.isError) && (
        <Alert color="red">{errorMessage(setResolved.error ?? remove.error)}</Alert>
      )}
      <div ref={end} />

      {canComment ? (
        <Stack gap={6}>
          <Textarea
            aria-label={`Comment on ${nodeId === null ? 'the whole map' : (nodeLabel ?? nodeId)}`}
            placeholder={`Comment on ${subject}…`}
            autosize
            minRows={2}
            maxRows={8}
            maxLength={4000}
            value={draft}
            onChange={(event) => setDraft(event.currentTarget.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
                event.preventDefault();
                send();
              }
            }}
          />
          {add.isError && <Alert color="red">{errorMessage(add.error)}</Alert>}
          <Group justify="space-between">
            <Text size="xs" c="dimmed">
              Ctrl+Enter to send
            </Text>
            <Button size="xs" onClick={send} loading={add.isPending} disabled={!draft.trim()}>
              Comment
            </Button>
          </Group>
        </Stack>
      ) : (
        <Text size="xs" c="dimmed">
          You can read the comments; your role does not write them.
        </Text>
      )}
    </Stack>
  );
}
