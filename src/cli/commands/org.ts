import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { loadConfig } from '../../server/config.js';
import { openDatabase } from '../../server/db/database.js';
import { migrateToLatest } from '../../server/db/migrate.js';
import { AppError } from '../../server/platform/errors/app-error.js';
import { createAppContext } from '../../server/context.js';
import type { AppContext } from '../../server/platform/module.js';
import { cliAuditContext } from '../audit-context.js';
import { connectModules, modules } from '../../server/modules/index.js';
import { createOrgService, parseOrgCsv, type ImportProblem } from '../../server/modules/orgs/index.js';
import { orgKindLabels, orgKinds, type OrgKind } from '../../shared/orgs.js';

export function registerOrgCommands(program: Command): void {
  const org = program.command('org').description('组织机构：列出、导入');

  org
    .command('list')
    .description('列出组织机构（默认列出根及其下两级）')
    .option('--root <key>', '从该组织（id、引用或区划代码）开始')
    .option('--depth <n>', '展开层数', '2')
    .option('--kind <kind...>', `只列出这些类型：${orgKinds.join(', ')}`)
    .option('--json', '以 JSON 输出')
    .action(async (options: { root?: string; depth: string; kind?: string[]; json?: boolean }) => {
      const kinds = options.kind?.map((k) => {
        if (!(orgKinds as readonly string[]).includes(k)) throw new AppError('request.invalid', { message: `未知的组织类型 ${k}` });
        return k as OrgKind;
      });
      const depth = Number(options.depth);
      if (!Number.isInteger(depth) || depth < 0) throw new AppError('request.invalid', { message: '--depth 须为非负整数' });
      await withOrgs(async (orgs) => {
        const trees = await orgs.tree({ rootKey: options.root, depth, kinds });
        if (options.json) return void console.log(JSON.stringify(trees, null, 2));
        const print = (node: (typeof trees)[number], indent: string) => {
          const code = node.code ? ` ${node.code}` : '';
          console.log(`${indent}${node.nameZh}（${orgKindLabels[node.kind]}${code}）  ${node.ref}`);
          for (const child of node.children) print(child, `${indent}  `);
        };
        for (const tree of trees) print(tree, '');
      });
    });

  org
    .command('import')
    .description('从 CSV 导入组织机构；有错误的行按行号报告，整个文件不导入')
    .argument('<file>', 'CSV 文件（列：ref,parent_ref,kind,code,name_zh,name_mn,name_latin,short_name,doc_prefixes,credit_code）')
    .action(async (file: string) => {
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch (error) {
        throw new AppError('request.invalid', { message: `无法读取文件 ${file}：${(error as Error).message}` });
      }
      const { rows, problems } = parseOrgCsv(text);
      if (problems.length) return reportProblems(file, problems);
      await withOrgs(async (orgs, ctx) => {
        // Modules that keep an organisation's name (the service catalogue's search entries) follow a rename.
        connectModules(modules, ctx);
        try {
          const outcome = await orgs.importRows(rows, { log: ctx.audit, context: cliAuditContext() });
          console.log(`已导入 ${file}：新增 ${outcome.created} 个，更新 ${outcome.updated} 个，共 ${outcome.total} 行`);
        } catch (error) {
          if (error instanceof AppError && error.code === 'orgs.import_invalid') {
            return reportProblems(file, (error.details?.problems ?? []) as ImportProblem[]);
          }
          throw error;
        }
      });
    });
}

function reportProblems(file: string, problems: readonly ImportProblem[]): void {
  for (const p of problems) process.stderr.write(`${file}:${p.line}: ${p.message}\n`);
  process.stderr.write(`hinggan: ${file} 有 ${problems.length} 处错误，未导入任何数据\n`);
  process.exitCode = 1;
}

async function withOrgs(work: (orgs: ReturnType<typeof createOrgService>, ctx: AppContext) => Promise<void>): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase(config);
  try {
    await migrateToLatest(database.db);
    const ctx = createAppContext({ config, database });
    await work(createOrgService(ctx), ctx);
  } finally {
    await database.destroy();
  }
}
