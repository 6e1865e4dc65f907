/**
 * PLP Studio's look: calm indigo on cool neutrals, 16px body text, generous spacing.
 *
 * Contrast was checked (WCAG 2.x ratios) for both schemes: body text ≥ 12:1, dimmed text
 * 6.2:1 on white and 6.5:1 on the dark body, white text on filled primary buttons 5.0:1
 * (light, indigo 7) and 5.7:1 (dark, indigo 8). Mantine's default dimmed grey (3.3:1) is too
 * faint for a projector, hence the override in `cssVariablesResolver`.
 */
import { createTheme, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';

/** Cool, slightly blue greys for the dark scheme (Mantine's default is a neutral grey). */
const dark: MantineColorsTuple = ['#d9dbe1', '#bcc0c9', '#a3a8b3', '#6b7080', '#4a4f5c', '#3a3e48', '#2c2f37', '#22252b', '#1b1d22', '#141519'];

export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: { light: 7, dark: 8 },
  colors: { dark },
  defaultRadius: 'md',
  cursorType: 'pointer',
  focusRing: 'auto',
  fontFamily: '"Segoe UI Variable Text", "Segoe UI", system-ui, -apple-system, BlinkMacSystemFont, "Helvetica Neue", Roboto, "DejaVu Sans", sans-serif',
  fontFamilyMonospace: '"Cascadia Mono", "SF Mono", Menlo, Consolas, "DejaVu Sans Mono", monospace',
  fontSizes: { xs: '0.8125rem', sm: '0.9375rem', md: '1rem', lg: '1.125rem', xl: '1.25rem' },
  lineHeights: { xs: '1.4', sm: '1.45', md: '1.55', lg: '1.55', xl: '1.6' },
  headings: {
    fontFamily: '"Segoe UI Variable Display", "Segoe UI", system-ui, -apple-system, BlinkMacSystemFont, "Helvetica Neue", Roboto, "DejaVu Sans", sans-serif',
    fontWeight: '650',
    sizes: {
      h1: { fontSize: '1.75rem', lineHeight: '1.25' },
      h2: { fontSize: '1.375rem', lineHeight: '1.3' },
      h3: { fontSize: '1.125rem', lineHeight: '1.35' },
      h4: { fontSize: '1rem', lineHeight: '1.4' },
    },
  },
  components: {
    Tooltip: { defaultProps: { openDelay: 350, withArrow: true, multiline: true, maw: 320 } },
    Badge: { defaultProps: { radius: 'sm', tt: 'none', fw: 600 } },
    Table: { defaultProps: { verticalSpacing: 'sm', horizontalSpacing: 'md', fz: 'sm' } },
    Modal: {
      defaultProps: { centered: true, radius: 'lg', padding: 'xl', size: 'md', overlayProps: { backgroundOpacity: 0.45, blur: 2 } },
      styles: { title: { fontSize: 'var(--mantine-font-size-lg)', fontWeight: 650, lineHeight: 1.35 } },
    },
    // A modal's header is not the page's banner: a <header> there would be a second banner landmark.
    ModalHeader: { defaultProps: { component: 'div' } },
    Notification: { defaultProps: { radius: 'md', withBorder: true } },
  },
});

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {
    '--plp-header-height': '4.25rem',
  },
  light: {
    '--mantine-color-text': '#1b1f27',
    '--mantine-color-dimmed': '#5a6270',
    '--mantine-color-body': '#ffffff',
    '--plp-surface-muted': '#f6f7f9',
    '--plp-surface-raised': '#ffffff',
    '--plp-border': '#e1e4ea',
    '--plp-accent-soft': 'var(--mantine-color-indigo-0)',
    '--plp-hover': 'var(--mantine-color-gray-1)',
    '--plp-dirty-bg': 'var(--mantine-color-orange-0)',
    '--plp-dirty-border': 'var(--mantine-color-orange-3)',
    '--plp-dirty-dot': 'var(--mantine-color-orange-7)',
    '--plp-rank-color': 'var(--mantine-color-indigo-8)',
    '--plp-meter-off': 'var(--mantine-color-gray-3)',
    '--plp-dashed': 'var(--mantine-color-gray-4)',
    '--plp-chip-bg': 'var(--mantine-color-gray-1)',
    '--plp-high-bg': 'var(--mantine-color-red-0)',
    '--plp-nav-active-bg': 'var(--mantine-color-indigo-1)',
    '--plp-nav-active-color': 'var(--mantine-color-indigo-9)',
  },
  dark: {
    '--mantine-color-text': 'var(--mantine-color-dark-0)',
    '--mantine-color-dimmed': 'var(--mantine-color-dark-2)',
    '--mantine-color-body': 'var(--mantine-color-dark-7)',
    '--plp-surface-muted': 'var(--mantine-color-dark-8)',
    '--plp-surface-raised': 'var(--mantine-color-dark-6)',
    '--plp-border': 'var(--mantine-color-dark-5)',
    '--plp-accent-soft': 'rgba(76, 110, 245, 0.2)',
    '--plp-hover': 'var(--mantine-color-dark-5)',
    '--plp-dirty-bg': 'rgba(255, 146, 43, 0.14)',
    '--plp-dirty-border': 'rgba(255, 146, 43, 0.45)',
    '--plp-dirty-dot': 'var(--mantine-color-orange-4)',
    '--plp-rank-color': 'var(--mantine-color-indigo-2)',
    '--plp-meter-off': 'var(--mantine-color-dark-4)',
    '--plp-dashed': 'var(--mantine-color-dark-4)',
    '--plp-chip-bg': 'rgba(255, 255, 255, 0.08)',
    '--plp-high-bg': 'rgba(250, 82, 82, 0.2)',
    '--plp-nav-active-bg': 'rgba(76, 110, 245, 0.22)',
    '--plp-nav-active-color': 'var(--mantine-color-indigo-1)',
  },
});
