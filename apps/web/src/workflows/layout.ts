import * as dagreModule from '@dagrejs/dagre';
import type { Workflow } from '../api/types';
import { fromStates } from '../lib/workflow';

// dagre is CommonJS: bundlers hand it over as the namespace or as its default.
const dagre = (dagreModule as unknown as { default?: typeof dagreModule }).default ?? dagreModule;

export interface NodeText {
  title: string;
  /** A second line: the time limit. */
  note: string | null;
}

export interface EdgeText {
  title: string;
  /** Who may take the step, already shortened to fit. */
  roles: string;
}

export interface PlacedNode extends NodeText {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
  initial: boolean;
  terminal: boolean;
}

export interface PlacedEdge extends EdgeText {
  key: string;
  from: string;
  to: string;
  points: { x: number; y: number }[];
  labelX: number;
  labelY: number;
  labelWidth: number;
  labelHeight: number;
}

export interface Diagram {
  width: number;
  height: number;
  nodes: PlacedNode[];
  edges: PlacedEdge[];
}

export const font = { node: 14, note: 12, edge: 12, roles: 11 };

/** Width of a line of text, counting CJK characters as a full em and others as about half. */
export function textWidth(s: string, size: number): number {
  let w = 0;
  for (const ch of s) w += /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]/.test(ch) ? size : size * 0.58;
  return Math.ceil(w);
}

/**
 * Places a workflow's states and transitions with dagre, top to bottom (a
 * phone scrolls down, not sideways). Edge labels get their own space in the
 * layout, so they never sit on a node.
 */
export function layoutWorkflow(wf: Workflow, nodeText: (stateId: string) => NodeText, edgeText: (transition: string) => EdgeText): Diagram {
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: 'TB', nodesep: 36, ranksep: 56, edgesep: 16, marginx: 12, marginy: 12 });
  g.setDefaultEdgeLabel(() => ({}));

  const texts = new Map(wf.states.map((s) => [s.id, nodeText(s.id)]));
  for (const s of wf.states) {
    const t = texts.get(s.id)!;
    const width = Math.max(textWidth(t.title, font.node), t.note ? textWidth(t.note, font.note) : 0) + 36;
    g.setNode(s.id, { width: Math.max(width, 96), height: t.note ? 56 : 42 });
  }
  const edgeTexts = new Map<string, EdgeText>();
  for (const tr of wf.transitions) {
    const text = edgeText(tr.name);
    edgeTexts.set(tr.name, text);
    const width = Math.max(textWidth(text.title, font.edge), textWidth(text.roles, font.roles)) + 12;
    for (const from of fromStates(tr.from)) {
      if (!g.hasNode(from) || !g.hasNode(tr.to)) continue;
      g.setEdge(from, tr.to, { width, height: text.roles ? 34 : 18, labelpos: 'c' }, `${tr.name}@${from}`);
    }
  }
  dagre.layout(g);

  const graph = g.graph();
  const nodes: PlacedNode[] = wf.states.map((s) => {
    const n = g.node(s.id);
    return { id: s.id, ...texts.get(s.id)!, x: n.x, y: n.y, width: n.width, height: n.height, initial: s.id === wf.initial, terminal: s.terminal === true };
  });
  const edges: PlacedEdge[] = g.edges().map((e) => {
    const placed = g.edge(e) as { points: { x: number; y: number }[]; x: number; y: number; width: number; height: number };
    const name = (e.name ?? '').split('@')[0]!;
    return {
      key: e.name ?? `${e.v}-${e.w}`,
      from: e.v,
      to: e.w,
      ...edgeTexts.get(name)!,
      points: placed.points,
      labelX: placed.x,
      labelY: placed.y,
      labelWidth: placed.width,
      labelHeight: placed.height,
    };
  });
  return { width: Math.ceil(graph.width ?? 0), height: Math.ceil(graph.height ?? 0), nodes, edges };
}

/** A smooth SVG path through dagre's points (Catmull–Rom turned into cubic Béziers). */
export function smoothPath(points: readonly { x: number; y: number }[]): string {
  if (points.length === 0) return '';
  const p = points;
  let d = `M${p[0]!.x},${p[0]!.y}`;
  for (let i = 0; i < p.length - 1; i++) {
    const p0 = p[i - 1] ?? p[i]!;
    const p1 = p[i]!;
    const p2 = p[i + 1]!;
    const p3 = p[i + 2] ?? p2;
    const c1 = { x: p1.x + (p2.x - p0.x) / 6, y: p1.y + (p2.y - p0.y) / 6 };
    const c2 = { x: p2.x - (p3.x - p1.x) / 6, y: p2.y - (p3.y - p1.y) / 6 };
    d += ` C${c1.x.toFixed(1)},${c1.y.toFixed(1)} ${c2.x.toFixed(1)},${c2.y.toFixed(1)} ${p2.x.toFixed(1)},${p2.y.toFixed(1)}`;
  }
  return d;
}

/** "网格员等 5 个角色": the first roles by name, then how many there are in all. */
export function shortRoleList(titles: readonly string[], more: (n: number) => string, sep: string, max = 2): string {
  if (titles.length <= max + 1) return titles.join(sep);
  return `${titles.slice(0, max).join(sep)}${more(titles.length)}`;
}
