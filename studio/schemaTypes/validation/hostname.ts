/**
 * Partner host names, the allow-list offer links are checked against. The rule lives in the
 * content package, so the site applies the very same one to content that never passed the Studio.
 * Stored in lowercase because URL parsers lowercase the host they read.
 */
export { allowedHostProblem as hostnameProblem } from '@microneedling/content/partnerLinks'
