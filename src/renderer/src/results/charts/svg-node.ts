/**
 * A chart as a small tree of SVG elements, built by pure functions. The same tree is drawn on
 * screen (SvgNodeView) and written to a file (svgDocument), so an exported figure is exactly the
 * one the user looked at.
 */

export type SvgAttrs = Readonly<Record<string, string | number>>;

export interface SvgElement {
  tag: string;
  attrs: SvgAttrs;
  children: readonly SvgChild[];
}

/** A string child is text content. */
export type SvgChild = SvgElement | string;

export function el(tag: string, attrs: SvgAttrs = {}, ...children: readonly (SvgChild | null | false)[]): SvgElement {
  return { tag, attrs, children: children.filter((c): c is SvgChild => c !== null && c !== false) };
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttribute(value: string): string {
  return escapeText(value).replace(/"/g, '&quot;');
}

/** Numbers rounded to 0.01 px: shorter files, same picture. */
function attributeValue(value: string | number): string {
  return typeof value === 'number' ? String(Math.round(value * 100) / 100) : value;
}

export function serialise(node: SvgChild): string {
  if (typeof node === 'string') return escapeText(node);
  const attrs = Object.entries(node.attrs)
    .map(([name, value]) => ` ${name}="${escapeAttribute(attributeValue(value))}"`)
    .join('');
  if (node.children.length === 0) return `<${node.tag}${attrs}/>`;
  return `<${node.tag}${attrs}>${node.children.map(serialise).join('')}</${node.tag}>`;
}

/** A standalone .svg file of a chart whose root is an <svg> element. */
export function svgDocument(root: SvgElement): string {
  const withNamespace: SvgElement = { ...root, attrs: { xmlns: 'http://www.w3.org/2000/svg', ...root.attrs } };
  return `<?xml version="1.0" encoding="UTF-8"?>\n${serialise(withNamespace)}\n`;
}

/** The pixel size of a chart's root <svg>. */
export function svgSize(root: SvgElement): { width: number; height: number } {
  return { width: Number(root.attrs['width']), height: Number(root.attrs['height']) };
}
