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
/* Break long words in a choice only when a whole word can't fit, never mid-word otherwise. */
.choice span { overflow-wrap: break-word; min-width: 0; }
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

/* Step 3: Pause, check-ins, trends and the tools. */
.pause {
  display: inline-flex; align-items: center; min-height: 44px; padding: 0.5rem 1rem; margin-left: auto;
  border: 2px solid var(--accent); color: var(--accent); border-radius: 999px; font-weight: 700; text-decoration: none; white-space: nowrap;
}
.pause[aria-current="page"] { background: var(--accent); color: var(--accent-text); }
.card.calm { border-left: 5px solid var(--kind-line); }
.reasons li { font-size: 1.1rem; margin-bottom: 0.35rem; }
blockquote.reminder { margin: 0 0 1rem; padding: 0.5rem 0.9rem; border-left: 4px solid var(--line); white-space: pre-wrap; }
.timer-left { font-size: 2.4rem; font-weight: 700; font-variant-numeric: tabular-nums; margin: 0.25rem 0; color: var(--accent); }
details.more { margin: 0; display: grid; gap: 0.75rem; }
details.more > summary { padding: 0.5rem 0; }
details.more > :not(summary) { margin-top: 0.75rem; }
.anchors { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 0.25rem 1rem; color: var(--muted); font-size: 0.9375rem; }
.scale-row { padding: 0.35rem 0; border-top: 1px solid var(--line); }
fieldset > .scale-row:first-of-type { border-top: 0; }
.scale-label { margin: 0 0 0.3rem; font-weight: 400; }
.scale { display: grid; grid-template-columns: repeat(5, minmax(0, 1fr)); gap: 0.35rem; }
.scale label {
  display: flex; align-items: center; justify-content: center; gap: 0.35rem; min-height: 44px; margin: 0;
  border: 1px solid var(--line); border-radius: 8px; background: var(--bg); font-weight: 600; cursor: pointer;
}
.scale input { width: 1.15rem; height: 1.15rem; margin: 0; accent-color: var(--accent); }
.scale label:has(input:checked) { border-color: var(--accent); box-shadow: inset 0 0 0 1px var(--accent); }
.scale label:has(input:focus-visible) { outline: 3px solid var(--focus); outline-offset: 2px; }
.scale input:focus-visible { outline: none; }
.scale-switch { display: flex; gap: 0.5rem; margin: 0 0 0.75rem; flex-wrap: wrap; }
.scale-switch a { display: inline-flex; align-items: center; min-height: 44px; padding: 0.3rem 0.9rem; border: 1px solid var(--line); border-radius: 999px; text-decoration: none; background: var(--surface); }
.scale-switch a[aria-current="true"] { background: var(--accent); color: var(--accent-text); border-color: var(--accent); font-weight: 600; }
.chart-box { background: var(--surface); border: 1px solid var(--line); border-radius: var(--radius); padding: 0.5rem; margin: 0 0 0.75rem; }
svg.chart { display: block; width: 100%; height: auto; max-width: 40rem; margin: 0 auto; font-family: inherit; }
svg.chart .grid { stroke: var(--line); stroke-width: 1; }
svg.chart .band { stroke: var(--line); stroke-width: 1; stroke-dasharray: 2 3; }
svg.chart .axis { fill: var(--muted); font-size: 11px; }
svg.chart .empty { fill: var(--muted); font-size: 14px; }
svg.chart .line { fill: none; stroke-width: 1.6; stroke-linejoin: round; stroke-linecap: round; }
.s-overall { stroke: var(--accent); fill: var(--accent); }
svg.chart .line.s-overall { stroke-width: 2.6; }
.s-physical { stroke: #8a5a00; fill: #8a5a00; }
.s-emotional { stroke: #7a3e8f; fill: #7a3e8f; }
.s-cognitive { stroke: #2b6cb0; fill: #2b6cb0; }
svg.chart .line.s-physical { stroke-dasharray: 6 3; }
svg.chart .line.s-emotional { stroke-dasharray: 2 3; }
svg.chart .line.s-cognitive { stroke-dasharray: 8 3 2 3; }
.m-contact { fill: var(--error-line); background: var(--error-line); }
.m-urge { fill: var(--notice-line); background: var(--notice-line); }
@media (prefers-color-scheme: dark) {
  .s-physical { stroke: #e0b060; fill: #e0b060; }
  .s-emotional { stroke: #d09be0; fill: #d09be0; }
  .s-cognitive { stroke: #8ab8f0; fill: #8ab8f0; }
}
.legend { list-style: none; padding: 0; margin: 0 0 1rem; display: flex; flex-wrap: wrap; gap: 0.35rem 1rem; font-size: 0.9375rem; }
.legend li { display: inline-flex; align-items: center; gap: 0.4rem; }
.swatch { display: inline-block; width: 1.4rem; height: 0; border-top: 3px solid currentColor; }
.swatch.s-overall { color: var(--accent); border-top-width: 4px; }
.swatch.s-physical { color: #8a5a00; border-top-style: dashed; }
.swatch.s-emotional { color: #7a3e8f; border-top-style: dotted; }
.swatch.s-cognitive { color: #2b6cb0; border-top-style: dashed; }
.swatch.m-contact { width: 0.3rem; height: 0.9rem; border: 0; }
.swatch.m-urge { width: 0.6rem; height: 0.6rem; border: 0; border-radius: 50%; }
details.table-box { margin: 0 0 1rem; }
details.table-box table { font-size: 0.9375rem; display: block; overflow-x: auto; max-height: 24rem; }
.order { padding-left: 1.5rem; }
.order li { margin: 0 0 0.25rem; }
.order .part-name { display: inline-block; min-width: 12rem; }
.link-button:disabled { color: var(--muted); text-decoration: none; cursor: default; }
.steps li { margin-bottom: 0.5rem; }
.breather { display: grid; justify-items: center; gap: 0.5rem; background: var(--surface); border: 1px solid var(--line); border-radius: var(--radius); padding: 1.25rem 1rem 0.25rem; margin: 0 0 1rem; }
.breath-circle {
  width: 9rem; height: 9rem; border-radius: 50%; background: var(--kind); border: 4px solid var(--kind-line);
  transform: scale(0.6); transition: background-color 0.6s;
}
.breath-circle.box-breathing { animation: breathe-box 16s ease-in-out infinite; }
.breath-circle.longer-out-breath { animation: breathe-long 10s ease-in-out infinite; }
.breath-circle.in { background: var(--kind-line); }
.breath-circle.hold { background: var(--notice); }
.breath-circle.out { background: var(--kind); }
@keyframes breathe-box { 0% { transform: scale(0.6); } 25% { transform: scale(1); } 50% { transform: scale(1); } 75% { transform: scale(0.6); } 100% { transform: scale(0.6); } }
@keyframes breathe-long { 0% { transform: scale(0.6); } 40% { transform: scale(1); } 100% { transform: scale(0.6); } }
.breath-phase { font-size: 1.3rem; font-weight: 600; text-align: center; min-height: 2em; margin: 0; }

/* Step 4: journal, memory, decisions, timeline, search. */
.side-by-side { display: grid; gap: 1rem; }
@media (min-width: 60rem) {
  main:has(.side-by-side) { max-width: 72rem; }
  .side-by-side { grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); align-items: start; }
  .side-by-side details.memory { position: sticky; top: 5rem; max-height: calc(100vh - 6rem); overflow: auto; }
}
details.memory { background: var(--surface); border: 1px solid var(--line); border-left: 5px solid var(--kind-line); border-radius: var(--radius); padding: 0 1rem 0.5rem; }
details.memory[open] { padding-bottom: 1rem; }
.memory-item { border-top: 1px solid var(--line); padding-top: 0.5rem; margin-top: 0.5rem; }
.memory-item h3 { font-size: 1rem; margin: 0 0 0.25rem; }
.memory-item p { white-space: pre-wrap; margin: 0 0 0.5rem; }
.memory-day { display: grid; grid-template-columns: minmax(0, 1fr) auto; gap: 0.5rem; align-items: end; margin-top: 1rem; }
svg.timeline { max-width: 32rem; }
svg.timeline .milestone-dot { fill: var(--accent); }
svg.timeline .leader { stroke: var(--muted); stroke-width: 1; }
svg.timeline .milestone-label { fill: var(--text); font-size: 11px; }
.m-kind { fill: var(--kind-line); }
.swatch.milestone-swatch { width: 0.7rem; height: 0.7rem; border: 0; border-radius: 50%; background: var(--accent); }
.swatch.kind-swatch { width: 0.9rem; height: 0.2rem; border: 0; background: var(--kind-line); }
.milestones li { margin: 0 0 0.35rem; }
.results .snippet { display: block; margin-top: 0.25rem; overflow-wrap: anywhere; }
mark { background: var(--notice); color: var(--text); border-bottom: 2px solid var(--notice-line); padding: 0 0.1em; }
input[type="search"] { width: 100%; min-height: 44px; padding: 0.6rem 0.75rem; font: inherit; color: var(--text); background: var(--surface); border: 1px solid var(--muted); border-radius: 8px; }

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
@media (prefers-reduced-motion: reduce) {
  * { transition: none !important; animation: none !important; }
  /* The breathing circle keeps still and changes colour with each phase instead. */
  .breath-circle { transform: none; }
}
@media print {
  .bar, .nav, .actions, #idle-warning { display: none; }
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
  // The urge timer keeps the session open while it runs; it says so with this event.
  document.addEventListener("untether:kept", function () {
    lastActive = Date.now();
    schedule();
  });
  schedule();
}());

// Step 3: the breathing guide and the urge timer. Both pages work without this; it adds the
// words in time with the breathing circle, and a countdown.
(function () {
  "use strict";

  var csrf = document.querySelector('meta[name="csrf-token"]');

  function keepAlive() {
    var request = new XMLHttpRequest();
    request.open("POST", "/session/keep", true);
    request.setRequestHeader("Content-Type", "application/x-www-form-urlencoded");
    request.onload = function () {
      if (request.status === 204) { document.dispatchEvent(new Event("untether:kept")); }
    };
    request.send("csrf=" + encodeURIComponent(csrf ? csrf.getAttribute("content") : ""));
  }

  var breather = document.getElementById("breather");
  if (breather) {
    var seconds = (breather.getAttribute("data-seconds") || "").split(",").map(Number);
    var words = (breather.getAttribute("data-words") || "").split("|");
    var circle = document.getElementById("breath-circle");
    var phaseText = document.getElementById("breath-phase");
    var start = document.getElementById("breath-start");
    var base = circle.className;
    var breathTimer = null;
    var kind = function (word) { return /in$/i.test(word) ? "in" : /^hold/i.test(word) ? "hold" : "out"; };
    if (start && seconds.length === words.length && seconds.length > 0) {
      start.hidden = false;
      start.addEventListener("click", function () {
        clearTimeout(breathTimer);
        // Restart the circle so it moves in step with the words.
        circle.className = "breath-circle";
        void circle.offsetWidth;
        circle.className = base;
        var phase = 0;
        var left = seconds[0];
        var stopAt = Date.now() + 5 * 60 * 1000;
        var tick = function () {
          if (Date.now() > stopAt) {
            phaseText.textContent = "Well done. Notice how you feel now.";
            circle.classList.remove("in", "hold", "out");
            return;
          }
          var word = words[phase];
          phaseText.textContent = word + " " + left;
          circle.classList.remove("in", "hold", "out");
          circle.classList.add(kind(word));
          left -= 1;
          if (left <= 0) {
            phase = (phase + 1) % seconds.length;
            left = seconds[phase];
          }
          breathTimer = setTimeout(tick, 1000);
        };
        tick();
        start.textContent = "Start again";
      });
    }
  }

  var box = document.getElementById("urge-timer");
  if (box) {
    var total = parseInt(box.getAttribute("data-seconds") || "600", 10);
    var leftText = document.getElementById("urge-timer-left");
    var bar = document.getElementById("urge-timer-progress");
    var status = document.getElementById("urge-timer-status");
    var button = document.getElementById("urge-timer-start");
    var ticking = null;
    var show = function (remaining) {
      var minutes = Math.floor(remaining / 60);
      var rest = remaining % 60;
      leftText.textContent = minutes + ":" + (rest < 10 ? "0" : "") + rest;
      bar.value = total - remaining;
    };
    if (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        var ends = Date.now() + total * 1000;
        var lastKeep = Date.now();
        clearInterval(ticking);
        keepAlive();
        show(total);
        status.textContent = "The timer is running. Breathe, and let the wave pass.";
        button.textContent = "Start again";
        ticking = setInterval(function () {
          var remaining = Math.max(0, Math.round((ends - Date.now()) / 1000));
          show(remaining);
          if (Date.now() - lastKeep > 60000) {
            keepAlive();
            lastKeep = Date.now();
          }
          if (remaining === 0) {
            clearInterval(ticking);
            status.textContent = "Time's up. How strong is the urge now?";
            var after = document.getElementById("urge-after");
            if (after) { after.focus(); }
          }
        }, 1000);
      });
    }
  }
}());
"""#
}
