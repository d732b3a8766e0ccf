import type { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import type { Db } from '../../../db/database.js';
import type { AuditContext, AuditLog } from '../../../platform/audit/index.js';
import type { Clock } from '../../../platform/clock.js';
import { sm2PublicKeyToPem, sm2Sign, sm3Hex, type Sm2KeyPair } from '../../../platform/crypto/index.js';
import { AppError } from '../../../platform/errors/app-error.js';
import type { FileStore } from '../../../platform/files/index.js';
import { authorize } from '../../../platform/policy/index.js';
import type { Actor } from '../../../platform/actor.js';
import { archiveSources, retentionPeriods } from '../../../../shared/documents-receiving.js';
import type { OrgService } from '../../orgs/index.js';
import { OrgLookup, orgPathsOf } from '../receive/index.js';
import type { ArchiveMetadata } from './archive.metadata.js';
import { archivePolicy } from './archive.policy.js';
import { archiveRepository as repo } from './archive.repository.js';
import type { ArchiveItemRow } from './archive.table.js';
import { itemXml, xmlDocument } from './archive.xml.js';
import { type TarEntry, tarGzStream } from './tar-writer.js';
import './archive.errors.js';

export interface ExportDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly audit: AuditLog;
  readonly orgs: OrgService;
  readonly files: FileStore;
  /** The platform's SM2 key: it signs the package manifest. */
  readonly signing: Sm2KeyPair;
}

export interface ArchivePackage {
  /** A suggested file name, e.g. `Q0001-2026-归档包.tar.gz`. */
  readonly name: string;
  readonly items: number;
  readonly stream: Readable;
}

const extensionOf = (mediaType: string) => (mediaType === 'application/pdf' ? 'pdf' : mediaType === 'image/png' ? 'png' : 'jpg');

/** 归档文件目录 (DA/T 22 §5.5): one row per 件 in 档号 order. */
function catalogueXml(fonds: { code: string; name: string }, year: number, items: readonly ArchiveItemRow[]): string {
  return xmlDocument([
    '归档文件目录',
    [
      ['全宗号', fonds.code],
      ['全宗名称', fonds.name],
      ['年度', year],
      ['件数', items.length],
      ...items.map(
        (i): Parameters<typeof xmlDocument>[0] => [
          '条目',
          [
            ['档号', i.archival_code],
            ['件号', String(i.item_number).padStart(4, '0')],
            ['保管期限', retentionPeriods[i.retention].label],
            ['机构或问题', i.unit_name],
            ['责任者', i.responsible],
            ['文号', i.doc_number],
            ['题名', i.title],
            ['日期', i.document_date?.replaceAll('-', '') ?? null],
            ['页数', Number(i.pages)],
            ['备注', archiveSources[i.source]],
          ],
        ],
      ),
    ],
  ]);
}

/**
 * An archival package (归档包) of one organisation and year, as a tar.gz stream:
 *
 *   归档文件目录.xml                      the catalogue
 *   <档号>/原件.pdf                       the sealed original (or scan), byte for byte
 *   <档号>/归档件.pdf                     the archival copy with the 归档章
 *   <档号>/元数据.xml                     DA/T 46 metadata with the whole process
 *   <档号>/电子签名验证.json              the verdict on the original's seals at filing (when sealed)
 *   manifest.xml                        every file's SM3 and size
 *   manifest.sig                        SM2 signature of manifest.xml by the platform key (with its public key)
 *
 * The seals themselves travel inside the originals, where anyone can verify them.
 */
export function createArchiveExport(deps: ExportDeps) {
  const { db, clock, audit, orgs, files, signing } = deps;

  /** The package of an organisation (id, ref or division code) and year; the caller has authorised it. */
  async function build(who: AuditContext, orgKey: string, year: number): Promise<ArchivePackage> {
    const org = await orgs.find(orgKey);
    if (!org) throw new AppError('documents.archive_not_found', { details: { orgId: orgKey } });
    const orgId = org.id;
    const [items, fondsRow] = await Promise.all([repo.itemsOfYear(db, orgId, year), repo.findFonds(db, orgId)]);
    if (items.length === 0 || !fondsRow) throw new AppError('documents.archive_nothing_to_export', { details: { orgId, year } });
    await audit.record(db, { ...who, action: 'documents.archive_export', object: { type: 'archive-fonds', id: orgId }, details: { year, items: items.length } });
    const fonds = { code: fondsRow.fonds_code, name: fondsRow.fonds_name || org.nameZh };
    const mtime = clock.now();

    async function* entries(): AsyncGenerator<TarEntry> {
      const manifest: { path: string; size: number; sm3: string }[] = [];
      const entry = (path: string, data: Uint8Array): TarEntry => {
        manifest.push({ path, size: data.length, sm3: sm3Hex(data) });
        return { name: path, data, mtime };
      };
      yield entry('归档文件目录.xml', Buffer.from(catalogueXml(fonds, year, items), 'utf8'));
      for (const item of items) {
        const metadata = JSON.parse(item.metadata) as ArchiveMetadata;
        const original = await files.get(db, item.original_file_id);
        yield entry(`${item.archival_code}/原件.${extensionOf(original.file.mediaType)}`, await buffer(original.stream));
        const archival = await files.get(db, item.archival_file_id);
        yield entry(`${item.archival_code}/归档件.pdf`, await buffer(archival.stream));
        yield entry(`${item.archival_code}/元数据.xml`, Buffer.from(itemXml(metadata), 'utf8'));
        if (metadata.signatures) yield entry(`${item.archival_code}/电子签名验证.json`, Buffer.from(`${JSON.stringify(metadata.signatures, null, 2)}\n`, 'utf8'));
      }
      const manifestXml = Buffer.from(
        xmlDocument([
          '归档包清单',
          [
            ['全宗号', fonds.code],
            ['年度', year],
            ['生成时间', mtime.toISOString()],
            ['杂凑算法', 'SM3'],
            ...manifest.map((m): Parameters<typeof xmlDocument>[0] => ['文件', [['路径', m.path], ['大小', m.size], ['杂凑值', m.sm3]]]),
          ],
        ]),
        'utf8',
      );
      yield { name: 'manifest.xml', data: manifestXml, mtime };
      const signature = sm2Sign(signing.privateKey, manifestXml);
      const statement = [
        '# SM2-with-SM3 signature (DER, base64) of manifest.xml, signer id 1234567812345678',
        Buffer.from(signature).toString('base64'),
        sm2PublicKeyToPem(signing.publicKey).trim(),
        '',
      ].join('\n');
      yield { name: 'manifest.sig', data: Buffer.from(statement, 'utf8'), mtime };
    }

    return { name: `${fonds.code}-${year}-归档包.tar.gz`, items: items.length, stream: tarGzStream(entries()) };
  }

  return {
    /** For a signed-in clerk of the organisation (or its 办公室). */
    async package(actor: Actor, who: AuditContext, orgId: string, year: number): Promise<ArchivePackage> {
      const { paths } = await orgPathsOf(new OrgLookup(orgs), orgId).catch(() => {
        throw new AppError('documents.archive_not_found', { details: { orgId } });
      });
      authorize(actor, archivePolicy, 'export', { paths });
      return build(who, orgId, year);
    },

    /** For the console (`hinggan archive export`): whoever runs it holds the database and the keys already. */
    console: (who: AuditContext, orgKey: string, year: number) => build(who, orgKey, year),
  };
}

export type ArchiveExport = ReturnType<typeof createArchiveExport>;
