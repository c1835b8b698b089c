// better-sqlite3 13 installed under another name (see sqlite.ts): the same API as 12, whose types it uses.
declare module 'better-sqlite3-napi' {
  import Database from 'better-sqlite3';
  export default Database;
}
