// Calls to the Vigie HTTP API (same origin). Throws an Error with the server's message
// when an answer is not 2xx.
export async function getJson(path, params = {}) {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') qs.set(k, v);
  }
  const url = qs.toString() ? `${path}?${qs}` : path;
  const res = await fetch(url, { headers: { Accept: 'application/json' } });
  let body = null;
  try {
    body = await res.json();
  } catch {
    body = null;
  }
  if (!res.ok) {
    const error = new Error(body && body.error ? body.error : `${url}: HTTP ${res.status}`);
    error.status = res.status;
    throw error;
  }
  return body;
}

// Every matching event as GeoJSON features, page by page (the API caps a page at 1000).
export async function allEventFeatures(filters, maxEvents = 20000) {
  const features = [];
  for (let offset = 0; offset < maxEvents; ) {
    const page = await getJson('/api/events', { ...filters, format: 'geojson', limit: 1000, offset });
    features.push(...page.features);
    if (page.features.length < 1000) break;
    offset += page.features.length;
  }
  return features;
}

export function eventPath(id) {
  return `/api/events/${encodeURIComponent(id)}`;
}

export function documentPath(id) {
  return `/api/documents/${encodeURIComponent(id)}`;
}

// Every matching event cluster with its member records, page by page; empty before fusion
// has run, and for a database older than clusters (404). Clusters take the event filters
// except modality.
export async function allClusters(filters, maxClusters = 20000) {
  const { modality, ...shared } = filters;
  const clusters = [];
  for (let offset = 0; offset < maxClusters; ) {
    let page;
    try {
      page = await getJson('/api/clusters', { ...shared, sources: 'true', limit: 1000, offset });
    } catch (e) {
      if (e.status === 404) return [];
      throw e;
    }
    clusters.push(...page.clusters);
    if (page.next_offset === null || page.next_offset === undefined) break;
    offset = page.next_offset;
  }
  return clusters;
}
