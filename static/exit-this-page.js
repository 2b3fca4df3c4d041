// "Exit this page", as GOV.UK's component behaves: the link works without this script; with it,
// pressing Shift three times in a row (within 5 seconds) also leaves, the current page is replaced
// in the history (so Back does not return to it), and a blank cover hides the page at once while
// the neutral site loads. It never sends anything to this site. The words it announces are the
// page's own (data-press-two, data-press-one, data-exit-title on the link), so a Welsh page
// speaks Welsh.
(function () {
  'use strict';
  var link = document.querySelector('a[data-exit-this-page]');
  if (!link || !window.location || typeof window.location.replace !== 'function') return;
  var TIMEOUT = 5000;
  var presses = 0;
  var timer = null;
  var shiftUsedWithKey = false;
  var cover = null;

  // Tells screen reader users how many more presses are needed.
  var live = document.createElement('span');
  live.className = 'visually-hidden';
  live.setAttribute('role', 'status');
  link.parentNode.appendChild(live);

  function reset() {
    presses = 0;
    if (timer) clearTimeout(timer);
    timer = null;
    live.textContent = '';
  }

  function leave() {
    if (!cover) {
      cover = document.createElement('div');
      cover.className = 'exit-this-page-cover';
      document.body.appendChild(cover);
    }
    var title = link.getAttribute('data-exit-title');
    if (title) document.title = title;
    window.location.replace(link.href);
  }

  link.addEventListener('click', function (event) {
    event.preventDefault();
    leave();
  });

  document.addEventListener(
    'keydown',
    function (event) {
      if (event.key === 'Shift') return;
      // Shift held for a capital letter (or any other key pressed) is typing, not a signal.
      if (event.shiftKey) shiftUsedWithKey = true;
      reset();
    },
    true,
  );

  document.addEventListener(
    'keyup',
    function (event) {
      if (event.key !== 'Shift') return;
      if (shiftUsedWithKey) {
        shiftUsedWithKey = false;
        return;
      }
      presses += 1;
      if (timer) clearTimeout(timer);
      if (presses >= 3) {
        reset();
        leave();
        return;
      }
      live.textContent = link.getAttribute(presses === 1 ? 'data-press-two' : 'data-press-one') || '';
      timer = setTimeout(reset, TIMEOUT);
    },
    true,
  );

  // Coming back from the browser's page cache: take the cover away again.
  window.addEventListener('pageshow', function (event) {
    if (event.persisted && cover) {
      cover.parentNode.removeChild(cover);
      cover = null;
    }
  });
})();
