import { describe, expect, it } from 'vitest'
import { parseNdjson } from '../src/source/ndjson.ts'

describe('parseNdjson', () => {
  it('reads one document per line, in file order', () => {
    const text = [
      '{"_id":"brand-a","_type":"brand","name":"A"}',
      '{"_id":"device-a","_type":"device","name":"Roller"}',
    ].join('\n')
    const { documents, problems } = parseNdjson(text)
    expect(problems).toEqual([])
    expect(documents.map((document) => document._id)).toEqual(['brand-a', 'device-a'])
    expect(documents[1]).toMatchObject({ _type: 'device', name: 'Roller' })
  })

  it('reports a corrupt line by its line number and keeps every other document', () => {
    const text = [
      '{"_id":"a","_type":"brand"}',
      '{"_id":"b","_type":"brand"', // truncated: an interrupted export
      '{"_id":"c","_type":"brand"}',
    ].join('\n')
    const { documents, problems } = parseNdjson(text)
    expect(documents.map((document) => document._id)).toEqual(['a', 'c'])
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatchObject({ line: 2 })
    expect(problems[0]?.message).toMatch(/not valid JSON/)
  })

  it('reports JSON that is not a document (no _id or _type, arrays, scalars) without throwing', () => {
    const text = ['{"_type":"brand"}', '{"_id":"x"}', '[1,2]', '42', 'null', '{"_id":7,"_type":"brand"}'].join('\n')
    let result: ReturnType<typeof parseNdjson> | undefined
    expect(() => {
      result = parseNdjson(text)
    }).not.toThrow()
    expect(result?.documents).toEqual([])
    expect(result?.problems.map((problem) => problem.line)).toEqual([1, 2, 3, 4, 5, 6])
    for (const problem of result?.problems ?? []) expect(problem.message).toMatch(/not a document/)
  })

  it('ignores blank lines, a trailing newline and Windows line endings, but counts lines as an editor sees them', () => {
    const text = '\r\n{"_id":"a","_type":"brand"}\r\n\r\nnot json\r\n'
    const { documents, problems } = parseNdjson(text)
    expect(documents.map((document) => document._id)).toEqual(['a'])
    expect(problems).toEqual([expect.objectContaining({ line: 4 })])
  })

  it('returns nothing, and no problems, for an empty file', () => {
    expect(parseNdjson('')).toEqual({ documents: [], problems: [] })
  })
})
