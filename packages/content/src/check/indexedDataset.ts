import { type ExprNode, parse } from 'groq-js'
import { type DatasetView, datasetView, evaluateOnView } from '../source/datasetView.ts'
import type { StoredDocument } from '../source/ndjson.ts'
import type { ContentSource, FetchOptions, Perspective, QueryParams } from '../source/types.ts'

/**
 * A whole dataset held in memory and queried with groq-js, for checks that run one query per
 * document. groq-js answers `*[slug.current == $slug]` and `ref->` by scanning every document,
 * which makes such a check quadratic; here each perspective's documents are indexed once:
 *   - `ref->` looks the id up in a map (groq-js's `dereference` option),
 *   - a filter on `*` whose conditions include `field == "text"` or `field == $param` (joined
 *     by `&&`) is evaluated over the documents with that value only, found in a lazily built
 *     index, in dataset order. groq-js still evaluates the whole filter on them, so the result is
 *     the one a full scan gives: a document without that value could never pass it.
 */

export type DatasetPerspective = Perspective | 'raw'

export interface IndexedDataset {
  query(query: string, params?: Record<string, unknown>, perspective?: DatasetPerspective): Promise<unknown>
  /** The same answers behind the interface the site's loaders take, as the embedded source gives them. */
  asContentSource(): ContentSource
}

interface PerspectiveView extends DatasetView {
  /** Attribute path (e.g. `slug.current`) → value → documents with it, in dataset order. */
  indexes: Map<string, Map<string, StoredDocument[]>>
}

export function createIndexedDataset(documents: readonly StoredDocument[]): IndexedDataset {
  const views = new Map<DatasetPerspective, PerspectiveView>()
  const parsedQueries = new Map<string, ExprNode>()

  function view(perspective: DatasetPerspective): PerspectiveView {
    let current = views.get(perspective)
    if (!current) {
      current = { ...datasetView(documents, perspective), indexes: new Map() }
      views.set(perspective, current)
    }
    return current
  }

  // Parameters go into the parse: GROQ slices (`[$start...$end]`) must be constants there.
  function parseQuery(query: string, params: Record<string, unknown>): ExprNode {
    const key = `${query}\n${JSON.stringify(params)}`
    let tree = parsedQueries.get(key)
    if (!tree) {
      tree = parse(query, { params })
      parsedQueries.set(key, tree)
    }
    return tree
  }

  async function query(text: string, params: Record<string, unknown> = {}, perspective: DatasetPerspective = 'raw') {
    const current = view(perspective)
    return evaluateOnView(narrowFilters(parseQuery(text, params), params, current), params, current)
  }

  return {
    query,
    asContentSource: () => ({
      kind: 'embedded',
      fetch: (text: string, params: QueryParams = {}, options: FetchOptions = {}) =>
        query(text, params, options.perspective ?? 'published'),
    }),
  }
}

type Node = ExprNode & Record<string, unknown>

/** Returns the tree with every indexable `*[…]` reading only its candidates; the tree itself is shared, so never changed. */
function narrowFilters(node: ExprNode, params: Record<string, unknown>, view: PerspectiveView): ExprNode {
  if (!containsFilterOnEverything(node)) return node
  if (node.type === 'Filter' && node.base.type === 'Everything') {
    const candidates = smallestCandidateSet(node.expr, params, view)
    if (candidates) {
      return { ...node, base: { type: 'Value', value: candidates }, expr: narrowFilters(node.expr, params, view) }
    }
  }
  let changed: Node | undefined
  for (const [key, child] of Object.entries(node)) {
    const narrowed = narrowChild(child, params, view)
    if (narrowed !== child) {
      changed ??= { ...(node as Node) }
      changed[key] = narrowed
    }
  }
  return changed ?? node
}

function narrowChild(child: unknown, params: Record<string, unknown>, view: PerspectiveView): unknown {
  if (Array.isArray(child)) {
    const narrowed = child.map((item) => narrowChild(item, params, view))
    return narrowed.some((item, index) => item !== child[index]) ? narrowed : child
  }
  if (isNode(child)) return narrowFilters(child, params, view)
  return child
}

const filtersOnEverything = new WeakMap<ExprNode, boolean>()

/** Whether a `*[…]` is anywhere in the tree, remembered per node so large projections are walked once per query text. */
function containsFilterOnEverything(node: ExprNode): boolean {
  let contains = filtersOnEverything.get(node)
  if (contains === undefined) {
    contains =
      node.type !== 'Value' &&
      ((node.type === 'Filter' && node.base.type === 'Everything') ||
        Object.values(node).some((child) =>
          Array.isArray(child)
            ? child.some((item) => isNode(item) && containsFilterOnEverything(item))
            : isNode(child) && containsFilterOnEverything(child),
        ))
    filtersOnEverything.set(node, contains)
  }
  return contains
}

function isNode(value: unknown): value is ExprNode {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string'
}

function smallestCandidateSet(
  expr: ExprNode,
  params: Record<string, unknown>,
  view: PerspectiveView,
): StoredDocument[] | undefined {
  let smallest: StoredDocument[] | undefined
  for (const condition of conjuncts(expr)) {
    const equality = stringEquality(condition, params)
    if (!equality) continue
    const candidates = index(view, equality.path).get(equality.value) ?? []
    if (!smallest || candidates.length < smallest.length) smallest = candidates
  }
  return smallest
}

/** The conditions a filter requires all of: `a && (b && c)` gives a, b and c. */
function conjuncts(expr: ExprNode): ExprNode[] {
  if (expr.type === 'Group') return conjuncts(expr.base)
  if (expr.type === 'And') return [...conjuncts(expr.left), ...conjuncts(expr.right)]
  return [expr]
}

/** `field.path == "text"`, `field.path == $param` (a string) or the same the other way round. */
function stringEquality(
  condition: ExprNode,
  params: Record<string, unknown>,
): { path: string; value: string } | undefined {
  if (condition.type !== 'OpCall' || condition.op !== '==') return undefined
  for (const [attribute, operand] of [
    [condition.left, condition.right],
    [condition.right, condition.left],
  ] as const) {
    const path = attributePath(attribute)
    const value = stringOperand(operand, params)
    if (path && path.length > 0 && value !== undefined) return { path: path.join('.'), value }
  }
  return undefined
}

function attributePath(node: ExprNode | undefined): string[] | undefined {
  if (!node || node.type === 'This') return []
  if (node.type !== 'AccessAttribute') return undefined
  const base = attributePath(node.base)
  return base && [...base, node.name]
}

function stringOperand(node: ExprNode, params: Record<string, unknown>): string | undefined {
  const value = node.type === 'Value' ? node.value : node.type === 'Parameter' ? params[node.name] : undefined
  return typeof value === 'string' ? value : undefined
}

function index(view: PerspectiveView, path: string): Map<string, StoredDocument[]> {
  let byValue = view.indexes.get(path)
  if (!byValue) {
    byValue = new Map()
    const fields = path.split('.')
    for (const document of view.documents) {
      const value = fields.reduce<unknown>(
        (record, field) =>
          typeof record === 'object' && record !== null && !Array.isArray(record) && Object.hasOwn(record, field)
            ? (record as Record<string, unknown>)[field]
            : undefined,
        document,
      )
      if (typeof value !== 'string') continue
      const bucket = byValue.get(value)
      if (bucket) bucket.push(document)
      else byValue.set(value, [document])
    }
    view.indexes.set(path, byValue)
  }
  return byValue
}
