import type { EmailContent } from '../engine/hosted-machine.ts';

/** A rendered e-mail: what the delivery stores and every attempt sends. */
export interface EmailMessage { to: string; subject: string; text: string; html: string }

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Lays out what a machine's template says as the plain-text and HTML versions of one e-mail. */
export function layOutEmail(to: string, b: EmailContent): EmailMessage {
  const width = Math.max(...b.facts.map(([k]) => k.length));
  const text = [
    'Hello,',
    '',
    b.intro,
    '',
    ...b.facts.map(([k, v]) => `${`${k}:`.padEnd(width + 2)}${v}`),
    ...b.sections.flatMap((s) => ['', `${s.title}:`, s.text]),
    '',
    '-- aftersales',
    '',
  ].join('\n');
  const html = [
    '<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5">',
    '<p>Hello,</p>',
    `<p>${escapeHtml(b.intro)}</p>`,
    `<table>${b.facts.map(([k, v]) => `<tr><th align="left">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`).join('')}</table>`,
    ...b.sections.map((s) => `<h3>${escapeHtml(s.title)}</h3><p>${escapeHtml(s.text)}</p>`),
    '<p>-- aftersales</p>',
    '</body></html>',
  ].join('\n');
  return { to, subject: b.subject, text, html };
}
