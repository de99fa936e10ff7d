import { LitElement, css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';

type Choice = 'system' | 'dark' | 'light';
const STORAGE_KEY = 'explorer-colour-scheme';

function stored(): Choice {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return value === 'dark' || value === 'light' ? value : 'system';
  } catch {
    return 'system';
  }
}

/** Lumo reads the page's color-scheme: "light dark" follows the system setting, one value forces it. */
function apply(choice: Choice) {
  const root = document.documentElement;
  root.style.colorScheme = choice === 'system' ? 'light dark' : choice;
  const dark = choice === 'dark' || choice === 'system' && matchMedia('(prefers-color-scheme: dark)').matches;
  root.setAttribute('theme', dark ? 'dark' : 'light');
}

apply(stored());
matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => apply(stored()));

/** The colour scheme switch of the page frame: follows the system until the user picks dark or light. */
@customElement('explorer-colour-scheme')
export class ColourScheme extends LitElement {
  @state() private choice: Choice = stored();

  static styles = css`
    button { font: inherit; font-size: var(--lumo-font-size-s); padding: 4px 10px; border-radius: var(--lumo-border-radius-m);
      border: 1px solid var(--lumo-contrast-20pct); background: transparent; color: var(--lumo-body-text-color);
      cursor: pointer; white-space: nowrap; }
    button:focus-visible { outline: 2px solid var(--lumo-primary-color); outline-offset: 1px; }
    .icon { display: none; }
    @media (max-width: 760px) { .text { display: none; } .icon { display: inline; } }
  `;

  render() {
    const next: Record<Choice, Choice> = { system: 'dark', dark: 'light', light: 'system' };
    const label: Record<Choice, string> = { system: 'Theme: system', dark: 'Theme: dark', light: 'Theme: light' };
    return html`<button id="colour-scheme" aria-label="${label[this.choice]}; change to ${next[this.choice]}"
      title="Colour scheme: follows the system, or dark, or light"
      @click=${() => this.pick(next[this.choice])}><span class="icon" aria-hidden="true">◐</span><span
      class="text">${label[this.choice]}</span></button>`;
  }

  private pick(choice: Choice) {
    this.choice = choice;
    try {
      choice === 'system' ? localStorage.removeItem(STORAGE_KEY) : localStorage.setItem(STORAGE_KEY, choice);
    } catch {
      // storage may be off; the choice then lasts for this page
    }
    apply(choice);
  }
}
