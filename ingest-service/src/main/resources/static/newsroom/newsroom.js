// The newsroom page: sign in, post urgent items, watch the tickers and each alert's deliveries, correct and kill.
// Every text from the server or an editor is set with textContent, never parsed as HTML.
(() => {
  'use strict';

  const TEXT = {
    en: {
      title: 'Flashwire newsroom', language: 'Language', signIn: 'Sign in', signOut: 'Sign out', name: 'Name',
      password: 'Password', postTitle: 'Post an urgent item', headline: 'Headline', editions: 'Editions',
      urgency: 'Urgency', breaking: 'Breaking', urgent: 'Urgent', routine: 'Routine', link: 'Link (optional)',
      category: 'Category (optional)', preview: 'Preview in the ticker', post: 'Post', tickers: 'Live tickers',
      items: 'Recent items', cancel: 'Cancel', correct: 'Correct', kill: 'Kill', newHeadline: 'Corrected headline (optional)',
      correctTitle: 'Correct this item', killTitle: 'Kill this item? A kill is final.', note: 'What was corrected',
      reason: 'Reason for the kill', confirmCorrect: 'Publish correction', confirmKill: 'Kill it',
      live: 'live', corrected: 'corrected', killed: 'killed', held: 'held', releasesIn: 'releases in',
      signInFailed: 'Wrong name or password, or not an editor.', sessionEnded: 'Your session ended. Sign in again.',
      posted: 'Posted.', failed: 'Failed', needHeadline: 'Write a headline.', needEdition: 'Choose at least one edition.',
      needReason: 'Write a reason.', noItems: 'No items yet.', matched: 'matched', delivered: 'delivered',
      retrying: 'retrying', deliveryFailed: 'failed', noDeliveries: 'no deliveries yet', offline: 'Cannot reach the server.',
      edition_ar: 'Arabic (ar)', edition_en: 'English (en)', embargo: 'Embargo until (optional)',
      embargoZone: 'Your time zone', embargoPast: 'The embargo time has passed: leave it empty to post now.',
      embargoUnreadable: 'Enter a whole date and time for the embargo.', heldUntil: 'Held until',
      releasing: 'releasing…', canceled: 'canceled', canceledNotice: 'Canceled before release: nothing was published.',
      'held-for-editor': 'held for an editor', until: 'until', alert_new: 'Alert', alert_correction: 'Correction alert',
      alert_kill: 'Kill alert', removed: 'removed', deliveriesUnavailable: 'deliveries unavailable'
    },
    ar: {
      title: 'غرفة أخبار فلاشواير', language: 'اللغة', signIn: 'تسجيل الدخول', signOut: 'تسجيل الخروج', name: 'الاسم',
      password: 'كلمة المرور', postTitle: 'نشر خبر عاجل', headline: 'العنوان', editions: 'النسخ',
      urgency: 'الأهمية', breaking: 'عاجل', urgent: 'هام', routine: 'عادي', link: 'رابط (اختياري)',
      category: 'التصنيف (اختياري)', preview: 'معاينة في الشريط', post: 'نشر', tickers: 'الشريط المباشر',
      items: 'آخر الأخبار المنشورة', cancel: 'إلغاء', correct: 'تصحيح', kill: 'سحب', newHeadline: 'العنوان المصحح (اختياري)',
      correctTitle: 'تصحيح هذا الخبر', killTitle: 'سحب هذا الخبر؟ السحب نهائي.', note: 'ما الذي صُحّح',
      reason: 'سبب السحب', confirmCorrect: 'نشر التصحيح', confirmKill: 'اسحبه',
      live: 'منشور', corrected: 'مصحَّح', killed: 'مسحوب', held: 'محجوز', releasesIn: 'يُنشر بعد',
      signInFailed: 'اسم أو كلمة مرور خاطئة، أو الحساب ليس لمحرر.', sessionEnded: 'انتهت الجلسة. سجّل الدخول من جديد.',
      posted: 'نُشر.', failed: 'تعذّر', needHeadline: 'اكتب عنوانًا.', needEdition: 'اختر نسخة واحدة على الأقل.',
      needReason: 'اكتب السبب.', noItems: 'لا أخبار بعد.', matched: 'مطابقة', delivered: 'سُلّمت',
      retrying: 'قيد الإعادة', deliveryFailed: 'فشلت', noDeliveries: 'لا تسليمات بعد', offline: 'تعذّر الاتصال بالخادم.',
      edition_ar: 'العربية (ar)', edition_en: 'الإنجليزية (en)', embargo: 'محظور النشر حتى (اختياري)',
      embargoZone: 'منطقتك الزمنية', embargoPast: 'مضى وقت الحظر: اتركه فارغًا للنشر الآن.',
      embargoUnreadable: 'أدخل تاريخًا ووقتًا كاملين للحظر.', heldUntil: 'محجوز حتى',
      releasing: 'قيد النشر…', canceled: 'ملغى', canceledNotice: 'أُلغي قبل النشر: لم يُنشر شيء.',
      'held-for-editor': 'محجوز بانتظار محرر', until: 'حتى', alert_new: 'تنبيه', alert_correction: 'تنبيه تصحيح',
      alert_kill: 'تنبيه سحب', removed: 'أزيلت', deliveriesUnavailable: 'التسليمات غير متاحة'
    }
  };
  const FLAGS = { ar: { breaking: 'عاجل', urgent: 'هام' }, en: { breaking: 'Breaking', urgent: 'Urgent' } };
  const RTL = ['ar', 'fa', 'he', 'ur'];
  const POLL_MS = 3000;
  // Alerts of items changed lately are read at every poll; older ones, whose deliveries have mostly settled, less often.
  const FRESH_MS = 15 * 60 * 1000;
  const SETTLED_READ_MS = 60 * 1000;
  const MAX_ALERT_READS = 40;
  // A request that hangs fails after this, so no poll ever waits forever.
  const REQUEST_TIMEOUT_MS = 10000;

  const $ = (id) => document.getElementById(id);
  let lang = localStorage.getItem('flashwire-newsroom-lang') || (navigator.language.startsWith('ar') ? 'ar' : 'en');
  let config = null;
  let items = [];
  let deliveries = {};
  let deliveriesReadAt = {};
  let canceled = [];
  let refreshing = false;
  let readingDeliveries = false;
  let lastRefresh = 0;
  let ticking = null;
  let idempotencyKey = null;
  let polling = null;
  let pendingAction = null;
  let rendered = '';

  const t = (key) => TEXT[lang][key] || TEXT.en[key] || key;

  function el(tag, attributes, text) {
    const node = document.createElement(tag);
    Object.entries(attributes || {}).forEach(([name, value]) => node.setAttribute(name, value));
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function show(node, visible) {
    node.hidden = !visible;
  }

  function notice(text) {
    $('notice').textContent = text || '';
    show($('notice'), Boolean(text));
  }

  function applyLanguage() {
    document.documentElement.lang = lang;
    document.documentElement.dir = RTL.includes(lang) ? 'rtl' : 'ltr';
    $('language').value = lang;
    document.querySelectorAll('[data-t]').forEach((node) => { node.textContent = t(node.dataset.t); });
    document.title = t('title');
    $('embargo-zone').textContent = `${t('embargoZone')}: ${Intl.DateTimeFormat().resolvedOptions().timeZone}`;
    if (config) renderEditions();
    renderPreview();
    renderItems();
  }

  class ApiError extends Error {
    constructor(status, problem) {
      super((problem && (problem.detail || problem.title)) || `HTTP ${status}`);
      this.status = status;
    }
  }

  async function loadConfig() {
    const response = await fetch('/newsroom/config', { credentials: 'same-origin', cache: 'no-store' });
    if (!response.ok) throw new ApiError(response.status, null);
    config = await response.json();
  }

  async function call(method, path, body, headers) {
    const init = { method, credentials: 'same-origin', cache: 'no-store', headers: { Accept: 'application/json', ...headers },
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) };
    if (method !== 'GET') init.headers[config.csrf.headerName] = config.csrf.token;
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    const response = await fetch(path, init);
    const type = response.headers.get('Content-Type') || '';
    const data = type.includes('json') ? await response.json() : null;
    if (response.status === 401) {
      await signedOut(t('sessionEnded'));
    }
    if (!response.ok) throw new ApiError(response.status, data);
    return data;
  }

  async function signIn(event) {
    event.preventDefault();
    show($('sign-in-error'), false);
    const form = new URLSearchParams({ username: $('username').value, password: $('password').value });
    try {
      await loadConfig();
      const response = await fetch('/newsroom/login', {
        method: 'POST', credentials: 'same-origin', body: form,
        headers: { [config.csrf.headerName]: config.csrf.token, Accept: 'application/json' }
      });
      if (!response.ok) throw new ApiError(response.status, null);
      $('password').value = '';
      await loadConfig();
      signedIn();
    } catch (error) {
      $('sign-in-error').textContent = error.status === 401 || error.status === 403 ? t('signInFailed') : t('offline');
      show($('sign-in-error'), true);
    }
  }

  async function signOut() {
    try {
      await fetch('/newsroom/logout', { method: 'POST', credentials: 'same-origin',
        headers: { [config.csrf.headerName]: config.csrf.token } });
    } finally {
      await signedOut('');
    }
  }

  async function signedOut(message) {
    clearInterval(polling);
    clearInterval(ticking);
    polling = null;
    ticking = null;
    notice(message);
    try {
      await loadConfig();
    } catch (ignored) {
      // The sign-in form works again as soon as the server answers.
    }
    show($('desk'), false);
    show($('user'), false);
    show($('sign-out'), false);
    show($('sign-in'), true);
    $('username').focus();
  }

  function signedIn() {
    notice('');
    show($('sign-in'), false);
    $('user').textContent = config.user;
    show($('user'), true);
    show($('sign-out'), true);
    show($('desk'), true);
    renderEditions();
    embedTickers();
    refresh();
    clearInterval(polling);
    polling = setInterval(refresh, POLL_MS);
    clearInterval(ticking);
    ticking = setInterval(tick, 1000);
    $('headline').focus();
  }

  function renderEditions() {
    const box = $('editions');
    const checked = new Set([...box.querySelectorAll('input:checked')].map((input) => input.value));
    if (!box.children.length) checked.add(config.editions[0]);
    box.replaceChildren(...config.editions.map((code) => {
      const input = el('input', { type: 'checkbox', name: 'edition', value: code });
      input.checked = checked.has(code);
      const label = el('label');
      label.append(input, el('span', { lang: code }, t(`edition_${code}`)));
      return label;
    }));
  }

  function embedTickers() {
    const base = config.tickerUrl.replace(/\/+$/, '');
    if (!document.querySelector('script[data-widget]')) {
      document.head.append(el('script', { src: `${base}/widget.js`, 'data-widget': '' }));
    }
    $('tickers').replaceChildren(...config.editions.map((code) =>
      el('flashwire-ticker', { edition: code, src: base, 'data-edition': code })));
  }

  function selectedEditions() {
    return [...$('editions').querySelectorAll('input:checked')].map((input) => input.value);
  }

  function renderPreview() {
    const headline = $('headline').value.trim();
    const urgency = $('urgency').value;
    const list = $('preview');
    if (!config) return;
    list.replaceChildren(...selectedEditions().map((code) => {
      const line = el('li', { lang: code, dir: RTL.includes(code) ? 'rtl' : 'ltr' });
      if (FLAGS[code] && FLAGS[code][urgency]) line.append(el('span', { class: `flag ${urgency}` }, FLAGS[code][urgency]));
      line.append(el('bdi', { dir: 'auto' }, headline || '…'));
      return line;
    }));
  }

  function formChanged() {
    // One key per form fill: a double click or a retry of the same fill is the same item, never a second one.
    if (!idempotencyKey) idempotencyKey = crypto.randomUUID();
    renderPreview();
  }

  // The field is in the editor's own time zone; the API gets the instant with its zone (UTC), never a bare local time.
  // Empty: null; a value the browser cannot read as a date and time: undefined.
  function embargoTime() {
    const value = $('embargo').value;
    if (!value) return $('embargo').validity.badInput ? undefined : null;
    const at = new Date(value);
    return Number.isNaN(at.getTime()) ? undefined : at.toISOString();
  }

  function clock(iso) {
    return new Date(iso).toLocaleString(lang, { dateStyle: 'short', timeStyle: 'medium' });
  }

  function countdownText(until) {
    const left = Math.ceil((Date.parse(until) - Date.now()) / 1000);
    if (left <= 0) return t('releasing');
    const pad = (n) => String(n).padStart(2, '0');
    const hours = Math.floor(left / 3600);
    const minutes = Math.floor((left % 3600) / 60);
    const text = hours ? `${hours}:${pad(minutes)}:${pad(left % 60)}` : `${minutes}:${pad(left % 60)}`;
    return `${t('releasesIn')} ${text}`;
  }

  // Every second: the countdowns move in place (nothing else is redrawn), and an item whose time has come is asked for
  // again, so it turns live as soon as ingest has released it.
  function tick() {
    let due = false;
    document.querySelectorAll('#items .countdown').forEach((node) => {
      node.textContent = countdownText(node.dataset.until);
      if (Date.parse(node.dataset.until) <= Date.now()) due = true;
    });
    if (due && Date.now() - lastRefresh >= 1000) refresh();
  }

  async function post(event) {
    event.preventDefault();
    const button = $('post');
    if (button.disabled) return;
    show($('post-error'), false);
    const headline = $('headline').value.trim();
    const editions = selectedEditions();
    const embargo = embargoTime();
    const problem = !headline ? t('needHeadline') : !editions.length ? t('needEdition')
      : embargo === undefined ? t('embargoUnreadable') : embargo && Date.parse(embargo) <= Date.now() ? t('embargoPast') : null;
    if (problem) {
      $('post-error').textContent = problem;
      show($('post-error'), true);
      return;
    }
    if (!idempotencyKey) idempotencyKey = crypto.randomUUID();
    button.disabled = true;
    try {
      let held = null;
      for (const edition of editions) {
        const item = { headline, edition, urgency: $('urgency').value };
        if ($('link').value.trim()) item.link = $('link').value.trim();
        if ($('category').value.trim()) item.category = $('category').value.trim();
        if (embargo) item.embargoedUntil = embargo;
        const answer = await call('POST', '/v1/newsroom/items', item, { 'Idempotency-Key': `${idempotencyKey}:${edition}` });
        if (answer && answer.status === 'held') held = answer.embargoedUntil;
      }
      $('post-form').reset();
      idempotencyKey = null;
      $('editions').querySelectorAll('input').forEach((input) => { input.checked = editions.includes(input.value); });
      renderPreview();
      notice(held ? `${t('heldUntil')} ${clock(held)}` : t('posted'));
      refresh();
    } catch (error) {
      $('post-error').textContent = `${t('failed')}: ${error.message}`;
      show($('post-error'), true);
    } finally {
      button.disabled = false;
    }
  }

  async function refresh() {
    if (refreshing) return;
    refreshing = true;
    lastRefresh = Date.now();
    try {
      items = await call('GET', '/v1/newsroom/items?limit=30');
      renderItems();
    } catch (error) {
      if (error.status !== 401) notice(t('offline'));
      return;
    } finally {
      refreshing = false;
    }
    // Apart from the items: slow delivery reads never hold up the list, its states or its countdowns.
    refreshDeliveries();
  }

  function alertsOf(item) {
    return item.alerts || (item.alertId ? [{ alertId: item.alertId, kind: 'new' }] : []);
  }

  // Through ingest, which holds push-service's audit token: the page itself never talks to push-service.
  async function refreshDeliveries() {
    if (readingDeliveries) return;
    readingDeliveries = true;
    try {
      await readDeliveries();
    } finally {
      readingDeliveries = false;
    }
    renderItems();
  }

  async function readDeliveries() {
    const now = Date.now();
    const wanted = items.flatMap((item) => {
      const fresh = now - Date.parse(item.changedAt) < FRESH_MS;
      return alertsOf(item).filter((alert) => fresh || !(now - deliveriesReadAt[alert.alertId] < SETTLED_READ_MS));
    }).slice(0, MAX_ALERT_READS);
    await Promise.all(wanted.map(async (alert) => {
      try {
        deliveries[alert.alertId] = await call('GET', `/v1/newsroom/alerts/${encodeURIComponent(alert.alertId)}/deliveries`);
        deliveriesReadAt[alert.alertId] = Date.now();
      } catch (error) {
        // push-service unreachable: the counts stay as last read.
        if (!deliveries[alert.alertId]) deliveries[alert.alertId] = { unavailable: true };
      }
    }));
  }

  function deliveryText(alert) {
    const progress = deliveries[alert.alertId];
    if (progress && progress.unavailable) return t('deliveriesUnavailable');
    if (!progress || !progress.lastAt) return t('noDeliveries');
    const counts = [['matched', 'matched'], ['delivered', 'delivered'], ['retrying', 'retrying'], ['failed', 'deliveryFailed']]
      .map(([field, word]) => `${t(word)} ${progress[field] || 0}`);
    if (progress.removed) counts.push(`${t('removed')} ${progress.removed}`);
    return counts.join(' · ');
  }

  function stateOf(item) {
    return item.state;
  }

  // Items as the server lists them, and those this page canceled before their release (the server forgets them).
  function listed() {
    const known = new Set(items.map((item) => item.storyId));
    return [...canceled.filter((item) => !known.has(item.storyId)), ...items]
      .sort((a, b) => Date.parse(b.changedAt) - Date.parse(a.changedAt));
  }

  function renderItems() {
    const list = $('items');
    if (!config) return;
    // Redraw only what changed (countdowns move in place, see tick), so nothing moves under the editor.
    const signature = JSON.stringify([lang, items, deliveries, canceled]);
    if (signature === rendered) return;
    rendered = signature;
    const focused = document.activeElement && document.activeElement.dataset.focusKey;
    const all = listed();
    if (!all.length) {
      list.replaceChildren(el('li', {}, t('noItems')));
      return;
    }
    list.replaceChildren(...all.map(renderItem));
    if (focused) {
      const again = list.querySelector(`[data-focus-key="${CSS.escape(focused)}"]`);
      if (again) again.focus();
    }
  }

  function renderItem(item) {
    const state = stateOf(item);
    const line = el('li', { class: state, 'data-story-id': item.storyId });
    line.append(el('bdi', { class: 'headline', dir: 'auto', lang: item.edition }, item.headline));
    const meta = el('div', { class: 'meta' });
    meta.append(el('span', { class: `state ${state}` }, t(state)), el('span', {}, item.edition),
      el('span', {}, t(item.urgency)), el('time', { datetime: item.changedAt },
        new Date(item.changedAt).toLocaleTimeString(lang, { hour: '2-digit', minute: '2-digit', second: '2-digit' })));
    if (state === 'held') {
      meta.append(el('span', {}, t('until')), el('time', { datetime: item.embargoedUntil }, clock(item.embargoedUntil)),
        el('span', { class: 'countdown', 'data-until': item.embargoedUntil, role: 'timer' }, countdownText(item.embargoedUntil)));
    }
    line.append(meta);
    alertsOf(item).forEach((alert) => {
      const progress = el('div', { class: 'deliveries', 'data-alert-id': alert.alertId });
      progress.append(el('span', { class: 'kind' }, t(`alert_${alert.kind}`)), el('span', { class: 'counts' }, deliveryText(alert)));
      line.append(progress);
    });
    if (state !== 'killed' && state !== 'canceled') {
      const actions = el('div', { class: 'item-actions' });
      if (state === 'live' || state === 'corrected') {
        const correct = el('button', { type: 'button', class: 'correct', 'data-focus-key': `correct:${item.storyId}` }, t('correct'));
        correct.addEventListener('click', () => openAction('correct', item));
        actions.append(correct);
      }
      const kill = el('button', { type: 'button', class: 'kill', 'data-focus-key': `kill:${item.storyId}` }, t('kill'));
      kill.addEventListener('click', () => openAction('kill', item));
      actions.append(kill);
      line.append(actions);
    }
    return line;
  }

  function openAction(kind, item) {
    pendingAction = { kind, item };
    $('action-title').textContent = t(kind === 'kill' ? 'killTitle' : 'correctTitle');
    $('action-headline').textContent = item.headline;
    $('action-reason-label').textContent = t(kind === 'kill' ? 'reason' : 'note');
    $('action-confirm').textContent = t(kind === 'kill' ? 'confirmKill' : 'confirmCorrect');
    show($('action-new-headline-label'), kind === 'correct');
    $('action-new-headline').value = '';
    $('action-reason').value = '';
    show($('action-error'), false);
    $('action').showModal();
    $('action-reason').focus();
  }

  async function confirmAction(event) {
    event.preventDefault();
    const { kind, item } = pendingAction;
    const reason = $('action-reason').value.trim();
    if (!reason) {
      $('action-error').textContent = t('needReason');
      show($('action-error'), true);
      return;
    }
    const path = `/v1/newsroom/items/${encodeURIComponent(item.storyId)}`;
    try {
      if (kind === 'kill') {
        const answer = await call('POST', `${path}/kill`, { reason });
        if (answer && answer.status === 'canceled') {
          canceled = [{ ...item, state: 'canceled', changedAt: new Date().toISOString(), alerts: undefined, alertId: undefined },
            ...canceled.filter((known) => known.storyId !== item.storyId)];
          notice(t('canceledNotice'));
        }
      } else {
        const body = { note: reason };
        if ($('action-new-headline').value.trim()) body.headline = $('action-new-headline').value.trim();
        await call('POST', `${path}/corrections`, body);
      }
      $('action').close();
      refresh();
    } catch (error) {
      $('action-error').textContent = `${t('failed')}: ${error.message}`;
      show($('action-error'), true);
    }
  }

  async function start() {
    applyLanguage();
    $('language').addEventListener('change', () => {
      lang = $('language').value;
      localStorage.setItem('flashwire-newsroom-lang', lang);
      applyLanguage();
    });
    $('sign-in-form').addEventListener('submit', signIn);
    $('sign-out').addEventListener('click', signOut);
    $('post-form').addEventListener('submit', post);
    $('post-form').addEventListener('input', formChanged);
    $('post-form').addEventListener('change', formChanged);
    $('action-form').addEventListener('submit', confirmAction);
    $('action-cancel').addEventListener('click', () => $('action').close());
    try {
      await loadConfig();
    } catch (error) {
      notice(t('offline'));
    }
    applyLanguage();
    if (config && config.user) signedIn(); else await signedOut('');
  }

  start();
})();
