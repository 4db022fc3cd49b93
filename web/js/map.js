// The map: an offline basemap drawn from Natural Earth country shapes (world-atlas),
// and one marker per event, clustered, coloured by type and sized by corroboration
// (how many outlets report it). Markers are focusable: Tab reaches them, Enter opens.
import { typeColor, typeLabel, TYPES } from './types.js';

function markerSize(sources) {
  return Math.round(14 + 6 * Math.log2(Math.max(1, sources)));
}

function eventIcon(props) {
  const size = markerSize(props.corroboration || 1);
  const dot = document.createElement('span');
  dot.className = 'vigie-dot';
  dot.style.background = typeColor(props.type);
  dot.style.width = dot.style.height = `${size}px`;
  return L.divIcon({ className: 'vigie-marker', html: dot, iconSize: [size, size] });
}

// A cluster drawn as a pie of the types it holds, with its count.
function clusterIcon(cluster) {
  const counts = new Map();
  for (const m of cluster.getAllChildMarkers()) {
    const t = m.options.vigieType;
    counts.set(t, (counts.get(t) || 0) + 1);
  }
  const total = cluster.getChildCount();
  let at = 0;
  const stops = [];
  const parts = [];
  for (const [type] of TYPES) {
    const n = counts.get(type);
    if (!n) continue;
    const end = at + (360 * n) / total;
    stops.push(`${typeColor(type)} ${at}deg ${end}deg`);
    parts.push(`${n} ${typeLabel(type)}`);
    at = end;
  }
  const size = Math.round(30 + 8 * Math.log10(total));
  const div = document.createElement('div');
  div.className = 'vigie-cluster';
  div.style.background = `conic-gradient(${stops.join(', ')})`;
  div.style.width = div.style.height = `${size}px`;
  const label = document.createElement('span');
  label.textContent = String(total);
  div.appendChild(label);
  div.setAttribute('aria-label', `${total} events: ${parts.join(', ')}. Enter to zoom in.`);
  div.setAttribute('role', 'button');
  return L.divIcon({ className: 'vigie-cluster-icon', html: div, iconSize: [size, size] });
}

// Rings that cross the antimeridian (Russia, Fiji) would be drawn across the whole map:
// their western longitudes are moved past 180 instead.
function unwrapAntimeridian(collection) {
  const fix = (ring) => {
    let min = Infinity;
    let max = -Infinity;
    for (const [lon] of ring) {
      min = Math.min(min, lon);
      max = Math.max(max, lon);
    }
    if (max - min > 180) for (const p of ring) if (p[0] < 0) p[0] += 360;
  };
  for (const f of collection.features) {
    const g = f.geometry;
    if (!g) continue;
    const polygons = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
    for (const polygon of polygons) polygon.forEach(fix);
  }
}

export function createMap(element, onSelect) {
  const map = L.map(element, {
    worldCopyJump: true,
    minZoom: 2,
    maxZoom: 11,
    zoomSnap: 0.5,
    keyboard: true,
  }).setView([28, 25], 3);
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution('Natural Earth · GeoNames (CC BY 4.0)');
  map.createPane('basemap');
  map.getPane('basemap').style.zIndex = 200;

  fetch('vendor/countries-50m.json')
    .then((r) => r.json())
    .then((topo) => {
      const countries = topojson.feature(topo, topo.objects.countries);
      unwrapAntimeridian(countries);
      L.geoJSON(countries, {
        pane: 'basemap',
        interactive: false,
        style: { color: '#8d99a6', weight: 0.7, fillColor: '#f5f2ea', fillOpacity: 1 },
      }).addTo(map);
    })
    .catch(() => {
      element.dataset.basemap = 'missing';
    });

  const clusters = L.markerClusterGroup({
    maxClusterRadius: 45,
    showCoverageOnHover: false,
    spiderfyOnMaxZoom: true,
    animate: false,
    iconCreateFunction: clusterIcon,
  });
  map.addLayer(clusters);
  const markers = new Map();
  let selected = null;

  // One marker per event cluster (reports of one happening), or per event before fusion.
  function setEvents(features) {
    clusters.clearLayers();
    markers.clear();
    const groups = new Map();
    for (const f of features) {
      if (!f.geometry || f.geometry.type !== 'Point') continue;
      const key = f.properties.cluster_id || f.properties.event_id;
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push(f);
    }
    const layers = [];
    for (const members of groups.values()) {
      const f = members[0];
      const [lon, lat] = f.geometry.coordinates;
      const p = f.properties;
      const place = p.location ? p.location.name || p.location.text : '';
      const date = p.date ? p.date.start : 'undated';
      const outlets = p.corroboration || 1;
      const title = `${typeLabel(p.type)}${p.subtype ? ' (' + p.subtype + ')' : ''}, ${place}, ${date}` +
        (outlets > 1 ? `, ${outlets} outlets` : '') + (p.contradicted ? ', contradicted' : '');
      const m = L.marker([lat, lon], { icon: eventIcon(p), title, keyboard: true, vigieType: p.type, riseOnHover: true });
      m.on('click', () => onSelect(p.event_id));
      m.on('add', () => {
        const el = m.getElement();
        if (!el) return;
        el.setAttribute('role', 'button');
        el.setAttribute('aria-label', title);
        el.dataset.eventId = p.event_id;
        el.dataset.type = p.type;
        el.dataset.outlets = String(outlets);
        el.classList.toggle('contradicted', Boolean(p.contradicted));
        el.classList.toggle('selected', members.some((x) => x.properties.event_id === selected));
      });
      for (const x of members) markers.set(x.properties.event_id, m);
      layers.push(m);
    }
    clusters.addLayers(layers);
    if (layers.length > 0) {
      map.fitBounds(clusters.getBounds().pad(0.3), { maxZoom: 7, animate: false });
    }
    return layers.length;
  }

  // Shows the event's marker: brings it into view at a readable zoom and opens the
  // cluster it sits in (markers at one place never separate by zooming).
  function select(id) {
    selected = id;
    const m = markers.get(id);
    for (const other of new Set(markers.values())) {
      const el = other.getElement();
      if (el) el.classList.toggle('selected', other === m);
    }
    if (!m) return;
    if (map.getZoom() < 7 || !map.getBounds().contains(m.getLatLng())) {
      map.setView(m.getLatLng(), Math.max(map.getZoom(), 7), { animate: false });
    }
    const parent = clusters.getVisibleParent(m);
    if (parent && parent !== m && parent.spiderfy) parent.spiderfy();
    const el = m.getElement();
    if (el) el.classList.add('selected');
  }

  return { map, setEvents, select, invalidate: () => map.invalidateSize() };
}
