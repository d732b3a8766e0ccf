import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { skipPostgres, testDialects } from '../../../../test/support/db.js';
import type { Config } from '../../config.js';
import { openDatabase, type DatabaseHandle } from '../../db/database.js';
import { migrateToLatest } from '../../db/migrate.js';
import { seedAll, startServer } from '../../main.js';
import { createFileStore } from '../files/index.js';
import { createBackup, restoreBackup, type BackupResult, type RestoreTarget } from './index.js';
import { contentOf, testDeployment } from './backup.testing.js';

for (const dialect of testDialects) {
  (dialect === 'postgres' && skipPostgres ? describe.skip : describe)(`backup and restore [${dialect}]`, () => {
    let config: Readonly<Config>;
    let drop: () => Promise<void>;
    let database: DatabaseHandle | undefined;
    let backup: BackupResult;
    let atBackup: Awaited<ReturnType<typeof contentOf>>;

    const open = async () => (database ??= await openDatabase(config));
    const close = async () => {
      await database?.destroy();
      database = undefined;
    };
    /** SQLite is restored with no connection open; PostgreSQL through one. */
    const target = async (): Promise<RestoreTarget> => {
      if (dialect === 'postgres') return open();
      await close();
      return { dialect: 'sqlite', location: path.join(config.dataDir, 'hinggan.sqlite') };
    };
    const current = async () => contentOf((await open()).db, dialect, config.dataDir);

    beforeAll(async () => {
      ({ config, drop } = await testDeployment(dialect));
      const db = await open();
      await migrateToLatest(db.db);
      await seedAll(db, config, 'demo');
      const store = createFileStore(config);
      await store.put(db.db, Buffer.from('兴安盟行政公署 通知 第一号'), { name: '通知.txt' });
      await store.put(db.db, Buffer.from('%PDF-1.4 placeholder'), { name: 'a.pdf' });
      atBackup = await current();
      backup = await createBackup(db, config);
    });
    afterAll(async () => {
      await close();
      await drop();
    });

    it('restores exactly what there was at backup time after rows and a blob changed', async () => {
      const db = (await open()).db;
      const store = createFileStore(config);
      const later = await store.put(db, Buffer.from('备份之后上传的文件'), { name: 'later.txt' });
      const first = atBackup.blobs[0]!.split(' ')[0]!;
      await rm(path.join(config.dataDir, first));
      await sql`update orgs set name_zh = ${'改过的名称'} where id = (select min(id) from orgs)`.execute(db);
      await sql`delete from user_roles`.execute(db);
      const changed = await current();
      expect(changed).not.toEqual(atBackup);
      expect(changed.blobs.some((b) => b.startsWith(first))).toBe(false);

      const result = await restoreBackup(backup.dir, await target(), config, { yes: true });
      expect(result.blobsCopied).toBe(1);

      const restored = await current();
      expect(Object.keys(restored.tables)).toEqual(Object.keys(atBackup.tables));
      expect(restored).toEqual(atBackup);
      expect(restored.tables.files!.some((row) => row.includes(later.id))).toBe(false);
    });

    it('refuses a backup with one damaged byte, naming the file, and changes nothing', async () => {
      const damaged = `${backup.dir}-damaged`;
      await cp(backup.dir, damaged, { recursive: true });
      const blob = backup.manifest.files.find((f) => f.path.startsWith('files/'))!.path;
      const bytes = await readFile(path.join(damaged, blob));
      bytes[3] = bytes[3]! ^ 0x01;
      await writeFile(path.join(damaged, blob), bytes);
      await sql`delete from sessions`.execute((await open()).db);
      const before = await current();

      await expect(restoreBackup(damaged, await target(), config, { yes: true })).rejects.toThrow(path.join(damaged, blob));
      expect(await current()).toEqual(before);
    });

    it('refuses a manifest edited by hand', async () => {
      const edited = `${backup.dir}-edited`;
      await cp(backup.dir, edited, { recursive: true });
      const file = path.join(edited, 'manifest.json');
      const manifest = JSON.parse(await readFile(file, 'utf8')) as { files: { path: string }[] };
      manifest.files = manifest.files.filter((f) => !f.path.startsWith('files/'));
      await writeFile(file, JSON.stringify(manifest, null, 2));
      const before = await current();

      await expect(restoreBackup(edited, await target(), config, { yes: true })).rejects.toMatchObject({
        code: 'backup.damaged',
        message: expect.stringContaining(`${file}（清单的 SM3 校验值不符`),
      });
      expect(await current()).toEqual(before);
    });

    it('does not restore without confirmation', async () => {
      await expect(restoreBackup(backup.dir, await target(), config, { yes: false })).rejects.toMatchObject({ code: 'backup.not_confirmed' });
    });

    it('backs up while the server answers requests, none failing, and restore refuses while it runs', async () => {
      await close();
      const started = await startServer(config);
      try {
        const base = started.urls.portal;
        let stop = false;
        const outcomes: number[] = [];
        const load = async () => {
          const paths = ['healthz', 'api/openapi.json', ''];
          for (let i = 0; !stop; i++) {
            const response = await fetch(`${base}${paths[i % paths.length]}`).catch(() => undefined);
            await response?.arrayBuffer();
            outcomes.push(response?.status ?? 0);
          }
        };
        const loops = Array.from({ length: 4 }, load);
        await new Promise((r) => setTimeout(r, 100));
        const during = await createBackup(started.database, config);
        stop = true;
        await Promise.all(loops);
        expect(outcomes.length).toBeGreaterThan(10);
        expect(outcomes.filter((s) => s !== 200)).toEqual([]);
        expect(during.manifest.migrations.length).toBeGreaterThan(0);

        if (dialect === 'sqlite') {
          const refused = restoreBackup(during.dir, { dialect: 'sqlite', location: started.database.location }, config, { yes: true });
          await expect(refused).rejects.toMatchObject({ code: 'backup.server_running' });
        } else {
          // Another process's lock (here: our parent, which is alive) marks a running server.
          await writeFile(path.join(config.dataDir, 'server.lock'), JSON.stringify({ pid: process.ppid, host: (await import('node:os')).hostname(), startedAt: '' }));
          await expect(restoreBackup(during.dir, started.database, config, { yes: true })).rejects.toMatchObject({ code: 'backup.server_running' });
          await rm(path.join(config.dataDir, 'server.lock'));
        }
      } finally {
        await started.stop();
      }
    });
  });
}
