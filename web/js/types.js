// The event types of the record (EVENTS.md) with their colours and display names.
export const TYPES = [
  ['armed_clash', '#d62728', 'armed clash'],
  ['territory_change', '#9467bd', 'territory change'],
  ['air_strike', '#1f77b4', 'air strike'],
  ['shelling', '#ff7f0e', 'shelling'],
  ['bombing', '#8c564b', 'bombing'],
  ['attack_on_civilians', '#e377c2', 'attack on civilians'],
  ['siege', '#7f7f7f', 'siege'],
  ['displacement', '#17becf', 'displacement'],
  ['evacuation', '#2ca02c', 'evacuation'],
  ['aid_delivery', '#bcbd22', 'aid delivery'],
  ['surrender', '#393b79', 'surrender'],
  ['arrest', '#637939', 'arrest'],
  ['agreement', '#3182bd', 'agreement'],
  ['ceasefire_violation', '#e6550d', 'ceasefire violation'],
  ['protest', '#31a354', 'protest'],
  ['riot', '#843c39', 'riot'],
  ['toll', '#636363', 'toll'],
];

const byName = new Map(TYPES.map(([name, color, label]) => [name, { color, label }]));

export function typeColor(type) {
  return (byName.get(type) || { color: '#444' }).color;
}

export function typeLabel(type) {
  return (byName.get(type) || { label: type }).label;
}
