import { definePlugin } from '@linli/sdk';

/** Text a resident could type: it must show as text in a table and never run in the sandboxed document. */
export const hostileTitle = '<img src=x onerror="window.top.__pwned=1">停水通知';

const noticeForm = {
  id: 'e2e-notice-board.notice',
  title: { 'zh-CN': '发布公告', en: 'Post a notice' },
  schema: {
    type: 'object',
    properties: {
      title: { type: 'string', title: '标题', minLength: 2, maxLength: 100 },
      date: { type: 'string', title: '日期', format: 'date' },
    },
    required: ['title', 'date'],
    additionalProperties: false,
  },
  translations: { en: { '/': 'Post a notice', '/title': 'Title', '/date': 'Date' } },
} as const;

/**
 * A plugin that exists only for the browser tests: it declares a table page,
 * a hidden HTML page reached from its rows, a form page and a dashboard
 * widget, the way any plugin does, so the test shows the app renders plugin
 * pages without knowing the plugin.
 */
export const noticeBoardPlugin = definePlugin({
  name: 'e2e-notice-board',
  version: '0.1.0',
  sdk: '^0.1.0',
  title: { 'zh-CN': '公告栏', en: 'Notice board' },
  forms: [noticeForm],
  routes(app) {
    const notices = [
      { id: '1', title: hostileTitle, date: '2026-11-25', status: '已发布' },
      { id: '2', title: '河畔家园电梯年检', date: '2026-11-28', status: '草稿' },
    ];
    app.get('/notices', { config: { policy: 'authenticated' } }, async () => ({ items: notices }));
    app.get<{ Params: { id: string } }>('/notices/:id', { config: { policy: 'authenticated' } }, async (req, reply) => {
      const n = notices.find((x) => x.id === req.params.id);
      if (!n) return reply.status(404).send({ code: 'LINLI_ERR_NOT_FOUND', message: 'no such notice' });
      // A document with a script: in the app's sandboxed frame it must not run.
      return reply
        .type('text/html; charset=utf-8')
        .send(`<!doctype html><html><head><meta charset="utf-8"><style>h1{color:#1d4ed8}</style></head><body><h1 id="t">公告 ${n.id}</h1><p>${n.date} 起停水检修。</p><script>document.getElementById('t').textContent='SCRIPT RAN'</script></body></html>`);
    });
    app.get('/stats', { config: { policy: 'authenticated' } }, async () => ({ value: 42 }));
    app.post<{ Body: { title: string; date: string } }>('/notices', { config: { policy: 'authenticated' }, schema: { body: noticeForm.schema } }, async (req, reply) => {
      const notice = { id: String(notices.length + 1), title: req.body.title, date: req.body.date, status: '草稿' };
      notices.push(notice);
      return reply.status(201).send(notice);
    });
  },
  web: {
    pages: [
      {
        id: 'notices',
        kind: 'table',
        title: { 'zh-CN': '社区公告', en: 'Notices' },
        source: '/notices',
        columns: [
          { field: 'title', title: { 'zh-CN': '标题', en: 'Title' } },
          { field: 'date', title: { 'zh-CN': '日期', en: 'Date' }, format: 'date' },
          { field: 'status', title: { 'zh-CN': '状态', en: 'Status' }, format: 'badge' },
        ],
        rowLink: 'page:notice?id={id}',
      },
      { id: 'notice', kind: 'html', hidden: true, title: { 'zh-CN': '公告全文', en: 'Notice' }, source: '/notices/{id}' },
      { id: 'new-notice', kind: 'form', title: { 'zh-CN': '发布公告', en: 'Post a notice' }, form: 'e2e-notice-board.notice', submit: '/notices', next: 'page:notices' },
    ],
    widgets: [{ id: 'published', kind: 'stat', title: { 'zh-CN': '本月公告', en: 'Notices this month' }, source: '/stats?orgId={orgId}' }],
  },
});
