// Placeholder until built: the inventory services linked to a map node, and linking more.
export interface InventoryLinksProps {
  mapId: string;
  nodeId: string;
  canEdit: boolean;
}

export function InventoryLinks(_props: InventoryLinksProps) {
  return null;
}
