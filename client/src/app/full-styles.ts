// The rest of Mantine's CSS, loaded on demand: main.tsx starts it right after the first paint and
// every lazy page waits for it (router.tsx), so no page paints unstyled. Same `@layer mantine` as
// shell-styles.ts; the shell's rules repeat here, which changes nothing.
import '@mantine/core/styles.layer.css';
import '@mantine/notifications/styles.layer.css';
