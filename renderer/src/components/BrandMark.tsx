/**
 * The app's mark, drawn inline (the tab's icon, renderer/public/icon.png, is this drawing at 64 px;
 * the installers' icons in assets/icons carry it too). As an <img> of an SVG, Chromium builds an
 * isolated document for the picture at every page load — main-thread work in the window's first
 * frames — and the first screen (app/firstScreen.ts) would ask for it again each time. Decorative:
 * the app's name stands beside it.
 */
export function BrandMark({ size }: { size: number }) {
  return (
    <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" width={size} height={size} aria-hidden="true" focusable="false">
      <rect width="64" height="64" rx="14" fill="#1f4e79" />
      <path d="M18 46 32 16l14 30" fill="none" stroke="#fff" strokeWidth="5" strokeLinecap="round" strokeLinejoin="round" />
      <path d="M23 36h18" stroke="#fff" strokeWidth="4" strokeLinecap="round" />
      <circle cx="46" cy="18" r="4" fill="#f2b705" />
    </svg>
  );
}
