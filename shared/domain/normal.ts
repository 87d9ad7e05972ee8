// The inverse standard normal turns a service level into the z of the safety-stock formula
// (PRODUCT §4.3). Wichura's AS241 (PPND16, Applied Statistics 1988) is accurate to about 1e-16,
// needs no erf and no refinement step, and is three rational functions — cheap and exact enough.

// Coefficients in ascending powers, rounded to the nearest double.
const CENTRAL_NUM = [3.3871328727963665, 133.14166789178438, 1971.5909503065513, 13731.69376550946, 45921.95393154987, 67265.7709270087, 33430.57558358813, 2509.0809287301227] as const;
const CENTRAL_DEN = [1, 42.31333070160091, 687.1870074920579, 5394.196021424751, 21213.794301586597, 39307.89580009271, 28729.085735721943, 5226.495278852854] as const;
const NEAR_NUM = [1.4234371107496835, 4.630337846156546, 5.769497221460691, 3.6478483247632045, 1.2704582524523684, 0.2417807251774506, 0.022723844989269184, 0.0007745450142783414] as const;
const NEAR_DEN = [1, 2.053191626637759, 1.6763848301838038, 0.6897673349851, 0.14810397642748008, 0.015198666563616457, 0.0005475938084995345, 1.0507500716444169e-9] as const;
const TAIL_NUM = [6.657904643501103, 5.463784911164114, 1.7848265399172913, 0.29656057182850487, 0.026532189526576124, 0.0012426609473880784, 0.000027115555687434876, 2.0103343992922881e-7] as const;
const TAIL_DEN = [1, 0.599832206555888, 0.1369298809227358, 0.014875361290850615, 0.0007868691311456133, 0.000018463183175100548, 1.421511758316446e-7, 2.0442631033899397e-15] as const;

type Coefficients = readonly [number, number, number, number, number, number, number, number];

function polynomial(c: Coefficients, x: number): number {
  return ((((((c[7] * x + c[6]) * x + c[5]) * x + c[4]) * x + c[3]) * x + c[2]) * x + c[1]) * x + c[0];
}

/**
 * z such that P(Z ≤ z) = serviceLevel for a standard normal Z (0.95 → 1.6449, 0.5 → 0, 0.99 → 2.3263).
 * Throws a RangeError outside the open interval (0, 1): 0 and 1 would need an infinite safety stock.
 */
export function zForServiceLevel(serviceLevel: number): number {
  if (!(serviceLevel > 0 && serviceLevel < 1)) {
    throw new RangeError(`Service level must be strictly between 0 and 1 (e.g. 0.95 for 95%), got ${serviceLevel}`);
  }
  const q = serviceLevel - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (q * polynomial(CENTRAL_NUM, r)) / polynomial(CENTRAL_DEN, r);
  }
  let r = Math.sqrt(-Math.log(q < 0 ? serviceLevel : 1 - serviceLevel));
  let z: number;
  if (r <= 5) {
    r -= 1.6;
    z = polynomial(NEAR_NUM, r) / polynomial(NEAR_DEN, r);
  } else {
    r -= 5;
    z = polynomial(TAIL_NUM, r) / polynomial(TAIL_DEN, r);
  }
  return q < 0 ? -z : z;
}
