import { Tag } from 'antd';
import { mailboxKinds, messageStates, surveyKinds, surveyStates, type MailboxKind, type MessageState, type SurveyState } from '../../shared/interaction.js';

const stateColors: Record<MessageState, string> = {
  received: 'gold',
  invalid: 'default',
  accepted: 'blue',
  routed: 'processing',
  drafted: 'purple',
  answered: 'green',
};

export function MessageStateTag({ state }: { state: MessageState }) {
  return <Tag color={stateColors[state]}>{messageStates[state]}</Tag>;
}

/** 超期: unanswered past the three-month limit. */
export function OverdueTag({ overdue }: { overdue: boolean }) {
  return overdue ? <Tag color="red">超期</Tag> : null;
}

export const mailboxLabel = (kind: MailboxKind) => mailboxKinds[kind];

export const mailboxOptions = (Object.keys(mailboxKinds) as MailboxKind[]).map((value) => ({ value, label: mailboxKinds[value] }));
export const stateOptions = (Object.keys(messageStates) as MessageState[]).map((value) => ({ value, label: messageStates[value] }));

const surveyColors: Record<SurveyState, string> = { draft: 'default', submitted: 'gold', rejected: 'red', published: 'green' };

export function SurveyStateTag({ state, open }: { state: SurveyState; open: boolean }) {
  return (
    <>
      <Tag color={surveyColors[state]}>{surveyStates[state]}</Tag>
      {state === 'published' && <Tag color={open ? 'processing' : 'default'}>{open ? '征集中' : '未在征集时间内'}</Tag>}
    </>
  );
}

export const surveyKindLabel = (kind: keyof typeof surveyKinds) => surveyKinds[kind];

/** The percentage the server gives (0–100), with one decimal. */
export const formatPercent = (value: number) => `${(Math.round(value * 10) / 10).toFixed(1)}%`;
