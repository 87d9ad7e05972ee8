// The synthetic Inventory Ledger (detail) file of the import benchmarks, shared by the browser bench
// page and the Node import profile so both read exactly the same bytes.

/** A synthetic Inventory Ledger (detail) file for the given FNSKUs: quoted TSV as Amazon writes it. */
export function ledgerFile(fnskus: readonly string[], rows: number): Uint8Array {
  const header = '"Date"\t"FNSKU"\t"ASIN"\t"MSKU"\t"Title"\t"Event Type"\t"Reference ID"\t"Quantity"\t"Fulfillment Center"\t"Disposition"\t"Reason"\t"Country"\t"Reconciled Quantity"\t"Unreconciled Quantity"\t"Date and Time"\t"Store"\n';
  const types = ['Shipments', 'Shipments', 'Shipments', 'Shipments', 'Receipts', 'CustomerReturns', 'Adjustments'];
  const parts: string[] = [header];
  for (let i = 0; i < rows; i++) {
    const fnsku = fnskus[i % fnskus.length]!;
    const type = types[i % types.length]!;
    const qty = type === 'Shipments' ? -1 - (i % 2) : type === 'Receipts' ? 60 : type === 'Adjustments' ? -1 : 1;
    const day = 1 + (i % 28);
    const month = 1 + (Math.floor(i / 83_334) % 12);
    const mm = String(month).padStart(2, '0');
    const dd = String(day).padStart(2, '0');
    parts.push(`"${mm}/${dd}/2025"\t"${fnsku}"\t"B0BENCH001"\t"SKU-${i % 10000}"\t"Bench item"\t"${type}"\t"111-${String(i).padStart(7, '0')}"\t"${qty}"\t"ONT8"\t"SELLABLE"\t""\t"US"\t""\t""\t"2025-${mm}-${dd}T09:14:07-0700"\t""\n`);
  }
  return new TextEncoder().encode(parts.join(''));
}
