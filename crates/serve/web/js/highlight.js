// Turns a document's text and its annotated spans (UTF-16 ranges in `u16`) into nested
// <mark> elements. Spans may nest or cross: nesting spans become nested elements, and a
// span that crosses the end of an enclosing one is cut there and goes on in a second
// piece (marked `hl-cont`), so the result is always a proper tree.

export const LAYERS = ['mention', 'event', 'time', 'quantity', 'claim'];
// For equal ranges: claims outermost, then mentions, events, times, quantities.
const LAYER_ORDER = { claim: 0, mention: 1, event: 2, time: 3, quantity: 4 };

function cmp(a, b) {
  return a.start - b.start || b.end - a.end || LAYER_ORDER[a.layer] - LAYER_ORDER[b.layer];
}

/** spans: [{start, end, layer, item}] in UTF-16 units. Returns the root of a tree. */
export function buildTree(spans, length) {
  const queue = spans
    .filter((s) => Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.end <= length && s.start < s.end)
    .sort(cmp);
  const root = { start: 0, end: length, children: [], root: true };
  const stack = [root];
  for (let i = 0; i < queue.length; i++) {
    let s = queue[i];
    while (stack[stack.length - 1].end <= s.start) stack.pop();
    const top = stack[stack.length - 1];
    if (s.end > top.end) {
      const rest = { ...s, start: top.end, cont: true };
      // insert the rest in order after the current position
      let j = i + 1;
      while (j < queue.length && cmp(queue[j], rest) <= 0) j++;
      queue.splice(j, 0, rest);
      s = { ...s, end: top.end };
    }
    const node = { ...s, children: [] };
    top.children.push(node);
    stack.push(node);
  }
  return root;
}

/**
 * Renders the tree into `container`. `decorate(mark, span)` sets the mark's classes and
 * attributes. Text goes in as text nodes only.
 */
export function renderTree(root, text, container, decorate) {
  const walk = (node, parent) => {
    let pos = node.start;
    for (const child of node.children) {
      if (child.start > pos) parent.appendChild(document.createTextNode(text.slice(pos, child.start)));
      const mark = document.createElement('mark');
      decorate(mark, child);
      walk(child, mark);
      parent.appendChild(mark);
      pos = child.end;
    }
    if (node.end > pos) parent.appendChild(document.createTextNode(text.slice(pos, node.end)));
  };
  walk(root, container);
  return container;
}
