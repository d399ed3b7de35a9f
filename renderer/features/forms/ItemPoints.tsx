/** The points an answered scored item adds to its total, shown beside it as it is answered. */
export function ItemPoints({ points }: { points: number | null }) {
  if (points === null) return null;
  return (
    <p className="sonar-item-points" data-testid="item-points">
      Adds {points === 1 ? '1 point' : `${points} points`}
    </p>
  );
}
