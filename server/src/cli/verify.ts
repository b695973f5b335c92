// npm run verify -- <data dir>: recomputes the event log's hash chain and reports the first broken link.
import { existsSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { verifyChain } from '../storage/event-log';

const dir = path.resolve(process.argv[2] ?? process.env.DATA_DIR ?? './data');
const file = path.join(dir, 'hoi-dong.sqlite');
if (!existsSync(file)) {
  console.error(`Không tìm thấy cơ sở dữ liệu / database not found: ${file}`);
  process.exit(2);
}
const db = new Database(file, { readonly: true });
const report = verifyChain(db);
db.close();
console.log(JSON.stringify(report));
if (!report.ok) {
  console.error(`Chuỗi nhật ký bị phá vỡ tại mục ${report.brokenAt?.seq} (${report.brokenAt?.reason}) / log chain broken at entry ${report.brokenAt?.seq}`);
  process.exit(1);
}
console.log(`Toàn vẹn: ${report.entries} mục, hash ${report.headHash} / intact`);
