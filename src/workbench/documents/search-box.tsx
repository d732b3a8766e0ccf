import { Input } from 'antd';
import { useNavigate } from 'react-router';

/**
 * The full-text search box of the 发文 and 收文 pages: it opens 公文检索 (/documents/search) with the
 * words typed, over every document the user may see, not only the list below it.
 */
export function DocumentSearchBox({ id, label = '全文检索公文' }: { id: string; label?: string }) {
  const navigate = useNavigate();
  return (
    <div role="search">
      <label htmlFor={id} className="wb-field-label">{label}</label>
      <Input.Search
        id={id}
        allowClear
        maxLength={200}
        enterButton="检索"
        placeholder="标题、发文字号、正文或附件中的词"
        onSearch={(value) => {
          const q = value.trim();
          if (q) void navigate(`/documents/search?q=${encodeURIComponent(q)}`);
        }}
      />
    </div>
  );
}
