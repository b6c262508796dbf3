// A small RFC 4180 CSV reader for the account import: no CSV library is a dependency, and the import needs only this.
// Pure, so the web page and the server read a file the same way.
//
// Handles quoted fields (commas, quotes doubled as "", line breaks inside quotes), CRLF, LF or CR line ends, a UTF-8
// byte order mark, and a missing line break at the end. Each record keeps the line its first field starts on, so row
// errors name the line an operator sees in their editor (a quoted field with line breaks spans several lines).

export interface CsvRecord {
  /** 1-based line of the file the record starts on. */
  line: number;
  fields: string[];
}

export class CsvSyntaxError extends Error {
  override readonly name = 'CsvSyntaxError';
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`Line ${line}: ${message}`);
  }
}

/** Every record of the text, blank lines skipped. Throws CsvSyntaxError for a quote left open or text after a quote. */
export function parseCsv(text: string): CsvRecord[] {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let index = 0;
  // Whether the current field was quoted: then `field` is complete and only a separator or line end may follow.
  let quoted = false;

  const endRecord = () => {
    fields.push(field);
    // A line with nothing on it is not a record (RFC 4180 allows none; editors leave them at the end).
    if (!(fields.length === 1 && fields[0] === '' && !quoted)) records.push({ line: recordLine, fields });
    fields = [];
    field = '';
    quoted = false;
  };

  while (index < source.length) {
    const char = source[index]!;
    if (char === '"' && field === '' && !quoted) {
      // A quoted field: read to its closing quote; "" inside is one quote.
      const openedOn = line;
      index += 1;
      for (;;) {
        if (index >= source.length) throw new CsvSyntaxError(openedOn, 'a quoted field is not closed.');
        const inner = source[index]!;
        if (inner === '"') {
          if (source[index + 1] === '"') {
            field += '"';
            index += 2;
            continue;
          }
          index += 1;
          break;
        }
        if (inner === '\r' || inner === '\n') {
          // Line breaks inside quotes are data; count them so later records keep their true line numbers.
          if (inner === '\r' && source[index + 1] === '\n') {
            field += '\r\n';
            index += 2;
          } else {
            field += inner;
            index += 1;
          }
          line += 1;
          continue;
        }
        field += inner;
        index += 1;
      }
      quoted = true;
      continue;
    }
    if (char === ',') {
      fields.push(field);
      field = '';
      quoted = false;
      index += 1;
      continue;
    }
    if (char === '\r' || char === '\n') {
      endRecord();
      index += char === '\r' && source[index + 1] === '\n' ? 2 : 1;
      line += 1;
      recordLine = line;
      continue;
    }
    if (quoted) throw new CsvSyntaxError(line, 'text follows a closing quote; double a quote inside a quoted field ("").');
    if (char === '"') throw new CsvSyntaxError(line, 'a quote inside an unquoted field; quote the whole field and double the quote.');
    field += char;
    index += 1;
  }
  if (field !== '' || quoted || fields.length > 0) endRecord();
  return records;
}
