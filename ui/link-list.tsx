// A row of links from config or preset data: only entries with a text label and a safe URL
// (see safe-url.ts) are shown, so nothing from a config becomes `javascript:`.
import { h } from 'preact';
import { safeUrl } from './safe-url';

export interface LinkItem {
  label: unknown;
  url: unknown;
}

export function LinkList({ links }: { links: unknown }) {
  const shown = (Array.isArray(links) ? (links as LinkItem[]) : []).filter(
    (link) => link && typeof link.label == 'string' && link.label && safeUrl(link.url),
  );
  if (!shown[0]) return null;
  return (
    <ul class="links">
      {shown.map((link) => (
        <li>
          <a class="link" part="link" href={safeUrl(link.url)} target="_blank" rel="noopener noreferrer">
            {link.label as string}
          </a>
        </li>
      ))}
    </ul>
  );
}
