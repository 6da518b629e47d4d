import styles from './MedicalDisclaimer.module.css'

export function MedicalDisclaimer({ text }: { text: string }) {
  return (
    <div className={styles.disclaimer} data-testid="medical-disclaimer" role="note" aria-label="Medical disclaimer">
      <p>
        <strong>Medical disclaimer.</strong> {text}
      </p>
    </div>
  )
}
