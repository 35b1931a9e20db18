import { Button, Form, Input, List, Select, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { post } from '../../api.ts';
import { showDate } from '../../lib/forms.ts';
import type { Dossier } from '../../types.ts';

/** Return reasons, public consultation comments and concurrence (hiệp y) requests of a dossier. */
export function DossierExtras({ d, act }: { d: Dossier; act: (fn: () => Promise<unknown>) => Promise<void> }) {
  const { t } = useTranslation();
  const names = new Map(d.nominees.map((n) => [n.id, n.name]));
  const [comment] = Form.useForm<{ commenter: string; content: string; nomineeId?: number }>();
  const [concurrence] = Form.useForm<{ agency: string }>();
  const appraising = d.actions.some((a) => ['forward', 'decide', 'open_consultation', 'to_council', 'start_appraisal', 'return', 'reject'].includes(a.action));
  return (
    <>
      {d.returnReasons.length > 0 && (<>
        <Typography.Title level={5} style={{ marginTop: 16 }}>{t('dossiers.returnReasons')}</Typography.Title>
        <List size="small" bordered data-testid="dossier-return-reasons" dataSource={d.returnReasons} renderItem={(r) => (
          <List.Item>
            <Space wrap>
              {r.resolvedEventId ? <Tag color="green">{t('dossiers.resolved')}</Tag> : <Tag color="orange">{t('dossiers.states.returned')}</Tag>}
              {r.nomineeId && <b>{names.get(r.nomineeId)}</b>}
              {r.partKind && <span>{t(`dossiers.partKinds.${r.partKind}`)}</span>}
              {r.criterion && <span>{t('dossiers.criterion')}: {r.criterion}</span>}
              <span>{r.note}</span>
            </Space>
          </List.Item>
        )} />
      </>)}
      {(d.state === 'consultation' || d.comments.length > 0) && (<>
        <Typography.Title level={5} style={{ marginTop: 16 }}>{t('dossiers.comments')}</Typography.Title>
        <List size="small" bordered dataSource={d.comments} renderItem={(c) => (
          <List.Item><Space wrap><b>{c.commenter}</b>{c.nomineeId && <span>({names.get(c.nomineeId)})</span>}<span>{c.content}</span><Typography.Text type="secondary">{showDate(c.receivedOn)}</Typography.Text></Space></List.Item>
        )} />
        {d.state === 'consultation' && appraising && (
          <Form form={comment} layout="inline" style={{ marginTop: 8 }} onFinish={(v) => act(async () => { await post(`/dossiers/${d.id}/comments`, { version: d.version, commenter: v.commenter, content: v.content, nomineeId: v.nomineeId ?? null }); comment.resetFields(); })}>
            <Form.Item name="commenter" rules={[{ required: true, message: t('common.required') }]}><Input placeholder={t('dossiers.commenter')} /></Form.Item>
            <Form.Item name="nomineeId"><Select allowClear style={{ width: 200 }} placeholder={t('dossiers.nominee')} options={d.nominees.map((n) => ({ value: n.id, label: n.name }))} /></Form.Item>
            <Form.Item name="content" rules={[{ required: true, message: t('common.required') }]}><Input style={{ width: 320 }} placeholder={t('dossiers.content')} /></Form.Item>
            <Button htmlType="submit">{t('dossiers.addComment')}</Button>
          </Form>
        )}
      </>)}
      {(appraising || d.concurrences.length > 0) && (<>
        <Typography.Title level={5} style={{ marginTop: 16 }}>{t('dossiers.concurrences')}</Typography.Title>
        <List size="small" bordered dataSource={d.concurrences} renderItem={(c) => (
          <List.Item>
            <Space wrap>
              <b>{c.agency}</b><span>{t('dossiers.dueOn')}: {showDate(c.dueOn)}</span>
              {c.answer ? <Tag color={c.answer === 'agree' ? 'green' : 'red'}>{t(`dossiers.answers.${c.answer}`)}</Tag> : appraising && (['agree', 'disagree'] as const).map((a) => (
                <Button key={a} size="small" onClick={() => act(() => post(`/dossiers/${d.id}/concurrences/${c.id}/answer`, { version: c.version, answer: a }))}>{t(`dossiers.answers.${a}`)}</Button>
              ))}
              {c.answerNote && <span>{c.answerNote}</span>}
            </Space>
          </List.Item>
        )} />
        {appraising && (
          <Form form={concurrence} layout="inline" style={{ marginTop: 8 }} onFinish={(v) => act(async () => { await post(`/dossiers/${d.id}/concurrences`, { version: d.version, agency: v.agency }); concurrence.resetFields(); })}>
            <Form.Item name="agency" rules={[{ required: true, message: t('common.required') }]}><Input style={{ width: 320 }} placeholder={t('dossiers.agency')} /></Form.Item>
            <Button htmlType="submit">{t('dossiers.requestConcurrence')}</Button>
          </Form>
        )}
      </>)}
    </>
  );
}
