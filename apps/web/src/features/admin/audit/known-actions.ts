// The audit actions and entity types the server writes today, offered as filter choices; values
// seen in loaded entries are added, so new features' actions show up without a change here.

export const KNOWN_ACTIONS = [
  'organization.created',
  'organization.renamed',
  'member.added',
  'member.role_changed',
  'member.removed',
  'invitation.created',
  'invitation.accepted',
  'invitation.revoked',
];

export const KNOWN_ENTITY_TYPES = ['organization', 'membership', 'invitation'];

/** `known` plus any other non-empty values in `seen` or `selected`, sorted, without duplicates. */
export function withSeen(known: string[], seen: string[], selected = ''): string[] {
  return [...new Set([...known, ...seen, selected].filter((value) => value !== ''))].sort();
}

/** An action in words: "member.role_changed" reads "Member role changed". */
export function actionLabel(action: string): string {
  const words = action.replace(/[._]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
