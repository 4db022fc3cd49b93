// The outlet panel: each outlet's documents and events, and which framing label it used
// for which actor ("terrorist" here, "rebel" there), as an actor-by-outlet table.
function cell(tag, text, attrs = {}) {
  const c = document.createElement(tag);
  if (text !== undefined) c.textContent = text;
  for (const [k, v] of Object.entries(attrs)) c.setAttribute(k, v);
  return c;
}

const outletName = (o) => o.outlet || '(no outlet given)';

export function renderOutlets(panel, data) {
  panel.replaceChildren();
  panel.append(cell('h2', 'Outlets'));
  const summary = cell('table', undefined, { class: 'grid' });
  summary.append(cell('caption', 'Documents and events per outlet'));
  const head = document.createElement('tr');
  head.append(cell('th', 'Outlet', { scope: 'col' }), cell('th', 'Documents', { scope: 'col' }),
    cell('th', 'Events', { scope: 'col' }));
  summary.append(head);
  for (const o of data.outlets) {
    const tr = document.createElement('tr');
    tr.append(cell('th', outletName(o), { scope: 'row' }), cell('td', String(o.documents)), cell('td', String(o.events)));
    summary.append(tr);
  }
  panel.append(summary);

  // Actor x outlet: the labels each outlet gave each actor.
  const framing = data.outlets.filter((o) => o.labels.length > 0);
  panel.append(cell('h3', 'Framing labels'));
  if (framing.length === 0) {
    panel.append(cell('p', 'No outlet labels any actor in these documents.', { class: 'muted' }));
    return;
  }
  const actors = new Map();
  for (const o of framing) {
    for (const l of o.labels) {
      const key = l.actor_name || l.actor_class;
      if (!actors.has(key)) actors.set(key, { name: key, cls: l.actor_class, by: new Map() });
      const by = actors.get(key).by;
      if (!by.has(outletName(o))) by.set(outletName(o), []);
      by.get(outletName(o)).push(l);
    }
  }
  const table = cell('table', undefined, { class: 'grid framing' });
  table.append(cell('caption', 'Label each outlet used for each actor (with the words it wrote)'));
  const tr = document.createElement('tr');
  tr.append(cell('th', 'Actor', { scope: 'col' }));
  for (const o of framing) tr.append(cell('th', outletName(o), { scope: 'col' }));
  table.append(tr);
  for (const a of [...actors.values()].sort((x, y) => x.name.localeCompare(y.name))) {
    const row = document.createElement('tr');
    const th = cell('th', a.name, { scope: 'row' });
    if (a.cls && a.cls !== a.name) th.append(cell('div', a.cls, { class: 'muted' }));
    row.append(th);
    for (const o of framing) {
      const td = document.createElement('td');
      for (const l of a.by.get(outletName(o)) || []) {
        const p = cell('div', undefined, { class: 'label' });
        p.append(cell('strong', l.label), ` ×${l.count}`);
        if (l.texts.length) p.append(cell('div', l.texts.map((t) => `“${t}”`).join(', '), { class: 'muted' }));
        td.append(p);
      }
      row.append(td);
    }
    table.append(row);
  }
  panel.append(table);
}
