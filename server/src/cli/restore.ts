// npm run restore -- <backup dir> <data dir> [--force-other-council] [--force]: puts a backup made by
// POST /api/backup or `npm run backup` back into a data directory. Refuses another council's backup (unless
// --force-other-council) and a data directory a running server is using (unless --force). The previous
// database is kept beside it as hoi-dong.sqlite.before-restore-<time>.
import path from 'node:path';
import { restoreDataDir } from '../records/backup';

const args = process.argv.slice(2);
const flags = new Set(args.filter((a) => a.startsWith('--')));
const [backupDir, dataDir] = args.filter((a) => !a.startsWith('--'));
const known = new Set(['--force-other-council', '--force']);
const unknown = [...flags].filter((f) => !known.has(f));
if (!backupDir || !dataDir || unknown.length > 0) {
  console.error('Cách dùng / usage: npm run restore -- <thư mục sao lưu / backup dir> <thư mục dữ liệu / data dir> [--force-other-council] [--force]');
  process.exit(2);
}
const result = restoreDataDir(path.resolve(backupDir), path.resolve(dataDir), {
  forceOtherCouncil: flags.has('--force-other-council'),
  force: flags.has('--force'),
});
if (!result.ok) {
  console.error(result.message);
  process.exit(1);
}
console.log(
  `Đã khôi phục / restored: hội đồng ${result.councilId ?? '?'}, nhật ký ${result.logHead.seq}:${result.logHead.hash}, ` +
    `${result.documents} tài liệu / documents` +
    (result.previous ? `; dữ liệu cũ giữ tại / previous database kept at ${result.previous}` : ''),
);
