/** Colour maps for grey-scale images: each is a list of colour stops from black (0) to white (1). */
export type ColourMap = 'grey' | 'hot' | 'bone' | 'viridis' | 'jet';
export const colourMapNames: ColourMap[] = ['grey', 'hot', 'bone', 'viridis', 'jet'];

const STOPS: Record<ColourMap, [number, number, number][]> = {
  grey: [[0, 0, 0], [255, 255, 255]],
  hot: [[0, 0, 0], [230, 0, 0], [255, 210, 0], [255, 255, 255]],
  bone: [[0, 0, 0], [84, 84, 116], [167, 199, 199], [255, 255, 255]],
  viridis: [[68, 1, 84], [59, 82, 139], [33, 145, 140], [94, 201, 98], [253, 231, 37]],
  jet: [[0, 0, 131], [0, 60, 255], [0, 255, 255], [255, 255, 0], [255, 60, 0], [128, 0, 0]],
};

/**
 * For each 8-bit value, the RGB it is shown as (three entries per value): window/level first (values below
 * level - window/2 are black, above level + window/2 white, linear between), then invert, then the colour map.
 */
export function lookupTable(level: number, window: number, invert: boolean, map: ColourMap): Uint8ClampedArray {
  const table = new Uint8ClampedArray(256 * 3);
  const stops = STOPS[map];
  const low = level - window / 2;
  for (let v = 0; v < 256; v++) {
    let t = Math.min(1, Math.max(0, (v - low) / Math.max(1, window)));
    if (invert) {
      t = 1 - t;
    }
    const position = t * (stops.length - 1);
    const i = Math.min(stops.length - 2, Math.floor(position));
    const f = position - i;
    for (let c = 0; c < 3; c++) {
      table[v * 3 + c] = Math.round(stops[i][c] + (stops[i + 1][c] - stops[i][c]) * f);
    }
  }
  return table;
}

/** The values below which the given fractions of the pixels' brightness lie (for "Auto" window/level). */
export function percentiles(pixels: ImageData, low: number, high: number): [number, number] {
  const histogram = new Uint32Array(256);
  const data = pixels.data;
  for (let i = 0; i < data.length; i += 4) {
    histogram[Math.round(0.299 * data[i] + 0.587 * data[i + 1] + 0.114 * data[i + 2])]++;
  }
  const total = data.length / 4;
  let seen = 0;
  let lowValue = 0;
  let highValue = 255;
  let lowFound = false;
  for (let v = 0; v < 256; v++) {
    seen += histogram[v];
    if (!lowFound && seen >= total * low) {
      lowValue = v;
      lowFound = true;
    }
    if (seen >= total * high) {
      highValue = v;
      break;
    }
  }
  return [lowValue, Math.max(lowValue + 1, highValue)];
}
