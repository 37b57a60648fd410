import type { ReactNode } from "react";

/**
 * What only staff and owners see: the forms that change things. A viewer's account reads the same
 * pages without them (and every action refuses a viewer anyway, whatever is posted).
 */
export function EditorOnly({ canEdit, children, instead = null }: { canEdit: boolean; children: ReactNode; instead?: ReactNode }) {
  return canEdit ? children : instead;
}
