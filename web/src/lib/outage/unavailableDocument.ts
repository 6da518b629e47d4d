import { sitePaths } from '@microneedling/content/sitePaths'
import { fallbackSiteName } from '../compliance/fallbackCopy'
import { retryAfterSeconds } from './retryAfter'

/**
 * The HTML served with every 503 "temporarily unavailable": built once from the site's own words,
 * with no content read and no request made, so it can be shown during the very outage it explains
 * (even after a webhook expired the pages it would otherwise borrow from). It has the site's header
 * and footer and its own small stylesheet, and no script: the site works without JavaScript.
 */

const navigation = [
  { href: sitePaths.devices, text: 'Devices' },
  { href: sitePaths.compare, text: 'Compare' },
  { href: sitePaths.guides, text: 'Guides' },
  { href: sitePaths.about, text: 'How we review' },
]

const minutes = Math.max(1, Math.round(retryAfterSeconds / 60))

const styles = `
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:#1c2b33;background:#fff;line-height:1.5}
a{color:#0f5f5a}
.site-header,.site-footer{background:#f3f6f5;border-bottom:1px solid #d3dbd8;padding:.75rem 1rem}
.site-footer{border-top:1px solid #d3dbd8;border-bottom:0;margin-top:3rem}
.site-header ul,.site-footer ul{list-style:none;padding:0;margin:.5rem 0 0;display:flex;flex-wrap:wrap;gap:1rem}
.site-name{font-weight:700;text-decoration:none}
main{max-width:40rem;margin:0 auto;padding:1.5rem 1rem}
h1{font-size:1.75rem;line-height:1.2}
`

export const unavailableDocument = `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow"><title>Temporarily unavailable | ${fallbackSiteName}</title>
<style>${styles.trim()}</style></head>
<body>
<header class="site-header"><a class="site-name" href="${sitePaths.home}">${fallbackSiteName}</a>
<nav aria-label="Main"><ul>${navigation.map((item) => `<li><a href="${item.href}">${item.text}</a></li>`).join('')}</ul></nav></header>
<main id="main" data-unavailable=""><h1>This page is temporarily unavailable</h1>
<p>We could not load its content just now. Nothing is wrong with your connection, and nothing has been lost: please try again in ${minutes === 1 ? 'a minute' : `${minutes} minutes`}.</p>
<p>Pages you have already seen on this site may still open in the meantime: <a href="${sitePaths.devices}">all devices</a>, <a href="${sitePaths.guides}">guides</a>, or the <a href="${sitePaths.home}">home page</a>.</p></main>
<footer class="site-footer"><p>${fallbackSiteName}</p>
<p>We earn a commission on some purchases made through links marked “affiliate link”. Ratings are never for sale.</p>
<nav aria-label="Footer"><ul><li><a href="${sitePaths.disclosure}">Affiliate disclosure</a></li><li><a href="${sitePaths.about}">How we review</a></li></ul></nav></footer>
</body></html>`

/** A 503 for a request whose content could not be read: the document for GET, headers only for HEAD. */
export function unavailableResponse(method: string): Response {
  return new Response(method === 'HEAD' ? null : unavailableDocument, {
    status: 503,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Retry-After': String(retryAfterSeconds),
      'Cache-Control': 'no-store',
    },
  })
}
