import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';

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

interface Prediction {
  id: string;
  area: number;
  score: number;
  dice: number | null;
  iou: number | null;
  png: string;
  timing: { encoderMs: number; decoderMs: number; cached: boolean };
}

interface DecodedMask {
  on: Uint8Array;
  fill: HTMLCanvasElement;
  outline: HTMLCanvasElement;
}

/**
 * An image with its mask layers, drawn in the browser: visibility, opacity, fill or outline, hover highlight, zoom
 * and pan all happen here without a server round trip. Masks are decoded once into coloured layers.
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
  /** Image id for segmentation requests; segmentation tools show only when set. */
  @property({ type: Number }) imageId = 0;
  /** The session's CSRF token, sent with segmentation requests (the REST API wants one from browser sessions). */
  @property() csrfToken = '';
  /** Shown instead of the segmentation tools when the visitor may not segment. */
  @property() segmentHint = '';
  @state() private tool: 'pan' | 'box' | 'positive' | 'negative' = 'pan';
  @state() private box: number[] | null = null;
  @state() private points: { x: number; y: number; positive: boolean }[] = [];
  @state() private prediction: Prediction | null = null;
  @state() private truthId: number | null = null;
  @state() private busy = false;
  @state() private segmentError = '';
  /** Milliseconds from the last prompt to its mask drawn, for users and tests. */
  lastRoundTripMs = 0;
  private predictionLayer: HTMLCanvasElement | null = null;
  private boxFrom: { x: number; y: number } | null = null;

  @query('canvas') private canvas!: HTMLCanvasElement;

  private image: HTMLImageElement | null = null;
  private decoded = new Map<number, DecodedMask>();
  private dragFrom: { x: number; y: number; panX: number; panY: number } | null = null;
  private loadedSrc = '';

  static styles = css`
    :host { display: flex; gap: var(--lumo-space-m); align-items: flex-start; flex-wrap: wrap; }
    .stage { position: relative; flex: 1 1 480px; min-width: 280px; }
    .viewport { overflow: hidden; background: #111; border-radius: var(--lumo-border-radius-m); height: min(70vh, 720px);
      display: flex; align-items: center; justify-content: center; cursor: grab; touch-action: none; }
    .viewport.dragging { cursor: grabbing; }
    canvas { image-rendering: pixelated; width: 100%; height: 100%; object-fit: contain; transform-origin: center center; }
    .toolbar { display: flex; gap: var(--lumo-space-s); align-items: center; flex-wrap: wrap; margin-bottom: var(--lumo-space-s);
      font-size: var(--lumo-font-size-s); }
.toolbar.segment { padding: 4px 6px; border-radius: var(--lumo-border-radius-m); background: var(--lumo-contrast-5pct); }
    .segment-result { color: var(--lumo-secondary-text-color); }
    select { font: inherit; padding: 2px 4px; }
    .status { position: absolute; inset: 40px 0 0 0; display: flex; align-items: center; justify-content: center; color: #ddd; pointer-events: none; }
    button { font: inherit; padding: 2px 10px; border-radius: var(--lumo-border-radius-s); border: 1px solid var(--lumo-contrast-20pct);
      background: var(--lumo-base-color); color: var(--lumo-body-text-color); cursor: pointer; }
    button[aria-pressed='true'] { background: var(--lumo-primary-color); color: var(--lumo-primary-contrast-color); }
    button:focus-visible, input:focus-visible { outline: 2px solid var(--lumo-primary-color); outline-offset: 1px; }
    .layers { flex: 0 1 430px; min-width: 260px; max-height: min(76vh, 780px); overflow: auto; font-size: var(--lumo-font-size-s); }
    table { border-collapse: collapse; width: 100%; }
    th { text-align: left; font-weight: 600; color: var(--lumo-secondary-text-color); position: sticky; top: 0; background: var(--lumo-base-color); }
    td, th { padding: 3px 6px; border-bottom: 1px solid var(--lumo-contrast-10pct); white-space: nowrap; }
    tr.hovered td { background: var(--lumo-primary-color-10pct); }
    .swatch { display: inline-block; width: 12px; height: 12px; border-radius: 3px; vertical-align: middle; }
    .match { color: var(--lumo-success-text-color); }
    .nomatch { color: var(--lumo-tertiary-text-color); }
  `;

  render() {
    const transform = `translate(${this.panX}px, ${this.panY}px) scale(${this.scale})`;
    return html`
      <div class="stage">
        <div class="toolbar" role="toolbar" aria-label="Mask display">
          <label>Opacity <input type="range" min="0" max="1" step="0.05" .value=${String(this.opacity)}
            aria-label="Mask opacity" @input=${(e: Event) => this.setOpacity(e)} /></label>
          <button aria-pressed=${this.mode === 'fill'} @click=${() => this.setMode('fill')}>Fill</button>
          <button aria-pressed=${this.mode === 'outline'} @click=${() => this.setMode('outline')}>Outline</button>
          <button @click=${() => this.zoom(1.25)} aria-label="Zoom in">+</button>
          <button @click=${() => this.zoom(0.8)} aria-label="Zoom out">−</button>
          <button @click=${this.resetView}>Fit</button>
        </div>
        ${this.imageId ? this.segmentTools() : this.segmentHint ? html`<div class="toolbar segment">${this.segmentHint}</div>` : nothing}
        <div class="viewport ${this.dragFrom ? 'dragging' : ''}" @wheel=${this.onWheel} @pointerdown=${this.onPointerDown}
             @pointermove=${this.onPointerMove} @pointerup=${this.onPointerUp} @pointerleave=${this.onPointerLeave}>
          <canvas style="transform: ${transform}" role="img" aria-label="Image with its masks"></canvas>
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

  private segmentTools() {
    const tools: [typeof this.tool, string][] = [['pan', 'Pan'], ['box', 'Draw box'], ['positive', '+ Point'], ['negative', '− Point']];
    const p = this.prediction;
    return html`
      <div class="toolbar segment" role="toolbar" aria-label="Segmentation">
        <span>Segment:</span>
        ${tools.map(([tool, label]) => html`<button aria-pressed=${this.tool === tool} @click=${() => { this.tool = tool; }}>${label}</button>`)}
        <select aria-label="Ground truth to compare with" @change=${(e: Event) => this.pickTruth((e.target as HTMLSelectElement).value)}>
          <option value="">Compare with…</option>
          ${this.masks.map(m => html`<option value=${m.id} ?selected=${this.truthId === m.id}>${m.label} #${m.instance}</option>`)}
        </select>
        <button ?disabled=${this.truthId === null} @click=${this.promptFromTruth}>Prompt from ground truth</button>
        <button @click=${this.clearPrompts}>Clear</button>
        <span class="segment-result" aria-live="polite">${this.busy ? 'Segmenting…' : this.segmentError ? this.segmentError
          : p ? html`area ${p.area.toLocaleString()} px · score ${p.score.toFixed(2)}${p.dice !== null
            ? html` · Dice <b>${p.dice.toFixed(3)}</b> · IoU ${p.iou!.toFixed(3)}` : nothing} · ${p.timing.cached
              ? 'decoder ' + p.timing.decoderMs + ' ms' : 'encoder ' + p.timing.encoderMs + ' ms + decoder ' + p.timing.decoderMs + ' ms'}`
          : 'draw a box or click points'}</span>
      </div>`;
  }

  private pickTruth(value: string) {
    this.truthId = value ? Number(value) : null;
    if (this.prediction && (this.box || this.points.length)) {
      this.runSegmentation(false);
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

  private clearPrompts() {
    this.box = null;
    this.points = [];
    this.prediction = null;
    this.predictionLayer = null;
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
          previous: refine && this.prediction ? this.prediction.id : undefined, groundTruthMaskId: this.truthId ?? undefined }),
      });
      const body = await response.json();
      if (!response.ok) {
        this.segmentError = body.detail ?? `segmentation failed (${response.status})`;
        return;
      }
      const pixels = await loadImage(body.png);
      this.predictionLayer = decode(pixels, this.image!.naturalWidth, this.image!.naturalHeight, '#ffffff').fill;
      this.prediction = body as Prediction;
      this.draw();
      this.lastRoundTripMs = performance.now() - started;
      this.dispatchEvent(new CustomEvent('segmented', { detail: { ...body, roundTripMs: this.lastRoundTripMs }, bubbles: true, composed: true }));
    } catch (error) {
      this.segmentError = 'segmentation failed: ' + error;
    } finally {
      this.busy = false;
    }
  }

  /** Image pixel under a pointer event, or null outside the image. */
  private imagePoint(event: PointerEvent): { x: number; y: number } | null {
    if (!this.image) {
      return null;
    }
    const box = this.canvas.getBoundingClientRect();
    const width = this.image.naturalWidth;
    const height = this.image.naturalHeight;
    const fit = Math.min(box.width / width, box.height / height);
    const x = Math.floor((event.clientX - (box.left + (box.width - width * fit) / 2)) / fit);
    const y = Math.floor((event.clientY - (box.top + (box.height - height * fit) / 2)) / fit);
    return x >= 0 && y >= 0 && x < width && y < height ? { x, y } : null;
  }

  updated(changed: Map<string, unknown>) {
    if ((changed.has('src') || changed.has('masks')) && (this.src !== this.loadedSrc || changed.has('masks'))) {
      this.load();
    } else {
      this.draw();
    }
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
    try {
      this.image = await loadImage(this.src);
      const width = this.image.naturalWidth;
      const height = this.image.naturalHeight;
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

  private draw() {
    if (!this.image || !this.canvas) {
      return;
    }
    const width = this.image.naturalWidth;
    const height = this.image.naturalHeight;
    if (this.canvas.width !== width || this.canvas.height !== height) {
      this.canvas.width = width;
      this.canvas.height = height;
    }
    const context = this.canvas.getContext('2d')!;
    context.globalAlpha = 1;
    context.drawImage(this.image, 0, 0);
    for (const mask of this.masks) {
      const layer = this.decoded.get(mask.id);
      if (!layer || this.hiddenMasks.has(mask.id)) {
        continue;
      }
      const highlighted = this.hovered === mask.id;
      context.globalAlpha = highlighted ? Math.min(1, this.opacity + 0.35) : this.opacity;
      context.drawImage(this.mode === 'fill' && !highlighted ? layer.fill : layer.outline, 0, 0);
      if (highlighted && this.mode === 'fill') {
        context.globalAlpha = Math.max(0.3, this.opacity);
        context.drawImage(layer.fill, 0, 0);
      }
    }
    if (this.predictionLayer) {
      context.globalAlpha = 0.55;
      context.drawImage(this.predictionLayer, 0, 0);
    }
    context.globalAlpha = 1;
    const line = Math.max(1, width / 256);
    if (this.box) {
      context.strokeStyle = '#ffffff';
      context.lineWidth = line;
      context.setLineDash([4 * line, 3 * line]);
      context.strokeRect(this.box[0], this.box[1], this.box[2] - this.box[0], this.box[3] - this.box[1]);
      context.setLineDash([]);
    }
    for (const point of this.points) {
      context.fillStyle = point.positive ? '#22c55e' : '#ef4444';
      context.beginPath();
      context.arc(point.x, point.y, 3 * line, 0, 2 * Math.PI);
      context.fill();
    }
  }

  private setOpacity(event: Event) {
    this.opacity = Number((event.target as HTMLInputElement).value);
  }

  private setMode(mode: 'fill' | 'outline') {
    this.mode = mode;
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

  private zoom(factor: number) {
    this.scale = Math.min(16, Math.max(0.25, this.scale * factor));
  }

  private resetView() {
    this.scale = 1;
    this.panX = 0;
    this.panY = 0;
  }

  private onWheel(event: WheelEvent) {
    event.preventDefault();
    this.zoom(event.deltaY < 0 ? 1.15 : 1 / 1.15);
  }

  private onPointerDown(event: PointerEvent) {
    (event.currentTarget as HTMLElement).setPointerCapture(event.pointerId);
    if (this.tool === 'pan') {
      this.dragFrom = { x: event.clientX, y: event.clientY, panX: this.panX, panY: this.panY };
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
    if (!this.image) {
      return;
    }
    // the canvas box is letterboxed (object-fit: contain): find where the image itself is drawn in it
    const box = this.canvas.getBoundingClientRect();
    const width = this.image.naturalWidth;
    const height = this.image.naturalHeight;
    const fit = Math.min(box.width / width, box.height / height);
    const left = box.left + (box.width - width * fit) / 2;
    const top = box.top + (box.height - height * fit) / 2;
    const x = Math.floor((event.clientX - left) / fit);
    const y = Math.floor((event.clientY - top) / fit);
    this.hover(this.maskAt(x, y));
  }

  /** The smallest visible mask under a pixel, so small structures win over the large ones around them. */
  private maskAt(x: number, y: number): number | null {
    if (!this.image || x < 0 || y < 0 || x >= this.image.naturalWidth || y >= this.image.naturalHeight) {
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

/** Turns a 0/255 mask PNG into which pixels are on, a filled layer and an outline layer in the mask's colour. */
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
  const fill = layer(width, height, (x, y) => on[y * width + x] === 1, r, g, b);
  const outline = layer(width, height, (x, y) => on[y * width + x] === 1 && (
    x === 0 || y === 0 || x === width - 1 || y === height - 1
    || !on[y * width + x - 1] || !on[y * width + x + 1] || !on[(y - 1) * width + x] || !on[(y + 1) * width + x]), r, g, b);
  return { on, fill, outline };
}

function layer(width: number, height: number, test: (x: number, y: number) => boolean, r: number, g: number, b: number) {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d')!;
  const image = context.createImageData(width, height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (test(x, y)) {
        const i = (y * width + x) * 4;
        image.data[i] = r;
        image.data[i + 1] = g;
        image.data[i + 2] = b;
        image.data[i + 3] = 255;
      }
    }
  }
  context.putImageData(image, 0, 0);
  return canvas;
}

function rgb(hex: string): [number, number, number] {
  const value = parseInt(hex.replace('#', ''), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}
