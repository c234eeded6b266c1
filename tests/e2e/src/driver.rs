//! A small W3C WebDriver client for tauri-driver (which forwards to
//! WebKitWebDriver). Plain HTTP keeps the harness free of browser-download
//! machinery; only the calls the flows need are here.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use base64::Engine;
use serde_json::{json, Value};

const ELEMENT_KEY: &str = "element-6066-11e4-a52e-4f735466cecf";
/// W3C WebDriver key codes.
const BACKSPACE: char = '\u{E003}';
pub const ENTER: char = '\u{E007}';
pub const TIMEOUT: Duration = Duration::from_secs(20);

pub type Result<T> = std::result::Result<T, String>;

pub struct Session {
    agent: ureq::Agent,
    base: String,
    id: String,
    shots: PathBuf,
    prefix: String,
}

#[derive(Clone, Debug)]
pub struct Element(String);

impl Session {
    /// Launches the app through the driver at `driver_url` with `args`.
    pub fn start(
        driver_url: &str,
        app: &Path,
        args: &[String],
        shots: &Path,
        prefix: &str,
    ) -> Result<Session> {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(Duration::from_secs(90)))
            .build()
            .into();
        // No browserName: WebKitGTK reports its own and the session would fail.
        let caps = json!({
            "capabilities": { "alwaysMatch": {
                "tauri:options": { "application": app.display().to_string(), "args": args }
            }}
        });
        let mut session = Session {
            agent,
            base: driver_url.trim_end_matches('/').to_string(),
            id: String::new(),
            shots: shots.to_path_buf(),
            prefix: prefix.to_string(),
        };
        let value = session.request("POST", "/session", Some(caps))?;
        session.id = value["sessionId"]
            .as_str()
            .ok_or_else(|| format!("no sessionId in {value}"))?
            .to_string();
        // ZHIBU_E2E_WINDOW=1366x768 walks the flows at another laptop's size
        // (the app opens at 1200×800).
        if let Some((w, h)) = std::env::var("ZHIBU_E2E_WINDOW")
            .ok()
            .and_then(|v| {
                v.split_once('x')
                    .map(|(w, h)| (w.parse::<u32>(), h.parse::<u32>()))
            })
            .and_then(|(w, h)| Some((w.ok()?, h.ok()?)))
        {
            let path = session.s("/window/rect");
            session.request("POST", &path, Some(json!({ "width": w, "height": h })))?;
        }
        Ok(session)
    }

    fn request(&self, method: &str, path: &str, body: Option<Value>) -> Result<Value> {
        let url = format!("{}{}", self.base, path);
        let response = match (method, body) {
            ("GET", _) => self.agent.get(&url).call(),
            ("DELETE", _) => self.agent.delete(&url).call(),
            (_, Some(b)) => self.agent.post(&url).send_json(&b),
            (_, None) => self.agent.post(&url).send_json(json!({})),
        };
        let mut response = response.map_err(|e| format!("{method} {path}: {e}"))?;
        let status = response.status();
        let value: Value = response
            .body_mut()
            .read_json()
            .map_err(|e| format!("{method} {path}: unreadable reply: {e}"))?;
        if !status.is_success() {
            return Err(format!("{method} {path}: {status}: {}", value["value"]));
        }
        Ok(value["value"].clone())
    }

    fn s(&self, path: &str) -> String {
        format!("/session/{}{}", self.id, path)
    }

    pub fn find_all(&self, css: &str) -> Result<Vec<Element>> {
        let v = self.request(
            "POST",
            &self.s("/elements"),
            Some(json!({"using": "css selector", "value": css})),
        )?;
        Ok(v.as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|e| e[ELEMENT_KEY].as_str().map(|s| Element(s.to_string())))
                    .collect()
            })
            .unwrap_or_default())
    }

    /// Waits until `css` matches a displayed element.
    pub fn wait(&self, css: &str) -> Result<Element> {
        self.wait_every(css, Duration::from_millis(150))
    }

    /// `wait`, looking every `every`: the start-up benchmark looks often, so
    /// that what it measures is the program and not the gap between looks.
    pub fn wait_every(&self, css: &str, every: Duration) -> Result<Element> {
        let start = Instant::now();
        loop {
            for e in self.find_all(css)? {
                if self.displayed(&e).unwrap_or(false) {
                    return Ok(e);
                }
            }
            if start.elapsed() > TIMEOUT {
                return Err(format!(
                    "nothing visible matches `{css}` after {TIMEOUT:?} (at {})",
                    self.whereabouts()
                ));
            }
            std::thread::sleep(every);
        }
    }

    /// Waits until the element at `css` shows text containing `needle`.
    pub fn wait_text(&self, css: &str, needle: &str) -> Result<String> {
        let start = Instant::now();
        loop {
            if let Ok(e) = self.wait(css) {
                // Vue may replace the element between finding and reading it
                // (a list reloaded, a second message): find it again.
                let text = match self.text(&e) {
                    Err(err) if stale(&err) && start.elapsed() < TIMEOUT => {
                        std::thread::sleep(Duration::from_millis(150));
                        continue;
                    }
                    other => other?,
                };
                if text.contains(needle) {
                    return Ok(text);
                }
                if start.elapsed() > TIMEOUT {
                    return Err(format!(
                        "`{css}` shows {text:?}, expected it to contain {needle:?}"
                    ));
                }
            }
            if start.elapsed() > TIMEOUT {
                return Err(format!(
                    "`{css}` never appeared (at {})",
                    self.whereabouts()
                ));
            }
            std::thread::sleep(Duration::from_millis(150));
        }
    }

    /// What the first input matching `css` holds now ("" when there is none).
    fn value(&self, css: &str) -> Result<String> {
        let value = self.execute(&format!(
            "const e = document.querySelector({css:?}); return e ? e.value : null;"
        ))?;
        Ok(value.as_str().unwrap_or_default().to_string())
    }

    /// Waits until the input at `css` holds `needle` (inputs have no text).
    pub fn wait_value(&self, css: &str, needle: &str) -> Result<String> {
        let start = Instant::now();
        loop {
            let value = self.value(css)?;
            if value.contains(needle) {
                return Ok(value);
            }
            if start.elapsed() > TIMEOUT {
                return Err(format!(
                    "`{css}` holds {value:?}, expected it to contain {needle:?}"
                ));
            }
            std::thread::sleep(Duration::from_millis(150));
        }
    }

    /// Waits until nothing displayed matches `css` (a dialog closed), or
    /// fails early with the text of `error` when that shows instead.
    pub fn wait_gone(&self, css: &str, error: &str) -> Result<()> {
        let start = Instant::now();
        loop {
            let shown = |sel: &str| -> Result<Option<Element>> {
                for e in self.find_all(sel)? {
                    if self.displayed(&e).unwrap_or(false) {
                        return Ok(Some(e));
                    }
                }
                Ok(None)
            };
            if shown(css)?.is_none() {
                return Ok(());
            }
            if let Some(e) = shown(error)? {
                return Err(format!("`{css}` stayed, showing: {}", self.text(&e)?));
            }
            if start.elapsed() > TIMEOUT {
                return Err(format!("`{css}` still shown after {TIMEOUT:?}"));
            }
            std::thread::sleep(Duration::from_millis(150));
        }
    }

    /// Waits until the element at `css` no longer shows `needle` (a list
    /// narrowed by a search, a message gone).
    pub fn wait_without(&self, css: &str, needle: &str) -> Result<()> {
        let start = Instant::now();
        loop {
            let text = self.text(&self.wait(css)?)?;
            if !text.contains(needle) {
                return Ok(());
            }
            if start.elapsed() > TIMEOUT {
                return Err(format!("`{css}` still shows {needle:?}"));
            }
            std::thread::sleep(Duration::from_millis(150));
        }
    }

    /// Whether the element is shown, after scrolling it into view (long
    /// dialogs put fields below the fold, where WebKit reports them hidden).
    pub fn displayed(&self, e: &Element) -> Result<bool> {
        self.execute_on(e, "arguments[0].scrollIntoView({ block: 'center' })")?;
        Ok(self
            .request("GET", &self.s(&format!("/element/{}/displayed", e.0)), None)?
            .as_bool()
            .unwrap_or(false))
    }

    fn enabled(&self, e: &Element) -> Result<bool> {
        Ok(self
            .request("GET", &self.s(&format!("/element/{}/enabled", e.0)), None)?
            .as_bool()
            .unwrap_or(true))
    }

    /// Where the window is and what error it shows, for a failure message.
    fn whereabouts(&self) -> String {
        self.execute(
            "const shown = [...document.querySelectorAll('.el-alert--error, .el-message, .el-form-item__error')]
               .map(e => e.innerText.trim()).filter(t => t);
             return location.hash + (shown.length ? ' showing ' + shown.join(' | ') : '');",
        )
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
    }

    /// The element's rendered text. Read through `innerText` because
    /// WebKitWebDriver's own text call returns "" for Element Plus tables.
    pub fn text(&self, e: &Element) -> Result<String> {
        let v = self.execute_on(e, "return arguments[0].innerText")?;
        Ok(v.as_str().unwrap_or_default().to_string())
    }

    /// Runs `script` with the element as `arguments[0]`.
    fn execute_on(&self, e: &Element, script: &str) -> Result<Value> {
        self.request(
            "POST",
            &self.s("/execute/sync"),
            Some(json!({ "script": script, "args": [{ ELEMENT_KEY: e.0 }] })),
        )
    }

    /// Clicks the element at `css`. A click that lands on an overlay still
    /// fading out (loading mask, dialog transition) is retried until the
    /// element itself receives it.
    pub fn click(&self, css: &str) -> Result<()> {
        let start = Instant::now();
        loop {
            let e = self.wait(css)?;
            // A button busy with an earlier call (Element Plus `loading`) is
            // disabled: a click on it does nothing, so wait as a person would.
            // One re-drawn since it was found is looked for again.
            let enabled = match self.enabled(&e) {
                Err(err) if stale(&err) && start.elapsed() < TIMEOUT => continue,
                other => other?,
            };
            if !enabled {
                if start.elapsed() > TIMEOUT {
                    return Err(format!("`{css}` stayed disabled for {TIMEOUT:?}"));
                }
                std::thread::sleep(Duration::from_millis(150));
                continue;
            }
            let path = self.s(&format!("/element/{}/click", e.0));
            match self.request("POST", &path, Some(json!({}))) {
                Ok(_) => return Ok(()),
                Err(err)
                    if (err.contains("intercepted") || stale(&err))
                        && start.elapsed() < TIMEOUT =>
                {
                    std::thread::sleep(Duration::from_millis(200));
                }
                Err(err) => return Err(format!("clicking `{css}`: {err}")),
            }
        }
    }

    /// Clicks the visible element whose text contains `text` among `css` matches.
    pub fn click_text(&self, css: &str, text: &str) -> Result<()> {
        let start = Instant::now();
        loop {
            for e in self.find_all(css)? {
                if self.displayed(&e).unwrap_or(false) && self.text(&e)?.contains(text) {
                    let path = self.s(&format!("/element/{}/click", e.0));
                    match self.request("POST", &path, Some(json!({}))) {
                        Ok(_) => return Ok(()),
                        // A closing popup still covers it: wait as `click` does.
                        Err(err) if err.contains("intercepted") && start.elapsed() < TIMEOUT => {
                            std::thread::sleep(Duration::from_millis(200));
                            break;
                        }
                        Err(err) => return Err(format!("clicking `{css}` {text:?}: {err}")),
                    }
                }
            }
            if start.elapsed() > TIMEOUT {
                return Err(format!("no visible `{css}` with text {text:?}"));
            }
            std::thread::sleep(Duration::from_millis(150));
        }
    }

    /// Types into the input at `css` (or the first input inside it).
    pub fn type_into(&self, css: &str, text: &str) -> Result<()> {
        let target = format!("{css} input, input{css}, {css} textarea, textarea{css}");
        let e = self.wait(&target)?;
        // Focus and select what is there, then type over it as a person does.
        // (WebDriver's "clear" empties the DOM without telling Vue, and
        // WebKitWebDriver keeps Ctrl held after a Ctrl+A chord.)
        self.execute_on(&e, "arguments[0].focus(); arguments[0].select()")?;
        let keys = if text.is_empty() {
            BACKSPACE.to_string()
        } else {
            text.to_string()
        };
        self.request(
            "POST",
            &self.s(&format!("/element/{}/value", e.0)),
            Some(json!({ "text": keys })),
        )?;
        Ok(())
    }

    /// Types `text` over the input at `css` until it holds exactly that. A
    /// field the page fills in a moment after it shows (a suggested file
    /// path, asked of the app) can take its value between the select and the
    /// keys; the keys then go after it instead of over it.
    pub fn type_exactly(&self, css: &str, text: &str) -> Result<()> {
        let input = format!("{css} input, input{css}");
        let mut value = String::new();
        for _ in 0..5 {
            self.type_into(css, text)?;
            // Long enough for a late suggestion to land after the keys.
            std::thread::sleep(Duration::from_millis(300));
            value = self.value(&input)?;
            if value == text {
                return Ok(());
            }
        }
        Err(format!(
            "`{css}` holds {value:?} after typing {text:?} five times"
        ))
    }

    /// Picks `label` in the Element Plus select at `css`.
    ///
    /// The option list opens with a transition and the popper moves when the
    /// window scrolls, so a click sent while it moves can land beside the
    /// option or nowhere. A chosen option closes the list: while the option
    /// is still shown, the click did not take and is made again.
    pub fn choose(&self, css: &str, label: &str) -> Result<()> {
        let start = Instant::now();
        while start.elapsed() < TIMEOUT {
            // Open the list only when it is closed: a second click would
            // close a list that is slow to appear on a busy machine.
            if !self.expanded(css)? {
                self.click(css)?;
                let opened = Instant::now();
                while !self.expanded(css)? && opened.elapsed() < Duration::from_secs(3) {
                    std::thread::sleep(Duration::from_millis(100));
                }
                continue;
            }
            let Some(item) = self.poll_option(label, Duration::from_secs(3))? else {
                continue;
            };
            // Let the opening transition and the list's own scroll to the
            // current choice finish before aiming at the option.
            self.hold_still(&item)?;
            let _ = self.request(
                "POST",
                &self.s(&format!("/element/{}/click", item.0)),
                Some(json!({})),
            );
            let clicked = Instant::now();
            while clicked.elapsed() < Duration::from_secs(2) {
                if self.shown_option(label)?.is_none() {
                    return Ok(());
                }
                std::thread::sleep(Duration::from_millis(100));
            }
        }
        Err(format!(
            "could not choose {label:?} in `{css}` (at {})",
            self.whereabouts()
        ))
    }

    /// Picks every one of `labels` in the multiple Element Plus select at
    /// `css`, then closes its list. A multiple select stays open after a
    /// choice and a second click on an option takes it out again, so each
    /// option is clicked until it shows as selected, never once more.
    pub fn choose_many(&self, css: &str, labels: &[&str]) -> Result<()> {
        for label in labels {
            let start = Instant::now();
            loop {
                if start.elapsed() > TIMEOUT {
                    return Err(format!(
                        "could not choose {label:?} in `{css}` (at {})",
                        self.whereabouts()
                    ));
                }
                if !self.expanded(css)? {
                    self.click(css)?;
                    std::thread::sleep(Duration::from_millis(300));
                    continue;
                }
                let Some(item) = self.poll_option(label, Duration::from_secs(3))? else {
                    continue;
                };
                let selected = |s: &Self| {
                    s.execute_on(
                        &item,
                        "return arguments[0].classList.contains('is-selected')",
                    )
                    .map(|v| v.as_bool().unwrap_or(false))
                };
                if selected(self)? {
                    break;
                }
                self.hold_still(&item)?;
                let _ = self.request(
                    "POST",
                    &self.s(&format!("/element/{}/click", item.0)),
                    Some(json!({})),
                );
                let clicked = Instant::now();
                while !selected(self)? && clicked.elapsed() < Duration::from_secs(2) {
                    std::thread::sleep(Duration::from_millis(100));
                }
            }
        }
        // A filterable select closes only from its arrow while it is open.
        let start = Instant::now();
        while self.expanded(css)? {
            if start.elapsed() > TIMEOUT {
                return Err(format!("the list of `{css}` stayed open"));
            }
            self.click(&format!("{css} .el-select__suffix"))?;
            std::thread::sleep(Duration::from_millis(300));
        }
        Ok(())
    }

    /// Whether the Element Plus select at `css` has its option list open.
    fn expanded(&self, css: &str) -> Result<bool> {
        let script = format!(
            "const i = document.querySelector({:?}); return !!i && i.getAttribute('aria-expanded') === 'true';",
            format!("{css} input")
        );
        Ok(self.execute(&script)?.as_bool().unwrap_or(false))
    }

    /// Brings `e` into view and waits until it stays where it is for a
    /// moment (an opening list animates and scrolls to its current choice;
    /// a click aimed during that lands on the neighbouring option).
    fn hold_still(&self, e: &Element) -> Result<()> {
        let rect = |s: &Self| {
            s.execute_on(
                e,
                "const r = arguments[0].getBoundingClientRect(); return [r.x, r.y, r.width, r.height].join(',')",
            )
        };
        self.execute_on(e, "arguments[0].scrollIntoView({ block: 'nearest' })")?;
        let start = Instant::now();
        let mut last = rect(self)?;
        loop {
            std::thread::sleep(Duration::from_millis(250));
            let now = rect(self)?;
            if now == last || start.elapsed() > Duration::from_secs(3) {
                return Ok(());
            }
            last = now;
        }
    }

    /// Whether the element takes up room on screen and is not part of a list
    /// being closed (a select's list that is fading out, or that belonged to
    /// a dialog just closed, still answers "displayed" for a moment).
    fn has_size(&self, e: &Element) -> Result<bool> {
        Ok(self
            .execute_on(
                e,
                "const r = arguments[0].getBoundingClientRect();
                 return r.width > 0 && r.height > 0 && !arguments[0].closest('[class*=leave-active]');",
            )?
            .as_bool()
            .unwrap_or(false))
    }

    /// Waits up to `limit` for the option to be shown.
    fn poll_option(&self, label: &str, limit: Duration) -> Result<Option<Element>> {
        let start = Instant::now();
        loop {
            if let Some(e) = self.shown_option(label)? {
                return Ok(Some(e));
            }
            if start.elapsed() > limit {
                return Ok(None);
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// The displayed option of an open select whose text contains `label`.
    /// (Read without scrolling: scrolling is what moves the list.)
    fn shown_option(&self, label: &str) -> Result<Option<Element>> {
        for e in self.find_all(".el-select-dropdown__item")? {
            // An option removed as its list closes is "stale": not shown.
            let shown = self
                .request("GET", &self.s(&format!("/element/{}/displayed", e.0)), None)
                .map(|v| v.as_bool().unwrap_or(false))
                .unwrap_or(false);
            if shown
                && self.text(&e).is_ok_and(|t| t.contains(label))
                && self.has_size(&e).unwrap_or(false)
            {
                return Ok(Some(e));
            }
        }
        Ok(None)
    }

    /// Reloads the page, as F5 would; returns once the new page has loaded.
    pub fn reload(&self) -> Result<()> {
        self.request("POST", &self.s("/refresh"), None).map(|_| ())
    }

    pub fn execute(&self, script: &str) -> Result<Value> {
        self.request(
            "POST",
            &self.s("/execute/sync"),
            Some(json!({ "script": script, "args": [] })),
        )
    }

    /// What a page check (a script returning an array of strings) found.
    fn findings(&self, script: &str) -> Result<Vec<String>> {
        Ok(self
            .execute(script)?
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|v| v.as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default())
    }

    /// Fails when a visible element that shows text (or a form control) is
    /// not set in the bundled font, or the font itself did not load: on a
    /// machine without a system Chinese font that text is drawn as boxes,
    /// which a screenshot looked at in a hurry does not show.
    pub fn check_fonts(&self, name: &str) -> Result<()> {
        let bad = self.findings(FONT_CHECK)?;
        if bad.is_empty() {
            Ok(())
        } else {
            Err(format!(
                "screen {name}: text not in the bundled font (would show as boxes without a system CJK font): {}",
                bad.join(" | ")
            ))
        }
    }

    /// Fails when an open dialog reaches past the window (its title or its
    /// buttons would be off screen on a 1200×800 laptop), when a field's
    /// message spills out of its field over the next row (a long Chinese
    /// message wraps; floating, its second line would sit on the next field),
    /// or when a toast covers the window's header or a dialog's title.
    pub fn check_dialogs(&self, name: &str) -> Result<()> {
        let bad = self.findings(DIALOG_CHECK)?;
        if bad.is_empty() {
            Ok(())
        } else {
            Err(format!(
                "screen {name}: a dialog, a field's message or a toast is out of place: {}",
                bad.join(" | ")
            ))
        }
    }

    /// Saves a PNG of the window as `<prefix>-<name>.png` and returns its path,
    /// after checking that every visible text is in the bundled font.
    pub fn screenshot(&self, name: &str) -> Result<PathBuf> {
        // Let transitions and fonts settle so the picture shows the final state.
        std::thread::sleep(Duration::from_millis(400));
        self.check_fonts(name)?;
        self.check_dialogs(name)?;
        // The app draws without accelerated compositing (src-tauri/src/main.rs);
        // WebKit then answers a snapshot only after its next paint, which a
        // page at rest never makes. An invisible pixel that changes every
        // 30 ms keeps paints coming while the picture is taken.
        self.execute(NUDGE_START)?;
        let shot = self.request("GET", &self.s("/screenshot"), None);
        self.execute(NUDGE_STOP)?;
        let b64 = shot?;
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(b64.as_str().unwrap_or_default())
            .map_err(|e| format!("screenshot is not base64: {e}"))?;
        std::fs::create_dir_all(&self.shots).map_err(|e| e.to_string())?;
        let path = self.shots.join(format!("{}-{}.png", self.prefix, name));
        std::fs::write(&path, bytes).map_err(|e| e.to_string())?;
        Ok(path)
    }

    pub fn end(self) {
        let _ = self.request("DELETE", &self.s(""), None);
    }
}

const NUDGE_START: &str = "
const d = document.createElement('div');
d.id = 'e2e-repaint';
d.style.cssText = 'position:fixed;right:0;bottom:0;width:1px;height:1px;pointer-events:none;background:rgba(0,0,0,0.004)';
document.body.appendChild(d);
let k = 0;
window.__e2eRepaint = setInterval(function () {
  k = 1 - k;
  d.style.background = k ? 'rgba(0,0,0,0.008)' : 'rgba(0,0,0,0.004)';
}, 30);
return 0;";

const NUDGE_STOP: &str = "
clearInterval(window.__e2eRepaint);
const d = document.getElementById('e2e-repaint');
if (d) d.remove();
return 0;";

/// Lists (at most eight) visible elements with their own text, and visible
/// form controls, whose computed font does not start with the bundled family
/// or whose characters' slices of the bundled font (ui/src/styles/fonts.css)
/// have not loaded, and says so when the bundled face has not loaded at all.
/// Each visible dialog whose box reaches above or below the window, with its
/// title and where it lies.
const DIALOG_CHECK: &str = r#"
const out = [];
for (const d of document.querySelectorAll('.el-dialog')) {
  const r = d.getBoundingClientRect();
  if (r.width === 0 || r.height === 0) continue;
  if (r.top < -1 || r.bottom > window.innerHeight + 1) {
    const title = (d.querySelector('.el-dialog__title') || {}).textContent || '?';
    out.push(title + ': ' + Math.round(r.top) + '–' + Math.round(r.bottom) + ' of ' + window.innerHeight);
  }
}
const over = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
for (const m of document.querySelectorAll('.el-message')) {
  const r = m.getBoundingClientRect();
  // One coming in or going away slides through the header: only one at rest counts.
  if (r.height === 0 || m.getAnimations().length > 0) continue;
  for (const h of document.querySelectorAll('.el-dialog__header, [data-test=app-header]')) {
    const b = h.getBoundingClientRect();
    if (b.height > 0 && over(r, b)) {
      out.push('the message "' + m.textContent.trim().slice(0, 24) + '" (' + Math.round(r.top) + '–' + Math.round(r.bottom)
        + ') covers ' + (h.textContent.trim().slice(0, 16) || 'the header') + ' (' + Math.round(b.top) + '–' + Math.round(b.bottom) + ')');
    }
  }
}
for (const e of document.querySelectorAll('.el-form-item__error')) {
  const r = e.getBoundingClientRect();
  const item = e.closest('.el-form-item');
  if (r.height === 0 || !item) continue;
  if (r.bottom > item.getBoundingClientRect().bottom + 1) {
    out.push('the message "' + e.textContent.trim().slice(0, 24) + '" spills out of its field onto the next row');
  }
}
return out;
"#;

const FONT_CHECK: &str = r#"
const bad = [];
if (!document.fonts.check('16px "Zhibu Sans"', '党支部')) bad.push('font "Zhibu Sans" not loaded');
const controls = new Set(['BUTTON', 'INPUT', 'TEXTAREA', 'SELECT']);
for (const el of document.body.querySelectorAll('*')) {
  if (bad.length >= 8) break;
  if (['SCRIPT', 'STYLE', 'svg', 'path'].includes(el.tagName)) continue;
  // Its own words, in its own style (a child's are checked in the child's).
  const ownText = Array.from(el.childNodes).filter((n) => n.nodeType === 3).map((n) => n.textContent).join('').trim();
  if (!ownText && !controls.has(el.tagName)) continue;
  const r = el.getBoundingClientRect();
  if (r.width === 0 || r.height === 0) continue;
  const style = getComputedStyle(el);
  if (style.visibility === 'hidden' || style.display === 'none') continue;
  const first = style.fontFamily.split(',')[0].trim().replace(/^["']|["']$/g, '');
  const text = (el.value || el.placeholder || ownText || el.textContent || '').trim();
  const name = el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className.split(' ')[0] : '') + ' "' + text.slice(0, 20) + '"';
  if (first !== 'Zhibu Sans') {
    bad.push(name + ' in ' + style.fontFamily);
  } else if (text && !document.fonts.check(style.fontStyle + ' ' + style.fontWeight + ' 16px "Zhibu Sans"', text)) {
    // A slice of the bundled font that covers this text has not loaded.
    bad.push(name + ': a slice of "Zhibu Sans" for it has not loaded');
  }
}
return bad;
"#;

/// The driver's answer when an element found earlier is no longer in the
/// page (Vue re-drew it): looking for it again is the remedy.
fn stale(err: &str) -> bool {
    err.contains("stale element reference")
}
