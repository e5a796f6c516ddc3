import { localDateTime } from '@linli/sdk';
import { areaText, percentText, type CandidateCount, type Check, type Decision } from '../art278.js';
import type { VoteRow } from '../store/votes.js';
import { matterTitle } from './votes.js';

/** Escapes text for HTML element content and quoted attribute values. Every value from the database goes through it. */
export const escapeHtml = (s: unknown): string => String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const style = `
  body { font-family: "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; margin: 1em auto; max-width: 48em; color: #222; line-height: 1.6; padding: 0 .6em; }
  h1 { font-size: 1.3em; margin-bottom: .2em; }
  h2 { font-size: 1.1em; margin: 1.1em 0 .3em; }
  table { border-collapse: collapse; width: 100%; margin: .6em 0 1.2em; font-size: .92em; }
  th, td { border: 1px solid #999; padding: .3em .45em; text-align: left; vertical-align: top; }
  th { background: #f3f3f3; }
  /* The verdict column (达到, 当选, 纸质票) reads as a word on a phone, not a letter a line. */
  th:last-child, td:last-child { white-space: nowrap; }
  .met { color: #0a6b2b; font-weight: bold; }
  .unmet { color: #b00; font-weight: bold; }
  .outcome { font-size: 1.2em; }
  footer { color: #777; font-size: .85em; }
  .nowrap { white-space: nowrap; }
`;

const sideText = (c: Check, unit: 'area' | 'owners') => (unit === 'area' ? `${areaText(c.part)} / ${areaText(c.whole)} ㎡` : `${c.part} / ${c.whole} 人`);

function row(label: string, c: Check, unit: 'area' | 'owners'): string {
  const cls = c.met ? 'met' : 'unmet';
  return `<tr><td>${escapeHtml(label)}</td><td>${escapeHtml(sideText(c, unit))}</td><td>${escapeHtml(percentText(c.part, c.whole))}</td><td>${escapeHtml(c.threshold)}</td><td class="${cls}">${c.met ? '达到' : '未达到'}</td></tr>`;
}

/** Units (专有部分) and the persons they count as (Art. 9), as the count page and the staff list say it. */
export const unitsAndPersons = (units: number, persons: number): string => `${units}户专有部分，按人计 ${persons}人`;

/** How the headcount was made: units and persons, in the electorate and among the ballots; absent on results counted before owner identity. */
export function headcountLine(d: Decision): string {
  if (!d.units) return '';
  return `<p>业主人数：${unitsAndPersons(d.units.total, d.participation.owners.whole)}；已投票 ${unitsAndPersons(d.units.participating, d.participatingOwners)}。</p>`;
}

/** One sentence with the outcome and why, for lists and the public board. */
export function outcomeText(d: Decision): string {
  if (!d.quorum) return '未形成决定（参与表决的面积或人数未达到要求）';
  const e = d.election;
  if (!e) return d.passed ? '通过' : '未通过';
  const tied = e.candidates.filter((c) => c.tied).length;
  const elected = e.elected ? `当选${e.elected}名（应选${e.seats}名）` : `无人当选（应选${e.seats}名）`;
  if (tied) return `${elected}；${tied}名候选人末位得票相同，均未当选，空缺名额另行选举`;
  return e.elected < e.seats ? `${elected}；${e.seats - e.elected}个名额空缺，另行选举` : elected;
}

/** Per candidate of a committee election: who agreed (owners and area) against those who took part, whether they met the rule, elected or not. */
function candidateTable(d: Decision, slate: { id: number; name: string; building: string; withdrawnAt?: Date | null }[]): string {
  const e = d.election!;
  const verdict = (c: CandidateCount) => (c.elected ? '<span class="met">当选</span>' : c.tied ? '<span class="unmet">末位并列，未当选</span>' : c.met ? '<span class="unmet">未当选（名额已满）</span>' : '<span class="unmet">未当选</span>');
  const rows = [...e.candidates]
    .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || b.yesAreaCenti - a.yesAreaCenti || b.yesOwners - a.yesOwners)
    .map((c) => {
      const who = slate.find((k) => k.id === c.candidateId);
      const cell = (x: Check, unit: 'area' | 'owners') => `${escapeHtml(sideText(x, unit))}<br>${escapeHtml(percentText(x.part, x.whole))}（要求${escapeHtml(x.threshold)}）<span class="${x.met ? 'met' : 'unmet'}">${x.met ? '达到' : '未达到'}</span>`;
      return `<tr><td><span class="nowrap">${c.rank ? `${c.rank}. ` : ''}${escapeHtml(who?.name ?? c.candidateId)}</span><br>（${escapeHtml(who?.building ?? '')}）</td><td>${cell(c.pass.owners, 'owners')}</td><td>${cell(c.pass.area, 'area')}</td><td>${verdict(c)}</td></tr>`;
    })
    .join('');
  // Candidates whose candidacy ended (no longer owners of the compound) before this count: not counted; the ticks cast for them stay stored.
  const ended = slate.filter((k) => k.withdrawnAt && !e.candidates.some((c) => c.candidateId === k.id));
  const endedLine = ended.length ? `<p>以下候选人已不再是本小区业主，候选资格终止（业主大会和业主委员会指导规则第三十七条），勾选其的票不再计入，其余勾选照常计票：${ended.map((k) => `${escapeHtml(k.name)}（${escapeHtml(k.building)}）`).join('、')}。</p>` : '';
  return `<h2>逐个候选人计票（应选 ${e.seats} 名，差额选举）</h2>
<table><thead><tr><th>候选人（名次）</th><th>同意人数 / 参与人数</th><th>同意面积 / 参与面积</th><th>结果</th></tr></thead><tbody>${rows}</tbody></table>${endedLine}
<p>候选人须同意的面积和人数均达到要求（在参与表决的业主中）${d.quorum ? '' : '，且参与表决的面积和人数达到要求（本次未达到，无人当选）'}；达到要求的多于应选名额时，按同意面积、再按同意人数排名；末位得票（面积和人数）相同的候选人均不当选，空缺名额另行选举，不抽签。每位业主最多勾选 ${e.seats} 名；一个不勾的为弃权，计入参与表决。</p>`;
}

/**
 * A vote's result page: the question, the rule, the four comparisons of
 * Art. 278 with the numbers that went into each (so anyone can redo the
 * count by hand), and the list of units that voted — how each voted is not
 * shown. While the vote is open it shows the count so far.
 */
export function renderResult(
  vote: VoteRow,
  /** The count: the closed vote's, or as it stands while it is open. */
  d: Decision,
  turnout: { buildingName: string; room: string; areaCenti: number; channel: string }[],
  offsetHours: number,
  /** The title of the plugin that opened the vote, when another did (a weekend-hall topic). */
  originFrom?: string,
  /** The slate an election's vote decides (name and building, as published), with when a candidacy ended. */
  slate: { id: number; name: string; building: string; withdrawnAt?: Date | null }[] = [],
): string {
  const closed = vote.status === 'closed';
  const status = closed ? `表决结果：<span class="${d.passed ? 'met' : 'unmet'}">${escapeHtml(outcomeText(d))}</span>` : '表决进行中（以下为当前计票）';
  const list = turnout
    .map((t) => `<tr><td>${escapeHtml(t.buildingName)}</td><td>${escapeHtml(t.room)}</td><td>${escapeHtml(areaText(t.areaCenti))}</td><td>${t.channel === 'paper' ? '纸质票' : '线上'}</td></tr>`)
    .join('');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(vote.title)}</title><style>${style}</style></head><body>
<h1>${escapeHtml(vote.title)}</h1>
<p>范围：${escapeHtml(vote.scopeName)} · 事项：${escapeHtml(matterTitle(vote.matter))}<br>规则：${escapeHtml(vote.rule.title)}${vote.originTitle ? `<br>来源：${escapeHtml(originFrom ?? vote.originPlugin)}“${escapeHtml(vote.originTitle)}”（编号 ${escapeHtml(vote.originRef)}）` : ''}<br>投票时间：${escapeHtml(localDateTime(new Date(vote.opensAt), offsetHours))} 至 ${escapeHtml(localDateTime(new Date(vote.closesAt), offsetHours))}</p>
<p class="outcome">${status}</p>
${slate.length && !d.election ? `<h2>候选人名单（整体表决${closed && d.passed ? '，已当选' : ''}）</h2><p>${slate.map((c) => `${escapeHtml(c.name)}（${escapeHtml(c.building)}）`).join('、')}</p>` : ''}
<h2>计票（民法典第二百七十八条）</h2>
${headcountLine(d)}
<table><thead><tr><th>项目（专有部分面积、业主人数）</th><th>数值</th><th>占比</th><th>要求</th><th>结论</th></tr></thead><tbody>
${row('参与面积 / 总面积', d.participation.area, 'area')}
${row('参与人数 / 总人数', d.participation.owners, 'owners')}
${d.election ? '' : `${row('同意面积 / 参与面积', d.pass.area, 'area')}
${row('同意人数 / 参与人数', d.pass.owners, 'owners')}`}
</tbody></table>
${d.election ? `${candidateTable(d, slate)}<p>参与表决 ${d.participatingOwners} 人（${escapeHtml(areaText(d.participatingAreaCenti))} ㎡），其中全部弃权 ${d.abstainOwners} 人（${escapeHtml(areaText(d.abstainAreaCenti))} ㎡）。面积以 0.01 ㎡ 为单位精确计算，比较用交叉相乘，不四舍五入。</p>` : `<p>同意 ${d.yesOwners} 人（${escapeHtml(areaText(d.yesAreaCenti))} ㎡）· 反对 ${d.noOwners} 人（${escapeHtml(areaText(d.noAreaCenti))} ㎡）· 弃权 ${d.abstainOwners} 人（${escapeHtml(areaText(d.abstainAreaCenti))} ㎡）。面积以 0.01 ㎡ 为单位精确计算，比较用交叉相乘，不四舍五入。</p>`}
<h2>已投票的房屋（${turnout.length} 户，不显示投票内容）</h2>
<table><thead><tr><th>楼栋</th><th>房号</th><th>面积（㎡）</th><th>方式</th></tr></thead><tbody>${list || '<tr><td colspan="4">暂无</td></tr>'}</tbody></table>
<footer>每位业主一票：共有人共投一票；同一业主的多套房屋、开发商未售或未交付的房屋各按一人计，一票及于其全部房屋（最高人民法院建筑物区分所有权司法解释第九条）。总面积与总人数为表决开始时登记的房屋。</footer>
</body></html>`;
}
