/**
 * A small streaming CSV reader and writer (RFC 4180: comma separated, fields optionally in double quotes, `""` for a
 * quote inside one, CRLF or LF line breaks, line breaks allowed inside quotes) that reports the physical line each
 * record starts on, so a rejected row can be found in the file even after quoted multi-line fields.
 *
 * Hostile input never throws: a quote inside an unquoted field, text after a closing quote or a quoted field left
 * open at the end of the file is kept as read and the record is flagged `malformed`. Blank lines are skipped. The
 * byte order mark is dropped and invalid UTF-8 becomes U+FFFD (the row rules reject such fields).
 */
import { createReadStream } from 'node:fs';

/** One record: the physical line (1-based) it starts on, its fields, and why it is malformed (null when it is not). */
export interface CsvRecord {
  line: number;
  fields: string[];
  malformed: string | null;
}

/** Parser states. */
const State = { FieldStart: 0, Unquoted: 1, Quoted: 2, QuoteInQuoted: 3 } as const;
type State = (typeof State)[keyof typeof State];

/** Incremental parser: feed text with {@link push}, finish with {@link end}; records go to the callback in order. */
export class CsvParser {
  private state: State = State.FieldStart;
  private line = 1;
  private recordLine = 1;
  private field = '';
  private fields: string[] = [];
  private inRecord = false;
  private malformed: string | null = null;
  /** The previous character was a CR (a following LF belongs to the same line break). */
  private afterCr = false;

  constructor(private readonly emit: (record: CsvRecord) => void) {}

  push(text: string): void {
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (this.afterCr) {
        this.afterCr = false;
        if (ch === LF) {
          // The LF of a CRLF: same line break; inside quotes it is part of the value.
          if (this.state === State.Quoted) this.field += '\n';
          continue;
        }
      }
      switch (this.state) {
        case State.FieldStart:
          if (!this.inRecord) {
            if (ch === LF || ch === CR) {
              this.newline(ch);
              continue; // a blank line: no record
            }
            this.inRecord = true;
            this.recordLine = this.line;
          }
          if (ch === QUOTE) this.state = State.Quoted;
          else if (ch === COMMA) this.fields.push('');
          else if (ch === LF || ch === CR) this.endRecord(ch);
          else {
            // Fast path: copy the run of ordinary characters at once.
            const end = scanUnquoted(text, i);
            this.field = text.slice(i, end);
            i = end - 1;
            this.state = State.Unquoted;
          }
          break;
        case State.Unquoted:
          if (ch === COMMA) this.endField();
          else if (ch === LF || ch === CR) this.endRecord(ch);
          else {
            if (ch === QUOTE) this.flag('a quote inside an unquoted field (quote the field and double the quote)');
            const end = ch === QUOTE ? i + 1 : scanUnquoted(text, i);
            this.field += text.slice(i, end);
            i = end - 1;
          }
          break;
        case State.Quoted:
          if (ch === QUOTE) this.state = State.QuoteInQuoted;
          else {
            if (ch === LF || ch === CR) this.newline(ch);
            this.field += text[i];
          }
          break;
        case State.QuoteInQuoted:
          if (ch === QUOTE) {
            this.field += '"';
            this.state = State.Quoted;
          } else if (ch === COMMA) this.endField();
          else if (ch === LF || ch === CR) this.endRecord(ch);
          else {
            this.flag('text after the closing quote of a field');
            this.field += text[i];
            this.state = State.Unquoted;
          }
          break;
      }
    }
  }

  /** Ends the input: emits the last record (flagged when a quoted field was left open). */
  end(): void {
    if (this.state === State.Quoted) this.flag('a quoted field is not closed before the end of the file');
    if (this.inRecord) {
      this.fields.push(this.field);
      this.flush();
    }
  }

  private newline(ch: number): void {
    this.line++;
    if (ch === CR) this.afterCr = true;
  }

  private flag(reason: string): void {
    this.malformed ??= reason;
  }

  private endField(): void {
    this.fields.push(this.field);
    this.field = '';
    this.state = State.FieldStart;
  }

  private endRecord(ch: number): void {
    this.fields.push(this.field);
    this.flush();
    this.newline(ch);
  }

  private flush(): void {
    const record: CsvRecord = { line: this.recordLine, fields: this.fields, malformed: this.malformed };
    this.fields = [];
    this.field = '';
    this.malformed = null;
    this.inRecord = false;
    this.state = State.FieldStart;
    this.emit(record);
  }
}

const LF = 10;
const CR = 13;
const QUOTE = 34;
const COMMA = 44;

/** Index of the first comma, quote, CR or LF at or after `from` (or the end of the text). */
function scanUnquoted(text: string, from: number): number {
  let i = from;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === COMMA || c === QUOTE || c === LF || c === CR) break;
    i++;
  }
  return i === from ? from + 1 : i;
}

/** Parses a whole text (tests, small files). */
export function parseCsv(text: string): CsvRecord[] {
  const out: CsvRecord[] = [];
  const parser = new CsvParser((r) => out.push(r));
  parser.push(text.replace(/^\uFEFF/u, ''));
  parser.end();
  return out;
}

/**
 * Streams the records of a file to `onRecord`, decoding UTF-8 (byte order mark dropped, invalid bytes → U+FFFD).
 * Records are delivered synchronously per chunk, so the caller's memory stays bounded by what it keeps.
 */
export async function readCsvFile(path: string, onRecord: (record: CsvRecord) => void): Promise<void> {
  const decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });
  const parser = new CsvParser(onRecord);
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    parser.push(decoder.decode(chunk as Buffer, { stream: true }));
  }
  parser.push(decoder.decode());
  parser.end();
}

/** One CSV line (CRLF-free): fields quoted when they hold a comma, quote or line break, or start/end with a space. */
export function csvLine(fields: readonly (string | number | null | undefined)[]): string {
  return fields
    .map((value) => {
      const text = value === null || value === undefined ? '' : String(value);
      return /[",\r\n]|^\s|\s$/u.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
    })
    .join(',');
}
