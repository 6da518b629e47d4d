import type { DeviceSummary } from '@microneedling/content/schemas'
import { intendedUses } from '@microneedling/content/vocabulary'
import { maxCompared } from '@/lib/compareSelection'
import { routes } from '@/lib/urls'

/**
 * Adds a device to the comparison with a plain GET form: the current devices ride along as hidden
 * fields, so /compare?devices=a&devices=b&devices=c works without JavaScript and can be shared.
 */
export function CompareAddForm({
  selected,
  devices,
}: {
  selected: readonly string[]
  devices: readonly DeviceSummary[]
}) {
  if (selected.length >= maxCompared) {
    return (
      <p className="compare-full">
        You are comparing the most devices we show at once ({maxCompared}). Remove one to add another.
      </p>
    )
  }
  const others = devices.filter((device) => !selected.includes(device.slug))
  if (others.length === 0) return null
  return (
    <form method="get" action={routes.compare} className="compare-add">
      {selected.map((slug) => (
        <input key={slug} type="hidden" name="devices" value={slug} />
      ))}
      <label htmlFor="compare-add-device">{selected.length === 0 ? 'Choose a device' : 'Add a device'}</label>
      <div className="compare-add-row">
        <select id="compare-add-device" name="devices" required defaultValue="">
          <option value="" disabled>
            Select a device…
          </option>
          {intendedUses.map((use) => {
            const group = others.filter((device) => device.intendedUse === use.value)
            return group.length > 0 ? (
              <optgroup key={use.value} label={use.title}>
                {group.map((device) => (
                  <option key={device.slug} value={device.slug}>
                    {device.name}
                  </option>
                ))}
              </optgroup>
            ) : null
          })}
        </select>
        <button type="submit" className="button">
          Add to comparison
        </button>
      </div>
    </form>
  )
}
