// The in-browser checker of an Untether evidence bundle (docs/evidence-bundle.md, "What a check
// does", steps 1 to 7). It is copied verbatim into every bundle next to verify.html and runs from
// file://, offline: no libraries, no network. The zip is read here (end of central directory,
// central directory, local headers) because a browser has no zip reader of its own.
'use strict';

(function () {
  const FORMAT = 'untether-evidence-bundle';
  const CHAINED_KINDS = ['incident', 'amendment', 'removal', 'attachment', 'export'];
  const VERSION = 2;
  const HEX64 = /^[0-9a-f]{64}$/i;
  // Files a computer adds to a folder by itself. They are skipped when a folder is chosen,
  // never inside a zip (Untether's zip has none of them).
  const SYSTEM_FILE = /(^|\/)(\.DS_Store|Thumbs\.db|desktop\.ini|\._[^/]*)$|^__MACOSX\//i;
  // How many problems the list shows; a long list says how many more there are.
  const MAX_SHOWN = 100;

  // ------------------------------------------------------------------ small helpers

  function byId(id) {
    return document.getElementById(id);
  }

  /** An element with attributes and children (strings become text: nothing is parsed as HTML). */
  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value !== undefined && value !== null) node.setAttribute(name, String(value));
    }
    for (const child of children) {
      if (child === null || child === undefined) continue;
      node.append(typeof child === 'string' ? document.createTextNode(child) : child);
    }
    return node;
  }

  function pad6(number) {
    return String(number).padStart(6, '0');
  }

  function plural(count, one, many) {
    return count === 1 ? `1 ${one}` : `${count} ${many}`;
  }

  function toHex(buffer) {
    return Array.from(new Uint8Array(buffer), (byte) => byte.toString(16).padStart(2, '0')).join('');
  }

  /** 32 bytes from 64 hex characters, or null. */
  function hashBytes(hex) {
    if (typeof hex !== 'string' || !HEX64.test(hex)) return null;
    const bytes = new Uint8Array(32);
    for (let i = 0; i < 32; i += 1) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
    return bytes;
  }

  async function sha256(bytes) {
    return toHex(await crypto.subtle.digest('SHA-256', bytes));
  }

  function isInteger(value) {
    return typeof value === 'number' && Number.isInteger(value);
  }

  function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  }

  function parseJSON(bytes) {
    try {
      return { value: JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) };
    } catch (error) {
      return null;
    }
  }

  // ------------------------------------------------------------------ what this browser can do

  function canHash() {
    return Boolean(window.crypto && window.crypto.subtle && typeof window.crypto.subtle.digest === 'function');
  }

  function canInflate() {
    if (typeof window.DecompressionStream !== 'function') return false;
    try {
      new window.DecompressionStream('deflate-raw');
      return true;
    } catch (error) {
      return false;
    }
  }

  const NO_HASH = 'This browser cannot work out the hashes this check needs, so it cannot check the bundle. ' +
    'Please open this page in another browser, such as a recent Firefox, Chrome, Edge or Safari. ' +
    'Or run “untether verify” with the zip file.';
  const NO_INFLATE = 'This browser cannot unpack this zip file by itself. ' +
    'Please unzip the bundle first, then choose its folder in step 1. ' +
    'Or open this page in a recent Firefox, Chrome, Edge or Safari. You can also run “untether verify” with the zip file.';

  // ------------------------------------------------------------------ reading a zip

  class NotAZip extends Error {}

  /** Raised when a file's bytes cannot be read (a damaged zip entry, a folder file that went away). */
  class Unreadable extends Error {
    constructor(path, reason) {
      super(reason);
      this.path = path;
      this.reason = reason;
    }
  }

  /** Raised when a zip entry needs DecompressionStream and the browser has none. */
  class CannotInflate extends Error {}

  const utf8 = new TextDecoder('utf-8');

  function u16(view, at) {
    return view.getUint16(at, true);
  }

  function u32(view, at) {
    return view.getUint32(at, true);
  }

  function u64(view, at) {
    const value = view.getBigUint64(at, true);
    if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new NotAZip('size too large');
    return Number(value);
  }

  function findEndOfCentralDirectory(view) {
    const last = view.byteLength - 22;
    const first = Math.max(0, last - 0xffff);
    for (let at = last; at >= first; at -= 1) {
      if (u32(view, at) === 0x06054b50 && at + 22 + u16(view, at + 20) <= view.byteLength) return at;
    }
    throw new NotAZip('no end of central directory');
  }

  /** Where the central directory is and how many entries it has (ZIP64 when the short fields are full). */
  function centralDirectory(view, end) {
    if (u16(view, end + 4) !== 0 || u16(view, end + 6) !== 0) throw new NotAZip('spans several disks');
    let count = u16(view, end + 10);
    let size = u32(view, end + 12);
    let offset = u32(view, end + 16);
    if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
      const locator = end - 20;
      if (locator < 0 || u32(view, locator) !== 0x07064b50) throw new NotAZip('no ZIP64 locator');
      const record = u64(view, locator + 8);
      if (record + 56 > view.byteLength || u32(view, record) !== 0x06064b50) throw new NotAZip('no ZIP64 record');
      count = u64(view, record + 32);
      size = u64(view, record + 40);
      offset = u64(view, record + 48);
    }
    if (offset + size > view.byteLength) throw new NotAZip('central directory out of range');
    return { count, offset, size };
  }

  /** The ZIP64 extra field (0x0001) replaces the fields that are full, in this order. */
  function applyZip64(view, extraStart, extraLength, entry) {
    let at = extraStart;
    const stop = extraStart + extraLength;
    while (at + 4 <= stop) {
      const id = u16(view, at);
      const length = u16(view, at + 2);
      if (id === 0x0001) {
        let field = at + 4;
        for (const key of ['size', 'compressedSize', 'localOffset']) {
          if (entry[key] !== 0xffffffff) continue;
          if (field + 8 > at + 4 + length) throw new NotAZip('short ZIP64 field');
          entry[key] = u64(view, field);
          field += 8;
        }
        return;
      }
      at += 4 + length;
    }
  }

  function sameBytes(a, b) {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return false;
    return true;
  }

  async function inflateRaw(bytes) {
    const stream = new window.DecompressionStream('deflate-raw');
    const writer = stream.writable.getWriter();
    writer.write(bytes).catch(() => {});
    writer.close().catch(() => {});
    const reader = stream.readable.getReader();
    const chunks = [];
    let length = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      length += value.length;
    }
    const out = new Uint8Array(length);
    let at = 0;
    for (const chunk of chunks) {
      out.set(chunk, at);
      at += chunk.length;
    }
    return out;
  }

  /**
   * The files of a zip, read through its central directory. Sizes come from the central
   * directory, so entries written with data descriptors read the same. Directory entries are
   * ignored. Problems with single entries are returned, not thrown; a file that is not a zip throws.
   */
  function zipSource(buffer, name) {
    const view = new DataView(buffer);
    const bytes = new Uint8Array(buffer);
    if (view.byteLength < 22) throw new NotAZip('too short');
    const end = findEndOfCentralDirectory(view);
    const directory = centralDirectory(view, end);
    const entries = new Map();
    const problems = [];
    let at = directory.offset;
    for (let index = 0; index < directory.count; index += 1) {
      if (at + 46 > view.byteLength || u32(view, at) !== 0x02014b50) throw new NotAZip('damaged central directory');
      const nameLength = u16(view, at + 28);
      const extraLength = u16(view, at + 30);
      const commentLength = u16(view, at + 32);
      if (at + 46 + nameLength + extraLength + commentLength > view.byteLength) throw new NotAZip('damaged central directory');
      const nameBytes = bytes.subarray(at + 46, at + 46 + nameLength);
      const entry = {
        path: utf8.decode(nameBytes),
        nameBytes,
        flags: u16(view, at + 8),
        method: u16(view, at + 10),
        compressedSize: u32(view, at + 20),
        size: u32(view, at + 24),
        localOffset: u32(view, at + 42),
      };
      applyZip64(view, at + 46 + nameLength, extraLength, entry);
      at += 46 + nameLength + extraLength + commentLength;
      if (entry.path.endsWith('/')) continue; // a folder
      if (entries.has(entry.path)) {
        problems.push(problem('duplicate', `${entry.path} is in the zip more than once.`, { path: entry.path }));
        continue;
      }
      entries.set(entry.path, entry);
    }

    async function read(path) {
      const entry = entries.get(path);
      if (!entry) throw new Unreadable(path, 'not in the zip');
      const local = entry.localOffset;
      if (local + 30 > view.byteLength || u32(view, local) !== 0x04034b50) throw new Unreadable(path, 'damaged');
      const localName = bytes.subarray(local + 30, local + 30 + u16(view, local + 26));
      if (!sameBytes(localName, entry.nameBytes)) throw new Unreadable(path, 'damaged');
      const start = local + 30 + u16(view, local + 26) + u16(view, local + 28);
      if (start + entry.compressedSize > view.byteLength) throw new Unreadable(path, 'damaged');
      if (entry.flags & 0x0001) throw new Unreadable(path, 'locked with a password');
      const packed = bytes.subarray(start, start + entry.compressedSize);
      let data;
      if (entry.method === 0) {
        data = packed;
      } else if (entry.method === 8) {
        if (!canInflate()) throw new CannotInflate();
        try {
          data = await inflateRaw(packed);
        } catch (error) {
          throw new Unreadable(path, 'damaged');
        }
      } else {
        throw new Unreadable(path, 'packed in a way this page cannot open');
      }
      if (data.length !== entry.size) throw new Unreadable(path, 'damaged');
      return data;
    }

    return { kind: 'zip', name, paths: Array.from(entries.keys()), has: (path) => entries.has(path), read, problems, skipped: [] };
  }

  // ------------------------------------------------------------------ reading a folder

  /** The files of a chosen folder, by their path inside it (the chosen folder's own name removed). */
  function folderSource(fileList) {
    const files = new Map();
    const skipped = [];
    let top = '';
    for (const file of Array.from(fileList)) {
      const relative = (file.webkitRelativePath || file.name).normalize('NFC');
      const slash = file.webkitRelativePath ? relative.indexOf('/') : -1;
      if (slash > 0 && !top) top = relative.slice(0, slash);
      const path = slash > 0 ? relative.slice(slash + 1) : relative;
      if (SYSTEM_FILE.test(path)) {
        skipped.push(path);
        continue;
      }
      files.set(path, file);
    }
    async function read(path) {
      const file = files.get(path.normalize('NFC'));
      if (!file) throw new Unreadable(path, 'not in the folder');
      try {
        return new Uint8Array(await file.arrayBuffer());
      } catch (error) {
        throw new Unreadable(path, 'no longer there');
      }
    }
    return {
      kind: 'folder', name: top, paths: Array.from(files.keys()),
      has: (path) => files.has(path.normalize('NFC')), read, problems: [], skipped,
    };
  }

  // ------------------------------------------------------------------ the check

  function problem(code, text, details) {
    return Object.assign({ code, text }, details || {});
  }

  /** The first thing wrong with the manifest's shape, in words, or null. */
  function manifestShapeProblem(manifest) {
    if (!isObject(manifest)) return 'manifest.json could not be read.';
    if (manifest.format !== FORMAT) return 'manifest.json is not the manifest of an Untether evidence bundle.';
    if (manifest.version !== VERSION) {
      return `manifest.json says this bundle is version ${String(manifest.version)}. This page checks version ${VERSION} bundles. ` +
        'Please use “untether verify” to check it.';
    }
    const chainOK = Array.isArray(manifest.chain) && manifest.chain.every((entry) => isObject(entry) &&
      isInteger(entry.sequence) && typeof entry.kind === 'string' &&
      typeof entry.recordHash === 'string' && typeof entry.chainHash === 'string');
    const recordsOK = Array.isArray(manifest.records) && manifest.records.every((record) => isObject(record) &&
      isInteger(record.sequence) && typeof record.path === 'string');
    if (!chainOK || !recordsOK || typeof manifest.head !== 'string' || !isInteger(manifest.length)) {
      return 'manifest.json could not be read: part of it is missing or in the wrong form.';
    }
    return null;
  }

  function exportShapeOK(record) {
    return isObject(record) && isObject(record.files) && Array.isArray(record.records) &&
      record.records.every(isInteger) && Object.values(record.files).every((hash) => typeof hash === 'string');
  }

  /**
   * Runs steps 1 to 7 on a bundle. Returns the problems found (empty when intact), the counts,
   * and the chain as the manifest lists it (for the check code), when the manifest could be read.
   */
  async function checkBundle(source) {
    const problems = source.problems.slice();
    const result = { problems, chain: null, head: null, counts: null, exportSequence: null };
    const hashes = new Map();

    /** The SHA-256 of a file in the bundle: a hex string, 'missing', or 'unreadable' (problem noted). */
    async function hashOf(path) {
      if (hashes.has(path)) return hashes.get(path);
      let outcome = 'missing';
      if (source.has(path)) {
        try {
          outcome = await sha256(await source.read(path));
        } catch (error) {
          if (!(error instanceof Unreadable)) throw error;
          problems.push(problem('unreadable', `${path} could not be read: it is ${error.reason}.`, { path }));
          outcome = 'unreadable';
        }
      }
      hashes.set(path, outcome);
      return outcome;
    }

    // 1. The manifest.
    if (!source.has('manifest.json')) {
      const nested = source.paths.filter((path) => path.endsWith('/manifest.json'));
      let text = 'manifest.json is missing, so nothing else could be checked.';
      const inside = nested.length === 1 ? nested[0].slice(0, -'/manifest.json'.length) : null;
      if (inside && source.kind === 'zip') {
        text += ` There is one in the folder “${inside}” inside the zip. ` +
          'The bundle may have been zipped again after it was unzipped. Please check the zip file as it was first sent.';
      } else if (inside) {
        text += ` There is one in the folder “${inside}”. Please choose that folder instead.`;
      } else if (source.kind === 'folder') {
        text += ' Please choose the folder that holds manifest.json.';
      } else {
        text += ' This zip may not be an evidence bundle from Untether.';
      }
      problems.push(problem('manifest-unreadable', text, { path: 'manifest.json' }));
      return result;
    }
    let manifest = null;
    try {
      manifest = parseJSON(await source.read('manifest.json'));
    } catch (error) {
      if (!(error instanceof Unreadable)) throw error;
    }
    const shape = manifest ? manifestShapeProblem(manifest.value) : 'manifest.json could not be read.';
    if (shape) {
      problems.push(problem('manifest-unreadable', shape, { path: 'manifest.json' }));
      return result;
    }
    manifest = manifest.value;
    const chain = manifest.chain;
    result.chain = chain;
    result.head = manifest.head;

    // 2. The chain: numbered 1, 2, 3 … and every link follows from the one before.
    if (chain.length === 0) problems.push(problem('chain-order', 'The chain has no entries.'));
    const outOfPlace = [];
    chain.forEach((entry, index) => {
      if (entry.sequence !== index + 1) outOfPlace.push(index + 1);
    });
    if (outOfPlace.length > 0) {
      const first = outOfPlace[0];
      let text = `Chain entries are missing or out of order: where entry ${first} should be, there is entry ${chain[first - 1].sequence}.`;
      const more = outOfPlace.length - 1;
      if (more > 0) text += ` ${more} more ${more === 1 ? 'place after it is' : 'places after it are'} wrong too.`;
      problems.push(problem('chain-order', text, { entry: first }));
    }
    let previous = new Uint8Array(32);
    for (const entry of chain) {
      const recordHash = hashBytes(entry.recordHash);
      const chainHash = hashBytes(entry.chainHash);
      let holds = Boolean(recordHash && chainHash);
      if (holds && previous) {
        const joined = new Uint8Array(64);
        joined.set(previous, 0);
        joined.set(recordHash, 32);
        holds = (await sha256(joined)) === entry.chainHash.toLowerCase();
      }
      if (!holds) {
        const before = entry === chain[0] ? 'the start of the chain' : 'the entry before it';
        problems.push(problem('chain-link', `The chain link at entry ${entry.sequence} is broken: its hash does not follow from ${before}.`,
          { entry: entry.sequence }));
      }
      previous = chainHash;
    }
    // The hashes do not cover an entry's kind, so only the kinds a chain can hold are read:
    // a made-up kind can never turn into a path.
    for (const entry of chain) {
      if (!CHAINED_KINDS.includes(entry.kind)) {
        problems.push(problem('chain-kind', `Chain entry ${entry.sequence} names a kind of record that Untether does not write.`,
          { entry: entry.sequence }));
      }
    }
    const last = chain.length > 0 ? chain[chain.length - 1] : null;
    if (last && manifest.head.toLowerCase() !== last.chainHash.toLowerCase()) {
      problems.push(problem('chain-head', 'The head in manifest.json (the check code of the whole chain) does not match the last chain entry.'));
    }
    if (manifest.length !== chain.length) {
      problems.push(problem('chain-length', `manifest.json says the chain has ${manifest.length} entries, but it lists ${chain.length}.`));
    }
    const bySequence = new Map();
    for (const entry of chain) if (!bySequence.has(entry.sequence)) bySequence.set(entry.sequence, entry);

    // 3. The export record: the last entry, of kind "export", and its file matches its hash.
    const exportInfo = manifest.export;
    let exportRecord = null;
    if (!isObject(exportInfo) || !isInteger(exportInfo.sequence) || typeof exportInfo.path !== 'string') {
      problems.push(problem('export-missing', 'The export record is missing from manifest.json, so the other files could not be checked.'));
    } else {
      const sequence = exportInfo.sequence;
      result.exportSequence = sequence;
      const entry = bySequence.get(sequence);
      if (!last || sequence !== last.sequence) {
        problems.push(problem('export-not-last', `The export record (entry ${sequence}) is not the last entry of the chain.`, { entry: sequence }));
      } else if (last.kind !== 'export') {
        problems.push(problem('export-not-last', `The last entry of the chain (entry ${sequence}) is not an export record.`, { entry: sequence }));
      }
      const expected = `records/${pad6(sequence)}-export.json`;
      if (exportInfo.path !== expected) {
        problems.push(problem('record-path', `The export record should be ${expected}, but manifest.json points to ${exportInfo.path}.`,
          { path: exportInfo.path, entry: sequence }));
      }
      const hash = await hashOf(exportInfo.path);
      if (!entry) {
        problems.push(problem('export-missing', `The export record (entry ${sequence}) is not in the chain.`, { entry: sequence }));
      }
      if (hash === 'missing') {
        problems.push(problem('export-missing', `The export record ${exportInfo.path} is missing, so the other files could not be checked.`,
          { path: exportInfo.path, entry: sequence }));
      } else if (entry && hash !== 'unreadable' && hash !== entry.recordHash.toLowerCase()) {
        problems.push(problem('record-changed', `The export record ${exportInfo.path} (entry ${sequence}) does not match its hash in the chain.`,
          { path: exportInfo.path, entry: sequence }));
      }
      if (hash !== 'missing' && hash !== 'unreadable') {
        let parsed = null;
        try {
          parsed = parseJSON(await source.read(exportInfo.path));
        } catch (error) {
          if (!(error instanceof Unreadable)) throw error;
        }
        if (parsed && exportShapeOK(parsed.value)) {
          exportRecord = parsed.value;
        } else {
          problems.push(problem('export-unreadable', `The export record ${exportInfo.path} could not be read, so the other files could not be checked.`,
            { path: exportInfo.path }));
        }
      }
    }

    // 4. Every record the bundle carries: the right path, present, and matching its chain entry.
    const listed = new Map();
    for (const record of manifest.records) {
      const sequence = record.sequence;
      if (listed.has(sequence)) {
        problems.push(problem('records-differ', `Entry ${sequence} is in manifest.json’s record list twice.`, { entry: sequence }));
        continue;
      }
      listed.set(sequence, record.path);
      if (sequence === result.exportSequence) {
        problems.push(problem('records-differ', `The export record (entry ${sequence}) should not be in manifest.json’s record list.`, { entry: sequence }));
        continue;
      }
      const entry = bySequence.get(sequence);
      if (!entry) {
        problems.push(problem('records-differ', `manifest.json lists a record for entry ${sequence}, but the chain has no such entry.`, { entry: sequence }));
        continue;
      }
      const expected = `records/${pad6(sequence)}-${entry.kind}.json`;
      if (record.path !== expected) {
        problems.push(problem('record-path', `The record for entry ${sequence} should be ${expected}, but manifest.json points to ${record.path}.`,
          { path: record.path, entry: sequence }));
      }
      const hash = await hashOf(record.path);
      if (hash === 'missing') {
        problems.push(problem('record-missing', `The record file ${record.path} (entry ${sequence}) is missing.`, { path: record.path, entry: sequence }));
      } else if (hash !== 'unreadable' && hash !== entry.recordHash.toLowerCase()) {
        problems.push(problem('record-changed', `The record file ${record.path} (entry ${sequence}) does not match its hash in the chain.`,
          { path: record.path, entry: sequence }));
      }
    }

    if (exportRecord) {
      // 5. The export record names the same records as the manifest.
      const committed = new Set();
      for (const sequence of exportRecord.records) {
        if (committed.has(sequence)) {
          problems.push(problem('records-differ', `The export record lists entry ${sequence} twice.`, { entry: sequence }));
        }
        committed.add(sequence);
      }
      for (const sequence of listed.keys()) {
        if (!committed.has(sequence) && sequence !== result.exportSequence) {
          problems.push(problem('records-differ', `Entry ${sequence} is in manifest.json’s record list, but not in the export record.`, { entry: sequence }));
        }
      }
      for (const sequence of Array.from(committed).sort((a, b) => a - b)) {
        if (!listed.has(sequence)) {
          problems.push(problem('records-differ', `The export record lists entry ${sequence}, but manifest.json’s record list does not.`, { entry: sequence }));
        }
      }

      // 6. Every other file the export record names, with its hash.
      const files = new Map(Object.entries(exportRecord.files));
      for (const path of Array.from(files.keys()).sort()) {
        const hash = await hashOf(path);
        if (hash === 'missing') {
          problems.push(problem('missing-file', `${path} is missing. The export record lists it.`, { path }));
        } else if (hash !== 'unreadable' && hash !== files.get(path).toLowerCase()) {
          problems.push(problem('changed-file', `${path} has been changed since the export was made.`, { path }));
        }
      }

      // 7. Nothing else.
      const known = new Set(['manifest.json', exportInfo.path, ...listed.values(), ...files.keys()]);
      for (const path of source.paths.slice().sort()) {
        if (!known.has(path)) {
          problems.push(problem('added-file', `${path} was added. It is not in the export record.`, { path }));
        }
      }
    }
    // Counted as `untether verify` counts them: the export record is one of the records checked.
    result.counts = {
      records: manifest.records.length + (result.exportSequence === null ? 0 : 1),
      files: exportRecord ? Object.keys(exportRecord.files).length : null,
      chain: chain.length,
    };
    return result;
  }

  // ------------------------------------------------------------------ the check code

  /**
   * A check code as a person may paste it: hex (16 to 64 characters, any case, spaces allowed),
   * maybe after an entry count and a separator ("42 · 9f3a…", "42 entries, 9f3a…").
   */
  function parseCheckCode(text) {
    let rest = text.normalize('NFKC').trim();
    if (!rest) return { empty: true };
    let count = null;
    const withCount = rest.match(/^#?\s*(\d+)(?:\s*(?:entries|entry|records|record)\b|\s*[·•:,;|/=#]|\s+[-–—]\s)([\s\S]*)$/iu);
    if (withCount) {
      count = parseInt(withCount[1], 10);
      rest = withCount[2];
    }
    const code = rest.replace(/[^\p{L}\p{N}]/gu, '').toLowerCase();
    if (!/^[0-9a-f]{16,64}$/.test(code)) return { invalid: true };
    return { code, count };
  }

  let lastCheck = null;

  function showCheckCode() {
    const output = byId('check-code-result');
    const parsed = parseCheckCode(byId('check-code').value);
    const say = (state, text) => {
      output.dataset.match = state;
      output.dataset.intact = lastCheck && lastCheck.problems.length === 0 ? 'yes' : 'no';
      output.textContent = text;
    };
    if (parsed.empty) return say('empty', 'Paste a check code first.');
    if (parsed.invalid) {
      return say('invalid', 'This does not look like a check code. ' +
        'A check code has at least 16 characters, using only the digits 0 to 9 and the letters a to f.');
    }
    if (!lastCheck) return say('no-bundle', 'Choose the bundle above first. Then this page can look for the code.');
    if (!lastCheck.chain) return say('no-chain', 'The chain in this bundle could not be read, so the code cannot be looked for.');
    const chain = lastCheck.chain;
    const found = chain.find((entry) => typeof entry.chainHash === 'string' && entry.chainHash.toLowerCase().startsWith(parsed.code));
    if (!found) {
      return say('not-found', 'This code is not in this bundle\u2019s chain. ' +
        'The records may have been changed, or the code belongs to another log.');
    }
    if (parsed.count !== null && parsed.count !== found.sequence) {
      return say('count-differs', `The code matches entry ${found.sequence} of ${chain.length}, but the number with it says ${parsed.count}. ` +
        'Please check that the code and the number were copied right.');
    }
    let text = `This matches entry ${found.sequence} of ${chain.length}: the chain still holds everything written down up to then.`;
    if (lastCheck.problems.length > 0) text += ' But this bundle is not intact: see the problems above.';
    return say('match', text);
  }

  // ------------------------------------------------------------------ showing the result

  function showBusy(label) {
    const body = byId('result-body');
    body.replaceChildren(el('p', { id: 'result-busy' }, `Checking ${label}…`));
  }

  function showCannotCheck(text) {
    const body = byId('result-body');
    body.replaceChildren(
      el('h3', { id: 'verdict', class: 'verdict unknown', 'data-verdict': 'cannot-check' }, 'Cannot check here'),
      el('p', {}, text),
    );
  }

  function showResult(result, label) {
    const body = byId('result-body');
    const intact = result.problems.length === 0;
    const parts = [
      el('h3', { id: 'verdict', class: intact ? 'verdict ok' : 'verdict bad', 'data-verdict': intact ? 'intact' : 'not-intact' },
        intact ? 'Intact' : 'Not intact'),
      el('p', { class: 'muted' }, `Checked: ${label}`),
    ];
    if (intact) {
      parts.push(el('p', {}, 'Every file matches the export record, and every record fits in the chain. ' +
        'Nothing was changed, added or taken out after the export was made.'));
    } else {
      parts.push(el('p', {}, 'This bundle is not the same as when it was made. Here is what the check found:'));
      const list = el('ul', { id: 'problems' });
      for (const item of result.problems.slice(0, MAX_SHOWN)) {
        list.append(el('li', { 'data-problem': item.code, 'data-path': item.path, 'data-entry': item.entry }, item.text));
      }
      parts.push(list);
      if (result.problems.length > MAX_SHOWN) {
        parts.push(el('p', { id: 'problems-more' }, `And ${result.problems.length - MAX_SHOWN} more problems.`));
      }
      parts.push(el('p', {}, 'The check cannot say who changed what, or why. A file can also be damaged when it is copied. ' +
        'If you can, ask for a fresh copy of the bundle.'));
    }
    if (result.counts) {
      const counts = el('dl', { id: 'counts' },
        el('dt', {}, 'Records checked'), el('dd', { id: 'count-records' }, String(result.counts.records)),
        el('dt', {}, 'Files checked'), el('dd', { id: 'count-files' }, result.counts.files === null ? '–' : String(result.counts.files)),
        el('dt', {}, 'Entries in the chain'), el('dd', { id: 'count-chain' }, String(result.counts.chain)),
        el('dt', {}, 'Check code of the whole chain (its length and head)'),
        el('dd', {}, el('code', { class: 'hash' }, `${result.counts.chain} · `), el('code', { id: 'head', class: 'hash' }, result.head)));
      parts.push(counts);
      if (result.exportSequence !== null) {
        parts.push(el('p', { class: 'muted' }, `The records checked include the export record, entry ${result.exportSequence}.`));
      }
    }
    if (intact) {
      parts.push(el('p', {}, 'Intact shows the bundle was not changed after the export. ' +
        'It does not show when the records were written, or that what they say is true. ' +
        'To be sure it is the real chain, compare a check code kept somewhere else (below).'));
    }
    body.replaceChildren(...parts);
  }

  function showSkipped(source) {
    if (source.skipped.length === 0) return;
    byId('result-body').append(el('p', { id: 'skipped', class: 'muted' },
      `${plural(source.skipped.length, 'file that computers add by themselves was', 'files that computers add by themselves were')} ` +
      `left out of the check, such as ${source.skipped[0]}.`));
  }

  // ------------------------------------------------------------------ wiring

  let run = 0;

  async function checkAndShow(makeSource, label) {
    run += 1;
    const mine = run;
    lastCheck = null;
    byId('check-code-result').textContent = '';
    showBusy(label);
    if (!canHash()) {
      showCannotCheck(NO_HASH);
      return;
    }
    let result;
    let source = null;
    try {
      source = await makeSource();
      result = await checkBundle(source);
    } catch (error) {
      if (mine !== run) return;
      if (error instanceof NotAZip) {
        result = { problems: [problem('not-zip', 'This file is not a zip file, or it is damaged. Please choose the bundle’s .zip file.')], chain: null, counts: null };
      } else if (error instanceof CannotInflate) {
        showCannotCheck(NO_INFLATE);
        return;
      } else {
        showCannotCheck('Something went wrong while checking, so there is no answer. ' +
          'Please try again, or use another browser, or run “untether verify” with the zip file.');
        return;
      }
    }
    if (mine !== run) return;
    lastCheck = result;
    showResult(result, label);
    if (source) showSkipped(source);
    if (byId('check-code').value.trim()) showCheckCode();
  }

  function start() {
    const notes = [];
    if (!canHash()) notes.push(NO_HASH);
    else if (!canInflate()) notes.push(NO_INFLATE);
    const support = byId('support-note');
    if (notes.length > 0) {
      support.textContent = notes.join(' ');
      support.hidden = false;
    }

    byId('zip-input').addEventListener('change', (event) => {
      const file = event.target.files && event.target.files[0];
      if (!file) return;
      checkAndShow(async () => zipSource(await file.arrayBuffer(), file.name), file.name);
    });
    byId('folder-input').addEventListener('change', (event) => {
      const files = event.target.files;
      if (!files || files.length === 0) return;
      const source = folderSource(files);
      checkAndShow(async () => source, source.name ? `the folder ${source.name}` : 'the chosen files');
    });
    byId('check-code-form').addEventListener('submit', (event) => {
      event.preventDefault();
      showCheckCode();
    });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
