// The agent's console: reads and acts only through the REST API (/api), like any other client.
const root = document.getElementById('desk');
const words = JSON.parse(document.getElementById('words').textContent);
const t = (key, params = {}) => (words[key] ?? key).replace(/\{(\w+)\}/g, (_, name) => params[name] ?? '');
const has = (key) => Object.prototype.hasOwnProperty.call(words, key);
const $ = (id) => document.getElementById(id);
const esc = (text) => String(text ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const language = root.dataset.language;

const state = { asked: 0, cards: [], active: -1, card: null, ticket: null, codes: null, suggested: null,
  overridden: false };

// ---- The API ----

async function api(method, url, body) {
  const response = await fetch(url, { method, credentials: 'same-origin',
    headers: body === undefined ? { Accept: 'application/json' }
      : { Accept: 'application/json', 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body) });
  if (response.status === 204) return null;
  const data = await response.json().catch(() => null);
  if (!response.ok) {
    const error = new Error(data?.detail ?? `${t('desk_error')} (${response.status})`);
    error.status = response.status;
    error.problem = data ?? {};
    throw error;
  }
  return data;
}

/**
 * What the server refused, in the agent's language: the desk's words for a known refusal (its field and status); on a
 * page in another language than English, the words for its status; else the server's own text.
 */
function problemText(error) {
  const field = error.problem?.field?.replace(/[^A-Za-z]/g, '_');
  const status = error.status >= 500 ? 500 : error.status;
  if (field && has(`desk_problem_${field}_${status}`)) return t(`desk_problem_${field}_${status}`);
  if (language !== 'en' && has(`desk_problem_${status}`)) return t(`desk_problem_${status}`);
  return error.problem?.detail ?? '';
}

/** A refusal in the agent's language: the field's own words when we have them, why after. */
function refusal(error) {
  const field = error.problem?.field;
  const key = field ? `desk_field_${field.replace(/[^A-Za-z]/g, '_')}` : null;
  const ours = key && has(key) ? t(key) : t('desk_error');
  const why = problemText(error);
  return why && why !== ours ? `${ours} — ${why}` : `${ours} (${error.status ?? ''})`;
}

const say = (text) => { $('desk-status').textContent = text; };

// ---- Times, in the region's zone ----

const zoneOfRegion = (regionId) => {
  const option = [...$('region').options].find((o) => o.value === String(regionId));
  return option?.dataset.zone ?? $('region').selectedOptions[0]?.dataset.zone ?? 'UTC';
};
const deskZone = () => $('region').selectedOptions[0]?.dataset.zone ?? 'UTC';
const fmt = (iso, zone, options) => iso ? new Intl.DateTimeFormat(language, { timeZone: zone ?? deskZone(),
  hourCycle: 'h23', ...options }).format(new Date(iso)) : '';
const time = (iso, zone) => fmt(iso, zone, { hour: '2-digit', minute: '2-digit' });
const dayTime = (iso, zone) => fmt(iso, zone, { month: 'numeric', day: 'numeric', weekday: 'short',
  hour: '2-digit', minute: '2-digit' });
const day = (iso, zone) => fmt(iso, zone, { month: 'numeric', day: 'numeric', weekday: 'short' });
const span = (start, end, zone) => start ? `${time(start, zone)}–${time(end, zone)}` : '';
const daySpan = (start, end, zone) => start ? `${day(start, zone)} ${span(start, end, zone)}` : '';

/** The offset of a zone at an instant, as "+09:00". */
function offsetAt(zone, instant) {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
    .formatToParts(instant).find((p) => p.type === 'timeZoneName').value;
  const match = name.match(/GMT([+-]\d\d):?(\d\d)?/);
  return match ? `${match[1]}:${match[2] ?? '00'}` : '+00:00';
}

/** "2026-11-24T10:00" read in the zone, as an ISO date-time with its offset. */
function zoned(local, zone) {
  const guess = new Date(`${local}:00Z`);
  let offset = offsetAt(zone, guess);
  offset = offsetAt(zone, new Date(guess.getTime() - minutes(offset) * 60000));
  return `${local}:00${offset}`;
}
const minutes = (offset) => (offset.startsWith('-') ? -1 : 1) * (parseInt(offset.slice(1, 3), 10) * 60
  + parseInt(offset.slice(4, 6), 10));

/** The local date-time in the zone, as a datetime-local input wants it. */
function localInput(instant, zone) {
  const p = Object.fromEntries(new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit',
    day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(instant)
    .map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

// ---- Words for codes ----

/** An address in the agent's language (a flat as 号室 in Japanese): the API gives both lines. */
const addr = (english, japanese) => (language === 'ja' && japanese) || english;
const label = (prefix, value) => value == null ? '' : has(`${prefix}_${value}`) ? t(`${prefix}_${value}`) : value;
const codeKey = (code) => `desk_code_${String(code).replace(/[^A-Za-z0-9]/g, '_')}`;
function troubleName(code) {
  if (has(codeKey(code))) return t(codeKey(code));
  return state.codes?.find((c) => c.code === code)?.name ?? code;
}
const trouble = (code) => `${troubleName(code)} <span class="muted">${esc(code)}</span>`;
const prio = (p) => p ? `<span class="prio ${esc(p)}">${esc(p)}</span>` : '';
const tag = (text, bad) => `<span class="tag${bad ? ' bad' : ''}">${esc(text)}</span>`;

async function codes() {
  if (!state.codes) state.codes = await api('GET', '/api/trouble-codes');
  return state.codes;
}

// ---- Search ----

let typing = null;

function onType() {
  clearTimeout(typing);
  typing = setTimeout(search, 220);
}

async function search() {
  const q = $('q').value.trim();
  const asked = ++state.asked;
  if (q.length < 2) {
    state.cards = [];
    state.answered = q;
    showResults();
    say('');
    return;
  }
  root.dataset.searching = 'true';
  try {
    const cards = await api('GET', `/api/callers?q=${encodeURIComponent(q)}`);
    if (asked !== state.asked) return;
    state.cards = cards;
    state.answered = q;
    state.active = cards.length ? 0 : -1;
    showResults();
    say(cards.length ? t('desk_found', { count: cards.length }) : t('desk_found_none'));
  } catch (e) {
    if (asked !== state.asked) return;
    state.cards = [];
    showResults();
    say(refusal(e));
  } finally {
    if (asked === state.asked) delete root.dataset.searching;
  }
}

function showResults() {
  const list = $('results');
  const q = $('q').value.trim();
  list.innerHTML = state.cards.map((card, i) => {
    const c = card.customer;
    const site = card.sites[0];
    const incident = card.openTickets.some((tk) => tk.incidentId);
    return `<li id="result-${i}" role="option" aria-selected="${i === state.active}" data-index="${i}" class="desk-result">
      <span><strong>${esc(c.name)}</strong> ${tag(label('desk_matched', card.matchedBy))}
      ${incident ? tag(t('desk_incident'), true) : ''}</span>
      <span class="muted">${esc(c.phones.map((p) => p.number).join(' · '))}</span>
      <span class="muted">${esc(addr(site?.addressLine, site?.addressLineJapanese) ?? t('desk_no_address'))}</span>
      <span>${t('desk_open_tickets_count', { count: card.openTickets.length })}</span></li>`;
  }).join('');
  $('q').setAttribute('aria-expanded', String(state.cards.length > 0));
  if (state.active >= 0) $('q').setAttribute('aria-activedescendant', `result-${state.active}`);
  else $('q').removeAttribute('aria-activedescendant');
  const empty = $('results-empty');
  if (q.length >= 2 && !state.cards.length && !root.dataset.searching) {
    empty.innerHTML = `${esc(t('desk_found_none'))} <button type="button" id="intake-from-query">${esc(t('desk_new_caller'))}</button>`;
    $('intake-from-query').addEventListener('click', () => newCaller(q));
  } else {
    empty.textContent = state.cards.length ? '' : t('desk_results_empty');
  }
}

function onSearchKey(event) {
  if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
    if (!state.cards.length) return;
    event.preventDefault();
    const step = event.key === 'ArrowDown' ? 1 : -1;
    state.active = (state.active + step + state.cards.length) % state.cards.length;
    showResults();
  } else if (event.key === 'Enter') {
    event.preventDefault();
    clearTimeout(typing);
    // Enter before the answer to what is typed now: ask first, then open the first caller found.
    const fresh = state.answered === $('q').value.trim();
    (fresh ? Promise.resolve() : search()).then(() => {
      if (state.cards.length && state.active >= 0) chooseCard(state.active);
    });
  } else if (event.key === 'Escape') {
    $('q').value = '';
    search();
  }
}

function chooseCard(index) {
  state.active = index;
  showResults();
  showCard(state.cards[index]);
}

// ---- The caller card ----

function banner(text, meta) {
  return `<div class="desk-banner" role="note"><p class="desk-banner-label">${esc(t('desk_read_out'))}</p>
    <p class="desk-banner-text">${esc(text || t('desk_no_status_text'))}</p>${meta ? `<p class="desk-banner-meta">${meta}</p>` : ''}</div>`;
}

/**
 * A contact's notes in the agent's language: a note Tehai wrote itself is said again from its data, times in the
 * zone; what a person typed, and older notes without data, as written.
 */
function contactNote(contact, zone) {
  const p = contact.noteParams ?? {};
  const key = contact.noteKey ? `desk_note_${contact.noteKey.replace(/[^A-Za-z]/g, '_')}` : null;
  if (!key || !has(key)) return contact.notes ?? '';
  const ja = language === 'ja';
  return t(key, { told: (ja && p.toldJapanese) || p.told, reason: (ja && p.reasonJapanese) || p.reason,
    when: p.dueAt ? dayTime(p.dueAt, zone) : '', state: label('desk_track_state', p.state) });
}

async function showCard(card, options = {}) {
  state.card = card;
  const c = card.customer;
  const zone = zoneOfRegion(card.sites[0]?.regionId);
  const tickets = card.openTickets.map((tk) => `<tr><td>${prio(tk.priority)}</td>
      <td><button type="button" class="link" data-ticket="${tk.id}">${esc(tk.number)}</button></td>
      <td class="grow">${trouble(tk.troubleCode)}</td><td>${esc(label('desk_status', tk.status))}</td>
      <td>${esc(fmt(tk.openedAt, zone, { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' }))}</td></tr>`).join('');
  const visits = card.upcomingVisits.map((v) => `<tr><td>${esc(v.reference)}</td>
      <td>${esc(label('desk_visit_status', v.status))}</td>
      <td class="grow">${v.quotedWindowStart ? `${esc(t('desk_window_told'))}: ${esc(daySpan(v.quotedWindowStart, v.quotedWindowEnd, zone))}`
        : v.plannedStart ? `${esc(t('desk_planned'))}: ${esc(dayTime(v.plannedStart, zone))}`
          : v.firstAvailableFrom ? `${esc(t('desk_available_from'))}: ${esc(dayTime(v.firstAvailableFrom, zone))}` : ''}</td></tr>`).join('');
  const contacts = card.lastContacts.map((x) => `<li><span class="muted">${esc(dayTime(x.occurredAt, zone))}</span>
      ${esc(label('desk_contact', x.kind))}${x.repeatContact ? ' ' + tag(t('desk_repeat'), true) : ''}
      <span class="muted">${esc(contactNote(x, zone))}</span></li>`).join('');
  $('card').innerHTML = `<h2 id="card-title">${esc(c.name)} ${tag(label('desk_matched', card.matchedBy))}</h2>
    <div id="card-banners" hx-get="/desk/banners?customer=${c.id}" hx-swap="innerHTML"
      hx-trigger="load, every ${Number(root.dataset.bannerRefresh) || 12}s"></div>
    <dl class="desk-facts">
      <dt>${esc(t('desk_phones'))}</dt><dd>${c.phones.map((p) => `${esc(p.number)}${p.label ? ` <span class="muted">${esc(p.label)}</span>` : ''}`).join('<br>')}</dd>
      <dt>${esc(t('desk_contract'))}</dt><dd>${esc(label('desk_contract', c.contract))}</dd>
      <dt>${esc(t('desk_addresses'))}</dt><dd>${card.sites.map((s) => esc(addr(s.addressLine, s.addressLineJapanese))).join('<br>') || esc(t('desk_no_address'))}</dd>
      ${c.notes ? `<dt>${esc(t('desk_notes'))}</dt><dd>${esc(c.notes)}</dd>` : ''}
    </dl>
    <div class="desk-actions">
      <button type="button" id="card-intake" class="primary">${esc(t('desk_new_ticket'))}</button>
      <button type="button" id="card-callback">${esc(t('desk_book_callback'))}</button>
    </div>
    <h3>${esc(t('desk_open_tickets'))} (${card.openTickets.length})</h3>
    ${tickets ? `<table class="desk-table"><tbody>${tickets}</tbody></table>` : `<p class="muted">${esc(t('desk_none'))}</p>`}
    <h3>${esc(t('desk_upcoming_visits'))}</h3>
    ${visits ? `<table class="desk-table"><tbody>${visits}</tbody></table>` : `<p class="muted">${esc(t('desk_none'))}</p>`}
    <h3>${esc(t('desk_last_contacts'))}</h3>
    ${contacts ? `<ul class="desk-contacts">${contacts}</ul>` : `<p class="muted">${esc(t('desk_none'))}</p>`}`;
  $('card').querySelectorAll('[data-ticket]').forEach((b) => b.addEventListener('click', () => openTicket(b.dataset.ticket)));
  $('card-intake').addEventListener('click', () => showIntake(card));
  $('card-callback').addEventListener('click', () => {
    const open = card.openTickets[0];
    if (open) openTicket(open.id, 'callback');
    else showCallbackForCustomer(card);
  });
  if (options.keepWork) {
    // stays on the ticket or form in hand
  } else if (!card.openTickets.length) showIntake(card);
  else if (card.openTickets.length === 1) openTicket(card.openTickets[0].id);
  else showWorkHint();
  // The banners to read out (the incidents of the open tickets, a declared outage around an address) come from
  // the server in the agent's language, and again every few seconds while the card is open: a changed status text
  // or a resolved outage shows without a new search.
  window.htmx.process($('card-banners'));
}

function showWorkHint() {
  $('work').innerHTML = `<h2 id="work-title">${esc(t('desk_work'))}</h2><p class="muted">${esc(t('desk_choose_ticket'))}</p>`;
}

/** The card of the ticket's customer, found by the ticket number; the work panel stays as it is. */
async function refreshCardFor(number) {
  const cards = await api('GET', `/api/callers?q=${encodeURIComponent(number)}`).catch(() => []);
  if (!cards.length) return;
  // The list beside keeps the caller's figures up to date too.
  const listed = state.cards.findIndex((c) => c.customer.id === cards[0].customer.id);
  if (listed >= 0) {
    state.cards[listed] = { ...cards[0], matchedBy: state.cards[listed].matchedBy };
    showResults();
  }
  await showCard(cards[0], { keepWork: true });
}

// ---- Intake ----

function newCaller(query) {
  state.card = null;
  $('card').innerHTML = `<h2 id="card-title">${esc(t('desk_new_caller'))}</h2><p class="muted">${esc(t('desk_new_caller_hint'))}</p>`;
  const q = (query ?? '').trim();
  const looksLikePhone = /^[\d０-９+＋()（）\s\-－ー―‐‒–—−ｰ]+$/.test(q);
  showIntake(null, looksLikePhone ? { phone: q } : { name: q });
}

async function showIntake(card, prefill = {}) {
  state.ticket = null;
  state.suggested = null;
  state.overridden = false;
  const list = await codes();
  // Faults first; a question or a complaint is rarer on this line.
  const last = (k) => (k === 'COMPLAINT' ? 2 : k === 'OTHER' ? 1 : 0);
  const categories = [...new Set(list.map((c) => c.category))].sort((a, b) => last(a) - last(b));
  const sites = card?.sites ?? [];
  const c = card?.customer;
  $('work').innerHTML = `<h2 id="work-title">${esc(t('desk_new_ticket'))}</h2>
    <form id="intake" class="desk-form" novalidate>
      ${c ? `<p>${esc(t('desk_for'))} <strong>${esc(c.name)}</strong> <span class="muted">${esc(c.phones[0]?.number ?? '')}</span></p>`
        : `<div class="row">
        <label>${esc(t('desk_caller_name'))}<input id="in-name" autocomplete="off" required value="${esc(prefill.name ?? '')}"></label>
        <label>${esc(t('desk_caller_phone'))}<input id="in-phone" inputmode="tel" autocomplete="off" required value="${esc(prefill.phone ?? '')}"></label>
        </div>
        <label class="check"><input type="checkbox" id="in-new-customer"> ${esc(t('desk_new_customer'))}</label>`}
      <div class="row">
        <label>${esc(t('desk_address'))}<select id="in-site"><option value="">${esc(t('desk_not_known_yet'))}</option>
          ${sites.map((s) => `<option value="${s.id}">${esc(addr(s.addressLine, s.addressLineJapanese))}</option>`).join('')}</select></label>
        <label>${esc(t('desk_equipment'))}<select id="in-asset"><option value="">${esc(t('desk_not_known_yet'))}</option></select></label>
      </div>
      <div class="row">
        <label>${esc(t('desk_category'))}<select id="in-category">${categories.map((k) => `<option value="${esc(k)}">${esc(label('desk_cat', k))}</option>`).join('')}</select></label>
        <label>${esc(t('desk_trouble'))}<select id="in-code" required></select></label>
      </div>
      <div class="row">
        <label>${esc(t('desk_impact'))}<select id="in-impact"><option value="">${esc(t('desk_not_asked'))}</option>
          ${['NO_SERVICE', 'PART_OF_SERVICE', 'DEGRADED', 'INCONVENIENCE', 'SAFETY_RISK'].map((i) => `<option value="${i}">${esc(label('desk_impact', i))}</option>`).join('')}</select></label>
      </div>
      <label class="wide">${esc(t('desk_description'))}<textarea id="in-description" rows="2"></textarea></label>
      <div class="row desk-priority">
        <span>${esc(t('desk_suggested_priority'))}: <output id="in-suggested">—</output></span>
        <label>${esc(t('desk_priority'))}<select id="in-priority">${['P1', 'P2', 'P3', 'P4'].map((p) => `<option>${p}</option>`).join('')}</select></label>
      </div>
      <label class="wide" id="in-reason-wrap" hidden>${esc(t('desk_override_reason'))}<input id="in-reason" autocomplete="off"></label>
      <div id="in-choices"></div>
      <p id="in-error" class="error" role="alert"></p>
      <button type="submit" class="primary">${esc(t('desk_open_ticket'))}</button>
    </form>`;
  const fillCodes = () => {
    const category = $('in-category').value;
    $('in-code').innerHTML = list.filter((x) => x.category === category)
      .map((x) => `<option value="${esc(x.code)}">${esc(troubleName(x.code))}</option>`).join('');
    suggest();
  };
  $('in-category').addEventListener('change', fillCodes);
  $('in-code').addEventListener('change', suggest);
  $('in-impact').addEventListener('change', suggest);
  $('in-site').addEventListener('change', () => fillAssets($('in-site').value));
  $('in-priority').addEventListener('change', () => {
    state.overridden = $('in-priority').value !== state.suggested;
    $('in-reason-wrap').hidden = !state.overridden;
    if (state.overridden) $('in-reason').focus();
  });
  $('intake').addEventListener('submit', (e) => { e.preventDefault(); submitIntake(card); });
  fillCodes();
  if (sites.length === 1) {
    $('in-site').value = String(sites[0].id);
    fillAssets(sites[0].id);
  }
  (c ? $('in-category') : prefill.name ? $('in-phone') : $('in-name')).focus();
}

async function fillAssets(siteId) {
  $('in-asset').innerHTML = `<option value="">${esc(t('desk_not_known_yet'))}</option>`;
  if (!siteId) return;
  const page = await api('GET', `/api/assets?siteId=${siteId}&size=100`);
  $('in-asset').insertAdjacentHTML('beforeend', page.items.map((a) => `<option value="${a.id}">${esc(a.model ?? a.kind ?? '')}${a.serialNumber ? ' · ' + esc(a.serialNumber) : ''}</option>`).join(''));
  if (page.items.length === 1) $('in-asset').value = String(page.items[0].id);
}

let suggesting = 0;

async function suggest() {
  const code = $('in-code').value;
  if (!code) return;
  const impact = $('in-impact').value;
  const customer = state.card?.customer?.id;
  const asked = ++suggesting;
  const answer = await api('GET', `/api/trouble-codes/suggested-priority?code=${encodeURIComponent(code)}`
    + `${impact ? `&impact=${impact}` : ''}${customer ? `&customerId=${customer}` : ''}`);
  // Only the answer to the latest choice counts: an earlier one (another trouble or impact) may arrive after it.
  if (asked !== suggesting || $('in-code')?.value !== code) return;
  state.suggested = answer.suggestedPriority;
  $('in-suggested').innerHTML = prio(answer.suggestedPriority);
  if (!state.overridden) $('in-priority').value = answer.suggestedPriority;
  state.overridden = $('in-priority').value !== state.suggested;
  $('in-reason-wrap').hidden = !state.overridden;
}

async function submitIntake(card, choice = {}) {
  const error = $('in-error');
  error.textContent = '';
  const problems = [];
  const body = { troubleCode: $('in-code').value, channel: 'PHONE' };
  if (card || choice.customerId) {
    body.customerId = choice.customerId ?? card.customer.id;
  } else {
    const name = $('in-name').value.trim();
    const phone = $('in-phone').value.trim();
    if (!name) problems.push([$('in-name'), t('desk_need_name')]);
    if (!phone) problems.push([$('in-phone'), t('desk_need_phone')]);
    body.caller = { name, phone, newCustomer: choice.newCustomer || $('in-new-customer').checked || undefined };
  }
  if (!body.troubleCode) problems.push([$('in-code'), t('desk_need_trouble')]);
  if (state.overridden && !$('in-reason').value.trim()) problems.push([$('in-reason'), t('desk_need_reason')]);
  document.querySelectorAll('#intake [aria-invalid]').forEach((el) => el.removeAttribute('aria-invalid'));
  if (problems.length) {
    problems.forEach(([el]) => el.setAttribute('aria-invalid', 'true'));
    error.textContent = problems.map(([, m]) => m).join(' ');
    problems[0][0].focus();
    return;
  }
  if ($('in-site').value) body.siteId = Number($('in-site').value);
  if ($('in-asset').value) body.assetId = Number($('in-asset').value);
  if ($('in-impact').value) body.impact = $('in-impact').value;
  const description = $('in-description').value.trim();
  if (description) body.description = description;
  if (state.overridden) {
    body.priority = $('in-priority').value;
    body.priorityOverrideReason = $('in-reason').value.trim();
  }
  try {
    const ticket = await api('POST', '/api/tickets', body);
    state.ticket = ticket;
    await showTicket(ticket, { opened: true });
    refreshCardFor(ticket.number);
  } catch (e) {
    if (e.status === 409 && e.problem?.candidates?.length) {
      chooseAmong(card, e.problem.candidates);
      return;
    }
    const field = e.problem?.field;
    const input = { 'caller.phone': 'in-phone', 'caller.name': 'in-name', priorityOverrideReason: 'in-reason',
      troubleCode: 'in-code', siteId: 'in-site', assetId: 'in-asset' }[field];
    if (input && $(input)) $(input).setAttribute('aria-invalid', 'true');
    error.textContent = refusal(e);
  }
}

/** Several customers share the number: the agent asks which one is calling. */
function chooseAmong(card, candidates) {
  $('in-choices').innerHTML = `<fieldset class="desk-choices"><legend>${esc(t('desk_which_customer'))}</legend>
    ${candidates.map((c) => `<button type="button" data-customer="${c.id}">${esc(c.name)} <span class="muted">${esc(addr(c.address, c.addressJapanese) ?? '')}</span></button>`).join('')}
    <button type="button" data-new="true">${esc(t('desk_a_new_customer'))}</button></fieldset>`;
  $('in-choices').querySelectorAll('button').forEach((b) => b.addEventListener('click', () => submitIntake(card,
    b.dataset.new ? { newCustomer: true } : { customerId: Number(b.dataset.customer) })));
  $('in-choices').querySelector('button').focus();
}

// ---- A ticket ----

async function openTicket(id, action) {
  const ticket = await api('GET', `/api/tickets/${id}`);
  await showTicket(ticket, { action });
}

function relatedList(ticket, zone) {
  if (!ticket.related?.length) return '';
  return `<h3>${esc(t('desk_related'))} (${ticket.related.length})</h3><ul class="desk-related">
    ${ticket.related.map((r) => `<li><strong>${esc(r.number)}</strong> ${tag(label('desk_reason', r.reason), r.reason === 'SHARED_EQUIPMENT')}
      <span class="muted">${esc(dayTime(r.openedAt, zone))} · ${trouble(r.troubleCode)}</span>
      ${r.detail ? `<div class="muted">${esc((language === 'ja' && r.detailJapanese) || r.detail)}</div>` : ''}</li>`).join('')}
    </ul>${ticket.relatedNotShown ? `<p class="muted">${esc(t('desk_related_more', { count: ticket.relatedNotShown }))}</p>` : ''}`;
}

/** A text of an incident in the agent's language: Tehai's own sentences come in Japanese too. */
const mine = (incident, field) => (language === 'ja' && incident.japanese?.[field]) || incident[field];

function incidentBox(incident, zone) {
  if (!incident) return '';
  const v = incident.visit;
  const visit = incident.kind === 'AREA_OUTAGE' ? t('desk_outage_no_visit')
    : !v ? t('desk_incident_visit_pending')
      : `${t('desk_incident_visit')}: ${label('desk_visit_status', v.status)}${v.quotedWindowStart
        ? ` · ${t('desk_window_told')} ${daySpan(v.quotedWindowStart, v.quotedWindowEnd, zone)}`
        : v.plannedStart ? ` · ${t('desk_planned')} ${dayTime(v.plannedStart, zone)}` : ''}`;
  return `<div class="desk-incident">${banner(mine(incident, 'statusText'), `${esc(label('desk_incident_kind', incident.kind))} · INC-${incident.id}
      · ${esc(label('desk_incident_status', incident.status))} · ${prio(incident.priority)}`)}
    <p><strong>${esc(mine(incident, 'title') ?? '')}</strong></p>
    ${incident.linkReason ? `<p class="muted">${esc(mine(incident, 'linkReason'))}</p>` : ''}
    <p id="incident-visit">${esc(visit)}</p></div>`;
}

async function showTicket(ticket, options = {}) {
  state.ticket = ticket;
  await codes();
  const zone = zoneOfRegion(ticket.regionId);
  const code = state.codes.find((c) => c.code === ticket.troubleCode);
  const open = ticket.status === 'OPEN' || ticket.status === 'IN_PROGRESS';
  const openVisit = ticket.visits.find((v) => v.status === 'UNPLANNED' || v.status === 'PLANNED');
  const canOffer = open && (openVisit || (code?.needsVisit && ticket.siteId && !ticket.incident));
  $('work').innerHTML = `<h2 id="work-title">${esc(ticket.number)} ${prio(ticket.priority)} ${tag(label('desk_status', ticket.status))}
      ${ticket.kind === 'COMPLAINT' ? tag(t('desk_kind_COMPLAINT'), true) : ''}</h2>
    ${options.opened ? `<p class="desk-ok" role="status">${esc(t('desk_ticket_opened', { number: ticket.number }))}</p>` : ''}
    ${incidentBox(ticket.incident, zone)}
    <dl class="desk-facts">
      <dt>${esc(t('desk_customer'))}</dt><dd>${esc(ticket.customer.name)}${ticket.callerName && ticket.callerName !== ticket.customer.name
        ? ` <span class="muted">(${esc(t('desk_caller_said', { name: ticket.callerName }))})</span>` : ''}</dd>
      <dt>${esc(t('desk_trouble'))}</dt><dd>${trouble(ticket.troubleCode)}</dd>
      ${ticket.impact ? `<dt>${esc(t('desk_impact'))}</dt><dd>${esc(label('desk_impact', ticket.impact))}</dd>` : ''}
      ${ticket.description ? `<dt>${esc(t('desk_description'))}</dt><dd>${esc(ticket.description)}</dd>` : ''}
      <dt>${esc(t('desk_address'))}</dt><dd id="ticket-address">${ticket.address ? esc(addr(ticket.address, ticket.addressJapanese))
        : `<span class="muted">${esc(t('desk_no_address'))}</span> ${open ? `<button type="button" id="add-site">${esc(t('desk_add_address'))}</button>` : ''}`}</dd>
      <dt>${esc(t('desk_priority'))}</dt><dd>${prio(ticket.priority)}${ticket.suggestedPriority && ticket.suggestedPriority !== ticket.priority
        ? ` <span class="muted">${esc(t('desk_suggested_was', { priority: ticket.suggestedPriority }))}${ticket.priorityOverrideReason ? ': ' + esc(ticket.priorityOverrideReason) : ''}</span>` : ''}</dd>
      <dt>${esc(t('desk_opened'))}</dt><dd>${esc(dayTime(ticket.openedAt, zone))}</dd>
      <dt>${esc(t('desk_sla_due'))}</dt><dd>${esc(dayTime(ticket.slaDueAt, zone))}</dd>
      ${ticket.visits.length ? `<dt>${esc(t('desk_visits'))}</dt><dd>${ticket.visits.map((v) => `${esc(label('desk_visit_status', v.status))}${v.plannedStart ? ' · ' + esc(dayTime(v.plannedStart, zone)) : ''}`).join('<br>')}</dd>` : ''}
      ${ticket.closing ? `<dt>${esc(t('desk_closing'))}</dt><dd>${esc(label('desk_cause', ticket.closing.causeCategory))} · ${esc(ticket.closing.causeText ?? '')} · ${esc(ticket.closing.preventionAction ?? '')}</dd>` : ''}
    </dl>
    ${relatedList(ticket, zone)}
    <div class="desk-actions" role="toolbar" aria-label="${esc(t('desk_actions'))}">
      <button type="button" data-action="arrival">${esc(t('desk_where'))}</button>
      ${canOffer ? `<button type="button" data-action="slots">${esc(t('desk_when'))}</button>` : ''}
      <button type="button" data-action="callback">${esc(t('desk_book_callback'))}</button>
      <button type="button" data-action="contact">${esc(t('desk_log_contact'))}</button>
      ${ticket.kind === 'COMPLAINT' && open ? `<button type="button" data-action="close">${esc(t('desk_close_complaint'))}</button>` : ''}
    </div>
    <div id="action" class="desk-action" aria-live="polite"></div>`;
  $('work').querySelectorAll('[data-action]').forEach((b) => b.addEventListener('click', () => act(b.dataset.action)));
  $('add-site')?.addEventListener('click', showAddSite);
  if (options.action) act(options.action);
}

function act(action) {
  ({ arrival: whereIsTheTechnician, slots: offerSlots, callback: showCallback, contact: showContact,
    close: showClose })[action]();
}

const actionBox = (title, body) => {
  $('action').innerHTML = `<h3 id="action-title">${esc(title)}</h3>${body}`;
  return $('action');
};

/** Logs what was told on the ticket, so the next agent sees it. */
function logContact(kind, notes) {
  return api('POST', `/api/tickets/${state.ticket.id}/contacts`, { kind, channel: 'PHONE', direction: 'INBOUND', notes })
    .catch(() => null);
}

// ---- Where is the technician? ----

function sentence(a, zone) {
  const name = a.technicianFirstName ?? t('desk_the_technician');
  const told = a.quotedWindow ? span(a.quotedWindow.start, a.quotedWindow.end, zone) : null;
  const reason = a.delayReason ? label('desk_late', a.delayReason.replace(/\s+/g, '_')) : '';
  const tail = !told ? t('desk_say_end')
    : a.atRisk && a.liveEstimate ? t('desk_say_told_late', { window: told, estimate: time(a.liveEstimate, zone), reason })
      : t('desk_say_told_holds', { window: told });
  switch (a.state) {
    case 'NOT_YET_PLANNED': return t('desk_say_not_planned');
    case 'DONE': return t('desk_say_done');
    case 'ON_SITE': return t('desk_say_on_site', { name });
    case 'ON_THE_WAY': return t('desk_say_on_the_way', { name }) + tail;
    default: return t('desk_say_before', { name, count: a.visitsBefore ?? 0 }) + tail;
  }
}

async function whereIsTheTechnician() {
  const box = actionBox(t('desk_where'), `<p class="muted">${esc(t('desk_loading'))}</p>`);
  let a;
  try {
    a = await api('GET', `/api/tickets/${state.ticket.id}/arrival`);
  } catch (e) {
    box.innerHTML = `<h3>${esc(t('desk_where'))}</h3><p class="error" role="alert">${esc(refusal(e))}</p>`;
    return;
  }
  const zone = zoneOfRegion(state.ticket.regionId);
  box.innerHTML = `<h3 id="action-title">${esc(t('desk_where'))}</h3>
    <div class="desk-say" id="say"><p class="desk-say-label">${esc(t('desk_say'))}</p><p class="desk-say-text">${esc(sentence(a, zone))}</p></div>
    <dl class="desk-facts" id="arrival">
      <dt>${esc(t('desk_state'))}</dt><dd>${esc(label('desk_arrival', a.state))}${a.atRisk ? ' ' + tag(t('desk_at_risk'), true) : ''}</dd>
      ${a.technicianFirstName ? `<dt>${esc(t('desk_technician'))}</dt><dd>${esc(a.technicianFirstName)}</dd>` : ''}
      ${a.visitsBefore != null ? `<dt>${esc(t('desk_visits_before'))}</dt><dd>${a.visitsBefore}</dd>` : ''}
      <dt>${esc(t('desk_window_told'))}</dt><dd>${a.quotedWindow ? esc(daySpan(a.quotedWindow.start, a.quotedWindow.end, zone)) : '—'}</dd>
      ${a.plannedStart ? `<dt>${esc(t('desk_planned'))}</dt><dd>${esc(dayTime(a.plannedStart, zone))}</dd>` : ''}
      <dt>${esc(t('desk_live_estimate'))}</dt><dd>${a.liveEstimate ? esc(time(a.liveEstimate, zone)) : '—'}${a.delayMinutes
        ? ` ${tag(t('desk_late_by', { minutes: a.delayMinutes }), true)} ${esc(label('desk_late', (a.delayReason ?? '').replace(/\s+/g, '_')))}` : ''}</dd>
      ${a.lastPositionAgeMinutes != null && a.lastPositionAgeMinutes >= 0 ? `<dt>${esc(t('desk_last_position'))}</dt><dd>${esc(t('desk_minutes_ago', { minutes: a.lastPositionAgeMinutes }))}</dd>` : ''}
    </dl>
    ${a.visitId && (a.state === 'PLANNED' || a.state === 'ON_THE_WAY') ? `<form id="requote" class="desk-form" novalidate>
      <label class="wide">${esc(t('desk_requote_reason'))}<input id="rq-reason" autocomplete="off"></label>
      <p id="rq-error" class="error" role="alert"></p>
      <button type="submit">${esc(t('desk_requote'))}</button></form>` : ''}
    <div id="quotes"></div>`;
  $('requote')?.addEventListener('submit', (e) => { e.preventDefault(); requote(a.visitId); });
  if (a.visitId) showQuotes(a.visitId);
}

async function showQuotes(visitId) {
  const zone = zoneOfRegion(state.ticket.regionId);
  const quotes = await api('GET', `/api/visits/${visitId}/quotes`).catch(() => []);
  if (!$('quotes')) return;
  $('quotes').innerHTML = quotes.length ? `<h4>${esc(t('desk_quote_history'))}</h4><table class="desk-table" id="quote-history">
    <thead><tr><th>${esc(t('desk_told_at'))}</th><th>${esc(t('desk_window'))}</th><th>${esc(t('desk_why'))}</th></tr></thead><tbody>
    ${quotes.map((q) => `<tr><td>${esc(dayTime(q.quotedAt, zone))}</td><td>${esc(daySpan(q.windowStart, q.windowEnd, zone))}</td>
      <td class="grow">${esc(q.planId ? t('desk_quote_plan') : q.reason ?? '')}</td></tr>`).join('')}</tbody></table>` : '';
}

async function requote(visitId) {
  const reason = $('rq-reason').value.trim();
  if (!reason) {
    $('rq-reason').setAttribute('aria-invalid', 'true');
    $('rq-error').textContent = t('desk_need_requote_reason');
    $('rq-reason').focus();
    return;
  }
  try {
    const visit = await api('POST', `/api/visits/${visitId}/requote`, { reason });
    const zone = zoneOfRegion(state.ticket.regionId);
    const window = daySpan(visit.quotedWindow.startsAt, visit.quotedWindow.endsAt, zone);
    $('requote').outerHTML = `<div class="desk-say" id="requoted"><p class="desk-say-label">${esc(t('desk_say'))}</p>
      <p class="desk-say-text">${esc(t('desk_say_requoted', { window }))}</p></div>`;
    // The note is written in the agent's language, as anything the agent writes.
    await logContact('ARRIVAL_INQUIRY', t('desk_note_requoted', { window, reason }));
    showQuotes(visitId);
  } catch (e) {
    $('rq-error').textContent = refusal(e);
  }
}

// ---- When can someone come? ----

async function offerSlots() {
  const ticket = state.ticket;
  const box = actionBox(t('desk_when'), `<p class="muted">${esc(t('desk_searching_slots'))}</p>`);
  let visit = ticket.visits.find((v) => v.status === 'UNPLANNED' || v.status === 'PLANNED');
  try {
    visit = visit ? await api('GET', `/api/visits/${visit.id}`) : await planVisit(ticket);
    const zone = zoneOfRegion(ticket.regionId);
    // From the first day the customer is available (today at the earliest).
    const today = localInput(new Date(), zone).slice(0, 10);
    const first = visit.availability.map((w) => localInput(new Date(w.startsAt), zone).slice(0, 10)).sort()[0];
    const from = first && first > today ? first : today;
    const offer = await api('GET', `/api/visits/${visit.id}/slot-options?count=5&from=${from}`);
    box.innerHTML = `<h3 id="action-title">${esc(t('desk_when'))}</h3>
      ${offer.options.length ? `<p class="muted">${esc(t('desk_slots_hint'))}</p><ol class="desk-slots" id="slots">
      ${offer.options.map((o) => `<li><span class="desk-slot-when">${esc(daySpan(o.window.start, o.window.end, zone))}</span>
        <span class="muted">${esc(o.technician?.firstName ?? '')} · ${esc(t('desk_visits_before_n', { count: o.visitsBefore }))}</span>
        <button type="button" class="primary" data-option="${esc(o.optionId)}" aria-label="${esc(t('desk_book_this', { window: daySpan(o.window.start, o.window.end, zone) }))}">${esc(t('desk_book'))}</button></li>`).join('')}
      </ol>` : `<p>${esc(t('desk_no_slots'))}</p><p class="muted">${esc(offer.explanation ?? '')}</p>`}
      <p id="slot-error" class="error" role="alert"></p>`;
    box.querySelectorAll('[data-option]').forEach((b) => b.addEventListener('click', () => book(visit.id, b.dataset.option)));
  } catch (e) {
    box.innerHTML = `<h3 id="action-title">${esc(t('desk_when'))}</h3><p class="error" role="alert">${esc(refusal(e))}</p>`;
  }
}

/** A visit for a ticket that has none: the trouble code's usual work, any working hour of the next week. */
async function planVisit(ticket) {
  const code = state.codes.find((c) => c.code === ticket.troubleCode);
  const zone = zoneOfRegion(ticket.regionId);
  const availability = [];
  const now = Date.now();
  for (let d = 0; d < 7; d++) {
    const date = localInput(new Date(now + d * 86400000), zone).slice(0, 10);
    availability.push({ startsAt: zoned(`${date}T09:00`, zone), endsAt: zoned(`${date}T18:00`, zone) });
  }
  return api('POST', '/api/visits', { ticketId: ticket.id, jobType: code?.jobType ?? null,
    estimatedDurationMinutes: code?.durationMinutes ?? 60,
    requiredSkills: code?.skill ? [{ skill: code.skill, minLevel: code.skillLevel ?? 1 }] : [],
    requiredTools: [], requiredParts: [], availability });
}

async function book(visitId, optionId) {
  try {
    const booking = await api('POST', `/api/visits/${visitId}/booking`, { optionId });
    const zone = zoneOfRegion(state.ticket.regionId);
    const window = daySpan(booking.window.start, booking.window.end, zone);
    $('action').innerHTML = `<h3 id="action-title">${esc(t('desk_when'))}</h3>
      <div class="desk-say" id="booked"><p class="desk-say-label">${esc(t('desk_say'))}</p>
      <p class="desk-say-text">${esc(t('desk_say_booked', { window }))}</p></div>`;
    await logContact('OTHER', t('desk_note_booked', { window }));
    state.ticket = await api('GET', `/api/tickets/${state.ticket.id}`);
  } catch (e) {
    $('slot-error').textContent = refusal(e);
  }
}

// ---- Call-backs ----

function callbackForm(phone) {
  const zone = deskZone();
  const inAnHour = localInput(new Date(Math.ceil((Date.now() + 3600000) / 900000) * 900000), zone);
  return `<form id="callback" class="desk-form" novalidate>
    <div class="row">
      <label>${esc(t('desk_callback_when'))}<input id="cb-due" type="datetime-local" value="${inAnHour}" required></label>
      <label>${esc(t('desk_caller_phone'))}<input id="cb-phone" inputmode="tel" value="${esc(phone ?? '')}"></label>
    </div>
    <label class="wide">${esc(t('desk_callback_about'))}<input id="cb-reason" autocomplete="off" required></label>
    <p id="cb-error" class="error" role="alert"></p>
    <button type="submit" class="primary">${esc(t('desk_book_callback'))}</button></form>`;
}

function showCallback() {
  const ticket = state.ticket;
  actionBox(t('desk_book_callback'), callbackForm(ticket.callerPhone ?? ticket.customer.phones[0]));
  $('callback').addEventListener('submit', (e) => { e.preventDefault(); bookCallback({ ticketId: ticket.id }, ticket.regionId); });
  $('cb-reason').focus();
}

function showCallbackForCustomer(card) {
  $('work').innerHTML = `<h2 id="work-title">${esc(t('desk_book_callback'))}</h2><div id="action" class="desk-action">
    ${callbackForm(card.customer.phones[0]?.number)}</div>`;
  $('callback').addEventListener('submit', (e) => { e.preventDefault(); bookCallback({ customerId: card.customer.id }, card.sites[0]?.regionId); });
  $('cb-reason').focus();
}

async function bookCallback(about, regionId) {
  const due = $('cb-due').value;
  const reason = $('cb-reason').value.trim();
  const problems = [];
  if (!due) problems.push([$('cb-due'), t('desk_need_when')]);
  if (!reason) problems.push([$('cb-reason'), t('desk_need_about')]);
  if (problems.length) {
    problems.forEach(([el]) => el.setAttribute('aria-invalid', 'true'));
    $('cb-error').textContent = problems.map(([, m]) => m).join(' ');
    problems[0][0].focus();
    return;
  }
  const zone = zoneOfRegion(regionId);
  try {
    const booked = await api('POST', '/api/callbacks', { ...about, dueAt: zoned(due, zone), reason,
      phone: $('cb-phone').value.trim() || undefined });
    $('callback').outerHTML = `<div class="desk-say" id="callback-booked"><p class="desk-say-label">${esc(t('desk_say'))}</p>
      <p class="desk-say-text">${esc(t('desk_say_callback', { when: dayTime(booked.dueAt, zone), phone: booked.phone ?? '' }))}</p></div>`;
    loadCallbacks();
  } catch (e) {
    $('cb-error').textContent = refusal(e);
  }
}

/** How long after it is due a call-back shows as overdue. */
const OVERDUE_AFTER_MS = 5 * 60000;

async function loadCallbacks() {
  const region = $('region').value;
  if (!region) return;
  let page;
  try {
    page = await api('GET', `/api/callbacks?regionId=${region}&size=100`);
  } catch (e) {
    if (region === $('region').value) $('callbacks').innerHTML = `<li class="error">${esc(refusal(e))}</li>`;
    return;
  }
  // The agent chose another region meanwhile: its own answer draws the queue, not this late one.
  if (region !== $('region').value) return;
  const zone = deskZone();
  const now = Date.now();
  // At-risk windows first: a customer is waiting on a time that no longer holds; then the oldest due.
  const items = page.items.sort((a, b) => (a.kind === 'ARRIVAL_RISK' ? 0 : 1) - (b.kind === 'ARRIVAL_RISK' ? 0 : 1)
    || a.dueAt.localeCompare(b.dueAt));
  $('callback-count').textContent = `(${page.total})`;
  $('callbacks').innerHTML = items.length ? items.map((c) => {
    // Due "now" (a customer's own request) is not overdue at once: only after a few minutes without a call.
    const overdue = new Date(c.dueAt).getTime() < now - OVERDUE_AFTER_MS;
    return `<li class="desk-callback${c.kind === 'ARRIVAL_RISK' ? ' risk' : ''}" data-callback="${c.id}">
      <div><strong>${esc(dayTime(c.dueAt, zone))}</strong> ${overdue ? tag(t('desk_overdue'), true) : ''}
        ${tag(label('desk_callback_kind', c.kind), c.kind !== 'CUSTOMER_REQUEST')}</div>
      <div>${esc(c.customerName)} · ${esc(c.phone ?? '')}${c.ticketNumber ? ` · <button type="button" class="link" data-open="${esc(c.ticketNumber)}">${esc(c.ticketNumber)}</button>` : ''}</div>
      <div class="muted">${esc((language === 'ja' && c.reasonJapanese) || c.reason || '')}</div>
      <div class="desk-cb-outcome">
        <label class="sr-only" for="cb-notes-${c.id}">${esc(t('desk_callback_notes'))}</label>
        <input id="cb-notes-${c.id}" placeholder="${esc(t('desk_callback_notes'))}" autocomplete="off">
        <button type="button" data-done="${c.id}">${esc(t('desk_done'))}</button>
        <button type="button" data-failed="${c.id}">${esc(t('desk_failed'))}</button>
      </div>
      <p class="error" role="alert" id="cb-outcome-error-${c.id}"></p></li>`;
  }).join('') : `<li class="muted">${esc(t('desk_no_callbacks'))}</li>`;
  $('callbacks').querySelectorAll('[data-open]').forEach((b) => b.addEventListener('click', () => {
    $('q').value = b.dataset.open;
    search().then(() => state.cards.length && chooseCard(0));
  }));
  $('callbacks').querySelectorAll('[data-done],[data-failed]').forEach((b) => b.addEventListener('click', () =>
    closeCallback(b.dataset.done ?? b.dataset.failed, b.dataset.done ? 'done' : 'failed')));
}

async function closeCallback(id, outcome) {
  const notes = $(`cb-notes-${id}`);
  if (!notes.value.trim()) {
    notes.setAttribute('aria-invalid', 'true');
    $(`cb-outcome-error-${id}`).textContent = t('desk_need_notes');
    notes.focus();
    return;
  }
  try {
    await api('POST', `/api/callbacks/${id}/${outcome}`, { notes: notes.value.trim() });
    say(t(outcome === 'done' ? 'desk_callback_done' : 'desk_callback_failed'));
    loadCallbacks();
  } catch (e) {
    $(`cb-outcome-error-${id}`).textContent = refusal(e);
  }
}

// ---- Contacts ----

function showContact() {
  const ticket = state.ticket;
  const implied = ticket.kind === 'COMPLAINT' ? 'COMPLAINT' : 'OTHER';
  actionBox(t('desk_log_contact'), `<form id="contact" class="desk-form" novalidate>
    <div class="row"><label>${esc(t('desk_contact_kind'))}<select id="ct-kind">
      ${['NEW_REPORT', 'ARRIVAL_INQUIRY', 'COMPLAINT', 'CALLBACK_REQUEST', 'OTHER'].map((k) => `<option value="${k}"${k === implied ? ' selected' : ''}>${esc(label('desk_contact', k))}</option>`).join('')}
    </select></label>
    <label>${esc(t('desk_direction'))}<select id="ct-direction"><option value="INBOUND">${esc(t('desk_inbound'))}</option><option value="OUTBOUND">${esc(t('desk_outbound'))}</option></select></label></div>
    <label class="wide">${esc(t('desk_contact_notes'))}<textarea id="ct-notes" rows="2"></textarea></label>
    <p id="ct-error" class="error" role="alert"></p>
    <button type="submit" class="primary">${esc(t('desk_log'))}</button></form>`);
  $('contact').addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      await api('POST', `/api/tickets/${ticket.id}/contacts`, { kind: $('ct-kind').value, channel: 'PHONE',
        direction: $('ct-direction').value, notes: $('ct-notes').value.trim() || undefined });
      $('contact').outerHTML = `<p class="desk-ok" role="status">${esc(t('desk_contact_logged'))}</p>`;
      refreshCardFor(ticket.number);
    } catch (err) {
      $('ct-error').textContent = refusal(err);
    }
  });
  $('ct-notes').focus();
}

// ---- Closing a complaint ----

function showClose() {
  const causes = ['LATE_ARRIVAL', 'MISSED_APPOINTMENT', 'REPEAT_FAULT', 'QUALITY_OF_WORK', 'STAFF_CONDUCT',
    'COMMUNICATION', 'BILLING', 'NO_PROBLEM_FOUND', 'OTHER'];
  const field = (id, key, control) => `<label class="wide">${esc(t(key))}${control}</label>
    <p class="field-error" id="${id}-error"></p>`;
  actionBox(t('desk_close_complaint'), `<p class="muted">${esc(t('desk_close_hint'))}</p>
    <form id="close" class="desk-form" novalidate>
    ${field('cl-category', 'desk_cause_category', `<select id="cl-category" aria-describedby="cl-category-error"><option value="">${esc(t('desk_choose'))}</option>
      ${causes.map((c) => `<option value="${c}">${esc(label('desk_cause', c))}</option>`).join('')}</select>`)}
    ${field('cl-cause', 'desk_cause_text', '<textarea id="cl-cause" rows="2" aria-describedby="cl-cause-error"></textarea>')}
    ${field('cl-prevention', 'desk_prevention', '<textarea id="cl-prevention" rows="2" aria-describedby="cl-prevention-error"></textarea>')}
    ${field('cl-resolution', 'desk_resolution', '<textarea id="cl-resolution" rows="2"></textarea>')}
    <p id="cl-error" class="error" role="alert"></p>
    <button type="submit" class="primary">${esc(t('desk_close_complaint'))}</button></form>`);
  $('close').addEventListener('submit', (e) => { e.preventDefault(); closeComplaint(); });
  $('cl-category').focus();
}

async function closeComplaint() {
  const tk = state.ticket;
  const inputs = { causeCategory: 'cl-category', causeText: 'cl-cause', preventionAction: 'cl-prevention' };
  Object.values(inputs).forEach((id) => { $(id).removeAttribute('aria-invalid'); $(`${id}-error`).textContent = ''; });
  $('cl-error').textContent = '';
  const value = (id) => $(id).value.trim() || null;
  try {
    const closed = await api('PUT', `/api/tickets/${tk.id}`, { siteId: tk.siteId, assetId: tk.assetId,
      troubleCode: tk.troubleCode, description: tk.description, priority: tk.priority,
      priorityOverrideReason: tk.priorityOverrideReason, status: 'RESOLVED', causeCategory: value('cl-category'),
      causeText: value('cl-cause'), preventionAction: value('cl-prevention'), resolution: value('cl-resolution'),
      version: tk.version });
    await showTicket(closed);
    actionBox(t('desk_close_complaint'), `<p class="desk-ok" role="status">${esc(t('desk_complaint_closed'))}</p>`);
    refreshCardFor(closed.number);
  } catch (e) {
    const errors = e.problem?.errors ?? [];
    errors.forEach((err) => {
      const id = inputs[err.field];
      if (!id) return;
      $(id).setAttribute('aria-invalid', 'true');
      $(`${id}-error`).textContent = has(`desk_field_${err.field}`) ? t(`desk_field_${err.field}`) : err.message;
    });
    $('cl-error').textContent = errors.length && e.status === 422 ? t('desk_complaint_refused') : refusal(e);
    const first = errors.map((err) => inputs[err.field]).find(Boolean);
    if (first) $(first).focus();
  }
}

// ---- The address found out later ----

function showAddSite() {
  const card = state.card;
  const sites = card && card.customer.id === state.ticket.customer.id ? card.sites : [];
  const regions = [...$('region').options].map((o) => `<option value="${o.value}"${o.selected ? ' selected' : ''}>${esc(o.textContent)}</option>`).join('');
  actionBox(t('desk_add_address'), `<form id="site" class="desk-form" novalidate>
    ${sites.length ? `<label class="wide">${esc(t('desk_known_address'))}<select id="st-existing"><option value="">${esc(t('desk_a_new_address'))}</option>
      ${sites.map((s) => `<option value="${s.id}">${esc(addr(s.addressLine, s.addressLineJapanese))}</option>`).join('')}</select></label>` : ''}
    <div class="row">
      <label>${esc(t('desk_postal_code'))}<input id="st-postal" autocomplete="off" size="9"></label>
      <label>${esc(t('desk_city'))}<input id="st-city" autocomplete="off"></label>
    </div>
    <label class="wide">${esc(t('desk_street'))}<input id="st-street" autocomplete="off" required></label>
    <div class="row">
      <label>${esc(t('desk_building'))}<input id="st-building" autocomplete="off"></label>
      <label>${esc(t('desk_unit'))}<input id="st-unit" autocomplete="off" size="6"></label>
      <label>${esc(t('desk_region'))}<select id="st-region">${regions}</select></label>
    </div>
    <p id="st-error" class="error" role="alert"></p>
    <button type="submit" class="primary">${esc(t('desk_save_address'))}</button></form>`);
  $('site').addEventListener('submit', (e) => { e.preventDefault(); saveSite(); });
  ($('st-existing') ?? $('st-postal')).focus();
}

async function saveSite() {
  const tk = state.ticket;
  let siteId = $('st-existing')?.value ? Number($('st-existing').value) : null;
  try {
    if (!siteId) {
      const street = $('st-street').value.trim();
      if (!street) {
        $('st-street').setAttribute('aria-invalid', 'true');
        $('st-error').textContent = t('desk_need_street');
        $('st-street').focus();
        return;
      }
      const value = (id) => $(id).value.trim() || null;
      const site = await api('POST', '/api/sites', { customerId: tk.customer.id, regionId: Number($('st-region').value) || null,
        street, postalCode: value('st-postal'), city: value('st-city'), building: value('st-building'),
        unit: value('st-unit') });
      siteId = site.id;
    }
    const updated = await api('PUT', `/api/tickets/${tk.id}`, { siteId, troubleCode: tk.troubleCode,
      description: tk.description, priority: tk.priority, priorityOverrideReason: tk.priorityOverrideReason,
      status: tk.status, version: tk.version });
    await showTicket(updated);
    $('action').innerHTML = `<p class="desk-ok" role="status">${esc(t('desk_address_saved'))}</p>`;
    refreshCardFor(updated.number);
  } catch (e) {
    $('st-error').textContent = refusal(e);
  }
}

// ---- Start ----

$('q').addEventListener('input', onType);
$('q').addEventListener('keydown', onSearchKey);
$('results').addEventListener('click', (e) => {
  const item = e.target.closest('[data-index]');
  if (item) chooseCard(Number(item.dataset.index));
});
$('new-caller').addEventListener('click', () => newCaller(''));
const remembered = localStorage.getItem('tehai-desk-region');
if (remembered && [...$('region').options].some((o) => o.value === remembered)) $('region').value = remembered;
$('region').addEventListener('change', () => {
  localStorage.setItem('tehai-desk-region', $('region').value);
  loadCallbacks();
});
// Only the banners' own answer goes into the card: not a sign-in page after the session ran out, nor an error.
document.body.addEventListener('htmx:beforeSwap', (event) => {
  const answered = new URL(event.detail.xhr.responseURL || location.href, location.href);
  if (answered.pathname !== '/desk/banners' || event.detail.xhr.status !== 200) event.detail.shouldSwap = false;
});
loadCallbacks();
setInterval(loadCallbacks, 60000);
codes().catch(() => null);
root.dataset.ready = 'true';
