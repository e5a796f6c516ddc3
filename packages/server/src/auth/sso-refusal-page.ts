import type { LinliError } from '@linli/core';

/** Text content only (nothing here goes into an attribute): &, < and > are all that need escaping. */
const escape = (s: string) => s.replace(/[&<>]/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The page a browser lands on when single sign-on does not log anyone in:
 * the browser came from the identity service, not from the app's script, so
 * it gets a page, not JSON. Chinese first, then English, the error's stable
 * code, and the way back to the login page. No script, no outside resource
 * (the Content-Security-Policy allows none).
 */
export function refusalPage(err: LinliError, label: { 'zh-CN': string; en?: string }): string {
  const zh = escape(err.localizedMessage('zh-CN'));
  const en = escape(err.localizedMessage('en'));
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(label['zh-CN'])}未成功 · Single sign-on refused</title>
<style>
body{font-family:system-ui,-apple-system,"PingFang SC","Microsoft YaHei",sans-serif;margin:0;background:#f5f6f8;color:#1f2329}
main{max-width:32rem;margin:3rem auto;padding:1.5rem;background:#fff;border-radius:12px;box-shadow:0 1px 3px rgba(0,0,0,.08)}
h1{font-size:1.25rem;margin:0 0 1rem;color:#c0392b}
p{line-height:1.6}
.en{color:#555}
.code{font-family:ui-monospace,monospace;font-size:.8rem;color:#888}
a.back{display:inline-block;margin-top:1rem;padding:.6rem 1.2rem;background:#c0392b;color:#fff;border-radius:8px;text-decoration:none}
</style>
</head>
<body>
<main role="alert">
<h1>无法登录 · Cannot log you in</h1>
<p lang="zh-CN">${zh}</p>
<p lang="en" class="en">${en}</p>
<p class="code">${escape(err.code)}</p>
<a class="back" href="/login">返回登录页 · Back to login</a>
</main>
</body>
</html>
`;
}
