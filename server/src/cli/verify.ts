// npm run verify -- <data dir>: recomputes the event log's hash chain, replays the log into a fresh in-memory
// database and compares every projection table with the stored one. Reports the first broken link and every
// differing row. Exit code 0 when intact, 1 when not, 2 on usage errors.
import { existsSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { checkIntegrity, describeIntegrity } from '../records/integrity';

const dir = path.resolve(process.argv[2] ?? process.env.DATA_DIR ?? './data');
const file = path.join(dir, 'hoi-dong.sqlite');
if (!existsSync(file)) {
  console.error(`Không tìm thấy cơ sở dữ liệu / database not found: ${file}`);
  process.exit(2);
}
const db = new Database(file, { readonly: true, fileMustExist: true });
const report = checkIntegrity(db);
db.close();
console.log(JSON.stringify(report));
if (!report.ok) {
  for (const line of describeIntegrity(report)) console.error(line);
  process.exit(1);
}
console.log(
  `Toàn vẹn: ${report.chain.entries} mục, khớp với bảng dữ liệu; đầu nhật ký ${report.head.seq}:${report.head.hash} / intact`,
);
