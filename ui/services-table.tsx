// The services configured under one category, behind a disclosure: one table section per
// service (its name, vendor and the vendor's privacy-policy and opt-out pages when its preset
// declares them), then a row per cookie with its purpose and lifetime. A table because the
// cookies are compared by column (ePrivacy Directive Art. 5(3): clear and comprehensive
// information about each cookie).
import { h } from 'preact';
import type { ResolvedPreset } from 'consentry';
import { LinkList, type LinkItem } from './link-list';
import type { ViewProps } from './types';

/** What a preset may say about its vendor; every field is optional and checked before use. */
interface VendorDetails {
  name?: unknown;
  privacyPolicy?: unknown;
  optOut?: unknown;
}

function vendorLinks(preset: ResolvedPreset, view: ViewProps): { name?: string; links: LinkItem[] } {
  const vendor = (preset.definition as { vendor?: VendorDetails }).vendor;
  if (!vendor || typeof vendor != 'object') return { links: [] };
  const { strings } = view.texts;
  return {
    name: typeof vendor.name == 'string' && vendor.name != preset.definition.label ? vendor.name : undefined,
    links: [
      { label: strings.privacyPolicy, url: vendor.privacyPolicy },
      { label: strings.optOut, url: vendor.optOut },
    ],
  };
}

export function ServicesTable({ view, services }: { view: ViewProps; services: ResolvedPreset[] }) {
  const { strings } = view.texts;
  return (
    <details class="services" part="services">
      <summary>
        <svg class="chevron" viewBox="0 0 16 16" aria-hidden="true">
          <path d="M6 3.5 10.5 8 6 12.5" />
        </svg>
        {strings.services}
      </summary>
      <table class="service-table">
        <thead>
          <tr>
            <th scope="col">{strings.cookieName}</th>
            <th scope="col">{strings.purpose}</th>
            <th scope="col">{strings.lifetime}</th>
          </tr>
        </thead>
        {services.map((preset) => {
          const vendor = vendorLinks(preset, view);
          return (
            <tbody>
              <tr>
                <th class="service-name" scope="rowgroup" colSpan={3}>
                  {preset.definition.label}
                  {vendor.name && <span class="vendor-name"> · {vendor.name}</span>}
                  <LinkList links={vendor.links} />
                </th>
              </tr>
              {/* Preset texts are English: <bdi> keeps "2 years" in order in a right-to-left dialog,
                  and a cookie name is always read left to right ("_ga", not "ga_"). */}
              {preset.definition.cookies.map((cookie) => (
                <tr>
                  <td>
                    <code dir="ltr">{cookie.name}</code>
                  </td>
                  <td>
                    <bdi>{cookie.purpose}</bdi>
                  </td>
                  <td>
                    <bdi>{cookie.lifetime}</bdi>
                  </td>
                </tr>
              ))}
            </tbody>
          );
        })}
      </table>
    </details>
  );
}
