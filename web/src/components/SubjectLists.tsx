import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Space } from 'antd';
import { PersonPicker } from '../pages/awarding/PersonPicker.tsx';
import { UnitSelect } from './UnitSelect.tsx';

/**
 * The people and collectives a form is about (awardees of a decision, nominees of a dossier): two lists in the
 * form's fields `people` ([{ personId }]) and `units` ([{ unitId }]), each with add and remove.
 */
export function SubjectLists({ testPrefix, addPersonLabel, addUnitLabel }: { testPrefix: string; addPersonLabel: string; addUnitLabel: string }) {
  return (
    <>
      <Form.List name="people">{(fields, { add, remove }) => (<>
        {fields.map((f) => (
          <Space key={f.key} align="baseline">
            <Form.Item name={[f.name, 'personId']}><PersonPicker testId={`${testPrefix}-person`} /></Form.Item>
            <MinusCircleOutlined onClick={() => remove(f.name)} />
          </Space>
        ))}
        <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} data-testid={`${testPrefix}-add-person`}>{addPersonLabel}</Button>
      </>)}</Form.List>
      <Form.List name="units">{(fields, { add, remove }) => (<>
        {fields.map((f) => (
          <Space key={f.key} align="baseline">
            <Form.Item name={[f.name, 'unitId']}><UnitSelect /></Form.Item>
            <MinusCircleOutlined onClick={() => remove(f.name)} />
          </Space>
        ))}
        <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} style={{ marginTop: 8 }}>{addUnitLabel}</Button>
      </>)}</Form.List>
    </>
  );
}
