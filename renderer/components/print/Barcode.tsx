// A Code 128 barcode as inline SVG: one <rect> per bar, sized in millimetres so it prints at a
// scannable module width whatever the screen zoom; the SVG prints as vectors, not as an image.
import { code128 } from '../../../shared/print/code128';

/** The quiet zone a scanner needs on each side: at least 10 modules (ISO/IEC 15417). */
export const QUIET_ZONE_MODULES = 10;

export interface BarcodeProps {
  /** Printable ASCII (32–126), e.g. an FNSKU or a SKU code. */
  value: string;
  /** Bar height in CSS pixels (96 per inch: 38 px ≈ 10 mm). */
  height?: number;
  /** Narrowest bar in millimetres (the "X dimension"); 0.25–0.5 mm reads well on office printers. */
  moduleMm?: number;
  /** Prints the text under the bars (on by default). */
  showText?: boolean;
  /** Shown instead of bars when the value cannot be encoded (pass a translated text). */
  invalidMessage?: string;
}

export function Barcode({ value, height = 38, moduleMm = 0.3, showText = true, invalidMessage = 'Not printable as a barcode' }: BarcodeProps) {
  let encoded: ReturnType<typeof code128>;
  try {
    encoded = code128(value);
  } catch (error) {
    return (
      <span className="print-barcode print-barcode--invalid" role="img" aria-label={value} title={error instanceof Error ? error.message : undefined} data-barcode={value}>
        <span className="print-barcode__text">{value}</span>
        <span className="print-barcode__problem">{invalidMessage}</span>
      </span>
    );
  }
  const totalModules = encoded.widthModules + 2 * QUIET_ZONE_MODULES;
  const rects: { x: number; width: number }[] = [];
  let x = QUIET_ZONE_MODULES;
  encoded.bars.forEach((width, index) => {
    if (index % 2 === 0) rects.push({ x, width });
    x += width;
  });
  return (
    <span className="print-barcode" role="img" aria-label={value} data-barcode={value}>
      <svg
        xmlns="http://www.w3.org/2000/svg"
        width={`${totalModules * moduleMm}mm`}
        height={height}
        viewBox={`0 0 ${totalModules} ${height}`}
        preserveAspectRatio="none"
        shapeRendering="crispEdges"
        aria-hidden="true"
        focusable="false"
      >
        {/* White behind bars and quiet zones, so a tinted background never shortens the quiet zone. */}
        <rect x={0} y={0} width={totalModules} height={height} fill="#fff" />
        {rects.map((bar) => (
          <rect key={bar.x} x={bar.x} y={0} width={bar.width} height={height} fill="#000" />
        ))}
      </svg>
      {showText ? <span className="print-barcode__text" aria-hidden="true">{value}</span> : null}
    </span>
  );
}
