import type { ExprNode } from 'groq-js'

type Params = Record<string, unknown>
type Node = { type: string; [field: string]: unknown }

const constant = (value: unknown): ExprNode => ({ type: 'Value', value }) as ExprNode

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as Node).type === 'string'
}

/** The value of a node that does not depend on the document being looked at, or `undefined`. */
function constantValue(node: Node, params: Params): { value: unknown } | undefined {
  if (node.type === 'Value') return { value: node.value }
  if (node.type === 'Parameter' && Object.hasOwn(params, node.name as string)) {
    return { value: params[node.name as string] ?? null }
  }
  return undefined
}

function isPrimitive(value: unknown): value is string | number | boolean | null {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value)
}

/**
 * Folds the parts of a GROQ tree that do not depend on the document (parameters compared with
 * constants, `x || true`, `select()` branches decided by a parameter) into plain values, before it
 * is evaluated once per document.
 *
 * Why: groq-js evaluates both sides of `&&` and `||` for every document, so an optional filter
 * written `($use == null || intendedUse == $use)` costs a full evaluation even when it is off.
 * The Content Lake plans queries itself; this gives the embedded dataset the same for free, and
 * the query text stays the same for both. Only primitive equality is folded: GROQ's `==` on
 * primitives is JavaScript's `===`, with `null == null` true.
 */
export function foldConstants(tree: ExprNode, params: Params): ExprNode {
  return fold(tree as unknown as Node, params) as unknown as ExprNode
}

function fold(node: Node, params: Params): Node {
  const folded: Node = { ...node }
  for (const [key, child] of Object.entries(node)) {
    if (isNode(child)) folded[key] = fold(child, params)
    else if (Array.isArray(child)) folded[key] = child.map((item) => (isNode(item) ? fold(item, params) : item))
  }
  return simplify(folded, params)
}

const comparisons = new Set(['==', '!=', '<', '<=', '>', '>=', 'in', 'match'])

function isBooleanValued(node: Node): boolean {
  switch (node.type) {
    case 'Value':
      return typeof node.value === 'boolean'
    case 'And':
    case 'Or':
    case 'Not':
      return true
    case 'Group':
      return isBooleanValued(node.base as Node)
    case 'OpCall':
      return comparisons.has(node.op as string)
    case 'FuncCall':
      return node.name === 'defined' && node.namespace === 'global'
    default:
      return false
  }
}

function simplify(node: Node, params: Params): Node {
  const known = (child: unknown) => (isNode(child) ? constantValue(child, params) : undefined)
  switch (node.type) {
    case 'Group': {
      return known(node.base) ? (node.base as Node) : node
    }
    case 'Not': {
      const base = known(node.base)
      return base && typeof base.value === 'boolean' ? (constant(!base.value) as unknown as Node) : node
    }
    case 'OpCall': {
      if (node.op !== '==' && node.op !== '!=') return node
      const left = known(node.left)
      const right = known(node.right)
      if (!left || !right || !isPrimitive(left.value) || !isPrimitive(right.value)) return node
      const equal = left.value === right.value
      return constant(node.op === '==' ? equal : !equal) as unknown as Node
    }
    case 'And':
    case 'Or': {
      const decisive = node.type === 'Or'
      const left = known(node.left)
      const right = known(node.right)
      if (left?.value === decisive || right?.value === decisive) return constant(decisive) as unknown as Node
      // `x && true` is `x` only when x is a boolean (GROQ gives null otherwise).
      if (left?.value === !decisive && isBooleanValued(node.right as Node)) return node.right as Node
      if (right?.value === !decisive && isBooleanValued(node.left as Node)) return node.left as Node
      return node
    }
    case 'Select': {
      const alternatives = (node.alternatives as Node[]).filter(
        (alternative) => known(alternative.condition)?.value !== false,
      )
      const first = alternatives[0]
      if (first && known(first.condition)?.value === true) return first.value as Node
      if (alternatives.length === 0) return (node.fallback as Node | undefined) ?? (constant(null) as unknown as Node)
      return { ...node, alternatives }
    }
    default:
      return node
  }
}
