// npm run verify -- <data dir> [--anchor <seq>:<sha256>]…: recomputes the event log's hash chain, replays the
// log into a fresh in-memory database and compares every projection table with the stored one, recomputes
// every closed round's result from the stored ballots (secret rounds: checks the totals against who took part),
// and checks each anchor — a log position and hash published when a result was announced (hall screen, portal,
// exports) — against the log. Reports every problem found. Exit code 0 when intact, 1 when not, 2 on usage
// errors.
import { existsSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { checkIntegrity, describeIntegrity } from '../records/integrity';
import { MIN_ANCHOR_HEX, parseAnchor, type Anchor } from '../records/result-check';

function usage(problem: string): never {
  console.error(problem);
  console.error(
    'Cách dùng / usage: npm run verify -- <thư mục dữ liệu / data dir> [--anchor <mục/seq>:<sha256>]… ' +
      `(mã băm đủ 64 ký tự hoặc ít nhất ${MIN_ANCHOR_HEX} ký tự đầu / the full 64-character hash or at least its first ${MIN_ANCHOR_HEX})`,
  );
  process.exit(2);
}

const args = process.argv.slice(2);
const anchors: Anchor[] = [];
let dirArg: string | undefined;
for (let i = 0; i < args.length; i += 1) {
  const arg = args[i]!;
  if (arg === '--anchor' || arg.startsWith('--anchor=')) {
    const value = arg === '--anchor' ? args[++i] : arg.slice('--anchor='.length);
    const anchor = value === undefined ? null : parseAnchor(value);
    if (!anchor) usage(`Mốc không hợp lệ / invalid anchor: "${value ?? ''}" (cần dạng / expected <seq>:<sha256>)`);
    anchors.push(anchor);
  } else if (arg.startsWith('--')) {
    usage(`Tùy chọn không rõ / unknown option: ${arg}`);
  } else if (dirArg === undefined) {
    dirArg = arg;
  } else {
    usage(`Thừa tham số / unexpected argument: ${arg}`);
  }
}

const dir = path.resolve(dirArg ?? process.env.DATA_DIR ?? './data');
const file = path.join(dir, 'hoi-dong.sqlite');
if (!existsSync(file)) {
  console.error(`Không tìm thấy cơ sở dữ liệu / database not found: ${file}`);
  process.exit(2);
}
const db = new Database(file, { readonly: true, fileMustExist: true });
const report = checkIntegrity(db, anchors);
db.close();
console.log(JSON.stringify(report));
if (!report.ok) {
  for (const line of describeIntegrity(report)) console.error(line);
  process.exit(1);
}
const anchorLine = anchors.length > 0 ? `; ${anchors.length} mốc khớp / anchors match` : '';
console.log(
  `Toàn vẹn: ${report.chain.entries} mục, khớp với bảng dữ liệu; ${report.results.checked} kết quả tính lại khớp${anchorLine}; ` +
    `đầu nhật ký ${report.head.seq}:${report.head.hash} / intact`,
);
