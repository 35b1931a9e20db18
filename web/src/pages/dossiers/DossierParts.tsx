import { UploadOutlined } from '@ant-design/icons';
import { Button, Select, Space, Table, Tag } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.ts';
import type { Dossier } from '../../types.ts';

const PART_KINDS = ['submission_letter', 'achievement_report', 'council_minutes', 'initiative_recognition', 'other'] as const;

/** The parts (PDF only), downloads as attachments, and the upload while the sender may still change the dossier. */
export function DossierParts({ d, editable, act }: { d: Dossier; editable: boolean; act: (fn: () => Promise<unknown>) => Promise<void> }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<(typeof PART_KINDS)[number]>('submission_letter');
  const [nomineeId, setNomineeId] = useState<number | undefined>();
  const input = useRef<HTMLInputElement>(null);
  const names = new Map(d.nominees.map((n) => [n.id, n.name]));
  const upload = (file: File) => act(async () => {
    const body = new FormData();
    body.append('file', file);
    await api('POST', `/dossiers/${d.id}/parts?version=${d.version}&kind=${kind}${nomineeId ? `&nomineeId=${nomineeId}` : ''}`, body);
  });
  const present = (k: string, n?: number) => d.parts.some((p) => p.kind === k && (n === undefined || p.nomineeId === n));
  return (
    <>
      <Space wrap style={{ marginBottom: 8 }}>
        {d.requiredParts.map((r) => (r.perNominee ? d.nominees.map((n) => (
          <Tag key={`${r.kind}-${n.id}`} color={present(r.kind, n.id) ? 'green' : 'red'}>{t(`dossiers.partKinds.${r.kind}`)} — {n.name}</Tag>
        )) : <Tag key={r.kind} color={present(r.kind) ? 'green' : 'red'} title={r.basis}>{t(`dossiers.partKinds.${r.kind}`)}</Tag>))}
      </Space>
      <Table size="small" rowKey="id" dataSource={d.parts} pagination={false} columns={[
        { title: t('dossiers.partKind'), dataIndex: 'kind', render: (v: string) => t(`dossiers.partKinds.${v}`) },
        { title: t('dossiers.forNominee'), dataIndex: 'nomineeId', render: (v: number | null) => (v ? names.get(v) : '') },
        { title: 'PDF', dataIndex: 'fileName', render: (v: string, r) => <a href={`/api/v1/dossiers/${d.id}/parts/${r.id}/file`} download>{v}</a> },
        { title: 'KB', dataIndex: 'sizeBytes', width: 80, render: (v: number) => Math.ceil(v / 1024) },
      ]} />
      {editable && (
        <Space wrap style={{ marginTop: 8 }}>
          <Select data-testid="part-kind" style={{ width: 220 }} value={kind} onChange={setKind} options={PART_KINDS.map((k) => ({ value: k, label: t(`dossiers.partKinds.${k}`) }))} />
          <Select data-testid="part-nominee" allowClear style={{ width: 220 }} placeholder={t('dossiers.forNominee')} value={nomineeId} onChange={setNomineeId} options={d.nominees.map((n) => ({ value: n.id, label: n.name }))} />
          <input ref={input} type="file" accept="application/pdf,.pdf" hidden data-testid="part-file" onChange={(e) => { const f = e.target.files?.[0]; if (f) void upload(f); e.target.value = ''; }} />
          <Button icon={<UploadOutlined />} onClick={() => input.current?.click()} data-testid="part-upload">{t('dossiers.upload')}</Button>
        </Space>
      )}
    </>
  );
}
