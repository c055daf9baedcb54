import Foundation

/// The stylesheet and the one script, compiled into the binary so a single file runs anywhere.
/// They hold nothing about the person, so browsers may cache them briefly.
enum StaticAssets {
    /// Paths and content types of every asset, looked up by the asset route.
    static let files: [String: (contentType: String, body: String)] = [
        "app.css": ("text/css; charset=utf-8", css),
        "app.js": ("text/javascript; charset=utf-8", javascript),
    ]

    static let css = #"""
/* Untether: calm, readable, mobile first. Hand-written; no inline styles anywhere. */
:root {
  --bg: #f6f5f1;
  --surface: #ffffff;
  --text: #1f2328;
  --muted: #57606a;
  --line: #d0d4d9;
  --accent: #2f5d62;
  --accent-text: #ffffff;
  --exit: #8a1c1c;
  --exit-text: #ffffff;
  --focus: #b35c00;
  --notice: #fff4d6;
  --notice-line: #c9a227;
  --error: #fde8e8;
  --error-line: #b42318;
  --kind: #eef6ee;
  --kind-line: #3c7a4a;
  --radius: 10px;
  color-scheme: light dark;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #16181b;
    --surface: #202328;
    --text: #e8e6e3;
    --muted: #a8b0b8;
    --line: #3a3f46;
    --accent: #7fb8bd;
    --accent-text: #0d1b1d;
    --exit: #f28b82;
    --exit-text: #2a0b0b;
    --focus: #ffb454;
    --notice: #3a3212;
    --notice-line: #c9a227;
    --error: #3b1717;
    --error-line: #f28b82;
    --kind: #1c2a20;
    --kind-line: #7fc18f;
  }
}
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0;
  background: var(--bg);
  color: var(--text);
  font: 1.0625rem/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
  overflow-wrap: anywhere;
}
a { color: var(--accent); text-underline-offset: 0.15em; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.skip { position: absolute; left: -999px; top: 0; }
.skip:focus { left: 0.5rem; top: 0.5rem; z-index: 10; background: var(--surface); padding: 0.5rem 0.75rem; }

.bar {
  display: flex; align-items: center; justify-content: space-between; gap: 0.75rem;
  padding: 0.5rem 1rem; background: var(--surface); border-bottom: 1px solid var(--line);
  position: sticky; top: 0; z-index: 5;
}
.brand { font-weight: 600; font-size: 1.125rem; color: var(--text); text-decoration: none; padding: 0.5rem 0; }
.exit {
  display: inline-flex; align-items: center; min-height: 44px; padding: 0.5rem 1.1rem;
  background: var(--exit); color: var(--exit-text); border-radius: 999px; font-weight: 700;
  text-decoration: none; white-space: nowrap;
}
.nav { background: var(--surface); border-bottom: 1px solid var(--line); }
.nav ul { list-style: none; margin: 0 auto; padding: 0 0.5rem; display: flex; flex-wrap: wrap; gap: 0.25rem; max-width: 46rem; }
.nav a, .nav button {
  display: inline-flex; align-items: center; min-height: 44px; padding: 0.4rem 0.75rem;
  color: var(--text); text-decoration: none; border-radius: var(--radius); font: inherit;
  background: none; border: 0; cursor: pointer;
}
.nav a[aria-current="page"] { background: var(--bg); font-weight: 600; }
.nav form { margin: 0; }

main { max-width: 46rem; margin: 0 auto; padding: 1.25rem 1rem 3rem; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0.5rem 0 1rem; }
h2 { font-size: 1.25rem; margin: 1.75rem 0 0.5rem; }
p, ul, ol { margin: 0 0 1rem; }
.muted { color: var(--muted); }
.lead { font-size: 1.125rem; }

.card { background: var(--surface); border: 1px solid var(--line); border-radius: var(--radius); padding: 1rem; margin: 0 0 1rem; }
.card > :first-child { margin-top: 0; }
.list { list-style: none; padding: 0; margin: 0 0 1rem; }
.list li { margin: 0 0 0.5rem; }
.list a { display: block; background: var(--surface); border: 1px solid var(--line); border-radius: var(--radius); padding: 0.75rem 1rem; text-decoration: none; color: var(--text); }
.list .title { display: block; font-weight: 600; }
.list .meta { display: block; color: var(--muted); font-size: 0.9375rem; }

form.stack { display: grid; gap: 1rem; margin: 0 0 1rem; }
label { display: block; font-weight: 600; margin-bottom: 0.3rem; }
.optional { font-weight: 400; color: var(--muted); }
.hint { display: block; font-weight: 400; color: var(--muted); font-size: 0.9375rem; margin-top: 0.2rem; }
input[type="text"], input[type="password"], input[type="url"], input[type="number"], input[type="date"], input[type="time"], input[type="datetime-local"], textarea, select {
  width: 100%; min-height: 44px; padding: 0.6rem 0.75rem; font: inherit; color: var(--text);
  background: var(--surface); border: 1px solid var(--muted); border-radius: 8px;
}
textarea { min-height: 12rem; resize: vertical; }
input[type="file"] { display: block; width: 100%; min-height: 48px; padding: 0.5rem; font: inherit; border: 1px dashed var(--muted); border-radius: 8px; background: var(--surface); }
textarea.short { min-height: 5rem; }
textarea.medium { min-height: 8.5rem; }
select { appearance: auto; }
.check { display: flex; gap: 0.6rem; align-items: flex-start; font-weight: 400; }
.check input { width: 1.4rem; height: 1.4rem; margin-top: 0.15rem; flex: none; }

.button, button.button {
  display: inline-flex; align-items: center; justify-content: center; min-height: 48px;
  padding: 0.6rem 1.25rem; font: inherit; font-weight: 600; border-radius: var(--radius);
  border: 2px solid var(--accent); background: var(--accent); color: var(--accent-text);
  text-decoration: none; cursor: pointer;
}
.button.secondary { background: transparent; color: var(--accent); }
.button.danger { background: var(--error-line); border-color: var(--error-line); color: #fff; }
.actions { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: center; margin: 1rem 0; }
.actions form { margin: 0; }

.notice, .error { border-left: 4px solid var(--notice-line); background: var(--notice); padding: 0.75rem 1rem; border-radius: 6px; margin: 0 0 1rem; }
.error { border-color: var(--error-line); background: var(--error); }
.notice.ok { border-color: var(--kind-line); background: var(--kind); }
.notice > :last-child, .error > :last-child { margin-bottom: 0; }

.recovery-key {
  font-family: ui-monospace, "DejaVu Sans Mono", Menlo, monospace; font-size: 1.2rem; letter-spacing: 0.05em;
  display: grid; grid-template-columns: repeat(3, max-content); gap: 0.4rem 1rem; justify-content: start;
  background: var(--surface); border: 2px dashed var(--accent); border-radius: var(--radius); padding: 1rem; margin: 0 0 1rem;
}
.note-body { white-space: pre-wrap; background: var(--surface); border: 1px solid var(--line); border-radius: var(--radius); padding: 1rem; }
.log { width: 100%; border-collapse: collapse; }
.log th, .log td { text-align: left; padding: 0.5rem; border-bottom: 1px solid var(--line); vertical-align: top; }

/* Forms with groups of choices: the whole row is the tap target. */
fieldset { border: 1px solid var(--line); border-radius: var(--radius); background: var(--surface); margin: 0; padding: 0.75rem 1rem 1rem; min-width: 0; display: grid; gap: 0.75rem; }
legend { font-weight: 600; padding: 0 0.35rem; max-width: 100%; }
legend .hint { margin-top: 0; }
.choices { display: grid; gap: 0.5rem; }
.choice {
  display: flex; align-items: center; gap: 0.75rem; min-height: 48px; margin: 0; padding: 0.5rem 0.75rem;
  font-weight: 400; border: 1px solid var(--line); border-radius: 8px; background: var(--bg); cursor: pointer;
}
.choice input { width: 1.4rem; height: 1.4rem; margin: 0; flex: none; accent-color: var(--accent); }
.choice:has(input:checked) { border-color: var(--accent); box-shadow: inset 0 0 0 1px var(--accent); }
.choice:has(input:focus-visible) { outline: 3px solid var(--focus); outline-offset: 2px; }
.choice input:focus-visible { outline: none; }
.choices.inline { grid-template-columns: repeat(auto-fit, minmax(6.5rem, 1fr)); }
/* Day and time side by side; the day needs more room than the time. */
.pair { display: grid; grid-template-columns: minmax(0, 4fr) minmax(0, 3fr); gap: 0.75rem; align-items: end; }
.pair input { min-width: 0; }
@media (max-width: 19rem) { .pair { grid-template-columns: 1fr; } }
.report { display: grid; gap: 0.5rem; }
.report + .report { border-top: 1px solid var(--line); padding-top: 0.75rem; }

/* The log's timeline. */
.timeline { list-style: none; padding: 0; margin: 0 0 1.5rem; }
.timeline li { margin: 0 0 0.6rem; }
.timeline a {
  display: block; padding: 0.75rem 1rem; color: var(--text); text-decoration: none;
  background: var(--surface); border: 1px solid var(--line); border-left: 5px solid var(--accent); border-radius: var(--radius);
}
.timeline a:hover .summary { text-decoration: underline; }
.timeline .when { display: block; font-weight: 600; }
.timeline .summary { display: block; }
.timeline .kind a { background: var(--kind); border-left-color: var(--kind-line); }
.kind-label { display: block; font-size: 0.9375rem; font-weight: 600; }
.timeline .removed a { border-left-color: var(--line); border-style: dashed; color: var(--muted); }
.tags { display: flex; flex-wrap: wrap; gap: 0.35rem; margin-top: 0.4rem; }
.tag { font-size: 0.875rem; padding: 0.05rem 0.55rem; border: 1px solid var(--line); border-radius: 999px; background: var(--bg); color: var(--text); }
.tag.severity { border-color: var(--muted); font-weight: 600; }
details.filters { background: var(--surface); border: 1px solid var(--line); border-radius: var(--radius); padding: 0 1rem; margin: 0 0 1rem; }
details.filters[open] { padding-bottom: 0.25rem; }
summary { cursor: pointer; padding: 0.65rem 0; font-weight: 600; }
.filter-grid { display: grid; gap: 0.75rem; grid-template-columns: repeat(auto-fit, minmax(13rem, 1fr)); margin: 0.25rem 0 0.5rem; }
.filter-grid .actions { grid-column: 1 / -1; margin: 0.25rem 0; }
.code { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, monospace; font-size: 1.3rem; letter-spacing: 0.06em; margin: 0.25rem 0 0.5rem; }
.hash { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, monospace; word-break: break-all; overflow-wrap: anywhere; }
.card details { margin: 0 0 1rem; }

/* One entry. */
.record { margin: 0 0 1.5rem; }
.record dt { font-weight: 600; margin-top: 0.85rem; }
.record dd { margin: 0.15rem 0 0; white-space: pre-wrap; }
.record dd ul, .plain { list-style: none; padding: 0; margin: 0; white-space: normal; }
.files { margin: 0 0 1.5rem; }
.files li { margin: 0 0 0.4rem; }
.files .meta { color: var(--muted); font-size: 0.9375rem; }
.amendments { padding-left: 1.25rem; margin: 0 0 1.5rem; }
.amendments li { margin: 0 0 0.75rem; padding: 0.5rem 0.75rem; background: var(--surface); border: 1px solid var(--line); border-radius: 8px; }
.amendments .meta { display: block; color: var(--muted); font-size: 0.9375rem; }
.amendments .change { white-space: pre-wrap; }
.amendments .reason { display: block; color: var(--muted); }

/* Step 2: the streak, the contact log, the plan, rules and answers. */
.streak-count { font-size: 1.15rem; margin: 0 0 0.5rem; }
#streak-days { font-size: 1.9rem; font-weight: 700; color: var(--accent); margin-right: 0.15rem; }
.milestone { border-left: 4px solid var(--kind-line); background: var(--kind); padding: 0.5rem 0.75rem; border-radius: 6px; }
input[type="datetime-local"] { min-width: 0; }
.pair.even { grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); }
.contact-item { display: grid; gap: 0.15rem; padding: 0.75rem 1rem; background: var(--surface); border: 1px solid var(--line); border-left: 5px solid var(--accent); border-radius: var(--radius); }
.contact-item .when { font-weight: 600; }
.contact-item .about { white-space: pre-wrap; overflow-wrap: anywhere; }
.contact-item .meta { color: var(--muted); font-size: 0.9375rem; }
.contact-item .delete-contact { justify-self: start; font-size: 0.9375rem; }
progress { width: 100%; height: 0.9rem; accent-color: var(--accent); margin: 0 0 1rem; }
.progress-line { font-weight: 600; margin: 0 0 0.35rem; }
.plan { list-style: none; padding: 0; margin: 0; display: grid; gap: 0.75rem; }
.plan-step { background: var(--surface); border: 1px solid var(--line); border-radius: var(--radius); padding: 0.5rem 0.75rem 0.25rem; }
.plan-step .choice { font-weight: 600; overflow-wrap: anywhere; }
.plan-step p { margin: 0.4rem 0; }
textarea.line { min-height: 3.2rem; }
.answers { list-style: none; padding: 0; margin: 0 0 1.5rem; display: grid; gap: 0.6rem; }
.answers li { background: var(--surface); border: 1px solid var(--line); border-radius: var(--radius); padding: 0.6rem 0.9rem; }
.answers .when { display: block; color: var(--muted); font-size: 0.9375rem; }
.answers q { display: block; font-size: 1.05rem; overflow-wrap: anywhere; }
.inline-form { display: inline; margin: 0; }
.link-button { background: none; border: none; padding: 0.25rem 0; min-height: 44px; font: inherit; color: var(--accent); text-decoration: underline; cursor: pointer; }

#idle-warning { position: fixed; left: 0.75rem; right: 0.75rem; bottom: 0.75rem; z-index: 20; max-width: 30rem; margin: 0 auto; box-shadow: 0 4px 16px rgba(0,0,0,0.25); }
[hidden] { display: none !important; }

@media (max-width: 26rem) {
  /* Five nav items on one line on a small phone. */
  .nav ul { padding: 0 0.25rem; gap: 0; }
  .nav a, .nav button { padding: 0.4rem 0.55rem; }
  fieldset { padding: 0.6rem 0.75rem 0.85rem; }
}
@media (min-width: 40rem) {
  main { padding-top: 2rem; }
  h1 { font-size: 1.9rem; }
  .recovery-key { font-size: 1.35rem; }
}
@media (prefers-reduced-motion: reduce) { * { transition: none !important; animation: none !important; } }
@media print {
  .bar, .nav, .actions, /* Step 2: the streak, the contact log, the plan, rules and answers. */
.streak-count { font-size: 1.15rem; margin: 0 0 0.5rem; }
#streak-days { font-size: 1.9rem; font-weight: 700; color: var(--accent); margin-right: 0.15rem; }
.milestone { border-left: 4px solid var(--kind-line); background: var(--kind); padding: 0.5rem 0.75rem; border-radius: 6px; }
input[type="datetime-local"] { min-width: 0; }
.pair.even { grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); }
.contact-item { display: grid; gap: 0.15rem; padding: 0.75rem 1rem; background: var(--surface); border: 1px solid var(--line); border-left: 5px solid var(--accent); border-radius: var(--radius); }
.contact-item .when { font-weight: 600; }
.contact-item .about { white-space: pre-wrap; overflow-wrap: anywhere; }
.contact-item .meta { color: var(--muted); font-size: 0.9375rem; }
.contact-item .delete-contact { justify-self: start; font-size: 0.9375rem; }
progress { width: 100%; height: 0.9rem; accent-color: var(--accent); margin: 0 0 1rem; }
.progress-line { font-weight: 600; margin: 0 0 0.35rem; }
.plan { list-style: none; padding: 0; margin: 0; display: grid; gap: 0.75rem; }
.plan-step { background: var(--surface); border: 1px solid var(--line); border-radius: var(--radius); padding: 0.5rem 0.75rem 0.25rem; }
.plan-step .choice { font-weight: 600; overflow-wrap: anywhere; }
.plan-step p { margin: 0.4rem 0; }
textarea.line { min-height: 3.2rem; }
.answers { list-style: none; padding: 0; margin: 0 0 1.5rem; display: grid; gap: 0.6rem; }
.answers li { background: var(--surface); border: 1px solid var(--line); border-radius: var(--radius); padding: 0.6rem 0.9rem; }
.answers .when { display: block; color: var(--muted); font-size: 0.9375rem; }
.answers q { display: block; font-size: 1.05rem; overflow-wrap: anywhere; }
.inline-form { display: inline; margin: 0; }
.link-button { background: none; border: none; padding: 0.25rem 0; min-height: 44px; font: inherit; color: var(--accent); text-decoration: underline; cursor: pointer; }

#idle-warning { display: none; }
  body { background: #fff; color: #000; }
}
"""#

    static let javascript = #"""
// Untether: the only script. Everything works without it; it adds the Shift-key quick exit,
// a quick exit that leaves no history entry, and a warning before the idle lock.
(function () {
  "use strict";

  var exitLink = document.getElementById("quick-exit");
  var exitPath = exitLink ? exitLink.getAttribute("href") : "/exit";

  function leave() {
    // Replace this page in history, so Back does not return to it.
    window.location.replace(exitPath);
  }

  if (exitLink) {
    exitLink.addEventListener("click", function (event) {
      event.preventDefault();
      leave();
    });
  }

  // Shift pressed three times within two seconds leaves at once.
  var shiftTimes = [];
  document.addEventListener("keydown", function (event) {
    // Only Shift on its own counts: Shift+Tab and capital letters must never exit.
    if (event.key !== "Shift") { shiftTimes = []; return; }
    if (event.repeat) { return; }
    var now = Date.now();
    shiftTimes.push(now);
    shiftTimes = shiftTimes.filter(function (t) { return now - t <= 2000; });
    if (shiftTimes.length >= 3) { leave(); }
  });

  // Idle lock warning. The server locks on its own; this only tells the person in time.
  var body = document.body;
  var idleSeconds = parseInt(body.getAttribute("data-idle-seconds") || "", 10);
  var warning = document.getElementById("idle-warning");
  if (!idleSeconds || !warning) { return; }
  var warnLead = parseInt(body.getAttribute("data-warn-seconds") || "60", 10);
  var stay = document.getElementById("idle-stay");
  var csrf = document.querySelector('meta[name="csrf-token"]');
  var lastActive = Date.now();
  var warnTimer = null;
  var lockTimer = null;

  function schedule() {
    clearTimeout(warnTimer);
    clearTimeout(lockTimer);
    warning.hidden = true;
    var warnAfter = Math.max(0, idleSeconds - warnLead) * 1000;
    warnTimer = setTimeout(function () {
      warning.hidden = false;
      if (stay) { stay.focus(); }
    }, warnAfter);
    lockTimer = setTimeout(function () {
      window.location.replace("/unlock");
    }, idleSeconds * 1000);
  }

  if (stay) {
    stay.addEventListener("click", function (event) {
      event.preventDefault();
      var request = new XMLHttpRequest();
      request.open("POST", "/session/keep", true);
      request.setRequestHeader("Content-Type", "application/x-www-form-urlencoded");
      request.onload = function () {
        if (request.status === 204) {
          lastActive = Date.now();
          schedule();
        } else {
          window.location.replace("/unlock");
        }
      };
      request.send("csrf=" + encodeURIComponent(csrf ? csrf.getAttribute("content") : ""));
    });
  }
  schedule();
}());
"""#
}
