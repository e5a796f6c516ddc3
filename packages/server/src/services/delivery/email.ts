import { renderNotice } from '@linli/core';
import type { Transporter } from 'nodemailer';
import type { DeliveryProvider } from './provider.js';

/**
 * E-mail over SMTP with nodemailer. The server and its credentials are one
 * URL from the environment (`LINLI_SMTP_URL`, e.g.
 * `smtps://user:pass@smtp.example.org:465`), never from the city config.
 * Each message carries a Message-ID made from the delivery id, so a retry
 * after a lost answer is recognisably the same message.
 */
export function emailProvider(smtpUrl: string, from: string): DeliveryProvider & { close(): void } {
  // nodemailer is loaded with the first message: a city that sends none does not hold it.
  let transport: Promise<Transporter> | undefined;
  const open = () => (transport ??= import('nodemailer').then((m) => m.default.createTransport(smtpUrl)));
  const domain = /@([^>\s]+)/.exec(from)?.[1] ?? 'linli.local';
  return {
    channel: 'email',
    name: 'smtp',
    address: (r) => r.email,
    carries: () => true,
    async send(to, n, signal) {
      if (!to) throw new Error('an e-mail needs an address');
      const { title, body } = renderNotice(n.kind.template, n.vars, n.locale);
      signal.throwIfAborted();
      await (await open()).sendMail({
        from,
        to,
        subject: title,
        text: body,
        messageId: `<${n.deliveryId.replace(/[^A-Za-z0-9.:_-]/g, '_')}@${domain}>`,
        headers: { 'X-Linli-Notice': n.kind.id },
      });
    },
    close: () => void transport?.then((t) => t.close(), () => {}),
  };
}
