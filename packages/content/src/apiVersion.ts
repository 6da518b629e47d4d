/**
 * The Content Lake API version the site, the Studio and the scripts all speak; from this version
 * on, queries read published documents unless a perspective says otherwise. Browser-safe.
 */
export const defaultApiVersion = '2025-02-19'
