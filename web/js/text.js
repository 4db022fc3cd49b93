// The source text with spans highlighted. Offsets from the API are UTF-8 byte offsets
// into the text as received; the text is cut at those bytes and each piece decoded.
const encoder = new TextEncoder();
const decoder = new TextDecoder();

// spans: [{start, end, className, title}] (byte offsets). Returns a DocumentFragment in
// which each piece covered by spans is a <mark> (evidence) or <span> with their classes.
export function highlightText(text, spans) {
  const bytes = encoder.encode(text);
  const cuts = new Set([0, bytes.length]);
  for (const s of spans) {
    if (s.start >= 0 && s.end <= bytes.length && s.start < s.end) {
      cuts.add(s.start);
      cuts.add(s.end);
    }
  }
  const points = [...cuts].sort((a, b) => a - b);
  const fragment = document.createDocumentFragment();
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i];
    const b = points[i + 1];
    const piece = decoder.decode(bytes.subarray(a, b));
    const covering = spans.filter((s) => s.start <= a && b <= s.end);
    if (covering.length === 0) {
      fragment.append(piece);
      continue;
    }
    const evidence = covering.some((s) => s.className === 'evidence');
    const el = document.createElement(evidence ? 'mark' : 'span');
    el.className = [...new Set(covering.map((s) => s.className))].join(' ');
    const titles = covering.map((s) => s.title).filter(Boolean);
    if (titles.length) el.title = titles.join('; ');
    el.textContent = piece;
    fragment.append(el);
  }
  return fragment;
}
