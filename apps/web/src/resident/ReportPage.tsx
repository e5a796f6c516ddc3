import { IntakePage } from '../intake/IntakePage';

/** 我要反映 on the residents' portal: the one intake page, staying in the portal once filed. */
export function ReportPage() {
  return <IntakePage entry="portal" />;
}
