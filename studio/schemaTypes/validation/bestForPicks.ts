import { defaultApiVersion } from '@microneedling/content/apiVersion'
import { editorialChecks } from '@microneedling/content/editorialChecks'
import { type BestForRole, bestForRoles, titleOf } from '@microneedling/content/vocabulary'
import type { CustomValidator, Path } from 'sanity'

/**
 * The rules of a "best for" guide's picks. A guide sends shoppers to buy its picks, so each must be
 * a device with a live page (published), each role (top, budget, upgrade) names one device, and
 * there is always a top pick: the answer the guide's title promises.
 */

export interface PickValues {
  _key?: string
  role?: string
  device?: { _ref?: string }
}

export interface CompetitorValues {
  _key?: string
  device?: { _ref?: string }
}

/** A problem Sanity shows on the field at `path`, relative to the value the rule checks. */
export interface PlacedProblem {
  message: string
  path: Path
}

const requiredRole: BestForRole = 'topPick'

const roleTitle = (role: string) => titleOf(bestForRoles, role).toLowerCase()

/** What is wrong with the list of picks as a whole: none at all, no top pick, a role or a device given twice. */
export function pickListProblems(picks: readonly PickValues[] | undefined): PlacedProblem[] | string | undefined {
  if (!picks || picks.length === 0) return `Add at least one pick, starting with the ${roleTitle(requiredRole)}.`
  const problems: PlacedProblem[] = []
  const seenRoles = new Set<string>()
  const seenDevices = new Set<string>()
  for (const pick of picks) {
    const at = (field: string): Path => (pick._key ? [{ _key: pick._key }, field] : [field])
    if (pick.role) {
      if (seenRoles.has(pick.role)) {
        problems.push({
          message: `There is already a ${roleTitle(pick.role)}. Each role goes to one device: give this pick another role.`,
          path: at('role'),
        })
      }
      seenRoles.add(pick.role)
    }
    const deviceId = pick.device?._ref
    if (deviceId) {
      if (seenDevices.has(deviceId)) {
        problems.push({
          message: 'This device is already a pick. Choose a different device for this role.',
          path: at('device'),
        })
      }
      seenDevices.add(deviceId)
    }
  }
  if (!seenRoles.has(requiredRole)) {
    return `Give one pick the role “${titleOf(bestForRoles, requiredRole)}”: it is the answer the guide’s title promises.`
  }
  return problems.length > 0 ? problems : undefined
}

/** Competitors are the devices that did not make it: one that is also a pick is a slip. */
export function competitorProblems(
  competitors: readonly CompetitorValues[] | undefined,
  picks: readonly PickValues[] | undefined,
): PlacedProblem[] | undefined {
  const pickedIds = new Set((picks ?? []).map((pick) => pick.device?._ref).filter(Boolean))
  const seen = new Set<string>()
  const problems: PlacedProblem[] = []
  for (const competitor of competitors ?? []) {
    const deviceId = competitor.device?._ref
    if (!deviceId) continue
    const path: Path = competitor._key ? [{ _key: competitor._key }, 'device'] : ['device']
    if (pickedIds.has(deviceId)) {
      problems.push({ message: 'This device is one of the picks. Remove it from the competition.', path })
    } else if (seen.has(deviceId)) {
      problems.push({ message: 'This device is already in the competition.', path })
    }
    seen.add(deviceId)
  }
  return problems.length > 0 ? problems : undefined
}

export const picksAreComplete: CustomValidator<PickValues[] | undefined> = (picks) => pickListProblems(picks) ?? true

export const competitorsAreNotPicks: CustomValidator<CompetitorValues[] | undefined> = (competitors, context) =>
  competitorProblems(competitors, (context.document as { picks?: PickValues[] } | undefined)?.picks) ?? true

interface PickedDevice {
  published: { _type: string; name?: string } | null
  draftName: string | null
}

/** The published document the pick names, and the name of a draft of it (to say which device is meant). */
const pickedDeviceQuery = `{
  "published": *[_id == $id][0]{ _type, name },
  "draftName": *[_id == $draftId][0].name
}`

/** Whether the published device has no offer a shopper can buy now, by the Studio's weekly-check rule. */
const noOfferInStockQuery = `count(*[(_id == $id) && ${editorialChecks.noOfferInStock.filter}]) > 0`

/**
 * What is wrong with the device a pick names, given what the Content Lake holds, or undefined.
 * Only a published device has a page and partner links the guide can send shoppers to.
 */
export function pickedDeviceProblem(found: PickedDevice): string | undefined {
  if (found.published?._type === 'device') return undefined
  if (found.published) return 'A pick must be a device. Choose a device.'
  if (found.draftName) {
    return `“${found.draftName}” is not published yet, so shoppers could not open it. Publish the device first, or pick another.`
  }
  return 'This device does not exist any more, or was never published. Choose a published device.'
}

function pickedDeviceId(pick: PickValues | undefined): string | undefined {
  const id = pick?.device?._ref
  return id ? id.replace(/^drafts\./, '') : undefined
}

/**
 * Custom rule on a pick: its device must be published. Sanity's own reference check accepts a
 * device that exists only in the release being edited; the guide is read by shoppers from the
 * published dataset, so the published document is what counts. Without a device there is nothing
 * to check; the device field asks for one.
 */
export const pickDeviceIsPublished: CustomValidator<PickValues | undefined> = async (pick, context) => {
  const id = pickedDeviceId(pick)
  if (!id) return true
  const client = context.getClient({ apiVersion: defaultApiVersion })
  const found = await client.fetch<PickedDevice>(
    pickedDeviceQuery,
    { id, draftId: `drafts.${id}` },
    { perspective: 'raw', tag: 'validation.best-for-pick-published' },
  )
  const problem = pickedDeviceProblem(found)
  return problem ? { message: problem, path: ['device'] } : true
}

/**
 * Warning on a pick whose device no shop has in stock: the guide would recommend something nobody
 * can buy today. Not an error, since stock comes back; the Studio's "No offer in stock" list uses
 * the same rule, so the device shows up there too.
 */
export const pickDeviceHasOfferInStock: CustomValidator<PickValues | undefined> = async (pick, context) => {
  const id = pickedDeviceId(pick)
  if (!id) return true
  const client = context.getClient({ apiVersion: defaultApiVersion })
  const outOfStock = await client.fetch<boolean>(
    noOfferInStockQuery,
    { id },
    { perspective: 'published', tag: 'validation.best-for-pick-in-stock' },
  )
  return outOfStock
    ? {
        message:
          'No shop has this device in stock, so the guide recommends something shoppers cannot buy today. Check its offers, or pick another device.',
        path: ['device'],
      }
    : true
}
