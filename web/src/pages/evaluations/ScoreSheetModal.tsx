import { Checkbox, Descriptions, Form, InputNumber, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { put } from '../../api.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { pick } from '../../lib/eligibility.ts';
import { useLocale } from '../../lib/locale.tsx';
import type { EvaluationRow, RatingScheme, StageRequest } from '../../types.ts';
import { RatingTag } from './RatingTag.tsx';

type Values = { scores: Record<string, number>; vetoes: string[] };

/** The scheme's 100-point sheet for one evaluation: points per criterion, disqualifying breaches, the band as one types. */
export function ScoreSheetModal({ row, scheme, stage, onClose, onSaved }: { row: EvaluationRow; scheme: RatingScheme; stage: 'self' | 'proposal'; onClose: () => void; onSaved: () => Promise<void> }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [form] = Form.useForm<Values>();
  const scores = Form.useWatch('scores', form) ?? {};
  const vetoes = Form.useWatch('vetoes', form) ?? [];
  const total = Object.values(scores).reduce<number>((n, v) => n + (typeof v === 'number' ? v : 0), 0);
  const band = vetoes.length > 0 ? 'not_completed' : (scheme.bands.find((b) => total >= b.minScore)?.rating ?? 'not_completed');
  const kind = row.subjectKind;
  const previous = stage === 'self' ? row.selfSheet : row.proposedSheet ?? row.selfSheet;
  const submit = async (v: Values) => {
    await put(`/evaluations/${row.id}/${stage}`, { version: row.version, sheet: { scores: v.scores, vetoes: v.vetoes ?? [] } } satisfies StageRequest);
    await onSaved();
  };
  return (
    <FormModal<Values> title={`${t(stage === 'self' ? 'evaluations.selfSheet' : 'evaluations.proposalSheet')}: ${row.subjectName}`} open onClose={onClose} onSubmit={submit}
      form={form} fields={['scores', 'vetoes']} testId="score-sheet" width={760} initialValues={previous ?? { scores: {}, vetoes: [] }}>
      <Typography.Paragraph type="secondary">{pick(locale, scheme.nameVi, scheme.nameEn)} — {scheme.legalBasis}</Typography.Paragraph>
      {scheme.sheet.map((g) => (
        <Descriptions key={g.code} size="small" bordered column={1} title={`${g.code}. ${pick(locale, g.nameVi, g.nameEn)} (${g.max})`} style={{ marginBottom: 12 }}>
          {g.children.map((c) => (
            <Descriptions.Item key={c.code} label={`${c.code} ${pick(locale, c.nameVi, c.nameEn)}`}>
              <Form.Item name={['scores', c.code]} noStyle rules={[{ required: true, message: t('common.required') }]}>
                <InputNumber data-testid={`score-${c.code}`} min={0} max={c.max} step={0.5} style={{ width: 100 }} />
              </Form.Item>
              <Typography.Text type="secondary"> / {c.max}</Typography.Text>
            </Descriptions.Item>
          ))}
        </Descriptions>
      ))}
      <Form.Item name="vetoes" label={t('evaluations.vetoes')}>
        <Checkbox.Group options={scheme.vetoes.filter((v) => v.subjects.includes(kind)).map((v) => ({ value: v.id, label: pick(locale, v.nameVi, v.nameEn) }))} />
      </Form.Item>
      <Typography.Text strong data-testid="score-total">{t('evaluations.total', { total: Math.round(total * 100) / 100 })} </Typography.Text>
      <RatingTag rating={band} />
    </FormModal>
  );
}
