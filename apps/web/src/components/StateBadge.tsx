import type { Workflow } from '../api/types';
import { useI18n } from '../i18n';
import { stateTone } from '../lib/workflow';

export function StateBadge({ workflow, state }: { workflow: Workflow | undefined; state: string }) {
  const { pick } = useI18n();
  const def = workflow?.states.find((s) => s.id === state);
  return <span className={`badge badge-${stateTone(workflow, state)}`}>{def ? pick(def.title) : state}</span>;
}
