// npm run backup -- <data dir> <destination dir>: a consistent online copy of a running hall server's data
// (SQLite online backup API for the database, then the document files, which are immutable).
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

const [source = process.env.DATA_DIR ?? './data', destination] = process.argv.slice(2);
if (!destination) {
  console.error('Cách dùng / usage: npm run backup -- <thư mục dữ liệu / data dir> <thư mục sao lưu / backup dir>');
  process.exit(2);
}
const dbFile = path.join(path.resolve(source), 'hoi-dong.sqlite');
if (!existsSync(dbFile)) {
  console.error(`Không tìm thấy cơ sở dữ liệu / database not found: ${dbFile}`);
  process.exit(2);
}
const target = path.resolve(destination);
if (existsSync(path.join(target, 'hoi-dong.sqlite'))) {
  console.error(`Thư mục đích đã có bản sao lưu / destination already holds a backup: ${target}`);
  process.exit(2);
}
mkdirSync(path.join(target, 'documents'), { recursive: true });
const db = new Database(dbFile, { readonly: true, fileMustExist: true });
await db.backup(path.join(target, 'hoi-dong.sqlite'));
db.close();
let files = 0;
const docs = path.join(path.resolve(source), 'documents');
if (existsSync(docs)) {
  for (const name of readdirSync(docs)) {
    if (!/^[0-9a-f]{64}\.pdf$/.test(name)) continue;
    copyFileSync(path.join(docs, name), path.join(target, 'documents', name));
    files += 1;
  }
}
console.log(`Đã sao lưu vào / backed up to ${target} (${files} tài liệu / documents)`);
