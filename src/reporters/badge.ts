// A README badge in the usual flat style: "readiness | 72 candidate", coloured by level.
import type { Report } from '../core/report.js';
import { escapeXml as x } from '../text/escape.js';
import { levelRank } from './view.js';

/** From the lowest level to the highest, in the colours readers know from other badges. */
const PALETTE = ['#e05d44', '#fe7d37', '#dfb317', '#a4a61d', '#44cc11'];

/** Approximate advance widths of Verdana at 11px; close enough to size the badge. */
function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    if (/[ilj.,:;'|!1 ]/.test(ch)) width += 4;
    else if (/[frt()[\]\-]/.test(ch)) width += 5;
    else if (/[mwMW%@]/.test(ch)) width += 10;
    else if (/[A-Z]/.test(ch)) width += 8;
    else width += 7;
  }
  return width;
}

export function badgeColour(report: Report): string {
  const rank = levelRank(report, report.level.id) ?? 0;
  return PALETTE[Math.round(rank * (PALETTE.length - 1))]!;
}

export function renderBadge(report: Report): string {
  const label = 'readiness';
  const value = `${report.score} ${report.level.id}`;
  const lw = textWidth(label) + 12;
  const vw = textWidth(value) + 12;
  const w = lw + vw;
  const colour = badgeColour(report);
  const text = (t: string, cx: number) =>
    `<text x="${cx}" y="15" fill="#010101" fill-opacity=".3">${x(t)}</text><text x="${cx}" y="14">${x(t)}</text>`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="20" role="img" aria-label="${x(`${label}: ${value}`)}">`,
    `<title>${x(`${label}: ${value} (${report.level.title})`)}</title>`,
    '<linearGradient id="s" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient>',
    `<clipPath id="r"><rect width="${w}" height="20" rx="3" fill="#fff"/></clipPath>`,
    `<g clip-path="url(#r)"><rect width="${lw}" height="20" fill="#555"/><rect x="${lw}" width="${vw}" height="20" fill="${colour}"/><rect width="${w}" height="20" fill="url(#s)"/></g>`,
    `<g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11">${text(label, lw / 2)}${text(value, lw + vw / 2)}</g>`,
    '</svg>',
    '',
  ].join('\n');
}
