import { IntakePage } from '../intake/IntakePage';

/** The 上报 tab: the one intake page, opening the new ticket once filed. */
export function NewRequestPage() {
  return <IntakePage entry="app" />;
}
