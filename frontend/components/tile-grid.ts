import { LitElement } from 'lit';
import { customElement } from 'lit/decorators.js';

/** How many tiles fit side by side in a grid this wide (tiles stay between about 150 and 330 px). */
export function columnsFor(width: number): number {
  return width < 320 ? 1 : width < 600 ? 2 : width < 880 ? 3 : 4;
}

/**
 * The address with {@code at} set to this tile (left out for the first), the rest of its query exactly as the
 * server wrote it: URLSearchParams would re-encode every value (a space as "+"), so the same state would have two
 * addresses.
 */
export function withAt(href: string, at: number): string {
  const url = new URL(href);
  const kept = url.search.replace(/^\?/, '').split('&').filter(part => part !== '' && !part.startsWith('at='));
  if (at > 0) {
    kept.push('at=' + at);
  }
  url.search = kept.length > 0 ? '?' + kept.join('&') : '';
  return url.toString();
}

/**
 * The browser side of the explore grid, around the server's virtual list of tile rows (light DOM): it reports how
 * many columns fit, keeps the first visible tile in the URL ({@code at}) and in every tile link (so the image
 * page's "Back to results" returns there), and makes the grid one Tab stop whose tiles the arrow keys walk.
 */
@customElement('explorer-tile-grid')
export class TileGridElement extends LitElement {
  private columns = 0;
  private active = 0;
  private scrollTimer = 0;
  private readonly resize = new ResizeObserver(() => this.measure());
  private readonly mutations = new MutationObserver(() => this.keepOneTabStop());

  createRenderRoot() {
    return this;
  }

  connectedCallback() {
    super.connectedCallback();
    this.resize.observe(this);
    this.mutations.observe(this, { childList: true, subtree: true });
    this.addEventListener('scroll', () => this.scrolled(), true);
    this.addEventListener('click', event => this.clicked(event), true);
    this.addEventListener('keydown', event => this.key(event));
    this.addEventListener('focusin', event => {
      const tile = (event.target as HTMLElement).closest?.('a.tile') as HTMLElement | null;
      if (tile) {
        this.active = Number(tile.dataset.index);
        this.keepOneTabStop();
      }
    });
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.resize.disconnect();
    this.mutations.disconnect();
  }

  private get list(): (HTMLElement & { scrollToIndex(index: number): void }) | null {
    return this.querySelector('vaadin-virtual-list');
  }

  private rowHeight(): number {
    const row = this.querySelector('.tile-row') as HTMLElement | null;
    return row && row.offsetHeight > 0 ? row.offsetHeight : 276;
  }

  private measure() {
    const columns = columnsFor(this.clientWidth);
    if (columns !== this.columns && this.clientWidth > 0) {
      this.columns = columns;
      this.dispatchEvent(new CustomEvent('columns-changed', { detail: { columns } }));
    }
  }

  /**
   * The first tile of the first row in view, read from the drawn rows: the list's scrollTop is no row count, as the
   * virtual list shifts its rows to keep millions of them within the browser's scroll range.
   */
  firstVisibleTile(): number {
    const list = this.list;
    if (!list) {
      return 0;
    }
    const top = list.getBoundingClientRect().top + 1;
    let first: number | null = null;
    let firstTop = Infinity;
    for (const row of Array.from(list.querySelectorAll('.tile-row'))) {
      const box = row.getBoundingClientRect();
      const tile = row.querySelector('a.tile') as HTMLElement | null;
      if (tile && box.height > 0 && box.bottom > top && box.top < firstTop) {
        firstTop = box.top;
        first = Number(tile.dataset.index);
      }
    }
    return first ?? Math.floor(list.scrollTop / this.rowHeight()) * Math.max(1, this.columns);
  }

  /** Scrolls so the row holding this tile is at the top (the server asks after drawing the grid). */
  scrollToTile(tile: number, columns: number) {
    this.active = tile;
    const row = Math.floor(tile / Math.max(1, columns));
    if (row === 0) {
      return;
    }
    // rows arrive from the server after the first scroll, and until then the list places them by a guessed
    // height: scroll again each frame until the row is drawn at the top (or a second has passed, near the end)
    let frames = 0;
    const settle = () => {
      const list = this.list;
      if (!list) {
        return;
      }
      list.scrollToIndex(row);
      const drawn = this.querySelector(`a.tile[data-index='${row * columns}']`)?.closest('.tile-row');
      const atTop = drawn && Math.abs(drawn.getBoundingClientRect().top - list.getBoundingClientRect().top) < 2;
      if (!atTop && ++frames < 60) {
        requestAnimationFrame(settle);
      }
    };
    requestAnimationFrame(settle);
  }

  private scrolled() {
    clearTimeout(this.scrollTimer);
    this.scrollTimer = window.setTimeout(() => {
      if (!this.querySelector('.tile-row a.tile')) {
        return; // rows not drawn yet (a scroll the grid made itself): the address already says where it goes
      }
      window.history.replaceState(window.history.state, '', withAt(window.location.href, this.firstVisibleTile()));
    }, 250);
  }

  /** A tile link carries where the grid stands, so going back returns to the same place. */
  private clicked(event: Event) {
    const tile = (event.target as HTMLElement).closest('a.tile') as HTMLAnchorElement | null;
    if (tile) {
      tile.href = withAt(tile.href, this.firstVisibleTile());
    }
  }

  private tiles(): HTMLElement[] {
    return Array.from(this.querySelectorAll('a.tile')) as HTMLElement[];
  }

  /** Exactly one tile is in the Tab order: the active one when it is drawn, else the first drawn. */
  private keepOneTabStop() {
    const tiles = this.tiles();
    const chosen = tiles.find(t => Number(t.dataset.index) === this.active) ?? tiles[0];
    for (const tile of tiles) {
      const index = tile === chosen ? '0' : '-1';
      if (tile.getAttribute('tabindex') !== index) {
        tile.setAttribute('tabindex', index);
      }
    }
  }

  focus() {
    this.moveTo(this.tiles().some(t => Number(t.dataset.index) === this.active) ? this.active : this.firstVisibleTile());
  }

  private key(event: KeyboardEvent) {
    if (event.ctrlKey || event.metaKey || event.altKey) {
      return;
    }
    const columns = Math.max(1, this.columns);
    const moves: Record<string, number> = { ArrowRight: 1, ArrowLeft: -1, ArrowDown: columns, ArrowUp: -columns,
      PageDown: columns * 3, PageUp: -columns * 3 };
    let target: number | null = null;
    if (event.key in moves) {
      target = this.active + moves[event.key];
    } else if (event.key === 'Home') {
      target = 0;
    }
    if (target === null) {
      return;
    }
    event.preventDefault();
    this.moveTo(Math.max(0, target));
  }

  /** Focuses a tile, scrolling it into view and waiting for its row to be drawn when it is not yet. */
  private moveTo(index: number, attempts = 60) {
    const tile = this.tiles().find(t => Number(t.dataset.index) === index);
    if (tile) {
      this.active = index;
      this.keepOneTabStop();
      tile.focus();
      tile.scrollIntoView({ block: 'nearest' });
      return;
    }
    const last = Math.max(...this.tiles().map(t => Number(t.dataset.index)), -1);
    if (attempts === 60) {
      this.list?.scrollToIndex(Math.floor(index / Math.max(1, this.columns)));
    }
    if (attempts > 0 && !(index > last && this.tiles().length > 0 && attempts < 30)) {
      requestAnimationFrame(() => this.moveTo(index, attempts - 1));
    }
  }
}
