import { createElement, type ReactNode } from 'react';
import type { SvgChild } from './svg-node';

/** `stroke-width` → `strokeWidth`; aria-* and data-* stay as they are in React. */
function propName(attribute: string): string {
  if (attribute.startsWith('aria-') || attribute.startsWith('data-')) return attribute;
  if (attribute === 'class') return 'className';
  return attribute.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

function toReact(node: SvgChild, key: number): ReactNode {
  if (typeof node === 'string') return node;
  const props: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(node.attrs)) props[propName(name)] = value;
  return createElement(node.tag, { ...props, key }, ...node.children.map((child, i) => toReact(child, i)));
}

/** Draws a chart tree (charts/svg-node.ts) as React SVG elements. */
export function SvgNodeView({ node }: { node: SvgChild }) {
  return toReact(node, 0);
}
