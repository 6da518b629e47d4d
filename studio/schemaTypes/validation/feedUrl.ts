/**
 * Where a partner's product feed is read from. A partner's feed is fetched over https; a `file:`
 * URL or a path to a file in the repository (like the sample's feeds) is for trying a feed out.
 * Plain http is refused: a feed read over it could be altered on the way.
 */

const repositoryPathExample = 'packages/content/sample/feeds/glow-supply.tsv'

/** What is wrong with a feed address, in words for an editor, or undefined when it can be read. */
export function feedUrlProblem(value: string): string | undefined {
  if (value.trim() !== value) return 'Remove the spaces before or after the feed’s address.'
  if (/\s/.test(value)) return 'A feed address has no spaces: copy it again from the partner’s feed settings.'
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(value)?.[1]?.toLowerCase()
  if (scheme === undefined) return repositoryPathProblem(value)
  if (!URL.canParse(value)) return `"${value}" is not a complete address: give https://… as the partner sends it.`
  const url = new URL(value)
  if (url.protocol === 'https:') {
    if (url.username !== '' || url.password !== '') {
      return 'Leave the user name and password out of the feed’s address: anyone who can read the Studio would see them.'
    }
    return undefined
  }
  if (url.protocol === 'file:') {
    return url.pathname === '/' || url.pathname.endsWith('/')
      ? 'A file: address names a file, like file:///home/me/feeds/products.tsv, not a folder.'
      : undefined
  }
  if (url.protocol === 'http:') {
    return 'Use the feed’s https:// address: a feed read over plain http could be altered on the way.'
  }
  return `Feeds are read from https:// addresses (or, to try one out, a file: URL or a path in the repository), not ${url.protocol} ones.`
}

/** A path relative to the repository's root, to a file inside it. */
function repositoryPathProblem(path: string): string | undefined {
  if (path.includes('\\')) return `Write the path with “/”, like ${repositoryPathExample}.`
  if (path.startsWith('/')) {
    return `Paths are relative to the repository, like ${repositoryPathExample}; for a file elsewhere, write a file:/// address.`
  }
  const segments = path.split('/')
  if (segments.some((segment) => segment === '..')) {
    return `The path leaves the repository (“..”): give a path inside it, like ${repositoryPathExample}.`
  }
  const fileName = segments.at(-1) ?? ''
  if (segments.some((segment) => segment === '') || !/\.[A-Za-z0-9]+$/.test(fileName)) {
    return `"${path}" is not a feed file: give https://… or a path to a file in the repository, like ${repositoryPathExample}.`
  }
  return undefined
}
