import type { ComponentChildren } from 'preact';
import { renderPage } from '../../../../platform/views/render.js';
import type { DocumentVerdict, SealVerdict } from '../seal.schema.js';
import { localTime } from '../seal.verify.js';

/**
 * The public verification page (电子公文验证): a form that works without JavaScript, and the
 * verdict in Chinese. Self-contained (its few styles inline) so it depends on no other module's look.
 */

const styles = `
body{margin:0;font:16px/1.7 PingFang SC,Microsoft YaHei,Noto Sans CJK SC,sans-serif;color:#1f1f1f;background:#f5f6f8}
header{background:#b3000c;color:#fff;padding:14px 24px}header a{color:#fff;text-decoration:none;font-weight:bold}
main{max-width:860px;margin:24px auto;padding:0 16px}
h1{font-size:26px;margin:0 0 8px}h2{font-size:21px;margin:0 0 6px}h3{font-size:18px;margin:0 0 8px}
.card{background:#fff;border:1px solid #e3e5e8;border-radius:6px;padding:18px 22px;margin:16px 0}
label{display:block;font-weight:bold;margin-bottom:6px}
input[type=file]{display:block;margin:0 0 14px;font-size:16px}
button{font-size:17px;padding:8px 28px;background:#b3000c;color:#fff;border:0;border-radius:4px;cursor:pointer}
button:focus,input:focus,a:focus{outline:3px solid #ffbf47;outline-offset:2px}
.ok{border-left:6px solid #237804}.fail{border-left:6px solid #cf1322}
.ok h2{color:#237804}.fail h2{color:#cf1322}
.problem{color:#cf1322}
dl{display:grid;grid-template-columns:9em 1fr;gap:4px 12px;margin:0}dt{color:#595959}dd{margin:0;word-break:break-all}
.muted{color:#595959;font-size:14px}code{font-size:14px}
`;

function Page({ title, children }: { title: string; children: ComponentChildren }) {
  return (
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{title}</title>
        <style>{styles}</style>
      </head>
      <body>
        <header>
          <a href="/">兴安政务平台</a>
        </header>
        <main id="main">{children}</main>
      </body>
    </html>
  );
}

export interface VerifyPageProps {
  readonly limitMb: number;
  /** A problem with the upload itself (no file, too large, too many requests). */
  readonly problem?: string | undefined;
  readonly result?: { readonly verdict: DocumentVerdict; readonly fileName: string | null } | undefined;
}

function UploadForm({ limitMb, again }: { limitMb: number; again: boolean }) {
  return (
    <form class="card" method="post" action="/verify/document" enctype="multipart/form-data">
      <label for="file">{again ? '验证另一份文件' : '选择公文 PDF 文件'}（不超过 {limitMb} MB）</label>
      <input type="file" id="file" name="file" accept="application/pdf,.pdf" required />
      <button type="submit">验证</button>
    </form>
  );
}

const subjectLine = (subject: Readonly<Record<string, string>>) =>
  [subject.commonName, subject.organization, subject.organizationalUnit].filter(Boolean).join('，');

function SealCard({ seal, index, count }: { seal: SealVerdict; index: number; count: number }) {
  const ok = seal.status === 'valid';
  const cert = seal.certificate;
  return (
    <section class={`card ${ok ? 'ok' : 'fail'}`} aria-labelledby={`seal-${index}`}>
      <h3 id={`seal-${index}`}>
        {count > 1 ? `第 ${index + 1} 枚印章：` : '印章：'}
        {seal.sealName ?? '（无法读取）'}
      </h3>
      <dl>
        <dt>结论</dt>
        <dd class={ok ? undefined : 'problem'}>
          {seal.message}
          {seal.detail ? `（${seal.detail}）` : ''}
        </dd>
        {seal.organization ? (
          <>
            <dt>盖章单位</dt>
            <dd>{seal.organization}</dd>
          </>
        ) : null}
        {seal.signedAt ? (
          <>
            <dt>盖章时间</dt>
            <dd>{localTime(new Date(seal.signedAt))}（北京时间）</dd>
          </>
        ) : null}
        {seal.sealId ? (
          <>
            <dt>印章编码</dt>
            <dd>
              <code>{seal.sealId}</code>
            </dd>
          </>
        ) : null}
        {seal.sealValidFrom && seal.sealValidTo ? (
          <>
            <dt>印章有效期</dt>
            <dd>
              {localTime(new Date(seal.sealValidFrom))} 至 {localTime(new Date(seal.sealValidTo))}
            </dd>
          </>
        ) : null}
        {cert ? (
          <>
            <dt>印章证书</dt>
            <dd>
              {subjectLine(cert.subject)}
              {cert.subject.serialNumber ? `（统一社会信用代码 ${cert.subject.serialNumber}）` : ''}
            </dd>
            <dt>证书序列号</dt>
            <dd>
              <code>{cert.serial}</code>
            </dd>
            <dt>证书签发者</dt>
            <dd>{subjectLine(cert.issuer)}</dd>
            <dt>证书有效期</dt>
            <dd>
              {localTime(new Date(cert.notBefore))} 至 {localTime(new Date(cert.notAfter))}
            </dd>
          </>
        ) : null}
        {seal.certificateAtSigning ? (
          <>
            <dt>证书链与状态</dt>
            <dd class={seal.certificateAtSigning.status === 'valid' ? undefined : 'problem'}>
              盖章时：{seal.certificateAtSigning.message}
              {seal.certificateNow ? `；现在：${seal.certificateNow.message}` : ''}
            </dd>
          </>
        ) : null}
        {seal.maker ? (
          <>
            <dt>制章人</dt>
            <dd>
              {subjectLine(seal.maker.subject)}（{seal.maker.check.message}）
            </dd>
          </>
        ) : null}
        <dt>文件完整性</dt>
        <dd class={seal.status === 'altered' || seal.status === 'incomplete' ? 'problem' : undefined}>
          {seal.status === 'altered' || seal.status === 'incomplete'
            ? seal.message
            : seal.documentHash
              ? seal.coversWholeFile
                ? '自盖章后未被修改'
                : '自盖章后未被修改（其后仅加盖了其他印章）'
              : '无法判断'}
        </dd>
        {seal.documentHash ? (
          <>
            <dt>SM3 杂凑值</dt>
            <dd>
              <code>{seal.documentHash}</code>
            </dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}

function Verdict({ verdict, fileName }: { verdict: DocumentVerdict; fileName: string | null }) {
  return (
    <>
      <section class={`card ${verdict.valid ? 'ok' : 'fail'}`} role="status" aria-live="polite">
        <h2>{verdict.valid ? '✔ 验证通过' : '✘ 验证未通过'}</h2>
        <p>{verdict.message}</p>
        <p class="muted">
          文件：{fileName ?? '（未命名）'}，{verdict.fileSize} 字节；验证时间 {localTime(new Date(verdict.verifiedAt))}（北京时间）
          {verdict.code ? (
            <>
              ；结论代码 <code>{verdict.code}</code>
            </>
          ) : null}
        </p>
      </section>
      {verdict.seals.map((seal, index) => (
        <SealCard seal={seal} index={index} count={verdict.seals.length} />
      ))}
    </>
  );
}

export function renderVerifyPage({ limitMb, problem, result }: VerifyPageProps): string {
  const title = result ? (result.verdict.valid ? '验证通过 - 电子公文验证' : '验证未通过 - 电子公文验证') : '电子公文验证';
  return renderPage(
    <Page title={title}>
      <h1>电子公文验证</h1>
      <p>
        上传盖有电子印章的公文 PDF，核验盖章单位、盖章时间、印章证书是否由本平台证书机构签发且有效，以及文件在盖章后是否被修改。
        文件只用于本次核验，不会保存。
      </p>
      {problem ? (
        <p class="card fail problem" role="alert">
          {problem}
        </p>
      ) : null}
      {result ? <Verdict verdict={result.verdict} fileName={result.fileName} /> : null}
      <UploadForm limitMb={limitMb} again={result !== undefined} />
      <p class="muted">
        也可用命令行 <code>hinggan document verify 文件.pdf</code> 或接口 <code>POST /api/v1/documents/verify</code> 验证。
      </p>
    </Page>,
  );
}
