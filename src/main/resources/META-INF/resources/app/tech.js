// The technician's phone app. Every action is stored on the phone first (IndexedDB, under the technician's login)
// and shown as done at once; the reports go to /api/me/events and /api/me/positions in device-time order whenever
// the network is there. The server ignores a report it already has, so sending one twice is harmless.
import * as store from './tech-store.js';

const $ = (id) => document.getElementById(id);
const root = $('tech');
const words = JSON.parse($('words').textContent);
const t = (key, params = {}) => (words[key] ?? key).replace(/\{(\w+)\}/g, (_, name) => params[name] ?? '');
/** Why the office refused a report, in the phone's language: its words for the server's code, else the server's. */
const reasonOf = (e) => {
  const key = e.code ? `tech_reason_${e.code.replace(/[^A-Za-z]/g, '_')}` : null;
  return key && Object.prototype.hasOwnProperty.call(words, key) ? t(key, { visit: e.visitId ?? '' }) : e.reason;
};
const esc = (text) => String(text ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const me = root.dataset.user;
const language = root.dataset.language;
/** The stop's address in the phone's language (a flat as 号室 in Japanese). */
const addressOf = (stop) => (language === 'ja' && stop.addressJapanese) || stop.address;
const POSITION_EVERY = Number(root.dataset.positionEvery) * 1000;
const ROUTE_CHECK = Number(root.dataset.routeCheck) * 1000;
const BATCH = 100;
const SHELL_CACHE = 'tehai-tech-shell';

const state = { which: 'today', routes: { today: null, tomorrow: null }, newRoute: null, events: [], positions: [],
  online: navigator.onLine, signedOut: false, storing: 0, lastSent: null, fix: null, sending: false, again: false,
  notes: [], map: null, layer: null, mapKey: null };

// ---- Times: the route's times are told in the region's zone, as the server wrote them ----

const clock = (iso) => (iso ? iso.slice(11, 16) : '');
const pad = (n) => String(n).padStart(2, '0');
/** The phone's own time, with its offset: the time the event happened. */
function deviceTime(date = new Date()) {
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:`
    + `${pad(date.getMinutes())}:${pad(date.getSeconds())}.${String(date.getMilliseconds()).padStart(3, '0')}`
    + `${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
}
const nowClock = () => clock(deviceTime());
const dayName = (date) => new Intl.DateTimeFormat(language, { month: 'numeric', day: 'numeric', weekday: 'short',
  timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
const nextDay = (date) => new Date(Date.parse(`${date}T00:00:00Z`) + 86400000).toISOString().slice(0, 10);
const newId = () => `${me}-${crypto.randomUUID ? crypto.randomUUID()
  : Date.now().toString(36) + Math.random().toString(36).slice(2)}`;

// ---- What the phone knows: the route as loaded, changed by its own reports not yet in it ----

const today = () => state.routes.today?.route ?? null;
const shown = () => state.routes[state.which]?.route ?? null;
const RANK = { DISPATCHED: 0, EN_ROUTE: 1, ON_SITE: 2, DONE: 3, INCOMPLETE: 3 };
const STATUS_OF = { EN_ROUTE: 'EN_ROUTE', ARRIVED: 'ON_SITE', COMPLETED: 'DONE', INCOMPLETE: 'INCOMPLETE',
  NO_ACCESS: 'INCOMPLETE' };
const counted = () => state.events.filter((e) => e.state === 'queued' || e.state === 'sent');
const finished = (status) => status === 'DONE' || status === 'INCOMPLETE';

function statusOf(stop) {
  let status = stop.status;
  for (const e of counted()) {
    const after = e.visitId === stop.visitId ? STATUS_OF[e.type] : null;
    if (after && RANK[after] > (RANK[status] ?? 0)) status = after;
  }
  return status;
}

/**
 * The day's state: from this phone's reports, and as the server has it from every phone of the technician (a day
 * started on another phone is started here too). A break this phone reported on decides over the server's.
 */
function day() {
  const route = today();
  const mine = route ? counted().filter((e) => e.day === route.date).sort(byDeviceTime) : [];
  const kept = route?.day ?? {};
  const last = (type) => mine.filter((e) => e.type === type).pop();
  const breakStarted = last('BREAK_STARTED');
  const breakEnded = last('BREAK_ENDED');
  const breakHere = breakStarted && (!breakEnded || byDeviceTime(breakEnded, breakStarted) < 0)
    ? breakStarted.occurredAt : null;
  return { started: mine.length > 0 || Boolean(kept.startedAt),
    ended: Boolean(last('DAY_ENDED') || kept.endedAt),
    breakSince: breakStarted || breakEnded ? breakHere : kept.onBreakSince ?? null };
}

/**
 * When the technician last said the job on site will end (their latest "about N more minutes"): from this phone's
 * reports, or as the server kept it.
 */
function expectedDone(stop) {
  const said = counted().filter((e) => e.visitId === stop.visitId && e.type === 'RUNNING_LONG').sort(byDeviceTime)
    .pop();
  return said ? deviceTime(new Date(Date.parse(said.occurredAt) + said.minutesLeft * 60000)) : stop.expectedDone;
}

const current = () => (today()?.visits ?? []).find((stop) => !finished(statusOf(stop))) ?? null;

function inShift() {
  const shift = today()?.shift;
  const now = Date.now();
  return Boolean(shift) && Date.parse(shift.start) <= now && now <= Date.parse(shift.end);
}

/** The van as the phone sees it: the stock loaded with the route, less the parts of reports the route has not seen. */
function vanStock() {
  const saved = state.routes.today;
  if (!saved) return [];
  const stock = new Map((saved?.route.vanStock ?? []).map((l) => [l.partCode, { ...l }]));
  const seen = new Set(saved.inStock ?? sentIds());
  for (const e of counted()) {
    if (seen.has(e.eventId)) continue;
    for (const use of e.partsUsed ?? []) {
      const line = stock.get(use.partCode);
      if (line) line.quantity = Math.max(0, line.quantity - use.quantity);
    }
  }
  return [...stock.values()];
}

function byDeviceTime(a, b) {
  return Date.parse(a.occurredAt) - Date.parse(b.occurredAt) || a.seq - b.seq;
}

// ---- Recording: on the phone first, shown at once, sent when the network allows ----

async function record(type, visitId, extra = {}) {
  const route = today();
  // seq keeps the order of events recorded within the same millisecond (or under a stopped clock).
  const seq = state.events.reduce((most, e) => Math.max(most, e.seq ?? 0), 0) + 1;
  const event = { eventId: newId(), owner: me, type, visitId: visitId ?? null, occurredAt: deviceTime(), seq,
    day: route.date, state: 'queued', ...extra };
  if (state.fix && inShift()) {
    event.latitude = state.fix.latitude;
    event.longitude = state.fix.longitude;
  }
  // Stored before it is shown as done. Meanwhile it counts as waiting and the next-step buttons are held, from within
  // the tap itself: "all sent" is never on the screen while a report is being stored, and a second tap cannot record
  // the same step twice.
  state.storing += 1;
  render();
  try {
    await store.put('events', event);
  } finally {
    state.storing -= 1;
  }
  state.events.push(event);
  note(t('tech_recorded', { what: t(`tech_event_${type}`), time: clock(event.occurredAt) }));
  render();
  if (type === 'DAY_STARTED') await takePosition();
  flush();
}

function note(text) {
  state.notes = [text, ...state.notes].slice(0, 3);
}

async function takePosition() {
  if (!state.fix && navigator.geolocation) {
    await new Promise((done) => navigator.geolocation.getCurrentPosition((p) => {
      state.fix = { latitude: p.coords.latitude, longitude: p.coords.longitude };
      done();
    }, done, { timeout: 10000, maximumAge: 60000 }));
  }
  if (!state.fix || !inShift() || !day().started || day().ended) return;
  const position = { owner: me, latitude: state.fix.latitude, longitude: state.fix.longitude,
    recordedAt: deviceTime() };
  position.id = await store.put('positions', position);
  state.positions.push(position);
}

// ---- Sending ----

// Every request names whose work this app holds. When a colleague has signed in on this browser meanwhile (a shared
// phone, this page left open in another tab), the server answers 403: this technician's reports are not sent under the
// colleague's name, and the colleague's route is not kept as this technician's.
const OWNER_HEADER = 'X-Tehai-Phone-Owner';
const OWNER = { [OWNER_HEADER]: encodeURIComponent(me) };

async function send(url, body) {
  return fetch(url, { method: 'POST', credentials: 'same-origin', cache: 'no-store',
    headers: { Accept: 'application/json', 'Content-Type': 'application/json', ...OWNER },
    body: JSON.stringify(body) });
}

const wire = (e) => ({ eventId: e.eventId, type: e.type, visitId: e.visitId, occurredAt: e.occurredAt,
  latitude: e.latitude ?? null, longitude: e.longitude ?? null, partsUsed: e.partsUsed ?? null, notes: e.notes ?? null,
  followUp: e.followUp ?? null, minutesLeft: e.minutesLeft ?? null });

/** Refused for good: the same request would be refused again. Other answers are tried again later. */
const refusedForGood = (status) => status >= 400 && status < 500 && ![401, 403, 408, 429].includes(status);

async function flush() {
  if (state.signedOut) return;
  if (state.sending) {
    state.again = true;
    return;
  }
  state.sending = true;
  try {
    do {
      state.again = false;
      if (await sendEvents()) await sendPositions();
    } while (state.again && !state.signedOut);
  } finally {
    state.sending = false;
    render();
  }
  if (state.changed) {
    // What was sent may have changed the route (a visit finished, a visit handed back): read it again.
    state.changed = false;
    await loadRoute('today');
  }
}

// Reports and routes are exchanged with the server one at a time. A route asked for after a report was answered has
// that report's parts in its van stock, and a report sent after a route was answered has not: each kept route lists
// the reports it has seen (inStock), and the phone takes off the parts of the others only, never twice nor never.
let exchanges = Promise.resolve();
function oneAtATime(exchange) {
  const turn = exchanges.then(exchange);
  exchanges = turn.catch(() => {});
  return turn;
}

const sentIds = () => state.events.filter((e) => e.state === 'sent').map((e) => e.eventId);

/** Sends the queued reports oldest first; true when none is left waiting. */
async function sendEvents() {
  for (;;) {
    const batch = state.events.filter((e) => e.state === 'queued').sort(byDeviceTime).slice(0, BATCH);
    if (batch.length === 0) return true;
    const response = await oneAtATime(async () => {
      const answer = await reach(() => send('/api/me/events', { events: batch.map(wire) }));
      if (answer?.ok) batch.forEach((e) => Object.assign(e, { state: 'sent' }));
      return answer;
    });
    if (!response) return false;
    if (response.ok) {
      const outcome = await response.json();
      await store.putAll('events', batch);
      (outcome.warnings ?? []).forEach((w) => note(t('tech_office_note', { text: w })));
      if ((outcome.followUpVisitIds ?? []).length) note(t('tech_follow_up_created'));
      state.changed = true;
      state.lastSent = nowClock();
      continue;
    }
    if (!refusedForGood(response.status)) return false;
    // The server names the event it refuses (events[2].visitId): that one is kept aside, the others go again.
    const problem = await response.json().catch(() => ({}));
    const index = /^events\[(\d+)\]/.exec(problem.field ?? '');
    const refused = index && batch[Number(index[1])] ? [batch[Number(index[1])]] : batch;
    refused.forEach((e) => Object.assign(e, { state: 'refused',
      reason: problem.detail ?? problem.title ?? String(response.status), code: problem.code ?? null }));
    await store.putAll('events', refused);
    state.changed = true;
  }
}

async function sendPositions() {
  for (;;) {
    const batch = state.positions.slice(0, BATCH * 2);
    if (batch.length === 0) return;
    const response = await reach(() => send('/api/me/positions', { positions: batch.map((p) => ({
      latitude: p.latitude, longitude: p.longitude, recordedAt: p.recordedAt })) }));
    if (!response) return;
    let done = batch;
    if (!response.ok) {
      if (!refusedForGood(response.status)) return;
      const problem = await response.json().catch(() => ({}));
      const index = /^positions\[(\d+)\]/.exec(problem.field ?? '');
      done = index && batch[Number(index[1])] ? [batch[Number(index[1])]] : batch;
    }
    await store.removeAll('positions', done.map((p) => p.id));
    state.positions = state.positions.filter((p) => !done.includes(p));
  }
}

/** A request to the server: null when the network or the sign-in is not there (the queue stays as it is). */
async function reach(request) {
  let response;
  try {
    response = await request();
  } catch {
    state.online = false;
    return null;
  }
  state.online = true;
  if (response.status === 401 || (response.status === 403 && response.url.includes('/api/me/'))) {
    const problem = response.status === 403 ? await response.clone().json().catch(() => ({})) : {};
    state.signedOut = problem.field === OWNER_HEADER ? 'someone else' : 'run out';
    return null;
  }
  if (response.redirected && !response.url.includes('/api/')) {
    state.signedOut = 'run out';
    return null;
  }
  return response;
}

// ---- The route: loaded, kept on the phone, asked again while online ----

async function loadRoute(which) {
  const saved = state.routes[which];
  const date = which === 'tomorrow' ? (today() ? nextDay(today().date) : null) : null;
  if (which === 'tomorrow' && !date) return;
  const headers = { Accept: 'application/json', ...OWNER };
  if (saved?.etag && (which === 'tomorrow' ? saved.route.date === date : true)) headers['If-None-Match'] = saved.etag;
  let inStock;
  const response = await oneAtATime(() => {
    inStock = sentIds();
    return reach(() => fetch(`/api/me/route${date ? `?date=${date}` : ''}`,
      { credentials: 'same-origin', cache: 'no-store', headers }));
  });
  if (response?.status === 304 && saved && String(saved.inStock) !== String(inStock)) {
    // The route is as kept, so it has seen every report answered before it was asked: a report whose answer was lost
    // on the way back, and was then sent again, was in it already.
    await keep(which, { ...saved, inStock });
  }
  if (!response || response.status === 304 || !response.ok) {
    render();
    return;
  }
  const route = await response.json();
  const record = { key: `${me}|${which}`, owner: me, route, etag: response.headers.get('ETag'),
    loadedAt: new Date().toISOString(), inStock };
  if (which === 'today' && saved && saved.route.date === route.date && saved.route.version !== route.version) {
    // The dispatcher changed the route: the technician chooses when to look at the new one.
    state.newRoute = record;
  } else {
    await keep(which, record);
  }
  render();
}

async function keep(which, record) {
  await store.put('routes', record);
  state.routes[which] = record;
}

// ---- Showing it ----

function render() {
  renderStatus();
  renderNext();
  renderRoute();
  renderVan();
  renderRefused();
  $('tech-notes').innerHTML = state.notes.map((n) => `<li>${esc(n)}</li>`).join('');
  root.dataset.ready = today() || state.loaded ? 'true' : 'false';
}

function renderStatus() {
  const waiting = state.events.filter((e) => e.state === 'queued').length + state.storing;
  $('tech-network').textContent = state.online ? t('tech_online') : t('tech_offline');
  $('tech-network').className = `tech-network ${state.online ? 'on' : 'off'}`;
  $('tech-queue').textContent = waiting > 0 ? t('tech_waiting', { count: waiting })
    : t('tech_all_sent') + (state.lastSent ? ` · ${t('tech_sent_at', { time: state.lastSent })}` : '');
  $('tech-queue').dataset.waiting = String(waiting);
  $('tech-signed-out').hidden = !state.signedOut;
  $('tech-signed-out-text').textContent = state.signedOut === 'someone else' ? t('tech_someone_else', { user: me })
    : t('tech_signed_out');
  $('tech-route-changed').hidden = !state.newRoute;
  $('tech-location-off').hidden = !state.locationOff;
}

function button(label, action, kind = '') {
  return `<button type="button" class="${kind}" data-action="${action}">${esc(label)}</button>`;
}

function renderNext() {
  const box = $('tech-next');
  const route = today();
  if (!route) {
    box.innerHTML = '';
    return;
  }
  const { started, ended, breakSince } = day();
  const stop = current();
  let main = '';
  let more = [];
  let heading = '';
  if (ended) {
    heading = t('tech_day_over');
  } else if (!started) {
    main = button(t('tech_start_day'), 'DAY_STARTED', 'tech-big');
  } else if (breakSince) {
    heading = t('tech_on_break', { time: clock(breakSince) });
    main = button(t('tech_break_end'), 'BREAK_ENDED', 'tech-big');
  } else if (!stop) {
    heading = t('tech_all_visits_ended');
    main = button(t('tech_end_day'), 'DAY_ENDED', 'tech-big');
  } else {
    const status = statusOf(stop);
    heading = t('tech_current', { position: stop.position, name: stop.customerName ?? addressOf(stop) });
    main = status === 'DISPATCHED' ? button(t('tech_on_the_way'), 'EN_ROUTE', 'tech-big')
      : status === 'EN_ROUTE' ? button(t('tech_arrived'), 'ARRIVED', 'tech-big')
        : button(t('tech_done'), 'COMPLETED', 'tech-big');
    if (status === 'ON_SITE') {
      const done = expectedDone(stop);
      if (done) heading += ` · ${t('tech_expected_done', { time: clock(done) })}`;
      more.push(button(t('tech_running_long'), 'RUNNING_LONG'));
      more.push(button(t('tech_could_not_finish'), 'INCOMPLETE'));
    }
    if (status === 'EN_ROUTE' || status === 'ON_SITE') more.push(button(t('tech_no_access'), 'NO_ACCESS'));
    more.push(button(t('tech_break_start'), 'BREAK_STARTED'));
    more.push(button(t('tech_end_day'), 'DAY_ENDED'));
  }
  box.innerHTML = `${heading ? `<p class="tech-heading">${esc(heading)}</p>` : ''}${main}`
    + (more.length ? `<div class="tech-more">${more.join('')}</div>` : '');
  box.querySelectorAll('button').forEach((b) => { b.disabled = state.storing > 0; });
  box.dataset.visit = stop ? String(stop.visitId) : '';
}

function renderRoute() {
  const route = shown();
  const saved = state.routes[state.which];
  $('tech-tab-today').setAttribute('aria-pressed', String(state.which === 'today'));
  $('tech-tab-tomorrow').setAttribute('aria-pressed', String(state.which === 'tomorrow'));
  if (!route) {
    $('tech-route-title').textContent = state.loaded ? t('tech_no_route') : t('tech_loading');
    $('tech-route-meta').textContent = '';
    $('tech-stops').innerHTML = '';
    drawMap(null);
    return;
  }
  $('tech-route-title').textContent = t('tech_route_of', { date: dayName(route.date) });
  $('tech-route-meta').textContent = [t('tech_route_loaded', { time: clock(deviceTime(new Date(saved.loadedAt))) }),
    state.which === 'tomorrow' ? t('tech_view_only') : ''].filter(Boolean).join(' · ');
  const active = state.which === 'today' ? current() : null;
  $('tech-stops').innerHTML = route.visits.length === 0 ? `<li class="tech-empty">${esc(t('tech_no_route'))}</li>`
    : route.visits.map((stop) => stopCard(stop, stop === active)).join('');
  drawMap(route);
}

function stopCard(stop, active) {
  const status = state.which === 'today' ? statusOf(stop) : stop.status;
  const window = stop.quotedWindow ? `${clock(stop.quotedWindow.start)}–${clock(stop.quotedWindow.end)}` : '—';
  const needs = [...stop.skills, ...stop.tools, ...stop.parts];
  const refused = state.events.filter((e) => e.state === 'refused' && e.visitId === stop.visitId);
  const where = stop.latitude != null ? `geo:${stop.latitude},${stop.longitude}?q=${stop.latitude},${stop.longitude}`
    : `geo:0,0?q=${encodeURIComponent(stop.address)}`;
  return `<li class="tech-stop${active ? ' current' : ''}" data-visit="${stop.visitId}" data-status="${status}">
  <div class="tech-stop-head"><span class="tech-pos">${stop.position}</span>
    <strong class="tech-window">${esc(t('tech_window', { window }))}</strong>
    <span class="tech-chip s-${status}">${esc(t(`tech_status_${status}`))}</span></div>
  <p class="tech-customer">${esc(stop.customerName ?? '')} <span class="tech-ticket">${esc(stop.ticketNumber ?? '')}</span></p>
  <p class="tech-address">${esc(addressOf(stop))}</p>
  <p class="tech-meta">${esc(t('tech_planned', { time: clock(stop.plannedStart) }))} · ${esc(t('tech_minutes',
    { count: stop.durationMinutes }))} · ${esc(stop.jobType ?? '')} · ${esc(stop.priority)}</p>
  ${(stop.customerAvailable ?? []).length ? `<p class="tech-home"><b>${esc(t('tech_customer_home'))}:</b> `
    + `${stop.customerAvailable.map((w) => `${clock(w.start)}–${clock(w.end)}`).map(esc).join(', ')}</p>` : ''}
  ${stop.accessNotes ? `<p class="tech-access"><b>${esc(t('tech_access'))}:</b> ${esc(stop.accessNotes)}</p>` : ''}
  ${needs.length ? `<p class="tech-needs"><b>${esc(t('tech_needs'))}:</b> ${needs.map(esc).join(', ')}</p>` : ''}
  ${refused.map((e) => `<p class="tech-refusal">${esc(t(`tech_event_${e.type}`))}: ${esc(reasonOf(e))}</p>`).join('')}
  <div class="tech-links">
    ${stop.customerPhone ? `<a class="tech-link-button" href="tel:${esc(stop.customerPhone.replace(/[^0-9+]/g, ''))}">`
      + `${esc(t('tech_call'))} ${esc(stop.customerPhone)}</a>` : ''}
    <a class="tech-link-button" href="${esc(where)}">${esc(t('tech_navigate'))}</a>
  </div></li>`;
}

function renderVan() {
  const stock = vanStock();
  $('tech-van').innerHTML = stock.length === 0 ? `<li>${esc(t('tech_van_empty'))}</li>`
    : stock.map((l) => `<li data-part="${esc(l.partCode)}"><span>${esc(l.partCode)} · ${esc(l.partName)}</span>`
      + `<b>${l.quantity}</b></li>`).join('');
}

function renderRefused() {
  const refused = state.events.filter((e) => e.state === 'refused');
  $('tech-refused').hidden = refused.length === 0;
  const stops = new Map((today()?.visits ?? []).map((s) => [s.visitId, s]));
  $('tech-refused-list').innerHTML = refused.map((e) => {
    const stop = stops.get(e.visitId);
    return `<li data-event="${esc(e.eventId)}"><b>${esc(t(`tech_event_${e.type}`))}</b> ${esc(clock(e.occurredAt))}`
      + `${stop ? ` · ${esc(stop.position)} ${esc(stop.customerName ?? '')}` : ''}<br><span>${esc(reasonOf(e))}</span> `
      + `${button(t('tech_dismiss'), `dismiss:${e.eventId}`)}</li>`;
  }).join('');
}

function drawMap(route) {
  if (!window.L) return;
  const key = route ? `${route.date}|${route.version}` : '';
  if (key === state.mapKey) return;
  state.mapKey = key;
  if (!state.map) {
    state.map = L.map('tech-map', { zoomControl: true, attributionControl: Boolean(root.dataset.mapTiles) });
    if (root.dataset.mapTiles) {
      L.tileLayer(root.dataset.mapTiles, { attribution: root.dataset.mapAttribution, maxZoom: 19 }).addTo(state.map);
    }
    L.control.scale().addTo(state.map);
  }
  state.layer?.remove();
  state.layer = L.layerGroup().addTo(state.map);
  const points = (route?.visits ?? []).filter((s) => s.latitude != null).map((s) => {
    L.marker([s.latitude, s.longitude], { icon: L.divIcon({ className: 'tech-marker', html: String(s.position),
      iconSize: [30, 30] }), title: s.customerName ?? addressOf(s) }).addTo(state.layer);
    return [s.latitude, s.longitude];
  });
  if (points.length > 1) L.polyline(points, { color: '#0b5cad', weight: 4 }).addTo(state.layer);
  if (points.length) state.map.fitBounds(points, { padding: [30, 30], maxZoom: 15 });
  else state.map.setView([35.68, 139.76], 10);
}

// ---- The forms: done with parts, could not finish, no access, end of day ----

function openSheet(html, onSubmit) {
  const form = $('tech-sheet-form');
  form.innerHTML = `${html}<div class="tech-sheet-buttons"><button type="submit" value="ok" class="tech-big">`
    + `${esc(form.dataset.ok)}</button><button type="button" data-close>${esc(t('tech_cancel'))}</button></div>`
    + '<p class="tech-error" role="alert"></p>';
  form.onsubmit = async (event) => {
    event.preventDefault();
    const error = onSubmit(new FormData(form));
    if (error) {
      form.querySelector('.tech-error').textContent = error;
      return;
    }
    $('tech-sheet').close();
  };
  form.querySelector('[data-close]').onclick = () => $('tech-sheet').close();
  $('tech-sheet').showModal();
}

function askDone(stop) {
  const stock = vanStock().filter((l) => l.quantity > 0);
  $('tech-sheet-form').dataset.ok = t('tech_record_done');
  openSheet(`<h2>${esc(t('tech_done'))} · ${esc(stop.customerName ?? addressOf(stop))}</h2>
    <fieldset><legend>${esc(t('tech_parts_used'))}</legend>${stock.length === 0 ? `<p>${esc(t('tech_van_empty'))}</p>`
    : stock.map((l) => `<label class="tech-part">${esc(l.partCode)} · ${esc(l.partName)}
      <small>${esc(t('tech_in_van', { count: l.quantity }))}</small>
      <input type="number" name="part:${esc(l.partCode)}" min="0" max="${l.quantity}" value="0" inputmode="numeric"></label>`)
      .join('')}</fieldset>
    <label class="tech-field">${esc(t('tech_notes'))}<textarea name="notes" rows="2" maxlength="2000"></textarea></label>`,
  (data) => {
    const partsUsed = [];
    for (const line of stock) {
      const quantity = Number(data.get(`part:${line.partCode}`) || 0);
      if (!Number.isInteger(quantity) || quantity < 0 || quantity > line.quantity) {
        return t('tech_quantity_bad', { count: line.quantity });
      }
      if (quantity > 0) partsUsed.push({ partCode: line.partCode, quantity });
    }
    record('COMPLETED', stop.visitId, { partsUsed, notes: data.get('notes') || null });
    return null;
  });
}

function askIncomplete(stop) {
  $('tech-sheet-form').dataset.ok = t('tech_record_incomplete');
  openSheet(`<h2>${esc(t('tech_could_not_finish'))} · ${esc(stop.customerName ?? addressOf(stop))}</h2>
    <fieldset><legend>${esc(t('tech_follow_up'))}</legend>
    <label class="tech-field">${esc(t('tech_follow_up_minutes'))}<input type="number" name="minutes" min="5" max="600"
      value="${stop.durationMinutes}" inputmode="numeric"></label>
    <label class="tech-field">${esc(t('tech_follow_up_parts'))}<input name="parts" autocomplete="off"></label>
    <label class="tech-field">${esc(t('tech_follow_up_skills'))}<input name="skills" autocomplete="off"></label>
    <label class="tech-field">${esc(t('tech_follow_up_notes'))}<textarea name="notes" rows="2" maxlength="2000"></textarea>
    </label></fieldset>`,
  (data) => {
    const minutes = Number(data.get('minutes'));
    if (!Number.isInteger(minutes) || minutes < 5 || minutes > 600) return t('tech_minutes_bad');
    const parts = list(data.get('parts')).map((p) => /^(\S+?)\s*(?:[×xX*]\s*(\d+))?$/.exec(p));
    if (parts.some((p) => !p)) return t('tech_parts_bad');
    const skills = list(data.get('skills')).map((s) => /^(\S+)\s+([1-5])$/.exec(s));
    if (skills.some((s) => !s)) return t('tech_skills_bad');
    const notes = data.get('notes') || null;
    record('INCOMPLETE', stop.visitId, { notes, followUp: { durationMinutes: minutes, notes,
      parts: parts.length ? parts.map((p) => ({ partCode: p[1], quantity: Number(p[2] ?? 1) })) : null,
      skills: skills.length ? skills.map((s) => ({ skill: s[1].toUpperCase(), minLevel: Number(s[2]) })) : null } });
    return null;
  });
}

const list = (text) => String(text ?? '').split(/[,、，]/).map((s) => s.trim()).filter(Boolean);

function askNoAccess(stop) {
  $('tech-sheet-form').dataset.ok = t('tech_record_no_access');
  openSheet(`<h2>${esc(t('tech_no_access'))} · ${esc(stop.customerName ?? addressOf(stop))}</h2>
    <label class="tech-field">${esc(t('tech_no_access_notes'))}<textarea name="notes" rows="3" maxlength="2000"></textarea>
    </label>`, (data) => {
    record('NO_ACCESS', stop.visitId, { notes: data.get('notes') || null });
    return null;
  });
}

const MINUTES_LEFT = [15, 30, 45, 60, 90, 120];

function askRunningLong(stop) {
  $('tech-sheet-form').dataset.ok = t('tech_record_running_long');
  openSheet(`<h2>${esc(t('tech_running_long'))} · ${esc(stop.customerName ?? addressOf(stop))}</h2>
    <p>${esc(t('tech_running_long_hint'))}</p>
    <fieldset class="tech-choices"><legend>${esc(t('tech_minutes_left'))}</legend>
    ${MINUTES_LEFT.map((m) => `<label class="tech-choice"><input type="radio" name="left" value="${m}">`
      + `${esc(t('tech_minutes', { count: m }))}</label>`).join('')}</fieldset>
    <label class="tech-field">${esc(t('tech_minutes_left_other'))}<input type="number" name="other" min="1" max="480"
      inputmode="numeric"></label>`,
  (data) => {
    const minutes = Number(data.get('other') || data.get('left') || NaN);
    if (!Number.isInteger(minutes) || minutes < 1 || minutes > 480) return t('tech_minutes_left_bad');
    record('RUNNING_LONG', stop.visitId, { minutesLeft: minutes });
    return null;
  });
}

function askEndDay() {
  $('tech-sheet-form').dataset.ok = t('tech_end_day');
  openSheet(`<h2>${esc(t('tech_end_day'))}</h2><p>${esc(t('tech_end_day_question'))}</p>`, () => {
    record('DAY_ENDED', null);
    return null;
  });
}

$('tech-next').addEventListener('click', (event) => {
  const action = event.target.closest('button')?.dataset.action;
  const stop = current();
  if (!action || !today()) return;
  if (action === 'COMPLETED') askDone(stop);
  else if (action === 'INCOMPLETE') askIncomplete(stop);
  else if (action === 'NO_ACCESS') askNoAccess(stop);
  else if (action === 'RUNNING_LONG') askRunningLong(stop);
  else if (action === 'DAY_ENDED' && stop) askEndDay();
  else record(action, ['EN_ROUTE', 'ARRIVED'].includes(action) ? stop.visitId : null);
});

$('tech-refused-list').addEventListener('click', async (event) => {
  const action = event.target.closest('button')?.dataset.action ?? '';
  if (!action.startsWith('dismiss:')) return;
  const e = state.events.find((x) => x.eventId === action.slice('dismiss:'.length));
  e.state = 'seen';
  await store.put('events', e);
  render();
});

$('tech-show-new').addEventListener('click', async () => {
  await keep('today', state.newRoute);
  state.newRoute = null;
  render();
});

for (const which of ['today', 'tomorrow']) {
  $(`tech-tab-${which}`).addEventListener('click', () => {
    state.which = which;
    render();
    loadRoute(which);
  });
}

// Signing out forgets the page kept for offline use; the reports stay, for this technician's next sign-in.
document.querySelector('form[action="/logout"]')?.addEventListener('submit', async (event) => {
  event.preventDefault();
  if (window.caches) await caches.open(SHELL_CACHE).then((c) => c.delete('/tech')).catch(() => {});
  event.target.submit();
});

// ---- Starting ----

async function start() {
  const [events, positions, todays, tomorrows] = await Promise.all([store.ofOwner('events', me),
    store.ofOwner('positions', me), store.get('routes', `${me}|today`), store.get('routes', `${me}|tomorrow`)]);
  const old = Date.now() - 3 * 86400000;
  const stale = events.filter((e) => ['sent', 'seen'].includes(e.state) && Date.parse(e.occurredAt) < old);
  await store.removeAll('events', stale.map((e) => e.eventId));
  state.events = events.filter((e) => !stale.includes(e));
  state.positions = positions;
  state.routes = { today: todays ?? null, tomorrow: tomorrows ?? null };
  render();
  await loadRoute('today');
  state.loaded = true;
  render();
  flush();
  if (navigator.geolocation) {
    navigator.geolocation.watchPosition((p) => {
      state.fix = { latitude: p.coords.latitude, longitude: p.coords.longitude };
      if (state.locationOff) {
        state.locationOff = false;
        render();
      }
    }, (error) => {
      state.locationOff = error.code === error.PERMISSION_DENIED;
      render();
    }, { enableHighAccuracy: true, maximumAge: 60000, timeout: 30000 });
  }
  setInterval(async () => {
    await takePosition();
    flush();
  }, POSITION_EVERY);
  setInterval(() => {
    loadRoute('today');
    flush();
  }, ROUTE_CHECK);
  window.addEventListener('online', () => {
    state.online = true;
    loadRoute('today');
    flush();
  });
  window.addEventListener('offline', () => {
    state.online = false;
    render();
  });
  if ('serviceWorker' in navigator) {
    const first = !navigator.serviceWorker.controller;
    await navigator.serviceWorker.register('/tech-sw.js', { scope: '/tech' }).catch(() => {});
    if (first) await keepPage();
  }
}

/** The first time, this page came before the service worker: keep it now, so it opens offline. */
async function keepPage() {
  try {
    const response = await fetch('/tech', { credentials: 'same-origin', headers: { Accept: 'text/html' } });
    if (response.ok && !response.redirected) await (await caches.open(SHELL_CACHE)).put('/tech', response);
  } catch {
    // Offline already: the page is kept on the next visit.
  }
}

start();
