// The few platform globals shared/ relies on, present in every browser, worker and Node 20+.
// Declared here because shared/ compiles without the DOM and Node type libraries on purpose.
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  readonly encoding: string;
  decode(input?: ArrayBufferView | ArrayBuffer, options?: { stream?: boolean }): string;
}
