import { parties, partyTitle } from './parties.js';
import type { AgendaItemView, MeetingView } from './service/views.js';
import type { AttendanceParty, Presence } from './store/meetings.js';
import type { Office } from './store/offices.js';

/** Escapes text for HTML element content and quoted attribute values. Every value from the database goes through it. */
export function escapeHtml(s: unknown): string {
  return String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export interface MinutesInput {
  meeting: MeetingView;
  office: Office;
  attendance: ReadonlyMap<AttendanceParty, Presence> | undefined;
  agenda: readonly AgendaItemView[];
  /** Local date-time the document was generated, for the footer. */
  generatedAt: string;
  /** The city's UTC offset, to show deadlines in local time. */
  offsetHours: number;
}

const style = `
  body { font-family: "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; margin: 2em auto; max-width: 48em; color: #222; line-height: 1.6; }
  h1 { font-size: 1.5em; text-align: center; margin-bottom: .2em; }
  .sub { text-align: center; color: #555; margin-top: 0; }
  table { border-collapse: collapse; width: 100%; margin: .8em 0 1.5em; }
  th, td { border: 1px solid #999; padding: .35em .6em; text-align: left; vertical-align: top; }
  th { background: #f3f3f3; }
  .absent { color: #b00; font-weight: bold; }
  .draft { border: 1px dashed #b00; color: #b00; padding: .4em .8em; }
  footer { color: #777; font-size: .85em; margin-top: 2em; }
  @media print { body { margin: 0; max-width: none; } .draft { border-style: solid; } }
`;

/**
 * The minutes 会议纪要 of one meeting as a printable HTML document: who came
 * for each party, the agenda in the order it was taken (先急后缓、先易后难), and
 * each decision with its responsible party and deadline. Nothing interpolated
 * is trusted: all text is escaped.
 */
export function renderMinutes({ meeting, office, attendance, agenda, generatedAt, offsetHours }: MinutesInput): string {
  const e = escapeHtml;
  const presenceRow = (label: string, p: Presence | undefined, org: string) =>
    `<tr><th>${e(label)}</th><td>${e(org)}</td><td>${!p ? '未登记' : p.present ? '出席' : '<span class="absent">缺席</span>'}</td><td>${e(p?.present ? (p.attendees ?? '') : '')}</td></tr>`;
  const rows = [
    ...parties.map((p) => presenceRow(partyTitle[p]['zh-CN'], attendance?.get(p), office.parties[p].name)),
    ...(office.partyCommittee ? [presenceRow('社区联合党委', attendance?.get('partyCommittee'), office.partyCommittee.name)] : []),
  ];
  const items = agenda.map(
    (a) => `<tr>
      <td>${a.position}</td>
      <td>${e(a.title)}<br><small>${e(a.category)} · ${e(a.urgency)} · ${e(a.difficulty)}</small></td>
      <td>${e(a.outcomeTitle)}</td>
      <td>${e(a.decision ?? '')}</td>
      <td>${e(a.responsiblePartyTitle ?? '')}</td>
      <td>${e(a.deadline ? formatLocal(a.deadline, offsetHours) : '')}</td>
    </tr>`,
  );
  const draft = meeting.status === 'closed' ? '' : `<p class="draft">${e(`草稿：会议${meeting.statusTitle}，纪要尚未定稿。`)}</p>`;
  const quorum = meeting.quorum
    ? '三方均出席，可形成决定。'
    : meeting.status === 'scheduled'
      ? '会议尚未召开，出席情况未登记。'
      : `${meeting.absent || '三方'}未全部出席，本次会议不形成决定，议题顺延。`;
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${e(meeting.title)}纪要</title>
<style>${style}</style>
</head>
<body>
<h1>${e(meeting.title)}纪要</h1>
<p class="sub">${e(meeting.date)} ${e(meeting.time)} · ${e(meeting.place ?? '')}${office.partyCommittee ? ` · ${e(office.partyCommittee.name)}牵头` : ''}</p>
${draft}
<h2>出席情况</h2>
<table><thead><tr><th>三方</th><th>单位</th><th>出席</th><th>出席人</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table>
<p>${e(quorum)}</p>
<h2>议题与决定</h2>
<p>议题按“先急后缓、先易后难”排序。</p>
${
  items.length
    ? `<table><thead><tr><th>序号</th><th>议题</th><th>结果</th><th>会商决定</th><th>责任方</th><th>办结时限</th></tr></thead><tbody>\n${items.join('\n')}\n</tbody></table>`
    : '<p>本次会议无议题。</p>'
}
${meeting.note ? `<h2>备注</h2><p>${e(meeting.note)}</p>` : ''}
<footer>${e(office.compound.name)}三联办 · 生成于 ${e(generatedAt)}</footer>
</body>
</html>`;
}

/** An instant as the city reads it: `2026-12-02 18:00`. */
export function formatLocal(iso: string, offsetHours: number): string {
  return new Date(new Date(iso).getTime() + offsetHours * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}
