import { groups, groupTitle, type Group } from './groups.js';
import type { AgendaItemView, SessionView } from './service/views.js';
import type { Attendance } from './store/sessions.js';
import { formatLocal } from './time.js';

/** Escapes text for HTML element content and quoted attribute values. Every value from the database goes through it. */
export function escapeHtml(s: unknown): string {
  return String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export interface NoticeInput {
  session: SessionView;
  sheet: ReadonlyMap<Group, Attendance> | undefined;
  items: readonly AgendaItemView[];
  generatedAt: Date;
  offsetHours: number;
}

const style = `
  body { font-family: "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; margin: 2em auto; max-width: 48em; color: #222; line-height: 1.6; }
  h1 { font-size: 1.6em; text-align: center; margin-bottom: .2em; letter-spacing: .3em; }
  .sub { text-align: center; color: #555; margin-top: 0; }
  table { border-collapse: collapse; width: 100%; margin: .8em 0 1.5em; }
  th, td { border: 1px solid #999; padding: .35em .6em; text-align: left; vertical-align: top; }
  th { background: #f3f3f3; }
  .passed { color: #0a6b2b; font-weight: bold; }
  .failed { color: #b00; font-weight: bold; }
  .motto { text-align: center; font-weight: bold; margin-top: 2em; }
  footer { color: #777; font-size: .85em; margin-top: 1em; text-align: right; }
  @media print { body { margin: 0; max-width: none; } }
`;

/**
 * The public notice 公示 of a session's results, for the compound's notice
 * board: when and where it met, how many came per stakeholder group, each
 * topic's resolution, the vote and how far it has got. It shows no personal
 * data: participants are counted, never named; proposers are not shown; the
 * free-text deliberation record (which names speakers) stays with staff.
 */
export function renderNotice({ session, sheet, items, generatedAt, offsetHours }: NoticeInput): string {
  const e = escapeHtml;
  const decided = items.filter((i) => i.passed !== null);
  const attendance = groups.map((g) => `<td>${sheet?.get(g)?.present ?? 0}</td>`).join('');
  const rows = decided.map(
    (i, k) => `<tr>
      <td>${k + 1}</td>
      <td>${e(i.title)}<br><small>${e(i.category)}</small></td>
      <td>${e(i.resolution)}</td>
      <td>赞成 ${i.votesFor} · 反对 ${i.votesAgainst} · 弃权 ${i.abstentions}<br><span class="${i.passed ? 'passed' : 'failed'}">${i.passed ? '通过' : '未通过'}</span></td>
      <td>${e(i.implementer ?? '')}${i.deadline ? `<br><small>${e(formatLocal(new Date(i.deadline), offsetHours).slice(0, 10))}前完成</small>` : ''}</td>
      <td>${e(i.stateTitle)}${i.result ? `<br><small>${e(i.result)}</small>` : ''}</td>
    </tr>`,
  );
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${e(session.title)}议事结果公示</title>
<style>${style}</style>
</head>
<body>
<h1>公　示</h1>
<p class="sub">${e(session.title)}议事结果</p>
<p>${e(session.date)}（${e(session.weekday)}）${e(session.time)}，${e(session.compoundName)}周末议事厅在${e(session.place)}召开${session.theme ? `“${e(session.theme)}”` : ''}议事活动，小区议事委员会召集党员、社居委、业主代表、物业公司代表共${session.present}人参加，对以下议题进行了协商表决，现将结果公示如下。</p>
<h2>参会情况</h2>
<table><thead><tr>${groups.map((g) => `<th>${e(groupTitle[g]['zh-CN'])}</th>`).join('')}<th>合计</th></tr></thead>
<tbody><tr>${attendance}<td>${session.present}</td></tr></tbody></table>
<h2>议题与表决结果</h2>
${
  rows.length
    ? `<table><thead><tr><th>序号</th><th>议题</th><th>议定方案</th><th>表决</th><th>实施</th><th>进展</th></tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table>`
    : '<p>本期尚无表决结果。</p>'
}
<p>公示期内如有意见，请向社区居委会或小区党支部反映。</p>
<p class="motto">民事、民议、民决</p>
<footer>${e(session.compoundName)}小区议事委员会 · ${e(formatLocal(generatedAt, offsetHours))}</footer>
</body>
</html>`;
}
