import type { Certificate, RevocationReason } from '../api/pki.js';

export const kindLabels: Record<Certificate['kind'], string> = { root: '根证书', seal: '电子印章证书', personal: '个人签名证书' };

export const profileLabels: Record<Certificate['profile'], string> = { sm2: 'SM2（国密）', p256: 'P-256（浏览器）' };

export const reasonLabels: Record<RevocationReason, string> = {
  unspecified: '未指明',
  keyCompromise: '私钥泄露',
  affiliationChanged: '隶属关系变更',
  superseded: '已被新证书取代',
  cessationOfOperation: '停止使用',
  privilegeWithdrawn: '权限撤销',
};

/** Offers text as a file download without sending it anywhere. */
export function downloadText(fileName: string, text: string, type = 'application/x-pem-file') {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
