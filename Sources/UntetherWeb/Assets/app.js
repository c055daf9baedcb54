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

  // The recovery key screen: a Print button, shown only when there is a script to press it.
  var printKey = document.getElementById("print-key");
  if (printKey) {
    printKey.hidden = false;
    printKey.addEventListener("click", function () { window.print(); });
  }

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

  var announce = document.getElementById("idle-announce");
  var keepEvery = Math.min(60, Math.max(5, Math.floor(idleSeconds / 2))) * 1000;
  var lastKeep = Date.now();

  function schedule() {
    clearTimeout(warnTimer);
    clearTimeout(lockTimer);
    warning.hidden = true;
    if (announce) { announce.textContent = ""; }
    var warnAfter = Math.max(0, idleSeconds - warnLead) * 1000;
    warnTimer = setTimeout(function () {
      // Shown and announced, never focused: focus stays where the person is typing.
      warning.hidden = false;
      if (announce) { announce.textContent = "Still there? This will lock itself in about a minute. Anything you are writing is kept."; }
      keepAllDrafts("lock");
    }, warnAfter);
    lockTimer = setTimeout(function () {
      // Anything typed since the last keep goes first; then the session is locked for certain
      // (the server may be a moment behind), and the page goes to the unlock form.
      keepAllDrafts("lock");
      setTimeout(function () {
        var request = new XMLHttpRequest();
        request.open("POST", "/lock", true);
        request.setRequestHeader("Content-Type", "application/x-www-form-urlencoded");
        request.onloadend = function () { window.location.replace("/unlock"); };
        request.send("csrf=" + encodeURIComponent(csrf ? csrf.getAttribute("content") : ""));
      }, touched.length > 0 ? 1500 : 0);
    }, idleSeconds * 1000);
  }

  function keepAlive(onDone) {
    lastKeep = Date.now();
    var request = new XMLHttpRequest();
    request.open("POST", "/session/keep", true);
    request.setRequestHeader("Content-Type", "application/x-www-form-urlencoded");
    request.onload = function () { onDone(request.status === 204); };
    request.send("csrf=" + encodeURIComponent(csrf ? csrf.getAttribute("content") : ""));
  }

  if (stay) {
    stay.addEventListener("click", function (event) {
      event.preventDefault();
      keepAlive(function (open) {
        if (open) {
          lastActive = Date.now();
          schedule();
        } else {
          window.location.replace("/unlock");
        }
      });
    });
  }

  // Typing counts as being here: a keep-alive at most once a minute (sooner for a short limit).
  document.addEventListener("input", function () {
    if (Date.now() - lastKeep < keepEvery) { return; }
    keepAlive(function (open) { if (open) { lastActive = Date.now(); schedule(); } });
  });

  // Drafts: what is typed in a form that carries a draft id is kept, sealed on the server, a
  // few seconds after typing stops and whenever the lock warning shows. Nothing is kept in
  // the browser.
  var draftForms = Array.prototype.filter.call(document.forms, function (form) {
    return form.querySelector('input[name="draft_id"]') !== null;
  });
  var dirty = [];
  var draftTimer = null;

  function keepDraft(form, reason) {
    var fields = [];
    var data = new FormData(form);
    data.forEach(function (value, name) {
      if (typeof value === "string") { fields.push(encodeURIComponent(name) + "=" + encodeURIComponent(value)); }
    });
    fields.push("draft_action=" + encodeURIComponent(form.getAttribute("action") || window.location.pathname));
    if (reason) { fields.push("draft_reason=" + reason); }
    var request = new XMLHttpRequest();
    // Kept at the lock warning: the server does not count it as use, so the lock still comes.
    request.open("POST", reason ? "/drafts/keep?lock=1" : "/drafts/keep", true);
    request.setRequestHeader("Content-Type", "application/x-www-form-urlencoded");
    request.send(fields.join("&"));
    return request;
  }

  var touched = [];

  function keepAllDrafts(reason) {
    clearTimeout(draftTimer);
    // At the lock, every form written in on this page is kept again, marked as interrupted.
    (reason ? touched : dirty).forEach(function (form) { keepDraft(form, reason); });
    dirty = [];
  }

  draftForms.forEach(function (form) {
    form.addEventListener("input", function () {
      if (dirty.indexOf(form) < 0) { dirty.push(form); }
      if (touched.indexOf(form) < 0) { touched.push(form); }
      clearTimeout(draftTimer);
      draftTimer = setTimeout(keepAllDrafts, 3000);
    });
    // Saving the form itself is what counts; nothing is kept behind it.
    form.addEventListener("submit", function () {
      clearTimeout(draftTimer);
      dirty = dirty.filter(function (other) { return other !== form; });
      touched = touched.filter(function (other) { return other !== form; });
    });
  });

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
    var noScript = document.getElementById("urge-timer-manual");
    // Only when the timer ends is kept (in this tab, for this visit), so it keeps running while
    // the person opens a calming tool and comes back. Nothing the person wrote is stored.
    var key = "pause-timer-ends";
    var ticking = null;
    var show = function (remaining) {
      var minutes = Math.floor(remaining / 60);
      var rest = remaining % 60;
      leftText.textContent = minutes + ":" + (rest < 10 ? "0" : "") + rest;
      bar.value = total - remaining;
    };
    var run = function (ends) {
      var lastKeep = Date.now();
      clearInterval(ticking);
      keepAlive();
      status.textContent = "The timer is running. Breathe, and let the wave pass.";
      button.textContent = "Start again";
      var tick = function () {
        var remaining = Math.max(0, Math.round((ends - Date.now()) / 1000));
        show(remaining);
        if (Date.now() - lastKeep > 60000) {
          keepAlive();
          lastKeep = Date.now();
        }
        if (remaining === 0) {
          clearInterval(ticking);
          try { sessionStorage.removeItem(key); } catch (e) { /* storage may be off */ }
          status.textContent = "Time's up. How strong is the urge now?";
          var after = document.getElementById("urge-after");
          if (after) { after.focus(); }
        }
      };
      tick();
      ticking = setInterval(tick, 1000);
    };
    if (noScript) { noScript.hidden = true; }
    box.className += " live";
    show(total);
    if (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        var ends = Date.now() + total * 1000;
        try { sessionStorage.setItem(key, String(ends)); } catch (e) { /* storage may be off */ }
        run(ends);
      });
    }
    var saved = 0;
    try { saved = parseInt(sessionStorage.getItem(key) || "0", 10); } catch (e) { saved = 0; }
    if (saved > Date.now() && saved - Date.now() <= total * 1000) { run(saved); }
  }
}());

// Check a reply: copy the calmer version. Without this, the text can be selected and copied by hand.
(function () {
  var button = document.getElementById("copy-rewrite");
  var box = document.getElementById("coach-rewrite");
  if (!button || !box || !navigator.clipboard) { return; }
  var status = document.getElementById("copy-status");
  button.hidden = false;
  button.addEventListener("click", function () {
    navigator.clipboard.writeText(box.value).then(function () {
      status.textContent = "Copied. Nothing was sent or saved.";
    }, function () {
      box.select();
      status.textContent = "Select the text and copy it.";
    });
  });
}());

// The safety plan's print pages: a Print button, where the browser can print.
(function () {
  var button = document.getElementById("print-now");
  if (!button || !window.print) { return; }
  button.hidden = false;
  button.addEventListener("click", function () { window.print(); });
}());

// Journal: "Check my memory" follows the day picked in the entry above it, so checking looks
// at that day, not today. Without the script the panel has its own day to pick.
(function () {
  "use strict";

  var entryDay = document.getElementById("journal-date");
  var memoryDay = document.getElementById("memory-date");
  if (!entryDay || !memoryDay) { return; }
  entryDay.addEventListener("change", function () {
    if (entryDay.value) { memoryDay.value = entryDay.value; }
  });
}());
