/**
 * The Content-Security-Policy image source for a tile URL template
 * (`https://t{s}.tianditu.gov.cn/…`): its scheme and host, with a label that
 * holds a placeholder widened to `*` (CSP allows a wildcard only as a whole
 * leftmost label). Nothing when there is no template or it is not http(s).
 */
export function tileImageSources(template: string | undefined): string[] {
  if (!template) return [];
  const m = /^(https?):\/\/([^/?#]+)/.exec(template);
  if (!m) return [];
  const [, scheme, host] = m as unknown as [string, string, string];
  const labels = host.split('.');
  const templated = labels.findIndex((l) => l.includes('{'));
  if (templated < 0) return [`${scheme}://${host}`];
  return [`${scheme}://*.${labels.slice(templated + 1).join('.')}`];
}
