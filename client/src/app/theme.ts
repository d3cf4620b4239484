import { createTheme, type MantineColorsTuple } from '@mantine/core';

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

const FONT =
  'Inter, ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif';

export const theme = createTheme({
  primaryColor: 'maroon',
  primaryShade: { light: 8, dark: 5 },
  colors: { maroon, marigold },
  fontFamily: FONT,
  headings: { fontFamily: FONT, fontWeight: '700' },
  defaultRadius: 'md',
  cursorType: 'pointer',
  components: {
    Badge: { defaultProps: { radius: 'sm' } },
    Paper: { defaultProps: { radius: 'lg' } },
    Card: { defaultProps: { radius: 'lg' } },
  },
});
