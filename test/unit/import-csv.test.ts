// The account import's CSV reader (RFC 4180): quotes, commas and line breaks inside quotes, CRLF, a byte order mark,
// and the line numbers row errors are reported with; then the file format's rows and their errors (line and column).

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, parseCsv } from '#shared/imports/csv.ts';
import { MAX_IMPORT_ROWS, parseImportFile } from '#shared/imports/rows.ts';

describe('the import CSV reader', () => {
  it('splits plain records on commas and line ends, keeping empty fields', () => {
    expect(parseCsv('a,b,c\n1,,3\n')).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['1', '', '3'] },
    ]);
  });

  it('reads quoted fields with commas, doubled quotes and line breaks, and counts lines inside them', () => {
    const records = parseCsv('name,note\r\n"Kowalski, Jan","He said ""hi""\r\non two lines"\r\nlast,"x"\r\n');
    expect(records).toEqual([
      { line: 1, fields: ['name', 'note'] },
      { line: 2, fields: ['Kowalski, Jan', 'He said "hi"\r\non two lines'] },
      { line: 4, fields: ['last', 'x'] },
    ]);
  });

  it('accepts CRLF, LF and CR line ends and a missing final line break', () => {
    expect(parseCsv('a\r\nb\nc\rd').map((record) => [record.line, record.fields[0]])).toEqual([
      [1, 'a'],
      [2, 'b'],
      [3, 'c'],
      [4, 'd'],
    ]);
  });

  it('drops a UTF-8 byte order mark, so the first header is read by its name', () => {
    expect(parseCsv('\uFEFFrecord,name\naccount,Łódź Software\n')[0]!.fields[0]).toBe('record');
    expect(parseCsv('\uFEFFrecord,name\naccount,Łódź Software\n')[1]!.fields[1]).toBe('Łódź Software');
  });

  it('skips blank lines but keeps the line numbers of the records after them', () => {
    expect(parseCsv('a\n\n\nb\n\n')).toEqual([
      { line: 1, fields: ['a'] },
      { line: 4, fields: ['b'] },
    ]);
  });

  it('keeps an empty quoted field as a record and as a field', () => {
    expect(parseCsv('""\n"",x')).toEqual([
      { line: 1, fields: [''] },
      { line: 2, fields: ['', 'x'] },
    ]);
  });

  it('refuses a quote left open, naming the line it opened on', () => {
    expect(() => parseCsv('a,b\n1,"open\n2,3\n')).toThrow(CsvSyntaxError);
    try {
      parseCsv('a,b\n1,"open\n2,3\n');
    } catch (error) {
      expect((error as CsvSyntaxError).line).toBe(2);
    }
  });

  it('refuses text after a closing quote and a bare quote inside a field', () => {
    expect(() => parseCsv('"a"b,c')).toThrow(/closing quote/);
    expect(() => parseCsv('a,b"c')).toThrow(/quote inside an unquoted field/);
  });
});

describe('the import file format', () => {
  const example = readFileSync(new URL('../../docs/import-example.csv', import.meta.url), 'utf8');
  const header = example.split('\r\n')[0]!;

  it('reads the documented example without an error', () => {
    const parsed = parseImportFile(example);
    expect(parsed.errors).toEqual([]);
    expect(parsed.rowCount).toBe(9);
    expect(parsed.rows.map((row) => row.record)).toEqual([
      'account',
      'user',
      'user',
      'licence',
      'licence',
      'contract',
      'account',
      'user',
      'contract',
    ]);
    expect(parsed.rows[0]).toEqual({
      record: 'account',
      line: 2,
      accountRef: 'OLD-1001',
      name: 'Lakeside Tools, Inc.',
      email: 'office@lakeside-tools.example',
      country: 'US',
    });
    expect(parsed.rows[4]).toMatchObject({ record: 'licence', serial: 'LT-0002', users: 3, supportYears: 0, days: 365 });
    expect(parsed.rows[8]).toMatchObject({ record: 'contract', number: 'CT-2024-002', activationCode: 'ABCDEFGHJKMN' });
  });

  it('names the line and the column of every bad cell, and keeps reading the other rows', () => {
    const csv = [
      header,
      'account,A1,Acme,not-an-email,POL,,,,,,,,,,,,,,',
      'licence,A1,,,,,,,Remote Access,Enterprise,ten,S-1,2024-02-30,,,,,,',
      'user,A1,,ok@example.com,,boss,,,,,,,,,,,,,',
      'gadget,A1,,,,,,,,,,,,,,,,,',
      'user,A1,,ok@example.com,,owner,,,,,,,,,,,,,',
    ].join('\n');
    const parsed = parseImportFile(csv);
    expect(parsed.errors.map(({ line, column }) => [line, column])).toEqual([
      [2, 'email'],
      [2, 'country'],
      [3, 'users'],
      [3, 'purchased_on'],
      [4, 'role'],
      [5, 'record'],
    ]);
    expect(parsed.rows).toEqual([expect.objectContaining({ record: 'user', line: 6, email: 'ok@example.com', role: 'owner' })]);
  });

  it('refuses a second row with the same natural key, pointing at the first', () => {
    const csv = [header, 'licence,A1,,,,,,,P,E,1,s-1,2024-01-01,,,,,,', 'licence,A2,,,,,,,P,E,1,S-1,2024-01-01,,,,,,'].join('\n');
    expect(parseImportFile(csv).errors).toEqual([
      { line: 3, column: 'serial', code: 'DUPLICATE_ROW', message: 'The same licence is already on line 2.' },
    ]);
  });

  it('refuses unknown columns and a file without a record column before reading rows', () => {
    expect(parseImportFile('record,colour\naccount,red').errors).toEqual([
      expect.objectContaining({ line: 1, message: expect.stringContaining('Unknown column "colour"') }),
    ]);
    expect(parseImportFile('name,email\nAcme,a@example.com').errors).toEqual([expect.objectContaining({ line: 1, column: 'record' })]);
  });

  it('caps the file at 1,000 rows, naming the first line past the cap', () => {
    const rows = Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, index) => `account,A${index},Acme,a${index}@example.com,,`);
    const parsed = parseImportFile(['record,account_id,name,email,country,role', ...rows].join('\n'));
    expect(parsed.rows).toEqual([]);
    expect(parsed.errors).toEqual([
      { line: MAX_IMPORT_ROWS + 2, code: 'TOO_MANY_ROWS', message: `At most ${MAX_IMPORT_ROWS} rows per file; split it.` },
    ]);
  });

  it('reports a quote left open as an error of its line instead of throwing', () => {
    expect(parseImportFile(`${header}\naccount,"A1,Acme`).errors).toEqual([
      { line: 2, code: 'CSV_SYNTAX', message: expect.stringContaining('not closed') },
    ]);
  });
});
