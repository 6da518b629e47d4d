import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { clientFor, startTestLake, testToken } from './support/testLake.ts'

/** Who may read and write, and the Sanity-shaped answers to bad input; nothing bad is stored. */

let lake: Awaited<ReturnType<typeof startTestLake>>
const apiVersion = '2025-02-19'
const deviceId = 'device-fernhill-glide-home-pen'

beforeAll(async () => {
  lake = await startTestLake()
  await lake.setDocument({ ...lake.getDocument(deviceId)!, _id: `drafts.${deviceId}`, name: 'Unpublished name' })
})
afterAll(() => lake?.close())

function post(path: string, body: string, token: string | null = testToken) {
  return fetch(`${lake.url}/v${apiVersion}/data/${path}/production`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body,
  })
}

describe('access', () => {
  it('anonymous readers see published documents only, whatever perspective they ask for', async () => {
    const anonymous = clientFor(lake, { token: null })
    const query = '*[_id == $id][0].name'
    expect(await anonymous.fetch(query, { id: deviceId }, { perspective: 'drafts' })).not.toBe('Unpublished name')
    expect(await anonymous.fetch('count(*[_id in path("drafts.**")])', {}, { perspective: 'raw' })).toBe(0)
    expect(await clientFor(lake).fetch(query, { id: deviceId }, { perspective: 'drafts' })).toBe('Unpublished name')
    const documents = await (
      await fetch(`${lake.url}/v${apiVersion}/data/doc/production/drafts.${deviceId},${deviceId}`)
    ).json()
    expect(documents.omitted).toEqual([{ id: `drafts.${deviceId}`, reason: 'permission' }])
    expect(documents.documents.map((d: { _id: string }) => d._id)).toEqual([deviceId])
  })

  it('anonymous clients cannot write (403), and a wrong token is refused (401)', async () => {
    await expect(clientFor(lake, { token: null }).create({ _type: 'brand', name: 'x' })).rejects.toMatchObject({
      statusCode: 403,
    })
    await expect(clientFor(lake, { token: 'sk-wrong-token' }).fetch('count(*)')).rejects.toMatchObject({
      statusCode: 401,
    })
    const response = await post('mutate', JSON.stringify({ mutations: [{ create: { _type: 'brand' } }] }), null)
    expect(response.status).toBe(403)
    expect(await response.json()).toMatchObject({ error: { type: 'forbidden', description: expect.any(String) } })
  })

  it("answers the Studio's current-user question with the editor only when signed in", async () => {
    const signedIn = await fetch(`${lake.url}/v${apiVersion}/users/me`, {
      headers: { authorization: `Bearer ${testToken}` },
    })
    expect(await signedIn.json()).toMatchObject({ id: expect.any(String), role: 'administrator' })
    expect(await (await fetch(`${lake.url}/v${apiVersion}/users/me`)).json()).toEqual({})
  })
})

describe('bad input gets a Sanity-shaped 400 and stores nothing', () => {
  const cases: [string, string, string, number, RegExp][] = [
    ['malformed JSON in a mutation', 'mutate', '{"mutations": [', 400, /not valid JSON/],
    ['an unknown mutation', 'mutate', '{"mutations": [{"explode": {"id": "x"}}]}', 400, /unknown mutation/],
    ['no mutations', 'mutate', '{"mutations": []}', 400, /at least one mutation/],
    ['a document without _type', 'mutate', '{"mutations": [{"create": {"_id": "x"}}]}', 400, /_type/],
    ['an invalid id', 'mutate', '{"mutations": [{"create": {"_id": "bad id!", "_type": "brand"}}]}', 400, /_id/],
    ['an unknown action', 'actions', '{"actions": [{"actionType": "nope"}]}', 400, /unknown or unsupported/],
    ['malformed JSON in an action', 'actions', '{"actions":', 400, /not valid JSON/],
    ['a GROQ syntax error', 'query', '{"query": "*[_type == "}', 400, /./],
  ]
  it.each(cases)('%s', async (_name, endpoint, body, status, description) => {
    const before = lake.requests.length
    const rev = lake.getDocument(deviceId)?._rev
    const response = await post(endpoint, body)
    expect(response.status).toBe(status)
    const reply = await response.json()
    expect(reply.error.description).toMatch(description)
    expect(typeof reply.error.type).toBe('string')
    expect(lake.requests.length).toBe(before + 1)
    expect(lake.getDocument(deviceId)?._rev).toBe(rev)
  })

  it('a GROQ syntax error is a queryParseError through @sanity/client too', async () => {
    await expect(clientFor(lake).fetch('*[_type == "device"')).rejects.toMatchObject({ statusCode: 400 })
    expect(lake.requests.at(-1)?.statusCode).toBe(400)
  })

  it('a body past the limit gets 413 before it is read whole', async () => {
    const huge = JSON.stringify({ mutations: [{ create: { _type: 'brand', name: 'x'.repeat(5 * 1024 * 1024) } }] })
    const response = await post('mutate', huge)
    expect(response.status).toBe(413)
  })

  it('a dataset the lake does not hold gets 404', async () => {
    const response = await fetch(`${lake.url}/v${apiVersion}/data/query/staging?query=count(*)`)
    expect(response.status).toBe(404)
    expect((await response.json()).error.description).toMatch(/Dataset "staging" not found/)
  })
})

describe('documents by id', () => {
  it('returns each with its revision, names the missing ones, and only checks existence with excludeContent', async () => {
    const url = `${lake.url}/v${apiVersion}/data/doc/production/${deviceId},no-such-document`
    const headers = { authorization: `Bearer ${testToken}` }
    const full = await (await fetch(url, { headers })).json()
    expect(full.documents).toEqual([expect.objectContaining({ _id: deviceId, _rev: expect.any(String) })])
    expect(full.omitted).toEqual([{ id: 'no-such-document', reason: 'existence' }])
    const existence = await (await fetch(`${url}?excludeContent=true`, { headers })).json()
    expect(existence).toEqual({ documents: [], omitted: [{ id: 'no-such-document', reason: 'existence' }] })
    expect(await clientFor(lake).getDocuments([deviceId, 'no-such-document'])).toEqual([
      expect.objectContaining({ _id: deviceId }),
      null,
    ])
  })
})

describe('perspectives', () => {
  it('raw shows drafts as stored; published hides them; a stack lays drafts over published', async () => {
    const editor = clientFor(lake)
    const ids = await editor.fetch('*[_id match "*fernhill-glide-home-pen"]._id | order(@)', {}, { perspective: 'raw' })
    expect(ids).toEqual([deviceId, `drafts.${deviceId}`])
    expect(await editor.fetch('*[_id == $id][0].name', { id: deviceId }, { perspective: 'published' })).not.toBe(
      'Unpublished name',
    )
    expect(await editor.fetch('*[_id == $id][0].name', { id: deviceId }, { perspective: ['drafts'] })).toBe(
      'Unpublished name',
    )
    expect(await editor.fetch('count(*[_id in path("drafts.**")])', {}, { perspective: 'drafts' })).toBe(0)
  })

  it("substitutes parameters in slices, as the Studio's lists send them", async () => {
    const page = await clientFor(lake).fetch('*[_type == "device"] | order(_id) [0...$limit]._id', { limit: 2 })
    expect(page).toHaveLength(2)
  })
})
