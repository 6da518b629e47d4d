/**
 * The drawings of the form factors, served once as an SVG sprite (/pictograms.svg) that every
 * pictogram on a page points into, so a list of 24 devices does not carry 24 copies of them.
 * Stroke and colour come from the `<svg>` that uses them (see DevicePictogram); the sprite's own
 * styles pick the site's colours up through custom properties.
 */

const needles = (from: number, to: number, y: number, step = 4) => {
  const lines: string[] = []
  for (let x = from; x <= to; x += step) lines.push(`<line x1="${x}" y1="${y}" x2="${x}" y2="${y + 5}"/>`)
  return lines.join('')
}

const drawings: Record<string, string> = {
  dermaRoller: `
    <line x1="12" y1="56" x2="34" y2="26"/>
    <path d="M34 26 L30 18 M34 26 L46 22"/>
    <rect x="24" y="6" width="30" height="14" rx="7" class="fill"/>
    <g class="needles">
      <line x1="30" y1="6" x2="30" y2="20"/>
      <line x1="36" y1="6" x2="36" y2="20"/>
      <line x1="42" y1="6" x2="42" y2="20"/>
      <line x1="48" y1="6" x2="48" y2="20"/>
    </g>`,
  dermaStamp: `
    <rect x="27" y="6" width="10" height="32" rx="5" class="fill"/>
    <rect x="17" y="38" width="30" height="8" rx="3"/>
    <g class="needles">${needles(21, 43, 47)}</g>`,
  microneedlingPen: `
    <g transform="rotate(35 32 32)">
      <rect x="25" y="2" width="14" height="40" rx="7" class="fill"/>
      <line x1="25" y1="14" x2="39" y2="14"/>
      <path d="M27 42 L37 42 L34 52 L30 52 Z"/>
      <line x1="32" y1="52" x2="32" y2="60" class="needles"/>
    </g>`,
  hydraStamp: `
    <rect x="25" y="4" width="14" height="34" rx="4"/>
    <rect x="27" y="18" width="10" height="18" rx="2" class="fill"/>
    <rect x="17" y="38" width="30" height="8" rx="3"/>
    <g class="needles">${needles(21, 43, 47)}</g>
    <path d="M52 10 C52 10 47 17 47 20 A5 5 0 0 0 57 20 C57 17 52 10 52 10 Z" class="fill"/>`,
  rfMicroneedling: `
    <g transform="rotate(25 26 32)">
      <rect x="19" y="4" width="14" height="38" rx="7" class="fill"/>
      <path d="M21 42 L31 42 L28 52 L24 52 Z"/>
      <line x1="26" y1="52" x2="26" y2="60" class="needles"/>
    </g>
    <path d="M50 8 L43 22 L50 22 L45 36" class="bolt"/>`,
  /** Any form factor without a drawing of its own. */
  other: `
    <circle cx="32" cy="32" r="22" class="fill"/>
    <g class="needles">${needles(22, 42, 29, 5)}</g>`,
}

/** The id of a form factor's drawing in the sprite. */
export function pictogramId(formFactor: string): string {
  return Object.hasOwn(drawings, formFactor) ? formFactor : 'other'
}

/** The sprite document: one `<symbol>` per drawing. */
export function pictogramSprite(): string {
  const symbols = Object.entries(drawings)
    .map(([id, drawing]) => `<symbol id="${id}" viewBox="0 0 64 64">${drawing}\n  </symbol>`)
    .join('\n  ')
  return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg">
  <title>Pictograms of microneedling device types</title>
  <style>
    .fill { fill: #ffffff; }
    .needles { stroke-width: 2; }
    .bolt { stroke: var(--color-caveat-heading, #7a2e16); }
  </style>
  ${symbols}
</svg>
`
}
