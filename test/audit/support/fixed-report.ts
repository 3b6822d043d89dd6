// A report with fixed contents (no ports, dates or timings that change per run), for the HTML
// report's screenshot test and the output format tests.
import { PNG } from 'pngjs';
import type { AuditReport, Classification } from '../../../src/node/audit/types';

/** A plain image standing in for a screenshot: a light card with a dark band. */
function picture(width: number, height: number): string {
  const png = new PNG({ width, height });
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const at = (width * y + x) * 4;
      const band = y > height / 2 && y < height / 2 + 24;
      png.data[at] = band ? 59 : 240;
      png.data[at + 1] = band ? 72 : 242;
      png.data[at + 2] = band ? 204 : 247;
      png.data[at + 3] = 255;
    }
  return `data:image/png;base64,${PNG.sync.write(png).toString('base64')}`;
}

const SITE = 'https://www.shop.example/';
const ga: Classification = {
  category: 'analytics',
  vendor: 'Google Analytics',
  source: 'config',
  preset: 'google-analytics',
  by: 'config presets[0] (google-analytics)',
};
const unknown: Classification = {
  category: 'unclassified',
  vendor: 'widgets.vendor.example',
  source: 'none',
  by: 'no source knows it',
};

export const FIXED_REPORT: AuditReport = {
  url: SITE,
  passed: false,
  exitCode: 1,
  startedAt: '2026-01-02T10:00:00.000Z',
  durationMs: 21_400,
  runs: 3,
  failOn: 'error',
  pages: [SITE, `${SITE}about`, `${SITE}shop`],
  config: { source: 'page', presets: ['google-analytics'] },
  phases: [
    { phase: 'before', status: 'audited' },
    { phase: 'reject', status: 'audited' },
    { phase: 'accept', status: 'audited' },
    { phase: 'withdraw', status: 'audited' },
    { phase: 'gpc', status: 'audited' },
  ],
  findings: [
    {
      check: 'pre-consent-request',
      severity: 'error',
      flaky: false,
      accepted: false,
      phase: 'before',
      subject: 'request www.googletagmanager.com',
      message: 'Google Analytics, analytics requested before any choice: www.googletagmanager.com/gtag/js',
      evidence: {
        url: 'https://www.googletagmanager.com/gtag/js?id=G-ABC123',
        initiator: `${SITE}:12 (HTML)`,
        at: 84,
        classifiedBy: 'config presets[0] (google-analytics)',
        page: SITE,
      },
      runs: 3,
    },
    {
      check: 'unclassified',
      severity: 'warn',
      flaky: true,
      accepted: false,
      phase: 'before',
      subject: 'request widgets.vendor.example',
      message: 'Unclassified request to widgets.vendor.example: no source knows it',
      evidence: {
        url: 'https://widgets.vendor.example/w.js',
        initiator: `${SITE}:14 (HTML)`,
        at: 90,
        classifiedBy: 'no source knows it',
      },
      runs: 1,
    },
  ],
  cookies: [
    {
      name: '_ga',
      domain: '.shop.example',
      path: '/',
      expires: 1_800_000_000,
      setBy: 'https://www.googletagmanager.com/gtag/js?id=G-ABC123:3',
      page: SITE,
      at: 310,
      thirdParty: false,
      afterChoice: false,
      classification: ga,
      phase: 'before',
    },
  ],
  requests: [
    {
      url: 'https://www.googletagmanager.com/gtag/js?id=G-ABC123',
      host: 'www.googletagmanager.com',
      type: 'script',
      page: SITE,
      at: 84,
      initiator: `${SITE}:12 (HTML)`,
      thirdParty: true,
      afterChoice: false,
      classification: ga,
      phase: 'before',
    },
    {
      url: 'https://widgets.vendor.example/w.js',
      host: 'widgets.vendor.example',
      type: 'script',
      page: SITE,
      at: 90,
      initiator: `${SITE}:14 (HTML)`,
      thirdParty: true,
      afterChoice: false,
      classification: unknown,
      phase: 'before',
    },
  ],
  sources: [
    { name: 'site config', version: 'read from the page' },
    { name: 'Consentry presets', version: '0.1.0', licence: 'MIT' },
    { name: 'Open Cookie Database', version: '0ee5a17 (2026-01-21)', licence: 'Apache-2.0' },
  ],
  screenshots: { banner: picture(320, 180), dialog: picture(420, 300) },
};
