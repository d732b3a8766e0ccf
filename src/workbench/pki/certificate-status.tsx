import { Tag } from 'antd';
import { useState } from 'react';
import type { Certificate } from '../api/pki.js';

export function CertificateStatus({ certificate: c }: { certificate: Certificate }) {
  // The moment the page was shown: a status that changes while one looks at it would only confuse.
  const [now] = useState(() => Date.now());
  if (c.status === 'revoked') return <Tag color="red">已吊销</Tag>;
  if (new Date(c.notAfter).getTime() < now) return <Tag color="orange">已过期</Tag>;
  return <Tag color="green">有效</Tag>;
}
