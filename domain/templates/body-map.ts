// The regions of a body map, front and back, as data: a bodyMap item's answer is the list of the
// region values marked. The list is fixed by the engine (not by each template) so that "head
// marked" means the same in every form and a report can count injuries by region. Left and right
// are the person's own. `x` and `y` place the region's mark on the outline a renderer draws, in a
// 100 x 220 box for each view (head at the top).
export type BodyView = 'front' | 'back';

export type BodyRegion = { value: string; label: string; view: BodyView; head?: true; x: number; y: number };

const FRONT: BodyRegion[] = [
  { value: 'head-front', label: 'Head and face', view: 'front', head: true, x: 50, y: 14 },
  { value: 'neck-front', label: 'Neck (front)', view: 'front', x: 50, y: 32 },
  { value: 'chest', label: 'Chest', view: 'front', x: 50, y: 52 },
  { value: 'abdomen', label: 'Abdomen', view: 'front', x: 50, y: 82 },
  { value: 'groin', label: 'Groin and genitals', view: 'front', x: 50, y: 104 },
  { value: 'right-shoulder-front', label: 'Right shoulder (front)', view: 'front', x: 30, y: 40 },
  { value: 'left-shoulder-front', label: 'Left shoulder (front)', view: 'front', x: 70, y: 40 },
  { value: 'right-upper-arm-front', label: 'Right upper arm (front)', view: 'front', x: 24, y: 60 },
  { value: 'left-upper-arm-front', label: 'Left upper arm (front)', view: 'front', x: 76, y: 60 },
  { value: 'right-forearm-front', label: 'Right forearm and wrist (front)', view: 'front', x: 18, y: 88 },
  { value: 'left-forearm-front', label: 'Left forearm and wrist (front)', view: 'front', x: 82, y: 88 },
  { value: 'right-hand-front', label: 'Right hand (palm)', view: 'front', x: 14, y: 110 },
  { value: 'left-hand-front', label: 'Left hand (palm)', view: 'front', x: 86, y: 110 },
  { value: 'right-thigh-front', label: 'Right thigh (front)', view: 'front', x: 40, y: 130 },
  { value: 'left-thigh-front', label: 'Left thigh (front)', view: 'front', x: 60, y: 130 },
  { value: 'right-knee-lower-leg-front', label: 'Right knee and lower leg (front)', view: 'front', x: 40, y: 170 },
  { value: 'left-knee-lower-leg-front', label: 'Left knee and lower leg (front)', view: 'front', x: 60, y: 170 },
  { value: 'right-foot', label: 'Right foot and ankle', view: 'front', x: 40, y: 206 },
  { value: 'left-foot', label: 'Left foot and ankle', view: 'front', x: 60, y: 206 },
];

const BACK: BodyRegion[] = [
  { value: 'head-back', label: 'Back of head', view: 'back', head: true, x: 50, y: 14 },
  { value: 'neck-back', label: 'Back of neck', view: 'back', x: 50, y: 32 },
  { value: 'upper-back', label: 'Upper back', view: 'back', x: 50, y: 56 },
  { value: 'lower-back', label: 'Lower back and loins', view: 'back', x: 50, y: 86 },
  { value: 'buttocks', label: 'Buttocks', view: 'back', x: 50, y: 106 },
  { value: 'left-shoulder-back', label: 'Left shoulder (back)', view: 'back', x: 30, y: 40 },
  { value: 'right-shoulder-back', label: 'Right shoulder (back)', view: 'back', x: 70, y: 40 },
  { value: 'left-upper-arm-back', label: 'Left upper arm (back)', view: 'back', x: 24, y: 60 },
  { value: 'right-upper-arm-back', label: 'Right upper arm (back)', view: 'back', x: 76, y: 60 },
  { value: 'left-forearm-back', label: 'Left forearm and wrist (back)', view: 'back', x: 18, y: 88 },
  { value: 'right-forearm-back', label: 'Right forearm and wrist (back)', view: 'back', x: 82, y: 88 },
  { value: 'left-hand-back', label: 'Left hand (back)', view: 'back', x: 14, y: 110 },
  { value: 'right-hand-back', label: 'Right hand (back)', view: 'back', x: 86, y: 110 },
  { value: 'left-thigh-back', label: 'Left thigh (back)', view: 'back', x: 40, y: 130 },
  { value: 'right-thigh-back', label: 'Right thigh (back)', view: 'back', x: 60, y: 130 },
  { value: 'left-calf', label: 'Left knee and calf (back)', view: 'back', x: 40, y: 170 },
  { value: 'right-calf', label: 'Right knee and calf (back)', view: 'back', x: 60, y: 170 },
];

/** Every region, front then back. Values are stored in responses: never rename or reuse one. */
export const BODY_MAP_REGIONS: readonly BodyRegion[] = [...FRONT, ...BACK];

const byValue = new Map(BODY_MAP_REGIONS.map((r) => [r.value, r]));

export function bodyRegion(value: string): BodyRegion | undefined {
  return byValue.get(value);
}

/** The head regions (front and back): marking either is a head injury to be asked about directly. */
export const HEAD_REGIONS: readonly string[] = BODY_MAP_REGIONS.filter((r) => r.head).map((r) => r.value);
