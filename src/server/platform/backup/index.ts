export { backupDirOf, createBackup, listBackups, platformVersion, pruneBackups, type BackupOptions, type BackupResult, type BackupSettings } from './backup.js';
export { BACKUP_QUEUE, backupJobs, scheduleBackups, type BackupJobDeps } from './backup.jobs.js';
export { backupErrors, readManifest, verifyBackup, MANIFEST_FILE, type Manifest, type ManifestEntry } from './manifest.js';
export { restoreBackup, type RestoreOptions, type RestoreResult, type RestoreSettings, type RestoreTarget } from './restore.js';
export { holdServerLock, liveServerLock, serverLockFile } from './server-lock.js';
