// <flashwire-ticker edition="ar"></flashwire-ticker>: the live headlines of one Flashwire edition.
// Headline text is only ever set with textContent, never parsed as HTML.
(() => {
  const script = document.currentScript;
  const origin = script && script.src ? new URL(script.src).origin : location.origin;
  const WORDS = {
    ar: { breaking: 'عاجل', urgent: 'هام', pause: 'إيقاف مؤقت', play: 'متابعة', offline: 'غير متصل، نعيد المحاولة…', news: 'أخبار جديدة', title: 'آخر الأخبار' },
    en: { breaking: 'Breaking', urgent: 'Urgent', pause: 'Pause', play: 'Resume', offline: 'Offline, retrying…', news: 'new headlines', title: 'Latest news' }
  };
  const CSS = `
:host{display:block;font:var(--flashwire-font,inherit);color:var(--flashwire-fg,#111);background:var(--flashwire-bg,#fff);border:var(--flashwire-border,1px solid #ddd)}
header{display:flex;gap:.5em;align-items:center;padding:.25em .5em;background:var(--flashwire-header-bg,#f4f4f4)}
h2{font-size:1em;margin:0;flex:1}
button{font:inherit;cursor:pointer}
button:focus-visible,a:focus-visible{outline:2px solid var(--flashwire-accent,#c00);outline-offset:2px}
.offline{color:var(--flashwire-accent,#c00)}
ol{list-style:none;margin:0;padding:0}
li{padding:.35em .5em;border-top:1px solid var(--flashwire-rule,#eee);display:flex;gap:.5em;align-items:baseline}
a{color:inherit}
.flag{font-weight:700;color:var(--flashwire-breaking-fg,#fff);background:var(--flashwire-accent,#c00);padding:0 .3em}
.urgent .flag{background:var(--flashwire-urgent-bg,#a60)}
.breaking bdi{font-weight:700}
time{color:var(--flashwire-muted,#666);font-size:.85em;white-space:nowrap}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
@media (prefers-reduced-motion:no-preference){li.new{animation:flashwire-in .6s ease-out}}
@keyframes flashwire-in{from{background:var(--flashwire-highlight,#fff3c4)}}`;

  const el = (tag, attrs, text) => {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    if (text != null) node.textContent = text;
    return node;
  };

  class FlashwireTicker extends HTMLElement {
    connectedCallback() {
      const edition = (this.getAttribute('edition') || 'en').toLowerCase();
      this.words = WORDS[edition.split('-')[0]] || WORDS.en;
      this.lang = edition;
      this.items = [];
      this.pending = [];
      this.paused = false;
      this.lastId = null;
      this.announced = 0;
      const root = this.shadowRoot || this.attachShadow({ mode: 'open' });
      root.replaceChildren(el('style', {}, CSS));
      this.box = el('section', { lang: edition, 'aria-label': this.words.title });
      const header = el('header');
      this.status = el('span', { class: 'offline', role: 'status', hidden: '' }, this.words.offline);
      this.button = el('button', { type: 'button', 'aria-pressed': 'false' }, this.words.pause);
      this.button.addEventListener('click', () => this.togglePause());
      header.append(el('h2', {}, this.words.title), this.status, this.button);
      this.list = el('ol');
      this.live = el('p', { class: 'sr', 'aria-live': 'polite' });
      this.box.append(header, this.list, this.live);
      root.append(this.box);
      this.time = new Intl.DateTimeFormat(edition, { hour: '2-digit', minute: '2-digit',
        timeZone: this.getAttribute('time-zone') || undefined });
      this.base = this.getAttribute('src') || origin;
      this.connect();
    }

    disconnectedCallback() {
      if (this.source) this.source.close();
      clearTimeout(this.retry);
    }

    connect() {
      const url = new URL(`/v1/editions/${encodeURIComponent(this.lang)}/stream`, this.base);
      if (this.lastId) url.searchParams.set('lastEventId', this.lastId);
      const source = this.source = new EventSource(url);
      source.onopen = () => { this.status.hidden = true; this.delay = 1000; };
      source.onerror = () => {
        this.status.hidden = false;
        // A refused or failed response closes an EventSource for good: reopen it, resuming from the last id.
        if (source.readyState === EventSource.CLOSED) {
          this.delay = Math.min((this.delay || 1000) * 2, 30000);
          this.retry = setTimeout(() => this.connect(), this.delay * (0.5 + Math.random()));
        }
      };
      for (const name of ['snapshot', 'added', 'updated', 'removed']) {
        source.addEventListener(name, (event) => {
          this.lastId = event.lastEventId;
          this.receive(name, JSON.parse(event.data));
        });
      }
    }

    receive(name, data) {
      if (this.paused && name !== 'snapshot') { this.pending.push([name, data]); return; }
      this.apply(name, data);
      this.render(name === 'added' ? data.storyId : null);
    }

    apply(name, data) {
      if (name === 'snapshot') {
        this.items = data.headlines;
        this.limit = data.limit;
        this.box.dir = data.direction;
        this.pending = [];
        return;
      }
      this.items = this.items.filter((item) => item.storyId !== data.storyId);
      if (name !== 'removed') this.items.splice(Math.min(data.index, this.items.length), 0, data.headline);
      if (this.limit) this.items.length = Math.min(this.items.length, this.limit);
      if (name === 'added') this.announce(data.headline);
    }

    togglePause() {
      this.paused = !this.paused;
      this.button.setAttribute('aria-pressed', String(this.paused));
      this.button.textContent = this.paused ? this.words.play : this.words.pause;
      if (!this.paused) {
        for (const [name, data] of this.pending.splice(0)) this.apply(name, data);
        this.render(null);
      }
    }

    // Screen readers hear at most one announcement every 10 seconds, and only of breaking and urgent items.
    announce(headline) {
      if (headline.urgency === 'routine' || Date.now() - this.announced < 10000) return;
      this.announced = Date.now();
      this.live.textContent = `${this.words[headline.urgency]}: ${headline.headline}`;
    }

    render(fresh) {
      // Rows are rebuilt; a keyboard user's focus goes back to the same story's link.
      const active = this.shadowRoot.activeElement;
      const focused = active && active.closest('li') ? active.closest('li').dataset.id : null;
      const rows = this.items.map((item) => {
        const li = el('li', { class: item.urgency + (item.storyId === fresh ? ' new' : ''), 'data-id': item.storyId });
        if (item.urgency !== 'routine') li.append(el('span', { class: 'flag' }, this.words[item.urgency]));
        const text = el('bdi', { dir: 'auto', lang: item.language }, item.headline);
        const link = safeLink(item.link);
        if (link) {
          const a = el('a', { href: link, target: '_top' });
          a.append(text);
          li.append(a);
        } else {
          li.append(text);
        }
        li.append(el('time', { datetime: item.publishedAt }, this.time.format(new Date(item.publishedAt))));
        return li;
      });
      this.list.replaceChildren(...rows);
      const again = focused && rows.find((row) => row.dataset.id === focused);
      if (again && again.querySelector('a')) again.querySelector('a').focus();
    }
  }

  const safeLink = (link) => {
    try {
      const url = new URL(link);
      return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
    } catch (e) {
      return null;
    }
  };

  if (!customElements.get('flashwire-ticker')) customElements.define('flashwire-ticker', FlashwireTicker);
})();
