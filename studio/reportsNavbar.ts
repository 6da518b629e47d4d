import { createElement } from 'react'
import type { NavbarProps } from 'sanity'
import { reportsUrl } from './environment.ts'

/**
 * The Studio's navbar with a link to the site's click reports, so editors find which devices and
 * offers earn clicks, which partner links are broken and which prices are stale.
 */
export function ReportsNavbar(props: NavbarProps) {
  return createElement(
    'div',
    { style: { display: 'flex', alignItems: 'center' } },
    createElement('div', { style: { flex: 1, minWidth: 0 } }, props.renderDefault(props)),
    createElement(
      'a',
      {
        href: reportsUrl(),
        target: '_blank',
        rel: 'noopener',
        'data-testid': 'click-reports-link',
        style: { padding: '0 12px', fontSize: 13, whiteSpace: 'nowrap', color: 'inherit' },
      },
      'Click reports',
    ),
  )
}
