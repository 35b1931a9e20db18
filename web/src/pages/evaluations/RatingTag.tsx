import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Rating } from '../../types.ts';

export const RATING_COLORS: Record<Rating, string> = { excellent: 'green', good: 'blue', completed: 'gold', not_completed: 'red' };

/** A rating (mức độ hoàn thành nhiệm vụ) as a coloured tag, with its score when scored on the sheet. */
export function RatingTag({ rating, score }: { rating: Rating | null; score?: number | null }) {
  const { t } = useTranslation();
  if (!rating) return <span>—</span>;
  return <Tag color={RATING_COLORS[rating]}>{t(`evaluations.rating.${rating}`)}{score != null ? ` (${score})` : ''}</Tag>;
}
