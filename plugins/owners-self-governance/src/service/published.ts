import type { Kysely } from '@linli/sdk';
import { areaText, percentText, type Decision } from '../art278.js';
import { outcomeText } from './result-page.js';
import { matterTitle } from './votes.js';

/** A closed vote as the public board shows it: the question, where, the outcome and the arithmetic in numbers — no unit, no owner, no choice. */
export type PublishedDecision = {
  title: string;
  scope: string;
  matter: string;
  outcome: string;
  participation: string;
  agreement: string;
  closedAt: string;
};

export function publishedDecision(r: { title: string; name: string; matter: string; result: Decision; closed_at: Date }): PublishedDecision {
  const d = r.result;
  return {
    title: r.title,
    scope: r.name,
    matter: matterTitle(r.matter),
    outcome: outcomeText(d),
    participation: `参与表决 ${d.participatingOwners}/${d.participation.owners.whole} 人（${percentText(d.participatingOwners, d.participation.owners.whole)}，要求${d.participation.owners.threshold}）· 面积 ${areaText(d.participatingAreaCenti)}/${areaText(d.participation.area.whole)} ㎡（${percentText(d.participatingAreaCenti, d.participation.area.whole)}，要求${d.participation.area.threshold}）`,
    agreement: d.election
      ? `逐个候选人计票：${d.election.candidates.filter((c) => c.met).length}名候选人同意的面积和人数达到要求（${d.pass.area.threshold}），当选${d.election.elected}名（应选${d.election.seats}名）${d.election.tie ? '，末位并列者均未当选' : ''}`
      : `同意 ${d.yesOwners}/${d.participatingOwners} 人（${percentText(d.yesOwners, d.participatingOwners)}，要求${d.pass.owners.threshold}）· 面积 ${areaText(d.yesAreaCenti)}/${areaText(d.participatingAreaCenti)} ㎡（${percentText(d.yesAreaCenti, d.participatingAreaCenti)}，要求${d.pass.area.threshold}）`,
    closedAt: new Date(r.closed_at).toISOString(),
  };
}

/** The published result of one closed vote (for another plugin's notice), or undefined while it is open. Reads public data only. */
export async function publishedResult(db: Kysely<any>, voteId: string | number): Promise<PublishedDecision | undefined> {
  const r = await db
    .selectFrom('owners_self_governance_votes as v')
    .innerJoin('linli_orgs as o', 'o.id', 'v.scope_org_id')
    .select(['v.title', 'o.name', 'v.matter', 'v.result', 'v.closed_at'])
    .where('v.id', '=', Number(voteId))
    .where('v.status', '=', 'closed')
    .executeTakeFirst();
  return r ? publishedDecision(r as { title: string; name: string; matter: string; result: Decision; closed_at: Date }) : undefined;
}
