// Why this file exists: it paints the screen the window last drew — kept by the backend and written
// into this page as <template id="first-screen"> (electron/shell/renderer-files.ts) — before any of
// the app's code has loaded, and takes it away the moment the app has drawn its own rows. A plain
// script (no module, nothing imported) run while the page is parsed, so the first frame has it.
//
// The screen lives in a closed shadow root over the page: inert and hidden from assistive
// technology (the app beneath is what takes focus and is read), out of reach of the app's queries.
// The page's CSP refuses style attributes, so the screen's inline styles arrive as data-first-style
// and are set through the CSSOM; the page's style sheets are copied into the shadow root with the
// document's :root, html and body rules pointed at the screen's own root element.
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

  var ROOTS_TEXT = ':root\\b|(^|[\\s,>+~(])(html|body)(?=$|[\\s,.:[>+~)#])';
  var ROOTS = new RegExp(ROOTS_TEXT);
  var ROOTS_ALL = new RegExp(ROOTS_TEXT, 'g');
  function selector(text) {
    return text.replace(ROOTS_ALL, function (_match, before) {
      return (before || '') + '.first-screen-document';
    });
  }
  // Only rules that can match something on the screen are copied: a rule whose every selector
  // needs a class the screen does not have is left out (most of a component library's rules).
  // Conservative: a selector this cannot read plainly (escapes, :is/:where/:has) is kept.
  var used = Object.create(null);
  used['first-screen-document'] = true;
  var classed = template.content.querySelectorAll('[class]');
  for (var c = 0; c < classed.length; c++) {
    for (var n = 0; n < classed[c].classList.length; n++) used[classed[c].classList[n]] = true;
  }
  var CLASS = /\.(-?[_a-zA-Z][_a-zA-Z0-9-]*)/g;
  function withoutNegations(text) {
    var out = '';
    for (var i = 0; i < text.length; i++) {
      if (text.startsWith(':not(', i)) {
        var depth = 0;
        for (i += 4; i < text.length; i++) {
          if (text[i] === '(') depth++;
          else if (text[i] === ')' && --depth === 0) break;
        }
      } else out += text[i];
    }
    return out;
  }
  function mayMatch(text) {
    if (text.indexOf('\\') >= 0 || /:(is|where|has|matches|-webkit-any)\(/.test(text)) return true;
    // Attribute values may hold dots and commas: out of the way first.
    var parts = text.replace(/\[[^\]]*\]/g, '[]').split(',');
    for (var p = 0; p < parts.length; p++) {
      var part = withoutNegations(parts[p]);
      var all = true;
      var m;
      CLASS.lastIndex = 0;
      while ((m = CLASS.exec(part))) {
        if (!used[m[1]]) {
          all = false;
          break;
        }
      }
      if (all) return true;
    }
    return false;
  }
  function copyRules(rules, out) {
    for (var i = 0; i < rules.length; i++) {
      var rule = rules[i];
      if (rule instanceof CSSStyleRule && !mayMatch(rule.selectorText)) continue;
      if (rule instanceof CSSStyleRule && !(rule.cssRules && rule.cssRules.length) && !ROOTS.test(rule.selectorText)) {
        // Most rules: copied as they are.
        out.push(rule.cssText);
      } else if (rule instanceof CSSStyleRule) {
        out.push(selector(rule.selectorText) + '{' + rule.style.cssText + '}');
        if (rule.cssRules && rule.cssRules.length) {
          out.push(selector(rule.selectorText) + '{');
          copyRules(rule.cssRules, out);
          out.push('}');
        }
      } else if (rule instanceof CSSMediaRule) {
        out.push('@media ' + rule.media.mediaText + '{');
        copyRules(rule.cssRules, out);
        out.push('}');
      } else if (typeof CSSSupportsRule !== 'undefined' && rule instanceof CSSSupportsRule) {
        out.push('@supports ' + rule.conditionText + '{');
        copyRules(rule.cssRules, out);
        out.push('}');
      } else if (typeof CSSLayerBlockRule !== 'undefined' && rule instanceof CSSLayerBlockRule) {
        out.push('@layer ' + rule.name + '{');
        copyRules(rule.cssRules, out);
        out.push('}');
      } else {
        out.push(rule.cssText);
      }
    }
  }

  var css = [];
  for (var s = 0; s < document.styleSheets.length; s++) {
    try {
      copyRules(document.styleSheets[s].cssRules, css);
    } catch {
      // A sheet that cannot be read is left out.
    }
  }
  var kept = new CSSStyleSheet();
  try {
    kept.replaceSync(stylesData ? JSON.parse(stylesData.textContent || '""') : '');
  } catch {
    return;
  }
  copyRules(kept.cssRules, css);
  var sheet = new CSSStyleSheet();
  sheet.replaceSync(css.join('\n'));

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
    host.remove();
  }
  observer = new MutationObserver(function () {
    if (root.querySelector(FIRST_ROW) || document.querySelector('[role="dialog"], [role="alertdialog"], [role="alert"]')) done();
  });
  observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-busy'] });
  window.addEventListener('hashchange', done);
  timer = setTimeout(done, 15000);
})();
