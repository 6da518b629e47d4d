/**
 * Partner host names, the allow-list offer links are checked against. Stored in lowercase because
 * URL parsers lowercase the host they read; an uppercase entry would silently never match.
 */

const hostnameLabel = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/
const maxHostnameLength = 253

/** What is wrong with a partner host name, or undefined when it is a valid public host name. */
export function hostnameProblem(value: string | undefined): string | undefined {
  if (value === undefined || value.trim() === '') return 'Enter a host name, like "shop.example.com".'
  if (value !== value.trim()) return `"${value}" has spaces around it. Remove them.`
  if (/[/:?#@]/.test(value)) {
    return `"${value}" is not a host name. Enter only the host, like "shop.example.com": no https://, path or port.`
  }
  if (value !== value.toLowerCase()) return `Write "${value}" in lowercase: "${value.toLowerCase()}".`
  if (value.length > maxHostnameLength) return `A host name has at most ${maxHostnameLength} characters.`

  const labels = value.split('.')
  if (labels.length < 2) return `"${value}" is not a full host name. Include the domain, like "shop.example.com".`
  if (!labels.every((label) => hostnameLabel.test(label))) {
    return `"${value}" is not a valid host name. Use letters, digits, hyphens and dots, like "shop.example.com".`
  }
  if (!/[a-z]/.test(labels[labels.length - 1] ?? '')) {
    return `"${value}" looks like an IP address. Enter the partner’s host name instead.`
  }
  return undefined
}
