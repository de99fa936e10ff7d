import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';

/** One key: `target` is a CSS selector of what it clicks or focuses. */
export interface Shortcut {
  key: string;
  description: string;
  target: string;
  action: 'click' | 'focus';
}

const connected = new Set<ExplorerShortcuts>();

/** Names people read: arrows as arrows, letters in upper case. */
export function keyName(key: string): string {
  const names: Record<string, string> = { ArrowLeft: '←', ArrowRight: '→', ArrowUp: '↑', ArrowDown: '↓',
    Escape: 'Esc', Enter: 'Enter', ' ': 'Space', '/': '/', '?': '?' };
  return names[key] ?? (key.length === 1 ? key.toUpperCase() : key);
}

/**
 * Whether a key press belongs to the control it happened in: text fields, sliders, selects, lists and grids use
 * keys themselves, so a page shortcut must not fire there (← on the opacity slider is the slider's, not "previous
 * slice").
 */
export function usedByControl(event: KeyboardEvent): boolean {
  if (event.defaultPrevented) {
    return true;
  }
  for (const node of event.composedPath()) {
    if (!(node instanceof HTMLElement)) {
      continue;
    }
    const tag = node.localName;
    if (tag === 'input' || tag === 'textarea' || tag === 'select' || node.isContentEditable) {
      return true;
    }
    const role = node.getAttribute('role');
    if (role && ['slider', 'listbox', 'menu', 'menubar', 'combobox', 'spinbutton', 'textbox', 'grid', 'dialog'].includes(role)) {
      return true;
    }
    if (tag.startsWith('vaadin-') && (tag.endsWith('-field') || tag.endsWith('-box') || tag === 'vaadin-select'
        || tag === 'vaadin-dialog-overlay')) {
      return true;
    }
  }
  return false;
}

/**
 * Page keyboard shortcuts and their "?" list. Each view puts one of these on its page with its own keys; the one of
 * the page frame (`global`) also answers "?" with the list of every connected element's keys. Keys never fire while
 * a control that uses them has focus, nor with Ctrl, Alt or Meta held.
 */
@customElement('explorer-shortcuts')
export class ExplorerShortcuts extends LitElement {
  @property({ type: Array }) shortcuts: Shortcut[] = [];
  @property({ type: Boolean }) global = false;
  @state() private listOpen = false;
  private readonly onKey = (event: KeyboardEvent) => this.handle(event);

  static styles = css`
    :host { display: contents; }
    .backdrop { position: fixed; inset: 0; background: rgba(0, 0, 0, 0.45); z-index: 1000; display: flex;
      align-items: center; justify-content: center; }
    .panel { background: var(--lumo-base-color); color: var(--lumo-body-text-color); border-radius: var(--lumo-border-radius-l);
      padding: var(--lumo-space-l); max-width: min(92vw, 30rem); max-height: 80vh; overflow: auto;
      box-shadow: var(--lumo-box-shadow-l); font-family: var(--lumo-font-family); }
    h2 { margin: 0 0 var(--lumo-space-m); font-size: var(--lumo-font-size-xl); }
    table { border-collapse: collapse; width: 100%; }
    td { padding: 4px 8px; vertical-align: top; }
    kbd { display: inline-block; min-width: 1.6em; text-align: center; padding: 1px 6px; border-radius: 4px;
      border: 1px solid var(--lumo-contrast-30pct); background: var(--lumo-contrast-5pct); font-family: inherit; }
    button { font: inherit; margin-top: var(--lumo-space-m); padding: 4px 14px; border-radius: var(--lumo-border-radius-m);
      border: 1px solid var(--lumo-contrast-30pct); background: var(--lumo-contrast-5pct); color: inherit; cursor: pointer; }
  `;

  connectedCallback() {
    super.connectedCallback();
    connected.add(this);
    document.addEventListener('keydown', this.onKey);
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    connected.delete(this);
    document.removeEventListener('keydown', this.onKey);
  }

  /** Every key of the page, for the list and for tests. */
  allShortcuts(): Shortcut[] {
    const all: Shortcut[] = [];
    const globals = [...connected].filter(element => element.global);
    for (const element of [...globals, ...[...connected].filter(element => !element.global)]) {
      all.push(...element.shortcuts);
    }
    return all;
  }

  private handle(event: KeyboardEvent) {
    if (event.ctrlKey || event.metaKey || event.altKey) {
      return;
    }
    if (this.listOpen && event.key === 'Escape') {
      this.listOpen = false;
      event.preventDefault();
      return;
    }
    if (usedByControl(event)) {
      return;
    }
    if (this.global && event.key === '?') {
      this.listOpen = !this.listOpen;
      event.preventDefault();
      return;
    }
    const shortcut = this.shortcuts.find(s => s.key === event.key || s.key.length === 1 && s.key.toLowerCase() === event.key.toLowerCase() && !event.shiftKey);
    if (!shortcut) {
      return;
    }
    const target = document.querySelector(shortcut.target) as HTMLElement | null;
    if (!target || target.hasAttribute('disabled')) {
      return;
    }
    event.preventDefault();
    shortcut.action === 'focus' ? target.focus() : target.click();
  }

  render() {
    if (!this.listOpen) {
      return nothing;
    }
    return html`
      <div class="backdrop" @click=${(e: Event) => { if (e.target === e.currentTarget) { this.listOpen = false; } }}>
        <div class="panel" role="dialog" aria-modal="true" aria-labelledby="shortcuts-title">
          <h2 id="shortcuts-title">Keyboard shortcuts</h2>
          <table>
            <tbody>
              ${this.allShortcuts().map(s => html`<tr><td><kbd>${keyName(s.key)}</kbd></td><td>${s.description}</td></tr>`)}
              <tr><td><kbd>?</kbd></td><td>Show or hide this list</td></tr>
              <tr><td><kbd>Tab</kbd></td><td>The first Tab on a page reaches "Skip to content"</td></tr>
            </tbody>
          </table>
          <p>Keys do nothing while a text field, slider or list has the focus.</p>
          <button @click=${() => { this.listOpen = false; }} autofocus>Close</button>
        </div>
      </div>`;
  }

  updated() {
    if (this.listOpen) {
      (this.renderRoot.querySelector('button') as HTMLElement | null)?.focus();
    }
  }
}
