// PostCSS for the renderer build (Vite finds this file from the renderer root). nhsuk-frontend's
// CSS loads its Frutiger web font from assets.nhs.uk; the CSP allows fonts from the app only and
// the app must work offline, so those @font-face rules are dropped and the NHS stack falls back
// to Arial as the design system intends.
const dropRemoteFonts = {
  postcssPlugin: 'sonar-drop-remote-fonts',
  AtRule: {
    'font-face'(rule) {
      if (/url\(\s*["']?https?:/i.test(rule.toString())) rule.remove();
    },
  },
};

export default { plugins: [dropRemoteFonts] };
