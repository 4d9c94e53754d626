import type { Node } from '../../language-server/src/core/syntax/tree.ts';

/** All nodes, depth first. */
export function allNodes(n: Node): Node[] {
  const out: Node[] = [];
  const visit = (x: Node) => {
    out.push(x);
    for (const c of x.children) visit(c);
  };
  visit(n);
  return out;
}

export function byId(tree: Node, id: string): Node | undefined {
  return allNodes(tree).find((n) => n.id === id);
}

/** "kind number" of the children of a node, e.g. ["dieu 1", "dieu 2"]. */
export function kids(n: Node | undefined, kind?: string): string[] {
  return (n?.children ?? []).filter((c) => !kind || c.kind === kind).map((c) => `${c.kind}${c.number !== undefined ? ' ' + c.number : ''}`);
}

export function numbers(n: Node | undefined, kind: string): string {
  return (n?.children ?? []).filter((c) => c.kind === kind).map((c) => c.number).join(',');
}
