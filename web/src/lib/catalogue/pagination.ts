export type PageLink = { kind: 'page'; page: number } | { kind: 'gap'; key: string }

/**
 * The page numbers a list shows: the first, the last, and two either side of the current one, with
 * a gap where numbers are skipped, so a shopper can jump near the end of a long list in one click.
 */
export function pageLinks(current: number, total: number, around = 2): PageLink[] {
  const pages = new Set([1, total])
  for (let page = current - around; page <= current + around; page += 1) {
    if (page >= 1 && page <= total) pages.add(page)
  }
  const sorted = [...pages].sort((a, b) => a - b)
  const links: PageLink[] = []
  for (const [index, page] of sorted.entries()) {
    const previous = sorted[index - 1]
    if (previous !== undefined && page - previous === 2) links.push({ kind: 'page', page: previous + 1 })
    else if (previous !== undefined && page - previous > 2) links.push({ kind: 'gap', key: `after-${previous}` })
    links.push({ kind: 'page', page })
  }
  return links
}
