// Placeholder until built: comments on the map and on the selected node.
export interface CommentsPanelProps {
  mapId: string;
  /** The selected node, or null for comments on the whole map. */
  nodeId: string | null;
  nodeLabel: string | null;
  canComment: boolean;
  /** Select a node on the canvas (from a comment about it). */
  onSelectNode: (nodeId: string) => void;
}

export function CommentsPanel(_props: CommentsPanelProps) {
  return null;
}
