import { capped, CAUSE_LEAD, CHANGES_HEADING, collapse, demojibake, DOC_LINE, ERROR_LINE, ERROR_OPENING, ERROR_TYPE_ENTRY, ERROR_TYPE_LINE, ENTRY_TITLE, ERROR_TYPE_STATUS, EXAMPLE_INTRO, EXPLAINER_HEADING, FIRST_SOURCE_LINE, LEADING_STATUS, LIST_INTRO, OUTPUT_MARK, PROBE_LOG_LINE, REFERENCE_LEAD, REFERENCE_PROSE, RELEASE_SECTION, REPORTS_ERROR, signature, SIGNATURES, SOURCE_FENCE, STATUS_CAUSES, STATUS_ENTRY, STATUS_HEADING, STATUS_LINE, STATUS_WORD, TOPICS, unescaped, type Signature } from './knowledge/signatures.js';
import { redact } from './util/redact.js';
import { printable } from './util/text.js';

/** One diagnosis of a pasted text: the signature's code, cause, fix and source, and the evidence line that matched. */
export interface Diagnosis {
  code: string;
  cause: string;
  fix: string;
  /** The line that matched (1-based), and its text (redacted, control characters escaped, at most 300 characters). */
  line: number;
  evidence: string;
  source: string;
}

/** The vertical borders of a box drawn around a line (`│ message │`), at its start or end. */
const BOX_BORDER = /^\s{0,8}[│┃║]\s?|\s?[│┃║]\s*$/g;

/**
 * What a paste carries that is no part of the message, removed from each line before anything is read: a terminal's colour
 * and cursor escapes (`ESC[31m`, `ESC[38:2::255:0:0m`, `ESC[>1u`, an OSC title).
 */
const PASTE_NOISE = /\x1b\[[0-9;:?<=>]*[ -/]*[@-~]|\x1b\][^\x07\x1b\n]{0,200}(?:\x07|\x1b\\)/g;
/** A Markdown quote's marker (`> `, `> > `), removed when every line of the text carries one (a comment quoting the error). */
const QUOTE = /^(?:\s{0,3}>(?= |$) ?)+/;
/**
 * A log collector's prefix before each line of the program's own output: journald's `Dec 04 01:02:03 host litellm[1234]: `
 * and `kubectl logs --timestamps`'s `2026-12-04T01:02:03.456789Z ` (removed wherever they stand), docker compose's
 * `litellm-1  | ` (COMPOSE_PREFIX: removed when two lines or more and half the text's lines at least carry one, not from a
 * table's `gpt-4 | …` row). A text with them is output.
 */
const COLLECTOR_PREFIX = /^(?:[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d [\w.-]{1,60} [\w.@/-]{1,60}(?:\[\d{1,10}\])?: |\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,9})?Z )/;
const COMPOSE_PREFIX = /^[\w.-]{1,60}-\d{1,3}\s{1,20}\| /;
/** Spaces a web page or a chat app pastes instead of the ASCII one (no-break, narrow and ideographic spaces). */
const ODD_SPACE = /[\u00a0\u2000-\u200a\u202f\u205f\u3000]/g;
/** The HTML entities a page's copied source leaves in a message (`&quot;error&quot;`). */
const ENTITY = /&(?:quot|lt|gt|amp|#39|apos);/g;
const ENTITIES: Record<string, string> = { '&quot;': '"', '&lt;': '<', '&gt;': '>', '&amp;': '&', '&#39;': "'", '&apos;': "'" };

/** Largest text explain reads (characters): its first and last 2 MB when longer (a log's error is near one end). */
export const EXPLAIN_MAX = 4 << 20;
/** Lines ruled out together by one keyword test when none of them holds a keyword. */
const BLOCK = 32;
/** A line longer than this is matched on its first and last 4 kB. */
const LINE_MAX = 8 << 10;

/** The longest keyword of any signature (characters): how far a keyword can reach across a line break. */
const KEYWORD_MAX = Math.max(...SIGNATURES.flatMap((s) => s.keywords.map((k) => k.length)));
/** Each signature's keywords, and those of them with a space (the ones a wrapped line can split). */
const KEYWORDS = SIGNATURES.map((s) => ({ all: s.keywords, spaced: s.keywords.filter((k) => k.includes(' ')) }));

/**
 * The longest source (characters) of one keyword alternation. V8 stops optimising a regular expression whose source
 * is about 20 kB or more (observed with Node 22.23: a 20,300-character alternation of the keywords tests a 32-line
 * block of a LiteLLM log in about 25 µs, a 20,470-character one in about 430 µs), so the keywords are split into
 * alternations below it.
 */
const ALTERNATION_MAX = 12_000;

/** Keywords as alternations (escaped, each source at most ALTERNATION_MAX characters); one that never matches for none. */
function alternations(words: readonly string[], flags = ''): RegExp[] {
  const parts: string[][] = [[]];
  let length = 0;
  for (const w of words.map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))) {
    if (length + w.length + 1 > ALTERNATION_MAX && parts.at(-1)!.length > 0) {
      parts.push([]);
      length = 0;
    }
    parts.at(-1)!.push(w);
    length += w.length + 1;
  }
  return parts.map((p) => new RegExp(p.join('|') || '(?!)', flags));
}

/**
 * Where keywords start, and which signatures each keyword belongs to: `starts` finds each position a keyword (with a
 * space, for `spaced`) starts at; `byHead` maps a keyword's first two characters to the keywords beginning so, each
 * with a bit per signature (by its index) that has it.
 */
function keywordIndex(spaced: boolean): { starts: RegExp[]; byHead: Map<string, [keyword: string, bits: bigint][]> } {
  const bits = new Map<string, bigint>();
  KEYWORDS.forEach((k, n) => {
    for (const w of spaced ? k.spaced : k.all) bits.set(w, (bits.get(w) ?? 0n) | (1n << BigInt(n)));
  });
  const byHead = new Map<string, [string, bigint][]>();
  for (const [w, b] of bits) {
    const head = w.slice(0, 2);
    if (!byHead.has(head)) byHead.set(head, []);
    byHead.get(head)!.push([w, b]);
  }
  return { starts: alternations([...bits.keys()], 'g'), byHead };
}
const INDEX = { all: keywordIndex(false), spaced: keywordIndex(true) };

/** Whether `text` holds any keyword (the same alternations, so each is compiled once: a few tests rule most lines out). */
function hasKeyword(text: string): boolean {
  return INDEX.all.starts.some((r) => {
    r.lastIndex = 0;
    return r.test(text);
  });
}

/**
 * A bit per signature (by its index) that has a keyword in `text` (lower-case); `spaced`: only keywords with a space.
 * Each position a keyword starts at is found by the alternations (stepping one character past each match, so keywords
 * that overlap are all found) and only the keywords with the same first two characters are compared there: linear in
 * the text's length, not in its length times the number of keywords.
 */
function keywordHits(text: string, spaced: boolean): bigint {
  const { starts, byHead } = spaced ? INDEX.spaced : INDEX.all;
  let bits = 0n;
  for (const r of starts) {
    r.lastIndex = 0;
    for (let m = r.exec(text); m; m = r.exec(text)) {
      for (const [w, b] of byHead.get(text.slice(m.index, m.index + 2))!) if (text.startsWith(w, m.index)) bits |= b;
      r.lastIndex = m.index + 1;
    }
  }
  return bits;
}

/**
 * Every known failure in a pasted text (a Claude Code screen, an `API Error: …` line, a LiteLLM log, a traceback,
 * curl output), each reported once, in the order its evidence appears — a pure function of the text.
 *
 * Each line is read with the next two joined to it (wrapped banners), whitespace collapsed, and where a terminal cut a
 * long line mid-word (the next going on indented), also with the halves joined as one word. A signature is tried
 * only on lines holding one of its keywords (so a 1 MB log costs one pass of substring checks, then a few
 * regular expressions on the candidate lines). A match that another match `supersedes` (a symptom of that cause:
 * a refused connection beside a certificate error), or a generic wrapper beside any specific cause, is dropped.
 * When nothing matches, what its error lines are about names their causes (knowledge/signatures.ts TOPICS; one per
 * paragraph, so a wrapped message is one; one that another supersedes dropped there too), failing that the HTTP statuses the text shows (STATUS_CAUSES), and failing that a
 * symptom other failures leave too (a signature's `symptoms`: "Provider returned error", "wrote empty content"). Lines are
 * matched with JSON escapes undone (knowledge/signatures.ts unescaped); the evidence is the line as pasted, less what a
 * paste carries besides the message (cleaned: a terminal's escapes, a quote's markers, a log collector's prefixes).
 */
export function explainText(input: string): Diagnosis[] {
  const text = input.length > EXPLAIN_MAX ? `${input.slice(0, EXPLAIN_MAX / 2)}\n${input.slice(-EXPLAIN_MAX / 2)}` : input;
  const { lines: raw, collected } = cleaned(text.split(/\r?\n/).map((l) => (l.length > LINE_MAX ? capped(l) : l)));
  // Matched with JSON escapes undone (a body quoted inside a body) and mojibake repaired; the evidence is the line as pasted
  // (less what cleaned() removes: escapes, quote markers, a collector's prefixes).
  // A box's borders (`│ … │`, a TUI's frame around a message) are no part of it.
  const lines = raw.map((l) => unescaped(demojibake(l)).replace(BOX_BORDER, ''));
  const lower = lines.map((l) => l.toLowerCase());
  // A terminal's hard wrap (cut[j]): a long line cut mid-word and going on indented on the next (`… Miss⏎    ing
  // reasoning_content`); its halves are also read joined as one word, for keywords, patterns and topics.
  const cut = lines.map((l, j) => j + 1 < lines.length && l.length >= WRAP_MIN && WRAP_END.test(l) && WRAP_NEXT.test(lines[j + 1]!));
  // Which signatures have a keyword in each line, once per line (not once per window it is part of); a keyword
  // with a space in it can be wrapped onto two lines, so those are also looked for at the seams (seams[i]: the end
  // of line i joined by one space to the start of the next, without the wrap's indent or trailing blanks). A block
  // of lines with no keyword at all — most of a log — is ruled out by one test of its lines trimmed and joined by
  // spaces (each of its seams is a part of that string).
  const inLine: bigint[] = new Array<bigint>(lower.length).fill(0n);
  const seams: bigint[] = new Array<bigint>(lower.length).fill(0n);
  for (let b = 0; b < lower.length; b += BLOCK) {
    const end = Math.min(lower.length, b + BLOCK);
    const block = lower.slice(b, end + 1).map((l) => l.trim());
    if (!hasKeyword(block.join(' ')) && !(cut.slice(b, end).includes(true) && hasKeyword(block.map((l, k) => (cut[b + k] ? l : `${l} `)).join('')))) continue;
    for (let j = b; j < end; j++) {
      inLine[j] = keywordHits(lower[j]!, false);
      if (j + 1 < lower.length) seams[j] = keywordHits(`${lower[j]!.trimEnd().slice(-KEYWORD_MAX)} ${lower[j + 1]!.trimStart().slice(0, KEYWORD_MAX)}`, true);
      if (cut[j]) seams[j]! |= keywordHits(`${lower[j]!.trimEnd().slice(-KEYWORD_MAX)}${lower[j + 1]!.trimStart().slice(0, KEYWORD_MAX)}`, false);
    }
  }
  // Whether a line is documentation (DOC_LINE), tested once per line however many signatures match on it.
  const doc: (boolean | undefined)[] = [];
  const inSource = sourceBlocks(raw);
  // A line of a page's example, or of source that reports no error itself: the fallbacks read nothing from it either
  // (their own DOC_LINE test is theirs).
  const source = (k: number) => inSource[k] === EXAMPLE || (inSource[k] === SOURCE && !REPORTS_ERROR.test(raw[k]!));
  const isDoc = (k: number) => (doc[k] ??= source(k) || DOC_LINE.test(raw[k]!));
  // symptom: matched only by the signature's symptoms (it stands only alone, and supersedes nothing).
  const found = new Map<string, { sig: Signature; line: number; symptom?: boolean }>();
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]!.trim()) continue;
    const near = inLine[i]! | (inLine[i + 1] ?? 0n) | (inLine[i + 2] ?? 0n) | seams[i]! | (seams[i + 1] ?? 0n);
    if (near === 0n) continue;
    let window: string | undefined;
    // The two lines before the window, where what rules a signature out may stand too (a wrapper above its reason).
    let before: string | undefined;
    // Where the second and third line begin in the window (collapsing "a b" keeps collapse("a ") as its prefix).
    let second = 0;
    let third = 0;
    // The same window with its hard wraps joined as one word (and where its lines begin there), if it has one.
    let glued: { window: string; second: number; third: number } | undefined | null;
    for (const [n, sig] of SIGNATURES.entries()) {
      const had = found.get(sig.code);
      if ((had && !had.symptom) || sig.patterns.length === 0 || !(near & (1n << BigInt(n)))) continue;
      if (window === undefined) {
        window = collapse(`${lines[i]} ${lines[i + 1] ?? ''} ${lines[i + 2] ?? ''}`);
        second = collapse(`${lines[i]} `).length;
        third = collapse(`${lines[i]} ${lines[i + 1] ?? ''} `).length;
      }
      if (sig.unless) {
        before ??= i > 0 ? collapse(`${lines[i - 2] ?? ''} ${lines[i - 1]}`) : '';
        if (sig.unless.test(window) || sig.unless.test(before)) continue;
      }
      // The line a match starts on: this one, or one of the two joined to it; none from documentation.
      // (in a window whose second and third lines begin at `from2` and `from3`)
      const lineIn = (from2: number, from3: number) => (m: RegExpExecArray) => {
        const at = m.index < from2 ? i : m.index < from3 ? i + 1 : i + 2;
        return !sig.inDocs && isDoc(at) ? undefined : at;
      };
      const lineAt = lineIn(second, third);
      let strong = firstMatch(sig.patterns, window!, lineAt);
      if (strong === undefined && (glued ??= cut[i] || cut[i + 1] ? joined(lines, i, cut) : null) && !sig.unless?.test(glued.window)) {
        strong = firstMatch(sig.patterns, glued.window, lineIn(glued.second, glued.third));
      }
      const at = strong ?? (had || !sig.symptoms ? undefined : firstMatch(sig.symptoms, window!, lineAt));
      if (at === undefined) continue;
      found.set(sig.code, { sig, line: at, symptom: strong === undefined });
    }
  }
  const hits = [...found.values()];
  const kept: { sig: Signature; line: number }[] = hits.filter((h) => {
    if (h.symptom) return false;
    if (hits.some((o) => o !== h && !o.symptom && o.sig.supersedes?.includes(h.sig.code))) return false;
    if (h.sig.generic && hits.some((o) => o !== h && !o.symptom && !o.sig.generic)) return false;
    return true;
  });
  if (kept.length === 0) {
    // What the error lines are about, one cause per paragraph; a cause that supersedes another here too (the read timeout
    // above the `Socket closed` it left).
    const topics = firstPerCode(lines, topicOf, source, true, lines.map((l, j) => (cut[j] ? `${l.trimEnd()}${lines[j + 1]!.trimStart()}` : undefined)));
    kept.push(...topics.filter((h) => !topics.some((o) => o !== h && o.sig.supersedes?.includes(h.sig.code))));
  }
  if (kept.length === 0) kept.push(...firstPerCode(lines, statusOf, source));
  // A symptom other failures leave too names its cause only when nothing else in the text does.
  if (kept.length === 0) kept.push(...hits.filter((h) => h.symptom));
  if (kept.length > 0 && !collected && aboutStatuses(raw)) return [];
  kept.sort((a, b) => a.line - b.line || SIGNATURES.indexOf(a.sig) - SIGNATURES.indexOf(b.sig));
  return kept.map(({ sig, line }) => ({ code: sig.code, cause: sig.cause, fix: sig.fix, line: line + 1, evidence: printable(redact(raw[line]!.trim(), []), 300), source: sig.source }));
}

/**
 * `lines` without what a paste carries besides the message: a terminal's escapes (PASTE_NOISE), odd spaces, HTML entities,
 * a log collector's prefixes (COLLECTOR_PREFIX; COMPOSE_PREFIX when two lines or more and half at least have one), a
 * quote's markers when every line has one (QUOTE); `collected`: whether a collector prefixed them (the text is output).
 */
function cleaned(lines: readonly string[]): { lines: string[]; collected: boolean } {
  let collected = false;
  const out = lines.map((l) => {
    const plain = l.replace(PASTE_NOISE, '').replace(ODD_SPACE, ' ').replace(ENTITY, (e) => ENTITIES[e]!);
    const unprefixed = plain.replace(COLLECTOR_PREFIX, '');
    collected ||= unprefixed !== plain;
    return unprefixed;
  });
  const filled = out.filter((l) => l.trim() !== '');
  const prefixed = filled.filter((l) => COMPOSE_PREFIX.test(l)).length;
  const composed = prefixed >= 2 && 2 * prefixed >= filled.length;
  const unprefixed = composed ? out.map((l) => l.replace(COMPOSE_PREFIX, '')) : out;
  const quoted = filled.length > 0 && unprefixed.every((l) => l.trim() === '' || QUOTE.test(l));
  return { lines: quoted ? unprefixed.map((l) => l.replace(QUOTE, '')) : unprefixed, collected: collected || composed };
}

/**
 * Whether a text is a page about HTTP statuses rather than a failure: one of its lines is documentation that names a
 * status (`An HTTP 429 means …`, `you will receive a 429 HTTP status code`) and none reports an error itself
 * (REPORTS_ERROR) or looks like output (OUTPUT_MARK: a JSON brace, a log's clock time). Its other sentences (`Sending too
 * many requests per second`, under "Common reasons include:") describe the failure, they do not report it. Stops at the
 * first line of output, so a log costs a line or two.
 */
function aboutStatuses(lines: readonly string[]): boolean {
  let docStatus = false;
  for (const l of lines) {
    if (REPORTS_ERROR.test(l) || OUTPUT_MARK.test(l)) return false;
    docStatus ||= STATUS_WORD.test(l) && DOC_LINE.test(l);
  }
  return docStatus;
}

/** What a line of a text is part of (sourceBlocks): output, source code, or an example a page shows. */
const OUTPUT = 0;
const SOURCE = 1;
const EXAMPLE = 2;

/**
 * What each of `lines` stands in: SOURCE inside a Markdown code block of source, config or a diagram (opened by
 * {@link SOURCE_FENCE}, closed by the next fence; the fences included; an unclosed block runs to the end) and
 * throughout a text that opens as a source file ({@link FIRST_SOURCE_LINE}); EXAMPLE in a body a page introduces
 * ({@link EXAMPLE_INTRO}: its fenced block, or its JSON up to the brace that closes it) and in the paragraph below a
 * help page's `Cause:` ({@link EXPLAINER_HEADING}), and on the name an API reference's entry describes (the line above
 * its {@link REFERENCE_LEAD}: `AuthenticationError` over `Raised when …`; a {@link STATUS_HEADING} over the prose that
 * explains it; a help page's entry over its cause, helpEntry); EXAMPLE too on the entries of a paragraph that lists three
 * error types or more ({@link ERROR_TYPE_ENTRY}: a class hierarchy, a type's variants), on the bullets below a page's {@link
 * LIST_INTRO} (`Fallbacks execute in order when:`), and on a reference's catalogue of statuses ({@link STATUS_ENTRY}: three
 * or more, one a success or run together with its type, or five or more — all of them list items only under a title; from
 * the first to the paragraph after the last); SOURCE on the lines below a {@link CHANGES_HEADING} (`## What changed`) up to
 * the next heading, and on the bullets of a release page's {@link RELEASE_SECTION} (`Bug Fixes` over a list, up to the
 * first line after a blank one that is no list item); OUTPUT elsewhere. A SOURCE line that reports an error itself is
 * still read (a traceback's last line in a ```python block); an EXAMPLE line is not.
 */
function sourceBlocks(lines: readonly string[]): number[] {
  // (A text pasted inside a fence of output, ``` or ```text, opens with the line after it.)
  const first = lines.findIndex((l) => l.trim() !== '' && !OUTPUT_FENCE.test(l));
  const inside = new Array<number>(lines.length).fill(first >= 0 && FIRST_SOURCE_LINE.test(lines[first]!) ? SOURCE : OUTPUT);
  let open = false;
  // The last line with text so far: the name an entry describes, if the line after it is the entry's lead.
  let named = -1;
  // The error-type entries of the paragraph so far; below a list's introduction; below a heading of changes.
  let entries: number[] = [];
  // listed: 1 below a list's introduction (blank lines may stand before its first bullet), 2 among its bullets.
  let listed = 0;
  // changes: below a heading of changes, or among the bullets of a release page's section (release).
  let changes = false;
  let release = false;
  // The statuses a reference lists (`401 Unauthorized`, `402BILLING_ERROR`, `200 OK リクエストは…`), the first and last line
  // of them, and whether one is a success or a status run together with its type (a reference's, not a client's lines).
  const statuses = new Set<string>();
  let firstHeading = -1;
  let lastHeading = -1;
  let reference = false;
  // How many of those are list items (`- 401 Unauthorized：…`) or run on after a colon: a relay's list of its failures reads so too.
  let bulleted = 0;
  for (let i = 0; i <= lines.length; i++) {
    const l = lines[i] ?? '';
    if (l.trim() === '' || open) {
      if (entries.length >= 3) for (const k of entries) inside[k] = EXAMPLE;
      entries = [];
    } else if (l.length < 200 && ERROR_TYPE_ENTRY.test(l)) entries.push(i);
    if (i === lines.length) break;
    if (!open && /^\s{0,3}#{1,6}\s/.test(l)) changes = CHANGES_HEADING.test(l);
    else if (!open && RELEASE_SECTION.test(l) && BULLET.test(nextText(lines, i))) changes = release = true;
    else if (release && !open && l.trim() !== '' && !BULLET.test(l) && lines[i - 1]!.trim() === '') changes = release = false;
    else if (changes && !open && inside[i] === OUTPUT) inside[i] = SOURCE;
    if (listed && !open && (l.trim() !== '' || listed === 2)) {
      if (BULLET.test(l)) {
        inside[i] = EXAMPLE;
        listed = 2;
      } else listed = 0;
    }
    if (l.length < 400 && STATUS_ENTRY.test(l)) {
      const status = /[1-5]\d\d/.exec(l)![0];
      statuses.add(status);
      if (firstHeading < 0) firstHeading = i;
      lastHeading = i;
      reference ||= status.startsWith('2') || /^\s*\d{3}[A-Z]/.test(l);
      if (/^\s{0,3}[-*•]|^\s{0,3}\d{3} [A-Z][A-Za-z ]{1,40}[:：]/.test(l)) bulleted++;
    }
    if (l.trim() !== '') {
      if (named >= 0 && !open && (REFERENCE_LEAD.test(l) || (STATUS_HEADING.test(lines[named]!) && REFERENCE_PROSE.test(l)) || helpEntry(lines[named]!, l))) inside[named] = EXAMPLE;
      named = i;
    }
    if (!open && l.length < 300 && LIST_INTRO.test(l) && !ERROR_LINE.test(l)) listed = 1;
    const fence = l.length < 40 && FENCE.test(l);
    if (!open && fence && SOURCE_FENCE.test(l)) open = true;
    else if (open && fence) {
      inside[i] = SOURCE;
      open = false;
      continue;
    }
    if (open) inside[i] = SOURCE;
    else if (l.length < 400) {
      const heading = EXPLAINER_HEADING.test(l);
      if (heading || EXAMPLE_INTRO.test(l)) i = markExample(lines, i, inside, heading);
    }
  }
  // Three statuses or more listed as a reference lists them (STATUS_ENTRY), one of them a success or run together with its
  // type, or five or more: a catalogue of them, its entries below each (`402BILLING_ERROR` over `This API key has insufficient
  // credits …`), from its first status to the paragraph after its last (a client's lines of statuses are no catalogue).
  // (Five or more, all of them list items, only under a title: `# Error Response`.)
  let above = firstHeading - 1;
  while (above >= 0 && lines[above]!.trim() === '') above--;
  const titled = above >= 0 && ENTRY_TITLE.test(lines[above]!);
  if ((statuses.size >= 5 && (bulleted < statuses.size || titled)) || (statuses.size >= 3 && reference)) {
    let end = lastHeading + 1;
    while (end < lines.length && lines[end]!.trim() === '') end++;
    while (end < lines.length && lines[end]!.trim() !== '') end++;
    for (let k = firstHeading; k < end; k++) inside[k] = EXAMPLE;
  }
  return inside;
}

/**
 * A hard wrap's first half: this long at least (characters), ending in a word character; its second goes on indented (not a
 * stack frame's `    at …`, `  File …`, nor `Caused by:`).
 */
const WRAP_MIN = 40;
const WRAP_END = /\w$/;
const WRAP_NEXT = /^\s{2,}(?!(?:at|File|from|Caused by|during|in|Traceback|raise|return)\b)\w/;

/**
 * The window of lines `i` to `i + 2` collapsed, each hard wrap (`cut`) joined without a space, and where its second and
 * third line begin in it.
 */
function joined(lines: readonly string[], i: number, cut: readonly boolean[]): { window: string; second: number; third: number } {
  const a = cut[i] ? lines[i]!.trimEnd() : `${lines[i]} `;
  const b = cut[i] ? (lines[i + 1] ?? '').trimStart() : (lines[i + 1] ?? '');
  const ab = `${a}${cut[i + 1] ? b.trimEnd() : `${b} `}`;
  const c = cut[i + 1] ? (lines[i + 2] ?? '').trimStart() : (lines[i + 2] ?? '');
  return { window: collapse(`${ab}${c}`), second: collapse(a).length, third: collapse(ab).length };
}

/** A first-person word: a user's own sentence, not a page's. */
const FIRST_PERSON = /\b(?:I|I'm|I've|my|me|we|our|us)\b/;

/** The next line with text after line `i`, within ten lines ('' when none). */
function nextText(lines: readonly string[], i: number): string {
  for (let k = i + 1; k < lines.length && k <= i + 10; k++) if (lines[k]!.trim() !== '') return lines[k]!;
  return '';
}

/**
 * Whether `title` over `lead` is a help page's entry ({@link ENTRY_TITLE} over {@link CAUSE_LEAD}: `### **Error: "…"**` over
 * `**Cause:** …`): not when the title holds a body, a status or an error code (`### Error: connect ECONNREFUSED …`), nor when the
 * cause is a user's guess (first person, `unknown`, `not sure`).
 */
function helpEntry(title: string, lead: string): boolean {
  return CAUSE_LEAD.test(lead) && ENTRY_TITLE.test(title) && !FIRST_PERSON.test(lead) && !/\b(?:unknown|not sure)\b/i.test(lead) && !/[{}]|\b[45]\d\d\b|\bE[A-Z]{4,}\b/.test(title);
}

/** A list's item: a bullet or a number. */
const BULLET = /^\s{0,8}(?:[-*•]|\d{1,2}[.)])\s/;
/** How many lines an example below its introduction can span. */
const EXAMPLE_MAX = 200;
/** A Markdown fence (```, ~~~) opening or closing a block; one of output alone on its line (```, ```text, ```console, …). */
const FENCE = /^\s{0,3}(?:```|~~~)/;
const OUTPUT_FENCE = /^\s{0,3}(?:```|~~~)(?:text|txt|console|log|logs|output|plaintext|json)?\s*$/;
/** A JSON body's first line, and an HTTP response's status line: what an example below an introduction may open with. */
const JSON_OPEN = /^\s*[{[]/;
const HTTP_OPEN = /^\s*HTTP\/\d/;

/**
 * Marks EXAMPLE the body below line `intro` (past blank lines): a fenced block to its closing fence, a JSON body to
 * the bracket that closes it, an HTTP response (`HTTP/1.1 401 Unauthorized …`: its headers, then its body), or (`paragraph`: below a help page's heading) the paragraph. Returns the last line marked.
 */
function markExample(lines: readonly string[], intro: number, inside: number[], paragraph: boolean): number {
  let i = intro + 1;
  while (i < lines.length && lines[i]!.trim() === '') i++;
  if (i >= lines.length) return intro;
  // One caption over the body (`Provider Error (from OpenAI)`, short; or a page's sentence that says it shows a sample:
  // `Illustrative trace when …:`), marked with it.
  const body = (k: number) => k < lines.length && (FENCE.test(lines[k]!) || JSON_OPEN.test(lines[k]!) || HTTP_OPEN.test(lines[k]!));
  const caption = (l: string) => (l.length <= 60 && !l.includes(':')) || (l.length <= 300 && /:\s*$/.test(l) && /\b(?:illustrative|sample|example|typical|e\.g\.|for instance)\b/i.test(l) && !FIRST_PERSON.test(l));
  if (!paragraph && !body(i) && caption(lines[i]!)) {
    let k = i + 1;
    while (k < lines.length && lines[k]!.trim() === '') k++;
    if (body(k)) {
      for (; i < k; i++) inside[i] = EXAMPLE;
    }
  }
  const fenced = FENCE.test(lines[i]!);
  // An HTTP response: its status line and headers, then the body after them, if one follows.
  const http = HTTP_OPEN.test(lines[i]!);
  if (!paragraph && !body(i)) return intro;
  let depth = 0;
  for (let j = i; j < lines.length && j - i < EXAMPLE_MAX; j++) {
    const l = lines[j]!;
    inside[j] = EXAMPLE;
    if (paragraph || (http && depth <= 0 && !/[{[]/.test(l))) {
      if (j + 1 >= lines.length || lines[j + 1]!.trim() === '') {
        if (!http) return j;
        let k = j + 1;
        while (k < lines.length && lines[k]!.trim() === '') k++;
        if (k >= lines.length || !JSON_OPEN.test(lines[k]!)) return j;
        j = k - 1;
      }
    } else if (fenced) {
      if (j > i && FENCE.test(l)) return j;
    } else {
      for (const c of l) depth += c === '{' || c === '[' ? 1 : c === '}' || c === ']' ? -1 : 0;
      if (depth <= 0) return j;
    }
  }
  return Math.min(lines.length, i + EXAMPLE_MAX) - 1;
}

/** The line (`lineOf` a match) of the first of `patterns` that matches `text` where `lineOf` gives one. */
function firstMatch(patterns: readonly RegExp[], text: string, lineOf: (m: RegExpExecArray) => number | undefined): number | undefined {
  for (const p of patterns) {
    const m = p.exec(text);
    const at = m ? lineOf(m) : undefined;
    if (at !== undefined) return at;
  }
  return undefined;
}

/**
 * Each cause `codeOf` names for a line of `lines`, once, at the first line naming it. `perParagraph`: a paragraph
 * (lines up to a blank one) names one cause, its first — a message wrapped over lines is one message — and a line
 * up to {@link OPENING_REACH} below an error opening of its paragraph is read as an error line too (`codeOf`'s second
 * argument: the message line of a pretty-printed body, below its `"error": {` or `API Error: 400`). Lines `skip` holds
 * (those of a source block) name nothing and open nothing. `alt[i]`: the line read another way (a hard wrap's halves joined),
 * tried where the line as pasted names nothing.
 */
function firstPerCode(lines: readonly string[], codeOf: (line: string, inError: boolean) => string | undefined, skip: (i: number) => boolean, perParagraph = false, alt: readonly (string | undefined)[] = []): { sig: Signature; line: number }[] {
  const seen = new Map<string, { sig: Signature; line: number }>();
  // The line of the paragraph's error opening, if it has had one (a blank line ends the paragraph).
  let opened = -1;
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]!.trim()) opened = -1;
    if (skip(i)) continue;
    const inError = perParagraph && opened >= 0 && i - opened <= OPENING_REACH;
    const code = codeOf(lines[i]!, inError) ?? (alt[i] === undefined ? undefined : codeOf(alt[i]!, inError));
    if (perParagraph && opened < 0 && opensError(lines[i]!)) opened = i;
    if (!code) continue;
    if (!seen.has(code)) seen.set(code, { sig: signature(code), line: i });
    if (perParagraph) while (i + 1 < lines.length && lines[i + 1]!.trim()) i++;
  }
  return [...seen.values()];
}

/** How many lines below its opening an error report reaches (a pretty-printed body's message is a few lines down). */
const OPENING_REACH = 8;

/**
 * The cause an HTTP status on `line` stands for (STATUS_CAUSES; STATUS_LINE, or LEADING_STATUS, or an Anthropic body's error
 * type without its status, ERROR_TYPE_LINE); none on a probe's access-log line or documentation.
 */
function statusOf(line: string): string | undefined {
  if (PROBE_LOG_LINE.test(line) || DOC_LINE.test(line)) return undefined;
  const m = STATUS_LINE.exec(line) ?? LEADING_STATUS.exec(line);
  if (m) return STATUS_CAUSES[Number(m[1] ?? m[2])];
  // An Anthropic body quoted without its status: its error type says the status.
  const t = ERROR_TYPE_LINE.exec(line);
  return t ? STATUS_CAUSES[ERROR_TYPE_STATUS[t[1]!]!] : undefined;
}

/**
 * A line the topic pass reads nothing from: over 2000 characters, a probe's access-log line (tested on `probe`, the
 * line as the caller reads it), or documentation (DOC_LINE).
 */
function unread(text: string, probe = text): boolean {
  return text.length > 2000 || PROBE_LOG_LINE.test(probe) || DOC_LINE.test(text) || prose(text);
}

/**
 * A paragraph of prose (over 300 characters and three sentences or more, or over 80 characters and two sentences in Chinese
 * or Japanese; no brace of a body, no quote of a message — a quote over 40 characters, or one left open — but a term's
 * (`the "LiteLLM Proxy"`), no error report's marks — REPORTS_ERROR, or a field path opening it as
 * in `messages.1.content.0.type: Expected thinking …`): it describes, it does not report.
 */
function prose(text: string): boolean {
  const quoted = text.split('"');
  if (/[{}]/.test(text) || quoted.length % 2 === 0 || quoted.some((q, k) => k % 2 === 1 && (q.length > 40 || /:|error|fail|invalid|denied|refused|closed|busy|unknown|limit|exceed|tim(?:e|ed) ?out|not found|expired|capacity/i.test(q))) || REPORTS_ERROR.test(text) || /^\s*[\w.[\]]{1,80}: /.test(text)) return false;
  return (text.length > 300 && (text.match(/[a-z)][.!?] [A-Z]/g)?.length ?? 0) >= 2) || (text.length > 80 && (text.match(/[。！？]/g)?.length ?? 0) >= 2);
}

/** A line that opens an error report (ERROR_OPENING) and is not {@link unread}. */
function opensError(text: string): boolean {
  return ERROR_OPENING.test(text) && !unread(text);
}

/**
 * The cause an error line is about (TOPICS: the first whose subject and refusal it holds), if it reads as an error
 * or stands a few lines below an error opening of its paragraph (`inError`).
 */
function topicOf(text: string, inError: boolean): string | undefined {
  if (text.length > 2000) return undefined;
  // A count of none ("0 invalid, 0 rate-limited" in a status summary) is no error.
  // An exception's name is read as its words (`ProviderModelNotFoundError`: provider model not found).
  const line = text.replace(/\b0 [\w-]+/g, ' ').replace(/\b[A-Z][a-z]+(?:[A-Z][a-z]+)+(?=Error\b|Exception\b)/g, (n) => n.replace(/(?<=[a-z])(?=[A-Z])/g, ' '));
  const own = ERROR_LINE.test(line);
  if (!(inError || own) || unread(text, line)) return undefined;
  return TOPICS.find((t) => (own || !t.ownLine) && t.subject.test(line) && t.refusal.test(line.replace(t.subject, ' ')))?.code;
}
