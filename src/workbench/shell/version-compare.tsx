import { Alert, Col, Empty, Row, Select, Space, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState, type ReactNode } from 'react';
import type { ApiError } from '../api/client.js';
import { QueryError } from './forbidden.js';
import { formatDateTime } from './format.js';

/** A saved version as both version lists show it. */
export interface VersionRow {
  readonly number: number;
  readonly createdByName: string;
  readonly createdAt: string;
}

/** A piece of a word-by-word difference. */
export interface DiffPart {
  readonly op: 'insert' | 'delete' | 'equal';
  readonly text: string;
}

export interface ComparedVersions {
  readonly from: number | undefined;
  readonly to: number | undefined;
  choose(which: 'from' | 'to', number: number): void;
}

/** The versions table's columns: number, title, then `steps` (the caller's own), who saved it and when. */
export function versionColumns<T extends VersionRow>(who: string, steps: ColumnsType<T> = []): ColumnsType<T> {
  return [
    { title: '版本', dataIndex: 'number', width: 80, render: (n: number) => `第 ${n} 版` },
    { title: '标题', dataIndex: 'title' },
    ...steps,
    { title: who, dataIndex: 'createdByName', width: 100 },
    { title: '保存时间', dataIndex: 'createdAt', width: 180, render: formatDateTime },
  ];
}

/** The two versions compared: the last two until the user chooses. */
export function useComparedVersions(list: readonly VersionRow[]): ComparedVersions {
  const [chosen, setChosen] = useState<{ from?: number; to?: number }>({});
  const from = chosen.from ?? (list.length > 1 ? list.at(-2)!.number : undefined);
  const to = chosen.to ?? list.at(-1)?.number;
  return { from, to, choose: (which, number) => setChosen({ from, to, [which]: number }) };
}

/**
 * 版本: the table of every saved version, two pickers and, below them, the difference between the
 * chosen two (`diff`, rendered by the caller once loaded).
 */
export function VersionComparison<T extends VersionRow>(props: {
  readonly versions: readonly T[];
  readonly loading: boolean;
  readonly columns: ColumnsType<T>;
  readonly compared: ComparedVersions;
  /** Prefix of the pickers' ids (their labels point at them). */
  readonly idPrefix: string;
  readonly diffError: ApiError | null;
  readonly diff: ReactNode;
}) {
  const { versions, compared, idPrefix } = props;
  const options = versions.map((v) => ({ value: v.number, label: `第 ${v.number} 版 · ${v.createdByName} · ${formatDateTime(v.createdAt)}` }));
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Table<T> rowKey="number" size="small" loading={props.loading} dataSource={[...versions]} pagination={false} columns={props.columns} />
      {versions.length < 2 ? (
        <Empty description="只有一个版本，暂无可比较的修改" />
      ) : (
        <>
          <Row gutter={12}>
            <Col xs={24} md={12}>
              <label htmlFor={`${idPrefix}-from`} className="wb-field-label">旧版本</label>
              <Select id={`${idPrefix}-from`} style={{ width: '100%' }} value={compared.from} options={options} onChange={(v: number) => compared.choose('from', v)} />
            </Col>
            <Col xs={24} md={12}>
              <label htmlFor={`${idPrefix}-to`} className="wb-field-label">新版本</label>
              <Select id={`${idPrefix}-to`} style={{ width: '100%' }} value={compared.to} options={options} onChange={(v: number) => compared.choose('to', v)} />
            </Col>
          </Row>
          {compared.from === compared.to && <Alert type="info" showIcon title="请选择两个不同的版本" />}
          {props.diffError && <QueryError error={props.diffError} />}
          {props.diff}
        </>
      )}
    </Space>
  );
}

/** A difference word by word: insertions underlined, deletions struck through. */
export function DiffParts({ parts }: { parts: readonly DiffPart[] }) {
  return (
    <>
      {parts.map((p, i) =>
        p.op === 'insert' ? (
          <ins key={i} title="新增">{p.text}</ins>
        ) : p.op === 'delete' ? (
          <del key={i} title="删除">{p.text}</del>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </>
  );
}
