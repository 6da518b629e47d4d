import { VisualEditing } from 'next-sanity/visual-editing'
import styles from './PreviewTools.module.css'

/**
 * Draft mode only: the Presentation tool's overlays and live refresh, and a way out of the preview.
 * Rendered only by the @preview slot (app/@preview/default.tsx), which the root layout draws only in
 * draft mode, so shoppers' pages carry none of its JavaScript.
 */
export function PreviewTools() {
  return (
    <>
      <p className={styles.banner} role="status">
        Preview: you are seeing drafts. <a href="/api/draft-mode/disable">Leave the preview</a>
      </p>
      <VisualEditing />
    </>
  )
}
