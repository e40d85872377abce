// Why this file exists: it paints the screen the window last drew — kept by the backend and written
// into this page as a template (electron/shell/renderer-files.ts) — before any of the app's code
// has loaded, and takes it away the moment the app has drawn its own rows. A plain script (no
// module, nothing imported), written inline into the page after the screen (the page's CSP allows
// exactly its text by hash) and run while the page is parsed, so the first frame has it.
//
// The screen lives in a closed shadow root over the page: inert and hidden from assistive
// technology (the app beneath is what takes focus and is read), out of reach of the app's queries.
// The page's CSP refuses style attributes, so the screen's inline styles arrive as data-first-style
// and are set through the CSSOM; the style rules it needs arrive with it, already pointed at the
// screen's own root element where they were written for :root, html or body.
(function () {
  'use strict';
  var started = performance.now();
  var template = document.getElementById('first-screen');
  var stylesData = document.getElementById('first-screen-styles');
  var root = document.getElementById('root');
  if (!template || !root) return;
  var route = template.getAttribute('data-route');
  var scheme = template.getAttribute('data-scheme');
  var followsSystem = template.getAttribute('data-system') === 'true';
  // Another address, or the system's colours changed since: the app draws the page on its own.
  if (route !== location.hash || (followsSystem && matchMedia('(prefers-color-scheme: dark)').matches !== (scheme === 'dark'))) return;

  // The rules that can match the screen, taken with it (renderer/src/app/firstScreenStyles.ts):
  // nothing here waits for the page's own style sheets, which the page loads after the screen.
  var sheet = new CSSStyleSheet();
  try {
    sheet.replaceSync(stylesData ? JSON.parse(stylesData.textContent || '""') : '');
  } catch {
    return;
  }

  var host = document.createElement('div');
  host.id = 'first-screen-host';
  host.setAttribute('aria-hidden', 'true');
  host.inert = true;
  host.style.cssText = 'position:fixed;inset:0;z-index:2147483000;pointer-events:none;overflow:hidden';
  var shadow = host.attachShadow({ mode: 'closed' });
  shadow.adoptedStyleSheets = [sheet];
  var page = document.createElement('div');
  page.className = 'first-screen-document';
  page.setAttribute('data-mantine-color-scheme', scheme);
  page.style.cssText = 'position:absolute;inset:0;overflow:hidden';
  var appRoot = document.createElement('div');
  appRoot.id = 'root';
  appRoot.appendChild(template.content.cloneNode(true));
  var styled = appRoot.querySelectorAll('[data-first-style]');
  for (var k = 0; k < styled.length; k++) styled[k].style.cssText = styled[k].getAttribute('data-first-style');
  page.appendChild(appRoot);
  shadow.appendChild(page);
  document.documentElement.setAttribute('data-mantine-color-scheme', scheme);
  document.documentElement.lang = template.getAttribute('data-lang') || document.documentElement.lang;
  document.body.appendChild(host);
  // When, and what it cost (the benchmark reads both).
  host.setAttribute('data-shown', String(performance.now()));
  host.setAttribute('data-took', String(performance.now() - started));

  // Away as soon as the app has drawn rows, anything in their place (a dialog, an error), or the
  // address changed; and in any case after a while, should the app draw something else entirely.
  var FIRST_ROW = '[role="grid"] [role="row"][aria-rowindex="2"]:not([aria-busy])';
  var observer;
  var timer;
  function done() {
    observer.disconnect();
    clearTimeout(timer);
    window.removeEventListener('hashchange', done);
    whenStyled(function () {
      host.remove();
    });
  }
  // The page's own style sheets come after the screen: it stays until they have arrived, so the
  // app is never seen without them.
  function whenStyled(then) {
    var links = document.querySelectorAll('link[rel="stylesheet"]');
    var left = 0;
    function one() {
      if (--left === 0) then();
    }
    for (var i = 0; i < links.length; i++) {
      if (links[i].sheet) continue;
      left++;
      links[i].addEventListener('load', one);
      links[i].addEventListener('error', one);
    }
    if (left === 0) then();
  }
  observer = new MutationObserver(function () {
    if (root.querySelector(FIRST_ROW) || document.querySelector('[role="dialog"], [role="alertdialog"], [role="alert"]')) done();
  });
  observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-busy'] });
  window.addEventListener('hashchange', done);
  timer = setTimeout(done, 15000);
})();
