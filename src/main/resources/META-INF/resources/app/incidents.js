// The incident board: open incidents and declared outages of a region on a Leaflet map and in a list. Everything
// goes through the REST API (/api/incidents, /api/outages, /api/sites, /api/trouble-codes); the API's roles decide
// what a person may change, the page only hides the forms an agent could not use.
const root = document.getElementById('incidents');
const words = JSON.parse(document.getElementById('words').textContent);
const t = (key, params = {}) => (words[key] ?? key).replace(/\{(\w+)\}/g, (_, name) => params[name] ?? '');
const $ = (id) => document.getElementById(id);
const esc = (text) => String(text ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const manage = root.dataset.manage === 'true';
const state = { list: [], selected: null, map: null, layers: null, draft: null, buildings: new Map(),
  resolved: false };
/** How far back the resolved ones are listed. */
const RESOLVED_DAYS = 7;

async function api(method, url, body) {
  const response = await fetch(url, { method, credentials: 'same-origin',
    headers: body === undefined ? { Accept: 'application/json' }
      : { Accept: 'application/json', 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body) });
  const data = await response.json().catch(() => null);
  if (!response.ok) {
    const error = new Error(data?.detail ?? `${t('incidents_error')} (${response.status})`);
    error.field = data?.field;
    error.status = response.status;
    throw error;
  }
  return data;
}

/** A text of an incident in the person's language: Tehai's own sentences come in Japanese too. */
const mine = (incident, field) => (root.dataset.language === 'ja' && incident.japanese?.[field]) || incident[field];
/**
 * A refusal in the person's language: the board's own words for the field the server names, or for the field and
 * status; on a page not in English the words for the status; else the server's detail.
 */
const refused = (error) => {
  const field = error.field?.replace(/[^A-Za-z]/g, '_');
  const status = error.status >= 500 ? 500 : error.status;
  const known = [field && `incidents_field_${field}`, field && `incidents_problem_${field}_${status}`,
    root.dataset.language !== 'en' && `incidents_problem_${status}`].find((key) => key && words[key]);
  return t('incidents_refused', { detail: known ? words[known] : error.message });
};
const zone = () => $('region').selectedOptions[0]?.dataset.zone;
const when = (iso) => (iso ? new Intl.DateTimeFormat(root.dataset.language, { timeZone: zone(),
  dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso)) : '');
const visitText = (incident) => (incident.kind === 'AREA_OUTAGE' ? t('incidents_outage_visit')
  : incident.visits.length ? incident.visits.map((v) => `#${v.id} ${t(`incidents_visit_${v.status}`)}`).join(', ')
    : t('incidents_no_visit'));

function say(id, text, bad = false) {
  $(id).textContent = text;
  $(id).classList.toggle('incidents-bad', bad);
}

// ---- The map ----

function setUpMap() {
  state.map = L.map('map', { zoomControl: true, maxZoom: 19 }).setView([35.68, 139.76], 11);
  if (root.dataset.mapTiles) {
    L.tileLayer(root.dataset.mapTiles, { maxZoom: 19, attribution: root.dataset.mapAttribution }).addTo(state.map);
  }
  L.control.scale({ metric: true, imperial: false }).addTo(state.map);
  state.layers = L.layerGroup().addTo(state.map);
  if (manage) {
    state.map.on('click', (event) => {
      $('out-lat').value = event.latlng.lat.toFixed(6);
      $('out-lon').value = event.latlng.lng.toFixed(6);
      drawDraft();
    });
  }
}

/** Where an incident is: its circle, its shared equipment's site, or the sites of its buildings. */
function places(incident) {
  const found = [];
  if (incident.area) found.push([incident.area.latitude, incident.area.longitude]);
  if (incident.asset?.latitude != null) found.push([incident.asset.latitude, incident.asset.longitude]);
  for (const name of incident.buildings ?? []) {
    const at = state.buildings.get(name);
    if (at) found.push(at);
  }
  return found;
}

function drawMap() {
  state.layers.clearLayers();
  const bounds = [];
  for (const incident of state.list) {
    const chosen = incident.id === state.selected;
    const colour = incident.status === 'RESOLVED' ? '#5f6b7a' : incident.kind === 'AREA_OUTAGE' ? '#b3261e' : '#ef6c00';
    const style = { color: colour, weight: chosen ? 4 : 2, fillOpacity: chosen ? 0.25 : 0.12,
      dashArray: incident.status === 'RESOLVED' ? '5 5' : null };
    const label = `INC-${incident.id} · ${mine(incident, 'title') ?? ''}`;
    const shapes = [];
    if (incident.area) {
      shapes.push(L.circle([incident.area.latitude, incident.area.longitude],
        { ...style, radius: incident.area.radiusMetres, className: `incident-area incident-${incident.id}` }));
    }
    for (const at of places(incident).slice(incident.area ? 1 : 0)) {
      shapes.push(L.circleMarker(at, { ...style, radius: 8, className: `incident-spot incident-${incident.id}` }));
    }
    for (const shape of shapes) {
      shape.bindTooltip(label).on('click', () => select(incident.id)).addTo(state.layers);
      // A circle's bounds from its centre and radius, not from the map's projection (which may be mid-zoom).
      if (shape instanceof L.Circle) {
        const box = shape.getLatLng().toBounds(shape.getRadius() * 2);
        bounds.push(box.getNorthEast(), box.getSouthWest());
      } else bounds.push(shape.getLatLng());
    }
  }
  drawDraft(false);
  state.map.invalidateSize();
  if (bounds.length) state.map.fitBounds(bounds, { padding: [30, 30], maxZoom: 16, animate: false });
}

/** The outage being drawn: the centre from a click or the inputs, the radius from its control. */
function drawDraft(pan = true) {
  if (!manage) return;
  state.draft?.remove();
  state.draft = null;
  const lat = parseFloat($('out-lat').value);
  const lon = parseFloat($('out-lon').value);
  const radius = parseFloat($('out-radius').value);
  if (!Number.isFinite(lat) || !Number.isFinite(lon) || !Number.isFinite(radius) || Math.abs(lat) > 90
    || Math.abs(lon) > 180 || radius <= 0) return;
  state.draft = L.circle([lat, lon], { radius, color: '#0b5cad', dashArray: '6 4', weight: 2, fillOpacity: 0.1,
    className: 'incident-draft' }).addTo(state.map);
  if (pan) state.map.fitBounds(L.latLng(lat, lon).toBounds(radius * 2), { padding: [30, 30], maxZoom: 17, animate: false });
}

// ---- The list and one incident ----

function row(incident) {
  const where = incident.area ? t('incidents_area', { radius: incident.area.radiusMetres,
    latitude: incident.area.latitude.toFixed(5), longitude: incident.area.longitude.toFixed(5) }) : '';
  return `<li class="incidents-item${incident.id === state.selected ? ' incidents-chosen' : ''}"
      data-id="${incident.id}" data-kind="${incident.kind}">
    <p class="incidents-head"><span class="incidents-kind incidents-${incident.kind}">${esc(t(`incidents_kind_${incident.kind}`))}</span>
      <strong>INC-${incident.id} · ${esc(mine(incident, 'title'))}</strong>
      <span class="muted">${esc(t(`incidents_status_${incident.status}`))} · ${esc(incident.category)}
        ${incident.priority ? `· ${esc(incident.priority)}` : ''}</span></p>
    <p class="incidents-text">${esc(mine(incident, 'statusText'))}</p>
    ${incident.status === 'RESOLVED' ? `<p class="incidents-resolution">${esc(t('incidents_resolved_at', { at: when(incident.resolvedAt) }))}
      · ${esc(t('incidents_cause_is', { cause: mine(incident, 'cause') ?? '' }))}</p>` : ''}
    <p class="muted">${esc(t('incidents_tickets', { count: incident.ticketCount }))}
      ${incident.asset ? `· ${esc(t('incidents_equipment'))}: ${esc(incident.asset.model)}${incident.asset.serialNumber
    ? ` (${esc(incident.asset.serialNumber)})` : ''}, ${esc((root.dataset.language === 'ja' && incident.asset.addressJapanese) || incident.asset.address)}` : ''}
      · ${esc(t('incidents_visit'))}: ${esc(visitText(incident))}
      ${where ? `· ${esc(where)}` : ''}${incident.buildings?.length ? ` · ${esc(t('incidents_buildings'))}:
        ${esc(incident.buildings.join(', '))}` : ''}</p>
    <button type="button" class="incidents-show" aria-label="${esc(t('incidents_show'))} INC-${incident.id}">
      ${esc(t('incidents_show'))}</button></li>`;
}

function drawList() {
  $('incident-list').innerHTML = state.list.length ? state.list.map(row).join('')
    : `<li class="muted">${esc(state.resolved ? t('incidents_none_resolved', { days: RESOLVED_DAYS })
      : t('incidents_none'))}</li>`;
  for (const button of $('incident-list').querySelectorAll('.incidents-show')) {
    button.onclick = () => select(Number(button.closest('li').dataset.id));
  }
}

async function select(id) {
  state.selected = id;
  drawList();
  drawMap();
  // The forms of the incident shown before must not stay usable while this one loads.
  $('incident-detail').innerHTML = `<p class="muted">${esc(t('incidents_loading'))}</p>`;
  let incident;
  try {
    incident = await api('GET', `/api/incidents/${id}`);
  } catch (error) {
    $('incident-detail').innerHTML = `<p class="incidents-bad" role="alert">${esc(refused(error))}</p>`;
    return;
  }
  const tickets = incident.tickets.length ? `<table class="incidents-table"><thead><tr>
      <th>${esc(t('incidents_ticket'))}</th><th>${esc(t('incidents_customer'))}</th><th>${esc(t('incidents_trouble'))}</th>
      <th>${esc(t('incidents_ticket_status'))}</th><th>${esc(t('incidents_reason'))}</th></tr></thead><tbody>
      ${incident.tickets.map((tk) => `<tr><td>${esc(tk.number)}</td><td>${esc(tk.customerName)}</td>
        <td>${esc(tk.troubleCode)}</td><td>${esc(t(`incidents_ticket_${tk.status}`))}</td>
        <td>${esc((root.dataset.language === 'ja' && tk.linkReasonJapanese) || tk.linkReason)}</td></tr>`).join('')}</tbody></table>`
    : `<p class="muted">${esc(t('incidents_no_tickets'))}</p>`;
  const forms = manage && incident.status !== 'RESOLVED' ? `
    <form id="edit" class="incidents-form" novalidate>
      <label class="incidents-block">${esc(t('incidents_title'))}
        <input id="edit-title" maxlength="200" value="${esc(mine(incident, 'title'))}"></label>
      <label class="incidents-block">${esc(t('incidents_status_text'))}
        <textarea id="edit-text" rows="3" maxlength="2000">${esc(mine(incident, 'statusText'))}</textarea></label>
      <p><button type="submit" class="primary">${esc(t('incidents_save'))}</button>
        <output id="edit-status" role="status"></output></p>
    </form>
    <form id="resolve" class="incidents-form" novalidate>
      <label class="incidents-block">${esc(t('incidents_cause'))}
        <textarea id="resolve-cause" rows="2" maxlength="2000"></textarea></label>
      <p><button type="submit">${esc(t('incidents_resolve'))}</button>
        <output id="resolve-status" role="status"></output></p>
    </form>` : '';
  $('incident-detail').innerHTML = `
    <h3>${esc(t(`incidents_kind_${incident.kind}`))} · INC-${incident.id} · ${esc(mine(incident, 'title'))}</h3>
    <p class="muted">${esc(t('incidents_opened', { at: when(incident.openedAt), by: incident.openedBy ?? '' }))}</p>
    ${incident.status === 'RESOLVED' ? `<p id="detail-resolution" class="incidents-resolution">
      ${esc(t('incidents_resolved_at', { at: when(incident.resolvedAt) }))}
      · ${esc(t('incidents_cause_is', { cause: mine(incident, 'cause') ?? '' }))}</p>` : ''}
    <div class="incidents-banner"><p class="muted">${esc(t('incidents_status_text'))}</p>
      <p id="detail-text">${esc(mine(incident, 'statusText'))}</p></div>
    <p>${esc(t('incidents_visit'))}: ${esc(visitText(incident))}</p>
    <h4>${esc(t('incidents_linked'))} (${incident.ticketCount})</h4>${tickets}${forms}`;
  if (forms) wireForms(incident);
}

function wireForms(incident) {
  $('edit').onsubmit = async (event) => {
    event.preventDefault();
    const title = $('edit-title').value.trim();
    const statusText = $('edit-text').value.trim();
    if (!title || !statusText) { say('edit-status', t('incidents_need_text'), true); return; }
    try {
      await api('PUT', `/api/incidents/${incident.id}`, { title, statusText, version: incident.version });
      await load();
      await select(incident.id);
      say('edit-status', t('incidents_saved'));
    } catch (error) { say('edit-status', refused(error), true); }
  };
  $('resolve').onsubmit = async (event) => {
    event.preventDefault();
    const cause = $('resolve-cause').value.trim();
    if (!cause) { say('resolve-status', t('incidents_need_cause'), true); $('resolve-cause').focus(); return; }
    try {
      await api('POST', `/api/incidents/${incident.id}/resolve`, { cause });
      state.selected = null;
      await load();
      $('incident-detail').innerHTML = `<p role="status" id="resolved-note">${esc(t('incidents_resolved'))}</p>`;
    } catch (error) { say('resolve-status', refused(error), true); }
  };
}

// ---- Declaring an outage ----

async function loadChoices() {
  const region = $('region').value;
  const sites = await api('GET', `/api/sites?regionId=${region}&size=500`).catch(() => ({ items: [] }));
  state.buildings = new Map();
  for (const site of sites.items) {
    if (site.building && !state.buildings.has(site.building)) {
      state.buildings.set(site.building, site.latitude != null ? [site.latitude, site.longitude] : null);
    }
  }
  if (!manage) return;
  const names = [...state.buildings.keys()].sort();
  $('out-buildings').innerHTML = names.length ? names.map((name, i) => `<label><input type="checkbox"
      id="bld-${i}" value="${esc(name)}"> ${esc(name)}</label>`).join('')
    : `<span class="muted">${esc(t('incidents_no_buildings'))}</span>`;
}

async function declare(event) {
  event.preventDefault();
  const number = (id) => ($(id).value.trim() === '' ? null : Number($(id).value));
  const latitude = number('out-lat');
  const longitude = number('out-lon');
  const radiusMetres = number('out-radius');
  const buildings = [...$('out-buildings').querySelectorAll('input:checked')].map((box) => box.value);
  const title = $('out-title').value.trim();
  const statusText = $('out-text').value.trim();
  const circle = latitude != null && longitude != null;
  if (!title || !statusText) { say('declare-status', t('incidents_need_text'), true); return; }
  if (!circle && !buildings.length) { say('declare-status', t('incidents_need_area'), true); return; }
  if (circle && !(Math.abs(latitude) <= 90 && Math.abs(longitude) <= 180 && radiusMetres >= 10
    && radiusMetres <= 50000)) {
    say('declare-status', t('incidents_bad_number'), true);
    return;
  }
  try {
    const outage = await api('POST', '/api/outages', { regionId: Number($('region').value),
      category: $('out-category').value, title, statusText, buildings,
      latitude: circle ? latitude : null, longitude: circle ? longitude : null, radiusMetres: circle ? radiusMetres : null });
    $('declare').reset();
    drawDraft(false);
    await load();
    await select(outage.id);
    say('declare-status', t('incidents_declared', { count: outage.ticketCount }));
  } catch (error) { say('declare-status', refused(error), true); }
}

// ---- Loading ----

async function load() {
  say('incidents-status', t('incidents_loading'));
  try {
    const since = new Date(Date.now() - RESOLVED_DAYS * 86400000).toISOString();
    const page = await api('GET', state.resolved
      ? `/api/incidents?resolvedAfter=${encodeURIComponent(since)}&regionId=${$('region').value}&size=200`
      : `/api/incidents?open=true&regionId=${$('region').value}&size=500`);
    state.list = page.items;
    drawList();
    drawMap();
    say('incidents-status', '');
  } catch (error) { say('incidents-status', refused(error), true); }
}

async function start() {
  setUpMap();
  if (manage) {
    const codes = await api('GET', '/api/trouble-codes').catch(() => []);
    const categories = [...new Set((codes.items ?? codes).map((c) => c.category))].sort();
    $('out-category').innerHTML = categories.map((c) => `<option>${esc(c)}</option>`).join('');
    $('declare').onsubmit = declare;
    for (const id of ['out-lat', 'out-lon', 'out-radius']) $(id).addEventListener('input', () => drawDraft());
    $('out-clear').onclick = () => { $('out-lat').value = ''; $('out-lon').value = ''; drawDraft(false); };
  }
  const reload = async () => { state.selected = null; await loadChoices(); await load(); };
  $('region').onchange = reload;
  $('refresh').onclick = load;
  for (const choice of document.querySelectorAll('input[name=which]')) {
    choice.onchange = async () => {
      state.resolved = choice.value === 'resolved' && choice.checked;
      state.selected = null;
      $('list-title').textContent = state.resolved ? t('incidents_resolved_title', { days: RESOLVED_DAYS })
        : t('incidents_open');
      $('incident-detail').innerHTML = `<p class="muted">${esc(t('incidents_choose'))}</p>`;
      await load();
    };
  }
  await reload();
  root.dataset.ready = 'true';
}

start();
