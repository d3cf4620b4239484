import {
  type CSSVariablesResolver,
  createTheme,
  DEFAULT_THEME,
  darken,
  luminance,
  type MantineColorsTuple,
} from '@mantine/core';

/** Deep maroon: sindoor and temple-cloth red; the primary action colour. */
const maroon: MantineColorsTuple = [
  '#fbeff0',
  '#f2dcdf',
  '#e4b5bb',
  '#d68b94',
  '#c96874',
  '#c05160',
  '#a83d4b',
  '#8f2f3c',
  '#7a1f2b',
  '#5f1420',
];

/** Marigold: accents, highlights, the garland on the wordmark. */
const marigold: MantineColorsTuple = [
  '#fff8e6',
  '#ffefc7',
  '#fde09a',
  '#fbd06a',
  '#f9c244',
  '#f5b22a',
  '#f5a524',
  '#d98c0f',
  '#c17a06',
  '#a66600',
];

/**
 * Mantine's red with darker top shades, for red text (`c="red.7"`, `c="red.8"`): Mantine's #f03e3e and
 * #e03131 read at 3.9:1 and 4.5:1 on white and less on a red-tinted row; these read at 4.6:1 or more on both.
 */
const red = [...DEFAULT_THEME.colors.red.slice(0, 7), '#d32f2f', '#c92a2a', '#a51d1d'] as unknown as MantineColorsTuple;

const FONT =
  'Inter, ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif';

export const theme = createTheme({
  primaryColor: 'maroon',
  // Filled buttons and badges pick black or white text, whichever reads at 4.5:1 on their colour
  // (0.179 is the luminance where both give the same contrast).
  autoContrast: true,
  luminanceThreshold: 0.179,
  primaryShade: { light: 8, dark: 5 },
  colors: { maroon, marigold, red },
  fontFamily: FONT,
  headings: { fontFamily: FONT, fontWeight: '700' },
  defaultRadius: 'md',
  cursorType: 'pointer',
  components: {
    Badge: { defaultProps: { radius: 'sm' } },
    Paper: { defaultProps: { radius: 'lg' } },
    Card: { defaultProps: { radius: 'lg' } },
    // The close (×) buttons of drawers and modals are icons: give them a name.
    Drawer: { defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } },
    Modal: { defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } },
  },
});

/** WCAG contrast ratio of two opaque colours. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** `fg`, darkened in small steps until it reads at WCAG AA (4.5:1, with a little margin) on every background. */
export function readableOn(fg: string, backgrounds: string[]): string {
  let colour = fg;
  for (let step = 1; step <= 20 && backgrounds.some((bg) => contrastRatio(colour, bg) < 4.6); step++) {
    colour = darken(fg, step * 0.05);
  }
  return colour;
}

const gray = DEFAULT_THEME.colors.gray;
const palette: Record<string, MantineColorsTuple> = { ...DEFAULT_THEME.colors, maroon, marigold, red };

/**
 * Text colours that read at 4.5:1 in the light scheme (Mantine's defaults give 3.3:1 for dimmed text,
 * and about 4:1 for light badges): dimmed text on white and the grey surfaces, `c="red"`-style text on
 * white, and the text of light variants (badges, light buttons) on their tinted background.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => {
  const light: Record<string, string> = {
    '--mantine-color-dimmed': readableOn(gray[6], ['#ffffff', gray[0], gray[1], maroon[1]]),
  };
  for (const [name, shades] of Object.entries(palette)) {
    light[`--mantine-color-${name}-light-color`] = readableOn(shades[9], [shades[1], shades[2]]);
    light[`--mantine-color-${name}-text`] = readableOn(shades[name === 'maroon' ? 8 : 6], ['#ffffff', gray[0]]);
  }
  return { variables: {}, light, dark: {} };
};
