import { checkOption, definePreset } from 'consentry';

export interface LinkedinInsightOptions {
  /** Partner id from Campaign Manager › Insight Tag: 4–12 digits, as a string. */
  id: string;
}

/**
 * LinkedIn Insight Tag, loaded once `advertising` is granted. LinkedIn has no consent API, so
 * not loading it is the only control; a queueing `lintrk` exists from the start for site code.
 * ```ts
 * createConsent({ presets: [linkedinInsight({ id: '123456' })] })
 * ```
 */
export const linkedinInsight = /* @__PURE__ */ definePreset<LinkedinInsightOptions>({
  name: 'linkedin-insight',
  label: 'LinkedIn Insight Tag',
  category: 'advertising',
  vendor: {
    name: 'LinkedIn',
    privacyPolicy: 'https://www.linkedin.com/legal/privacy-policy',
    optOut: 'https://www.linkedin.com/psettings/guest-controls/retargeting-opt-out',
  },
  hosts: ['snap.licdn.com', 'px.ads.linkedin.com', 'dc.ads.linkedin.com'],
  // linkedin.com/legal/l/cookie-table: the first-party cookie; the rest live on linkedin.com.
  cookies: [{ name: 'li_fat_id', purpose: 'Last ad click', lifetime: '30 days' }],
  options: ['id'],
  validate: (entry) => checkOption(entry, /^\d{4,12}$/, 'a LinkedIn partner id like "123456"'),
  setup({ window: page }) {
    // LinkedIn's snippet: `lintrk(a, b)` queues into `lintrk.q` until insight.min.js loads.
    if (!page.lintrk) {
      const q: unknown[] = [];
      page.lintrk = Object.assign((a: unknown, b: unknown) => void q.push([a, b]), { q });
    }
  },
  load({ window: page, entry, src, loadScript }) {
    // The tag reads every partner id in the list: a second id does not load it again.
    const ids: unknown[] = (page._linkedin_data_partner_ids = page._linkedin_data_partner_ids || []);
    page._linkedin_partner_id = entry.id;
    if (ids.push(entry.id) == 1) loadScript(src('https://snap.licdn.com/li.lms-analytics/insight.min.js'));
  },
});
