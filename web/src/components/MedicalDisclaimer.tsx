export function MedicalDisclaimer({ text }: { text: string }) {
  return (
    <div className="medical-disclaimer" data-testid="medical-disclaimer" role="note" aria-label="Medical disclaimer">
      <p>
        <strong>Medical disclaimer.</strong> {text}
      </p>
    </div>
  )
}
