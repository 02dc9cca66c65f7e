export {
  CsvParser,
  type CsvParserOptions,
  type CsvRow,
  DEFAULT_MAX_COLUMNS,
  DEFAULT_MAX_FIELD_SIZE,
  parseCsv,
} from './csv-parser.js';
export { formatError } from './errors.js';
export {
  DEFAULT_MAX_LINE_SIZE,
  type JsonlEntry,
  JsonlParser,
  type JsonlParserOptions,
} from './jsonl-parser.js';
export {
  detectFormat,
  type ReadRecordsOptions,
  type RecordEntry,
  type RecordFormat,
  readRecords,
} from './read.js';
export { type InputRecord, type JsonValue, valueToText } from './record.js';
export {
  type CellValue,
  createCsvWriter,
  createJsonlWriter,
  openRecordWriter,
  type RecordWriter,
  type WriterOptions,
  type WriterRow,
} from './write.js';
