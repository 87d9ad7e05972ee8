// Dense slot numbers for ids (SKU ids, location ids): a typed-array lookup instead of a Map in the hot
// loops over a million movements. Slots follow ascending id, so slot order is id order.

export interface Slots {
  /** slotOf[id] is the id's slot, or -1 for ids not present. */
  slotOf: Int32Array;
  /** idOf[slot] is the id. */
  idOf: Int32Array;
  count: number;
}

export function denseSlots(ids: Int32Array, length = ids.length): Slots {
  let maxId = -1;
  for (let i = 0; i < length; i++) if (ids[i]! > maxId) maxId = ids[i]!;
  const slotOf = new Int32Array(maxId + 1).fill(-1);
  for (let i = 0; i < length; i++) slotOf[ids[i]!] = 0;
  let count = 0;
  for (let id = 0; id <= maxId; id++) if (slotOf[id] === 0) slotOf[id] = count++;
  const idOf = new Int32Array(count);
  for (let id = 0; id <= maxId; id++) if (slotOf[id]! >= 0) idOf[slotOf[id]!] = id;
  return { slotOf, idOf, count };
}
