// The first script the page runs, before the main one has even arrived
// (index.html): it sends the window's first question, so that the answer is
// on its way while the main script loads and runs (issue 17). Plain script
// from public/, not bundled: Vite folds every module of index.html into the
// main script. src/api/app.ts's appStart takes the answer, once.
if (window.__TAURI_INTERNALS__) {
  window.__zhibuEarlyStart = window.__TAURI_INTERNALS__.invoke('app_start', {})
  // Its failure is the first appStart's to report, not an unhandled one.
  window.__zhibuEarlyStart.catch(function () {})
}
