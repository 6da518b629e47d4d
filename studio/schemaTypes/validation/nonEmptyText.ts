import type { CustomValidator } from 'sanity'

/**
 * "Required" that also refuses text made only of spaces. Sanity's `required()` counts "  " as a
 * value, but a disclosure or alt text of blanks would show shoppers nothing.
 */

export function isBlank(value: unknown): boolean {
  return typeof value !== 'string' || value.trim() === ''
}

export function requireText(message: string): CustomValidator<string | undefined> {
  return (value) => (isBlank(value) ? message : true)
}

interface PortableTextSpan {
  _type?: string
  text?: unknown
}

interface PortableTextBlock {
  _type?: string
  children?: PortableTextSpan[]
}

/** Whether Portable Text holds any words a reader would see. */
export function portableTextHasText(blocks: unknown): boolean {
  if (!Array.isArray(blocks)) return false
  return blocks.some(
    (block: PortableTextBlock) =>
      block?._type === 'block' &&
      Array.isArray(block.children) &&
      block.children.some((child) => !isBlank(child?.text)),
  )
}

export function requirePortableText(message: string): CustomValidator<unknown[] | undefined> {
  return (blocks) => (portableTextHasText(blocks) ? true : message)
}
