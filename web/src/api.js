// The JSON API of hearsay serve (src/serve/api.h).
export async function api(path, params) {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) if (v !== undefined && v !== null && v !== '') qs.set(k, v);
  const url = '/api/' + path + (qs.toString() ? '?' + qs : '');
  const res = await fetch(url, { headers: { Accept: 'application/json' } });
  let body;
  try {
    body = await res.json();
  } catch (e) {
    throw new Error(`${url}: HTTP ${res.status}, not JSON`);
  }
  if (!res.ok) throw new Error(body && body.error ? body.error : `${url}: HTTP ${res.status}`);
  return body;
}
