/**
 * The code that runs first in every form-logic context, after the libraries the portal's
 * scripts use (`_`, `moment`): how a call and a template are run inside, the two
 * capabilities the outside lends (`FormioHelper.authenticatedCall`, `instance.setItems`), and
 * stand-ins for what real forms call and QuickJS lacks (Italian dates, an XMLHttpRequest that
 * sends nothing, a document of the form's fields only).
 * Values go in and out as JSON strings only.
 */
export const PRELUDE = String.raw`
/* QuickJS has no Intl: real forms format dates with toLocaleDateString('it-IT', …), so Italian is given here. */
function italianDates(proto) {
  var DAYS = ['domenica', 'lunedì', 'martedì', 'mercoledì', 'giovedì', 'venerdì', 'sabato'];
  var MONTHS = ['gennaio', 'febbraio', 'marzo', 'aprile', 'maggio', 'giugno', 'luglio', 'agosto', 'settembre', 'ottobre', 'novembre', 'dicembre'];
  var two = function (n) { return (n < 10 ? '0' : '') + n; };
  var date = function (d, o) {
    o = o || {};
    if (!o.weekday && !o.month && !o.day && !o.year) return d.getDate() + '/' + (d.getMonth() + 1) + '/' + d.getFullYear();
    var parts = [];
    if (o.weekday) parts.push(o.weekday === 'long' ? DAYS[d.getDay()] : DAYS[d.getDay()].slice(0, 3));
    if (o.day) parts.push(o.day === '2-digit' ? two(d.getDate()) : String(d.getDate()));
    if (o.month) parts.push(o.month === 'long' ? MONTHS[d.getMonth()] : o.month === 'short' ? MONTHS[d.getMonth()].slice(0, 3) : two(d.getMonth() + 1));
    if (o.year) parts.push(String(d.getFullYear()));
    return parts.join(o.month === 'long' || o.month === 'short' || o.weekday ? ' ' : '/');
  };
  var time = function (d) { return two(d.getHours()) + ':' + two(d.getMinutes()) + ':' + two(d.getSeconds()); };
  proto.toLocaleDateString = function (_locale, o) { return date(this, o); };
  proto.toLocaleTimeString = function () { return time(this); };
  proto.toLocaleString = function (_locale, o) { return o ? date(this, o) : date(this) + ', ' + time(this); };
}
/*
 * The full Anagrafica's fiscal code (a calculateValue of the portal's own sub-form) posts to an outside
 * service with XMLHttpRequest only to show a warning. Without one the script throws, and Form.io takes a
 * calculation that fails for an empty value: the fiscal code read from the card would be wiped. Here the
 * script runs on and its request goes nowhere: never sent, never answered (a form reaches the portal
 * only through FormioHelper).
 */
function RequestThatGoesNowhere() { this.readyState = 0; this.status = 0; this.response = ''; this.responseText = ''; this.onreadystatechange = null; }
RequestThatGoesNowhere.prototype.open = function () { this.readyState = 1; };
RequestThatGoesNowhere.prototype.setRequestHeader = function () {};
RequestThatGoesNowhere.prototype.send = function () {};
RequestThatGoesNowhere.prototype.abort = function () {};
RequestThatGoesNowhere.prototype.addEventListener = function () {};
RequestThatGoesNowhere.prototype.removeEventListener = function () {};
[['UNSENT', 0], ['OPENED', 1], ['HEADERS_RECEIVED', 2], ['LOADING', 3], ['DONE', 4]].forEach(function (state) {
  RequestThatGoesNowhere[state[0]] = state[1];
  RequestThatGoesNowhere.prototype[state[0]] = state[1];
});
/*
 * The Anagrafica lite's phone rule (a customConditional of the portal's own sub-form) looks its field up
 * with document.querySelector("input[name^='data[phone_number]']") and copies the cell number into it.
 * The page is not here: this document knows only the form's fields, each a detached stand-in holding the
 * field's value from the data of the call, whose writes go nowhere (on the portal the copy shows in the
 * input and reaches the data only if the citizen edits it). No body, cookie, location, window or way to
 * make or find anything else.
 */
function InertField(value) {
  this.value = value; this.textContent = ''; this.innerHTML = ''; this.style = {}; this.dataset = {};
  this.classList = { add: function () {}, remove: function () {}, toggle: function () { return false; }, contains: function () { return false; } };
}
['setAttribute', 'removeAttribute', 'addEventListener', 'removeEventListener', 'focus', 'blur', 'dispatchEvent'].forEach(function (name) {
  InertField.prototype[name] = function () {};
});
InertField.prototype.getAttribute = function () { return null; };
function inertDocument(currentData) {
  var FIELD = /\[\s*name\s*[\^$*~|]?=\s*['"]?data\[([^\]]+)\]/;
  var field = function (selector) {
    var match = FIELD.exec(String(selector));
    if (!match) return null;
    var data = currentData();
    var value = data !== null && typeof data === 'object' ? data[match[1]] : undefined;
    return new InertField(value === undefined || value === null || typeof value === 'object' ? '' : String(value));
  };
  var all = function (selector) { var f = field(selector); return f ? [f] : []; };
  return {
    querySelector: field,
    querySelectorAll: all,
    getElementsByName: function (name) { return all("[name='" + String(name) + "']"); },
    getElementById: function () { return null; },
    getElementsByClassName: function () { return []; },
    getElementsByTagName: function () { return []; }
  };
}
(function () {
  var g = globalThis;
  var callData = null;
  var hostCall = g.__hostCall, hostSetItems = g.__hostSetItems;
  delete g.__hostCall; delete g.__hostSetItems;
  g.window = g;
  g.XMLHttpRequest = RequestThatGoesNowhere;
  g.document = inertDocument(function () { return callData; });
  g.FormioHelper = {
    authenticatedCall: function (path) { return hostCall(String(path)).then(function (text) { return JSON.parse(text); }); }
  };
  italianDates(g.Date.prototype);
  var LIBS = { _: g._, lodash: g._, moment: g.moment };
  var SETTINGS = { interpolate: /{{([\s\S]+?)}}/g, evaluate: /\{%([\s\S]+?)%\}/g, escape: /\{\{\{([\s\S]+?)\}\}\}/g };
  var templates = Object.create(null);
  var templateCount = 0;

  function withInstance(args, capability) {
    var instance = args.instance || args.self;
    if (instance && capability >= 0) {
      instance.setItems = function (items) { hostSetItems(capability, JSON.stringify(items === undefined ? null : items)); };
    }
    if (instance) { args.instance = instance; args.self = instance; }
    return args;
  }

  g.__call = function (source, namesJson, json, capability) {
    var names = JSON.parse(namesJson);
    var args = withInstance(JSON.parse(json), capability);
    var fn = Function.apply(null, names.concat([source]));
    // The document's fields are those of this call's data, and of no other call's.
    callData = args.data;
    try {
      var out = fn.apply(null, names.map(function (n) { return n in LIBS && args[n] === undefined ? LIBS[n] : args[n]; }));
    } finally {
      callData = null;
    }
    return JSON.stringify(out === undefined ? null : out);
  };

  g.__template = function (template, json) {
    var data = JSON.parse(json);
    var compiled = templates[template];
    if (!compiled) {
      // A form has a handful of templates; a bound keeps a hostile one from filling memory with variants.
      if (templateCount > 500) { templates = Object.create(null); templateCount = 0; }
      compiled = templates[template] = g._.template(template.replace(/ctx\./g, ''), SETTINGS);
      templateCount++;
    }
    return String(compiled(data));
  };
})();
`;
